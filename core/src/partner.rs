//! An XMPP federated partner, as `New-CsXmppAllowedPartner` creates it, and an edit to one, as
//! `Set-CsXmppAllowedPartner` applies it.

use std::collections::HashSet;
use std::fmt;

use serde::{Serialize, Serializer};

use crate::domain::Domain;
use crate::matrix::MatrixRow;
use crate::settings::{Negotiation, PartnerType};
use crate::text::{self, ControlCharacter};

/// A partner's description: notes for admins. Any text except the control characters that no
/// export format can carry (tabs and line breaks are fine); see [`ControlCharacter`].
///
/// Descriptions longer than [`MAX_DESCRIPTION_CHARS`](crate::limits::MAX_DESCRIPTION_CHARS) are
/// representable, and the validator reports them (`XF205`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Description(String);

impl Description {
    /// Checks and wraps a description.
    pub fn new(text: impl Into<String>) -> Result<Description, ControlCharacter> {
        let text = text.into();
        text::check(&text)?;
        Ok(Description(text))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the description is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Description {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Description {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// One XMPP federated partner: the parameters of `New-CsXmppAllowedPartner`.
///
/// Fields the input leaves out take the cmdlet's defaults ([`PartnerConfig::new`]): partner type
/// `PublicUnverified`, TLS and SASL `Required`, dialback and keep-alive on, no connection limit
/// of its own and no proxy. That default combination is matrix row M1.
///
/// In JSON the fields are camelCase (`additionalDomains`, `tlsNegotiation`, ...); unknown fields
/// are an error that suggests the closest known name. See `schema/partner.schema.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PartnerConfig {
    /// The primary domain, the partner's identity (`-Domain` or `-Identity`).
    pub domain: Domain,
    /// Further domains of the partner that take part in the federation (`-AdditionalDomains`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub additional_domains: Vec<Domain>,
    /// Notes about the partner (`-Description`); empty when there are none.
    #[serde(skip_serializing_if = "Description::is_empty")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub description: Description,
    /// The relationship, which decides what contacts may do (`-PartnerType`).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub partner_type: PartnerType,
    /// TLS negotiation (`-TlsNegotiation`).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub tls_negotiation: Negotiation,
    /// SASL negotiation (`-SaslNegotiation`).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub sasl_negotiation: Negotiation,
    /// Whether server dialback is supported (`-SupportDialbackNegotiation`).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub support_dialback_negotiation: bool,
    /// Whether the partner must send keep-alives (`-EnableKeepAlive`).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub enable_keep_alive: bool,
    /// The most simultaneous connections to this partner (`-ConnectionLimit`); without one, the
    /// gateway's `PartnerConnectionLimit` applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connection_limit: Option<u32>,
    /// The FQDN of the proxy server the partner uses (`-ProxyFqdn`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proxy_fqdn: Option<Domain>,
}

/// A field of a partner entry, named as JSON, XML and diagnostic paths name it
/// (`tlsNegotiation`): the names the reader, the writers and the JSON Schema share.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartnerField {
    /// `domain`.
    Domain,
    /// `additionalDomains`.
    AdditionalDomains,
    /// `description`.
    Description,
    /// `partnerType`.
    PartnerType,
    /// `tlsNegotiation`.
    TlsNegotiation,
    /// `saslNegotiation`.
    SaslNegotiation,
    /// `supportDialbackNegotiation`.
    SupportDialbackNegotiation,
    /// `enableKeepAlive`.
    EnableKeepAlive,
    /// `connectionLimit`.
    ConnectionLimit,
    /// `proxyFqdn`.
    ProxyFqdn,
}

impl PartnerField {
    /// Every field, in the order entries are written.
    pub const ALL: [PartnerField; 10] = [
        PartnerField::Domain,
        PartnerField::AdditionalDomains,
        PartnerField::Description,
        PartnerField::PartnerType,
        PartnerField::TlsNegotiation,
        PartnerField::SaslNegotiation,
        PartnerField::SupportDialbackNegotiation,
        PartnerField::EnableKeepAlive,
        PartnerField::ConnectionLimit,
        PartnerField::ProxyFqdn,
    ];

    /// The field's name in JSON, XML and diagnostic paths.
    pub fn name(self) -> &'static str {
        use crate::document::fields::{PARTNER, partner};
        let index = match self {
            PartnerField::Domain => partner::DOMAIN,
            PartnerField::AdditionalDomains => partner::ADDITIONAL_DOMAINS,
            PartnerField::Description => partner::DESCRIPTION,
            PartnerField::PartnerType => partner::PARTNER_TYPE,
            PartnerField::TlsNegotiation => partner::TLS,
            PartnerField::SaslNegotiation => partner::SASL,
            PartnerField::SupportDialbackNegotiation => partner::DIALBACK,
            PartnerField::EnableKeepAlive => partner::KEEP_ALIVE,
            PartnerField::ConnectionLimit => partner::CONNECTION_LIMIT,
            PartnerField::ProxyFqdn => partner::PROXY_FQDN,
        };
        PARTNER[index].name
    }

    /// The field of this name, if there is one.
    pub fn from_name(name: &str) -> Option<PartnerField> {
        PartnerField::ALL.into_iter().find(|f| f.name() == name)
    }
}

impl fmt::Display for PartnerField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl PartnerConfig {
    /// The cmdlet's default partner type.
    pub const DEFAULT_PARTNER_TYPE: PartnerType = PartnerType::PublicUnverified;
    /// The cmdlet's default TLS negotiation.
    pub const DEFAULT_TLS: Negotiation = Negotiation::Required;
    /// The cmdlet's default SASL negotiation.
    pub const DEFAULT_SASL: Negotiation = Negotiation::Required;
    /// The cmdlet's default dialback support.
    pub const DEFAULT_DIALBACK: bool = true;
    /// The cmdlet's default keep-alive setting.
    pub const DEFAULT_KEEP_ALIVE: bool = true;

    /// A partner with the cmdlet defaults.
    pub fn new(domain: Domain) -> PartnerConfig {
        PartnerConfig {
            domain,
            additional_domains: Vec::new(),
            description: Description::default(),
            partner_type: PartnerConfig::DEFAULT_PARTNER_TYPE,
            tls_negotiation: PartnerConfig::DEFAULT_TLS,
            sasl_negotiation: PartnerConfig::DEFAULT_SASL,
            support_dialback_negotiation: PartnerConfig::DEFAULT_DIALBACK,
            enable_keep_alive: PartnerConfig::DEFAULT_KEEP_ALIVE,
            connection_limit: None,
            proxy_fqdn: None,
        }
    }

    /// The matrix row of the partner's TLS, SASL and dialback settings.
    pub fn matrix_row(&self) -> MatrixRow {
        MatrixRow::classify(
            self.tls_negotiation,
            self.sasl_negotiation,
            self.support_dialback_negotiation,
        )
    }

    /// The primary domain followed by the additional domains: every domain the partner claims.
    pub fn domains(&self) -> impl Iterator<Item = &Domain> {
        std::iter::once(&self.domain).chain(&self.additional_domains)
    }
}

/// A change to a partner's additional domains, as PowerShell's `PSListModifier` expresses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum DomainListChange {
    /// `@{Add=...; Remove=...}`: add some domains and remove others, keeping the rest.
    Modify {
        /// Domains to append, unless already present.
        add: Vec<Domain>,
        /// Domains to remove.
        remove: Vec<Domain>,
    },
    /// A plain list replaces the whole list; `$null` (an empty list) clears it.
    Replace {
        /// The new list.
        domains: Vec<Domain>,
    },
}

impl DomainListChange {
    /// Applies the change to a list, in time linear in the sizes of both.
    pub fn apply(&self, list: &mut Vec<Domain>) {
        match self {
            DomainListChange::Modify { add, remove } => {
                if !remove.is_empty() {
                    let remove: HashSet<&Domain> = remove.iter().collect();
                    list.retain(|d| !remove.contains(d));
                }
                let mut present: HashSet<Domain> = list.iter().cloned().collect();
                for domain in add {
                    if present.insert(domain.clone()) {
                        list.push(domain.clone());
                    }
                }
            }
            DomainListChange::Replace { domains } => list.clone_from(domains),
        }
    }
}

/// An edit to an existing partner: the parameters of `Set-CsXmppAllowedPartner`. Fields left as
/// `None` keep their value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PartnerEdit {
    /// The partner to change: its primary domain (`-Identity`).
    pub identity: Domain,
    /// A change to the additional domains.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub additional_domains: Option<DomainListChange>,
    /// A new description; an empty one clears it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Description>,
    /// A new partner type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_type: Option<PartnerType>,
    /// A new TLS setting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tls_negotiation: Option<Negotiation>,
    /// A new SASL setting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sasl_negotiation: Option<Negotiation>,
    /// A new dialback setting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub support_dialback_negotiation: Option<bool>,
    /// A new keep-alive setting.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_keep_alive: Option<bool>,
    /// A new connection limit; `Some(None)` removes the partner's own limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connection_limit: Option<Option<u32>>,
    /// A new proxy FQDN; `Some(None)` removes it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proxy_fqdn: Option<Option<Domain>>,
}

impl PartnerEdit {
    /// An edit of `identity` that changes nothing yet.
    pub fn new(identity: Domain) -> PartnerEdit {
        PartnerEdit {
            identity,
            additional_domains: None,
            description: None,
            partner_type: None,
            tls_negotiation: None,
            sasl_negotiation: None,
            support_dialback_negotiation: None,
            enable_keep_alive: None,
            connection_limit: None,
            proxy_fqdn: None,
        }
    }

    /// The smallest edit that turns `before` into `after` (which must share its primary domain
    /// for the result to mean anything): applying it to `before` gives exactly `after`.
    /// Additional domains change by `Add` and `Remove` where that gives the new list, so that
    /// entries another admin added meanwhile survive; otherwise the list is replaced.
    pub fn between(before: &PartnerConfig, after: &PartnerConfig) -> PartnerEdit {
        fn changed<T: PartialEq + Clone>(before: &T, after: &T) -> Option<T> {
            (before != after).then(|| after.clone())
        }
        let add: Vec<Domain> = after
            .additional_domains
            .iter()
            .filter(|d| !before.additional_domains.contains(d))
            .cloned()
            .collect();
        let remove: Vec<Domain> = before
            .additional_domains
            .iter()
            .filter(|d| !after.additional_domains.contains(d))
            .cloned()
            .collect();
        let additional_domains = if before.additional_domains == after.additional_domains {
            None
        } else {
            let modify = DomainListChange::Modify { add, remove };
            let mut result = before.additional_domains.clone();
            modify.apply(&mut result);
            // Add and Remove cannot reorder or repeat entries; replace the list when they would
            // not give exactly the new one.
            Some(if result == after.additional_domains {
                modify
            } else {
                DomainListChange::Replace {
                    domains: after.additional_domains.clone(),
                }
            })
        };
        PartnerEdit {
            identity: after.domain.clone(),
            additional_domains,
            description: changed(&before.description, &after.description),
            partner_type: changed(&before.partner_type, &after.partner_type),
            tls_negotiation: changed(&before.tls_negotiation, &after.tls_negotiation),
            sasl_negotiation: changed(&before.sasl_negotiation, &after.sasl_negotiation),
            support_dialback_negotiation: changed(
                &before.support_dialback_negotiation,
                &after.support_dialback_negotiation,
            ),
            enable_keep_alive: changed(&before.enable_keep_alive, &after.enable_keep_alive),
            connection_limit: changed(&before.connection_limit, &after.connection_limit),
            proxy_fqdn: changed(&before.proxy_fqdn, &after.proxy_fqdn),
        }
    }

    /// Whether the edit changes nothing.
    pub fn is_empty(&self) -> bool {
        *self == PartnerEdit::new(self.identity.clone())
    }

    /// Applies the edit to a partner.
    pub fn apply(&self, partner: &mut PartnerConfig) {
        if let Some(change) = &self.additional_domains {
            change.apply(&mut partner.additional_domains);
        }
        if let Some(description) = &self.description {
            partner.description.clone_from(description);
        }
        if let Some(value) = self.partner_type {
            partner.partner_type = value;
        }
        if let Some(value) = self.tls_negotiation {
            partner.tls_negotiation = value;
        }
        if let Some(value) = self.sasl_negotiation {
            partner.sasl_negotiation = value;
        }
        if let Some(value) = self.support_dialback_negotiation {
            partner.support_dialback_negotiation = value;
        }
        if let Some(value) = self.enable_keep_alive {
            partner.enable_keep_alive = value;
        }
        if let Some(value) = self.connection_limit {
            partner.connection_limit = value;
        }
        if let Some(value) = &self.proxy_fqdn {
            partner.proxy_fqdn.clone_from(value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn domain(name: &str) -> Domain {
        Domain::parse(name).unwrap()
    }

    #[test]
    fn defaults_are_the_cmdlet_defaults() {
        let partner = PartnerConfig::new(domain("fabrikam.com"));
        assert_eq!(partner.partner_type, PartnerType::PublicUnverified);
        assert_eq!(partner.matrix_row(), MatrixRow::M1);
        assert!(partner.enable_keep_alive);
        assert_eq!(partner.connection_limit, None);
    }

    #[test]
    fn edit_between_round_trips() {
        let mut before = PartnerConfig::new(domain("fabrikam.com"));
        before.additional_domains = vec![domain("a.fabrikam.com"), domain("b.fabrikam.com")];
        let mut after = before.clone();
        after.additional_domains = vec![domain("b.fabrikam.com"), domain("c.fabrikam.com")];
        after.tls_negotiation = Negotiation::Optional;
        after.connection_limit = Some(5);

        let edit = PartnerEdit::between(&before, &after);
        assert_eq!(
            edit.additional_domains,
            Some(DomainListChange::Modify {
                add: vec![domain("c.fabrikam.com")],
                remove: vec![domain("a.fabrikam.com")],
            })
        );
        assert_eq!(edit.sasl_negotiation, None);
        let mut applied = before.clone();
        edit.apply(&mut applied);
        assert_eq!(applied, after);
        assert!(PartnerEdit::between(&after, &after).is_empty());

        // Reordering cannot be expressed by Add and Remove.
        let mut reordered = after.clone();
        reordered.additional_domains.reverse();
        let edit = PartnerEdit::between(&after, &reordered);
        assert!(matches!(
            edit.additional_domains,
            Some(DomainListChange::Replace { .. })
        ));
        let mut applied = after.clone();
        edit.apply(&mut applied);
        assert_eq!(applied, reordered);
    }
}
