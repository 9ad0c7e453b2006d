//! Settings by name: the setting behind a step, and the change a fix proposes.
//!
//! A setting belongs to a [`Side`], and its name is the one the scenario gives the field it
//! changes: `tlsNegotiation` on our side (the partner entry's field), `tls` on the partner's
//! (its server's), `dns.fabrikam.com` in the environment. The names are typed: a
//! [`SettingName`] is parsed once from text, and every other use matches on it, so a setting
//! that is renamed or added fails to compile where it is not handled.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::domain::Domain;
use crate::language::Language;
use crate::partner::{PartnerConfig, PartnerField};

/// Whose configuration a setting belongs to, and so who is at fault when it is the one to
/// change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Side {
    /// Our Lync deployment: the partner's entry and our Edge server.
    Ours,
    /// The partner's server.
    Partner,
    /// DNS, certificates between the two, the authoritative server.
    Environment,
}

impl Side {
    /// The side in either language: "our configuration", "the partner", "the environment".
    pub fn label(self, language: Language) -> std::borrow::Cow<'static, str> {
        super::text::side(self, language)
    }
}

/// A setting of one server's policy (a [`Peer`](super::Peer)), whichever side runs it: what a
/// machine names as the cause of a step ([`PeerValue`](super::machine::PeerValue)), and, with a
/// side, a [`SettingName`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PeerSetting {
    /// The TLS policy.
    Tls,
    /// The SASL EXTERNAL policy.
    Sasl,
    /// Whether dialback is supported.
    Dialback,
    /// Which domains the server federates with: on our side, the partner entry's domains.
    Accepts,
    /// The server's own certificate.
    Certificate,
    /// Whether the other side's certificate is validated strictly.
    StrictCertificateValidation,
    /// The names the server's certificate is issued for.
    CertificateNames,
    /// The oldest TLS version the server accepts.
    MinTlsVersion,
    /// The newest TLS version the server speaks.
    MaxTlsVersion,
    /// Which domains the server's access rules deny.
    DeniedDomains,
    /// The domain the server answers stream headers as, when not its own.
    AnswersAs,
}

impl PeerSetting {
    /// Every setting of a server's policy.
    pub const ALL: [PeerSetting; 11] = [
        PeerSetting::Tls,
        PeerSetting::Sasl,
        PeerSetting::Dialback,
        PeerSetting::Accepts,
        PeerSetting::Certificate,
        PeerSetting::StrictCertificateValidation,
        PeerSetting::CertificateNames,
        PeerSetting::MinTlsVersion,
        PeerSetting::MaxTlsVersion,
        PeerSetting::DeniedDomains,
        PeerSetting::AnswersAs,
    ];

    /// The name on our side: the partner entry's field for TLS, SASL, dialback and the domains
    /// ([`PartnerField`]); the Edge server's fields (`ours` in a scenario) are named as the
    /// partner's server's.
    fn ours(self) -> &'static str {
        match self {
            PeerSetting::Tls => PartnerField::TlsNegotiation.name(),
            PeerSetting::Sasl => PartnerField::SaslNegotiation.name(),
            PeerSetting::Dialback => PartnerField::SupportDialbackNegotiation.name(),
            PeerSetting::Accepts => PartnerField::AdditionalDomains.name(),
            PeerSetting::Certificate
            | PeerSetting::StrictCertificateValidation
            | PeerSetting::CertificateNames
            | PeerSetting::MinTlsVersion
            | PeerSetting::MaxTlsVersion
            | PeerSetting::DeniedDomains
            | PeerSetting::AnswersAs => self.partner(),
        }
    }

    /// The name on the partner's side: its server's field (`partner` in a scenario).
    fn partner(self) -> &'static str {
        match self {
            PeerSetting::Tls => "tls",
            PeerSetting::Sasl => "sasl",
            PeerSetting::Dialback => "dialback",
            PeerSetting::Accepts => "accepts",
            PeerSetting::Certificate => "certificate",
            PeerSetting::StrictCertificateValidation => "strictCertificateValidation",
            PeerSetting::CertificateNames => "certificateNames",
            PeerSetting::MinTlsVersion => "minTlsVersion",
            PeerSetting::MaxTlsVersion => "maxTlsVersion",
            PeerSetting::DeniedDomains => "deniedDomains",
            PeerSetting::AnswersAs => "answersAs",
        }
    }
}

/// A condition of the environment that a scenario sets: DNS, reachability and the
/// authoritative server.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EnvironmentSetting {
    /// What DNS answers for the domain (`dns.<domain>`).
    Dns(Domain),
    /// Whether, and how, the domain's server cannot be reached (`unreachable.<domain>`).
    Unreachable(Domain),
    /// Whether the receiving server can reach the authoritative server.
    AuthoritativeReachable,
    /// Whether the authoritative server confirms the dialback key.
    DialbackKeyVerifies,
}

/// The prefix of a DNS setting's name; the domain follows.
const DNS: &str = "dns.";
/// The prefix of an unreachable server's setting name; the domain follows.
const UNREACHABLE: &str = "unreachable.";
const AUTHORITATIVE_REACHABLE: &str = "authoritativeReachable";
const DIALBACK_KEY_VERIFIES: &str = "dialbackKeyVerifies";

/// Which setting, of which side.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SettingName {
    /// A setting of our side: the partner's entry or our Edge server.
    Ours(PeerSetting),
    /// A setting of the partner's server.
    Partner(PeerSetting),
    /// A condition of the environment.
    Environment(EnvironmentSetting),
}

impl SettingName {
    /// The setting of the server that `side` runs: ours, or else the partner's (the
    /// environment runs no server).
    pub fn peer(side: Side, setting: PeerSetting) -> SettingName {
        match side {
            Side::Ours => SettingName::Ours(setting),
            Side::Partner | Side::Environment => SettingName::Partner(setting),
        }
    }

    /// The side the setting belongs to.
    pub fn side(&self) -> Side {
        match self {
            SettingName::Ours(_) => Side::Ours,
            SettingName::Partner(_) => Side::Partner,
            SettingName::Environment(_) => Side::Environment,
        }
    }

    /// Reads a setting's name as scenarios write it, for `side`.
    ///
    /// ```
    /// use xmpp_federation::s2s::{PeerSetting, SettingName, Side};
    ///
    /// let name = SettingName::parse(Side::Ours, "tlsNegotiation")?;
    /// assert_eq!(name, SettingName::Ours(PeerSetting::Tls));
    /// let error = SettingName::parse(Side::Partner, "tlsNegotiation").unwrap_err();
    /// assert_eq!(error.to_string(), "there is no setting `tlsNegotiation` on the Partner side");
    /// # Ok::<(), xmpp_federation::s2s::SettingError>(())
    /// ```
    pub fn parse(side: Side, name: &str) -> Result<SettingName, SettingError> {
        let unknown = || SettingError::UnknownSetting {
            side,
            name: name.to_owned(),
        };
        let peer = |named: fn(PeerSetting) -> &'static str| {
            PeerSetting::ALL.into_iter().find(|s| named(*s) == name)
        };
        let domain = |text: &str| Domain::parse(text).map_err(|_| unknown());
        match side {
            Side::Ours => peer(PeerSetting::ours).map(SettingName::Ours),
            Side::Partner => peer(PeerSetting::partner).map(SettingName::Partner),
            Side::Environment => {
                let setting = if let Some(domain_name) = name.strip_prefix(DNS) {
                    EnvironmentSetting::Dns(domain(domain_name)?)
                } else if let Some(domain_name) = name.strip_prefix(UNREACHABLE) {
                    EnvironmentSetting::Unreachable(domain(domain_name)?)
                } else if name == AUTHORITATIVE_REACHABLE {
                    EnvironmentSetting::AuthoritativeReachable
                } else if name == DIALBACK_KEY_VERIFIES {
                    EnvironmentSetting::DialbackKeyVerifies
                } else {
                    return Err(unknown());
                };
                Some(SettingName::Environment(setting))
            }
        }
        .ok_or_else(unknown)
    }
}

impl fmt::Display for SettingName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SettingName::Ours(setting) => f.write_str(setting.ours()),
            SettingName::Partner(setting) => f.write_str(setting.partner()),
            SettingName::Environment(EnvironmentSetting::Dns(domain)) => {
                write!(f, "{DNS}{}", domain.as_str())
            }
            SettingName::Environment(EnvironmentSetting::Unreachable(domain)) => {
                write!(f, "{UNREACHABLE}{}", domain.as_str())
            }
            SettingName::Environment(EnvironmentSetting::AuthoritativeReachable) => {
                f.write_str(AUTHORITATIVE_REACHABLE)
            }
            SettingName::Environment(EnvironmentSetting::DialbackKeyVerifies) => {
                f.write_str(DIALBACK_KEY_VERIFIES)
            }
        }
    }
}

/// One setting with a value: what caused a step, or the change a fix proposes. In JSON it is
/// `{"side": "ours", "name": "tlsNegotiation", "value": "Optional"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "SettingText", try_from = "SettingText")]
#[non_exhaustive]
pub struct Setting {
    /// Which setting, of which side.
    pub name: SettingName,
    /// Its value, as the scenario writes it.
    pub value: String,
}

impl Setting {
    /// A setting.
    pub fn new(name: SettingName, value: impl Into<String>) -> Setting {
        Setting {
            name,
            value: value.into(),
        }
    }

    /// A setting named as scenarios name it, for `side`; see [`SettingName::parse`].
    pub fn parse(
        side: Side,
        name: &str,
        value: impl Into<String>,
    ) -> Result<Setting, SettingError> {
        Ok(Setting::new(SettingName::parse(side, name)?, value))
    }

    /// Whose setting it is.
    pub fn side(&self) -> Side {
        self.name.side()
    }

    /// The setting of `side` behind a machine's [`Note`](super::machine::Note); `config` is our
    /// partner entry, whose domain list a refusal names.
    pub fn behind(
        side: Side,
        note: &super::machine::Note,
        config: &PartnerConfig,
    ) -> Option<Setting> {
        note.cause
            .as_ref()
            .map(|cause| Setting::caused(side, cause, config))
    }

    /// The setting of `side` that a machine's [`PeerValue`](super::machine::PeerValue) names: the
    /// machine acts for our side, or else the partner's.
    pub fn caused(
        side: Side,
        cause: &super::machine::PeerValue,
        config: &PartnerConfig,
    ) -> Setting {
        let name = SettingName::peer(side, cause.setting);
        if name == SettingName::Ours(PeerSetting::Accepts) {
            // The list that lacks the domain.
            let domains: Vec<&str> = config
                .additional_domains
                .iter()
                .map(|d| d.as_str())
                .collect();
            let value = if domains.is_empty() {
                "none".to_owned()
            } else {
                domains.join(",")
            };
            return Setting::new(name, value);
        }
        Setting::new(name, cause.value.clone())
    }
}

impl fmt::Display for Setting {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}", self.name, self.value)
    }
}

/// One setting with a value: what caused a step, or the change a fix proposes. Names are the
/// scenario's: `tlsNegotiation` (ours, the partner entry's field), `tls` (partner),
/// `dns.fabrikam.com` (environment), ...
#[derive(Serialize, Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(rename = "Setting")
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SettingText {
    /// Whose setting it is.
    side: Side,
    /// The setting's name.
    name: String,
    /// Its value.
    value: String,
}

impl From<Setting> for SettingText {
    fn from(setting: Setting) -> SettingText {
        SettingText {
            side: setting.side(),
            name: setting.name.to_string(),
            value: setting.value,
        }
    }
}

impl TryFrom<SettingText> for Setting {
    type Error = SettingError;

    fn try_from(text: SettingText) -> Result<Setting, SettingError> {
        Setting::parse(text.side, &text.name, text.value)
    }
}

/// A setting that a scenario cannot take.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SettingError {
    /// No such setting on that side.
    #[error("there is no setting `{name}` on the {side:?} side")]
    UnknownSetting {
        /// The side.
        side: Side,
        /// The name given.
        name: String,
    },
    /// Not a value the setting takes.
    #[error("`{value}` is not a value for `{name}`")]
    InvalidValue {
        /// The setting.
        name: String,
        /// The value given.
        value: String,
    },
}
