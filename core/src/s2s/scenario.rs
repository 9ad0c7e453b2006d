//! What a simulation plays out: our side, the partner's server, the direction, and the
//! conditions between them.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize};

use super::peer::{Certificate, CertificateName, LYNC_TLS, Peer, Preset, Semantics, TlsVersion};
use super::setting::{EnvironmentSetting, PeerSetting, Setting, SettingError, SettingName, Side};
use crate::catalogue::s2s;
use crate::domain::Domain;
use crate::gateway::Passphrase;
use crate::language::Language;
use crate::partner::PartnerConfig;
use crate::request::RequestError;
use crate::settings::Negotiation;

/// Who sends the first stanza, and so opens the stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Direction {
    /// Our users write to the partner's users: our proxy is the initiating server.
    Outbound,
    /// The partner's users write to ours: the partner is the initiating server.
    Inbound,
}

impl Direction {
    /// Both directions.
    pub const ALL: [Direction; 2] = [Direction::Outbound, Direction::Inbound];

    /// The direction in either language.
    pub fn label(self, language: Language) -> Cow<'static, str> {
        match self {
            Direction::Outbound => s2s::direction_outbound(),
            Direction::Inbound => s2s::direction_inbound(),
        }
        .text(language)
    }
}

/// What DNS answers for a domain's `_xmpp-server._tcp` SRV query (RFC 6120 §3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum DnsRecord {
    /// An SRV record points to `xmpp.<domain>`, port 5269.
    Srv,
    /// No SRV record: the A record of the domain itself, port 5269 (§3.2.2).
    NoSrv,
    /// An SRV record with target `.`: the service is decidedly not available (§3.2.1 step 3).
    SrvRoot,
    /// The domain does not exist.
    NxDomain,
}

impl DnsRecord {
    /// Every kind of answer.
    pub const ALL: [DnsRecord; 4] = [
        DnsRecord::Srv,
        DnsRecord::NoSrv,
        DnsRecord::SrvRoot,
        DnsRecord::NxDomain,
    ];

    /// What DNS answers, in either language.
    pub fn label(self, language: Language) -> Cow<'static, str> {
        match self {
            DnsRecord::Srv => s2s::dns_record_srv(),
            DnsRecord::NoSrv => s2s::dns_record_no_srv(),
            DnsRecord::SrvRoot => s2s::dns_record_srv_root(),
            DnsRecord::NxDomain => s2s::dns_record_nx_domain(),
        }
        .text(language)
    }

    /// The name in scenario files.
    pub fn name(self) -> &'static str {
        match self {
            DnsRecord::Srv => "srv",
            DnsRecord::NoSrv => "noSrv",
            DnsRecord::SrvRoot => "srvRoot",
            DnsRecord::NxDomain => "nxDomain",
        }
    }
}

/// How the TCP connection to a server fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Unreachable {
    /// Nothing listens, or a firewall rejects it: the connection is refused at once.
    Refused,
    /// A firewall drops it: no answer comes, and the attempt times out.
    Timeout,
}

impl Unreachable {
    /// Both ways.
    pub const ALL: [Unreachable; 2] = [Unreachable::Refused, Unreachable::Timeout];

    /// The name in scenario files.
    pub fn name(self) -> &'static str {
        match self {
            Unreachable::Refused => "refused",
            Unreachable::Timeout => "timeout",
        }
    }

    /// What the connecting side sees.
    pub fn error(self) -> &'static str {
        match self {
            Unreachable::Refused => "connection refused",
            Unreachable::Timeout => "connection timed out",
        }
    }
}

/// The conditions between the two servers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[non_exhaustive]
pub struct Environment {
    /// DNS answers by domain; a domain not listed has an SRV record.
    pub dns: BTreeMap<Domain, DnsRecord>,
    /// Whether the receiving server can reach the authoritative server of the sender domain.
    pub authoritative_reachable: bool,
    /// Whether the authoritative server confirms the dialback key (it shares the initiating
    /// server's secret and knows the stream).
    pub dialback_key_verifies: bool,
    /// Servers that cannot be reached on their XMPP port, by domain: a connection to them is
    /// refused or times out, whoever makes it (the partner's firewall for streams to the
    /// partner; ours for the partner's streams and its dialback calls to our Edge server).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub unreachable: BTreeMap<Domain, Unreachable>,
}

impl Default for Environment {
    fn default() -> Self {
        Environment {
            dns: BTreeMap::new(),
            authoritative_reachable: true,
            dialback_key_verifies: true,
            unreachable: BTreeMap::new(),
        }
    }
}

impl Environment {
    /// The DNS answer for `domain`.
    pub fn dns_for(&self, domain: &Domain) -> DnsRecord {
        self.dns.get(domain).copied().unwrap_or(DnsRecord::Srv)
    }
}

/// Our Lync deployment: its domain and the Edge server's certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct OurSide {
    /// Our SIP and XMPP domain, such as `contoso.com`.
    pub domain: Domain,
    /// The certificate of the Edge server's XMPP proxy.
    #[serde(default = "valid")]
    pub certificate: Certificate,
    /// Whether the proxy ends the session on an invalid partner certificate. Lync documents no
    /// such switch; the default keeps the encryption and authenticates by dialback.
    #[serde(default)]
    pub strict_certificate_validation: bool,
    /// The gateway's dialback passphrase (`Set-CsXmppGatewayConfiguration -DialbackPassphrase`);
    /// without one, a secret derived from the seed stands in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dialback_passphrase: Option<PassphraseText>,
    /// Whose rules our side follows: Lync's (the default), or another server's, to simulate or
    /// probe as a generic XMPP server with the partner entry's settings as its policy.
    #[serde(default = "lync", skip_serializing_if = "is_lync")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub semantics: Semantics,
    /// The names the Edge server's certificate is issued for, when known: a valid certificate
    /// that names none covering our domain is not valid for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub certificate_names: Vec<CertificateName>,
    /// The oldest TLS version the Edge server accepts (default `1.0`).
    #[serde(default = "lync_min_tls")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub min_tls_version: TlsVersion,
    /// The newest TLS version the Edge server speaks (default `1.2`, with Windows' and .NET's
    /// TLS 1.2 updates; `1.0` or `1.1` without them).
    #[serde(default = "lync_max_tls")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub max_tls_version: TlsVersion,
}

impl OurSide {
    /// Our Edge server for `domain`, as Lync sets it up by default: a valid certificate, no
    /// strict validation, Lync's rules and TLS versions.
    pub fn new(domain: Domain) -> OurSide {
        OurSide {
            domain,
            certificate: Certificate::Valid,
            strict_certificate_validation: false,
            dialback_passphrase: None,
            semantics: Semantics::Lync,
            min_tls_version: LYNC_TLS.0,
            max_tls_version: LYNC_TLS.1,
            certificate_names: Vec::new(),
        }
    }

    /// Our side's policy towards the partner that `config` describes: the settings of its
    /// entry (`New-CsXmppAllowedPartner`), with this Edge server's certificate and rules. A
    /// machine driving our side with a partner takes this policy.
    pub fn peer(&self, config: &PartnerConfig) -> Peer {
        let mut peer = Peer::lync(
            self.domain.clone(),
            config,
            self.certificate,
            self.strict_certificate_validation,
        );
        peer.semantics = self.semantics;
        peer.min_tls_version = self.min_tls_version;
        peer.max_tls_version = self.max_tls_version;
        peer.certificate_names = self.certificate_names.clone();
        peer.with_names_judged()
    }
}

fn lync_min_tls() -> TlsVersion {
    LYNC_TLS.0
}

fn lync_max_tls() -> TlsVersion {
    LYNC_TLS.1
}

fn valid() -> Certificate {
    Certificate::Valid
}

fn lync() -> Semantics {
    Semantics::Lync
}

fn is_lync(semantics: &Semantics) -> bool {
    *semantics == Semantics::Lync
}

/// A passphrase as written in a scenario file.
#[derive(Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(transparent)]
pub struct PassphraseText(Passphrase);

impl PassphraseText {
    /// The passphrase.
    pub fn passphrase(&self) -> &Passphrase {
        &self.0
    }
}

impl fmt::Debug for PassphraseText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<'de> Deserialize<'de> for PassphraseText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Passphrase::new(text)
            .map(PassphraseText)
            .map_err(D::Error::custom)
    }
}

/// A simulation's input: our side with its settings for the partner, the partner's server, the
/// direction and the environment. The same scenario always gives the same trace.
///
/// In JSON the partner can name a [`Preset`] and override some fields:
///
/// ```
/// use xmpp_federation::s2s::Scenario;
///
/// let scenario: Scenario = serde_json::from_str(r#"{
///     "ours": { "domain": "contoso.com" },
///     "partnerConfig": { "domain": "fabrikam.com", "saslNegotiation": "Optional" },
///     "partner": { "preset": "prosody", "domain": "fabrikam.com", "certificate": "SelfSigned" },
///     "direction": "outbound"
/// }"#)?;
/// assert!(scenario.partner.tls.is_supported());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct Scenario {
    /// Our deployment.
    pub ours: OurSide,
    /// Our settings for this partner: the entry of the XMPP Federated Partners list.
    pub partner_config: PartnerConfig,
    /// The partner's server. Scenario files may name a preset and override some of its fields
    /// (`PeerInput` in the TypeScript declarations).
    #[serde(deserialize_with = "partner_spec")]
    #[cfg_attr(feature = "typescript", tsify(type = "PeerInput"))]
    pub partner: Peer,
    /// Who opens the stream.
    pub direction: Direction,
    /// DNS, the authoritative server and the dialback key.
    #[serde(default)]
    pub environment: Environment,
    /// Where the stream ids come from.
    #[serde(default = "one")]
    pub seed: u64,
}

fn one() -> u64 {
    1
}

/// A partner in a scenario file: a preset and overrides, or a full policy. Fields left out
/// take the preset's values, or RFC 6120 defaults without a preset (TLS and SASL optional,
/// dialback on, a valid certificate, lenient validation).
#[derive(Deserialize)]
#[cfg_attr(
    feature = "typescript",
    derive(tsify::Tsify),
    tsify(rename = "PeerInput")
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PartnerSpec {
    /// A real server's defaults.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    preset: Option<Preset>,
    /// The server's XMPP domain.
    domain: Domain,
    /// STARTTLS policy.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    tls: Option<Negotiation>,
    /// SASL EXTERNAL policy.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    sasl: Option<Negotiation>,
    /// Whether server dialback is enabled.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    dialback: Option<bool>,
    /// The certificate it presents.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    certificate: Option<Certificate>,
    /// Whether it ends the session on an invalid certificate.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    strict_certificate_validation: Option<bool>,
    /// Whose rules the settings follow.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    semantics: Option<Semantics>,
    /// Domains its access rules deny.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    denied_domains: Option<Vec<Domain>>,
    /// The names its certificate is issued for.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    certificate_names: Option<Vec<CertificateName>>,
    /// The oldest TLS version it accepts.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    min_tls_version: Option<TlsVersion>,
    /// The newest TLS version it speaks.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    max_tls_version: Option<TlsVersion>,
    /// The domain its server answers stream headers as, when not its own.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    answers_as: Option<Domain>,
}

fn partner_spec<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Peer, D::Error> {
    let spec = PartnerSpec::deserialize(deserializer)?;
    let mut peer = match spec.preset {
        Some(preset) => preset.peer(spec.domain),
        None => Peer::new(spec.domain),
    };
    if let Some(v) = spec.tls {
        peer.tls = v;
    }
    if let Some(v) = spec.sasl {
        peer.sasl = v;
    }
    if let Some(v) = spec.dialback {
        peer.dialback = v;
    }
    if let Some(v) = spec.certificate {
        peer.certificate = v;
    }
    if let Some(v) = spec.strict_certificate_validation {
        peer.strict_certificate_validation = v;
    }
    if let Some(v) = spec.semantics {
        peer.semantics = v;
    }
    if let Some(v) = spec.denied_domains {
        peer.denied_domains = v;
    }
    if let Some(v) = spec.certificate_names {
        peer.certificate_names = v;
    }
    if let Some(v) = spec.min_tls_version {
        peer.min_tls_version = v;
    }
    if spec.answers_as.is_some() {
        peer.answers_as = spec.answers_as;
    }
    if let Some(v) = spec.max_tls_version {
        peer.max_tls_version = v;
    }
    Ok(peer)
}

impl Scenario {
    /// The side at fault for a failure that the machine of `reporter` reported, under this
    /// scenario's settings; `None` for an internal error ([`Blame::Internal`]).
    ///
    /// [`Blame::Internal`]: super::machine::Blame::Internal
    pub fn fault(&self, failure: &super::machine::StreamFailure, reporter: Side) -> Option<Side> {
        super::fix::fault(self, failure, reporter)
    }

    /// Reads a scenario file. Unknown fields are refused, and every error names its field.
    ///
    /// ```
    /// use xmpp_federation::s2s::Scenario;
    ///
    /// let error = Scenario::from_json(r#"{"ours": {"domain": "contoso.com"},
    ///     "partnerConfig": {"domain": "fabrikam.com"},
    ///     "partner": {"preset": "prosody", "domain": "fabrikam.com", "certificate": "Broken"},
    ///     "direction": "outbound"}"#).unwrap_err();
    /// assert!(error.to_string().starts_with("`partner.certificate`: unknown variant `Broken`"));
    /// ```
    pub fn from_json(text: &str) -> Result<Scenario, RequestError> {
        crate::request::from_json(text)
    }

    /// A scenario with default conditions: every domain has an SRV record, the authoritative
    /// server answers, and dialback keys verify.
    pub fn new(
        ours: Domain,
        partner_config: PartnerConfig,
        partner: Peer,
        direction: Direction,
    ) -> Scenario {
        Scenario {
            ours: OurSide::new(ours),
            partner_config,
            partner,
            direction,
            environment: Environment::default(),
            seed: 1,
        }
    }

    /// Our proxy as a peer.
    pub fn our_peer(&self) -> Peer {
        self.ours.peer(&self.partner_config)
    }

    /// The partner's server, with its certificate as we judge it (its names against its
    /// domain).
    pub fn partner_peer(&self) -> Peer {
        self.partner.clone().with_names_judged()
    }

    /// The scenario with one setting changed, as a fix proposes it.
    pub fn apply(&self, change: &Setting) -> Result<Scenario, SettingError> {
        let mut next = self.clone();
        let unknown = || SettingError::UnknownSetting {
            side: change.side(),
            name: change.name.to_string(),
        };
        let bad_value = || SettingError::InvalidValue {
            name: change.name.to_string(),
            value: change.value.clone(),
        };
        let negotiation = || {
            Negotiation::ALL
                .into_iter()
                .find(|n| n.name() == change.value)
                .ok_or_else(bad_value)
        };
        let boolean = || match change.value.as_str() {
            "true" => Ok(true),
            "false" => Ok(false),
            _ => Err(bad_value()),
        };
        let names = || {
            change
                .value
                .split(',')
                .map(|n| CertificateName::parse(n.trim()).map_err(|_| bad_value()))
                .collect::<Result<Vec<_>, _>>()
        };
        let version = || {
            TlsVersion::ALL
                .into_iter()
                .find(|v| v.name() == change.value)
                .ok_or_else(bad_value)
        };
        let certificate = || {
            Certificate::ALL
                .into_iter()
                .find(|c| c.name() == change.value)
                .ok_or_else(bad_value)
        };
        match &change.name {
            SettingName::Ours(setting) => match setting {
                PeerSetting::Tls => next.partner_config.tls_negotiation = negotiation()?,
                PeerSetting::Sasl => next.partner_config.sasl_negotiation = negotiation()?,
                PeerSetting::Dialback => {
                    next.partner_config.support_dialback_negotiation = boolean()?;
                }
                PeerSetting::Accepts => {
                    let domain = Domain::parse(&change.value).map_err(|_| bad_value())?;
                    if !next.partner_config.domains().any(|d| *d == domain) {
                        next.partner_config.additional_domains.push(domain);
                    }
                }
                PeerSetting::Certificate => next.ours.certificate = certificate()?,
                PeerSetting::StrictCertificateValidation => {
                    next.ours.strict_certificate_validation = boolean()?;
                }
                PeerSetting::CertificateNames => next.ours.certificate_names = names()?,
                PeerSetting::MinTlsVersion => next.ours.min_tls_version = version()?,
                PeerSetting::MaxTlsVersion => next.ours.max_tls_version = version()?,
                // Our Edge server denies no domain: the partner list decides. It answers as our
                // domain.
                PeerSetting::DeniedDomains | PeerSetting::AnswersAs => return Err(unknown()),
            },
            SettingName::Partner(setting) => match setting {
                PeerSetting::Tls => next.partner.tls = negotiation()?,
                PeerSetting::Sasl => next.partner.sasl = negotiation()?,
                PeerSetting::Dialback => next.partner.dialback = boolean()?,
                // The partner's server federates with any domain its access rules allow.
                PeerSetting::Accepts => return Err(unknown()),
                PeerSetting::Certificate => next.partner.certificate = certificate()?,
                PeerSetting::StrictCertificateValidation => {
                    next.partner.strict_certificate_validation = boolean()?;
                }
                PeerSetting::CertificateNames => next.partner.certificate_names = names()?,
                PeerSetting::MinTlsVersion => next.partner.min_tls_version = version()?,
                PeerSetting::MaxTlsVersion => next.partner.max_tls_version = version()?,
                // `none`, or the domain.
                PeerSetting::AnswersAs => {
                    next.partner.answers_as = match change.value.as_str() {
                        "none" => None,
                        domain => Some(Domain::parse(domain.trim()).map_err(|_| bad_value())?),
                    };
                }
                // `none`, or the domains separated by commas.
                PeerSetting::DeniedDomains => {
                    next.partner.denied_domains = match change.value.as_str() {
                        "none" => Vec::new(),
                        list => list
                            .split(',')
                            .map(|d| Domain::parse(d.trim()).map_err(|_| bad_value()))
                            .collect::<Result<_, _>>()?,
                    };
                }
            },
            SettingName::Environment(setting) => match setting {
                EnvironmentSetting::AuthoritativeReachable => {
                    next.environment.authoritative_reachable = boolean()?;
                }
                EnvironmentSetting::DialbackKeyVerifies => {
                    next.environment.dialback_key_verifies = boolean()?;
                }
                EnvironmentSetting::Unreachable(domain) => match change.value.as_str() {
                    "none" => {
                        next.environment.unreachable.remove(domain);
                    }
                    value => {
                        let how = Unreachable::ALL
                            .into_iter()
                            .find(|u| u.name() == value)
                            .ok_or_else(bad_value)?;
                        next.environment.unreachable.insert(domain.clone(), how);
                    }
                },
                EnvironmentSetting::Dns(domain) => {
                    let record = DnsRecord::ALL
                        .into_iter()
                        .find(|r| r.name() == change.value)
                        .ok_or_else(bad_value)?;
                    next.environment.dns.insert(domain.clone(), record);
                }
            },
        }
        Ok(next)
    }
}
