//! The fields of each document object, once: their JSON and cmdlet names, kinds and defaults.
//! The interpreter, the JSON Schema and the exporters all read this table.

use crate::partner::PartnerConfig;
use crate::settings::{Negotiation, PartnerType};

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Domain,
    DomainList,
    Text,
    Enum(&'static [&'static str]),
    Bool,
    WholeNumber,
    Object,
    List,
}

/// A field's default, for the schema and the docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Default {
    None,
    Text(&'static str),
    Bool(bool),
    Number(u32),
}

/// A field of a document object (a partner entry, the gateway settings, the directory): its
/// names, kind and default.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Field {
    /// The JSON, XML and path name.
    pub name: &'static str,
    /// The PowerShell parameter and `Format-List` property name.
    pub cmdlet: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// Whether `null` means "not set".
    pub nullable: bool,
    pub default: Default,
    pub description: &'static str,
}

const NEGOTIATION: &[&str] = &["Required", "Optional", "NotSupported"];
const PARTNER_TYPE: &[&str] = &["Federated", "PublicVerified", "PublicUnverified"];

const fn field(name: &'static str, cmdlet: &'static str, kind: Kind) -> Field {
    Field {
        name,
        cmdlet,
        kind,
        required: false,
        nullable: false,
        default: Default::None,
        description: "",
    }
}

const fn with(mut f: Field, default: Default, description: &'static str) -> Field {
    f.default = default;
    f.description = description;
    f
}

const fn nullable(mut f: Field) -> Field {
    f.nullable = true;
    f
}

const fn required(mut f: Field) -> Field {
    f.required = true;
    f
}

/// Field indices into [`PARTNER`], in order.
pub(crate) mod partner {
    pub const DOMAIN: usize = 0;
    pub const ADDITIONAL_DOMAINS: usize = 1;
    pub const DESCRIPTION: usize = 2;
    pub const PARTNER_TYPE: usize = 3;
    pub const TLS: usize = 4;
    pub const SASL: usize = 5;
    pub const DIALBACK: usize = 6;
    pub const KEEP_ALIVE: usize = 7;
    pub const CONNECTION_LIMIT: usize = 8;
    pub const PROXY_FQDN: usize = 9;
}

pub(crate) const PARTNER: [Field; 10] = [
    required(with(
        field("domain", "Domain", Kind::Domain),
        Default::None,
        "The primary domain of the XMPP partner, its identity (-Domain or -Identity).",
    )),
    with(
        field("additionalDomains", "AdditionalDomains", Kind::DomainList),
        Default::None,
        "Further domains of the partner that take part in the federation (-AdditionalDomains).",
    ),
    with(
        field("description", "Description", Kind::Text),
        Default::None,
        "Notes about the partner, at most 1024 characters (-Description).",
    ),
    with(
        field("partnerType", "PartnerType", Kind::Enum(PARTNER_TYPE)),
        Default::Text(PartnerConfig::DEFAULT_PARTNER_TYPE.name()),
        "What the partner's contacts may do (-PartnerType).",
    ),
    with(
        field("tlsNegotiation", "TlsNegotiation", Kind::Enum(NEGOTIATION)),
        Default::Text(PartnerConfig::DEFAULT_TLS.name()),
        "TLS negotiation (-TlsNegotiation).",
    ),
    with(
        field(
            "saslNegotiation",
            "SaslNegotiation",
            Kind::Enum(NEGOTIATION),
        ),
        Default::Text(PartnerConfig::DEFAULT_SASL.name()),
        "SASL negotiation; SASL needs TLS (-SaslNegotiation).",
    ),
    with(
        field(
            "supportDialbackNegotiation",
            "SupportDialbackNegotiation",
            Kind::Bool,
        ),
        Default::Bool(PartnerConfig::DEFAULT_DIALBACK),
        "Whether server dialback (XEP-0220) is supported (-SupportDialbackNegotiation).",
    ),
    with(
        field("enableKeepAlive", "EnableKeepAlive", Kind::Bool),
        Default::Bool(PartnerConfig::DEFAULT_KEEP_ALIVE),
        "Whether the partner must send keep-alives (-EnableKeepAlive).",
    ),
    nullable(with(
        field("connectionLimit", "ConnectionLimit", Kind::WholeNumber),
        Default::None,
        "The most simultaneous connections to this partner; without it the gateway's \
         partnerConnectionLimit applies (-ConnectionLimit).",
    )),
    nullable(with(
        field("proxyFqdn", "ProxyFqdn", Kind::Domain),
        Default::None,
        "The FQDN of the proxy server the partner uses (-ProxyFqdn).",
    )),
];

/// Field indices into [`GATEWAY`], in order.
pub(crate) mod gateway {
    pub const CONNECTION_LIMIT: usize = 0;
    pub const PARTNER_CONNECTION_LIMIT: usize = 1;
    pub const KEEP_ALIVE_INTERVAL: usize = 2;
    pub const STREAM_ESTABLISHMENT_TIMEOUT: usize = 3;
    pub const STREAM_INACTIVITY_TIMEOUT: usize = 4;
    pub const SUBSCRIPTION_REFRESH_INTERVAL: usize = 5;
    pub const DIALBACK_PASSPHRASE: usize = 6;
    pub const MESSAGE_BODY_LOGGING: usize = 7;
}

pub(crate) const GATEWAY: [Field; 8] = [
    with(
        field("connectionLimit", "ConnectionLimit", Kind::WholeNumber),
        Default::Number(1000),
        "Total simultaneous connections for all XMPP partners.",
    ),
    with(
        field(
            "partnerConnectionLimit",
            "PartnerConnectionLimit",
            Kind::WholeNumber,
        ),
        Default::Number(20),
        "Simultaneous connections for a single XMPP partner.",
    ),
    with(
        field("keepAliveInterval", "KeepAliveInterval", Kind::WholeNumber),
        Default::Number(300),
        "Seconds within which a partner must send a keep-alive.",
    ),
    with(
        field(
            "streamEstablishmentTimeout",
            "StreamEstablishmentTimeout",
            Kind::WholeNumber,
        ),
        Default::Number(60),
        "Seconds a partner has to establish an XMPP stream.",
    ),
    with(
        field(
            "streamInactivityTimeout",
            "StreamInactivityTimeout",
            Kind::WholeNumber,
        ),
        Default::Number(600),
        "Seconds a stream may be inactive before it is closed.",
    ),
    with(
        field(
            "subscriptionRefreshInterval",
            "SubscriptionRefreshInterval",
            Kind::WholeNumber,
        ),
        Default::Number(28800),
        "Seconds before a partner must refresh its presence subscription.",
    ),
    nullable(with(
        field("dialbackPassphrase", "DialbackPassphrase", Kind::Text),
        Default::None,
        "The secret dialback keys are derived from.",
    )),
    with(
        field(
            "enableLoggingAllMessageBodies",
            "EnableLoggingAllMessageBodies",
            Kind::Bool,
        ),
        Default::Bool(false),
        "Whether the content of every message is logged.",
    ),
];

pub(crate) const DIRECTORY: [Field; 3] = [
    with(
        field("$schema", "$schema", Kind::Text),
        Default::None,
        "The schema this document follows, for editors.",
    ),
    with(
        field("gateway", "Gateway", Kind::Object),
        Default::None,
        "The global gateway settings (Set-CsXmppGatewayConfiguration).",
    ),
    with(
        field("partners", "Partners", Kind::List),
        Default::None,
        "The XMPP federated partners (New-CsXmppAllowedPartner).",
    ),
];

/// Checks at compile time that the enum tables match the Rust enums.
const _: () = {
    assert!(NEGOTIATION.len() == Negotiation::ALL.len());
    assert!(PARTNER_TYPE.len() == PartnerType::ALL.len());
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_tables_match_the_enum_names() {
        let names: Vec<_> = Negotiation::ALL.iter().map(|n| n.name()).collect();
        assert_eq!(names, NEGOTIATION);
        let names: Vec<_> = PartnerType::ALL.iter().map(|n| n.name()).collect();
        assert_eq!(names, PARTNER_TYPE);
    }

    #[test]
    fn cmdlet_names_are_pascal_case_json_names() {
        for f in PARTNER.iter().chain(&GATEWAY) {
            let mut chars = f.name.chars();
            let first = chars.next().unwrap().to_ascii_uppercase();
            assert_eq!(format!("{first}{}", chars.as_str()), f.cmdlet);
        }
    }
}
