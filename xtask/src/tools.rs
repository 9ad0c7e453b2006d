//! What the commands need on a fresh machine, installed when it is missing: the wasm32 target,
//! the npm packages of a folder, Debian's Chromium, and the servers of the interop suite.

use std::path::Path;
use std::process::Command;

use crate::{root, run};

/// Installs the wasm32 target when this toolchain lacks it.
pub fn ensure_wasm_target() -> Result<(), String> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("wasm32-unknown-unknown"))
        .unwrap_or(false);
    if installed {
        Ok(())
    } else {
        run("rustup", &["target", "add", "wasm32-unknown-unknown"], &[])
    }
}

/// Installs the npm packages of a folder (from its lock file) when they are missing.
pub fn ensure_npm(folder: &str, probe: &str) -> Result<(), String> {
    if root()
        .join(folder)
        .join("node_modules")
        .join(probe)
        .exists()
    {
        return Ok(());
    }
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(root().join(folder))
        .status()
        .map_err(|e| format!("cannot run npm (install Node.js and npm): {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`npm ci` in {folder} failed with {status}"))
    }
}

/// Debian's Chromium for the browser tests, from the distribution (never a browser download).
pub fn ensure_chromium() -> Result<(), String> {
    ensure_debian(&[("/usr/bin/chromium", "chromium")])
}

/// What the interop suite runs: Prosody, ejabberd, dnsmasq, `openssl`, and `ip` for the
/// network namespace. The packages' own services stay off: the suite runs its own instances.
pub fn ensure_interop_servers() -> Result<(), String> {
    let programs = [
        ("/usr/bin/prosody", "prosody"),
        ("/usr/sbin/ejabberdctl", "ejabberd"),
        ("/usr/sbin/dnsmasq", "dnsmasq-base"),
        ("/usr/bin/ip", "iproute2"),
        ("/usr/bin/openssl", "openssl"),
    ];
    if programs.iter().all(|(path, _)| Path::new(path).exists()) {
        return Ok(());
    }
    // Debian's maintainer scripts start no service while a policy says no (policy-rc.d with
    // exit status 101, as invoke-rc.d documents); ours stands only during the installation.
    let policy = Path::new("/usr/sbin/policy-rc.d");
    let ours = !policy.exists();
    if ours {
        std::fs::write(policy, "#!/bin/sh\nexit 101\n")
            .map_err(|e| format!("{}: {e}", policy.display()))?;
        run("chmod", &["755", "/usr/sbin/policy-rc.d"], &[])?;
    }
    let result = ensure_debian(&programs);
    if ours {
        let _ = std::fs::remove_file(policy);
    }
    result
}

/// Installs the Debian packages whose program is missing, in one go.
fn ensure_debian(programs: &[(&str, &str)]) -> Result<(), String> {
    let missing: Vec<&str> = programs
        .iter()
        .filter(|(path, _)| !Path::new(path).exists())
        .map(|(_, package)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let env = [("DEBIAN_FRONTEND", "noninteractive")];
    run("apt-get", &["update"], &env)?;
    let mut args = vec!["install", "--yes", "--no-install-recommends"];
    args.extend(missing);
    run("apt-get", &args, &env)
}
