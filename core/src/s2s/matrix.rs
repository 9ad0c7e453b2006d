//! The negotiation matrix by simulation: the methods each of the 18 Lync rows can end with,
//! found by playing it against partner servers of every policy.

use std::sync::OnceLock;

use super::peer::{Certificate, Peer};
use super::scenario::{Direction, Scenario};
use super::simulate::run;
use crate::domain::Domain;
use crate::matrix::{AuthenticationMethod, MatrixRow, MethodSet};
use crate::partner::PartnerConfig;
use crate::settings::Negotiation;

/// The method a negotiation ends with, if it succeeds: [`simulate`](super::simulate) without
/// recording the trace's texts or searching for a fix, for sweeping many scenarios.
pub fn established_method(scenario: &Scenario) -> Option<AuthenticationMethod> {
    run(scenario).result.ok().map(|done| done.method)
}

/// Whether our proxy, set up as `row`, has dialback switched on but does not use it: the rule
/// the machines follow, asked of Lync's policy.
pub(crate) fn dialback_inoperative(row: MatrixRow) -> bool {
    // INVARIANT: a valid domain name.
    #[allow(clippy::expect_used)]
    let ours = Domain::parse("contoso.example").expect("a valid domain");
    let mut config = PartnerConfig::new(ours.clone());
    config.tls_negotiation = row.tls();
    config.sasl_negotiation = row.sasl();
    config.support_dialback_negotiation = row.dialback();
    Peer::lync(ours, &config, Certificate::Valid, false).dialback_inoperative()
}

/// The methods a row can end with, computed once per process and row (a row takes 324
/// negotiations, about 2.5 ms in a release build).
pub(crate) fn methods(row: MatrixRow) -> MethodSet {
    static CACHE: [OnceLock<MethodSet>; 18] = [const { OnceLock::new() }; 18];
    *CACHE[usize::from(row.number() - 1)].get_or_init(|| sweep(row))
}

/// Plays `row` against every partner policy (TLS, SASL, dialback), with a valid certificate, no
/// certificate, and an invalid one under lenient validation, in both directions, with DNS, the
/// authoritative server and the dialback key working.
///
/// Strict validation and failing conditions only take methods away; the integration tests
/// sweep those too and find the same sets.
fn sweep(row: MatrixRow) -> MethodSet {
    // INVARIANT: these are valid domain names.
    #[allow(clippy::expect_used)]
    let (ours, partner) = (
        Domain::parse("contoso.example").expect("a valid domain"),
        Domain::parse("fabrikam.example").expect("a valid domain"),
    );
    let mut config = PartnerConfig::new(partner.clone());
    config.tls_negotiation = row.tls();
    config.sasl_negotiation = row.sasl();
    config.support_dialback_negotiation = row.dialback();
    let mut methods = MethodSet::EMPTY;
    for tls in Negotiation::ALL {
        for sasl in Negotiation::ALL {
            for dialback in [true, false] {
                for certificate in [
                    Certificate::Valid,
                    Certificate::Missing,
                    Certificate::Expired,
                ] {
                    for direction in [Direction::Outbound, Direction::Inbound] {
                        let mut peer = Peer::new(partner.clone());
                        peer.tls = tls;
                        peer.sasl = sasl;
                        peer.dialback = dialback;
                        peer.certificate = certificate;
                        let scenario = Scenario::new(ours.clone(), config.clone(), peer, direction);
                        if let Some(method) = established_method(&scenario) {
                            methods.insert(method);
                        }
                    }
                }
            }
        }
    }
    methods
}
