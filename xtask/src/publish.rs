//! The crates meant for crates.io, packaged as `cargo publish` would upload them and built from
//! their packages alone.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
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
    let names: Vec<&str> = packages.iter().map(|(name, _)| name.as_str()).collect();
    eprintln!("xtask: packaging {}", names.join(", "));
    forget_unpacked(&packages)?;
    for package in names {
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
    let target = target_dir()?.join("publish-check");
    forget_built(&target, &packages);
    let target = target.display().to_string();
    run(
        &cargo(),
        &["publish", "--workspace", "--dry-run", "--allow-dirty"],
        &[("CARGO_TARGET_DIR", &target)],
    )
}

/// Cargo takes a crate from a registry to be immutable, so it also reuses what an earlier run
/// built from the temporary registry's crates of the same version. The verification builds have
/// a target directory of their own, where only the workspace's crates are forgotten and their
/// dependencies stay built.
fn forget_built(target: &Path, packages: &[(String, String)]) {
    let Ok(fingerprints) = fs::read_dir(target.join("debug").join(".fingerprint")) else {
        return;
    };
    for entry in fingerprints.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if packages
            .iter()
            .any(|(package, _)| name.starts_with(&format!("{package}-")))
        {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Cargo unpacks the workspace's crates from its temporary registry into
/// `$CARGO_HOME/registry/src/-<hash of the registry's path>/`, and reuses a copy of the same name
/// and version unpacked by an earlier run whatever its content: the probe would be built against
/// the core of that run. Those copies are removed first; only local registries' folders (their
/// names start with `-`) are touched, never a copy from crates.io.
fn forget_unpacked(packages: &[(String, String)]) -> Result<(), String> {
    let home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
    let Some(sources) = home.map(|home| home.join("registry").join("src")) else {
        return Ok(());
    };
    let Ok(registries) = fs::read_dir(&sources) else {
        return Ok(());
    };
    for registry in registries.flatten() {
        if !registry.file_name().to_string_lossy().starts_with('-') {
            continue;
        }
        for (name, version) in packages {
            let unpacked = registry.path().join(format!("{name}-{version}"));
            if unpacked.is_dir() {
                fs::remove_dir_all(&unpacked)
                    .map_err(|e| format!("{}: {e}", unpacked.display()))?;
            }
        }
    }
    Ok(())
}

/// The workspace's packages that may be published, with their versions, as `cargo metadata`
/// lists them.
fn publishable() -> Result<Vec<(String, String)>, String> {
    let metadata = metadata()?;
    let packages = metadata["packages"]
        .as_array()
        .ok_or("`cargo metadata` lists no packages")?;
    // `publish` is null for any registry, a list of registries, or empty for `publish = false`.
    Ok(packages
        .iter()
        .filter(|p| p["publish"].as_array().is_none_or(|r| !r.is_empty()))
        .filter_map(|p| {
            Some((
                p["name"].as_str()?.to_owned(),
                p["version"].as_str()?.to_owned(),
            ))
        })
        .collect())
}

/// `cargo metadata` for the workspace's own packages.
fn metadata() -> Result<serde_json::Value, String> {
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

/// Where cargo builds, as `cargo metadata` says (it follows `CARGO_TARGET_DIR` and the config).
pub fn target_dir() -> Result<PathBuf, String> {
    metadata()?["target_directory"]
        .as_str()
        .map(PathBuf::from)
        .ok_or_else(|| "`cargo metadata` names no target directory".to_owned())
}
