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

/// The first claim of a domain.
struct Claim<'a> {
    partner: usize,
    owner: &'a Domain,
    path: String,
    primary: bool,
}

pub(super) fn check(partners: &[Placed<'_>], gateway: &GatewayConfig, out: &mut Vec<Diagnostic>) {
    claims(partners, out);
    connection_limits(partners, gateway, out);
    lookalikes(partners, out);
}

/// Each domain may belong to one partner only: routing a stream from it must be unambiguous.
fn claims(partners: &[Placed<'_>], out: &mut Vec<Diagnostic>) {
    let mut claims: HashMap<&str, Claim<'_>> = HashMap::with_capacity(partners.len() * 2);
    for (index, placed) in partners.iter().enumerate() {
        let partner = placed.partner;
        let primary_path = format!("{}.domain", placed.path);
        match claims.entry(partner.domain.as_str()) {
            Entry::Occupied(first) => {
                let first = first.get();
                let other = partners[first.partner].partner;
                let detail = if first.primary {
                    Detail::DuplicatePartner {
                        identity: partner.domain.clone(),
                        identical: other == partner,
                    }
                } else {
                    Detail::DomainClaimedTwice {
                        domain: partner.domain.clone(),
                        claimed_by: first.owner.clone(),
                    }
                };
                out.push(Diagnostic::new(detail, primary_path).related_to(first.path.clone()));
                if first.primary {
                    // A second copy of a partner: its additional domains repeat the first one's,
                    // and the duplicate-partner finding already says so.
                    continue;
                }
            }
            Entry::Vacant(slot) => {
                slot.insert(Claim {
                    partner: index,
                    owner: &partner.domain,
                    path: primary_path,
                    primary: true,
                });
            }
        }
        for (i, domain) in partner.additional_domains.iter().enumerate() {
            let path = format!("{}.additionalDomains[{i}]", placed.path);
            match claims.entry(domain.as_str()) {
                // Repeats within one partner are a partner-level finding (XF201).
                Entry::Occupied(first) if first.get().partner == index => {}
                Entry::Occupied(first) => {
                    let first = first.get();
                    out.push(
                        Diagnostic::new(
                            Detail::DomainClaimedTwice {
                                domain: domain.clone(),
                                claimed_by: first.owner.clone(),
                            },
                            path,
                        )
                        .related_to(first.path.clone()),
                    );
                }
                Entry::Vacant(slot) => {
                    slot.insert(Claim {
                        partner: index,
                        owner: &partner.domain,
                        path,
                        primary: false,
                    });
                }
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
    let mut seen: HashMap<String, (&Domain, &Domain, String)> = HashMap::new();
    for placed in partners {
        let partner = placed.partner;
        let domains = std::iter::once((&partner.domain, format!("{}.domain", placed.path))).chain(
            partner
                .additional_domains
                .iter()
                .enumerate()
                .map(|(i, d)| (d, format!("{}.additionalDomains[{i}]", placed.path))),
        );
        for (domain, path) in domains {
            let skeleton = confusable::skeleton(domain.unicode());
            match seen.entry(skeleton) {
                Entry::Vacant(slot) => {
                    slot.insert((domain, &partner.domain, path));
                }
                Entry::Occupied(first) => {
                    let (lookalike, owner, first_path) = first.get();
                    if *lookalike != domain {
                        out.push(
                            Diagnostic::new(
                                Detail::ConfusableDomain {
                                    domain: domain.clone(),
                                    lookalike: (*lookalike).clone(),
                                    lookalike_partner: (*owner).clone(),
                                },
                                path,
                            )
                            .related_to(first_path.clone()),
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
