//! The enumerated settings of a partner, with the cmdlet's own value names.

use std::fmt;

use crate::catalogue::settings as text;
use serde::{Deserialize, Serialize};

use crate::language::Language;

/// How a side treats TLS or SASL negotiation: the values of the cmdlets' `-TlsNegotiation` and
/// `-SaslNegotiation` parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Negotiation {
    /// The method must be negotiated; a stream without it fails.
    Required,
    /// The method is used when the other side offers or requires it.
    Optional,
    /// The method is never used.
    NotSupported,
}

impl Negotiation {
    /// All values, in the order of the negotiation matrix.
    pub const ALL: [Negotiation; 3] = [
        Negotiation::Required,
        Negotiation::Optional,
        Negotiation::NotSupported,
    ];

    /// The cmdlet's name for the value: `Required`, `Optional` or `NotSupported`.
    pub const fn name(self) -> &'static str {
        match self {
            Negotiation::Required => "Required",
            Negotiation::Optional => "Optional",
            Negotiation::NotSupported => "NotSupported",
        }
    }

    /// Whether the method can be used at all (`Required` or `Optional`).
    pub fn is_supported(self) -> bool {
        self != Negotiation::NotSupported
    }

    /// The label the Control Panel shows, in either language.
    pub fn label(self, language: Language) -> String {
        match self {
            Negotiation::Required => text::negotiation_required(),
            Negotiation::Optional => text::negotiation_optional(),
            Negotiation::NotSupported => text::negotiation_not_supported(),
        }
        .render(language)
    }
}

impl fmt::Display for Negotiation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The relationship with the partner, which decides what its contacts may do (seed step 10;
/// "Configure XMPP gateway on Lync Server 2013").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum PartnerType {
    /// A trusted connection, for a partner within the same enterprise or with an established
    /// business relationship. Its contacts may add Lync users and see their presence without
    /// authorisation, send them messages, and see their status notes.
    Federated,
    /// A public provider trusted to verify its users' identities. Its contacts may add Lync users
    /// and message them without authorisation, but never see status notes. The documentation
    /// does not recommend it.
    PublicVerified,
    /// A public provider not trusted to verify its users. Its contacts can reach a Lync user only
    /// after that user has added or invited them. The cmdlet default, and the recommended type
    /// for public services such as Google Talk.
    PublicUnverified,
}

impl PartnerType {
    /// All values, in the order of the Control Panel's drop-down.
    pub const ALL: [PartnerType; 3] = [
        PartnerType::Federated,
        PartnerType::PublicVerified,
        PartnerType::PublicUnverified,
    ];

    /// The cmdlet's name for the value.
    pub const fn name(self) -> &'static str {
        match self {
            PartnerType::Federated => "Federated",
            PartnerType::PublicVerified => "PublicVerified",
            PartnerType::PublicUnverified => "PublicUnverified",
        }
    }

    /// The label the Control Panel shows, in either language.
    pub fn label(self, language: Language) -> String {
        match self {
            PartnerType::Federated => text::partner_type_federated(),
            PartnerType::PublicVerified => text::partner_type_public_verified(),
            PartnerType::PublicUnverified => text::partner_type_public_unverified(),
        }
        .render(language)
    }

    /// What the type means for the partner's contacts, in one sentence.
    pub fn meaning(self, language: Language) -> String {
        match self {
            PartnerType::Federated => text::partner_type_federated_meaning(),
            PartnerType::PublicVerified => text::partner_type_public_verified_meaning(),
            PartnerType::PublicUnverified => text::partner_type_public_unverified_meaning(),
        }
        .render(language)
    }
}

impl fmt::Display for PartnerType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
