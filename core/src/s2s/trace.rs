//! The trace of a simulated negotiation: one step per message or event, and the outcome.

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;

use super::machine::{Endpoint, NoteKind};
use super::peer::{Certificate, TlsVersion};
use super::scenario::{DnsRecord, Scenario};
use super::setting::{Setting, Side};
use super::text;
use crate::catalogue::s2s;
use crate::domain::Domain;
use crate::language::Language;
use crate::matrix::AuthenticationMethod;

/// Who sends or receives a step: our proxy, the partner's server, the authoritative server or
/// DNS. A party acts; a [`Side`] owns configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Party {
    /// Our Lync Edge server's XMPP proxy.
    OurProxy,
    /// The partner's XMPP server.
    Partner,
    /// The authoritative server of the sender domain (XEP-0220 §1.3).
    Authoritative,
    /// The DNS.
    Dns,
}

impl Party {
    /// The party's name in either language.
    pub fn label(self, language: Language) -> Cow<'static, str> {
        match self {
            Party::OurProxy => s2s::party_our_proxy(),
            Party::Partner => s2s::party_partner(),
            Party::Authoritative => s2s::party_authoritative(),
            Party::Dns => return Cow::Borrowed("DNS"),
        }
        .text(language)
    }
}

/// The phase of the negotiation a step belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Phase {
    /// DNS resolution and TCP connection (RFC 6120 §3).
    Connection,
    /// Stream headers and features (§4).
    Stream,
    /// STARTTLS and the TLS handshake (§5).
    Tls,
    /// SASL EXTERNAL (§6, XEP-0178).
    Sasl,
    /// Server dialback (XEP-0220).
    Dialback,
    /// Stanzas on the negotiated stream (§8).
    Stanzas,
    /// Errors and closing (§4.4, §4.9).
    Close,
}

impl Phase {
    /// The phase in either language.
    pub fn label(self, language: Language) -> Cow<'static, str> {
        match self {
            Phase::Connection => s2s::phase_connection(),
            Phase::Stream => s2s::phase_stream(),
            Phase::Tls => return Cow::Borrowed("TLS"),
            Phase::Sasl => return Cow::Borrowed("SASL"),
            Phase::Dialback => s2s::phase_dialback(),
            Phase::Stanzas => return Cow::Borrowed("Stanzas"),
            Phase::Close => s2s::phase_close(),
        }
        .text(language)
    }
}

/// Which TCP connection a step travels on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Connection {
    /// The stream between the initiating and the receiving server.
    Main,
    /// The receiving server's stream to the authoritative server of the sender domain, to
    /// verify a dialback key: a verify-only stream, or (Prosody) an outgoing stream of its own
    /// that is authenticated first.
    Verification,
    /// The authoritative server's check of a key the receiving server's stream presented to
    /// it, when that stream had to be authenticated by dialback before it could carry the
    /// verification.
    NestedVerification,
}

/// What a step is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Something a machine sent, or a probe observed on the stream.
    Machine(NoteKind),
    /// A DNS query for the server of a domain.
    DnsQuery {
        /// The domain.
        domain: Domain,
        /// Whether the receiving server looks up the authoritative server of the sender domain.
        authoritative: bool,
    },
    /// The DNS answer.
    DnsAnswer {
        /// The domain.
        domain: Domain,
        /// What DNS had.
        record: DnsRecord,
        /// Where it led, if anywhere.
        endpoint: Option<Endpoint>,
        /// Whether the receiving server looks up the authoritative server of the sender domain.
        authoritative: bool,
    },
    /// A TCP connection opens.
    Connect {
        /// Where to.
        endpoint: Endpoint,
        /// Whether it reaches the authoritative server.
        authoritative: bool,
        /// The verification travels over the receiving server's own authenticated stream
        /// (Prosody), not a verify-only one.
        own_stream: bool,
    },
    /// The authoritative server cannot be reached.
    Unreachable {
        /// Its domain.
        domain: Domain,
    },
    /// The TLS handshake completed.
    TlsHandshake {
        /// The receiving server's certificate, as the initiating server judged it.
        initiating_saw: Certificate,
        /// The initiating server's certificate, as the receiving server judged it, if it sent
        /// one.
        receiving_saw: Option<Certificate>,
        /// A certificate whose names, known, do not cover its domain.
        unnamed: Option<Unnamed>,
    },
    /// The two sides have no TLS version in common.
    TlsVersionRefused {
        /// Whether the initiating server refused (otherwise the receiving server did).
        by_initiating: bool,
        /// Whether the refusing side says so with a `protocol_version` alert.
        alert: bool,
        /// The versions each side speaks, oldest and newest.
        initiating: (TlsVersion, TlsVersion),
        /// The same for the receiving server.
        receiving: (TlsVersion, TlsVersion),
    },
    /// A side refused the other's certificate during the handshake.
    TlsHandshakeFailed {
        /// Whether the initiating server refused (otherwise the receiving server did).
        by_initiating: bool,
        /// The refused certificate, as judged.
        status: Certificate,
        /// The refused certificate's names, when known and they do not cover its domain.
        unnamed: Option<Unnamed>,
    },
    /// Our proxy refuses a domain that is not an allowed partner.
    NotAllowed {
        /// The domain.
        domain: Domain,
    },
    /// The partner's server opens no stream to our domain: its access rules deny it.
    Denied {
        /// Our domain.
        domain: Domain,
    },
    /// A TCP connection attempt failed: refused, or timed out.
    ConnectFailed {
        /// Where to.
        endpoint: Endpoint,
        /// The error.
        error: String,
    },
    /// Nothing arrived in time (probe).
    Timeout {
        /// The limit, in seconds.
        seconds: u64,
    },
    /// The TLS handshake failed for a reason other than a refused certificate (probe).
    TlsError {
        /// The TLS library's description.
        message: String,
    },
    /// The bytes that arrived are not a well-formed stream (probe).
    Unreadable {
        /// The parser's description.
        message: String,
    },
    /// The other side closed the TCP connection (probe).
    Disconnected,
}

/// A certificate that names other domains than the one it is presented for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unnamed {
    /// The domain it should name.
    pub domain: Domain,
    /// The names it has.
    pub names: Vec<super::peer::CertificateName>,
}

/// One step of the negotiation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub(crate) number: usize,
    pub(crate) from: Party,
    pub(crate) to: Party,
    pub(crate) connection: Connection,
    pub(crate) xml: Option<String>,
    pub(crate) stream_id: Option<String>,
    pub(crate) encrypted: bool,
    pub(crate) kind: Kind,
    pub(crate) cause: Option<Setting>,
    pub(crate) context: text::Context,
}

impl Step {
    /// The step's number, from 1.
    pub fn number(&self) -> usize {
        self.number
    }

    /// Who sends.
    pub fn from(&self) -> Party {
        self.from
    }

    /// Who receives.
    pub fn to(&self) -> Party {
        self.to
    }

    /// The phase.
    pub fn phase(&self) -> Phase {
        text::phase(&self.kind)
    }

    /// Which connection the step travels on.
    pub fn connection(&self) -> Connection {
        self.connection
    }

    /// The exact XML on the wire, if the step sends any.
    pub fn xml(&self) -> Option<&str> {
        self.xml.as_deref()
    }

    /// The id of the stream in effect, once the receiving side has sent one.
    pub fn stream_id(&self) -> Option<&str> {
        self.stream_id.as_deref()
    }

    /// Whether the connection is encrypted when the step travels.
    pub fn encrypted(&self) -> bool {
        self.encrypted
    }

    /// The setting that made this step happen, if one did.
    pub fn cause(&self) -> Option<&Setting> {
        self.cause.as_ref()
    }

    /// What the step is, with the data its texts need.
    pub fn kind(&self) -> &Kind {
        &self.kind
    }

    /// What the step is, for a driver that learns more about it later.
    pub fn kind_mut(&mut self) -> &mut Kind {
        &mut self.kind
    }

    /// The domains of the step's connection, for the texts.
    pub fn context(&self) -> &text::Context {
        &self.context
    }

    /// The specification section the step follows.
    pub fn spec(&self) -> &'static str {
        text::spec(&self.kind)
    }

    /// One line: what happens.
    pub fn summary(&self, language: Language) -> String {
        text::summary(&self.kind, &self.context, language)
    }

    /// Why it happens and what it means, in plain words.
    pub fn explanation(&self, language: Language) -> String {
        text::explanation(&self.kind, &self.context, language)
    }
}

/// What ended a stream, as observed on the wire or the network: a stream error's defined
/// condition, a DNS answer, a rejected certificate, a closed connection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", tag = "kind")]
#[non_exhaustive]
pub enum Condition {
    /// The domain is not an allowed XMPP partner.
    NotAllowed,
    /// The partner's server denies our domain by its access rules.
    Denied,
    /// DNS gave no server.
    Dns {
        /// The answer.
        record: DnsRecord,
    },
    /// A stream error (RFC 6120 §4.9).
    StreamError {
        /// The defined condition, such as `policy-violation`.
        condition: String,
    },
    /// The receiving server answered STARTTLS with `<failure/>` (RFC 6120 §5.4.2.2).
    TlsFailure,
    /// The two sides have no TLS version in common (RFC 8446 §4.1.3).
    TlsVersion,
    /// A side ended the TLS handshake over the other's certificate (RFC 6120 §13.7.2).
    CertificateRejected {
        /// The certificate's status.
        certificate: Certificate,
        /// Whose certificate it is.
        of: Party,
    },
    /// SASL failed (RFC 6120 §6.5).
    SaslFailure {
        /// The SASL condition, such as `not-authorized`.
        condition: String,
    },
    /// The authoritative server did not confirm the dialback key (XEP-0220 §2.2.2).
    DialbackInvalid,
    /// A dialback error (XEP-0220 §2.5).
    DialbackError {
        /// The condition, such as `remote-connection-failed`.
        condition: String,
    },
    /// The other side closed the connection.
    ConnectionClosed,
    /// No TCP connection could be opened to any address DNS gave (a probe's observation).
    Unreachable {
        /// The last connection error.
        error: String,
    },
    /// The other side sent nothing within the time limit (a probe's observation).
    Timeout {
        /// The limit, in seconds.
        seconds: u64,
    },
    /// The TLS handshake failed (a probe's observation).
    TlsError {
        /// The TLS library's description.
        message: String,
    },
    /// What arrived is not a well-formed XML stream (a probe's observation).
    Unreadable {
        /// The parser's description.
        message: String,
    },
    /// The simulation reached no outcome: the machines stopped waiting for each other, or went
    /// on past the step limit. An internal error of the simulator, which blames no side.
    Stalled {
        /// The steps played before it stopped.
        steps: usize,
    },
    /// The receiving server answered as another domain than the one addressed (RFC 6120
    /// §4.7.1): the initiating server ends the stream with `invalid-from`.
    AnsweredAs {
        /// The domain the stream was for.
        expected: Domain,
        /// The `from` the receiving server's header gave, cut at 255 characters.
        answered: String,
    },
    /// A driver fed a machine an input it cannot take in its state (see
    /// [`machine`](super::machine)): an internal error of the driver, which blames no side.
    Misdriven {
        /// The input, by name.
        input: String,
    },
}

impl Condition {
    /// A short description in either language.
    pub fn describe(&self, language: Language) -> String {
        text::condition(self, language)
    }
}

/// XEP-0238's federation levels for the resulting stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum FederationLevel {
    /// Level 1: the sender's domain was verified by dialback, without encryption.
    Verified,
    /// Level 2: encrypted with TLS, identities verified by dialback or with certificates not all
    /// trusted.
    Encrypted,
    /// Level 3: TLS with trusted certificates on both sides and SASL EXTERNAL.
    Trusted,
}

impl FederationLevel {
    /// The level's name in either language.
    pub fn label(self, language: Language) -> Cow<'static, str> {
        match self {
            FederationLevel::Verified => s2s::federation_level_verified(),
            FederationLevel::Encrypted => s2s::federation_level_encrypted(),
            FederationLevel::Trusted => s2s::federation_level_trusted(),
        }
        .text(language)
    }
}

/// The smallest change that makes the negotiation succeed, with what it would give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Fix {
    /// The setting to change, as [`Scenario::apply`] takes it.
    pub change: Setting,
    /// The method the negotiation would then use.
    pub method: AuthenticationMethod,
    /// The federation level it would then reach.
    pub level: FederationLevel,
}

/// A negotiation that established no stream: the step where it failed, the [`Condition`] that
/// ended it, the [`Side`] at fault and the fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Failure {
    /// The step where it failed.
    pub step: usize,
    /// The condition.
    pub condition: Condition,
    /// Who is at fault: our configuration, the partner, or the environment. `None` when the
    /// simulator itself reached no outcome ([`Condition::Stalled`]): an internal error, which
    /// blames nobody.
    pub fault: Option<Side>,
    /// The smallest change that makes it work, if a single change does.
    pub fix: Option<Fix>,
}

impl Failure {
    /// A failure at `step`, with the side at fault and the fix, if any.
    pub fn new(
        step: usize,
        condition: Condition,
        fault: Option<Side>,
        fix: Option<Fix>,
    ) -> Failure {
        Failure {
            step,
            condition,
            fault,
            fix,
        }
    }

    /// Who is at fault, in either language: "our configuration", "the partner", "the
    /// environment", or that the simulator itself failed.
    pub fn fault_label(&self, language: Language) -> std::borrow::Cow<'static, str> {
        text::fault(self.fault, language)
    }
}

/// How a negotiation ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Outcome {
    /// Whether an authenticated stream carries stanzas.
    pub established: bool,
    /// The authentication method, when established.
    pub method: Option<AuthenticationMethod>,
    /// Whether the stream is encrypted.
    pub encrypted: bool,
    /// Whether the sender was authenticated by its certificate (SASL EXTERNAL); dialback only
    /// verifies the domain through DNS and the authoritative server.
    pub authenticated: bool,
    /// The XEP-0238 federation level, when established.
    pub level: Option<FederationLevel>,
    /// Why it failed, when it did.
    pub failure: Option<Failure>,
}

/// A simulated negotiation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trace {
    pub(crate) scenario: Scenario,
    pub(crate) steps: Vec<Step>,
    pub(crate) outcome: Outcome,
}

impl Trace {
    /// A trace of `steps` (as a [`Recorder`](super::record::Recorder) holds them) and their
    /// outcome, for the scenario they played out or were observed under.
    pub fn new(scenario: Scenario, steps: Vec<Step>, outcome: Outcome) -> Trace {
        Trace {
            scenario,
            steps,
            outcome,
        }
    }

    /// The scenario that was played out.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// Every step, in order.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// How it ended.
    pub fn outcome(&self) -> &Outcome {
        &self.outcome
    }

    /// The outcome in one sentence; a certificate refused for its names says which it has.
    pub fn verdict(&self, language: Language) -> String {
        let mut detail = String::new();
        if let Some(Failure {
            condition:
                Condition::CertificateRejected {
                    certificate: Certificate::NameMismatch,
                    of,
                },
            ..
        }) = &self.outcome.failure
        {
            let peer = match of {
                Party::OurProxy => self.scenario.our_peer(),
                _ => self.scenario.partner_peer(),
            };
            if !peer.certificate_names.is_empty() {
                let names: Vec<&str> = peer.certificate_names.iter().map(|n| n.as_str()).collect();
                detail.push(' ');
                detail.push_str(
                    &s2s::verdict_certificate_names(names.join(", "), &peer.domain)
                        .render(language),
                );
            }
        }
        text::verdict(&self.outcome, &detail, language)
    }

    /// The trace with its texts in one language, ready to serialise as JSON.
    pub fn localize(&self, language: Language) -> LocalizedTrace {
        LocalizedTrace {
            steps: self
                .steps
                .iter()
                .map(|s| LocalizedStep {
                    number: s.number,
                    from: s.from,
                    to: s.to,
                    phase: s.phase(),
                    connection: s.connection,
                    xml: s.xml.clone(),
                    stream_id: s.stream_id.clone(),
                    encrypted: s.encrypted,
                    summary: s.summary(language),
                    explanation: s.explanation(language),
                    cause: s.cause.clone(),
                    spec: s.spec(),
                })
                .collect(),
            outcome: self.outcome.clone(),
            verdict: self.verdict(language),
        }
    }
}

/// A [`Trace`] in one language: the JSON the CLI and the WebAssembly package return.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LocalizedTrace {
    /// Every step.
    pub steps: Vec<LocalizedStep>,
    /// How it ended.
    pub outcome: Outcome,
    /// The outcome in one sentence.
    pub verdict: String,
}

/// A [`Step`] in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LocalizedStep {
    /// The step's number, from 1.
    pub number: usize,
    /// Who sends.
    pub from: Party,
    /// Who receives.
    pub to: Party,
    /// The phase.
    pub phase: Phase,
    /// Which connection.
    pub connection: Connection,
    /// The exact XML, if any.
    pub xml: Option<String>,
    /// The stream id in effect.
    pub stream_id: Option<String>,
    /// Whether the connection is encrypted.
    pub encrypted: bool,
    /// What happens.
    pub summary: String,
    /// Why, in plain words.
    pub explanation: String,
    /// The setting that caused it.
    pub cause: Option<Setting>,
    /// The specification section.
    pub spec: &'static str,
}

impl fmt::Display for Party {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label(Language::English))
    }
}
