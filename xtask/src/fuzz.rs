//! `cargo xtask fuzz [--time SECONDS] [TARGET...]`: the fuzz targets of `fuzz/`, each from a
//! seed corpus of the repository's own examples, fixtures and documented samples, run with
//! `cargo fuzz` on the nightly toolchain (the only use of nightly in the project).
//!
//! Seeds (`fuzz/seeds/`), dictionaries and what the fuzzer finds (`fuzz/corpus/`) are not
//! committed; inputs of past findings are, in `fuzz/regressions/TARGET/`, and every run replays
//! them. `cargo xtask test` runs every target for a few seconds (`--smoke`).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use xmpp_federation::s2s::{Scenario, simulate};
use xmpp_federation::{Document, Format};

use crate::{root, run};

/// Every fuzz target, as named in `fuzz/Cargo.toml`.
pub const TARGETS: [&str; 9] = [
    "domain",
    "json",
    "xml",
    "powershell",
    "format_list",
    "scenario",
    "share_link",
    "stream",
    "api",
];

/// How long `cargo xtask test` runs each target, in seconds.
pub const SMOKE_SECONDS: u64 = 5;

/// The version of cargo-fuzz installed when it is missing.
const CARGO_FUZZ: &str = "0.13.2";

/// What one target did.
struct Run {
    target: &'static str,
    seconds: f64,
    executions: u64,
    corpus: usize,
}

/// `cargo xtask fuzz`: builds the seeds, then runs the chosen targets (all by default).
pub fn command(args: &[String]) -> Result<(), String> {
    let mut seconds = 60;
    let mut build = Build::Release;
    let mut chosen = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--smoke" => {
                seconds = SMOKE_SECONDS;
                build = Build::Dev;
            }
            "--time" => {
                let value = args.next().ok_or("--time needs a number of seconds")?;
                seconds = value
                    .parse()
                    .map_err(|_| format!("--time: `{value}` is not a number of seconds"))?;
            }
            name => match TARGETS.iter().find(|t| **t == name) {
                Some(target) => chosen.push(*target),
                None => {
                    return Err(format!(
                        "unknown fuzz target `{name}`; the targets are {}",
                        TARGETS.join(", ")
                    ));
                }
            },
        }
    }
    if chosen.is_empty() {
        chosen = TARGETS.to_vec();
    }
    fuzz(&chosen, seconds, build)
}

/// How the targets are built: optimised for long runs, or quickly for the smoke run.
#[derive(Clone, Copy)]
pub enum Build {
    Release,
    Dev,
}

/// Runs `targets` for `seconds` each and prints what each did; every target runs, and the
/// findings are reported together at the end.
pub fn fuzz(targets: &[&'static str], seconds: u64, build: Build) -> Result<(), String> {
    ensure_tools()?;
    let seeds = seeds()?;
    write_seeds(&seeds)?;
    let (flag, folder) = match build {
        Build::Release => ("--release", "release"),
        Build::Dev => ("--dev", "debug"),
    };
    nightly(&["fuzz", "build", "--sanitizer", "none", flag])?;
    let mut runs = Vec::new();
    let mut findings = Vec::new();
    for target in targets {
        match run_target(target, seconds, folder) {
            Ok(run) => runs.push(run),
            Err(finding) => findings.push(finding),
        }
    }
    eprintln!("xtask: fuzzing, {seconds} s per target ({folder} build)");
    eprintln!(
        "  {:<12} {:>8} {:>13} {:>10} {:>7}",
        "target", "seconds", "executions", "per second", "corpus"
    );
    for run in &runs {
        eprintln!(
            "  {:<12} {:>8.0} {:>13} {:>10.0} {:>7}",
            run.target,
            run.seconds,
            run.executions,
            run.executions as f64 / run.seconds.max(0.001),
            run.corpus
        );
    }
    if findings.is_empty() {
        Ok(())
    } else {
        Err(findings.join("\n\n"))
    }
}

/// Runs one target; a crash, a failed check, a timeout or a leak of memory is an error that
/// names the input libFuzzer saved.
fn run_target(target: &'static str, seconds: u64, folder: &str) -> Result<Run, String> {
    let fuzz = root().join("fuzz");
    // What the fuzzer finds goes into the first folder: kept between long runs; a smoke run
    // starts from the seeds and past findings alone, so that it takes the same few seconds
    // however much earlier runs found.
    let corpus = match folder {
        "release" => fuzz.join("corpus").join(target),
        _ => {
            let fresh = fuzz.join("corpus-smoke").join(target);
            if fresh.exists() {
                fs::remove_dir_all(&fresh).map_err(|e| format!("{}: {e}", fresh.display()))?;
            }
            fresh
        }
    };
    fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    let seeds = fuzz.join("seeds").join(target);
    let regressions = fuzz.join("regressions").join(target);
    fs::create_dir_all(&regressions).map_err(|e| format!("{}: {e}", regressions.display()))?;
    // A log per build, so that a smoke run beside a long one writes its own.
    let logs = fuzz.join("logs").join(folder);
    fs::create_dir_all(&logs).map_err(|e| format!("{}: {e}", logs.display()))?;
    let log_path = logs.join(format!("{target}.log"));
    let log = fs::File::create(&log_path).map_err(|e| format!("{}: {e}", log_path.display()))?;
    let dictionary = fuzz.join("dictionaries").join(format!("{target}.dict"));
    let artifacts = fuzz.join("artifacts").join(target);
    fs::create_dir_all(&artifacts).map_err(|e| format!("{}: {e}", artifacts.display()))?;
    // The binary `cargo fuzz build` made, run directly: `cargo fuzz run` would rebuild first,
    // and a change to the sources in the meantime would put a different build in the table.
    let binary = fuzz.join("target").join(host()?).join(folder).join(target);
    let args = [
        format!("-artifact_prefix={}/", artifacts.display()),
        format!("-max_total_time={seconds}"),
        // One input that takes seconds is a finding: every entry point is bounded.
        "-timeout=10".to_owned(),
        "-rss_limit_mb=2048".to_owned(),
        format!("-dict={}", dictionary.display()),
        "-print_final_stats=1".to_owned(),
        corpus.display().to_string(),
        seeds.display().to_string(),
        regressions.display().to_string(),
    ];
    eprintln!("xtask: fuzzing `{target}` for {seconds} s (log: fuzz/logs/{folder}/{target}.log)");
    let started = Instant::now();
    let status = Command::new(&binary)
        .args(&args)
        .current_dir(root())
        .stdout(Stdio::null())
        .stderr(log)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", binary.display()))?;
    let elapsed = started.elapsed().as_secs_f64();
    let text = fs::read_to_string(&log_path).unwrap_or_default();
    if !status.success() {
        let tail: Vec<&str> = text.lines().rev().take(40).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!(
            "fuzz target `{target}` found a failure ({status}); the input is under \
             fuzz/artifacts/{target}/. Fix it, then add the input to \
             fuzz/regressions/{target}/.\n{}",
            tail.join("\n")
        ));
    }
    let executions = text
        .lines()
        .rev()
        .find_map(|line| line.strip_prefix("stat::number_of_executed_units:"))
        .and_then(|n| n.trim().parse().ok())
        .ok_or_else(|| {
            format!(
                "fuzz target `{target}` printed no statistics; see {}",
                log_path.display()
            )
        })?;
    let corpus = fs::read_dir(&corpus).map(|d| d.count()).unwrap_or(0);
    Ok(Run {
        target,
        seconds: elapsed,
        executions,
        corpus,
    })
}

/// The nightly toolchain and cargo-fuzz, installed when missing.
fn ensure_tools() -> Result<(), String> {
    let nightly = Command::new("rustup")
        .args(["run", "nightly", "rustc", "--version"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !nightly {
        run(
            "rustup",
            &["toolchain", "install", "nightly", "--profile", "minimal"],
            &[],
        )?;
    }
    let cargo_fuzz = Command::new("rustup")
        .args(["run", "nightly", "cargo", "fuzz", "--version"])
        .env_remove("CARGO")
        .env_remove("RUSTUP_TOOLCHAIN")
        .output()
        .is_ok_and(|o| o.status.success());
    if !cargo_fuzz {
        run(
            &crate::cargo(),
            &["install", "cargo-fuzz", "--locked", "--version", CARGO_FUZZ],
            &[],
        )?;
    }
    Ok(())
}

/// The host's target triple, under which `cargo fuzz` puts its builds.
fn host() -> Result<String, String> {
    let output = Command::new("rustup")
        .args(["run", "nightly", "rustc", "-vV"])
        .output()
        .map_err(|e| format!("cannot run rustc: {e}"))?;
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("host: "))
        .map(str::to_owned)
        .ok_or_else(|| "`rustc -vV` named no host".to_owned())
}

/// Runs cargo on the nightly toolchain in the repository.
fn nightly(args: &[&str]) -> Result<(), String> {
    eprintln!("xtask: $ cargo +nightly {}", args.join(" "));
    let status = Command::new("rustup")
        .args(["run", "nightly", "cargo"])
        .args(args)
        .current_dir(root())
        .env_remove("CARGO")
        .env_remove("RUSTUP_TOOLCHAIN")
        .status()
        .map_err(|e| format!("cannot run rustup: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "`cargo +nightly {}` failed with {status}",
            args.join(" ")
        ))
    }
}

/// The seed inputs of each target.
#[derive(Default)]
struct Seeds {
    by_target: Vec<(&'static str, BTreeSet<Vec<u8>>)>,
}

impl Seeds {
    fn add(&mut self, target: &'static str, input: impl Into<Vec<u8>>) {
        let input = input.into();
        match self.by_target.iter_mut().find(|(t, _)| *t == target) {
            Some((_, set)) => {
                set.insert(input);
            }
            None => self.by_target.push((target, BTreeSet::from([input]))),
        }
    }
}

/// Every sample the repository has: the examples, the test fixtures, and the code blocks of
/// the documentation.
fn samples() -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    for folder in ["examples", "core/tests/fixtures"] {
        collect(&root().join(folder), &mut files)?;
    }
    let mut samples: Vec<String> = files
        .iter()
        .filter_map(|path| fs::read_to_string(path).ok())
        .collect();
    let mut docs = vec![root().join("README.md")];
    collect(&root().join("docs"), &mut docs)?;
    for path in docs
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
    {
        let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        samples.extend(code_blocks(&text));
    }
    Ok(samples)
}

fn collect(folder: &Path, files: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = fs::read_dir(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// The fenced code blocks of a Markdown text.
fn code_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            match current.take() {
                Some(block) => blocks.push(block),
                None => current = Some(String::new()),
            }
        } else if let Some(block) = current.as_mut() {
            block.push_str(line);
            block.push('\n');
        }
    }
    blocks
}

/// The seeds of every target, from the samples.
fn seeds() -> Result<Seeds, String> {
    let samples = samples()?;
    let mut seeds = Seeds::default();
    let language = r#"{"language": "de"}"#;
    for sample in &samples {
        seeds.add("api", api_seed(9, &[sample]));
        let Some(format) = Format::detect(sample) else {
            continue;
        };
        seeds.add(reader(format), sample.as_str());
        if let Ok(scenario) = Scenario::from_json(sample) {
            add_scenario(&mut seeds, sample, &scenario);
            continue;
        }
        let Ok(document) = Document::parse(sample, format) else {
            continue;
        };
        let directory = document.directory();
        let json = directory.to_json();
        for (format, text) in [
            (Format::Json, json.clone()),
            (Format::Xml, directory.to_xml()),
            (Format::PowerShell, directory.to_powershell()),
        ] {
            seeds.add(reader(format), text.as_str());
            seeds.add("api", api_seed(9, &[&text]));
        }
        for domain in directory.partners().iter().flat_map(|p| p.domains()) {
            seeds.add("domain", domain.unicode());
            seeds.add("domain", domain.as_str());
        }
        seeds.add(
            "share_link",
            format!(r#"{{"v": 1, "language": "en", "directory": {json}}}"#),
        );
        seeds.add("api", api_seed(1, &[&json, language]));
        for format in ["json", "xml", "powerShell"] {
            let options = format!(r#"{{"format": "{format}"}}"#);
            seeds.add("api", api_seed(10, &[&json, &options]));
        }
        if let Ok(serde_json::Value::Object(value)) = serde_json::from_str(&json)
            && let Some(serde_json::Value::Array(partners)) = value.get("partners")
        {
            for partner in partners {
                let partner = partner.to_string();
                seeds.add("api", api_seed(0, &[&partner, language]));
                seeds.add("api", api_seed(3, &[&partner]));
            }
        }
    }
    for pick in [2, 8, 11] {
        seeds.add("api", api_seed(pick, &[language]));
    }
    Ok(seeds)
}

/// A scenario's seeds: itself, each call that takes it, and the streams it plays.
fn add_scenario(seeds: &mut Seeds, text: &str, scenario: &Scenario) {
    seeds.add("scenario", text);
    for pick in [4, 5] {
        seeds.add("api", api_seed(pick, &[text]));
    }
    seeds.add("api", api_seed(5, &[text, r#"{"format": "mermaid"}"#]));
    if let xmpp_federation::api::Answer::Success(simulation) =
        xmpp_federation::api::simulate(Some(text), None)
        && let Ok(value) = serde_json::to_value(&simulation)
        && let Some(change) = value.pointer("/trace/outcome/failure/fix/change")
    {
        seeds.add("api", api_seed(6, &[text, &change.to_string()]));
    }
    // What each side sent on each stream, one stream (up to its next restart) per seed.
    let trace = simulate(scenario);
    let mut streams: Vec<((String, String, String), String)> = Vec::new();
    for step in trace.steps() {
        let Some(xml) = step.xml() else { continue };
        let key = (
            format!("{:?}", step.connection()),
            format!("{:?}", step.from()),
            format!("{:?}", step.to()),
        );
        let restart = xml.starts_with("<?xml") || xml.starts_with("<stream:stream");
        match streams.iter_mut().rev().find(|(k, _)| *k == key) {
            Some((_, stream)) if !restart => stream.push_str(xml),
            _ => streams.push((key, xml.to_owned())),
        }
    }
    for (_, stream) in streams {
        let mut seed = vec![0u8];
        seed.extend_from_slice(stream.as_bytes());
        seeds.add("stream", seed);
    }
}

fn reader(format: Format) -> &'static str {
    match format {
        Format::Xml => "xml",
        Format::PowerShell => "powershell",
        Format::FormatList => "format_list",
        _ => "json",
    }
}

/// An input of the `api` target: the call's number, then its arguments separated by NUL.
fn api_seed(pick: u8, arguments: &[&str]) -> Vec<u8> {
    let mut seed = vec![pick];
    seed.extend_from_slice(arguments.join("\0").as_bytes());
    seed
}

/// Writes the seeds of each target into `fuzz/seeds/TARGET`, afresh, and a dictionary of the
/// words they use, so that mutations can insert whole field names and values.
fn write_seeds(seeds: &Seeds) -> Result<(), String> {
    let fuzz = root().join("fuzz");
    let dictionaries = fuzz.join("dictionaries");
    fs::create_dir_all(&dictionaries).map_err(|e| format!("{}: {e}", dictionaries.display()))?;
    for target in TARGETS {
        let corpus = fuzz.join("seeds").join(target);
        if corpus.exists() {
            fs::remove_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
        }
        fs::create_dir_all(&corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
        let inputs = seeds
            .by_target
            .iter()
            .find(|(t, _)| *t == target)
            .map(|(_, set)| set.clone())
            .unwrap_or_default();
        let mut words = BTreeSet::new();
        for input in &inputs {
            let path = corpus.join(format!("seed-{:016x}", fnv(input)));
            fs::write(&path, input).map_err(|e| format!("{}: {e}", path.display()))?;
            words.extend(words_of(&String::from_utf8_lossy(input)));
        }
        let dictionary: String = words
            .iter()
            .take(2_000)
            .map(|word| format!("\"{word}\"\n"))
            .collect();
        let path = dictionaries.join(format!("{target}.dict"));
        fs::write(&path, dictionary).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// The words of a sample that a mutation could usefully insert: names and values of 3 to 40
/// letters, digits and `-_.:`.
fn words_of(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || "-_.:$@".contains(c)))
        .filter(|w| (3..=40).contains(&w.len()))
        .map(str::to_owned)
}

/// A stable name for an input (FNV-1a).
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
