//! The command-line tool: exit codes, JSON output, errors that name the file and position.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::util::{fixture, root};

fn run(args: &[&str]) -> Output {
    run_with_input(args, None)
}

fn run_with_input(args: &[&str], input: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xmpp-federation"))
        .args(args)
        .current_dir(root())
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    if let Some(input) = input {
        stdin.write_all(input.as_bytes()).unwrap();
    }
    drop(stdin);
    child.wait_with_output().unwrap()
}

fn code(output: &Output) -> i32 {
    output.status.code().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn fixture_arg(name: &str) -> String {
    fixture(name).to_string_lossy().into_owned()
}

#[test]
fn exit_codes() {
    // Clean: warnings and infos only.
    assert_eq!(
        code(&run(&["validate", &fixture_arg("diagnostics/XF104.json")])),
        0
    );
    // Errors found.
    assert_eq!(
        code(&run(&["validate", &fixture_arg("diagnostics/XF101.json")])),
        1
    );
    // Unusable input: missing file, broken JSON, unknown format.
    assert_eq!(code(&run(&["validate", "no/such/file.json"])), 2);
    assert_eq!(
        code(&run_with_input(
            &["validate", "-"],
            Some("{\"partners\": [")
        )),
        2
    );
    assert_eq!(code(&run_with_input(&["validate", "-"], Some("hello"))), 2);
    // Bad arguments.
    assert_eq!(code(&run(&["validate"])), 2);
    assert_eq!(code(&run(&["frobnicate"])), 2);
    // The worst result wins across files.
    let mixed = run(&[
        "validate",
        &fixture_arg("diagnostics/XF104.json"),
        &fixture_arg("diagnostics/XF101.json"),
    ]);
    assert_eq!(code(&mixed), 1);
}

#[test]
fn unusable_input_names_the_file_and_position() {
    let output = run_with_input(
        &["validate", "--input", "json", "-"],
        Some("{\n  \"partners\": [1,,]\n}"),
    );
    assert_eq!(code(&output), 2);
    let message = stderr(&output);
    assert!(
        message.starts_with("error: -:2:18: invalid JSON"),
        "{message}"
    );
    let output = run(&["validate", "missing.json"]);
    assert!(stderr(&output).contains("missing.json:"));
}

#[test]
fn json_output_carries_the_matrix_and_diagnostics() {
    let output = run(&[
        "validate",
        "--format",
        "json",
        "examples/contoso-partners.json",
    ]);
    assert_eq!(code(&output), 1);
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["engineVersion"], xmpp_federation::ENGINE_VERSION);
    let report = &value["files"][0]["report"];
    assert_eq!(value["files"][0]["format"], "json");
    assert_eq!(report["summary"]["partners"], 5);
    let fabrikam = &report["partners"][0];
    assert_eq!(fabrikam["domain"], "fabrikam.com");
    assert_eq!(fabrikam["matrixRow"], "M7");
    assert_eq!(
        fabrikam["expectedMethods"],
        serde_json::json!(["SaslOverTls", "TlsDialback"])
    );
    assert_eq!(fabrikam["commitAllowed"], true);
    let litware = &report["partners"][2];
    assert_eq!(litware["matrixRow"], "M5");
    assert_eq!(
        litware["expectedMethods"],
        serde_json::json!(["TcpDialback"])
    );
    assert_eq!(litware["commitAllowed"], false);
    let first = &litware["diagnostics"][0];
    assert_eq!(first["code"], "XF101");
    assert_eq!(first["name"], "sasl-requires-tls");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["path"], "partners[2].saslNegotiation");
    assert_eq!(first["matrixRow"], "M5");
    assert!(
        first["help"]
            .as_str()
            .unwrap()
            .contains("-TlsNegotiation Required")
    );
}

#[test]
fn json_output_reports_unreadable_files_too() {
    let output = run_with_input(
        &["validate", "--format", "json", "-"],
        Some("<directory><x></directory>"),
    );
    assert_eq!(code(&output), 2);
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(value["files"][0]["file"], "-");
    assert_eq!(value["files"][0]["error"]["position"]["line"], 1);
}

#[test]
fn speaks_german() {
    let output = run(&[
        "validate",
        "--lang",
        "de",
        &fixture_arg("diagnostics/XF101.json"),
    ]);
    let text = stdout(&output);
    assert!(text.contains("Fehler[XF101]"), "{text}");
    assert!(text.contains("speicherbar: nein"));
    let matrix = |vars: &[(&str, &str)]| {
        let output = Command::new(env!("CARGO_BIN_EXE_xmpp-federation"))
            .args(["matrix"])
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .envs(vars.iter().copied())
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        stdout(&output).contains("Ungültige Konfiguration")
    };
    assert!(matrix(&[("LANG", "de_DE.UTF-8")]));
    assert!(
        !matrix(&[("LANG", "de_DE.UTF-8"), ("LC_ALL", "en_US.UTF-8")]),
        "LC_ALL wins"
    );
    assert!(matrix(&[("LANG", "C"), ("LC_MESSAGES", "de_AT")]));
    assert!(
        !matrix(&[("LANG", "fr_FR.UTF-8")]),
        "unsupported languages fall back to English"
    );
}

#[test]
fn prints_the_matrix() {
    let output = run(&["matrix"]);
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    for n in 1..=18 {
        assert!(
            text.lines().any(|l| l.starts_with(&format!("M{n} "))),
            "M{n} missing"
        );
    }
    let json: Value = serde_json::from_str(&stdout(&run(&["matrix", "--format", "json"]))).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 18);
    assert_eq!(rows[4]["row"], "M5");
    assert_eq!(rows[4]["refusedByControlPanel"], true);
    assert_eq!(
        rows[4]["expectedMethods"],
        serde_json::json!(["TcpDialback"])
    );
    assert_eq!(rows[13]["verdict"], "NotValid");
}

#[test]
fn exports_and_reads_back() {
    let input = r#"{"partners": [{"domain": "fabrikam.com", "description": "it's \"quoted\" $x", "saslNegotiation": "Optional"}]}"#;
    for to in ["powershell", "xml", "json"] {
        let exported = run_with_input(&["export", "--to", to, "-"], Some(input));
        assert_eq!(code(&exported), 0, "{to}: {}", stderr(&exported));
        let back = run_with_input(
            &["validate", "--format", "json", "-"],
            Some(&stdout(&exported)),
        );
        let value: Value = serde_json::from_str(&stdout(&back)).unwrap();
        assert_eq!(
            value["files"][0]["report"]["partners"][0]["matrixRow"], "M7",
            "{to}"
        );
    }
}

#[test]
fn export_refuses_to_drop_partners() {
    let input = r#"[{"domain": "fabrikam.com"}, {"domain": "alice@contoso.com"}]"#;
    let output = run_with_input(&["export", "--to", "powershell", "-"], Some(input));
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).is_empty());
    assert!(stderr(&output).contains("not exported"));
    // A partner listed twice would make the script's second `New-CsXmppAllowedPartner` fail.
    let twice =
        r#"[{"domain": "fabrikam.com"}, {"domain": "Fabrikam.com", "partnerType": "Federated"}]"#;
    let output = run_with_input(&["export", "--to", "powershell", "-"], Some(twice));
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).is_empty());
    assert!(stderr(&output).contains("XF302"), "{}", stderr(&output));
}

#[test]
fn exports_changes_as_set_commands() {
    let dir = std::env::temp_dir().join(format!("xmpp-federation-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let before = dir.join("before.json");
    let after = dir.join("after.json");
    std::fs::write(&before, r#"[{"domain": "fabrikam.com", "additionalDomains": ["a.fabrikam.com"]}, {"domain": "gmail.com"}]"#).unwrap();
    std::fs::write(&after, r#"[{"domain": "fabrikam.com", "additionalDomains": ["b.fabrikam.com"], "tlsNegotiation": "Optional"}]"#).unwrap();
    let output = run(&[
        "export",
        "--to",
        "powershell",
        "--since",
        before.to_str().unwrap(),
        after.to_str().unwrap(),
    ]);
    let script = stdout(&output);
    assert!(
        script.contains("Remove-CsXmppAllowedPartner -Identity 'gmail.com'"),
        "{script}"
    );
    assert!(script.contains(
        "Set-CsXmppAllowedPartner -Identity 'fabrikam.com' -AdditionalDomains @{Add='b.fabrikam.com'; Remove='a.fabrikam.com'} -TlsNegotiation Optional"
    ), "{script}");
    std::fs::remove_dir_all(&dir).unwrap();
}

fn files_in(dir: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| format!("{dir}/{}", e.unwrap().file_name().to_string_lossy()))
        .filter(|name| name.ends_with(".json"))
        .collect();
    files.sort();
    files
}

/// Every example scenario in the three formats: the ladder is the library's, the JSON carries
/// the same steps and outcome, the Mermaid diagram has one arrow per step, and the exit status
/// says whether the stream was established.
#[test]
fn simulate_renders_every_example_in_three_formats() {
    let files = files_in("examples/scenarios");
    assert!(files.len() >= 12);
    for file in files {
        let scenario =
            xmpp_federation::s2s::Scenario::from_json(&crate::util::read(&root().join(&file)))
                .unwrap();
        let trace = xmpp_federation::s2s::simulate(&scenario);
        let expected_code = if trace.outcome().established { 0 } else { 1 };

        let text = run(&["simulate", &file]);
        assert_eq!(code(&text), expected_code, "{file}");
        assert_eq!(
            stdout(&text),
            trace.to_text(xmpp_federation::Language::English),
            "{file}"
        );

        let json = run(&["simulate", "--format", "json", &file]);
        assert_eq!(code(&json), expected_code, "{file}");
        let value: Value = serde_json::from_str(&stdout(&json)).unwrap();
        assert_eq!(value["engineVersion"], xmpp_federation::ENGINE_VERSION);
        let steps = value["trace"]["steps"].as_array().unwrap();
        assert_eq!(steps.len(), trace.steps().len(), "{file}");
        assert_eq!(
            value["trace"]["outcome"]["established"],
            trace.outcome().established
        );
        for (json_step, step) in steps.iter().zip(trace.steps()) {
            assert_eq!(json_step["xml"].as_str(), step.xml(), "{file}");
            assert!(json_step["summary"].as_str().is_some_and(|s| !s.is_empty()));
            assert!(json_step["spec"].as_str().is_some_and(|s| !s.is_empty()));
        }
        // The scenario in the JSON reads back as the same scenario.
        let again: xmpp_federation::s2s::Scenario =
            serde_json::from_value(value["scenario"].clone()).unwrap();
        assert_eq!(again, scenario, "{file}");

        let mermaid = run(&["simulate", "--format", "mermaid", &file]);
        assert_eq!(code(&mermaid), expected_code, "{file}");
        let diagram = stdout(&mermaid);
        assert!(diagram.starts_with("sequenceDiagram\n"), "{file}");
        let arrows = diagram
            .lines()
            .filter(|l| l.contains("->>") || l.contains("-->>"))
            .count();
        assert_eq!(arrows, trace.steps().len(), "{file}");
    }
}

#[test]
fn simulate_names_the_bad_field() {
    let scenario = r#"{"ours": {"domain": "contoso.com"}, "partnerConfig": {"domain": "fabrikam.com"},
        "partner": {"preset": "prosody", "domain": "fabrikam.com", "certificate": "Broken"},
        "direction": "outbound"}"#;
    let output = run_with_input(&["simulate", "-"], Some(scenario));
    assert_eq!(code(&output), 2);
    let message = stderr(&output);
    assert!(
        message.starts_with("error: -:2:") && message.contains("`partner.certificate`"),
        "{message}"
    );
    let output = run_with_input(
        &["--lang", "de", "simulate", "-"],
        Some(r#"{"ours": {"domain": "user@contoso.com"}}"#),
    );
    assert_eq!(code(&output), 2);
    let message = stderr(&output);
    assert!(
        message.starts_with("Fehler: ") && message.contains("use `contoso.com`"),
        "{message}"
    );
    assert_eq!(code(&run(&["simulate", "no/such/scenario.json"])), 2);
    let output = run_with_input(&["simulate", "-"], Some(&" ".repeat(1024 * 1024 + 1)));
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("at most"), "{}", stderr(&output));
}

#[test]
fn contact_requests_exit_by_approval() {
    for (file, approved) in [
        (
            "examples/contacts/federated-partner-adds-lync-user.json",
            true,
        ),
        ("examples/contacts/gmail-user-adds-lync-user.json", false),
        ("examples/contacts/lync-user-invites-gmail-user.json", true),
        ("examples/contacts/xmpp-access-disabled.json", false),
    ] {
        let output = run(&["contact", file]);
        assert_eq!(code(&output), if approved { 0 } else { 1 }, "{file}");
        let json = run(&["contact", "--format", "json", file]);
        let value: Value = serde_json::from_str(&stdout(&json)).unwrap();
        assert_eq!(value["trace"]["outcome"]["approved"], approved, "{file}");
    }
}

#[test]
fn presets_list_every_server_with_its_options() {
    let output = run(&["presets", "--format", "json"]);
    assert_eq!(code(&output), 0);
    let value: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let ids: Vec<&str> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = xmpp_federation::s2s::Preset::ALL
        .iter()
        .map(|p| p.id())
        .collect();
    assert_eq!(ids, expected);
    let prosody = &value[2];
    assert!(
        prosody["options"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!({"name": "s2s_require_encryption", "value": "true"})),
        "{prosody}"
    );
    assert_eq!(prosody["policy"]["tls"], "Required");
    // How each is known, and which service no longer federates.
    assert_eq!(prosody["provenance"], "proven");
    assert!(
        prosody["knownFrom"]
            .as_str()
            .unwrap()
            .contains("tests/interop")
    );
    assert_eq!(value[5]["id"], "openfire");
    assert_eq!(value[5]["provenance"], "source");
    assert_eq!(value[8]["provenance"], "documentation");
    let historical: Vec<&Value> = value
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["historical"] == true)
        .map(|p| &p["id"])
        .collect();
    assert_eq!(historical, ["googleTalk"]);
    let text = stdout(&run(&["presets"]));
    assert!(text.contains("s2s_secure_auth = true"), "{text}");
    // In German, the names and how each is known are German too.
    let text = stdout(&run(&["presets", "--lang", "de"]));
    assert!(
        text.contains("aus dem Quelltext modelliert (Quelltext von Openfire, Tag v5.1.1"),
        "{text}"
    );
}

/// The text names, under each preset, how the simulator knows it, in the language asked for.
#[test]
fn presets_say_how_they_are_known() {
    // One preset's entry: its line, and the indented lines under it.
    fn entry(text: &str, id: &str) -> String {
        let lines: Vec<&str> = text.lines().collect();
        let start = lines
            .iter()
            .position(|line| line.split_whitespace().next() == Some(id))
            .unwrap_or_else(|| panic!("no {id} in {text}"));
        let rest = lines[start + 1..]
            .iter()
            .take_while(|line| line.starts_with(' '));
        std::iter::once(&lines[start])
            .chain(rest)
            .copied()
            .collect::<Vec<_>>()
            .join("\n")
    }
    let english = stdout(&run(&["presets"]));
    let prosody = entry(&english, "prosody");
    assert!(
        prosody.contains("proven against the real server (tests/interop"),
        "{prosody}"
    );
    let openfire = entry(&english, "openfire");
    assert!(
        openfire.contains("modelled from source (Openfire's source, tag v5.1"),
        "{openfire}"
    );
    let tigase = entry(&english, "tigase");
    assert!(tigase.contains("modelled from documentation"), "{tigase}");
    assert!(!tigase.contains("historical"), "{tigase}");
    let google = entry(&english, "googleTalk");
    assert!(
        google.contains("historical: the service no longer federates"),
        "{google}"
    );
    assert_eq!(
        english.matches("no longer federates").count(),
        1,
        "{english}"
    );

    let german = stdout(&run(&["--lang", "de", "presets"]));
    assert!(
        entry(&german, "prosody").contains("am echten Server nachgewiesen"),
        "{german}"
    );
    assert!(
        entry(&german, "openfire47").contains("aus dem Quelltext modelliert"),
        "{german}"
    );
    assert!(
        entry(&german, "prosody").contains("Prosody (Standard)"),
        "{german}"
    );
    assert!(
        entry(&german, "googleTalk").contains("historisch: der Dienst föderiert nicht mehr"),
        "{german}"
    );
}

#[test]
fn probe_option_errors_speak_the_chosen_language() {
    // Refused before any network access: no partner, a bad domain, a bad --connect.
    let german = run(&["--lang", "de", "probe", "fabrikam.com"]);
    assert_eq!(code(&german), 2);
    assert!(
        stderr(&german).contains("Geben Sie die Partnerdomäne und --ours an, oder --scenario"),
        "{}",
        stderr(&german)
    );
    let domain = run(&["--lang", "de", "probe", "fabrikam.com", "--ours", "a b"]);
    assert!(
        stderr(&domain).contains("--ours `a b`: Domäne"),
        "{}",
        stderr(&domain)
    );
    let english = run(&[
        "probe",
        "fabrikam.com",
        "--ours",
        "contoso.com",
        "--connect",
        "x",
    ]);
    assert!(
        stderr(&english).contains("--connect `x`: give IP:PORT or DOMAIN=IP:PORT"),
        "{}",
        stderr(&english)
    );
}
