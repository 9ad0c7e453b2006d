//! Checks across all partners, and on the gateway settings. Each runs in linear time: one pass
//! with hash maps keyed by normalised domain or by confusable skeleton.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::confusable;
use crate::diagnostic::{Detail, Diagnostic};
use crate::domain::Domain;
use crate::gateway::GatewayConfig;
use crate::partner::PartnerConfig;

/// A partner and the path it was read from.
pub(crate) struct Placed<'a> {
    pub path: &'a str,
    pub partner: &'a PartnerConfig,
}

/// Which of a partner's domains: the primary one or an additional one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    Primary,
    Additional(usize),
}

/// The path of a partner's domain. Built only when a finding needs it.
fn path(placed: &Placed<'_>, which: Which) -> String {
    match which {
        Which::Primary => format!("{}.domain", placed.path),
        Which::Additional(i) => format!("{}.additionalDomains[{i}]", placed.path),
    }
}

/// Every domain of a partner, with which one it is.
fn domains(partner: &PartnerConfig) -> impl Iterator<Item = (&Domain, Which)> {
    std::iter::once((&partner.domain, Which::Primary)).chain(
        partner
            .additional_domains
            .iter()
            .enumerate()
            .map(|(i, d)| (d, Which::Additional(i))),
    )
}

pub(super) fn check(partners: &[Placed<'_>], gateway: &GatewayConfig, out: &mut Vec<Diagnostic>) {
    claims(partners, out);
    connection_limits(partners, gateway, out);
    lookalikes(partners, out);
}

/// Each domain may belong to one partner only: routing a stream from it must be unambiguous.
fn claims(partners: &[Placed<'_>], out: &mut Vec<Diagnostic>) {
    // The first claim of each domain: which partner, and which of its domains.
    let mut claims: HashMap<&str, (usize, Which)> = HashMap::with_capacity(partners.len() * 2);
    for (index, placed) in partners.iter().enumerate() {
        let partner = placed.partner;
        for (domain, which) in domains(partner) {
            let (first, first_which) = match claims.entry(domain.as_str()) {
                Entry::Vacant(slot) => {
                    slot.insert((index, which));
                    continue;
                }
                Entry::Occupied(claim) => *claim.get(),
            };
            // Repeats within one partner are a partner-level finding (XF201).
            if first == index {
                continue;
            }
            let owner = &partners[first];
            let detail = if which == Which::Primary && first_which == Which::Primary {
                Detail::DuplicatePartner {
                    identity: partner.domain.clone(),
                    identical: owner.partner == partner,
                }
            } else {
                Detail::DomainClaimedTwice {
                    domain: domain.clone(),
                    claimed_by: owner.partner.domain.clone(),
                }
            };
            let duplicate = matches!(detail, Detail::DuplicatePartner { .. });
            out.push(
                Diagnostic::new(detail, path(placed, which)).related_to(path(owner, first_which)),
            );
            if duplicate {
                // A second copy of a partner: its additional domains repeat the first one's,
                // and the duplicate-partner finding already says so.
                break;
            }
        }
    }
}

/// The partners' own limits against the gateway's total. Partners without a limit of their own
/// are left out: the gateway's defaults allow 20 per partner and 1000 in all, so counting them
/// would flag every directory of more than 50 partners.
fn connection_limits(partners: &[Placed<'_>], gateway: &GatewayConfig, out: &mut Vec<Diagnostic>) {
    let sum: u64 = partners
        .iter()
        .filter_map(|p| p.partner.connection_limit)
        .map(|limit| u64::from(limit.min(gateway.partner_connection_limit)))
        .sum();
    if sum > u64::from(gateway.connection_limit) {
        out.push(
            Diagnostic::new(
                Detail::ConnectionLimitsExceedGateway {
                    sum,
                    gateway_limit: gateway.connection_limit,
                },
                "partners",
            )
            .related_to("gateway.connectionLimit"),
        );
    }
}

/// Domains whose UTS #39 skeletons are equal look alike, unless they are the same domain.
fn lookalikes(partners: &[Placed<'_>], out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<String, (usize, Which)> = HashMap::with_capacity(partners.len() * 2);
    for (index, placed) in partners.iter().enumerate() {
        for (domain, which) in domains(placed.partner) {
            match seen.entry(confusable::skeleton(domain.unicode())) {
                Entry::Vacant(slot) => {
                    slot.insert((index, which));
                }
                Entry::Occupied(first) => {
                    let (first, first_which) = *first.get();
                    let owner = &partners[first];
                    let lookalike = match first_which {
                        Which::Primary => &owner.partner.domain,
                        Which::Additional(i) => &owner.partner.additional_domains[i],
                    };
                    if lookalike != domain {
                        out.push(
                            Diagnostic::new(
                                Detail::ConfusableDomain {
                                    domain: domain.clone(),
                                    lookalike: lookalike.clone(),
                                    lookalike_partner: owner.partner.domain.clone(),
                                },
                                path(placed, which),
                            )
                            .related_to(path(owner, first_which)),
                        );
                    }
                }
            }
        }
    }
}

/// Checks on the gateway settings alone.
pub(super) fn gateway(gateway: &GatewayConfig, out: &mut Vec<Diagnostic>) {
    if gateway.partner_connection_limit > gateway.connection_limit {
        out.push(
            Diagnostic::new(
                Detail::PartnerLimitAboveTotal {
                    partner_limit: gateway.partner_connection_limit,
                    total: gateway.connection_limit,
                },
                "gateway.partnerConnectionLimit",
            )
            .related_to("gateway.connectionLimit"),
        );
    }
    let intervals = [
        ("keepAliveInterval", gateway.keep_alive_interval),
        (
            "streamEstablishmentTimeout",
            gateway.stream_establishment_timeout,
        ),
        ("streamInactivityTimeout", gateway.stream_inactivity_timeout),
        (
            "subscriptionRefreshInterval",
            gateway.subscription_refresh_interval,
        ),
    ];
    for (field, seconds) in intervals {
        if seconds == 0 {
            out.push(Diagnostic::new(
                Detail::ZeroInterval { field },
                format!("gateway.{field}"),
            ));
        }
    }
    if gateway.enable_logging_all_message_bodies {
        out.push(Diagnostic::new(
            Detail::MessageBodyLogging,
            "gateway.enableLoggingAllMessageBodies",
        ));
    }
}
