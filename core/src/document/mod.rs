//! The format-independent layer between readers and the typed model.

pub(crate) mod fields;
mod interpret;
mod value;

pub(crate) use interpret::{DirectoryDocument, Interpreter, Naming, PartnerEntry, Slot};
pub(crate) use value::{Key, Node, Value, keep_written_numbers};

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};

use crate::diagnostic::Severity;
use crate::language::Language;
use crate::partner::PartnerConfig;

/// Reads a partner with the same rules as every document format: unknown fields and bad values
/// are errors that name the field and the fix.
impl<'de> Deserialize<'de> for PartnerConfig {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let node = Node::deserialize(deserializer)?;
        let mut diagnostics = Vec::new();
        let entry = Interpreter::new(Naming::Json, &mut diagnostics).partner(&node, "");
        if let Some(error) = diagnostics.iter().find(|d| d.severity() == Severity::Error) {
            return Err(D::Error::custom(format_args!(
                "{}; {}",
                error.message(Language::English),
                error.help(Language::English)
            )));
        }
        entry
            .config()
            .ok_or_else(|| D::Error::custom("the partner has invalid fields"))
    }
}
