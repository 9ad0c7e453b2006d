//! The crates meant for crates.io, packaged as `cargo publish` would upload them and built from
//! their packages alone.

use std::process::Command;

use crate::{cargo, root, run};

/// What every published package carries besides its source.
const REQUIRED: [&str; 3] = ["README.md", "LICENSE-MIT", "LICENSE-APACHE"];

/// `cargo publish --workspace --dry-run`: each crate without `publish = false` is packaged
/// (its manifest's metadata, readme and path dependencies with versions checked), unpacked and
/// built on its own, the workspace crates it needs coming from a local registry of their own
/// packages. Nothing is uploaded. Uncommitted changes are allowed: this checks the packages,
/// not the working tree.
pub fn check() -> Result<(), String> {
    let packages = publishable()?;
    eprintln!("xtask: packaging {}", packages.join(", "));
    for package in &packages {
        let output = Command::new(cargo())
            .args(["package", "--list", "--allow-dirty", "--package", package])
            .current_dir(root())
            .output()
            .map_err(|e| format!("cannot run `cargo package`: {e}"))?;
        if !output.status.success() {
            return Err(format!(
                "`cargo package --list --package {package}` failed:\n{}",
                String::from_utf8_lossy(&output.stderr)
            ));
        }
        let files = String::from_utf8_lossy(&output.stdout);
        for required in REQUIRED {
            if !files.lines().any(|file| file == required) {
                return Err(format!("the package of `{package}` lacks {required}"));
            }
        }
    }
    run(
        &cargo(),
        &["publish", "--workspace", "--dry-run", "--allow-dirty"],
        &[],
    )
}

/// The workspace's packages that may be published, as `cargo metadata` lists them.
fn publishable() -> Result<Vec<String>, String> {
    let metadata = metadata()?;
    let packages = metadata["packages"]
        .as_array()
        .ok_or("`cargo metadata` lists no packages")?;
    // `publish` is null for any registry, a list of registries, or empty for `publish = false`.
    Ok(packages
        .iter()
        .filter(|p| p["publish"].as_array().is_none_or(|r| !r.is_empty()))
        .filter_map(|p| p["name"].as_str().map(str::to_owned))
        .collect())
}

/// `cargo metadata` for the workspace's own packages.
pub fn metadata() -> Result<serde_json::Value, String> {
    let output = Command::new(cargo())
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(root())
        .output()
        .map_err(|e| format!("cannot run `cargo metadata`: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo metadata` failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    serde_json::from_slice(&output.stdout).map_err(|e| format!("`cargo metadata`: {e}"))
}
