//! The two ends of a server-to-server link: one policy shape for both, Lync's semantics for our
//! side, and presets for real servers.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::profile::{CertificateWords, Profile};
use crate::catalogue::peer as text;
use crate::domain::Domain;
use crate::language::Language;
use crate::partner::PartnerConfig;
use crate::settings::Negotiation;

/// The certificate a server presents in the TLS handshake, as the other side judges it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Certificate {
    /// Unexpired, anchored to a trusted root, and valid for the server's domain.
    Valid,
    /// No certificate: the server cannot offer TLS, and as a client it cannot use SASL EXTERNAL.
    Missing,
    /// Past its validity period.
    Expired,
    /// Signed by itself.
    SelfSigned,
    /// Signed by a certificate authority the other side does not trust.
    UntrustedCa,
    /// Issued by a trusted authority through an intermediate certificate that the server does
    /// not send with it: the other side cannot build the chain, as for an untrusted authority.
    IncompleteChain,
    /// A trusted chain, but not for this domain (RFC 6125 matching fails).
    NameMismatch,
}

impl Certificate {
    /// Every status.
    pub const ALL: [Certificate; 7] = [
        Certificate::Valid,
        Certificate::Missing,
        Certificate::Expired,
        Certificate::SelfSigned,
        Certificate::UntrustedCa,
        Certificate::IncompleteChain,
        Certificate::NameMismatch,
    ];

    /// The name in scenario files.
    pub fn name(self) -> &'static str {
        match self {
            Certificate::Valid => "Valid",
            Certificate::Missing => "Missing",
            Certificate::Expired => "Expired",
            Certificate::SelfSigned => "SelfSigned",
            Certificate::UntrustedCa => "UntrustedCa",
            Certificate::IncompleteChain => "IncompleteChain",
            Certificate::NameMismatch => "NameMismatch",
        }
    }

    /// The status's name in either language.
    pub fn label(self, language: Language) -> Cow<'static, str> {
        match self {
            Certificate::Valid => text::certificate_status_valid(),
            Certificate::Missing => text::certificate_status_missing(),
            Certificate::Expired => text::certificate_status_expired(),
            Certificate::SelfSigned => text::certificate_status_self_signed(),
            Certificate::UntrustedCa => text::certificate_status_untrusted_ca(),
            Certificate::IncompleteChain => text::certificate_status_incomplete_chain(),
            Certificate::NameMismatch => text::certificate_status_name_mismatch(),
        }
        .text(language)
    }

    /// How Prosody words the problem ("Your server's certificate ..."), in either language.
    pub(crate) fn problem(self, language: Language) -> Cow<'static, str> {
        match self {
            Certificate::Valid => text::certificate_status_valid_problem(),
            Certificate::Missing => text::certificate_status_missing_problem(),
            Certificate::Expired => text::certificate_status_expired_problem(),
            Certificate::SelfSigned => text::certificate_status_self_signed_problem(),
            Certificate::UntrustedCa => text::certificate_status_untrusted_ca_problem(),
            Certificate::IncompleteChain => text::certificate_status_incomplete_chain_problem(),
            Certificate::NameMismatch => text::certificate_status_name_mismatch_problem(),
        }
        .text(language)
    }
}

impl Certificate {
    /// How a server words the problem in its stream error. Prosody 0.12 looks for OpenSSL's
    /// "self signed certificate", which OpenSSL 3 spells "self-signed certificate", so it calls
    /// a self-signed certificate "not trusted"; of a missing one it says it "could not be
    /// validated" (both seen against real Prosody by the interop suite).
    pub(crate) fn problem_as(self, words: CertificateWords) -> Cow<'static, str> {
        let words = match (words, self) {
            (CertificateWords::ProsodyOpenSsl3, Certificate::SelfSigned) => "is not trusted",
            (CertificateWords::ProsodyOpenSsl3, Certificate::Missing) => "could not be validated",
            // OpenSSL finds no issuer, as for an untrusted authority: the simulator's assumption,
            // by the untrusted-authority case above.
            (CertificateWords::ProsodyOpenSsl3, Certificate::IncompleteChain) => "is not trusted",
            // ejabberd (xmpp_stream_pkix.erl lines 75-86, xmpp 1.6.1): OpenSSL's verification
            // message as fast_tls words it (fast_tls.erl lines 412, 426 and 432-433, 1.1.16), or
            // its own words for a name that does not match or a certificate it did not get.
            (CertificateWords::OpenSsl, Certificate::Expired) => "certificate has expired",
            (CertificateWords::OpenSsl, Certificate::SelfSigned) => "self signed certificate",
            // A server sends its own certificate alone: OpenSSL finds no issuer for it (interop
            // cases "ejabberd s2s_cafile other CA ×"; an incomplete chain by the same rule).
            (
                CertificateWords::OpenSsl,
                Certificate::UntrustedCa | Certificate::IncompleteChain,
            ) => "unable to verify the first certificate",
            (CertificateWords::OpenSsl, Certificate::NameMismatch) => {
                "Certificate host name mismatch"
            }
            (CertificateWords::OpenSsl, Certificate::Missing) => "Failed to get peer certificate",
            // A server's own words are English, whatever the language of the trace.
            _ => return self.problem(Language::English),
        };
        Cow::Borrowed(words)
    }
}

impl fmt::Display for Certificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name a certificate is issued for (a DNS name of its subject alternative names): a domain,
/// or a wildcard `*.` before one, which stands for exactly one more label (RFC 6125 §6.4.3).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(transparent)]
pub struct CertificateName {
    /// Whether it starts with `*.`: `name` then does, and only then (set by `parse` alone).
    #[serde(skip)]
    wildcard: bool,
    /// The name as written, in its ASCII form.
    name: String,
}

impl CertificateName {
    /// Reads a name: a domain, or `*.` and a domain.
    pub fn parse(text: &str) -> Result<CertificateName, crate::domain::DomainError> {
        let (wildcard, rest) = match text.strip_prefix("*.") {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let domain = Domain::parse(rest)?;
        let name = if wildcard {
            format!("*.{}", domain.as_str())
        } else {
            domain.as_str().to_owned()
        };
        Ok(CertificateName { wildcard, name })
    }

    /// The name, `*.` included.
    pub fn as_str(&self) -> &str {
        &self.name
    }

    /// Whether the name covers `domain` (RFC 6125 §6.4.1, §6.4.3): the same name, or for a
    /// wildcard, the domain with exactly one more label on the left.
    pub fn covers(&self, domain: &Domain) -> bool {
        let ascii = domain.as_str();
        if self.wildcard {
            let base = &self.name[2..];
            ascii
                .split_once('.')
                .is_some_and(|(label, rest)| !label.is_empty() && rest == base)
        } else {
            ascii == self.name
        }
    }
}

impl<'de> Deserialize<'de> for CertificateName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        CertificateName::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for CertificateName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// A version of TLS.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum TlsVersion {
    /// TLS 1.0 (RFC 2246), deprecated by RFC 8996.
    #[serde(rename = "1.0")]
    Tls10,
    /// TLS 1.1 (RFC 4346), deprecated by RFC 8996.
    #[serde(rename = "1.1")]
    Tls11,
    /// TLS 1.2 (RFC 5246), which RFC 9325 requires every implementation to support.
    #[serde(rename = "1.2")]
    Tls12,
    /// TLS 1.3 (RFC 8446).
    #[serde(rename = "1.3")]
    Tls13,
}

impl TlsVersion {
    /// Every version, oldest first.
    pub const ALL: [TlsVersion; 4] = [
        TlsVersion::Tls10,
        TlsVersion::Tls11,
        TlsVersion::Tls12,
        TlsVersion::Tls13,
    ];

    /// The name in scenario files: `1.0` to `1.3`.
    pub fn name(self) -> &'static str {
        match self {
            TlsVersion::Tls10 => "1.0",
            TlsVersion::Tls11 => "1.1",
            TlsVersion::Tls12 => "1.2",
            TlsVersion::Tls13 => "1.3",
        }
    }
}

impl fmt::Display for TlsVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TLS {}", self.name())
    }
}

/// Whose rules a peer follows when its settings are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Semantics {
    /// RFC 6120 and the usual server options: SASL `Required` means secure authentication (only
    /// SASL EXTERNAL, never dialback), as Prosody's `s2s_secure_auth` does.
    Xmpp,
    /// The Lync XMPP proxy, as its negotiation matrix describes it: the same, except that SASL
    /// `Required` binds only where TLS is `Required` too. Where TLS is optional or not
    /// supported, SASL `Required` falls back to dialback like `Optional` (rows M3 and M5 list
    /// TLS and TCP dialback).
    Lync,
    /// ejabberd: as [`Semantics::Xmpp`], except that as receiving server it offers SASL
    /// EXTERNAL on every encrypted stream and checks the certificate only on `<auth/>`
    /// (`xmpp_stream_in.erl`), so a certificate that does not fit ends in a SASL failure, then
    /// dialback.
    Ejabberd,
    /// Prosody 0.12, as the interop suite observes it against real Prosody: as
    /// [`Semantics::Xmpp`], with the differences the suite found (see `docs/simulation.md`).
    Prosody,
    /// Openfire 5.1 and later, as its source says.
    Openfire,
    /// Openfire 4.8 and 4.9, as its source says.
    Openfire48,
    /// Openfire 4.7, as its source says.
    Openfire47,
}

impl Semantics {
    /// Every set of rules.
    pub const ALL: [Semantics; 7] = [
        Semantics::Xmpp,
        Semantics::Lync,
        Semantics::Prosody,
        Semantics::Ejabberd,
        Semantics::Openfire,
        Semantics::Openfire48,
        Semantics::Openfire47,
    ];

    /// The name in scenario files.
    pub fn name(self) -> &'static str {
        match self {
            Semantics::Xmpp => "Xmpp",
            Semantics::Lync => "Lync",
            Semantics::Prosody => "Prosody",
            Semantics::Ejabberd => "Ejabberd",
            Semantics::Openfire => "Openfire",
            Semantics::Openfire48 => "Openfire48",
            Semantics::Openfire47 => "Openfire47",
        }
    }

    /// The server whose rules these are, with the version they were taken from.
    pub fn label(self) -> &'static str {
        match self {
            Semantics::Xmpp => "RFC 6120 and XEP-0220",
            Semantics::Lync => "Lync Server 2013 / Skype for Business",
            Semantics::Prosody => "Prosody 0.12",
            Semantics::Ejabberd => "ejabberd 23.01",
            Semantics::Openfire => "Openfire 5.1",
            Semantics::Openfire48 => "Openfire 4.8 and 4.9",
            Semantics::Openfire47 => "Openfire 4.7",
        }
    }
}

/// One end of the link. Both ends have this shape; our Lync side is built from a
/// [`PartnerConfig`] with [`Semantics::Lync`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct Peer {
    /// The server's XMPP domain.
    pub domain: Domain,
    /// STARTTLS policy.
    pub tls: Negotiation,
    /// SASL EXTERNAL policy.
    pub sasl: Negotiation,
    /// Whether server dialback is enabled.
    pub dialback: bool,
    /// The certificate it presents.
    pub certificate: Certificate,
    /// Whether it ends the session when the other side's certificate is not valid (RFC 6120
    /// §13.7.2) instead of keeping the encryption and authenticating by dialback (RFC 7590
    /// §3.4).
    pub strict_certificate_validation: bool,
    /// Whose rules the settings follow.
    #[serde(default = "xmpp")]
    pub semantics: Semantics,
    /// Domains its access rules deny (ejabberd's `s2s_access`, Openfire's
    /// `xmpp.server.permission`): it opens no stream to them and does not accept theirs as its
    /// rules say.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub denied_domains: Vec<Domain>,
    /// The oldest TLS version it accepts.
    #[serde(default = "tls12")]
    pub min_tls_version: TlsVersion,
    /// The newest TLS version it speaks.
    #[serde(default = "tls13")]
    pub max_tls_version: TlsVersion,
    /// The names its certificate is issued for, when known: a valid certificate that names
    /// none that covers the domain is judged not valid for it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub certificate_names: Vec<CertificateName>,
    /// The domain its server names in the `from` of the stream headers it answers with, when
    /// that is not its own domain: a virtual host set up under another name. The initiating
    /// server refuses such an answer (RFC 6120 §4.7.1, §4.9.3.9 `invalid-from`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub answers_as: Option<Domain>,
}

fn tls12() -> TlsVersion {
    TlsVersion::Tls12
}

fn tls13() -> TlsVersion {
    TlsVersion::Tls13
}

fn xmpp() -> Semantics {
    Semantics::Xmpp
}

impl Peer {
    /// A peer with RFC 6120 defaults: TLS and SASL optional, dialback on, a valid certificate,
    /// lenient validation.
    pub fn new(domain: Domain) -> Peer {
        Peer {
            domain,
            tls: Negotiation::Optional,
            sasl: Negotiation::Optional,
            dialback: true,
            certificate: Certificate::Valid,
            strict_certificate_validation: false,
            semantics: Semantics::Xmpp,
            denied_domains: Vec::new(),
            min_tls_version: TlsVersion::Tls12,
            max_tls_version: TlsVersion::Tls13,
            certificate_names: Vec::new(),
            answers_as: None,
        }
    }

    /// Our Lync XMPP proxy, for the partner `config` describes.
    pub fn lync(
        domain: Domain,
        config: &PartnerConfig,
        certificate: Certificate,
        strict_certificate_validation: bool,
    ) -> Peer {
        Peer {
            domain,
            tls: config.tls_negotiation,
            sasl: config.sasl_negotiation,
            dialback: config.support_dialback_negotiation,
            certificate,
            strict_certificate_validation,
            semantics: Semantics::Lync,
            denied_domains: Vec::new(),
            min_tls_version: LYNC_TLS.0,
            max_tls_version: LYNC_TLS.1,
            certificate_names: Vec::new(),
            answers_as: None,
        }
    }

    /// The peer with its certificate as the other side judges it: a valid certificate whose
    /// names do not cover the domain is not valid for it.
    pub(crate) fn with_names_judged(mut self) -> Peer {
        if self.certificate == Certificate::Valid && !self.names_cover_domain() {
            self.certificate = Certificate::NameMismatch;
        }
        self
    }

    /// Whether the certificate's names, when known, cover the domain.
    pub(crate) fn names_cover_domain(&self) -> bool {
        self.certificate_names.is_empty()
            || self
                .certificate_names
                .iter()
                .any(|n| n.covers(&self.domain))
    }

    /// How this server negotiates where servers differ.
    pub fn profile(&self) -> &'static Profile {
        self.semantics.profile()
    }

    /// The SASL policy in effect: under Lync's semantics, `Required` binds only with TLS
    /// `Required`.
    pub(crate) fn effective_sasl(&self) -> Negotiation {
        if self.profile().sasl_required_needs_tls_required.value
            && self.sasl == Negotiation::Required
            && self.tls != Negotiation::Required
        {
            Negotiation::Optional
        } else {
            self.sasl
        }
    }

    /// Whether dialback is used at all: it is on, and SASL is not required ("Dialback will not
    /// operate if both SASL and TLS are required", M1), unless the server uses dialback for
    /// itself while demanding valid certificates of others (Prosody's `s2s_secure_auth`).
    pub(crate) fn uses_dialback(&self) -> bool {
        self.dialback
            && (self.profile().dialback_under_secure_auth.value
                || self.effective_sasl() != Negotiation::Required)
    }

    /// Whether dialback is switched on but does not operate (see [`Peer::uses_dialback`]): the
    /// rule behind Lync's matrix row M1, which [`MatrixRow::dialback_inoperative`] asks of our
    /// proxy.
    ///
    /// [`MatrixRow::dialback_inoperative`]: crate::MatrixRow::dialback_inoperative
    pub(crate) fn dialback_inoperative(&self) -> bool {
        self.dialback && !self.uses_dialback()
    }

    /// Whether the server can do TLS as the initiating server. Prosody without a TLS context
    /// (`s2s_allow_encryption = false`, shown as no certificate) cannot, even when
    /// `s2s_require_encryption` asks for it.
    pub fn can_start_tls(&self) -> bool {
        if self.profile().tls_client_needs_certificate.value {
            self.can_offer_tls()
        } else {
            self.tls.is_supported()
        }
    }

    /// Whether the server can act as the TLS server: TLS supported and a certificate to present.
    pub(crate) fn can_offer_tls(&self) -> bool {
        self.tls.is_supported() && self.certificate != Certificate::Missing
    }
}

/// The TLS versions of a Lync Server 2013 or Skype for Business 2015 Edge server with its TLS
/// 1.2 updates: 1.0 to 1.2 (Microsoft, "Encryption for Skype for Business Server").
pub const LYNC_TLS: (TlsVersion, TlsVersion) = (TlsVersion::Tls10, TlsVersion::Tls12);

/// A real server's default policy, with the option values it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum Preset {
    /// Lync Server 2013 or Skype for Business with the cmdlet defaults (row M1).
    Lync,
    /// Google Talk as the Lync documentation sets it up: TCP dialback only.
    GoogleTalk,
    /// Prosody's defaults.
    Prosody,
    /// Prosody with `s2s_secure_auth = true`.
    ProsodySecureAuth,
    /// ejabberd as its example configuration ships it.
    Ejabberd,
    /// Openfire 5.1's defaults.
    Openfire,
    /// Openfire 4.8's and 4.9's defaults.
    Openfire48,
    /// Openfire 4.7's defaults.
    Openfire47,
    /// Tigase's defaults.
    Tigase,
}

impl Preset {
    /// Every preset.
    pub const ALL: [Preset; 9] = [
        Preset::Lync,
        Preset::GoogleTalk,
        Preset::Prosody,
        Preset::ProsodySecureAuth,
        Preset::Ejabberd,
        Preset::Openfire,
        Preset::Openfire48,
        Preset::Openfire47,
        Preset::Tigase,
    ];

    /// The identifier in scenario files: `lync`, `googleTalk`, `prosody`, ...
    pub fn id(self) -> &'static str {
        match self {
            Preset::Lync => "lync",
            Preset::GoogleTalk => "googleTalk",
            Preset::Prosody => "prosody",
            Preset::ProsodySecureAuth => "prosodySecureAuth",
            Preset::Ejabberd => "ejabberd",
            Preset::Openfire => "openfire",
            Preset::Openfire48 => "openfire48",
            Preset::Openfire47 => "openfire47",
            Preset::Tigase => "tigase",
        }
    }

    /// The server's name.
    pub fn label(self) -> Cow<'static, str> {
        self.label_in(Language::English)
    }

    /// The server's name in either language.
    pub fn label_in(self, language: Language) -> Cow<'static, str> {
        match self {
            Preset::Lync => text::preset_lync(),
            Preset::GoogleTalk => text::preset_google_talk(),
            Preset::Prosody => text::preset_prosody(),
            Preset::ProsodySecureAuth => text::preset_prosody_secure_auth(),
            Preset::Ejabberd => text::preset_ejabberd(),
            Preset::Openfire => text::preset_openfire(),
            Preset::Openfire48 => text::preset_openfire_4_8(),
            Preset::Openfire47 => text::preset_openfire_4_7(),
            Preset::Tigase => text::preset_tigase(),
        }
        .text(language)
    }

    /// The server's own option names and values that the policy stands for.
    pub fn options(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Preset::Lync => &[
                ("-TlsNegotiation", "Required"),
                ("-SaslNegotiation", "Required"),
                ("-SupportDialbackNegotiation", "$true"),
            ],
            Preset::GoogleTalk => &[
                ("-TlsNegotiation", "NotSupported"),
                ("-SaslNegotiation", "NotSupported"),
                ("-SupportDialbackNegotiation", "$true"),
                ("-EnableKeepAlive", "$false"),
            ],
            Preset::Prosody => &[
                ("s2s_require_encryption", "true"),
                ("s2s_secure_auth", "false"),
                ("modules_enabled", "\"dialback\""),
            ],
            Preset::ProsodySecureAuth => &[
                ("s2s_require_encryption", "true"),
                ("s2s_secure_auth", "true"),
                ("modules_enabled", "\"dialback\""),
            ],
            Preset::Ejabberd => &[
                ("s2s_use_starttls", "optional"),
                ("modules", "mod_s2s_dialback: {}"),
            ],
            Preset::Openfire | Preset::Openfire48 => &[
                ("xmpp.server.tls.policy", "optional"),
                ("xmpp.server.dialback.enabled", "true"),
                ("xmpp.socket.ssl.certificate.strict-validation", "true"),
            ],
            // Strict validation is a 4.8 setting; 4.7 goes on to dialback with a certificate it
            // does not accept.
            Preset::Openfire47 => &[
                ("xmpp.server.tls.enabled", "true"),
                ("xmpp.server.tls.policy", "optional"),
                ("xmpp.server.dialback.enabled", "true"),
            ],
            Preset::Tigase => &[("vhost-tls-required", "true"), ("dialback", "enabled")],
        }
    }

    /// The TLS versions a server of this kind accepts, oldest and newest: Prosody 0.12 and
    /// ejabberd 23.01 on Debian 12 take TLS 1.2 and 1.3 (checked against the real servers by the
    /// interop suite: Prosody's TLS profile "intermediate", `core/certmanager.lua` line 252, and
    /// OpenSSL 3's security level 2 refuse older versions); Openfire and Tigase run on Java 11
    /// or later, which disables TLS 1.0 and 1.1 (JDK-8202343); Lync Server 2013 and Skype for
    /// Business 2015 offer TLS 1.2, 1.1 and 1.0 once their TLS 1.2 updates are installed
    /// (Microsoft, "Encryption for Skype for Business Server").
    pub fn tls_versions(self) -> (TlsVersion, TlsVersion) {
        match self {
            Preset::Lync | Preset::GoogleTalk => LYNC_TLS,
            Preset::Prosody
            | Preset::ProsodySecureAuth
            | Preset::Ejabberd
            | Preset::Openfire
            | Preset::Openfire48
            | Preset::Openfire47
            | Preset::Tigase => (TlsVersion::Tls12, TlsVersion::Tls13),
        }
    }

    /// The policy for a server of this kind at `domain`.
    pub fn peer(self, domain: Domain) -> Peer {
        let (tls, sasl, dialback, certificate, strict) = match self {
            Preset::Lync => (
                Negotiation::Required,
                Negotiation::Required,
                true,
                Certificate::Valid,
                false,
            ),
            Preset::GoogleTalk => (
                Negotiation::NotSupported,
                Negotiation::NotSupported,
                true,
                Certificate::Missing,
                false,
            ),
            // "By default it will try to use TLS if the other side supports it, and fall back
            // to dialback if it does not or if the certificate is incorrect or not trusted."
            Preset::Prosody => (
                Negotiation::Required,
                Negotiation::Optional,
                true,
                Certificate::Valid,
                false,
            ),
            // Secure authentication completes TLS and then refuses an unacceptable
            // certificate with a stream error (check_auth_policy), rather than ending the
            // handshake.
            Preset::ProsodySecureAuth => (
                Negotiation::Required,
                Negotiation::Required,
                true,
                Certificate::Valid,
                false,
            ),
            // mod_s2s_dialback's access rule allows every server, which skips PKIX
            // verification in favour of dialback.
            Preset::Ejabberd => (
                Negotiation::Optional,
                Negotiation::Optional,
                true,
                Certificate::Valid,
                false,
            ),
            Preset::Openfire | Preset::Openfire48 => (
                Negotiation::Optional,
                Negotiation::Optional,
                true,
                Certificate::Valid,
                true,
            ),
            Preset::Openfire47 => (
                Negotiation::Optional,
                Negotiation::Optional,
                true,
                Certificate::Valid,
                false,
            ),
            Preset::Tigase => (
                Negotiation::Required,
                Negotiation::Optional,
                true,
                Certificate::Valid,
                false,
            ),
        };
        Peer {
            domain,
            tls,
            sasl,
            dialback,
            certificate,
            strict_certificate_validation: strict,
            denied_domains: Vec::new(),
            min_tls_version: self.tls_versions().0,
            max_tls_version: self.tls_versions().1,
            certificate_names: Vec::new(),
            answers_as: None,
            semantics: match self {
                Preset::Lync => Semantics::Lync,
                Preset::Ejabberd => Semantics::Ejabberd,
                Preset::Prosody | Preset::ProsodySecureAuth => Semantics::Prosody,
                Preset::Openfire => Semantics::Openfire,
                Preset::Openfire48 => Semantics::Openfire48,
                Preset::Openfire47 => Semantics::Openfire47,
                _ => Semantics::Xmpp,
            },
        }
    }
}

impl fmt::Display for Preset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// How the simulator knows what a server does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Provenance {
    /// Proven against the real server: the interop suite runs it and compares every step.
    Proven,
    /// Modelled from the server's source code, file by file (it cannot run here).
    Source,
    /// Modelled from documentation only.
    Documentation,
}

impl Provenance {
    /// How it is known, in either language.
    pub fn label(self, language: Language) -> Cow<'static, str> {
        match self {
            Provenance::Proven => text::provenance_proven(),
            Provenance::Source => text::provenance_source(),
            Provenance::Documentation => text::provenance_documentation(),
        }
        .text(language)
    }
}

impl Preset {
    /// How the simulator knows this server's behaviour.
    pub fn provenance(self) -> Provenance {
        match self {
            Preset::Prosody | Preset::ProsodySecureAuth | Preset::Ejabberd => Provenance::Proven,
            Preset::Openfire | Preset::Openfire48 | Preset::Openfire47 => Provenance::Source,
            Preset::Lync | Preset::GoogleTalk | Preset::Tigase => Provenance::Documentation,
        }
    }

    /// What exactly it is known from, in English.
    pub fn known_from(self) -> Cow<'static, str> {
        self.known_from_in(Language::English)
    }

    /// What exactly it is known from, in either language.
    pub fn known_from_in(self, language: Language) -> Cow<'static, str> {
        match self {
            Preset::Prosody | Preset::ProsodySecureAuth => text::preset_known_from_prosody(),
            Preset::Ejabberd => text::preset_known_from_ejabberd(),
            Preset::Openfire => text::preset_known_from_openfire(),
            Preset::Openfire48 => text::preset_known_from_openfire_4_8(),
            Preset::Openfire47 => text::preset_known_from_openfire_4_7(),
            Preset::Lync | Preset::GoogleTalk => text::preset_known_from_lync(),
            Preset::Tigase => text::preset_known_from_tigase(),
        }
        .text(language)
    }

    /// Whether the preset describes a service that no longer federates: Google ended XMPP
    /// federation for Google Talk on 26 June 2017 (`docs/simulation.md`).
    pub fn historical(self) -> bool {
        self == Preset::GoogleTalk
    }
}

/// A preset with what it stands for: what `xmpp-federation presets --format json` and the
/// WebAssembly package's `presets` return.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PresetSummary {
    /// The identifier scenario files use.
    pub id: Preset,
    /// The server's name.
    pub label: String,
    /// The policy, for a server of `partner.example`.
    pub policy: Peer,
    /// The server's own option names and values that the policy stands for.
    pub options: Vec<ServerOption>,
    /// How the simulator knows this server's behaviour.
    pub provenance: Provenance,
    /// What exactly it is known from.
    pub known_from: String,
    /// Whether the service no longer federates (Google Talk).
    pub historical: bool,
}

/// One option of a real server's configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct ServerOption {
    /// The option's name, such as `s2s_require_encryption`.
    pub name: &'static str,
    /// Its value, such as `true`.
    pub value: &'static str,
}

impl Preset {
    /// The preset with its policy and options, in English.
    pub fn summary(self) -> PresetSummary {
        self.summary_in(Language::English)
    }

    /// The preset with its policy and options; its name and how it is known in `language`.
    pub fn summary_in(self, language: Language) -> PresetSummary {
        // INVARIANT: a valid domain name.
        #[allow(clippy::expect_used)]
        let domain = Domain::parse("partner.example").expect("a valid domain");
        PresetSummary {
            id: self,
            label: self.label_in(language).into_owned(),
            policy: self.peer(domain),
            options: self
                .options()
                .iter()
                .map(|&(name, value)| ServerOption { name, value })
                .collect(),
            provenance: self.provenance(),
            known_from: self.known_from_in(language).into_owned(),
            historical: self.historical(),
        }
    }
}
