//! The command-line probe against real Prosody (its defaults): as an admin runs it, with text
//! and JSON reports, with and without a scenario file.

use std::path::Path;
use std::process::{Command, Output};

use crate::pki::{Cert, Pki};
use crate::servers::{OURS, PARTNER, PROBE_ADDRESS};

/// One check: its name and what went wrong, if anything.
pub type Check = (&'static str, Result<(), String>);

/// How many checks [`run`] makes.
pub const CHECKS: usize = 4;

/// Runs the checks with the `xmpp-federation` binary at `cli`.
pub fn run(cli: &Path, pki: &Pki, dir: &Path) -> Vec<Check> {
    let common = match common_args(pki) {
        Ok(args) => args,
        Err(message) => {
            return vec![("cli: certificates", Err(message))];
        }
    };
    vec![
        (
            "cli: text report of an outbound probe",
            text_report(cli, &common),
        ),
        (
            "cli: JSON report of an outbound probe",
            json_report(cli, &common),
        ),
        (
            "cli: a scenario file probed for real",
            scenario(cli, &common, dir),
        ),
        ("cli: unusable options exit with status 2", unusable(cli)),
    ]
}

fn common_args(pki: &Pki) -> Result<Vec<String>, String> {
    let ours = pki.issue(&[OURS], Cert::Valid)?;
    Ok(vec![
        "--cert".to_owned(),
        ours.certificate.display().to_string(),
        "--key".to_owned(),
        ours.key.display().to_string(),
        "--ca".to_owned(),
        pki.ca.display().to_string(),
        "--listen".to_owned(),
        PROBE_ADDRESS.to_owned(),
        "--timeout".to_owned(),
        "8".to_owned(),
    ])
}

fn probe(cli: &Path, args: &[String]) -> Result<Output, String> {
    Command::new(cli)
        .arg("--lang")
        .arg("en")
        .arg("probe")
        .args(args)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", cli.display()))
}

fn live_args(common: &[String], format: &str) -> Vec<String> {
    let mut args = vec![
        PARTNER.to_owned(),
        "--ours".to_owned(),
        OURS.to_owned(),
        "--sasl".to_owned(),
        "optional".to_owned(),
        "--format".to_owned(),
        format.to_owned(),
    ];
    args.extend(common.iter().cloned());
    args
}

fn expect(condition: bool, what: &str, output: &Output) -> Result<(), String> {
    if condition {
        Ok(())
    } else {
        Err(format!(
            "{what}\nstatus: {}\nstdout:\n{}\nstderr:\n{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ))
    }
}

fn text_report(cli: &Path, common: &[String]) -> Result<(), String> {
    let output = probe(cli, &live_args(common, "text"))?;
    let text = String::from_utf8_lossy(&output.stdout);
    expect(output.status.code() == Some(0), "exit status 0", &output)?;
    for wanted in [
        "Partner policy (inferred from what it offered): tls=Required sasl=Optional dialback=true certificate=Valid",
        "partner server -> our XMPP proxy, initial: STARTTLS (required), dialback",
        "Certificate of partner.example: valid",
        &format!("names: DNS:{PARTNER}"),
        "Observed:",
        "Established with SASL over TLS",
        "The simulator predicted this negotiation exactly.",
    ] {
        expect(
            text.contains(wanted),
            &format!("the report says `{wanted}`"),
            &output,
        )?;
    }
    Ok(())
}

fn json_report(cli: &Path, common: &[String]) -> Result<(), String> {
    let output = probe(cli, &live_args(common, "json"))?;
    expect(output.status.code() == Some(0), "exit status 0", &output)?;
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).map_err(|e| format!("not JSON: {e}"))?;
    let report = &json["report"];
    let checks = [
        (json["engineVersion"].is_string(), "engineVersion"),
        (report["partnerPolicy"] == "inferred", "partnerPolicy"),
        (
            report["scenario"]["partner"]["semantics"] == "Prosody",
            "the partner recognised as Prosody",
        ),
        (
            report["observed"]["outcome"]["method"] == "SaslOverTls",
            "observed method",
        ),
        (
            report["prediction"]["outcome"]["method"] == "SaslOverTls",
            "predicted method",
        ),
        (report["agreement"]["steps"] == true, "steps agree"),
        (report["certificate"]["status"] == "Valid", "certificate"),
        (report["certificate"]["matchesDomain"] == true, "name match"),
        (report["offers"][0]["starttls"] == true, "first offer"),
        (
            report["observed"]["steps"].as_array().is_some_and(|s| {
                s.iter()
                    .any(|s| s["xml"].as_str().is_some_and(|x| x.contains("<proceed")))
            }),
            "the real XML of each step",
        ),
    ];
    for (ok, what) in checks {
        expect(ok, what, &output)?;
    }
    Ok(())
}

fn scenario(cli: &Path, common: &[String], dir: &Path) -> Result<(), String> {
    let file = dir.join("scenario.json");
    std::fs::write(
        &file,
        format!(
            r#"{{
  "ours": {{ "domain": "{OURS}" }},
  "partnerConfig": {{ "domain": "{PARTNER}", "saslNegotiation": "NotSupported" }},
  "partner": {{ "preset": "prosody", "domain": "{PARTNER}" }},
  "direction": "outbound"
}}"#
        ),
    )
    .map_err(|e| e.to_string())?;
    let mut args = vec!["--scenario".to_owned(), file.display().to_string()];
    args.extend(common.iter().cloned());
    let output = probe(cli, &args)?;
    let text = String::from_utf8_lossy(&output.stdout);
    expect(output.status.code() == Some(0), "exit status 0", &output)?;
    expect(
        text.contains("(as given)") && text.contains("Established with TLS Dialback"),
        "TLS dialback with the given policy",
        &output,
    )?;
    expect(
        text.contains("The simulator predicted this negotiation exactly."),
        "agreement",
        &output,
    )
}

fn unusable(cli: &Path) -> Result<(), String> {
    let output = probe(cli, &[PARTNER.to_owned()])?;
    expect(output.status.code() == Some(2), "exit status 2", &output)?;
    expect(
        String::from_utf8_lossy(&output.stderr).contains("--ours"),
        "the message names --ours",
        &output,
    )
}
