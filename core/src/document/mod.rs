//! The format-independent layer between readers and the typed model.

pub(crate) mod fields;
mod interpret;
mod value;

pub(crate) use interpret::{DirectoryDocument, Interpreter, Naming, PartnerEntry, Slot};
pub(crate) use value::{Key, Node, Value};
