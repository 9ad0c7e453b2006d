//! The text of `Get-CsXmppAllowedPartner | Format-List`: one block of `Name : Value` lines per
//! partner, separated by blank lines.
//!
//! PowerShell wraps long values at spaces onto indented continuation lines, which are joined
//! back with one space. It
//! prints collections as `{a, b, c}` and cuts them after `$FormatEnumerationLimit` items (4 by
//! default) with `...`: such a list is incomplete, so it is reported rather than read.

use super::{Format, ReadError};
use crate::diagnostic::{Detail, Diagnostic, Position};
use crate::document::{Key, Node, Value};

/// Whether the text starts like `Format-List` output.
pub(super) fn looks_like(text: &str) -> bool {
    text.lines()
        .find(|line| !line.trim().is_empty())
        .is_some_and(|line| property(line).is_some())
}

/// `Name : Value`, with any spaces before the colon. The name is a PowerShell property name.
fn property(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.split_once(':')?;
    let name = name.trim_end();
    let valid = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !valid {
        return None;
    }
    let value = value.strip_prefix(' ').unwrap_or(value);
    Some((name, value))
}

pub(super) fn read(text: &str) -> Result<(Node, Vec<Diagnostic>), ReadError> {
    let mut records: Vec<Node> = Vec::new();
    let mut current: Vec<(Key, Node)> = Vec::new();
    let mut start: Option<Position> = None;
    let mut finish = |current: &mut Vec<(Key, Node)>, start: &mut Option<Position>| {
        if !current.is_empty() {
            records.push(Node::new(Value::Map(std::mem::take(current)), start.take()));
        }
    };
    for (index, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let here = Position {
            line: u32::try_from(index + 1).unwrap_or(u32::MAX),
            column: 1,
        };
        let position = Some(here);
        if line.trim().is_empty() {
            finish(&mut current, &mut start);
            continue;
        }
        let continuation = line.starts_with([' ', '\t']);
        match (continuation, current.last_mut()) {
            (true, Some((_, node))) => {
                // PowerShell wraps at spaces and keeps the space at the end of the line, which
                // copying from a console usually drops: join with one space.
                if let Value::Text(value) = &mut node.value {
                    let piece = line.trim();
                    if !value.is_empty() && !value.ends_with(' ') && !piece.is_empty() {
                        value.push(' ');
                    }
                    value.push_str(piece);
                }
            }
            _ => {
                let Some((name, value)) = property(line) else {
                    return Err(ReadError::syntax(
                        Format::FormatList,
                        format!("expected `Name : Value`, found `{}`", shorten(line)),
                        position,
                    ));
                };
                start.get_or_insert(here);
                current.push((
                    Key {
                        name: name.to_owned(),
                        position,
                    },
                    Node::new(Value::Text(value.trim_end().to_owned()), position),
                ));
            }
        }
    }
    finish(&mut current, &mut start);

    let mut diagnostics = Vec::new();
    for (index, record) in records.iter_mut().enumerate() {
        let Value::Map(fields) = &mut record.value else {
            continue;
        };
        for (key, node) in fields.iter_mut() {
            if key.name.eq_ignore_ascii_case("AdditionalDomains") {
                let Value::Text(text) = &node.value else {
                    continue;
                };
                match collection(text, node.position) {
                    Some(list) => node.value = list,
                    None => {
                        diagnostics.push(
                            Diagnostic::new(
                                Detail::TruncatedList {
                                    property: key.name.clone(),
                                },
                                format!("partners[{index}].additionalDomains"),
                            )
                            .at(node.position),
                        );
                        node.value = Value::Invalid;
                    }
                }
            }
        }
    }
    Ok((Node::new(Value::List(records), None), diagnostics))
}

/// `{a, b, c}` as a list; `None` when PowerShell cut it short with `...`. A value without braces
/// is a single item.
fn collection(text: &str, position: Option<Position>) -> Option<Value> {
    let inner = match text.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
        Some(inner) => inner,
        None if text.is_empty() => return Some(Value::List(Vec::new())),
        None => text,
    };
    if inner.trim_end().ends_with("...") || inner.trim_end().ends_with('…') {
        return None;
    }
    Some(Value::List(
        inner
            .split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| Node::new(Value::Text(item.to_owned()), position))
            .collect(),
    ))
}

fn shorten(line: &str) -> String {
    let mut short: String = line.chars().take(60).collect();
    if short.len() < line.len() {
        short.push('…');
    }
    short
}
