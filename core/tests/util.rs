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

/// Compares `actual` with the snapshot `name` under `core/tests/snapshots/`; with
/// `UPDATE_SNAPSHOTS` set, writes it instead, for review.
pub fn check_snapshot(name: &str, actual: &str) {
    let path = root().join("core/tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("no snapshot {name}: run with UPDATE_SNAPSHOTS=1, then review it")
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "snapshot {name} differs from line {}:\n--- expected\n{}\n--- actual\n{}\n\
             (UPDATE_SNAPSHOTS=1 rewrites it; review the diff)",
            first + 1,
            expected
                .lines()
                .skip(first)
                .take(5)
                .collect::<Vec<_>>()
                .join("\n"),
            actual
                .lines()
                .skip(first)
                .take(5)
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
}

/// The JSON files of a folder of the workspace, sorted, read as `T`: the examples gallery as a
/// test corpus. Each comes with its file name without the extension.
pub fn json_examples<T: serde::de::DeserializeOwned>(dir: &str) -> Vec<(String, T)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let value = serde_json::from_str(&read(&path))
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (stem, value)
        })
        .collect()
}
