//! The core crate promises no I/O: its dependency tree must hold no networking, async runtime,
//! TLS or command-line crate. The probe and the CLI, which need them, are crates of their own.

use std::process::Command;

/// Crates that would mean I/O (or a command line) inside the core crate.
const FORBIDDEN: [&str; 8] = [
    "tokio",
    "rustls",
    "hickory-resolver",
    "hickory-proto",
    "clap",
    "mio",
    "socket2",
    "webpki-roots",
];

/// Fails when `cargo tree` shows a forbidden crate among the core crate's normal dependencies,
/// with every feature on.
pub fn core_has_no_io() -> Result<(), String> {
    let output = Command::new(crate::cargo())
        .args([
            "tree",
            "--package",
            "xmpp-federation",
            "--all-features",
            "--edges",
            "normal",
            "--prefix",
            "none",
        ])
        .current_dir(crate::root())
        .output()
        .map_err(|e| format!("cannot run `cargo tree`: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo tree` failed: {}",
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    let tree = String::from_utf8_lossy(&output.stdout);
    let found: Vec<&str> = FORBIDDEN
        .into_iter()
        .filter(|name| {
            tree.lines()
                .any(|line| line.split_whitespace().next() == Some(name))
        })
        .collect();
    if found.is_empty() {
        eprintln!("xtask: the core crate depends on no I/O crate");
        Ok(())
    } else {
        Err(format!(
            "the core crate `xmpp-federation` depends on {}: I/O belongs in `probe/` or `cli/`",
            found.join(", ")
        ))
    }
}
