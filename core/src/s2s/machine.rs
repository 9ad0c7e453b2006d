//! The negotiation as a protocol: three sans-IO state machines, one per XEP-0220 role, and
//! what they consume and produce.
//!
//! - [`Initiating`]: the initiating server (XEP-0220 §1.3). It resolves the target domain,
//!   opens the stream, and negotiates STARTTLS, then SASL EXTERNAL or dialback, as its
//!   [`Peer`] policy allows.
//! - [`Receiving`]: the receiving server. It answers a stream, offers its features, judges the
//!   initiating server's certificate and checks dialback keys through the driver. With
//!   [`Receiving::with_authority`] it also answers `<db:verify/>` as the authoritative server.
//! - [`Verifier`]: the receiving server's verify-only stream to the authoritative server
//!   (XEP-0220 §2.1.2).
//!
//! All three implement [`Machine`]. They do no I/O, read no clock and use no randomness. A
//! driver owns the sockets and feeds the machine an [`Input`] for everything that happens; the
//! machine answers with [`Action`]s, which the driver performs in order:
//!
//! | Action | What the driver does | What it feeds back |
//! |---|---|---|
//! | [`Action::Resolve`] | looks up the domain's server (RFC 6120 §3.2) | [`Input::Resolved`] |
//! | [`Action::Connect`] | opens a TCP connection | [`Input::Connected`] or [`Input::ConnectFailed`] |
//! | [`Action::Header`] | writes the XML declaration and [`stream_header`] of the element | the other side's bytes, parsed by a [`StreamParser`], as [`Input::Received`] |
//! | [`Action::Send`] | writes [`Element::to_xml`] | as above |
//! | [`Action::Close`] | writes [`STREAM_CLOSE`] (once per stream) | as above |
//! | [`Action::Disconnect`] | closes the TCP connection without a word | nothing |
//! | [`Action::StartTls`] | runs the TLS handshake on the connection, then restarts its parser | [`Input::TlsEstablished`], or [`Input::ConnectionClosed`] when it fails |
//! | [`Action::Verify`] | asks the authoritative server about a dialback key, for example with a [`Verifier`] on a new connection | [`Input::Verified`], or [`Input::Unanswered`] |
//! | [`Action::Carry`] | sends the `<db:verify/>` requests it holds for this stream | the answers, as [`Input::Received`] |
//! | [`Action::Answered`] | hands the verification to the receiving machine that asked for it | that machine gets [`Input::Verified`] |
//! | [`Action::Finish`] | the stream is authenticated ([`Done`]) or has failed ([`StreamFailure`]) | nothing more is needed |
//!
//! Whenever the connection closes, the driver feeds [`Input::ConnectionClosed`]. Each
//! [`Action::Header`], [`Action::Send`], [`Action::Close`] and [`Action::Disconnect`] carries a
//! [`Note`]: what the step means and the local setting that caused it, for the driver's record
//! (see [`Recorder`](super::record::Recorder)).
//!
//! A machine that receives something it does not expect at that point ends the stream with a
//! stream error and fails with [`Blame::PeerMisbehaved`]: the fault is the peer's. An input
//! that only a driver can get wrong (a handshake result while no handshake runs) fails with
//! [`Blame::Internal`], which blames nobody.
//!
//! The words for what goes wrong are the [module glossary](super#words)'s: a [`StreamFailure`]
//! carries the [`Condition`](super::Condition) and the [`Blame`]; a [`Note`] carries the
//! [`Reason`] a stream is ended for and its cause, a [`PeerValue`].
//!
//! The roles are also available as one type, [`Role`], for drivers that keep machines of every
//! role side by side.

pub use super::initiating::Initiating;
use super::peer::{Certificate, Peer};
use super::profile::Ending;
pub use super::receiving::Receiving;
use super::scenario::DnsRecord;
use super::setting::PeerSetting;
pub use super::verifier::Verifier;
use super::xml::{Element, StreamEvent, ns};
#[cfg(doc)]
use super::xml::{STREAM_CLOSE, StreamParser, stream_header};
use crate::domain::Domain;
use crate::matrix::AuthenticationMethod;

/// One role of the negotiation, driven by feeding it [`Input`]s (see the [module
/// documentation](self) for what a driver does with each [`Action`]).
pub trait Machine: std::fmt::Debug + Send {
    /// The first actions, before any input: a connecting role resolves its target. A role that
    /// accepts a connection ([`Receiving`]) waits for the other side and returns none.
    fn start(&mut self) -> Vec<Action>;

    /// What to do about `input`.
    fn handle(&mut self, input: Input) -> Vec<Action>;
}

/// A machine of any role.
#[derive(Debug, Clone)]
pub enum Role {
    /// The initiating server's stream.
    Initiating(Initiating),
    /// The receiving (and authoritative) server's side of a stream.
    Receiving(Receiving),
    /// A verify-only stream to the authoritative server.
    Verifier(Verifier),
}

impl Machine for Role {
    fn start(&mut self) -> Vec<Action> {
        match self {
            Role::Initiating(m) => m.start(),
            Role::Receiving(m) => m.start(),
            Role::Verifier(m) => m.start(),
        }
    }

    fn handle(&mut self, input: Input) -> Vec<Action> {
        match self {
            Role::Initiating(m) => m.handle(input),
            Role::Receiving(m) => m.handle(input),
            Role::Verifier(m) => m.handle(input),
        }
    }
}

/// A setting of the machine's own policy with its value, named without a side: the cause of a
/// step, which the driver turns into a [`Setting`] of the side it runs the machine for
/// ([`Setting::caused`]).
///
/// [`Setting`]: super::setting::Setting
/// [`Setting::caused`]: super::setting::Setting::caused
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerValue {
    /// Which setting.
    pub setting: PeerSetting,
    /// Its value, as the scenario writes it.
    pub value: String,
}

impl PeerValue {
    pub(crate) fn tls(peer: &Peer) -> PeerValue {
        PeerValue {
            setting: PeerSetting::Tls,
            value: peer.tls.name().to_owned(),
        }
    }

    pub(crate) fn sasl(peer: &Peer) -> PeerValue {
        PeerValue {
            setting: PeerSetting::Sasl,
            value: peer.sasl.name().to_owned(),
        }
    }

    pub(crate) fn dialback(peer: &Peer) -> PeerValue {
        PeerValue {
            setting: PeerSetting::Dialback,
            value: peer.dialback.to_string(),
        }
    }

    /// The setting that decides whether dialback is used: dialback itself, unless SASL
    /// `Required` (secure authentication) turns it off.
    pub(crate) fn dialback_use(peer: &Peer) -> PeerValue {
        if peer.dialback_inoperative() {
            PeerValue::sasl(peer)
        } else {
            PeerValue::dialback(peer)
        }
    }

    pub(crate) fn strict(peer: &Peer) -> PeerValue {
        PeerValue {
            setting: PeerSetting::StrictCertificateValidation,
            value: peer.strict_certificate_validation.to_string(),
        }
    }

    pub(crate) fn certificate(peer: &Peer) -> PeerValue {
        PeerValue {
            setting: PeerSetting::Certificate,
            value: peer.certificate.name().to_owned(),
        }
    }
}

/// Why a stream header is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Restart {
    /// The first header on the connection.
    Initial,
    /// The restart after the TLS handshake (RFC 6120 §5.4.3.3).
    AfterTls,
    /// The restart after SASL success (RFC 6120 §6.4.6).
    AfterSasl,
}

/// Where DNS led.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// The host name (an SRV target, or the domain itself).
    pub host: String,
    /// The TCP port.
    pub port: u16,
}

/// What a machine is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// The answer to a [`Action::Resolve`]: where to connect, or the DNS answer that gave no
    /// server.
    Resolved(Result<Endpoint, DnsRecord>),
    /// The TCP connection is open.
    Connected,
    /// The TCP connection could not be opened: refused, or timed out.
    ConnectFailed(String),
    /// Something arrived on the stream.
    Received(StreamEvent),
    /// The TLS handshake completed; the certificate the other side presented, if any.
    TlsEstablished {
        /// The other side's certificate as this side's trust store judged it.
        peer: Option<Certificate>,
    },
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
pub enum Verification {
    /// The key is the authoritative server's (`type='valid'`).
    Valid,
    /// The key is not (`type='invalid'`).
    Invalid,
    /// A dialback error condition: `remote-server-not-found`, `remote-connection-failed`.
    Error(&'static str),
}

impl Verification {
    /// What a dialback answer says: a `<db:verify/>` from the authoritative server, or a
    /// `<db:result/>` from the receiving server, of type `valid`, `invalid` or `error` with its
    /// stanza error condition (XEP-0220 §2.5).
    pub fn of_answer(answer: &Element) -> Verification {
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
pub struct VerifyRequest {
    /// The receiving server's domain (the target domain).
    pub receiving: Domain,
    /// The sender domain.
    pub originating: Domain,
    /// The id of the stream the receiving server opened towards the initiating server.
    pub stream_id: String,
    /// The dialback key the initiating server sent.
    pub key: String,
}

/// What a machine asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Look up the server of a domain (RFC 6120 §3.2), then feed [`Input::Resolved`].
    Resolve(Domain),
    /// Open a TCP connection, then feed [`Input::Connected`] or [`Input::ConnectFailed`].
    Connect(Endpoint),
    /// Send a stream header (the driver writes the XML declaration before it, with
    /// [`stream_header`]). The answer is a new XML document: the driver restarts its parser for
    /// what comes back.
    Header(Element, Note),
    /// Send a top-level element.
    Send(Element, Note),
    /// Send `</stream:stream>`.
    Close(Note),
    /// Close the TCP connection without a word.
    Disconnect(Note),
    /// Ready for the TLS handshake: once both ends are, the driver runs it, then feeds
    /// [`Input::TlsEstablished`] to each.
    StartTls,
    /// Check a dialback key with the authoritative server of the sender domain, then feed
    /// [`Input::Verified`] (or [`Input::Unanswered`] when the stream that was to carry the
    /// request failed).
    Verify(VerifyRequest),
    /// The stream may now carry the verification request it was opened for (a dedicated
    /// verification stream, after its authentication attempt).
    Carry,
    /// The verification this stream carried has its answer: a verify-only stream's
    /// ([`Verifier`]), or a dedicated verification stream's once it is closed. The driver hands
    /// it to the receiving machine that asked, as [`Input::Verified`].
    Answered(Verification),
    /// The stream is authenticated and carries stanzas, or it has failed. Nothing follows but
    /// the closing handshake.
    Finish(Result<Done, StreamFailure>),
}

/// A stream that is authenticated and carries stanzas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    /// How the stream was authenticated.
    pub method: AuthenticationMethod,
    /// Whether it runs over TLS.
    pub encrypted: bool,
    /// The other side's certificate as this side judged it, when TLS ran.
    pub peer_certificate: Option<Certificate>,
}

/// A machine's stream that ended unauthenticated: the [`Condition`] that ended it and the
/// [`Blame`]; a driver makes the trace's [`Failure`] of it, with the step, the side at fault and
/// the fix.
///
/// [`Condition`]: super::trace::Condition
/// [`Failure`]: super::trace::Failure
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamFailure {
    /// What ended the stream, as a trace reports it.
    pub condition: super::trace::Condition,
    /// Whom the failure blames, in the terms the fault rules decide the side at fault by.
    pub blame: Blame,
}

/// Whom a failed stream blames, relative to the machine that reports it: the terms from which
/// the fault rules ([`Scenario::fault`](super::Scenario::fault)) decide the [`Side`] at fault.
///
/// [`Side`]: super::setting::Side
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Blame {
    /// DNS gave no server for the target domain.
    Dns,
    /// The domain is not an allowed partner.
    NotAllowed,
    /// The partner's access rules deny our domain.
    Denied,
    /// The target domain is not served here.
    HostUnknown,
    /// A certificate was rejected: the local side's (true) or the peer's (false).
    Certificate {
        /// Whether it is the local side's certificate.
        local: bool,
    },
    /// The local side (true) or the peer (false) cannot do TLS that the other requires.
    TlsUnavailable {
        /// Whether it is the local side that cannot.
        local: bool,
    },
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
    /// The other side sent nothing in time, or something unreadable (a driver's observation).
    Silent,
    /// The other side sent something the protocol does not allow at that point: the fault is
    /// the peer's.
    PeerMisbehaved,
    /// The key could not be verified because the stream that was to carry the verification
    /// failed; the fault is that stream's.
    Unverified,
    /// A server requires encryption it cannot do (Prosody's `s2s_require_encryption` without
    /// a TLS context).
    EncryptionUnavailable,
    /// An internal error, nobody's fault: the simulation reached no outcome, or a driver fed an
    /// input the machine cannot take in its state.
    Internal,
    /// The two sides have no TLS version in common; the side named is the one to change.
    TlsVersion {
        /// Whether the initiating server's range is the one to change.
        initiating_at_fault: bool,
    },
}

/// What a step means: its kind and the data its texts need, and the setting that caused it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// What the step is.
    pub kind: NoteKind,
    /// The local setting that made the machine take it, if one did.
    pub cause: Option<PeerValue>,
}

impl Note {
    /// A step no setting caused.
    pub fn new(kind: NoteKind) -> Note {
        Note { kind, cause: None }
    }

    /// A step that `cause` made the machine take.
    pub fn because(kind: NoteKind, cause: PeerValue) -> Note {
        Note {
            kind,
            cause: Some(cause),
        }
    }
}

/// The kinds of step, with what their texts need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteKind {
    /// The initiating server's stream header.
    StreamOpen {
        /// Which header on the connection.
        restart: Restart,
        /// Whether it declares the dialback namespace.
        dialback: bool,
    },
    /// The receiving server's response header.
    StreamAccept {
        /// Which header on the connection.
        restart: Restart,
        /// Whether it declares the dialback namespace.
        dialback: bool,
    },
    /// The receiving server's stream features.
    Features(Offer),
    /// `<starttls/>`.
    StartTls {
        /// Whether the receiving server offered it.
        offered: bool,
    },
    /// `<proceed/>`: the TLS handshake follows.
    Proceed,
    /// `<failure/>` to STARTTLS.
    TlsRefused,
    /// SASL `<auth mechanism='EXTERNAL'/>`.
    Auth {
        /// The authorization identity sent, when not `=` (none).
        identity: Option<String>,
    },
    /// SASL `<success/>`.
    SaslSuccess,
    /// SASL `<failure/>`.
    SaslFailure {
        /// Whether the receiving server keeps the stream open, for dialback.
        stays_open: bool,
    },
    /// `<db:result/>` with a dialback key.
    DialbackKey {
        /// The stream the key is for.
        stream_id: String,
    },
    /// The receiving server's `<db:result type=.../>`.
    DialbackResult(Verification),
    /// The receiving server refuses the dialback key: its access rules deny the sender domain.
    DialbackDenied,
    /// The header of a verify-only stream.
    VerifyOpen,
    /// `<db:verify/>` asking about a key.
    VerifyRequest {
        /// The stream the key is for.
        stream_id: String,
    },
    /// The authoritative server's `<db:verify type=.../>`.
    VerifyAnswer {
        /// Whether the key is valid.
        valid: bool,
    },
    /// The closing tag of a verify-only stream.
    VerifyClose,
    /// A stream error this side sends.
    StreamError {
        /// The defined condition.
        condition: &'static str,
        /// The error's text, when it has one.
        text: Option<String>,
        /// Why it is sent.
        reason: Reason,
    },
    /// A closing tag, or a closed connection, that ends the stream without a stream error.
    Abandon {
        /// Why the stream ends.
        reason: Reason,
        /// Whether the TCP connection closes without even a closing tag.
        disconnect: bool,
    },
    /// The closing tag.
    Close,
    /// The first stanza over the authenticated stream.
    Stanza,
    /// A stream error the other side sent, as a probe observes it on a real stream.
    PeerError {
        /// The defined condition.
        condition: &'static str,
        /// The error's text, when it has one.
        text: Option<String>,
    },
    /// An element no machine knows, as a probe observes it.
    Unknown {
        /// Its name.
        name: String,
    },
}

/// What a receiving server offered in one features element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Offer {
    /// `Some(required)` when STARTTLS is offered.
    pub starttls: Option<bool>,
    /// Whether SASL EXTERNAL is offered.
    pub external: bool,
    /// Whether dialback is offered (XEP-0220 §2.4.2).
    pub dialback: bool,
    /// Whether the dialback feature announces error handling (XEP-0220 §2.4.2 `<errors/>`).
    pub dialback_errors: bool,
    /// After SASL: nothing left to negotiate.
    pub complete: bool,
}

/// Why a machine ends a stream (with a stream error, a closing tag or a closed connection): the
/// rule of its own that it follows, which a step's explanation gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The peer requires TLS, which the local side does not support.
    TlsNotSupported,
    /// Nothing the peer offered is an authentication method the local side uses.
    NoViableMethod,
    /// The local side requires a valid certificate (secure authentication).
    SecureAuth {
        /// The peer's certificate, which is not valid.
        status: Certificate,
    },
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
    EncryptionRequired {
        /// Whether the stream was authenticated first.
        authenticated: bool,
    },
    /// The authoritative server did not confirm the key (Prosody as initiating server).
    DialbackRefused,
    /// The receiving server could not verify the key: its own stream to the authoritative
    /// server failed, and it waited until its timeout (Prosody's `s2s_timeout`).
    VerificationTimedOut,
    /// The initiating server requires TLS, and the receiving server did not offer it.
    TlsNotOffered,
    /// The initiating server does not accept the receiving server's certificate (strict
    /// validation, checked after the handshake).
    CertificateRejected {
        /// The receiving server's certificate.
        status: Certificate,
    },
    /// STARTTLS was asked of a server that does not do TLS.
    TlsDisabled,
    /// The authoritative server could not confirm the key; the stream ends after the dialback
    /// error.
    AfterDialbackError,
    /// The receiving server's access rules deny the sender domain: it refuses the stanza.
    Denied,
    /// The other side sent something the protocol does not allow at that point.
    Unexpected,
    /// The receiving server answered as another domain than the one addressed.
    AnsweredAs,
}

/// A certificate that a side rejects in the TLS handshake (RFC 6120 §13.7.2), and the setting
/// that makes it reject it; the trace reports it as [`Condition::CertificateRejected`].
///
/// [`Condition::CertificateRejected`]: super::trace::Condition::CertificateRejected
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// The certificate, as judged.
    pub status: Certificate,
    /// The setting that makes the side reject it.
    pub cause: PeerValue,
}

/// Stream ids from a seed: unpredictable enough for a simulation, and the same for the same
/// seed. A real server seeds this from the operating system's random source.
#[derive(Debug, Clone)]
pub(crate) struct StreamIds(u64);

impl StreamIds {
    /// The ids that `seed` gives.
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
    reason: Reason,
    cause: Option<PeerValue>,
    close: Vec<Action>,
    blame: Blame,
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
    actions.push(Action::Finish(Err(StreamFailure {
        condition: super::trace::Condition::StreamError {
            condition: condition.to_owned(),
        },
        blame,
    })));
    actions
}

/// Ends a stream as a server's profile says: with a stream error and the closing tag, with a
/// bare closing tag, or by closing the connection; then the failure. `closed` tells whether the
/// closing tag was sent already, and is set.
pub(crate) fn abandon(
    how: Ending,
    reason: Reason,
    cause: Option<PeerValue>,
    closed: &mut bool,
    blame: Blame,
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
            return ending(condition, text, reason, cause, close, blame, lang);
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
    actions.push(Action::Finish(Err(StreamFailure {
        condition: super::trace::Condition::ConnectionClosed,
        blame,
    })));
    actions
}

/// Ends a stream whose peer sent `what` (see [`unexpected`]) where the protocol does not allow it: a stream error
/// that names what arrived, the closing tag unless it was sent, and a failure that blames the
/// peer (RFC 6120 §4.9.3.22: an element the server does not support at that point).
pub(crate) fn refuse_unexpected(what: &str, closed: &mut bool, lang: bool) -> Vec<Action> {
    let text = format!("Unexpected {what}");
    let close = if std::mem::replace(closed, true) {
        Vec::new()
    } else {
        vec![Action::Close(Note::new(NoteKind::Close))]
    };
    ending(
        "unsupported-stanza-type",
        Some(&text),
        Reason::Unexpected,
        None,
        close,
        Blame::PeerMisbehaved,
        lang,
    )
}

/// What arrived, named briefly for a stream error's text: `<proceed/>` in its namespace, a
/// stream header, or the closing tag. Bounded: a name longer than 64 characters is cut.
pub(crate) fn unexpected(event: &StreamEvent) -> String {
    match event {
        StreamEvent::Header(_) => "stream header".to_owned(),
        StreamEvent::Close => "closing stream tag".to_owned(),
        StreamEvent::Element(e) => unexpected_element(e),
    }
}

/// An element, named briefly for a stream error's text (see [`unexpected`]).
pub(crate) fn unexpected_element(element: &Element) -> String {
    fn bounded(text: &str) -> String {
        let mut out: String = text.chars().take(64).collect();
        if out.len() < text.len() {
            out.push('…');
        }
        out
    }
    format!(
        "<{}/> ({})",
        bounded(&element.local),
        bounded(&element.namespace)
    )
}

/// The end of a stream whose other side closed it, with a closing tag or by dropping the
/// connection, before it was authenticated.
pub(crate) fn closed_by_peer() -> Action {
    Action::Finish(Err(StreamFailure {
        condition: super::trace::Condition::ConnectionClosed,
        blame: Blame::PeerClosed,
    }))
}

/// The failure of a machine fed an input it cannot take in its state: the driver's mistake, an
/// internal error that blames nobody.
pub(crate) fn misdriven(input: &Input) -> StreamFailure {
    let input = match input {
        Input::Resolved(_) => "Resolved",
        Input::Connected => "Connected",
        Input::ConnectFailed(_) => "ConnectFailed",
        Input::Received(_) => "Received",
        Input::TlsEstablished { .. } => "TlsEstablished",
        Input::ConnectionClosed => "ConnectionClosed",
        Input::Verified(_) => "Verified",
        Input::Unanswered(_) => "Unanswered",
    };
    StreamFailure {
        condition: super::trace::Condition::Misdriven {
            input: input.to_owned(),
        },
        blame: Blame::Internal,
    }
}

/// Whether a header declares the dialback namespace.
pub fn declares_dialback(header: &Element) -> bool {
    header
        .declarations
        .iter()
        .any(|(_, uri)| uri == ns::DIALBACK)
}
