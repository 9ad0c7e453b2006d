//! The build driver. `cargo xtask help` lists the commands.

mod api;
mod confusables;
mod deps;
mod fuzz;
mod generated;
mod pkg;
mod publish;
mod tools;
mod web;

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const HELP: &str = "\
cargo xtask <command>

Commands:
  test          Run everything CI runs: formatting, lints, generated-file checks, tests, the
                interop subset (needs root), docs, a smoke run of every fuzz target, the npm
                package and the playground in Chromium
  check         The quick loop while working: formatting, lints, generated-file checks, unit and
                integration tests; skips the interop suite, the npm package and the browser
  serve         Build the playground and serve it on http://127.0.0.1:8080 [--port N]
  dist          Build the playground into web/dist (a static folder) and report its size
  pkg           Build the npm package (WebAssembly) into pkg/dist and report its size
  interop       Prove the simulator against real Prosody and ejabberd, every case (needs root) [--only TEXT]
  fuzz          Run every fuzz target from its seeds, 60 s each, on nightly with cargo-fuzz
                [--time SECONDS] [TARGET...]; --smoke: 5 s each from a quick build, as in test
  bench         Run the benchmarks: native (release build), then the npm package in Node
  confusables   Regenerate core/src/validate/confusable_table.rs
  catalogue     Regenerate <crate>/src/catalogue/ from the text catalogue (catalogue/*.ftl);
                --stats: the keys and the words per language, for translators
  schema        Regenerate the JSON Schemas in schema/
  docs          Regenerate docs/diagnostics.md and docs/profiles.md
  api           Regenerate core/public-api.txt and probe/public-api.txt, the public API listings
  help          Show this text

Generators take --check to fail instead of writing when the file is out of date.
";

fn main() -> ExitCode {
    if let Some(status) = api::rustdoc_shim() {
        return status;
    }
    let args: Vec<String> = env::args().skip(1).collect();
    let check = args.iter().any(|a| a == "--check");
    let result = match args.first().map(String::as_str) {
        Some("test") => test(),
        Some("check") => quick_check(),
        Some("bench") => bench(&args[1..]),
        Some("fuzz") => fuzz::command(&args[1..]),
        Some("interop") => interop(true, &args[1..]),
        Some("pkg") => pkg::build().map(|_| ()),
        Some("dist") => web::dist().map(|_| ()),
        Some("serve") => serve(&args[1..]),
        Some("confusables") => generated::write(
            "core/src/validate/confusable_table.rs",
            confusables::generate(),
            check,
        ),
        Some("catalogue") => xtask_catalogue::command(&root(), &args[1..]),
        Some("schema") => generated::schemas(check),
        Some("docs") => {
            generated::diagnostics_doc(check).and_then(|()| generated::profiles_doc(check))
        }
        Some("api") => api::listings(check),
        Some("help") | None => {
            print!("{HELP}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: the parent of this crate's directory.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Runs a command in the workspace root, echoing it, and fails if it fails.
pub fn run(program: &str, args: &[&str], envs: &[(&str, &str)]) -> Result<(), String> {
    eprintln!("xtask: $ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .envs(envs.iter().copied())
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot run `{program}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "`{program} {}` failed with {status}",
            args.join(" ")
        ))
    }
}

pub fn cargo() -> String {
    env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned())
}

/// Installs a rustup component when it is missing (a fresh machine may lack clippy or rustfmt).
fn ensure_component(component: &str, probe: &[&str]) -> Result<(), String> {
    let present = Command::new(cargo())
        .args(probe)
        .current_dir(root())
        .output()
        .is_ok_and(|o| o.status.success());
    if present {
        return Ok(());
    }
    run("rustup", &["component", "add", component], &[])
}

fn test() -> Result<(), String> {
    // Said first, in one line, rather than after the slow steps.
    if let Some(why) = interop_unavailable() {
        return Err(format!("the interop suite cannot run here: {why}"));
    }
    checks()?;
    // The simulator against real Prosody and ejabberd: the representative subset.
    interop(false, &[])?;
    finish_test()
}

/// `cargo xtask check`: what `test` runs up to the interop suite, without it.
fn quick_check() -> Result<(), String> {
    checks()?;
    match interop_unavailable() {
        Some(why) => eprintln!("xtask: interop suite skipped ({why})"),
        None => eprintln!("xtask: interop suite skipped (`cargo xtask test` runs it)"),
    }
    eprintln!("xtask: checks passed");
    Ok(())
}

/// Formatting, lints, generated files, and every unit, integration and doc test.
fn checks() -> Result<(), String> {
    let cargo = cargo();
    ensure_component("rustfmt", &["fmt", "--version"])?;
    ensure_component("clippy", &["clippy", "--version"])?;
    run(&cargo, &["fmt", "--all", "--", "--check"], &[])?;
    // The fuzz targets are a workspace of their own (built by `cargo xtask fuzz` on nightly).
    run(
        &cargo,
        &["fmt", "--manifest-path", "fuzz/Cargo.toml", "--", "--check"],
        &[],
    )?;
    // Before the compiler sees the generated texts: a stale catalogue module fails here, with
    // the command that fixes it.
    xtask_catalogue::write(&root(), true)?;
    run(
        &cargo,
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--all-features",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    )?;
    generated::write(
        "core/src/validate/confusable_table.rs",
        confusables::generate(),
        true,
    )?;
    generated::schemas(true)?;
    generated::diagnostics_doc(true)?;
    generated::profiles_doc(true)?;
    deps::core_has_no_io()?;
    api::listings(true)?;
    run(&cargo, &["test", "--workspace", "--all-features"], &[])
}

/// The rest of `test`, after the interop subset.
fn finish_test() -> Result<(), String> {
    let cargo = cargo();
    run(
        &cargo,
        &[
            "doc",
            "--no-deps",
            "--package",
            "xmpp-federation",
            "--package",
            "xmpp-federation-probe",
        ],
        &[("RUSTDOCFLAGS", "-D warnings")],
    )?;
    publish::check()?;
    // A few seconds of every fuzz target, from its seeds and past findings.
    fuzz::command(&["--smoke".to_owned()])?;
    // The npm package: built, then tested as a consumer gets it.
    pkg::build()?;
    run("node", &["--test", "pkg/test/"], &[])?;
    // The playground, served as `cargo xtask serve` serves it, then end to end in a real
    // browser.
    web::dist()?;
    let address = web::serve_in_background(&web::dist_dir())?;
    tools::ensure_chromium()?;
    tools::ensure_npm("tests", "playwright-core")?;
    let url = format!("http://{address}/");
    run("node", &["--test", "tests/"], &[("PLAYGROUND_URL", &url)])?;
    eprintln!("xtask: all checks passed");
    Ok(())
}

/// The interop suite (tests/interop): real Prosody and dnsmasq in a network namespace of its
/// own. Every case with `all`, else the subset CI runs.
fn interop(all: bool, args: &[String]) -> Result<(), String> {
    if let Some(why) = interop_unavailable() {
        return Err(format!("the interop suite cannot run here: {why}"));
    }
    tools::ensure_interop_servers()?;
    // The command-line tool, run as an admin runs it against the suite's Prosody.
    run(
        &cargo(),
        &["build", "--quiet", "--package", "xmpp-federation-cli"],
        &[],
    )?;
    let target =
        env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from);
    let cli = target.join("debug").join("xmpp-federation");
    let cli = cli.display().to_string();
    let mut command: Vec<&str> = vec![
        "run",
        "--quiet",
        "--package",
        "xmpp-federation-interop",
        "--",
        "--cli",
        &cli,
    ];
    if all {
        command.push("--all");
    }
    command.extend(args.iter().map(String::as_str));
    run(&cargo(), &command, &[])
}

/// Why the interop suite cannot run on this machine, if it cannot: it needs root (for port 53
/// and its servers' users) and a network namespace of its own.
fn interop_unavailable() -> Option<String> {
    let root_user = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    if !root_user {
        return Some(
            "it needs root, for its network namespace and port 53; run it as root or in a \
             container"
                .to_owned(),
        );
    }
    let namespaces = Command::new("unshare")
        .args(["--net", "true"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !namespaces {
        return Some(
            "network namespaces are unavailable (`unshare --net true` failed); run it on a \
             machine or container that allows them"
                .to_owned(),
        );
    }
    None
}

/// Builds the playground and serves it until Ctrl+C.
fn serve(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => 8080,
        [flag, port] if flag == "--port" => port
            .parse()
            .map_err(|_| format!("`{port}` is not a port number"))?,
        _ => return Err("usage: cargo xtask serve [--port N]".to_owned()),
    };
    web::dist()?;
    web::serve(
        &web::dist_dir(),
        std::net::SocketAddr::from(([127, 0, 0, 1], port)),
    )
}

/// The native benchmarks, then the same calls through the npm package in Node.
fn bench(args: &[String]) -> Result<(), String> {
    let mut command: Vec<&str> = vec!["bench", "--package", "xmpp-federation"];
    command.extend(args.iter().map(String::as_str));
    run(&cargo(), &command, &[])?;
    pkg::build()?;
    run("node", &["pkg/bench/bench.mjs"], &[])
}
