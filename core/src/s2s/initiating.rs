//! The initiating server (XEP-0220 §1.3): resolves the target domain, opens the stream, and
//! negotiates STARTTLS and then SASL EXTERNAL or dialback, as its policy allows.

use super::dialback;
use super::machine::{
    Action, Blame, Done, Input, Machine, Note, NoteKind, PeerValue, Reason, Rejection, Restart,
    StreamFailure, Verification, abandon, closed_by_peer, declares_dialback, ending, header,
    misdriven, refuse_unexpected, unexpected,
};
use super::peer::{Certificate, Peer};
use super::profile::{
    DeclaresDialback, DialbackOffer, Ending, ExternalIdentity, Profile, ReceivingCheck, StrictCheck,
};
use super::trace::Condition;
use super::xml::{Element, StreamEvent, ns};
use crate::domain::Domain;
use crate::matrix::AuthenticationMethod;
use crate::settings::Negotiation;

/// The longest domain a response header's `from` is quoted with (a domain has at most 253
/// characters, RFC 1035 §2.3.4); anything longer is cut.
const MAX_NAME: usize = 255;

/// The machine's phase: what it expects next.
#[derive(Debug, Clone, PartialEq, Eq)]
enum State {
    Resolving,
    Connecting,
    ExpectHeader {
        restart: Restart,
    },
    ExpectFeatures {
        stream_id: String,
        dialback_declared: bool,
    },
    ExpectProceed,
    Handshaking,
    ExpectSaslResult {
        dialback_declared: bool,
        stream_id: String,
    },
    ExpectDialbackResult {
        stream_id: String,
    },
    /// A dedicated verification stream waits for the answer to the request it carried.
    ExpectVerifyAnswer,
    /// It has the answer and closed the stream; it hands the answer on once the other side has
    /// closed too (ejabberd relays it when the stream has ended).
    Relaying {
        answer: Verification,
    },
    Done,
}

/// The initiating server's side of a stream (XEP-0220 §1.3): it resolves the target domain,
/// opens the stream, and negotiates STARTTLS, then SASL EXTERNAL or dialback, as its policy
/// allows. See [`machine`](super::machine) for how to drive it.
#[derive(Debug, Clone)]
pub struct Initiating {
    policy: Peer,
    target: Domain,
    secret: String,
    state: State,
    encrypted: bool,
    peer_certificate: Option<Certificate>,
    authenticated_by_sasl: bool,
    /// Whether it has sent a dialback key on this stream.
    key_sent: bool,
    /// Whether this stream exists only to carry a verification request (ejabberd's dedicated
    /// verification streams): it tries SASL EXTERNAL, never dialback of its own, and then
    /// carries the request.
    for_verification: bool,
    /// Whether this side has sent its closing stream tag.
    closed: bool,
}

impl Initiating {
    /// A stream from `policy`'s domain to `target`; `secret` signs its dialback keys
    /// (XEP-0185), and its authoritative server must check them with the same secret.
    pub fn new(policy: Peer, target: Domain, secret: String) -> Initiating {
        Initiating {
            policy,
            target,
            secret,
            state: State::Resolving,
            encrypted: false,
            peer_certificate: None,
            authenticated_by_sasl: false,
            key_sent: false,
            for_verification: false,
            closed: false,
        }
    }

    /// Whether this stream exists only to carry a verification request.
    pub fn is_for_verification(&self) -> bool {
        self.for_verification
    }

    /// A stream opened only to carry a verification request to the authoritative server of
    /// `target`.
    pub fn for_verification(policy: Peer, target: Domain, secret: String) -> Initiating {
        let mut machine = Initiating::new(policy, target, secret);
        machine.for_verification = true;
        machine
    }

    /// Whether it has sent a dialback key on this stream, answered or not.
    pub fn dialback_key_sent(&self) -> bool {
        self.key_sent
    }

    /// Whether the TLS handshake goes through with the receiving server's certificate: under
    /// strict validation, anything but a valid certificate ends it (RFC 6120 §13.7.2: "the
    /// validating entity MUST unilaterally terminate the session").
    ///
    /// Without strict validation, some go on only when they can authenticate by dialback, and
    /// otherwise end the connection as well.
    pub fn judge(&self, presented: Certificate) -> Option<Rejection> {
        if presented == Certificate::Valid {
            return None;
        }
        if self.policy.strict_certificate_validation
            && self.profile().strict_check.value == StrictCheck::Handshake
        {
            return Some(Rejection {
                status: presented,
                cause: PeerValue::strict(&self.policy),
            });
        }
        (self.profile().lenient_needs_dialback.value && !self.policy.uses_dialback()).then(|| {
            Rejection {
                status: presented,
                cause: PeerValue::dialback(&self.policy),
            }
        })
    }

    /// Sends a stream header (initial, or after a restart).
    fn open(&mut self, restart: Restart) -> Vec<Action> {
        let dialback = self.policy.uses_dialback()
            || self.profile().declares_dialback.value == DeclaresDialback::Always;
        let element = header(&self.policy.domain, &self.target, None, dialback);
        self.state = State::ExpectHeader { restart };
        vec![Action::Header(
            element,
            Note::because(
                NoteKind::StreamOpen { restart, dialback },
                PeerValue::dialback_use(&self.policy),
            ),
        )]
    }

    /// Chooses the next feature to negotiate (RFC 6120 §4.3.7, §5.3.1, §6.4.5).
    fn features(
        &mut self,
        features: &Element,
        stream_id: String,
        dialback_declared: bool,
    ) -> Vec<Action> {
        if self.authenticated_by_sasl {
            if self.for_verification {
                // Authenticated: now the request it was opened for.
                self.state = State::ExpectVerifyAnswer;
                return vec![Action::Carry];
            }
            self.state = State::Done;
            return vec![Action::Finish(Ok(
                self.done(AuthenticationMethod::SaslOverTls)
            ))];
        }
        if self.encrypted
            && self.profile().receiving_check.value == ReceivingCheck::AfterFeatures
            && let Some(refusal) = self.secure_auth()
        {
            return refusal;
        }
        // Some check the receiving server's certificate only now, and close without a word.
        let status = self.peer_certificate.unwrap_or(Certificate::Missing);
        if self.encrypted
            && self.policy.strict_certificate_validation
            && self.profile().strict_check.value == StrictCheck::AfterFeatures
            && status != Certificate::Valid
        {
            return self.end_with(
                Ending::Close,
                Reason::CertificateRejected { status },
                PeerValue::strict(&self.policy),
                Blame::Certificate { local: false },
            );
        }
        let starttls = features.find("starttls", ns::TLS);
        let tls_required = starttls.is_some_and(|s| s.find("required", ns::TLS).is_some());
        let profile = self.profile();
        if !self.encrypted {
            let offered = starttls.is_some();
            let requires = self.policy.tls == Negotiation::Required;
            let can = self.policy.can_start_tls();
            // RFC 7590 §3.1: an initiating server that requires TLS tries STARTTLS even when it
            // is not offered; some do not.
            if can && (offered || (requires && profile.starttls_unoffered.value)) {
                self.state = State::ExpectProceed;
                return vec![Action::Send(
                    Element::new("starttls", ns::TLS),
                    Note::because(NoteKind::StartTls { offered }, PeerValue::tls(&self.policy)),
                )];
            }
            if can && requires && !offered {
                return self.end_with(
                    profile.tls_unoffered.value,
                    Reason::TlsNotOffered,
                    PeerValue::tls(&self.policy),
                    Blame::TlsUnavailable { local: false },
                );
            }
            // Some servers without TLS go on to authenticate, required STARTTLS or not.
            if tls_required && !profile.ignores_required_starttls.value {
                // §4.9.3.23: the receiving server made a feature mandatory that we do not
                // support.
                return self.end_with(
                    profile.required_starttls.value,
                    Reason::TlsNotSupported,
                    PeerValue::tls(&self.policy),
                    Blame::TlsUnavailable { local: true },
                );
            }
        }
        let external = features
            .find("mechanisms", ns::SASL)
            .is_some_and(|m| m.elements().any(|x| x.text_content() == "EXTERNAL"));
        let feature = features.find("dialback", ns::DIALBACK_FEATURE).is_some();
        let dialback_offered = match profile.dialback_offer.value {
            DialbackOffer::Declared => dialback_declared || feature,
            DialbackOffer::Feature => feature,
            DialbackOffer::FeatureBeforeTls => feature || self.encrypted,
            DialbackOffer::Always => true,
        };
        let can_sasl = self.encrypted
            && self.policy.effective_sasl().is_supported()
            && self.policy.certificate != Certificate::Missing;
        if external && can_sasl {
            self.state = State::ExpectSaslResult {
                dialback_declared: dialback_offered,
                stream_id,
            };
            // RFC 6120 §6.3.8: a server acting for itself sends no authorization identity.
            // Some send their domain.
            let own_domain = profile.external_identity.value == ExternalIdentity::Domain;
            let identity = if own_domain {
                use base64::Engine as _;
                base64::engine::general_purpose::STANDARD.encode(self.policy.domain.as_str())
            } else {
                "=".to_owned()
            };
            return vec![Action::Send(
                Element::new("auth", ns::SASL)
                    .attr("mechanism", "EXTERNAL")
                    .text(&identity),
                Note::because(
                    NoteKind::Auth {
                        identity: own_domain.then(|| self.policy.domain.as_str().to_owned()),
                    },
                    PeerValue::sasl(&self.policy),
                ),
            )];
        }
        if self.for_verification {
            // Its own authentication did not happen; the request goes out all the same.
            self.state = State::ExpectVerifyAnswer;
            return vec![Action::Carry];
        }
        if dialback_offered && self.policy.uses_dialback() {
            return self.dialback(stream_id);
        }
        if profile.late_encryption_check.value
            && !self.encrypted
            && self.policy.tls == Negotiation::Required
        {
            // Prosody's mod_s2s features hook, when nothing else took the features.
            return self.give_up(
                "policy-violation",
                Some("Encrypted server-to-server communication is required but was not offered"),
                Reason::EncryptionRequired {
                    authenticated: false,
                },
                PeerValue::tls(&self.policy),
                Blame::EncryptionUnavailable,
            );
        }
        let cause = if external && !self.policy.effective_sasl().is_supported() {
            PeerValue::sasl(&self.policy)
        } else if dialback_offered && !self.policy.uses_dialback() {
            if self.policy.dialback {
                PeerValue::sasl(&self.policy)
            } else {
                PeerValue::dialback(&self.policy)
            }
        } else if external && self.policy.certificate == Certificate::Missing {
            PeerValue::certificate(&self.policy)
        } else {
            PeerValue::sasl(&self.policy)
        };
        self.end_with(
            profile.no_method.value,
            Reason::NoViableMethod,
            cause,
            Blame::NoCommonMethod,
        )
    }

    /// Sends the dialback key (XEP-0220 step 1), computed over the current stream id.
    fn dialback(&mut self, stream_id: String) -> Vec<Action> {
        let key = dialback::key(
            self.profile().dialback_key.value,
            &self.secret,
            self.target.as_str(),
            self.policy.domain.as_str(),
            &stream_id,
        );
        let element = Element::prefixed("db", "result", ns::DIALBACK)
            .attr("from", self.policy.domain.as_str())
            .attr("to", self.target.as_str())
            .text(&key);
        let note = Note::because(
            NoteKind::DialbackKey {
                stream_id: stream_id.clone(),
            },
            PeerValue::dialback(&self.policy),
        );
        self.state = State::ExpectDialbackResult { stream_id };
        self.key_sent = true;
        vec![Action::Send(element, note)]
    }

    fn dialback_result(&mut self, result: &Element, stream_id: String) -> Vec<Action> {
        let profile = self.profile();
        match result.get("type") {
            Some("valid")
                if profile.late_encryption_check.value
                    && !self.encrypted
                    && self.policy.tls == Negotiation::Required =>
            {
                // Prosody checks s2s_require_encryption only once authenticated
                // (mod_s2s make_authenticated).
                self.give_up(
                    "policy-violation",
                    Some(
                        "Encrypted server-to-server communication is required but was not offered",
                    ),
                    Reason::EncryptionRequired {
                        authenticated: true,
                    },
                    PeerValue::tls(&self.policy),
                    Blame::EncryptionUnavailable,
                )
            }
            Some("invalid") if let Some(ending) = profile.refused_key.value => self.end_with(
                ending,
                Reason::DialbackRefused,
                PeerValue::dialback(&self.policy),
                Blame::KeyInvalid,
            ),
            Some("valid") => {
                self.state = State::Done;
                let method = if self.encrypted {
                    AuthenticationMethod::TlsDialback
                } else {
                    AuthenticationMethod::TcpDialback
                };
                vec![Action::Finish(Ok(self.done(method)))]
            }
            Some("invalid") => {
                self.state = State::Done;
                vec![Action::Finish(Err(StreamFailure {
                    condition: Condition::DialbackInvalid,
                    blame: Blame::KeyInvalid,
                }))]
            }
            Some("error") => {
                self.state = State::Done;
                let condition = result
                    .find("error", ns::SERVER)
                    .and_then(first_child)
                    .unwrap_or("undefined-condition")
                    .to_owned();
                vec![Action::Finish(Err(StreamFailure {
                    blame: if condition == "policy-violation" || condition == "not-authorized" {
                        Blame::NoCommonMethod
                    } else {
                        Blame::Authoritative
                    },
                    condition: Condition::DialbackError { condition },
                }))]
            }
            _ => {
                self.state = State::ExpectDialbackResult { stream_id };
                Vec::new()
            }
        }
    }

    /// Ends the stream with a stream error (RFC 6120 §4.9.1.1).
    fn give_up(
        &mut self,
        condition: &'static str,
        text: Option<&str>,
        reason: Reason,
        cause: PeerValue,
        blame: Blame,
    ) -> Vec<Action> {
        self.state = State::Done;
        let close = self.close();
        let lang = self.profile().texts_have_lang.value;
        ending(condition, text, reason, Some(cause), close, blame, lang)
    }

    /// The `from` of a response header that names another domain than the one this stream is
    /// for: RFC 6120 §4.7.1, the receiving entity answers as the domain the initiating entity
    /// addressed. A header without `from` is taken as that domain's.
    fn answered_as_other(&self, header: &Element) -> Option<String> {
        let from = header.get("from")?;
        match Domain::parse(from) {
            Ok(domain) if domain == self.target => None,
            _ => Some(from.chars().take(MAX_NAME).collect()),
        }
    }

    /// Ends a stream whose receiving server answered as `answered`: it cannot be the server of
    /// the target domain, and nothing it says can be trusted for it (RFC 6120 §4.9.3.9
    /// `invalid-from`). The peer is at fault.
    fn refuse_other_domain(&mut self, answered: String) -> Vec<Action> {
        self.state = State::Done;
        let close = self.close();
        let lang = self.profile().texts_have_lang.value;
        let mut actions = ending(
            "invalid-from",
            None,
            Reason::AnsweredAs,
            None,
            close,
            Blame::PeerMisbehaved,
            lang,
        );
        if let Some(Action::Finish(Err(failure))) = actions.last_mut() {
            failure.condition = Condition::AnsweredAs {
                expected: self.target.clone(),
                answered,
            };
        }
        actions
    }

    /// Ends the stream as the profile says: with a stream error, or a bare closing tag.
    fn end_with(
        &mut self,
        ending: Ending,
        reason: Reason,
        cause: PeerValue,
        blame: Blame,
    ) -> Vec<Action> {
        self.state = State::Done;
        // Some write nothing at all on their first, unencrypted stream.
        let ending = if !self.encrypted && self.profile().silent_before_tls.value {
            Ending::Disconnect
        } else {
            ending
        };
        let lang = self.profile().texts_have_lang.value;
        abandon(ending, reason, Some(cause), &mut self.closed, blame, lang)
    }

    /// Sends the closing stream tag, once.
    fn close(&mut self) -> Vec<Action> {
        self.state = State::Done;
        if std::mem::replace(&mut self.closed, true) {
            Vec::new()
        } else {
            vec![Action::Close(Note::new(NoteKind::Close))]
        }
    }

    /// Secure authentication holds the receiving server to a valid certificate too (Prosody's
    /// s2s_secure_auth, check_auth_policy): the refusal, if its certificate is not valid.
    fn secure_auth(&mut self) -> Option<Vec<Action>> {
        let status = self.peer_certificate.unwrap_or(Certificate::Missing);
        if self.policy.effective_sasl() != Negotiation::Required || status == Certificate::Valid {
            return None;
        }
        let text = format!(
            "Your server's certificate {}",
            status.problem_as(self.profile().certificate_words.value)
        );
        Some(self.give_up(
            "not-authorized",
            Some(&text),
            Reason::SecureAuth { status },
            PeerValue::sasl(&self.policy),
            Blame::Certificate { local: false },
        ))
    }

    fn profile(&self) -> &'static Profile {
        self.policy.profile()
    }

    fn done(&self, method: AuthenticationMethod) -> Done {
        Done {
            method,
            encrypted: self.encrypted,
            peer_certificate: self.peer_certificate,
        }
    }
}

impl Machine for Initiating {
    fn start(&mut self) -> Vec<Action> {
        vec![Action::Resolve(self.target.clone())]
    }

    fn handle(&mut self, input: Input) -> Vec<Action> {
        let state = std::mem::replace(&mut self.state, State::Done);
        match (state, input) {
            (State::Resolving, Input::Resolved(Ok(endpoint))) => {
                self.state = State::Connecting;
                vec![Action::Connect(endpoint)]
            }
            (State::Resolving, Input::Resolved(Err(record))) => {
                vec![Action::Finish(Err(StreamFailure {
                    condition: Condition::Dns { record },
                    blame: Blame::Dns,
                }))]
            }
            (State::Connecting, Input::Connected) => self.open(Restart::Initial),
            // RFC 6120 §3.2.1 steps 6-8: no other address is left to try.
            (State::Connecting, Input::ConnectFailed(error)) => {
                vec![Action::Finish(Err(StreamFailure {
                    condition: Condition::Unreachable { error },
                    blame: Blame::Unreachable,
                }))]
            }
            (State::ExpectHeader { restart }, Input::Received(StreamEvent::Header(h))) => {
                if let Some(answered) = self.answered_as_other(&h) {
                    return self.refuse_other_domain(answered);
                }
                // Some check the certificate as soon as the stream header arrives; the others
                // once the features are in (see `features`).
                if restart == Restart::AfterTls
                    && self.profile().receiving_check.value == ReceivingCheck::AtHeader
                    && let Some(refusal) = self.secure_auth()
                {
                    return refusal;
                }
                let stream_id = h.get("id").unwrap_or_default().to_owned();
                self.state = State::ExpectFeatures {
                    stream_id,
                    dialback_declared: declares_dialback(&h),
                };
                Vec::new()
            }
            (
                State::ExpectFeatures {
                    stream_id,
                    dialback_declared,
                },
                Input::Received(StreamEvent::Element(e)),
            ) if e.is("features", ns::STREAM) => self.features(&e, stream_id, dialback_declared),
            (State::ExpectProceed, Input::Received(StreamEvent::Element(e)))
                if e.is("proceed", ns::TLS) =>
            {
                self.state = State::Handshaking;
                vec![Action::StartTls]
            }
            (State::Handshaking, Input::TlsEstablished { peer }) => {
                self.encrypted = true;
                self.peer_certificate = peer;
                self.open(Restart::AfterTls)
            }
            (
                State::ExpectSaslResult {
                    dialback_declared,
                    stream_id,
                },
                Input::Received(StreamEvent::Element(e)),
            ) => {
                if e.is("success", ns::SASL) {
                    self.authenticated_by_sasl = true;
                    return self.open(Restart::AfterSasl);
                }
                if self.for_verification {
                    self.state = State::ExpectVerifyAnswer;
                    return vec![Action::Carry];
                }
                // RFC 6120 §6.4.5, XEP-0178 §3 step 11b: after a SASL failure, dialback may
                // still verify the domain. Some servers try it whatever the other side declared.
                if (dialback_declared || self.profile().dialback_after_sasl_failure.value)
                    && self.policy.uses_dialback()
                {
                    return self.dialback(stream_id);
                }
                let mut actions = self.close();
                actions.push(Action::Finish(Err(StreamFailure {
                    condition: Condition::SaslFailure {
                        condition: first_child(&e).unwrap_or("not-authorized").to_owned(),
                    },
                    blame: Blame::Certificate { local: true },
                })));
                actions
            }
            (
                State::ExpectDialbackResult { stream_id },
                Input::Received(StreamEvent::Element(e)),
            ) if e.is("result", ns::DIALBACK) => self.dialback_result(&e, stream_id),
            (State::ExpectVerifyAnswer, Input::Received(StreamEvent::Element(e)))
                if e.is("verify", ns::DIALBACK) && e.get("type").is_some() =>
            {
                let answer = Verification::of_answer(&e);
                let actions = self.close();
                self.state = State::Relaying { answer };
                actions
            }
            (
                State::Relaying { answer },
                Input::Received(StreamEvent::Close) | Input::ConnectionClosed,
            ) => vec![Action::Answered(answer)],
            // The other side ends the stream: an error, a TLS refusal, or a close.
            (_, Input::Received(StreamEvent::Element(e))) if e.is("error", ns::STREAM) => {
                let condition = first_child(&e).unwrap_or("undefined-condition").to_owned();
                // The other side reports the precise reason; here it only ended the stream.
                let mut actions = self.close();
                actions.push(Action::Finish(Err(StreamFailure {
                    blame: Blame::PeerClosed,
                    condition: Condition::StreamError { condition },
                })));
                actions
            }
            (State::ExpectProceed, Input::Received(StreamEvent::Element(e)))
                if e.is("failure", ns::TLS) =>
            {
                // RFC 6120 §5.4.2.2: the receiving server also ends the TCP connection, so no
                // closing tag can answer its own. Some send one anyway.
                let mut actions = if self.profile().close_after_tls_failure.value {
                    self.close()
                } else {
                    self.closed = true;
                    Vec::new()
                };
                actions.push(Action::Finish(Err(StreamFailure {
                    condition: Condition::TlsFailure,
                    blame: Blame::TlsUnavailable { local: false },
                })));
                actions
            }
            // RFC 6120 §4.4: a closing tag is answered with one.
            (State::Done, Input::Received(StreamEvent::Close)) => self.close(),
            (State::Done, _) => Vec::new(),
            (_, Input::Received(StreamEvent::Close)) => {
                let mut actions = self.close();
                actions.push(closed_by_peer());
                actions
            }
            (_, Input::ConnectionClosed) => vec![closed_by_peer()],
            // Answers to the verification requests this stream carries ([`Action::Carry`]):
            // the driver hands them on to the machine that waits for them.
            (state, Input::Received(StreamEvent::Element(e)))
                if e.is("verify", ns::DIALBACK) && e.get("type").is_some() =>
            {
                self.state = state;
                Vec::new()
            }
            // Anything else the other side sends breaks the protocol.
            (_, Input::Received(event)) => {
                let lang = self.profile().texts_have_lang.value;
                refuse_unexpected(&unexpected(&event), &mut self.closed, lang)
            }
            (_, input) => vec![Action::Finish(Err(misdriven(&input)))],
        }
    }
}

/// The name of an element's first child element: the condition of an error.
pub(crate) fn first_child(element: &Element) -> Option<&str> {
    element
        .elements()
        .find(|e| e.local != "text")
        .map(|e| e.local.as_str())
}
