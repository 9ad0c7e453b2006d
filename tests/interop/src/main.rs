//! The interop suite: real Prosody and real ejabberd on loopback, one configuration at a time,
//! probed by `xmpp_federation_probe` with our side's settings, and every observation compared
//! with the simulator's prediction.
//!
//! Everything runs inside a network namespace of its own: loopback only, with a resolver
//! configuration that points to a dnsmasq serving the `.example` domains. No traffic leaves the
//! machine. Needs root (for the namespace and port 53), `prosody`, `ejabberd` (its `erl`),
//! `dnsmasq` and `ip`.
//!
//! ```text
//! interop [--all] [--only TEXT] [--list] [--verbose] [--cli PATH]
//! ```
//!
//! With `--cli`, the `xmpp-federation` binary at PATH is also run as an admin runs it.
//!
//! Without `--all`, the representative subset `cargo xtask test` runs. Output is TAP; the exit
//! status is 0 when every case agrees.

mod cases;
mod cli;
mod ejabberd;
mod federation;
mod pki;
mod servers;
mod versions;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use xmpp_federation::Language;
use xmpp_federation::s2s::{Direction, simulate};
use xmpp_federation_probe::{ProbeReport, probe};

use cases::{Case, Expect, Server};
use ejabberd::Ejabberd;
use pki::Pki;
use servers::{PARTNER, Prosody, ProsodyConfig};

/// The partner's server, running.
enum Running {
    Prosody(Prosody),
    Ejabberd(Ejabberd),
}

impl Running {
    fn start(server: &Server, dir: &std::path::Path, pki: &Pki) -> Result<Running, String> {
        match server {
            Server::Prosody(config) => Prosody::start(config, dir, pki).map(Running::Prosody),
            Server::Ejabberd(config) => Ejabberd::start(config, dir, pki).map(Running::Ejabberd),
        }
    }

    /// Makes the server open a stream to our domain. Prosody's admin shell runs as a child
    /// process, returned to be reaped.
    fn send_to_ours(&self) -> Result<Option<std::process::Child>, String> {
        match self {
            Running::Prosody(p) => p.ping_ours(PARTNER).map(Some),
            Running::Ejabberd(e) => e.send_to_ours(PARTNER).map(|()| None),
        }
    }

    /// Clears what the server remembers of earlier cases.
    fn reset(&self) -> Result<(), String> {
        match self {
            Running::Prosody(_) => Ok(()),
            Running::Ejabberd(e) => e.reset(),
        }
    }

    fn log_tail(&self) -> (&'static str, String) {
        match self {
            Running::Prosody(p) => ("prosody", p.process.log_tail()),
            Running::Ejabberd(e) => ("ejabberd", e.log_tail()),
        }
    }
}

/// Set inside the namespace, to its name.
const INSIDE: &str = "XF_INTEROP_NETNS";

struct Args {
    all: bool,
    only: Option<String>,
    list: bool,
    verbose: bool,
    cli: Option<PathBuf>,
}

fn args() -> Result<Args, String> {
    let mut args = Args {
        all: false,
        only: None,
        list: false,
        verbose: false,
        cli: None,
    };
    let mut iter = std::env::args().skip(1);
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--all" => args.all = true,
            "--list" => args.list = true,
            "--verbose" => args.verbose = true,
            "--only" => args.only = Some(iter.next().ok_or("--only needs a text")?),
            "--cli" => args.cli = Some(PathBuf::from(iter.next().ok_or("--cli needs a path")?)),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("interop: {message}");
            return ExitCode::from(2);
        }
    };
    let cases: Vec<Case> = cases::all()
        .into_iter()
        .filter(|c| args.all || c.ci)
        .filter(|c| {
            args.only
                .as_ref()
                .is_none_or(|o| c.name().contains(o.as_str()))
        })
        .collect();
    if args.list {
        for case in &cases {
            println!("{}", case.name());
        }
        return ExitCode::SUCCESS;
    }
    let result = if std::env::var_os(INSIDE).is_some() {
        run_inside(&cases, args.verbose, args.cli.as_deref())
    } else {
        enter_namespace()
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("interop: {message}");
            ExitCode::from(2)
        }
    }
}

/// Removes the namespaces of earlier runs that were killed before they could clean up.
fn remove_stale_namespaces() {
    let Ok(output) = Command::new("ip").args(["netns", "list"]).output() else {
        return;
    };
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let name = line.split_whitespace().next().unwrap_or_default();
        let Some(pid) = name.strip_prefix("xf-interop-") else {
            continue;
        };
        if !PathBuf::from("/proc").join(pid).exists() {
            let _ = Command::new("ip").args(["netns", "del", name]).status();
            let _ = std::fs::remove_dir_all(PathBuf::from("/etc/netns").join(name));
        }
    }
}

/// Creates the namespace, runs this program again inside it, and removes it.
fn enter_namespace() -> Result<bool, String> {
    remove_stale_namespaces();
    let name = format!("xf-interop-{}", std::process::id());
    let resolv_dir = PathBuf::from("/etc/netns").join(&name);
    let run = |program: &str, arguments: &[&str]| -> Result<(), String> {
        let status = Command::new(program)
            .args(arguments)
            .status()
            .map_err(|e| format!("cannot run {program}: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!(
                "`{program} {}` failed ({status})",
                arguments.join(" ")
            ))
        }
    };
    run("ip", &["netns", "add", &name])
        .map_err(|e| format!("{e}; the suite needs root and network namespaces (ip netns)"))?;
    let result = (|| {
        run("ip", &["-n", &name, "link", "set", "lo", "up"])?;
        std::fs::create_dir_all(&resolv_dir).map_err(|e| e.to_string())?;
        // `ip netns exec` mounts this over /etc/resolv.conf: every resolver in the namespace
        // asks the suite's dnsmasq.
        // One quick try: a name the suite does not serve fails at once.
        std::fs::write(
            resolv_dir.join("resolv.conf"),
            "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n",
        )
        .map_err(|e| e.to_string())?;
        let exe = std::env::current_exe().map_err(|e| e.to_string())?;
        let status = Command::new("ip")
            .args(["netns", "exec", &name])
            .arg(exe)
            .args(std::env::args().skip(1))
            .env(INSIDE, &name)
            .status()
            .map_err(|e| format!("cannot enter the namespace: {e}"))?;
        match status.code() {
            Some(0) => Ok(true),
            Some(1) => Ok(false),
            _ => Err(format!("the suite failed inside the namespace ({status})")),
        }
    })();
    let _ = run("ip", &["netns", "del", &name]);
    let _ = std::fs::remove_dir_all(&resolv_dir);
    result
}

/// Runs the cases, one Prosody configuration at a time.
fn run_inside(
    cases: &[Case],
    verbose: bool,
    cli: Option<&std::path::Path>,
) -> Result<bool, String> {
    let dir = std::env::temp_dir().join(format!("xf-interop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let pki = Pki::create(&dir.join("pki"))?;
    let dns = servers::dnsmasq(&dir)?;
    let mut groups: BTreeMap<String, (Server, Vec<&Case>)> = BTreeMap::new();
    for case in cases {
        groups
            .entry(case.server.name())
            .or_insert_with(|| (case.server, Vec::new()))
            .1
            .push(case);
    }
    let defaults = Server::Prosody(ProsodyConfig::DEFAULTS);
    let cli = cli.filter(|_| groups.contains_key(&defaults.name()));
    // Two real Prosody servers federating, with the command-line checks; the TLS versions of
    // each server, with its first configuration.
    let planned = cases.len()
        + if cli.is_some() {
            cli::CHECKS + federation::CHECKS
        } else {
            0
        }
        + groups
            .values()
            .filter(|(s, _)| versions_of(s).is_some())
            .count();
    println!("TAP version 13");
    println!("1..{planned}");
    let started = Instant::now();
    let mut number = 0;
    let mut failed = 0;
    for (index, (name, (config, cases))) in groups.iter().enumerate() {
        // Short: Prosody's admin socket lives in it, and a socket's path has at most 107 bytes.
        let server_dir = dir.join(format!("server{index:02}"));
        println!("# {name}: {}", server_dir.display());
        let server = Running::start(config, &server_dir, &pki)?;
        for case in cases {
            number += 1;
            let case_started = Instant::now();
            let outcome = server.reset().and_then(|()| run_case(case, &pki, &server));
            let elapsed = case_started.elapsed();
            match outcome {
                Ok(report) => {
                    let problems = check(case, &report);
                    let summary = summary(&report);
                    if problems.is_empty() {
                        println!(
                            "ok {number} - {} ({summary}; {} ms)",
                            case.name(),
                            elapsed.as_millis()
                        );
                        if verbose {
                            print_indented(&report.to_text(Language::English));
                        }
                    } else {
                        failed += 1;
                        println!("not ok {number} - {} ({summary})", case.name());
                        for problem in problems {
                            println!("  # {problem}");
                        }
                        print_indented(&report.to_text(Language::English));
                        print_indented(&format!(
                            "predicted trace:\n{}",
                            report.prediction.to_text(Language::English)
                        ));
                        let (name, log) = server.log_tail();
                        print_indented(&format!("{name} log:\n{log}"));
                    }
                }
                Err(message) => {
                    failed += 1;
                    println!("not ok {number} - {}", case.name());
                    println!("  # {message}");
                }
            }
        }
        if let Some((name, preset)) = versions_of(config) {
            number += 1;
            match versions::check(preset) {
                Ok(()) => println!("ok {number} - {name}"),
                Err(message) => {
                    failed += 1;
                    println!("not ok {number} - {name}");
                    print_indented(&message);
                }
            }
        }
        let extra = match (cli, *config == defaults) {
            (Some(cli), true) => Some(cli::run(cli, &pki, &dir)),
            _ => None,
        };
        // The next server takes the same address.
        drop(server);
        if let Some(mut checks) = extra {
            checks.extend(federation::run(&pki, &dir));
            for (name, result) in checks {
                number += 1;
                match result {
                    Ok(()) => println!("ok {number} - {name}"),
                    Err(message) => {
                        failed += 1;
                        println!("not ok {number} - {name}");
                        print_indented(&message);
                    }
                }
            }
        }
    }
    drop(dns);
    println!(
        "# {} checks, {} failed, {:.1} s",
        number,
        failed,
        started.elapsed().as_secs_f64()
    );
    if failed == 0 {
        let _ = std::fs::remove_dir_all(&dir);
    } else {
        println!("# logs and configurations: {}", dir.display());
    }
    Ok(failed == 0)
}

/// The TLS version check that runs with a server's configuration, if one does: with the
/// configurations its preset stands for.
fn versions_of(server: &Server) -> Option<(&'static str, xmpp_federation::s2s::Preset)> {
    use xmpp_federation::s2s::Preset;
    match server {
        Server::Prosody(c) if *c == ProsodyConfig::DEFAULTS => {
            Some(("tls versions: prosody", Preset::Prosody))
        }
        Server::Ejabberd(c) if *c == ejabberd::EjabberdConfig::EXAMPLE => {
            Some(("tls versions: ejabberd", Preset::Ejabberd))
        }
        _ => None,
    }
}

fn print_indented(text: &str) {
    for line in text.lines() {
        println!("    {line}");
    }
}

/// Probes one case; inbound, the server is made to open the stream.
fn run_case(case: &Case, pki: &Pki, server: &Running) -> Result<ProbeReport, String> {
    let options = case.options(pki)?;
    match case.direction {
        Direction::Outbound => probe(&options).map_err(|e| e.to_string()),
        Direction::Inbound => {
            let worker = std::thread::spawn(move || probe(&options));
            // Give the probe a moment to listen before the server connects.
            std::thread::sleep(Duration::from_millis(200));
            let child = server.send_to_ours()?;
            let report = worker
                .join()
                .map_err(|_| "the probe thread panicked".to_owned())?
                .map_err(|e| e.to_string());
            if let Some(mut child) = child {
                let _ = child.kill();
                let _ = child.wait();
            }
            report
        }
    }
}

/// Every way the case disagrees with the simulator or its anchor.
fn check(case: &Case, report: &ProbeReport) -> Vec<String> {
    let mut problems = Vec::new();
    let observed = report.observed.outcome();
    // The prediction, recomputed here from the given scenario.
    let predicted_trace = simulate(&report.scenario);
    let predicted = predicted_trace.outcome();
    if observed.established != predicted.established || observed.method != predicted.method {
        problems.push(format!(
            "outcome: observed {}, predicted {}",
            describe_outcome(observed),
            describe_outcome(predicted)
        ));
    }
    let condition =
        |o: &xmpp_federation::s2s::Outcome| o.failure.as_ref().map(|f| f.condition.clone());
    // A partner that denies our domain never connects: the probe sees nothing arrive, which
    // the report's agreement accepts for that prediction.
    let denied = report.agreement.outcome
        && condition(predicted) == Some(xmpp_federation::s2s::Condition::Denied);
    if condition(observed) != condition(predicted) && !denied {
        problems.push(format!(
            "failure: observed {:?}, predicted {:?}",
            condition(observed),
            condition(predicted)
        ));
    }
    if !report.agreement.steps {
        for d in &report.agreement.differences {
            problems.push(format!(
                "{:?} step {}: observed {} / predicted {}",
                d.connection,
                d.position,
                d.observed.as_deref().unwrap_or("(none)"),
                d.predicted.as_deref().unwrap_or("(none)")
            ));
        }
    }
    if report.observed.steps().len() < 3 && !denied {
        problems.push("fewer than 3 steps observed".to_owned());
    }
    let expected_own = case.our_certificate_judged().unwrap_or_else(|| {
        case.ours.certificate.map_or(
            xmpp_federation::s2s::Certificate::Missing,
            pki::Cert::status,
        )
    });
    if report.scenario.ours.certificate != expected_own {
        problems.push(format!(
            "our certificate judged {}, made as {}",
            report.scenario.ours.certificate.name(),
            expected_own.name()
        ));
    }
    match (case.expect, observed.method) {
        (Some(Expect::Established(method)), Some(seen)) if method == seen => {}
        (Some(Expect::Fails), None) => {}
        (None, _) => {}
        (Some(expect), _) => problems.push(format!(
            "anchor: expected {expect:?}, observed {}",
            describe_outcome(observed)
        )),
    }
    problems
}

fn describe_outcome(outcome: &xmpp_federation::s2s::Outcome) -> String {
    match (&outcome.method, &outcome.failure) {
        (Some(method), _) => format!("established with {}", method.label(Language::English)),
        (None, Some(failure)) => format!(
            "failed at step {}: {}",
            failure.step,
            failure.condition.describe(Language::English)
        ),
        (None, None) => "no outcome".to_owned(),
    }
}

fn summary(report: &ProbeReport) -> String {
    describe_outcome(report.observed.outcome())
}

#[cfg(test)]
mod tests {
    use xmpp_federation::s2s::{Evidence, Semantics};

    use crate::cases;

    /// Every rule that cites the interop suite names cases (or a check) the suite runs.
    #[test]
    fn interop_evidence_names_cases_of_the_suite() {
        let names: Vec<String> = cases::all().iter().map(cases::Case::name).collect();
        let checks = ["tls versions: prosody", "tls versions: ejabberd"];
        for semantics in Semantics::ALL {
            for behaviour in semantics.profile().behaviours() {
                if let Evidence::Interop { cases } = behaviour.evidence {
                    assert!(
                        names.iter().any(|n| n.contains(cases)) || checks.contains(&cases),
                        "{semantics:?} `{}` cites `{cases}`, which names no case",
                        behaviour.name
                    );
                }
            }
        }
    }
}
