//! Two real Prosody servers federating with each other, read from their logs, against the
//! simulator with Prosody's rules on both ends.
//!
//! With certificates that neither accepts for SASL EXTERNAL (self-signed) and
//! `s2s_secure_auth = false`, both authenticate by dialback over TLS. Each must verify the
//! other's key over a stream of its own to the other; the simulator once let them open such
//! streams until its step limit. Real Prosody sends a `<db:verify/>` over its outgoing stream
//! to the other domain once that stream has sent its own key (`mod_s2s.lua` lines 167-207,
//! Prosody 0.12.3), so two streams suffice.

use std::path::Path;
use std::time::{Duration, Instant};

use xmpp_federation::s2s::{
    Certificate, Connection, Direction, Party, Preset, Scenario, Semantics, simulate,
};
use xmpp_federation::{AuthenticationMethod, Domain, Negotiation, PartnerConfig};

use crate::cli::Check;
use crate::pki::{Cert, Pki};
use crate::servers::{OTHER, PARTNER, Prosody, ProsodyConfig, Site};

/// How many checks [`run`] makes.
pub const CHECKS: usize = 1;

/// The two servers' configuration: Prosody's defaults with self-signed certificates.
const SELF_SIGNED: ProsodyConfig = ProsodyConfig {
    certificate: Cert::SelfSigned,
    ..ProsodyConfig::DEFAULTS
};

pub fn run(pki: &Pki, dir: &Path) -> Vec<Check> {
    vec![(
        "prosody × prosody: both by dialback over TLS, as the simulator predicts",
        prosody_pair(pki, dir),
    )]
}

fn prosody_pair(pki: &Pki, dir: &Path) -> Result<(), String> {
    let first = Prosody::start_at(&SELF_SIGNED, &dir.join("prosody-a"), pki, &Site::PARTNER)?;
    let second = Prosody::start_at(&SELF_SIGNED, &dir.join("prosody-b"), pki, &Site::OTHER)?;
    let mut ping = first.ping(PARTNER, OTHER)?;
    let outgoing = format!("Outgoing s2s connection {PARTNER}->{OTHER} complete");
    let incoming = format!("Incoming s2s connection {PARTNER}->{OTHER} complete");
    let back = format!("Outgoing s2s connection {OTHER}->{PARTNER} complete");
    let deadline = Instant::now() + Duration::from_secs(15);
    let (log_a, log_b) = loop {
        let (a, b) = (first.process.log(), second.process.log());
        if a.contains(&outgoing) && b.contains(&incoming) && b.contains(&back) {
            break (a, b);
        }
        if Instant::now() > deadline {
            let _ = ping.kill();
            return Err(format!(
                "the servers did not federate within 15 s\n--- {PARTNER}\n{}\n--- {OTHER}\n{}",
                first.process.log_tail(),
                second.process.log_tail()
            ));
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let _ = ping.kill();
    let _ = ping.wait();
    // Dialback, not SASL EXTERNAL: each sent a key and answered one (mod_dialback.lua's
    // debug lines), and neither accepted a certificate.
    for (log, domain) in [(&log_a, PARTNER), (&log_b, OTHER)] {
        if !log.contains("sent dialback key on outgoing s2s stream")
            || !log.contains("verified dialback key... it is valid")
            || log.contains("Accepting SASL EXTERNAL identity")
        {
            return Err(format!("{domain} did not authenticate by dialback:\n{log}"));
        }
    }
    // The second server queued its verification until its own stream was authenticated; the
    // first sent its at once over the stream that had sent its own key (mod_s2s.lua line 181).
    if log_a.contains("[db:verify] queued") || !log_b.contains("[db:verify] queued") {
        return Err(format!(
            "the verifications did not travel as mod_s2s routes them\n--- {PARTNER}\n{log_a}\n--- {OTHER}\n{log_b}"
        ));
    }

    // The same with the simulator: our side plays the first server with Prosody's rules.
    let partner = Domain::parse(OTHER).map_err(|e| e.to_string())?;
    let mut config = PartnerConfig::new(partner.clone());
    config.tls_negotiation = Negotiation::Required;
    config.sasl_negotiation = Negotiation::Optional;
    let mut peer = Preset::Prosody.peer(partner);
    peer.certificate = Certificate::SelfSigned;
    let mut scenario = Scenario::new(
        Domain::parse(PARTNER).map_err(|e| e.to_string())?,
        config,
        peer,
        Direction::Outbound,
    );
    scenario.ours.semantics = Semantics::Prosody;
    scenario.ours.certificate = Certificate::SelfSigned;
    let trace = simulate(&scenario);
    let outcome = trace.outcome();
    // And it routes the verifications as the servers did: the first server's request on its
    // own main stream, which had sent its key.
    let rides_main = trace.steps().iter().any(|s| {
        s.connection() == Connection::Main
            && s.from() == Party::OurProxy
            && s.xml()
                .is_some_and(|x| x.starts_with("<db:verify") && !x.contains("type="))
    });
    if !rides_main {
        return Err(format!(
            "the simulator does not send the first server's verification over its main stream\n{}",
            trace.to_text(xmpp_federation::Language::English)
        ));
    }
    if outcome.method != Some(AuthenticationMethod::TlsDialback) {
        return Err(format!(
            "the simulator predicts {:?}, the servers used TLS dialback\n{}",
            outcome,
            trace.to_text(xmpp_federation::Language::English)
        ));
    }
    Ok(())
}
