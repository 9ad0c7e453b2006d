//! How each server differs: a profile of named behaviours that the machines consult, each with
//! the evidence it rests on.
//!
//! The machines follow RFC 6120 and XEP-0220 where a profile says nothing special. Where real
//! servers do something else (Prosody sends its key whatever was offered, ejabberd offers SASL
//! EXTERNAL on every encrypted stream, ...), the difference is one named behaviour here, and
//! the machine asks the profile instead of asking which server it is. A new server is a new
//! profile. `docs/profiles.md` prints every profile as one table (`cargo xtask docs`).

use std::fmt;

use super::peer::Semantics;

/// Where a behaviour is known from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// A section of a specification, which the server follows.
    Spec {
        /// The section, such as `RFC 7590 §3.1`.
        section: &'static str,
    },
    /// Cases of the interop suite against the real server: the text that names them, as
    /// `cargo xtask interop --only` takes it.
    Interop {
        /// The text the cases' names contain.
        cases: &'static str,
    },
    /// A file and line range of the server's source code.
    Source {
        /// The repository.
        repository: &'static str,
        /// The tag or version read.
        version: &'static str,
        /// The file.
        path: &'static str,
        /// The lines, such as `120-134`.
        lines: &'static str,
    },
    /// The product's documentation.
    Documentation {
        /// The document.
        source: &'static str,
    },
}

impl fmt::Display for Evidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Evidence::Spec { section } => write!(f, "{section}"),
            Evidence::Interop { cases } => write!(f, "interop: `{cases}`"),
            Evidence::Source {
                repository,
                version,
                path,
                lines,
            } => write!(f, "{repository} {version} `{path}` lines {lines}"),
            Evidence::Documentation { source } => write!(f, "documentation: {source}"),
        }
    }
}

/// A behaviour's value in one profile, and where it is known from. The evidence is for the
/// documentation and the native tools; the WebAssembly build leaves it out, to stay small.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule<T> {
    /// What the server does.
    pub value: T,
    /// How that is known.
    #[cfg(not(target_arch = "wasm32"))]
    pub evidence: Evidence,
}

const fn rule<T>(value: T, evidence: Evidence) -> Rule<T> {
    #[cfg(target_arch = "wasm32")]
    let _ = evidence;
    Rule {
        value,
        #[cfg(not(target_arch = "wasm32"))]
        evidence,
    }
}

const fn spec<T>(value: T, section: &'static str) -> Rule<T> {
    rule(value, Evidence::Spec { section })
}

const fn interop<T>(value: T, cases: &'static str) -> Rule<T> {
    rule(value, Evidence::Interop { cases })
}

const fn source<T>(
    value: T,
    repository: &'static str,
    version: &'static str,
    path: &'static str,
    lines: &'static str,
) -> Rule<T> {
    rule(
        value,
        Evidence::Source {
            repository,
            version,
            path,
            lines,
        },
    )
}

const fn documented<T>(value: T, source: &'static str) -> Rule<T> {
    rule(value, Evidence::Documentation { source })
}

/// How a server ends a stream it gives up on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// A stream error (RFC 6120 §4.9), then the closing tag.
    StreamError {
        /// The defined condition.
        condition: &'static str,
        /// The text it adds, if any.
        text: Option<&'static str>,
    },
    /// The closing tag alone, without saying why.
    Close,
    /// The TCP connection closed, without even a closing tag.
    Disconnect,
}

const fn error(condition: &'static str, text: Option<&'static str>) -> Ending {
    Ending::StreamError { condition, text }
}

/// A value as the profiles table shows it.
pub trait Describe {
    /// A few words.
    fn describe(&self) -> String;
}

impl Describe for bool {
    fn describe(&self) -> String {
        if *self { "yes" } else { "no" }.to_owned()
    }
}

impl Describe for Ending {
    fn describe(&self) -> String {
        match self {
            Ending::StreamError {
                condition,
                text: Some(text),
            } => format!("`{condition}` \"{text}\""),
            Ending::StreamError {
                condition,
                text: None,
            } => format!("`{condition}`"),
            Ending::Close => "bare `</stream:stream>`".to_owned(),
            Ending::Disconnect => "TCP close, no XML".to_owned(),
        }
    }
}

impl<T: Describe> Describe for Option<T> {
    fn describe(&self) -> String {
        match self {
            Some(value) => value.describe(),
            None => "never".to_owned(),
        }
    }
}

macro_rules! choices {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $label:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl Describe for $name {
            fn describe(&self) -> String {
                match self { $($name::$variant => $label.to_owned(),)* }
            }
        }
    };
}

choices! {
    /// When a server offers SASL EXTERNAL to the initiating server.
    ExternalOffer {
        /// After TLS, when the initiating server's certificate is valid for its domain (RFC
        /// 6120 §6.3.4, XEP-0178 §3 step 9).
        ValidCertificate => "after TLS, for a valid certificate",
        /// On every encrypted stream; the certificate is checked on `<auth/>`.
        Encrypted => "on every encrypted stream",
    }
}

choices! {
    /// What a server sends as SASL EXTERNAL's authorization identity.
    ExternalIdentity {
        /// None: the empty response `=` (RFC 6120 §6.3.8, a server acting for itself).
        Empty => "`=` (none)",
        /// Its own domain, base64-encoded.
        Domain => "its domain",
    }
}

choices! {
    /// When a server that demands a valid certificate of the receiving server (secure
    /// authentication) checks it, after the TLS handshake.
    ReceivingCheck {
        /// When the receiving server's stream header after TLS arrives.
        AtHeader => "at the header after TLS",
        /// Once the receiving server's features after TLS are in.
        AfterFeatures => "after the features after TLS",
        /// Never: only its strict validation refuses certificates.
        Never => "never",
    }
}

choices! {
    /// How a receiving server checks a dialback key with the authoritative server of the sender
    /// domain (XEP-0220 steps 2 and 3).
    Verification {
        /// Over a verify-only stream (XEP-0220 §2.1.2).
        VerifyOnly => "verify-only stream",
        /// Over an outgoing stream of its own to the sender domain, negotiated and authenticated
        /// in full first; the `<db:verify/>` waits until then.
        OwnStream => "its own authenticated stream",
        /// Over a new outgoing stream for this verification alone, which negotiates TLS and
        /// tries SASL EXTERNAL as any of its streams, and sends the `<db:verify/>` once that
        /// attempt succeeded or failed.
        DedicatedStream => "a new full stream per key",
    }
}

choices! {
    /// When an initiating server with strict validation refuses a receiving certificate it
    /// does not accept.
    StrictCheck {
        /// In the TLS handshake: the connection ends at the TLS layer (RFC 6120 §13.7.2,
        /// §5.4.3.2).
        Handshake => "in the TLS handshake",
        /// Once the receiving server's features after TLS are in, with a bare closing tag.
        AfterFeatures => "after the features, with a bare closing tag",
    }
}

choices! {
    /// When a server declares the dialback namespace on its stream headers.
    DeclaresDialback {
        /// When it uses dialback (XEP-0220 §2.4.1).
        WhenUsed => "when it uses dialback",
        /// On every header, dialback or not.
        Always => "always",
    }
}

choices! {
    /// What tells an initiating server that the receiving server takes a dialback key.
    DialbackOffer {
        /// The dialback namespace declared on the header, or the dialback feature (XEP-0220
        /// §2.4).
        Declared => "namespace or feature",
        /// The dialback feature only.
        Feature => "the feature only",
        /// The dialback feature before TLS; after TLS, it sends its key anyway.
        FeatureBeforeTls => "the feature before TLS, anyway after",
        /// Nothing: it sends its key whatever was offered.
        Always => "sends it anyway",
    }
}

choices! {
    /// What a receiving server does when it has no authentication method to offer.
    NothingToOffer {
        /// Ends the stream with `policy-violation` (RFC 6120 §6.4.5) rather than send features
        /// that would mean "negotiation complete" (§4.3.2).
        PolicyViolation => "`policy-violation`",
        /// Ends the stream with `undefined-condition` "No stream features to offer".
        UndefinedCondition => "`undefined-condition` \"No stream features to offer\"",
        /// Sends its features anyway and leaves it to the initiating server to give up.
        SendsFeatures => "sends its features anyway",
    }
}

choices! {
    /// What a receiving server does when the stream that was to carry its key verification
    /// failed.
    Unverified {
        /// Nothing: the stream waits until its timeout, then ends with `connection-timeout`.
        Timeout => "`connection-timeout` after its timeout",
        /// A dialback error `remote-server-timeout` (XEP-0220 §2.5).
        RemoteServerTimeout => "dialback error `remote-server-timeout`",
        /// A dialback error `remote-server-not-found`, with what ended the stream.
        RemoteServerNotFound => "dialback error `remote-server-not-found`, with why",
    }
}

choices! {
    /// When a receiving server refuses a sender domain its access rules deny.
    Denial {
        /// At the stream header, with `policy-violation`.
        AtStream => "at the stream header",
        /// Only when it acts: SASL EXTERNAL succeeds, but a dialback key gets a `forbidden`
        /// dialback error and the first stanza an `invalid-from` stream error.
        AfterAuthentication => "after authentication: dialback `forbidden`, stanzas `invalid-from`",
    }
}

choices! {
    /// How a server refuses a TLS handshake in a version it does not speak.
    VersionRefusal {
        /// With a `protocol_version` alert (RFC 8446 §4.1.3, RFC 5246 §7.4.1.2).
        Alert => "`protocol_version` alert",
        /// By closing the connection without an alert.
        Close => "connection closed, no alert",
    }
}

choices! {
    /// How a server computes dialback keys.
    DialbackKey {
        /// HMAC-SHA256 over the domains and the stream id (XEP-0185 §2).
        Xep0185 => "HMAC-SHA256 (XEP-0185)",
        /// SHA-1 over the stream id and a secret, without the domains.
        Sha1 => "SHA-1 of stream id and secret",
    }
}

choices! {
    /// How a server words a certificate problem in its stream errors.
    CertificateWords {
        /// As the certificate's status says it: "has expired", "is self-signed".
        Status => "by the certificate's status",
        /// As Prosody 0.12 with OpenSSL 3 says it: a self-signed certificate "is not trusted", a
        /// missing one "could not be validated".
        ProsodyOpenSsl3 => "Prosody with OpenSSL 3",
        /// In OpenSSL's verification messages ("certificate has expired", "self signed
        /// certificate"), and "Certificate host name mismatch", as ejabberd says it.
        OpenSsl => "OpenSSL's messages",
    }
}

macro_rules! profile {
    ($($(#[doc = $doc:literal])* $field:ident : $type:ty,)*) => {
        /// How one server negotiates where the specifications leave room or real servers differ:
        /// one named behaviour per field, each with its evidence.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct Profile {
            $($(#[doc = $doc])* pub $field: Rule<$type>,)*
        }

        #[cfg(not(target_arch = "wasm32"))]
        impl Profile {
            /// Every behaviour: its name, what it is about, its value in words, and its
            /// evidence.
            pub fn behaviours(&self) -> Vec<Behaviour> {
                vec![$(Behaviour {
                    name: stringify!($field),
                    about: concat!($($doc),*).trim(),
                    value: self.$field.value.describe(),
                    evidence: self.$field.evidence,
                },)*]
            }
        }
    };
}

/// One behaviour of a profile, for tables.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Behaviour {
    /// The field's name, such as `external_offer`.
    pub name: &'static str,
    /// What the behaviour is about.
    pub about: &'static str,
    /// The value, in words.
    pub value: String,
    /// How it is known.
    pub evidence: Evidence,
}

profile! {
    /// Whether SASL `Required` binds only where TLS is `Required` too; elsewhere it falls back
    /// to dialback like `Optional`.
    sasl_required_needs_tls_required: bool,
    /// Whether the server still uses dialback for itself when it demands valid certificates of
    /// others (SASL `Required`).
    dialback_under_secure_auth: bool,
    /// When it declares the dialback namespace on its stream headers.
    declares_dialback: DeclaresDialback,
    /// How it computes dialback keys.
    dialback_key: DialbackKey,
    /// How it words certificate problems.
    certificate_words: CertificateWords,
    /// How it refuses a TLS version it does not speak.
    version_refusal: VersionRefusal,
    /// Whether it needs a certificate of its own to start TLS as the initiating server.
    tls_client_needs_certificate: bool,
    /// As initiating server that requires TLS: whether it sends `<starttls/>` when the
    /// receiving server did not offer it (RFC 7590 §3.1).
    starttls_unoffered: bool,
    /// As initiating server that requires TLS and does not try it unoffered: how it gives up
    /// when STARTTLS is not offered.
    tls_unoffered: Ending,
    /// Whether, as initiating server without TLS, it goes on to authenticate when the receiving
    /// server requires STARTTLS, instead of giving up.
    ignores_required_starttls: bool,
    /// As initiating server without TLS: how it gives up when the receiving server requires
    /// STARTTLS.
    required_starttls: Ending,
    /// Whether, as initiating server, it writes nothing when it gives up on its first,
    /// unencrypted stream: the TCP connection just closes.
    silent_before_tls: bool,
    /// As initiating server with secure authentication: when it checks the receiving server's
    /// certificate.
    receiving_check: ReceivingCheck,
    /// As initiating server with strict validation: when it refuses a receiving certificate it
    /// does not accept.
    strict_check: StrictCheck,
    /// As receiving server with strict validation: whether it refuses an initiating server's
    /// certificate in the TLS handshake.
    refuses_in_handshake: bool,
    /// As initiating server that accepts an invalid receiving certificate (no strict
    /// validation): whether it goes on only when it can use dialback, and otherwise ends the
    /// connection at once.
    lenient_needs_dialback: bool,
    /// As initiating server: what it sends as SASL EXTERNAL's authorization identity.
    external_identity: ExternalIdentity,
    /// As initiating server: what tells it that the receiving server takes a dialback key.
    dialback_offer: DialbackOffer,
    /// As initiating server: whether it sends its dialback key after a SASL failure whatever
    /// was offered.
    dialback_after_sasl_failure: bool,
    /// As initiating server: how it gives up when nothing offered is a method it uses.
    no_method: Ending,
    /// Whether the texts of its stream errors say they are English (`xml:lang='en'`).
    texts_have_lang: bool,
    /// Whether it checks that TLS is in use only once a stream is authenticated, rather than
    /// refusing dialback over plain TCP beforehand.
    late_encryption_check: bool,
    /// As initiating server: how it ends a stream whose key the authoritative server did not
    /// confirm, if it ends it.
    refused_key: Option<Ending>,
    /// As initiating server: whether it sends its closing tag after a STARTTLS failure.
    close_after_tls_failure: bool,
    /// As receiving server: when it offers SASL EXTERNAL.
    external_offer: ExternalOffer,
    /// As receiving server: whether it lists an empty `<mechanisms/>` before TLS.
    empty_mechanisms: bool,
    /// As receiving server: whether its SASL failures say in words what is wrong with the
    /// certificate.
    sasl_failure_text: bool,
    /// As receiving server: whether its dialback feature announces error handling
    /// (`<errors/>`, XEP-0220 §2.5).
    dialback_errors: bool,
    /// As receiving server: whether it offers dialback and SASL EXTERNAL next to a required
    /// STARTTLS, rather than nothing else before TLS.
    offers_beside_required_starttls: bool,
    /// As receiving server: whether it makes STARTTLS required when dialback is off, whatever
    /// its TLS policy.
    required_without_dialback: bool,
    /// As receiving server whose TLS policy is `Required`: whether it marks STARTTLS
    /// `<required/>`.
    required_by_policy: bool,
    /// As receiving server without a certificate: whether it still offers STARTTLS (and then
    /// refuses it).
    starttls_without_certificate: bool,
    /// As receiving server: whether it offers dialback after TLS.
    dialback_after_tls: bool,
    /// As receiving server: whether it still offers dialback after SASL.
    dialback_after_sasl: bool,
    /// As receiving server: what it does when it has no authentication method to offer.
    nothing_to_offer: NothingToOffer,
    /// As receiving server that requires TLS but has no certificate: how it ends every stream,
    /// if it does.
    tls_without_certificate: Option<Ending>,
    /// As receiving server that cannot do TLS: how it answers `<starttls/>`; `never` answers
    /// with `<failure/>` (RFC 6120 §5.4.2.2).
    starttls_refusal: Option<Ending>,
    /// As receiving server that requires TLS: how it refuses dialback over plain TCP (unless it
    /// checks encryption late).
    plain_dialback: Ending,
    /// As receiving server with dialback off: how it refuses a dialback key; `never` verifies
    /// it all the same.
    dialback_disabled: Option<Ending>,
    /// As receiving server: whether it accepts a dialback key without asking the authoritative
    /// server when the initiating server's certificate is valid for its domain.
    dialback_trusts_certificate: bool,
    /// As authoritative server that requires TLS: whether it refuses `<db:verify/>` on a stream
    /// that is not encrypted yet (as every element but STARTTLS).
    refuses_verify_before_tls: bool,
    /// As receiving server: whether `<db:result/>` and `<db:verify/>` answers repeat the key.
    answers_repeat_key: bool,
    /// As receiving server: whether it keeps the stream open after a key that did not verify.
    keeps_stream_after_invalid_key: bool,
    /// As receiving server: how it ends the stream after a dialback error, if it does.
    after_dialback_error: Option<Ending>,
    /// As receiving server: when it refuses a sender domain its access rules deny.
    denial: Denial,
    /// As receiving server: whether it keeps the stream open after a SASL failure even without
    /// dialback.
    sasl_failure_keeps_stream: bool,
    /// As receiving server: how it checks a dialback key with the authoritative server.
    verification: Verification,
    /// As receiving server: what it does when the stream that was to carry the verification
    /// failed.
    unverified: Unverified,
    /// Whether its outgoing stream to the sender domain carries a `<db:verify/>` before it is
    /// authenticated, once it has sent its own dialback key on it (rather than only once
    /// authenticated).
    verify_over_keyed_stream: bool,
    /// Whether its verify-only stream negotiates STARTTLS when the authoritative server offers
    /// it.
    verify_stream_tls: bool,
}

const RFC: Profile = Profile {
    sasl_required_needs_tls_required: spec(false, "RFC 6120 §6"),
    dialback_under_secure_auth: spec(false, "RFC 6120 §13.14, XEP-0178 §3"),
    declares_dialback: spec(DeclaresDialback::WhenUsed, "XEP-0220 §2.4.1"),
    dialback_key: spec(DialbackKey::Xep0185, "XEP-0185 §2"),
    certificate_words: spec(CertificateWords::Status, "RFC 6120 §13.7.2"),
    version_refusal: spec(VersionRefusal::Alert, "RFC 8446 §4.1.3"),
    tls_client_needs_certificate: spec(false, "RFC 6120 §5.4.3.1"),
    starttls_unoffered: spec(true, "RFC 7590 §3.1"),
    tls_unoffered: spec(error("policy-violation", None), "RFC 6120 §4.9.3.18"),
    ignores_required_starttls: spec(false, "RFC 6120 §4.9.3.23"),
    required_starttls: spec(error("unsupported-feature", None), "RFC 6120 §4.9.3.23"),
    silent_before_tls: spec(false, "RFC 6120 §4.9.1.1"),
    receiving_check: spec(ReceivingCheck::AfterFeatures, "RFC 6120 §13.7.2"),
    strict_check: spec(StrictCheck::Handshake, "RFC 6120 §13.7.2, §5.4.3.2"),
    refuses_in_handshake: spec(true, "XEP-0178 §3 step 7a"),
    lenient_needs_dialback: spec(false, "RFC 7590 §3.4"),
    external_identity: spec(ExternalIdentity::Empty, "RFC 6120 §6.3.8"),
    dialback_offer: spec(DialbackOffer::Declared, "XEP-0220 §2.4"),
    dialback_after_sasl_failure: spec(false, "RFC 6120 §6.4.5, XEP-0178 §3 step 11b"),
    no_method: spec(
        error(
            "unsupported-feature",
            Some("No viable authentication method offered"),
        ),
        "RFC 6120 §4.9.3.23",
    ),
    texts_have_lang: spec(false, "RFC 6120 §4.9.2"),
    late_encryption_check: spec(false, "XEP-0220 §2.5"),
    refused_key: spec(None, "XEP-0220 §2.2.1"),
    close_after_tls_failure: spec(false, "RFC 6120 §5.4.2.2"),
    external_offer: spec(
        ExternalOffer::ValidCertificate,
        "RFC 6120 §6.3.4, XEP-0178 §3",
    ),
    empty_mechanisms: spec(false, "RFC 6120 §6.4.1"),
    sasl_failure_text: spec(false, "RFC 6120 §6.4.5"),
    dialback_errors: spec(true, "XEP-0220 §2.4.2, §2.5"),
    offers_beside_required_starttls: spec(false, "RFC 6120 §5.3.1"),
    required_without_dialback: spec(false, "RFC 6120 §5.3.1"),
    required_by_policy: spec(true, "RFC 6120 §5.3.1"),
    starttls_without_certificate: spec(false, "RFC 6120 §5.3.1"),
    dialback_after_tls: spec(true, "XEP-0220 §2.4.2"),
    dialback_after_sasl: spec(false, "RFC 6120 §6.4.6"),
    nothing_to_offer: spec(NothingToOffer::PolicyViolation, "RFC 6120 §4.3.2, §6.4.5"),
    tls_without_certificate: spec(
        Some(error(
            "internal-server-error",
            Some("TLS is required, but no certificate is configured"),
        )),
        "RFC 6120 §4.9.3.8",
    ),
    starttls_refusal: spec(None, "RFC 6120 §5.4.2.2"),
    plain_dialback: spec(
        error("policy-violation", Some("TLS is required before dialback")),
        "XEP-0220 §2.5",
    ),
    dialback_disabled: spec(
        Some(error("policy-violation", Some("Dialback is disabled"))),
        "RFC 6120 §4.9.3.18",
    ),
    dialback_trusts_certificate: spec(false, "XEP-0220 §2.1"),
    refuses_verify_before_tls: spec(false, "XEP-0220 §2.1.2"),
    answers_repeat_key: spec(false, "XEP-0220 §2.2"),
    keeps_stream_after_invalid_key: spec(false, "XEP-0220 §2.2.1"),
    after_dialback_error: spec(None, "XEP-0220 §2.5"),
    denial: spec(Denial::AtStream, "RFC 6120 §4.9.3.14"),
    sasl_failure_keeps_stream: spec(false, "RFC 6120 §6.4.5"),
    verification: spec(Verification::VerifyOnly, "XEP-0220 §2.1.2"),
    unverified: spec(Unverified::RemoteServerTimeout, "XEP-0220 §2.5"),
    verify_over_keyed_stream: spec(false, "XEP-0220 §2.1.2"),
    verify_stream_tls: spec(false, "XEP-0220 §2.1.2"),
};
/// The Lync XMPP proxy: the RFC's rules, with SASL `Required` read as the negotiation matrix
/// reads it.
const LYNC: Profile = Profile {
    sasl_required_needs_tls_required: documented(
        true,
        "Lync Server 2013, XMPP federated partner negotiation matrix (rows M3, M5)",
    ),
    ..RFC
};

/// What the interop suite observed of Prosody 0.12.3 (Debian 12), with the source lines that
/// explain it (prosody 0.12.3).
const PROSODY: Profile = Profile {
    dialback_under_secure_auth: interop(true, "prosody s2s_secure_auth=true, self-signed"),
    tls_client_needs_certificate: interop(true, "prosody s2s_allow_encryption=false ×"),
    ignores_required_starttls: interop(
        true,
        "prosody s2s_allow_encryption=false × ours tls=Required sasl=Optional dialback=true valid certificate (inbound)",
    ),
    receiving_check: interop(ReceivingCheck::AtHeader, "prosody s2s_secure_auth=true ×"),
    external_identity: interop(
        ExternalIdentity::Domain,
        "prosody defaults × ours tls=Required sasl=Optional dialback=true valid certificate (inbound)",
    ),
    dialback_offer: interop(
        DialbackOffer::Always,
        "prosody s2s_require_encryption=false × ours tls=Optional sasl=Optional dialback=true no certificate (inbound)",
    ),
    late_encryption_check: interop(
        true,
        "prosody s2s_allow_encryption=false × ours tls=Optional sasl=Optional",
    ),
    refused_key: source(
        Some(error("not-authorized", None)),
        "prosody",
        "0.12.3",
        "plugins/mod_dialback.lua",
        "153-175",
    ),
    close_after_tls_failure: interop(true, "prosody defaults × ours tls=NotSupported"),
    dialback_errors: interop(false, "prosody defaults ×"),
    offers_beside_required_starttls: interop(true, "prosody defaults ×"),
    dialback_after_sasl: interop(
        true,
        "prosody defaults × ours tls=Required sasl=Optional dialback=true valid certificate (outbound)",
    ),
    nothing_to_offer: interop(
        NothingToOffer::UndefinedCondition,
        "prosody s2s_require_encryption=false, s2s_allow_encryption=false, no dialback ×",
    ),
    tls_without_certificate: interop(None, "prosody s2s_allow_encryption=false ×"),
    answers_repeat_key: interop(
        true,
        "prosody s2s_require_encryption=false × ours tls=NotSupported",
    ),
    keeps_stream_after_invalid_key: source(
        true,
        "prosody",
        "0.12.3",
        "plugins/mod_dialback.lua",
        "123-151",
    ),
    unverified: interop(
        Unverified::Timeout,
        "prosody defaults × ours tls=Optional sasl=Optional dialback=true no certificate (outbound)",
    ),
    verification: interop(
        Verification::OwnStream,
        "prosody defaults × ours tls=Optional sasl=Optional dialback=true no certificate (outbound)",
    ),
    verify_over_keyed_stream: source(true, "prosody", "0.12.3", "plugins/mod_s2s.lua", "167-207"),
    certificate_words: interop(
        CertificateWords::ProsodyOpenSsl3,
        "prosody s2s_secure_auth=true, self-signed",
    ),
    version_refusal: interop(VersionRefusal::Alert, "tls versions: prosody"),
    ..RFC
};

/// A file of ejabberd's or of its stream library's code, at the versions Debian 12 ships.
macro_rules! ejabberd {
    (xmpp, $path:literal, $lines:literal) => {
        Evidence::Source {
            repository: "processone/xmpp",
            version: "1.6.1",
            path: $path,
            lines: $lines,
        }
    };
    ($path:literal, $lines:literal) => {
        Evidence::Source {
            repository: "processone/ejabberd",
            version: "23.01",
            path: $path,
            lines: $lines,
        }
    };
}

/// ejabberd 23.01 (Debian 12), as the interop suite observes it, with the source lines that
/// explain it (ejabberd 23.01, processone/xmpp 1.6.1).
const EJABBERD: Profile = Profile {
    sasl_required_needs_tls_required: rule(false, ejabberd!("src/ejabberd_options.erl", "654-662")),
    dialback_under_secure_auth: rule(false, ejabberd!("src/mod_s2s_dialback.erl", "293-299")),
    declares_dialback: interop(DeclaresDialback::Always, "ejabberd no mod_s2s_dialback ×"),
    dialback_key: rule(
        DialbackKey::Xep0185,
        ejabberd!("src/mod_s2s_dialback.erl", "304-309"),
    ),
    certificate_words: interop(
        CertificateWords::OpenSsl,
        "ejabberd example × ours tls=Required sasl=Optional dialback=true expired certificate (inbound)",
    ),
    version_refusal: interop(VersionRefusal::Close, "tls versions: ejabberd"),
    tls_client_needs_certificate: rule(
        false,
        ejabberd!(xmpp, "src/xmpp_stream_out.erl", "1007-1017"),
    ),
    starttls_unoffered: interop(
        false,
        "ejabberd s2s_use_starttls=required × ours tls=NotSupported sasl=NotSupported dialback=true no certificate (inbound)",
    ),
    tls_unoffered: interop(
        error("policy-violation", Some("Use of STARTTLS required")),
        "ejabberd s2s_use_starttls=required × ours tls=NotSupported sasl=NotSupported dialback=true no certificate (inbound)",
    ),
    ignores_required_starttls: interop(
        false,
        "ejabberd s2s_use_starttls=false × ours tls=Required sasl=Required dialback=true valid certificate (inbound)",
    ),
    required_starttls: interop(
        error(
            "unsupported-feature",
            Some("STARTTLS is disabled in local configuration"),
        ),
        "ejabberd s2s_use_starttls=false ×",
    ),
    silent_before_tls: interop(
        false,
        "ejabberd s2s_use_starttls=false × ours tls=Required sasl=Required dialback=true valid certificate (inbound)",
    ),
    receiving_check: rule(
        ReceivingCheck::Never,
        ejabberd!(xmpp, "src/xmpp_stream_out.erl", "732-749"),
    ),
    strict_check: interop(
        StrictCheck::AfterFeatures,
        "ejabberd mod_s2s_dialback access denies ours ×",
    ),
    refuses_in_handshake: interop(false, "ejabberd no mod_s2s_dialback ×"),
    lenient_needs_dialback: rule(false, ejabberd!(xmpp, "src/xmpp_stream_out.erl", "732-749")),
    external_identity: interop(
        ExternalIdentity::Domain,
        "ejabberd example × ours tls=Required sasl=Optional dialback=true valid certificate (inbound)",
    ),
    dialback_offer: interop(DialbackOffer::Always, "ejabberd example ×"),
    dialback_after_sasl_failure: interop(true, "ejabberd example ×"),
    no_method: interop(Ending::Disconnect, "ejabberd no mod_s2s_dialback ×"),
    late_encryption_check: interop(false, "ejabberd s2s_use_starttls=required ×"),
    texts_have_lang: interop(true, "ejabberd s2s_use_starttls=false ×"),
    refused_key: rule(None, ejabberd!("src/mod_s2s_dialback.erl", "281-284")),
    close_after_tls_failure: rule(false, ejabberd!(xmpp, "src/xmpp_stream_out.erl", "599-635")),
    external_offer: interop(ExternalOffer::Encrypted, "ejabberd example ×"),
    empty_mechanisms: interop(true, "ejabberd example ×"),
    sasl_failure_text: interop(
        true,
        "ejabberd example × ours tls=Required sasl=Optional dialback=true",
    ),
    dialback_errors: interop(true, "ejabberd example ×"),
    offers_beside_required_starttls: interop(false, "ejabberd s2s_use_starttls=required ×"),
    required_without_dialback: interop(false, "ejabberd no mod_s2s_dialback ×"),
    required_by_policy: interop(true, "ejabberd s2s_use_starttls=required ×"),
    starttls_without_certificate: rule(
        false,
        ejabberd!(xmpp, "src/xmpp_stream_in.erl", "1067-1078"),
    ),
    dialback_after_tls: interop(true, "ejabberd example ×"),
    dialback_after_sasl: interop(
        true,
        "ejabberd example × ours tls=Required sasl=Optional dialback=true valid certificate (outbound)",
    ),
    nothing_to_offer: interop(
        NothingToOffer::SendsFeatures,
        "ejabberd s2s_use_starttls=false, no mod_s2s_dialback ×",
    ),
    tls_without_certificate: rule(None, ejabberd!(xmpp, "src/xmpp_stream_in.erl", "989-1003")),
    starttls_refusal: interop(None, "ejabberd s2s_use_starttls=false ×"),
    plain_dialback: interop(
        error("policy-violation", Some("Use of STARTTLS required")),
        "ejabberd s2s_use_starttls=required ×",
    ),
    dialback_disabled: interop(
        Some(error("not-authorized", None)),
        "ejabberd no mod_s2s_dialback ×",
    ),
    dialback_trusts_certificate: rule(false, ejabberd!("src/mod_s2s_dialback.erl", "205-221")),
    refuses_verify_before_tls: interop(true, "ejabberd s2s_use_starttls=required ×"),
    answers_repeat_key: rule(false, ejabberd!("src/mod_s2s_dialback.erl", "222-230")),
    keeps_stream_after_invalid_key: rule(false, ejabberd!("src/mod_s2s_dialback.erl", "328-345")),
    after_dialback_error: rule(None, ejabberd!("src/mod_s2s_dialback.erl", "328-345")),
    denial: interop(
        Denial::AfterAuthentication,
        "ejabberd s2s_access denies ours ×",
    ),
    sasl_failure_keeps_stream: interop(
        true,
        "ejabberd no mod_s2s_dialback × ours tls=Required sasl=Optional",
    ),
    unverified: interop(
        Unverified::RemoteServerNotFound,
        "ejabberd s2s_use_starttls=required × ours tls=Optional sasl=Optional dialback=true no certificate (outbound)",
    ),
    verification: interop(Verification::DedicatedStream, "ejabberd example ×"),
    verify_over_keyed_stream: rule(false, ejabberd!("src/mod_s2s_dialback.erl", "205-221")),
    verify_stream_tls: rule(false, ejabberd!("src/mod_s2s_dialback.erl", "205-221")),
};

/// A file of Openfire's server code.
macro_rules! openfire {
    ($version:literal, $path:literal, $lines:literal) => {
        Evidence::Source {
            repository: "igniterealtime/Openfire",
            version: $version,
            path: concat!("xmppserver/src/main/java/org/jivesoftware/openfire/", $path),
            lines: $lines,
        }
    };
}

/// Openfire 4.8 and 4.9, as its source says (tag v4.8.0; v4.8.3 and v4.9.2 are the same for
/// these files, except where Openfire 5 says otherwise).
const OPENFIRE_48: Profile = Profile {
    sasl_required_needs_tls_required: rule(
        false,
        openfire!("v4.8.0", "session/ConnectionSettings.java", "95-130"),
    ),
    dialback_under_secure_auth: rule(
        false,
        openfire!("v4.8.0", "session/ConnectionSettings.java", "95-130"),
    ),
    declares_dialback: rule(
        DeclaresDialback::WhenUsed,
        openfire!("v4.8.0", "nio/NettySessionInitializer.java", "214-231"),
    ),
    dialback_key: rule(
        DialbackKey::Sha1,
        openfire!("v4.8.0", "auth/AuthFactory.java", "195-200"),
    ),
    certificate_words: rule(
        CertificateWords::Status,
        openfire!("v4.8.0", "sasl/ExternalServerSaslServer.java", "75-130"),
    ),
    version_refusal: rule(
        VersionRefusal::Alert,
        openfire!("v4.8.0", "spi/EncryptionArtifactFactory.java", "145-177"),
    ),
    tls_client_needs_certificate: rule(
        false,
        openfire!("v4.8.0", "nio/NettyConnection.java", "347-370"),
    ),
    starttls_unoffered: rule(
        false,
        openfire!(
            "v4.8.0",
            "net/RespondingServerStanzaHandler.java",
            "186-196"
        ),
    ),
    tls_unoffered: rule(
        Ending::Disconnect,
        openfire!(
            "v4.8.0",
            "net/RespondingServerStanzaHandler.java",
            "192-196"
        ),
    ),
    ignores_required_starttls: rule(
        true,
        openfire!(
            "v4.8.0",
            "net/RespondingServerStanzaHandler.java",
            "186-196"
        ),
    ),
    required_starttls: rule(
        Ending::Disconnect,
        openfire!(
            "v4.8.0",
            "net/RespondingServerStanzaHandler.java",
            "186-196"
        ),
    ),
    silent_before_tls: rule(
        true,
        openfire!("v4.8.0", "nio/NettyConnection.java", "189-216"),
    ),
    receiving_check: rule(
        ReceivingCheck::Never,
        openfire!(
            "v4.8.0",
            "nio/NettyOutboundConnectionHandler.java",
            "102-190"
        ),
    ),
    // After the handshake, but with the channel closed at once: nothing on the wire either.
    strict_check: rule(
        StrictCheck::Handshake,
        openfire!(
            "v4.8.0",
            "nio/NettyOutboundConnectionHandler.java",
            "113-127, 155-161"
        ),
    ),
    refuses_in_handshake: rule(
        true,
        openfire!("v4.8.0", "spi/EncryptionArtifactFactory.java", "378-400"),
    ),
    lenient_needs_dialback: rule(
        true,
        openfire!(
            "v4.8.0",
            "nio/NettyOutboundConnectionHandler.java",
            "129-148"
        ),
    ),
    external_identity: rule(
        ExternalIdentity::Domain,
        openfire!(
            "v4.8.0",
            "net/RespondingServerStanzaHandler.java",
            "209-217"
        ),
    ),
    dialback_offer: rule(
        DialbackOffer::Feature,
        openfire!(
            "v4.8.0",
            "net/RespondingServerStanzaHandler.java",
            "89-91, 220-226"
        ),
    ),
    dialback_after_sasl_failure: rule(
        true,
        openfire!(
            "v4.8.0",
            "net/RespondingServerStanzaHandler.java",
            "258-272"
        ),
    ),
    no_method: rule(
        Ending::Close,
        openfire!(
            "v4.8.0",
            "net/RespondingServerStanzaHandler.java",
            "227-230"
        ),
    ),
    texts_have_lang: rule(
        false,
        openfire!("v4.8.0", "nio/NettyConnectionHandler.java", "141-149"),
    ),
    late_encryption_check: rule(
        false,
        openfire!("v4.8.0", "net/StanzaHandler.java", "231-235"),
    ),
    refused_key: rule(
        Some(Ending::Close),
        openfire!(
            "v4.8.0",
            "net/RespondingServerStanzaHandler.java",
            "234-255"
        ),
    ),
    close_after_tls_failure: rule(
        false,
        openfire!(
            "v4.8.0",
            "net/RespondingServerStanzaHandler.java",
            "303-330"
        ),
    ),
    external_offer: rule(
        ExternalOffer::ValidCertificate,
        openfire!("v4.8.0", "net/SASLAuthentication.java", "289-313"),
    ),
    empty_mechanisms: rule(
        true,
        openfire!("v4.8.0", "session/LocalIncomingServerSession.java", "189"),
    ),
    sasl_failure_text: rule(
        false,
        openfire!("v4.8.0", "sasl/ExternalServerSaslServer.java", "122-124"),
    ),
    dialback_errors: rule(
        true,
        openfire!(
            "v4.8.0",
            "session/LocalIncomingServerSession.java",
            "191-197"
        ),
    ),
    offers_beside_required_starttls: rule(
        true,
        openfire!(
            "v4.8.0",
            "session/LocalIncomingServerSession.java",
            "191-197"
        ),
    ),
    required_without_dialback: rule(
        true,
        openfire!(
            "v4.8.0",
            "session/LocalIncomingServerSession.java",
            "174-186"
        ),
    ),
    required_by_policy: rule(
        true,
        openfire!(
            "v4.8.0",
            "session/LocalIncomingServerSession.java",
            "174-186"
        ),
    ),
    starttls_without_certificate: rule(
        false,
        openfire!(
            "v4.8.0",
            "session/LocalIncomingServerSession.java",
            "174-177"
        ),
    ),
    dialback_after_tls: rule(
        false,
        openfire!(
            "v4.8.0",
            "session/LocalIncomingServerSession.java",
            "430-443"
        ),
    ),
    dialback_after_sasl: rule(
        false,
        openfire!(
            "v4.8.0",
            "session/LocalIncomingServerSession.java",
            "430-443"
        ),
    ),
    nothing_to_offer: rule(
        NothingToOffer::SendsFeatures,
        openfire!("v4.8.0", "net/StanzaHandler.java", "485-503"),
    ),
    tls_without_certificate: rule(
        Some(error(
            "internal-server-error",
            Some("Unable to create a session."),
        )),
        openfire!("v4.8.0", "net/StanzaHandler.java", "698-718"),
    ),
    starttls_refusal: rule(
        Some(error(
            "not-authorized",
            Some(
                "A request to negotiate TLS is denied, as TLS has been disabled by configuration.",
            ),
        )),
        openfire!("v4.8.0", "net/StanzaHandler.java", "456-463"),
    ),
    plain_dialback: rule(
        error(
            "not-authorized",
            Some("TLS is mandatory, but was established."),
        ),
        openfire!("v4.8.0", "net/StanzaHandler.java", "231-235, 647-652"),
    ),
    dialback_disabled: rule(
        Some(error(
            "policy-violation",
            Some("Dialback has been disabled by configuration."),
        )),
        openfire!("v4.8.0", "server/ServerDialback.java", "528-530"),
    ),
    dialback_trusts_certificate: rule(
        true,
        openfire!("v4.8.0", "server/ServerDialback.java", "554-559"),
    ),
    refuses_verify_before_tls: rule(
        true,
        openfire!("v4.8.0", "net/StanzaHandler.java", "231-235, 647-652"),
    ),
    answers_repeat_key: rule(
        false,
        openfire!("v4.8.0", "server/ServerDialback.java", "928-936"),
    ),
    keeps_stream_after_invalid_key: rule(
        false,
        openfire!(
            "v4.8.0",
            "session/LocalIncomingServerSession.java",
            "303-311"
        ),
    ),
    after_dialback_error: rule(
        Some(error(
            "internal-server-error",
            Some("An error occurred while processing data raw inbound data."),
        )),
        openfire!("v4.8.0", "net/ServerStanzaHandler.java", "84-88"),
    ),
    denial: rule(
        Denial::AtStream,
        openfire!("v4.8.0", "server/ServerDialback.java", "518-545"),
    ),
    sasl_failure_keeps_stream: rule(
        true,
        openfire!("v4.8.0", "net/SASLAuthentication.java", "431-449"),
    ),
    unverified: rule(
        Unverified::RemoteServerTimeout,
        openfire!("v4.8.0", "server/ServerDialback.java", "762-803"),
    ),
    verification: rule(
        Verification::VerifyOnly,
        openfire!("v4.8.0", "server/ServerDialback.java", "565-603"),
    ),
    verify_over_keyed_stream: rule(
        false,
        openfire!("v4.8.0", "server/ServerDialback.java", "565-581"),
    ),
    verify_stream_tls: rule(
        true,
        openfire!("v4.8.0", "server/ServerDialback.java", "583-603"),
    ),
};

/// Openfire 5.1, as its source says (tag v5.1.1; main is the same for these files): stream
/// errors with texts where 4.8 closed without a word, and no plain authentication against a
/// server that requires TLS.
const OPENFIRE_51: Profile = Profile {
    tls_unoffered: rule(
        error(
            "policy-violation",
            Some("Encryption (TLS) required by our server configuration, but not offered by you."),
        ),
        openfire!(
            "v5.1.1",
            "net/RespondingServerStanzaHandler.java",
            "197-201"
        ),
    ),
    ignores_required_starttls: rule(
        false,
        openfire!(
            "v5.1.1",
            "net/RespondingServerStanzaHandler.java",
            "202-206"
        ),
    ),
    required_starttls: rule(
        error(
            "policy-violation",
            Some("Encryption (TLS) disabled by our server configuration, but required by you."),
        ),
        openfire!(
            "v5.1.1",
            "net/RespondingServerStanzaHandler.java",
            "202-206"
        ),
    ),
    no_method: rule(
        error(
            "policy-violation",
            Some("No applicable authentication mechanism available."),
        ),
        openfire!(
            "v5.1.1",
            "net/RespondingServerStanzaHandler.java",
            "234-238"
        ),
    ),
    plain_dialback: rule(
        error(
            "not-authorized",
            Some("TLS is mandatory, but was not established."),
        ),
        openfire!("v5.0.4", "net/StanzaHandler.java", "640-642"),
    ),
    ..OPENFIRE_48
};

/// Openfire 4.7, as its source says (tag v4.7.5): blocking sockets, no strict validation
/// setting, and its own rules for STARTTLS and dialback.
const OPENFIRE_47: Profile = Profile {
    declares_dialback: rule(
        DeclaresDialback::Always,
        openfire!(
            "v4.7.5",
            "session/LocalOutgoingServerSession.java",
            "297-305"
        ),
    ),
    tls_unoffered: rule(
        Ending::Close,
        openfire!(
            "v4.7.5",
            "session/LocalOutgoingServerSession.java",
            "366-370"
        ),
    ),
    ignores_required_starttls: rule(
        true,
        openfire!(
            "v4.7.5",
            "session/LocalOutgoingServerSession.java",
            "353-389"
        ),
    ),
    silent_before_tls: rule(
        false,
        openfire!("v4.7.5", "net/SocketConnection.java", "479-517"),
    ),
    lenient_needs_dialback: rule(
        true,
        openfire!(
            "v4.7.5",
            "session/LocalOutgoingServerSession.java",
            "473-480"
        ),
    ),
    external_identity: rule(
        ExternalIdentity::Domain,
        openfire!(
            "v4.7.5",
            "session/LocalOutgoingServerSession.java",
            "631-642"
        ),
    ),
    dialback_offer: rule(
        DialbackOffer::FeatureBeforeTls,
        openfire!(
            "v4.7.5",
            "session/LocalOutgoingServerSession.java",
            "372-389, 549-558"
        ),
    ),
    dialback_after_sasl_failure: rule(
        true,
        openfire!(
            "v4.7.5",
            "session/LocalOutgoingServerSession.java",
            "549-558"
        ),
    ),
    no_method: rule(
        Ending::Close,
        openfire!(
            "v4.7.5",
            "session/LocalOutgoingServerSession.java",
            "399-404"
        ),
    ),
    refused_key: rule(
        Some(Ending::Close),
        openfire!(
            "v4.7.5",
            "session/LocalOutgoingServerSession.java",
            "509-567"
        ),
    ),
    required_by_policy: rule(
        false,
        openfire!(
            "v4.7.5",
            "session/LocalIncomingServerSession.java",
            "173-199"
        ),
    ),
    starttls_without_certificate: rule(
        true,
        openfire!(
            "v4.7.5",
            "session/LocalIncomingServerSession.java",
            "148-166, 178"
        ),
    ),
    dialback_after_tls: rule(
        false,
        openfire!(
            "v4.7.5",
            "session/LocalIncomingServerSession.java",
            "366-377"
        ),
    ),
    dialback_after_sasl: rule(
        false,
        openfire!(
            "v4.7.5",
            "session/LocalIncomingServerSession.java",
            "366-377"
        ),
    ),
    tls_without_certificate: rule(
        Some(Ending::Close),
        openfire!(
            "v4.7.5",
            "session/LocalIncomingServerSession.java",
            "148-166"
        ),
    ),
    starttls_refusal: rule(
        Some(error("not-authorized", None)),
        openfire!("v4.7.5", "net/SocketReadingMode.java", "67-79"),
    ),
    plain_dialback: rule(
        error("policy-violation", None),
        openfire!("v4.7.5", "server/ServerDialback.java", "485-491"),
    ),
    dialback_disabled: rule(
        None,
        openfire!("v4.7.5", "server/ServerDialback.java", "477-636"),
    ),
    dialback_trusts_certificate: rule(
        true,
        openfire!("v4.7.5", "server/ServerDialback.java", "519-532"),
    ),
    after_dialback_error: rule(
        Some(Ending::Close),
        openfire!("v4.7.5", "net/ServerSocketReader.java", "133-141"),
    ),
    ..OPENFIRE_48
};

impl Semantics {
    /// The server's profile: how it negotiates where servers differ.
    pub fn profile(self) -> &'static Profile {
        match self {
            Semantics::Xmpp => &RFC,
            Semantics::Lync => &LYNC,
            Semantics::Prosody => &PROSODY,
            Semantics::Ejabberd => &EJABBERD,
            Semantics::Openfire => &OPENFIRE_51,
            Semantics::Openfire48 => &OPENFIRE_48,
            Semantics::Openfire47 => &OPENFIRE_47,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A rule about a real server that differs from the RFC's rests on evidence of that server:
    /// a case of the interop suite or a file and line range of its source, never a
    /// specification section; for Openfire, which cannot run here, its source.
    #[test]
    fn every_difference_from_the_rfc_rests_on_evidence() {
        let rfc = Semantics::Xmpp.profile().behaviours();
        for semantics in [
            Semantics::Prosody,
            Semantics::Ejabberd,
            Semantics::Openfire,
            Semantics::Openfire48,
            Semantics::Openfire47,
        ] {
            for (behaviour, baseline) in semantics.profile().behaviours().iter().zip(&rfc) {
                assert_eq!(behaviour.name, baseline.name);
                let proven = match behaviour.evidence {
                    Evidence::Interop { .. } => !semantics.name().starts_with("Openfire"),
                    Evidence::Source { .. } => true,
                    Evidence::Spec { .. } | Evidence::Documentation { .. } => false,
                };
                assert!(
                    behaviour.value == baseline.value || proven,
                    "{semantics:?}: `{}` is {} without evidence of the server ({})",
                    behaviour.name,
                    behaviour.value,
                    behaviour.evidence
                );
            }
        }
    }

    /// The probe recognises Prosody by a dialback feature without `<errors/>`: that holds only
    /// while no other profile offers it so.
    #[test]
    fn only_prosody_offers_dialback_without_errors() {
        let without: Vec<Semantics> = Semantics::ALL
            .into_iter()
            .filter(|s| !s.profile().dialback_errors.value)
            .collect();
        assert_eq!(without, [Semantics::Prosody]);
    }

    /// Lines are ranges of numbers, paths are files.
    #[test]
    fn source_evidence_names_files_and_lines() {
        for semantics in Semantics::ALL {
            for behaviour in semantics.profile().behaviours() {
                if let Evidence::Source { path, lines, .. } = behaviour.evidence {
                    assert!(
                        path.contains('.'),
                        "{semantics:?} {}: {path}",
                        behaviour.name
                    );
                    assert!(
                        !lines.is_empty()
                            && lines
                                .chars()
                                .all(|c| c.is_ascii_digit() || matches!(c, '-' | ',' | ' ')),
                        "{semantics:?} {}: lines `{lines}`",
                        behaviour.name
                    );
                }
            }
        }
    }
}
