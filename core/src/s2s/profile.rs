//! How each server differs: a profile of named behaviours that the machines consult, each with
//! the evidence it rests on.
//!
//! The machines follow RFC 6120 and XEP-0220 where a profile says nothing special. Where real
//! servers do something else (Prosody sends its key whatever was offered, ejabberd offers SASL
//! EXTERNAL on every encrypted stream, ...), the difference is one named behaviour here, and
//! the machine asks the profile instead of asking which server it is. A new server is a new
//! profile. `docs/profiles.md` prints every profile as one table (`cargo xtask docs`).

use std::fmt;

use serde::Serialize;

use super::peer::Semantics;

/// Where a behaviour is known from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", tag = "kind")]
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

/// A behaviour's value in one profile, and where it is known from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Rule<T> {
    /// What the server does.
    pub value: T,
    /// How that is known.
    pub evidence: Evidence,
}

const fn spec<T>(value: T, section: &'static str) -> Rule<T> {
    Rule {
        value,
        evidence: Evidence::Spec { section },
    }
}

const fn interop<T>(value: T, cases: &'static str) -> Rule<T> {
    Rule {
        value,
        evidence: Evidence::Interop { cases },
    }
}

const fn source<T>(
    value: T,
    repository: &'static str,
    version: &'static str,
    path: &'static str,
    lines: &'static str,
) -> Rule<T> {
    Rule {
        value,
        evidence: Evidence::Source {
            repository,
            version,
            path,
            lines,
        },
    }
}

const fn documented<T>(value: T, source: &'static str) -> Rule<T> {
    Rule {
        value,
        evidence: Evidence::Documentation { source },
    }
}

/// How a server ends a stream it gives up on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", tag = "kind")]
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
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
        #[serde(rename_all = "camelCase")]
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
    }
}

macro_rules! profile {
    ($($(#[doc = $doc:literal])* $field:ident : $type:ty,)*) => {
        /// How one server negotiates where the specifications leave room or real servers differ:
        /// one named behaviour per field, each with its evidence.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
        #[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
        #[serde(rename_all = "camelCase")]
        #[non_exhaustive]
        pub struct Profile {
            $($(#[doc = $doc])* pub $field: Rule<$type>,)*
        }

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Behaviour {
    /// The field's name, such as `externalOffer`.
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
    /// Whether it needs a certificate of its own to start TLS as the initiating server.
    tls_client_needs_certificate: bool,
    /// Whether, as initiating server without TLS, it goes on to authenticate when the receiving
    /// server requires STARTTLS, instead of giving up.
    ignores_required_starttls: bool,
    /// As initiating server with secure authentication: when it checks the receiving server's
    /// certificate.
    receiving_check: ReceivingCheck,
    /// As initiating server: what it sends as SASL EXTERNAL's authorization identity.
    external_identity: ExternalIdentity,
    /// As initiating server: whether it sends its dialback key whatever the receiving server
    /// offered or declared.
    dialback_unoffered: bool,
    /// As initiating server: how it gives up when nothing offered is a method it uses.
    no_method: Ending,
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
    /// As receiving server: whether its dialback feature announces error handling
    /// (`<errors/>`, XEP-0220 §2.5).
    dialback_errors: bool,
    /// As receiving server: whether it offers dialback and SASL EXTERNAL next to a required
    /// STARTTLS, rather than nothing else before TLS.
    offers_beside_required_starttls: bool,
    /// As receiving server: whether it still offers dialback after SASL.
    dialback_after_sasl: bool,
    /// As receiving server: how it ends a stream when it has no authentication method to
    /// offer; `None` follows RFC 6120 (see the simulator's documentation).
    nothing_to_offer: Option<Ending>,
    /// As receiving server: whether `<db:result/>` and `<db:verify/>` answers repeat the key.
    answers_repeat_key: bool,
    /// As receiving server: whether it keeps the stream open after a key that did not verify.
    keeps_stream_after_invalid_key: bool,
    /// As receiving server: how it checks a dialback key with the authoritative server.
    verification: Verification,
    /// Whether its outgoing stream to the sender domain carries a `<db:verify/>` before it is
    /// authenticated, once it has sent its own dialback key on it (rather than only once
    /// authenticated).
    verify_over_keyed_stream: bool,
    /// How it words certificate problems.
    certificate_words: CertificateWords,
}

const RFC: Profile = Profile {
    sasl_required_needs_tls_required: spec(false, "RFC 6120 §6"),
    dialback_under_secure_auth: spec(false, "RFC 6120 §13.14, XEP-0178 §3"),
    tls_client_needs_certificate: spec(false, "RFC 6120 §5.4.3.1"),
    ignores_required_starttls: spec(false, "RFC 6120 §4.9.3.23"),
    receiving_check: spec(ReceivingCheck::AfterFeatures, "RFC 6120 §13.7.2"),
    external_identity: spec(ExternalIdentity::Empty, "RFC 6120 §6.3.8"),
    dialback_unoffered: spec(false, "XEP-0220 §2.4"),
    no_method: spec(
        error(
            "unsupported-feature",
            Some("No viable authentication method offered"),
        ),
        "RFC 6120 §4.9.3.23",
    ),
    late_encryption_check: spec(false, "XEP-0220 §2.5"),
    refused_key: spec(None, "XEP-0220 §2.2.1"),
    close_after_tls_failure: spec(false, "RFC 6120 §5.4.2.2"),
    external_offer: spec(
        ExternalOffer::ValidCertificate,
        "RFC 6120 §6.3.4, XEP-0178 §3",
    ),
    dialback_errors: spec(true, "XEP-0220 §2.4.2, §2.5"),
    offers_beside_required_starttls: spec(false, "RFC 6120 §5.3.1"),
    dialback_after_sasl: spec(false, "RFC 6120 §6.4.6"),
    nothing_to_offer: spec(None, "RFC 6120 §4.3.2, §6.4.5"),
    answers_repeat_key: spec(false, "XEP-0220 §2.2"),
    keeps_stream_after_invalid_key: spec(false, "XEP-0220 §2.2.1"),
    verification: spec(Verification::VerifyOnly, "XEP-0220 §2.1.2"),
    verify_over_keyed_stream: spec(false, "XEP-0220 §2.1.2"),
    certificate_words: spec(CertificateWords::Status, "RFC 6120 §13.7.2"),
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
    dialback_unoffered: interop(
        true,
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
        "179-185",
    ),
    close_after_tls_failure: interop(true, "prosody defaults × ours tls=NotSupported"),
    dialback_errors: interop(false, "prosody defaults ×"),
    offers_beside_required_starttls: interop(true, "prosody defaults ×"),
    dialback_after_sasl: interop(
        true,
        "prosody defaults × ours tls=Required sasl=Optional dialback=true valid certificate (outbound)",
    ),
    nothing_to_offer: interop(
        Some(error(
            "undefined-condition",
            Some("No stream features to offer"),
        )),
        "prosody s2s_allow_encryption=false, no dialback ×",
    ),
    answers_repeat_key: interop(
        true,
        "prosody s2s_require_encryption=false × ours tls=NotSupported",
    ),
    keeps_stream_after_invalid_key: source(
        true,
        "prosody",
        "0.12.3",
        "plugins/mod_dialback.lua",
        "146-160",
    ),
    verification: interop(
        Verification::OwnStream,
        "prosody defaults × ours tls=Optional sasl=Optional dialback=true no certificate (outbound)",
    ),
    certificate_words: interop(
        CertificateWords::ProsodyOpenSsl3,
        "prosody s2s_secure_auth=true, self-signed",
    ),
    verify_over_keyed_stream: source(true, "prosody", "0.12.3", "plugins/mod_s2s.lua", "167-207"),
    ..RFC
};

/// ejabberd: offers SASL EXTERNAL on every encrypted stream and checks the certificate on
/// `<auth/>`.
const EJABBERD: Profile = Profile {
    external_offer: source(
        ExternalOffer::Encrypted,
        "processone/xmpp",
        "1.6.1",
        "src/xmpp_stream_in.erl",
        "",
    ),
    ..RFC
};

impl Semantics {
    /// The server's profile: how it negotiates where servers differ.
    pub fn profile(self) -> &'static Profile {
        match self {
            Semantics::Xmpp => &RFC,
            Semantics::Lync => &LYNC,
            Semantics::Prosody => &PROSODY,
            Semantics::Ejabberd => &EJABBERD,
        }
    }
}
