//! Helpers shared by the test modules.

use std::path::{Path, PathBuf};

use xmpp_federation::{Code, Document, Format, Report};

/// The directory of this crate.
pub fn crate_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The workspace root.
pub fn root() -> PathBuf {
    crate_dir()
        .parent()
        .expect("the crate lives in the workspace")
        .to_path_buf()
}

pub fn fixture(name: &str) -> PathBuf {
    crate_dir().join("tests/fixtures").join(name)
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Parses text that must be readable, in a known format.
pub fn parse(text: &str, format: Format) -> Document {
    Document::parse(text, format).unwrap_or_else(|e| panic!("unreadable {format}: {e}\n{text}"))
}

pub fn codes(report: &Report) -> Vec<Code> {
    report.diagnostics().map(|d| d.code()).collect()
}
