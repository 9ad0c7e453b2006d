//! Who is at fault when a negotiation fails, and the smallest change that makes it work.

use super::machine::{Blame, StreamFailure};
use super::peer::{Certificate, Peer, TlsVersion};
use super::scenario::{Direction, DnsRecord, Scenario};
use super::setting::{EnvironmentSetting, PeerSetting, Setting, SettingName, Side};
use super::simulate::{level, run};
use super::trace::{FederationLevel, Fix};
use crate::diagnostic::Severity;
use crate::gateway::GatewayConfig;
use crate::settings::Negotiation;
use crate::validate::validate_partner;

/// The side whose setting, certificate or DNS is at fault, if any: a simulation that reached no
/// outcome blames nobody. `reporter` is the side that reported the failure; some blames are
/// relative to it.
pub(crate) fn fault(scenario: &Scenario, failure: &StreamFailure, reporter: Side) -> Option<Side> {
    if failure.blame == Blame::Internal {
        return None;
    }
    Some(side_at_fault(scenario, failure, reporter))
}

fn side_at_fault(scenario: &Scenario, failure: &StreamFailure, reporter: Side) -> Side {
    let other = |side: Side| match side {
        Side::Ours => Side::Partner,
        _ => Side::Ours,
    };
    let ours = scenario.our_peer();
    let policy = |side: Side| -> &Peer {
        if side == Side::Ours {
            &ours
        } else {
            &scenario.partner
        }
    };
    match failure.blame {
        Blame::Internal => Side::Environment,
        Blame::Dns
        | Blame::Authoritative
        | Blame::HostUnknown
        | Blame::PeerClosed
        | Blame::Certificate { .. } => Side::Environment,
        // The server that cannot be reached: its firewall, or what listens on its port.
        Blame::Unreachable => other(reporter),
        // A server that stops answering is at fault, unless the cause is known better.
        Blame::Silent => Side::Partner,
        // Whoever broke the protocol: the reporter's peer.
        Blame::PeerMisbehaved => other(reporter),
        // The driver replaces this with the fault of the verification stream.
        Blame::Unverified => Side::Environment,
        Blame::EncryptionUnavailable => reporter,
        // The authoritative server belongs to the initiating server's own deployment: a key it
        // does not confirm means their dialback secrets differ (XEP-0220 §2.2.2).
        Blame::KeyInvalid => match scenario.direction {
            Direction::Outbound => Side::Ours,
            Direction::Inbound => Side::Partner,
        },
        Blame::NotAllowed => Side::Ours,
        Blame::TlsVersion {
            initiating_at_fault,
        } => {
            let initiating = match scenario.direction {
                Direction::Outbound => Side::Ours,
                Direction::Inbound => Side::Partner,
            };
            if initiating_at_fault {
                initiating
            } else {
                other(initiating)
            }
        }
        Blame::Denied => Side::Partner,
        Blame::TlsUnavailable { local } => {
            let side = if local { reporter } else { other(reporter) };
            // A side that supports TLS but has no certificate cannot offer it: a certificate
            // problem, not a policy one.
            if policy(side).tls.is_supported() {
                Side::Environment
            } else {
                side
            }
        }
        Blame::NoCommonMethod => {
            let partner = &scenario.partner;
            // SASL is mandatory to implement (RFC 6120 §6): a side that does not support it
            // while the other does is at fault first; then a side that refuses dialback while
            // the other relies on it.
            let sasl = |p: &Peer| p.effective_sasl().is_supported();
            let certificates_valid =
                ours.certificate == Certificate::Valid && partner.certificate == Certificate::Valid;
            if sasl(&ours) && sasl(partner) && !certificates_valid {
                Side::Environment
            } else if !sasl(&ours) && sasl(partner) {
                Side::Ours
            } else if !sasl(partner) && sasl(&ours) {
                Side::Partner
            } else if !ours.uses_dialback() && partner.uses_dialback() {
                Side::Ours
            } else if !partner.uses_dialback() && ours.uses_dialback() {
                Side::Partner
            } else {
                Side::Ours
            }
        }
    }
}

/// Every single change worth trying, ours first, then the environment, then the partner.
fn candidates(scenario: &Scenario) -> Vec<Setting> {
    use EnvironmentSetting as E;
    use PeerSetting as P;
    use SettingName::{Environment, Ours, Partner};
    let mut out = Vec::new();
    let config = &scenario.partner_config;
    let partner = &scenario.partner;
    for value in Negotiation::ALL {
        if value != config.tls_negotiation {
            out.push(Setting::new(Ours(P::Tls), value.name()));
        }
    }
    for value in Negotiation::ALL {
        if value != config.sasl_negotiation {
            out.push(Setting::new(Ours(P::Sasl), value.name()));
        }
    }
    out.push(Setting::new(
        Ours(P::Dialback),
        (!config.support_dialback_negotiation).to_string(),
    ));
    if !config.domains().any(|d| *d == partner.domain) {
        out.push(Setting::new(Ours(P::Accepts), partner.domain.as_str()));
    }
    if scenario.ours.certificate != Certificate::Valid {
        out.push(Setting::new(Ours(P::Certificate), "Valid"));
    }
    if scenario.ours.strict_certificate_validation {
        out.push(Setting::new(Ours(P::StrictCertificateValidation), "false"));
    }
    for domain in [&scenario.ours.domain, &partner.domain] {
        if scenario.environment.dns_for(domain) != DnsRecord::Srv {
            out.push(Setting::new(
                Environment(E::Dns(domain.clone())),
                DnsRecord::Srv.name(),
            ));
        }
    }
    if !scenario.environment.authoritative_reachable {
        out.push(Setting::new(Environment(E::AuthoritativeReachable), "true"));
    }
    // Only the two domains are ever connected to; any other entry changes nothing.
    for domain in [&scenario.ours.domain, &partner.domain]
        .into_iter()
        .filter(|d| scenario.environment.unreachable.contains_key(*d))
    {
        out.push(Setting::new(
            Environment(E::Unreachable(domain.clone())),
            "none",
        ));
    }
    if !scenario.environment.dialback_key_verifies {
        out.push(Setting::new(Environment(E::DialbackKeyVerifies), "true"));
    }
    for value in Negotiation::ALL {
        if value != partner.tls {
            out.push(Setting::new(Partner(P::Tls), value.name()));
        }
    }
    for value in Negotiation::ALL {
        if value != partner.sasl {
            out.push(Setting::new(Partner(P::Sasl), value.name()));
        }
    }
    out.push(Setting::new(
        Partner(P::Dialback),
        (!partner.dialback).to_string(),
    ));
    if partner.certificate != Certificate::Valid {
        out.push(Setting::new(Partner(P::Certificate), "Valid"));
    }
    if partner.strict_certificate_validation {
        out.push(Setting::new(
            Partner(P::StrictCertificateValidation),
            "false",
        ));
    }
    // A certificate reissued with the domain among its names.
    let ours_peer = scenario.our_peer();
    for (side, peer) in [(Side::Ours, &ours_peer), (Side::Partner, partner)] {
        if !peer.names_cover_domain() {
            let mut names: Vec<&str> = peer.certificate_names.iter().map(|n| n.as_str()).collect();
            names.push(peer.domain.as_str());
            out.push(Setting::new(
                SettingName::peer(side, P::CertificateNames),
                names.join(","),
            ));
        }
    }
    if !partner.denied_domains.is_empty() {
        out.push(Setting::new(Partner(P::DeniedDomains), "none"));
    }
    if partner.answers_as.is_some() {
        out.push(Setting::new(Partner(P::AnswersAs), "none"));
    }
    // TLS versions: a newer newest version, or an older oldest one.
    let ours_range = (scenario.ours.min_tls_version, scenario.ours.max_tls_version);
    let partner_range = (partner.min_tls_version, partner.max_tls_version);
    for (side, (min, max)) in [(Side::Ours, ours_range), (Side::Partner, partner_range)] {
        for version in TlsVersion::ALL {
            if version > max {
                out.push(Setting::new(
                    SettingName::peer(side, P::MaxTlsVersion),
                    version.name(),
                ));
            }
            if version < min {
                out.push(Setting::new(
                    SettingName::peer(side, P::MinTlsVersion),
                    version.name(),
                ));
            }
        }
    }
    out
}

/// Whether a change lowers a side's security: a weaker TLS or SASL policy, lenient certificate
/// validation, or dialback where it was off.
fn weakens(scenario: &Scenario, change: &Setting) -> bool {
    use PeerSetting as P;
    use SettingName::{Ours, Partner};
    let lowered = |from: Negotiation| {
        Negotiation::ALL
            .into_iter()
            .find(|n| n.name() == change.value)
            .is_some_and(|to| to > from)
    };
    let config = &scenario.partner_config;
    let partner = &scenario.partner;
    match &change.name {
        Ours(P::Tls) => lowered(config.tls_negotiation),
        Ours(P::Sasl) => lowered(config.sasl_negotiation),
        Partner(P::Tls) => lowered(partner.tls),
        Partner(P::Sasl) => lowered(partner.sasl),
        Ours(P::StrictCertificateValidation) | Partner(P::StrictCertificateValidation) => {
            change.value == "false"
        }
        // Accepting an older TLS version weakens TLS.
        Ours(P::MinTlsVersion) | Partner(P::MinTlsVersion) => true,
        Ours(P::Dialback) | Partner(P::Dialback) => change.value == "true",
        _ => false,
    }
}

/// The single change that makes the negotiation succeed. Among the changes that do, the one
/// that reaches the highest federation level wins; then one that lowers no security setting;
/// then one the admin controls: ours, then the environment's, then the partner's. A change to
/// our settings must leave the partner committable.
pub(crate) fn smallest(scenario: &Scenario) -> Option<Fix> {
    let side_rank = |side: Side| match side {
        Side::Ours => 0,
        Side::Environment => 1,
        Side::Partner => 2,
    };
    // Lower ranks win: the highest level, then not weakening, then the side.
    type Rank = (std::cmp::Reverse<FederationLevel>, bool, u8);
    let mut best: Option<(Rank, Fix)> = None;
    for change in candidates(scenario) {
        let Ok(next) = scenario.apply(&change) else {
            continue;
        };
        if change.side() == Side::Ours
            && validate_partner(&next.partner_config, &GatewayConfig::default())
                .iter()
                .any(|d| d.severity() == Severity::Error)
        {
            continue;
        }
        let run = run(&next);
        let Ok(done) = run.result else {
            continue;
        };
        let reached = level(&done, run.receiving_certificate);
        let rank = (
            std::cmp::Reverse(reached),
            weakens(scenario, &change),
            side_rank(change.side()),
        );
        if best.as_ref().is_none_or(|(best_rank, _)| rank < *best_rank) {
            best = Some((
                rank,
                Fix {
                    change,
                    method: done.method,
                    level: reached,
                },
            ));
        }
    }
    best.map(|(_, fix)| fix)
}
