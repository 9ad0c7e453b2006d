//! JSON: read into the value tree, written with serde.

use serde::Serialize;

use super::{Format, ReadError, ReadErrorKind};
use crate::diagnostic::Position;
use crate::directory::Directory;
use crate::document::{Node, keep_written_numbers};
use crate::gateway::GatewayConfig;
use crate::partner::PartnerConfig;
use crate::text::{MAX_SHOWN_CHARS, visible_within};

pub(super) fn read(text: &str) -> Result<Node, ReadError> {
    let mut node = serde_json::from_str::<Node>(text).map_err(|error| {
        let position = (error.line() > 0).then(|| Position {
            line: u32::try_from(error.line()).unwrap_or(u32::MAX),
            column: u32::try_from(error.column()).unwrap_or(u32::MAX),
        });
        let message = error.to_string();
        // serde_json appends " at line L column C"; the position is reported separately.
        let message = match message.rfind(" at line ") {
            Some(at) => message[..at].to_owned(),
            None => message,
        };
        if message.starts_with("nesting deeper than") || message.contains("recursion limit") {
            ReadError::new(
                ReadErrorKind::TooDeep {
                    limit: crate::limits::MAX_DEPTH,
                },
                position,
            )
        } else {
            // serde_json may quote input whole, such as a string of the wrong type.
            let message = visible_within(&message, 4 * MAX_SHOWN_CHARS);
            ReadError::syntax(Format::Json, message, position)
        }
    })?;
    keep_written_numbers(&mut node, text);
    Ok(node)
}

#[derive(Serialize)]
struct DirectoryJson<'a> {
    gateway: &'a GatewayConfig,
    partners: &'a [PartnerConfig],
}

pub(super) fn write(directory: &Directory) -> String {
    let document = DirectoryJson {
        gateway: directory.gateway(),
        partners: directory.partners(),
    };
    // INVARIANT: the document holds only structs, strings, numbers, booleans and lists, which
    // serde_json always serialises into a String.
    #[allow(clippy::expect_used)]
    let mut text =
        serde_json::to_string_pretty(&document).expect("a directory always serialises to JSON");
    text.push('\n');
    text
}
