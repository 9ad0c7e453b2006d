//! The command-line tool's tests: one binary, a module per area.

// Helpers outside `#[test]` functions may fail loudly too: this whole crate is test code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod cli;
mod hostile;
mod readme;

/// Paths the tests share: the workspace and the core crate's fixtures.
mod util {
    use std::path::{Path, PathBuf};

    /// The workspace root.
    pub fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("the crate lives in the workspace")
            .to_path_buf()
    }

    /// A fixture of the core crate's tests, which the tool reads as an admin's file.
    pub fn fixture(name: &str) -> PathBuf {
        root().join("core/tests/fixtures").join(name)
    }

    pub fn read(path: &Path) -> String {
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}
