//! Checks on one partner, in the context of the gateway settings.

use std::collections::HashSet;

use super::confusable;
use crate::diagnostic::{Detail, Diagnostic, join};
use crate::domain::Domain;
use crate::gateway::GatewayConfig;
use crate::limits::MAX_DESCRIPTION_CHARS;
use crate::matrix::MatrixRow;
use crate::partner::PartnerConfig;
use crate::settings::PartnerType;

/// Public services with a documented federation setup.
struct PublicService {
    name: &'static str,
    domains: &'static [&'static str],
    /// The only matrix row the service can federate with.
    row: MatrixRow,
    keep_alive: bool,
}

/// "Example XMPP configuration in Lync Server 2013 – XMPP federation with Google Talk": Google
/// Talk "only supports unencrypted, TCP connections for server-to-server XMPP federation and only
/// supports Server Dialback", set up with `-TlsNegotiation NotSupported -SaslNegotiation
/// NotSupported -EnableKeepAlive $false -SupportDialbackNegotiation $true`, and it is not a
/// public verified service.
const GOOGLE_TALK: PublicService = PublicService {
    name: "Google Talk",
    domains: &["gmail.com", "googlemail.com"],
    row: MatrixRow::M17,
    keep_alive: false,
};

const PUBLIC_SERVICES: &[PublicService] = &[GOOGLE_TALK];

pub(super) fn check(
    partner: &PartnerConfig,
    gateway: &GatewayConfig,
    path: &str,
    out: &mut Vec<Diagnostic>,
) {
    let at = |field: &str| join(path, field);
    negotiation(partner, path, out);

    // Additional domains: repeats of the primary or of each other (compared in normalised form,
    // so case and IDN spellings count as the same), and domains outside the primary.
    let mut seen: HashSet<&Domain> = HashSet::with_capacity(partner.additional_domains.len());
    for (i, domain) in partner.additional_domains.iter().enumerate() {
        let field = || join(path, &format!("additionalDomains[{i}]"));
        if *domain == partner.domain {
            out.push(Diagnostic::new(
                Detail::DuplicateAdditionalDomain {
                    domain: domain.clone(),
                    of_primary: true,
                },
                field(),
            ));
        } else if !seen.insert(domain) {
            out.push(Diagnostic::new(
                Detail::DuplicateAdditionalDomain {
                    domain: domain.clone(),
                    of_primary: false,
                },
                field(),
            ));
        } else if !domain.is_subdomain_of(&partner.domain) {
            out.push(Diagnostic::new(
                Detail::AdditionalDomainOutsidePrimary {
                    domain: domain.clone(),
                    primary: partner.domain.clone(),
                },
                field(),
            ));
        }
    }

    if let Some(limit) = partner.connection_limit {
        if limit == 0 {
            out.push(Diagnostic::new(
                Detail::ConnectionLimitZero,
                at("connectionLimit"),
            ));
        } else if limit > gateway.partner_connection_limit {
            out.push(
                Diagnostic::new(
                    Detail::ConnectionLimitAboveGateway {
                        limit,
                        gateway_limit: gateway.partner_connection_limit,
                    },
                    at("connectionLimit"),
                )
                .related_to("gateway.partnerConnectionLimit"),
            );
        }
    }

    let length = partner.description.as_str().chars().count();
    if length > MAX_DESCRIPTION_CHARS {
        out.push(Diagnostic::new(
            Detail::DescriptionTooLong { length },
            at("description"),
        ));
    }

    if let Some(proxy) = &partner.proxy_fqdn
        && proxy.label_count() < 2
    {
        out.push(Diagnostic::new(
            Detail::ProxyNotFullyQualified {
                proxy: proxy.clone(),
            },
            at("proxyFqdn"),
        ));
    }

    if partner.domain.label_count() < 2 {
        out.push(Diagnostic::new(
            Detail::SingleLabelDomain {
                domain: partner.domain.clone(),
            },
            at("domain"),
        ));
    }

    google_federation_ended(partner, path, out);
    public_service(partner, path, out);

    let domains = std::iter::once((&partner.domain, None)).chain(
        partner
            .additional_domains
            .iter()
            .enumerate()
            .map(|(i, d)| (d, Some(i))),
    );
    for (domain, index) in domains {
        if let Some(label) = confusable::mixed_script_label(domain) {
            let field = match index {
                None => at("domain"),
                Some(i) => join(path, &format!("additionalDomains[{i}]")),
            };
            out.push(Diagnostic::new(
                Detail::MixedScriptDomain {
                    domain: domain.clone(),
                    label: label.to_owned(),
                },
                field,
            ));
        }
    }
}

/// The matrix rules for the TLS, SASL and dialback combination.
fn negotiation(partner: &PartnerConfig, path: &str, out: &mut Vec<Diagnostic>) {
    let row = partner.matrix_row();
    let at = |field: &str| join(path, field);
    if row.refused_by_control_panel() {
        out.push(
            Diagnostic::new(
                Detail::SaslRequiresTls {
                    sasl: partner.sasl_negotiation,
                },
                at("saslNegotiation"),
            )
            .with_row(row)
            .related_to(at("tlsNegotiation")),
        );
    }
    if row.expected_methods().is_empty() {
        let field = if row.sasl().is_supported() {
            "tlsNegotiation"
        } else {
            "supportDialbackNegotiation"
        };
        out.push(Diagnostic::new(Detail::NoAuthenticationMethod { row }, at(field)).with_row(row));
    } else if row.refused_but_negotiable() {
        // M5 and M11: the Control Panel refuses them, yet the matrix gives them TCP dialback.
        out.push(
            Diagnostic::new(Detail::MatrixTcpDialbackOnly { row }, at("saslNegotiation"))
                .with_row(row),
        );
    } else if row.dialback_inoperative() {
        out.push(
            Diagnostic::new(
                Detail::DialbackInoperative,
                at("supportDialbackNegotiation"),
            )
            .with_row(row),
        );
    } else if row.sasl_without_required_tls() {
        out.push(
            Diagnostic::new(Detail::SaslWithOptionalTls { row }, at("tlsNegotiation"))
                .with_row(row),
        );
    }
    if row == MatrixRow::M7 {
        out.push(Diagnostic::new(Detail::CommonTableDiffers, at("tlsNegotiation")).with_row(row));
    }
}

/// Google ended XMPP server-to-server federation on 26 June 2017 ("XMPP federation with
/// third-party services providers will no longer be supported starting June 26", G Suite Updates
/// blog, March 2017), so a Google Talk domain never connects; the Control Panel still commits it.
/// One finding per entry: at the primary domain when it is Google's (removing the partner removes
/// the rest), otherwise at each additional domain that is.
fn google_federation_ended(partner: &PartnerConfig, path: &str, out: &mut Vec<Diagnostic>) {
    let is_google = |domain: &Domain| GOOGLE_TALK.domains.contains(&domain.as_str());
    if is_google(&partner.domain) {
        out.push(Diagnostic::new(
            Detail::GoogleFederationEnded {
                domain: partner.domain.clone(),
                additional: false,
            },
            join(path, "domain"),
        ));
        return;
    }
    for (i, domain) in partner.additional_domains.iter().enumerate() {
        if is_google(domain) {
            out.push(Diagnostic::new(
                Detail::GoogleFederationEnded {
                    domain: domain.clone(),
                    additional: true,
                },
                join(path, &format!("additionalDomains[{i}]")),
            ));
        }
    }
}

fn public_service(partner: &PartnerConfig, path: &str, out: &mut Vec<Diagnostic>) {
    let Some(service) = PUBLIC_SERVICES
        .iter()
        .find(|s| s.domains.contains(&partner.domain.as_str()))
    else {
        return;
    };
    let at = |field: &str| join(path, field);
    let row = partner.matrix_row();
    // Rows that are errors already carry their own diagnostic.
    if row != service.row && !row.expected_methods().is_empty() && !row.refused_by_control_panel() {
        out.push(
            Diagnostic::new(
                Detail::PublicServiceNegotiation {
                    service: service.name,
                    row,
                },
                at("tlsNegotiation"),
            )
            .with_row(row),
        );
    }
    if partner.enable_keep_alive != service.keep_alive {
        out.push(Diagnostic::new(
            Detail::PublicServiceKeepAlive {
                service: service.name,
            },
            at("enableKeepAlive"),
        ));
    }
    if partner.partner_type != PartnerType::PublicUnverified {
        out.push(Diagnostic::new(
            Detail::PublicServicePartnerType {
                service: service.name,
                partner_type: partner.partner_type,
            },
            at("partnerType"),
        ));
    }
}
