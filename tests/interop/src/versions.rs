//! Which TLS versions the real servers speak, and how they refuse the others: `openssl
//! s_client` asks each server for TLS 1.1, 1.2 and 1.3 after STARTTLS (the probe itself speaks
//! only TLS 1.2 and 1.3), and the answers must be what the simulator's presets and profiles
//! say.

use std::process::{Command, Stdio};

use xmpp_federation::s2s::{
    Condition, Direction, Preset, Scenario, TlsVersion, VersionRefusal, simulate,
};
use xmpp_federation::{Domain, PartnerConfig};

use crate::servers::{OURS, PARTNER, PARTNER_ADDRESS};

/// What one attempt with a single TLS version gave.
#[derive(Debug, PartialEq, Eq)]
enum Answer {
    Negotiated,
    /// The server sent a protocol_version alert.
    Alert,
    /// The server closed the connection without an alert.
    Closed,
}

fn attempt(version: TlsVersion) -> Result<(Answer, String), String> {
    let flag = match version {
        TlsVersion::Tls10 => "-tls1",
        TlsVersion::Tls11 => "-tls1_1",
        TlsVersion::Tls12 => "-tls1_2",
        TlsVersion::Tls13 => "-tls1_3",
    };
    let mut command = Command::new("openssl");
    command
        .args(["s_client", "-connect", &format!("{PARTNER_ADDRESS}:5269")])
        .args(["-starttls", "xmpp-server", "-xmpphost", PARTNER, flag]);
    if version < TlsVersion::Tls12 {
        // OpenSSL 3 offers TLS 1.0 and 1.1 only at security level 0.
        command.args(["-cipher", "DEFAULT:@SECLEVEL=0"]);
    }
    let output = command
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("cannot run openssl: {e}"))?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    // On failure OpenSSL still prints the session, with no cipher.
    let answer = if text.contains(&format!("New, TLSv{}", version.name()))
        && !text.contains("Cipher is (NONE)")
    {
        Answer::Negotiated
    } else if text.contains("alert protocol version") {
        Answer::Alert
    } else {
        Answer::Closed
    };
    Ok((answer, text))
}

/// Checks the server of `preset` that runs now.
pub fn check(preset: Preset) -> Result<(), String> {
    let (min, max) = preset.tls_versions();
    let partner = Domain::parse(PARTNER).map_err(|e| e.to_string())?;
    let peer = preset.peer(partner.clone());
    let refusal = peer.profile().version_refusal.value;
    for version in [TlsVersion::Tls11, TlsVersion::Tls12, TlsVersion::Tls13] {
        let (answer, text) = attempt(version)?;
        let expected = if version >= min && version <= max {
            Answer::Negotiated
        } else if refusal == VersionRefusal::Alert {
            Answer::Alert
        } else {
            Answer::Closed
        };
        if answer != expected {
            return Err(format!(
                "{version}: the server answered {answer:?}, the simulator says {expected:?}\n{text}"
            ));
        }
    }
    // And the simulator plays the same refusal: an Edge server that speaks only TLS 1.0 and
    // 1.1 against this server.
    let mut scenario = Scenario::new(
        Domain::parse(OURS).map_err(|e| e.to_string())?,
        PartnerConfig::new(partner),
        peer,
        Direction::Outbound,
    );
    scenario.ours.max_tls_version = TlsVersion::Tls11;
    let trace = simulate(&scenario);
    match trace.outcome().failure.as_ref().map(|f| &f.condition) {
        Some(Condition::TlsVersion) => Ok(()),
        other => Err(format!(
            "the simulator predicts {other:?} for an Edge server that speaks TLS 1.1"
        )),
    }
}
