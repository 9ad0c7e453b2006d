//! What the state machines consume and produce. They do no I/O: a driver resolves DNS, carries
//! bytes, runs the TLS handshake and reaches the authoritative server, and reports back.

use super::peer::{Certificate, Peer};
use super::profile::Ending;
use super::scenario::DnsRecord;
use super::xml::{Element, StreamEvent, ns};
use crate::domain::Domain;
use crate::matrix::AuthenticationMethod;

/// A setting of a peer's policy, for causes and faults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Field {
    Tls,
    Sasl,
    Dialback,
    Certificate,
    Strict,
    /// Which domains the server federates with (our partner list).
    Accepts,
    /// Which domains its access rules deny.
    Denied,
}

/// The local setting that made a machine act: the driver turns it into a [`Setting`] of the
/// right side.
///
/// [`Setting`]: super::scenario::Setting
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cause {
    pub field: Field,
    pub value: String,
}

impl Cause {
    pub fn tls(peer: &Peer) -> Cause {
        Cause {
            field: Field::Tls,
            value: peer.tls.name().to_owned(),
        }
    }

    pub fn sasl(peer: &Peer) -> Cause {
        Cause {
            field: Field::Sasl,
            value: peer.sasl.name().to_owned(),
        }
    }

    pub fn dialback(peer: &Peer) -> Cause {
        Cause {
            field: Field::Dialback,
            value: peer.dialback.to_string(),
        }
    }

    /// The setting that decides whether dialback is used: dialback itself, unless SASL
    /// `Required` (secure authentication) turns it off.
    pub fn dialback_use(peer: &Peer) -> Cause {
        if peer.dialback && !peer.uses_dialback() {
            Cause::sasl(peer)
        } else {
            Cause::dialback(peer)
        }
    }

    pub fn strict(peer: &Peer) -> Cause {
        Cause {
            field: Field::Strict,
            value: peer.strict_certificate_validation.to_string(),
        }
    }

    pub fn certificate(peer: &Peer) -> Cause {
        Cause {
            field: Field::Certificate,
            value: peer.certificate.name().to_owned(),
        }
    }
}

/// Why a stream header is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Restart {
    Initial,
    AfterTls,
    AfterSasl,
}

/// Where DNS led.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Endpoint {
    pub host: String,
    pub port: u16,
}

/// What a machine is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input {
    /// The answer to a [`Action::Resolve`].
    Resolved(Result<Endpoint, DnsRecord>),
    /// The TCP connection is open.
    Connected,
    /// The TCP connection could not be opened: refused, or timed out.
    ConnectFailed(String),
    /// Something arrived on the stream.
    Received(StreamEvent),
    /// The TLS handshake completed; the certificate the other side presented, if any.
    TlsEstablished { peer: Option<Certificate> },
    /// The other side closed the TCP connection.
    ConnectionClosed,
    /// The authoritative server's answer to a [`Action::Verify`].
    Verified(Verification),
    /// No answer to a [`Action::Verify`] will come: the stream that was to carry it failed
    /// (some servers send `<db:verify/>` only over an authenticated stream of their own); what
    /// ended that stream, in the verifying server's words, when it says.
    Unanswered(Option<String>),
}

/// The authoritative server's answer about a dialback key (XEP-0220 step 3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verification {
    Valid,
    Invalid,
    /// A dialback error condition: `remote-server-not-found`, `remote-connection-failed`.
    Error(&'static str),
}

impl Verification {
    /// What a dialback answer says: a `<db:verify/>` from the authoritative server, or a
    /// `<db:result/>` from the receiving server, of type `valid`, `invalid` or `error` with its
    /// stanza error condition (XEP-0220 §2.5).
    pub(crate) fn of_answer(answer: &Element) -> Verification {
        match answer.get("type") {
            Some("valid") => Verification::Valid,
            Some("invalid") => Verification::Invalid,
            _ => Verification::Error(stanza_condition(
                answer
                    .find("error", ns::SERVER)
                    .and_then(|error| error.elements().next())
                    .map(|condition| condition.local.as_str()),
            )),
        }
    }
}

/// The defined stanza error conditions (RFC 6120 §8.3.3), with XEP-0220's dialback ones.
const STANZA_CONDITIONS: [&str; 23] = [
    "bad-request",
    "conflict",
    "feature-not-implemented",
    "forbidden",
    "gone",
    "internal-server-error",
    "item-not-found",
    "jid-malformed",
    "not-acceptable",
    "not-allowed",
    "not-authorized",
    "policy-violation",
    "recipient-unavailable",
    "redirect",
    "registration-required",
    "remote-connection-failed",
    "remote-server-not-found",
    "remote-server-timeout",
    "resource-constraint",
    "service-unavailable",
    "subscription-required",
    "undefined-condition",
    "unexpected-request",
];

/// A stanza error condition by name; anything undefined is `undefined-condition`.
fn stanza_condition(name: Option<&str>) -> &'static str {
    name.and_then(|n| STANZA_CONDITIONS.iter().find(|c| **c == n).copied())
        .unwrap_or("undefined-condition")
}

/// A dialback key to check with the authoritative server of the sender domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct VerifyRequest {
    /// The receiving server's domain (the target domain).
    pub receiving: Domain,
    /// The sender domain.
    pub originating: Domain,
    /// The id of the stream the receiving server opened towards the initiating server.
    pub stream_id: String,
    pub key: String,
}

/// What a machine asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Action {
    Resolve(Domain),
    Connect(Endpoint),
    /// Send a stream header (the driver writes the XML declaration before it).
    Header(Element, Note),
    Send(Element, Note),
    /// Send `</stream:stream>`.
    Close(Note),
    /// Close the TCP connection without a word.
    Disconnect(Note),
    /// Ready for the TLS handshake.
    StartTls,
    Verify(VerifyRequest),
    /// The stream may now carry the verification request it was opened for (a dedicated
    /// verification stream, after its authentication attempt).
    Carry,
    /// The verification a dedicated stream carried has its answer, now that the stream is
    /// closed.
    Answered(Verification),
    Finish(Result<Done, Failed>),
}

/// A stream that is authenticated and carries stanzas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Done {
    pub method: AuthenticationMethod,
    pub encrypted: bool,
    /// The other side's certificate as this side judged it, when TLS ran.
    pub peer_certificate: Option<Certificate>,
}

/// Why a machine gave up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failed {
    pub condition: super::trace::Condition,
    pub reason: Reason,
}

/// The cause of a failure, in the terms the fault rules need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reason {
    /// DNS gave no server for the target domain.
    Dns,
    /// The domain is not an allowed partner.
    NotAllowed,
    /// The partner's access rules deny our domain.
    Denied,
    /// The target domain is not served here.
    HostUnknown,
    /// A certificate was rejected: the local side's (true) or the peer's (false).
    Certificate { local: bool },
    /// The local side (true) or the peer (false) cannot do TLS that the other requires.
    TlsUnavailable { local: bool },
    /// No authentication method both sides accept.
    NoCommonMethod,
    /// The authoritative server could not be reached or found.
    Authoritative,
    /// The dialback key did not verify.
    KeyInvalid,
    /// The other side closed the stream or the connection.
    PeerClosed,
    /// No TCP connection could be opened to the other side's server.
    Unreachable,
    /// The other side sent nothing in time, or something unreadable (probe).
    #[cfg_attr(not(feature = "probe"), allow(dead_code))]
    Silent,
    /// The key could not be verified because the stream that was to carry the verification
    /// failed; the fault is that stream's.
    Unverified,
    /// A server requires encryption it cannot do (Prosody's `s2s_require_encryption` without
    /// a TLS context).
    EncryptionUnavailable,
    /// The simulation reached no outcome: an internal error, nobody's fault.
    Stalled,
    /// The two sides have no TLS version in common; the side named is the one to change.
    TlsVersion { initiating_at_fault: bool },
}

/// What a step means: its kind and the data its texts need, and the setting that caused it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Note {
    pub kind: NoteKind,
    pub cause: Option<Cause>,
}

impl Note {
    pub fn new(kind: NoteKind) -> Note {
        Note { kind, cause: None }
    }

    pub fn because(kind: NoteKind, cause: Cause) -> Note {
        Note {
            kind,
            cause: Some(cause),
        }
    }
}

/// The kinds of step, with what their texts need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NoteKind {
    StreamOpen {
        restart: Restart,
        dialback: bool,
    },
    StreamAccept {
        restart: Restart,
        dialback: bool,
    },
    Features(Offer),
    StartTls {
        offered: bool,
    },
    Proceed,
    TlsRefused,
    Auth {
        /// The authorization identity sent, when not `=` (none).
        identity: Option<String>,
    },
    SaslSuccess,
    SaslFailure {
        /// Whether the receiving server keeps the stream open, for dialback.
        stays_open: bool,
    },
    DialbackKey {
        stream_id: String,
    },
    DialbackResult(Verification),
    /// The receiving server refuses the dialback key: its access rules deny the sender domain.
    DialbackDenied,
    VerifyOpen,
    VerifyRequest {
        stream_id: String,
    },
    VerifyAnswer {
        valid: bool,
    },
    VerifyClose,
    StreamError {
        condition: &'static str,
        /// The error's text, when it has one.
        text: Option<String>,
        reason: ErrorReason,
    },
    /// A closing tag, or a closed connection, that ends the stream without a stream error.
    Abandon {
        reason: ErrorReason,
        /// Whether the TCP connection closes without even a closing tag.
        disconnect: bool,
    },
    Close,
    Stanza,
    /// A stream error the other side sent, as a probe observes it on a real stream.
    #[cfg_attr(not(feature = "probe"), allow(dead_code))]
    PeerError {
        condition: &'static str,
        text: Option<String>,
    },
    /// An element no machine knows, as a probe observes it.
    #[cfg_attr(not(feature = "probe"), allow(dead_code))]
    Unknown {
        name: String,
    },
}

/// What a receiving server offered in one features element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Offer {
    /// `Some(required)` when STARTTLS is offered.
    pub starttls: Option<bool>,
    pub external: bool,
    pub dialback: bool,
    /// Whether the dialback feature announces error handling (XEP-0220 §2.4.2 `<errors/>`).
    pub dialback_errors: bool,
    /// After SASL: nothing left to negotiate.
    pub complete: bool,
}

/// Why a stream error is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ErrorReason {
    /// The peer requires TLS, which the local side does not support.
    TlsNotSupported,
    /// Nothing the peer offered is an authentication method the local side uses.
    NoViableMethod,
    /// The local side requires a valid certificate (secure authentication).
    SecureAuth { status: Certificate },
    /// Dialback is disabled locally.
    DialbackDisabled,
    /// Dialback was asked for on an unencrypted stream, and the local side requires TLS.
    DialbackWithoutTls,
    /// The sender domain is not an allowed partner.
    NotAllowed,
    /// The stream is addressed to a domain not served here.
    HostUnknown,
    /// TLS is required, but the server has no certificate to offer it with.
    TlsWithoutCertificate,
    /// The receiving server has no authentication method to offer: no SASL EXTERNAL for this
    /// certificate, and no dialback.
    NothingToOffer,
    /// The server requires encryption and the stream has none (Prosody's
    /// `s2s_require_encryption`, checked late): after authenticating it, or, as initiating
    /// server, when nothing else took the features.
    EncryptionRequired { authenticated: bool },
    /// The authoritative server did not confirm the key (Prosody as initiating server).
    DialbackRefused,
    /// The receiving server could not verify the key: its own stream to the authoritative
    /// server failed, and it waited until its timeout (Prosody's `s2s_timeout`).
    VerificationTimedOut,
    /// The initiating server requires TLS, and the receiving server did not offer it.
    TlsNotOffered,
    /// The initiating server does not accept the receiving server's certificate (strict
    /// validation, checked after the handshake).
    CertificateRefused { status: Certificate },
    /// STARTTLS was asked of a server that does not do TLS.
    TlsDisabled,
    /// The authoritative server could not confirm the key; the stream ends after the dialback
    /// error.
    AfterDialbackError,
    /// The receiving server's access rules deny the sender domain: it refuses the stanza.
    Denied,
}

/// A certificate that a side refuses in the TLS handshake (RFC 6120 §13.7.2), and the setting
/// that makes it refuse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rejection {
    pub status: Certificate,
    pub cause: Cause,
}

/// Stream ids from a seed: unpredictable enough for a simulation, and the same for the same
/// seed. A real server seeds this from the operating system's random source.
#[derive(Debug, Clone)]
pub(crate) struct StreamIds(u64);

impl StreamIds {
    pub fn new(seed: u64) -> StreamIds {
        StreamIds(seed)
    }

    /// The next id: 16 hexadecimal digits (splitmix64).
    pub fn next(&mut self) -> String {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        format!("{:016x}", z ^ (z >> 31))
    }
}

/// A stream header (RFC 6120 §4.7): `jabber:server` content, the stream prefix, and the
/// dialback prefix when dialback is supported (XEP-0220 §2.4.1).
pub(crate) fn header(from: &Domain, to: &Domain, id: Option<&str>, dialback: bool) -> Element {
    let mut header = Element::prefixed("stream", "stream", ns::STREAM);
    header.declarations = vec![
        (None, ns::SERVER.to_owned()),
        (Some("stream".to_owned()), ns::STREAM.to_owned()),
    ];
    if dialback {
        header
            .declarations
            .push((Some("db".to_owned()), ns::DIALBACK.to_owned()));
    }
    let mut header = header.attr("from", from.as_str()).attr("to", to.as_str());
    if let Some(id) = id {
        header = header.attr("id", id);
    }
    // RFC 6120 §4.7.4: the response header MUST carry xml:lang, the initial one SHOULD.
    header.attr("version", "1.0").attr("xml:lang", "en")
}

/// Ends a stream with a stream error (RFC 6120 §4.9.1.1): the error, then `close` (the closing
/// tag, unless it was sent already), then the failure. With `lang`, the text says it is English.
pub(crate) fn ending(
    condition: &'static str,
    text: Option<&str>,
    reason: ErrorReason,
    cause: Option<Cause>,
    close: Vec<Action>,
    failure: Reason,
    lang: bool,
) -> Vec<Action> {
    let mut actions = vec![Action::Send(
        super::xml::stream_error(condition, text, lang),
        Note {
            kind: NoteKind::StreamError {
                condition,
                text: text.map(str::to_owned),
                reason,
            },
            cause,
        },
    )];
    actions.extend(close);
    actions.push(Action::Finish(Err(Failed {
        condition: super::trace::Condition::StreamError {
            condition: condition.to_owned(),
        },
        reason: failure,
    })));
    actions
}

/// Ends a stream as a server's profile says: with a stream error and the closing tag, with a
/// bare closing tag, or by closing the connection; then the failure. `closed` tells whether the
/// closing tag was sent already, and is set.
pub(crate) fn abandon(
    how: Ending,
    reason: ErrorReason,
    cause: Option<Cause>,
    closed: &mut bool,
    failure: Reason,
    lang: bool,
) -> Vec<Action> {
    let close_once = |closed: &mut bool, note: Note| {
        if std::mem::replace(closed, true) {
            Vec::new()
        } else {
            vec![Action::Close(note)]
        }
    };
    let mut actions = match how {
        Ending::StreamError { condition, text } => {
            let close = close_once(closed, Note::new(NoteKind::Close));
            return ending(condition, text, reason, cause, close, failure, lang);
        }
        Ending::Close => close_once(
            closed,
            Note {
                kind: NoteKind::Abandon {
                    reason,
                    disconnect: false,
                },
                cause,
            },
        ),
        Ending::Disconnect => {
            *closed = true;
            vec![Action::Disconnect(Note {
                kind: NoteKind::Abandon {
                    reason,
                    disconnect: true,
                },
                cause,
            })]
        }
    };
    actions.push(Action::Finish(Err(Failed {
        condition: super::trace::Condition::ConnectionClosed,
        reason: failure,
    })));
    actions
}

/// Whether a header declares the dialback namespace.
pub(crate) fn declares_dialback(header: &Element) -> bool {
    header
        .declarations
        .iter()
        .any(|(_, uri)| uri == ns::DIALBACK)
}
