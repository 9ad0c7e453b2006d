//! The receiving server (XEP-0220 §1.3): answers the stream, offers features as its policy
//! allows, and authenticates the initiating server by SASL EXTERNAL or by dialback through the
//! authoritative server.

use super::machine::{
    Action, Blame, Done, Input, Machine, Note, NoteKind, Offer, PeerValue, Reason, Rejection,
    Restart, StreamFailure, StreamIds, Verification, VerifyRequest, abandon, closed_by_peer,
    ending, header, misdriven, refuse_unexpected, unexpected, unexpected_element,
};
use super::peer::{Certificate, Peer};
use super::profile::{
    DeclaresDialback, Denial, Ending, ExternalOffer, NothingToOffer, Profile, Unverified,
};
use super::setting::PeerSetting;
use super::trace::Condition;
use super::xml::{Element, StreamEvent, ns};
use crate::domain::Domain;
use crate::matrix::AuthenticationMethod;
use crate::settings::Negotiation;

#[derive(Debug, Clone, PartialEq, Eq)]
enum State {
    ExpectHeader { restart: Restart },
    ExpectCommand,
    Handshaking,
    Verifying,
    Established,
    Done,
}

/// The receiving server's side of a stream: it answers the header, offers its features,
/// judges the initiating server's certificate, and has dialback keys checked
/// ([`Action::Verify`]). With [`Receiving::with_authority`] it also answers `<db:verify/>` for
/// its own domain, as the authoritative server. See [`machine`](super::machine) for how to
/// drive it.
#[derive(Debug, Clone)]
pub struct Receiving {
    policy: Peer,
    /// The domains it accepts streams from; `None` for any.
    accepts: Option<Vec<Domain>>,
    ids: StreamIds,
    state: State,
    stream_id: String,
    sender: Option<Domain>,
    encrypted: bool,
    client_certificate: Option<Certificate>,
    sasl_done: bool,
    /// Whether this side has sent its closing stream tag.
    closed: bool,
    /// The dialback secret of this server's domain, when it answers `<db:verify/>` on its
    /// incoming streams as the authoritative server (XEP-0220 §2.2.2).
    authority: Option<String>,
    /// The dialback key being verified.
    key: String,
    /// Whether the sender domain is one its access rules deny, refused only when it acts.
    sender_denied: bool,
}

impl Receiving {
    /// A receiving server with `policy`, accepting streams from the domains in `accepts` (all,
    /// with `None`); `seed` makes its stream ids (a real server seeds it from a random source).
    pub fn new(policy: Peer, accepts: Option<Vec<Domain>>, seed: u64) -> Receiving {
        Receiving {
            policy,
            accepts,
            ids: StreamIds::new(seed),
            state: State::ExpectHeader {
                restart: Restart::Initial,
            },
            stream_id: String::new(),
            sender: None,
            encrypted: false,
            client_certificate: None,
            sasl_done: false,
            closed: false,
            authority: None,
            key: String::new(),
            sender_denied: false,
        }
    }

    /// The same server, also answering key verifications for its own domain with `secret`, on
    /// any of its incoming streams, authenticated or not (as Prosody and Openfire do).
    pub fn with_authority(mut self, secret: String) -> Receiving {
        self.authority = Some(secret);
        self
    }

    /// Whether the TLS handshake goes through with the initiating server's certificate, if it
    /// presented one: under strict validation, anything but a valid certificate ends it (XEP-0178
    /// §3 step 7a: "If certificate is unacceptable ..., Server2 closes Server1's TCP
    /// connection").
    pub fn judge(&self, presented: Option<Certificate>) -> Option<Rejection> {
        let status = presented?;
        if !self.profile().refuses_in_handshake.value {
            return None;
        }
        (status != Certificate::Valid && self.policy.strict_certificate_validation).then(|| {
            Rejection {
                status,
                cause: PeerValue::strict(&self.policy),
            }
        })
    }

    /// Whether SASL EXTERNAL is offered after TLS. RFC 6120 §6.3.4 and XEP-0178 §3 step 9 offer
    /// it when the certificate is acceptable and valid for the sender's domain; some servers
    /// offer it on every encrypted stream and check the certificate on `<auth/>`.
    fn offers_external(&self) -> bool {
        self.encrypted
            && self.policy.effective_sasl().is_supported()
            && match self.profile().external_offer.value {
                ExternalOffer::Encrypted => true,
                ExternalOffer::ValidCertificate => {
                    self.client_certificate == Some(Certificate::Valid)
                }
            }
    }

    fn profile(&self) -> &'static Profile {
        self.policy.profile()
    }

    /// Answers a stream header: checks the addressing, opens the response stream with a new id,
    /// and offers the features of this stage (RFC 6120 §4.3, §4.7).
    fn accept(&mut self, initial: &Element, restart: Restart) -> Vec<Action> {
        self.stream_id = self.ids.next();
        let dialback = self.policy.uses_dialback();
        let profile = self.profile();
        let declared = dialback || profile.declares_dialback.value == DeclaresDialback::Always;
        let from = initial.get("from").and_then(|f| Domain::parse(f).ok());
        let to_us = initial
            .get("to")
            .and_then(|t| Domain::parse(t).ok())
            .is_some_and(|t| t == self.policy.domain);
        let mut actions = vec![Action::Header(
            header(
                self.policy
                    .answers_as
                    .as_ref()
                    .unwrap_or(&self.policy.domain),
                from.as_ref().unwrap_or(&self.policy.domain),
                Some(&self.stream_id),
                declared,
            ),
            Note::because(
                NoteKind::StreamAccept {
                    restart,
                    dialback: declared,
                },
                PeerValue::dialback_use(&self.policy),
            ),
        )];
        if !to_us {
            // RFC 6120 §4.9.3.6.
            actions.extend(self.fail(
                "host-unknown",
                None,
                Reason::HostUnknown,
                None,
                Blame::HostUnknown,
            ));
            return actions;
        }
        let Some(from) = from else {
            actions.extend(self.fail(
                "improper-addressing",
                None,
                Reason::NotAllowed,
                None,
                Blame::NotAllowed,
            ));
            return actions;
        };
        if let Some(accepts) = &self.accepts
            && !accepts.contains(&from)
        {
            // The XMPP Federated Partners list: "Users can only communicate with an XMPP
            // network if that network has been configured as an allowed partner."
            let text = format!("{} is not an allowed XMPP partner", from.as_str());
            actions.extend(self.fail(
                "policy-violation",
                Some(&text),
                Reason::NotAllowed,
                Some(PeerValue {
                    setting: PeerSetting::Accepts,
                    value: from.as_str().to_owned(),
                }),
                Blame::NotAllowed,
            ));
            return actions;
        }
        if self.policy.denied_domains.contains(&from) {
            match profile.denial.value {
                Denial::AfterAuthentication => self.sender_denied = true,
                Denial::AtStream => {
                    // The simulator's own words: servers word this refusal each their own way.
                    let text = format!("{} is denied by this server's access rules", from.as_str());
                    actions.extend(self.fail(
                        "policy-violation",
                        Some(&text),
                        Reason::Denied,
                        Some(PeerValue {
                            setting: PeerSetting::DeniedDomains,
                            value: from.as_str().to_owned(),
                        }),
                        Blame::Denied,
                    ));
                    return actions;
                }
            }
        }
        self.sender = Some(from);

        if self.sasl_done {
            // RFC 6120 §6.4.6: after SASL, usually an empty features element. Some servers
            // still list dialback there: they offer it on every stream.
            self.state = State::Established;
            let mut features = Element::prefixed("stream", "features", ns::STREAM);
            let mut offer = Offer {
                complete: true,
                ..Offer::default()
            };
            if profile.dialback_after_sasl.value && self.policy.dialback {
                features = features.child(dialback_feature(&mut offer, profile));
            }
            actions.push(Action::Send(features, Note::new(NoteKind::Features(offer))));
            actions.push(Action::Finish(Ok(Done {
                method: AuthenticationMethod::SaslOverTls,
                encrypted: true,
                peer_certificate: self.client_certificate,
            })));
            return actions;
        }

        let sasl = self.policy.effective_sasl();
        if self.encrypted && sasl == Negotiation::Required {
            let status = self.client_certificate.unwrap_or(Certificate::Missing);
            if status != Certificate::Valid {
                // Prosody with s2s_secure_auth, after the TLS restart: "Your server's
                // certificate has expired".
                let text = format!(
                    "Your server's certificate {}",
                    status.problem_as(profile.certificate_words.value)
                );
                actions.extend(self.fail(
                    "not-authorized",
                    Some(&text),
                    Reason::SecureAuth { status },
                    Some(PeerValue::sasl(&self.policy)),
                    Blame::Certificate { local: false },
                ));
                return actions;
            }
        }

        // A server that requires TLS but has no certificate can take no stream at all: a
        // misconfiguration (RFC 6120 §4.9.3.8).
        if !self.encrypted
            && self.policy.tls == Negotiation::Required
            && self.policy.certificate == Certificate::Missing
            && let Some(ending) = profile.tls_without_certificate.value
        {
            actions.extend(self.end_with(
                ending,
                Reason::TlsWithoutCertificate,
                Some(PeerValue::certificate(&self.policy)),
                Blame::TlsUnavailable { local: true },
            ));
            return actions;
        }

        let mut offer = Offer::default();
        let mut features = Element::prefixed("stream", "features", ns::STREAM);
        let mut cause = None;
        let offers_starttls = !self.encrypted
            && (self.policy.can_offer_tls()
                || (profile.starttls_without_certificate.value && self.policy.tls.is_supported()));
        if offers_starttls {
            let by_policy =
                self.policy.tls == Negotiation::Required && profile.required_by_policy.value;
            let without_dialback = profile.required_without_dialback.value && !dialback;
            let required = by_policy || without_dialback;
            let mut starttls = Element::new("starttls", ns::TLS);
            if required {
                starttls = starttls.child(Element::inherit("required", ns::TLS));
            }
            features = features.child(starttls);
            offer.starttls = Some(required);
            // What made STARTTLS required is what to change: the TLS policy, or dialback off.
            cause = Some(if without_dialback && !by_policy {
                PeerValue::dialback(&self.policy)
            } else {
                PeerValue::tls(&self.policy)
            });
        }
        // §5.3.1: with TLS required, offer nothing else before it; some servers do.
        let beside = profile.offers_beside_required_starttls.value;
        let tls_first = !self.encrypted && self.policy.tls == Negotiation::Required;
        if !tls_first || beside {
            let dialback_here = dialback && (!self.encrypted || profile.dialback_after_tls.value);
            let mechanisms = if self.offers_external() {
                offer.external = true;
                Some(external())
            } else if !self.encrypted && profile.empty_mechanisms.value {
                Some(Element::new("mechanisms", ns::SASL))
            } else {
                None
            };
            // SASL before dialback: Prosody's features after TLS (case "prosody defaults ×
            // ours tls=Optional sasl=Optional dialback=true valid certificate (outbound)"),
            // ejabberd's, and Openfire's (`LocalIncomingServerSession.java` lines 187-196,
            // v4.8.0).
            let dialback_element = dialback_here.then(|| dialback_feature(&mut offer, profile));
            for element in [mechanisms, dialback_element].into_iter().flatten() {
                features = features.child(element);
            }
            cause = cause
                .or_else(|| offer.external.then(|| PeerValue::sasl(&self.policy)))
                .or_else(|| offer.dialback.then(|| PeerValue::dialback(&self.policy)));
        }
        if offer == Offer::default() {
            // Nothing could authenticate the initiating server.
            let failure = match profile.nothing_to_offer.value {
                NothingToOffer::SendsFeatures => Vec::new(),
                // Prosody's mod_s2s: "No stream features to offer, giving up".
                NothingToOffer::UndefinedCondition => self.fail(
                    "undefined-condition",
                    Some("No stream features to offer"),
                    Reason::NothingToOffer,
                    Some(PeerValue::dialback(&self.policy)),
                    Blame::NoCommonMethod,
                ),
                // End the stream rather than send an empty features element, which would mean
                // "negotiation complete" (§4.3.2). §6.4.5: "if ... weak identity verification
                // is insufficient then the receiving entity SHOULD instead close the stream
                // with a <policy-violation/>".
                NothingToOffer::PolicyViolation => {
                    let cause = if self.policy.uses_dialback() {
                        PeerValue::sasl(&self.policy)
                    } else {
                        PeerValue::dialback_use(&self.policy)
                    };
                    self.fail(
                        "policy-violation",
                        Some("No authentication method is available for this connection"),
                        Reason::NothingToOffer,
                        Some(cause),
                        Blame::NoCommonMethod,
                    )
                }
            };
            if !failure.is_empty() {
                actions.extend(failure);
                return actions;
            }
        }
        actions.push(Action::Send(
            features,
            Note {
                kind: NoteKind::Features(offer),
                cause,
            },
        ));
        self.state = State::ExpectCommand;
        actions
    }

    fn command(&mut self, element: &Element) -> Vec<Action> {
        if element.is("starttls", ns::TLS) {
            if self.policy.can_offer_tls() && !self.encrypted {
                self.state = State::Handshaking;
                return vec![
                    Action::Send(
                        Element::new("proceed", ns::TLS),
                        Note::because(NoteKind::Proceed, PeerValue::tls(&self.policy)),
                    ),
                    Action::StartTls,
                ];
            }
            // RFC 6120 §5.4.2.2: failure, then close the stream and the connection.
            let cause = if self.policy.tls.is_supported() {
                PeerValue::certificate(&self.policy)
            } else {
                PeerValue::tls(&self.policy)
            };
            if let Some(ending) = self.profile().starttls_refusal.value {
                return self.end_with(
                    ending,
                    Reason::TlsDisabled,
                    Some(cause),
                    Blame::TlsUnavailable { local: true },
                );
            }
            let mut actions = vec![Action::Send(
                Element::new("failure", ns::TLS),
                Note::because(NoteKind::TlsRefused, cause),
            )];
            actions.extend(self.close());
            actions.push(Action::Finish(Err(StreamFailure {
                condition: Condition::TlsFailure,
                blame: Blame::TlsUnavailable { local: true },
            })));
            return actions;
        }
        if element.is("auth", ns::SASL) {
            return self.auth();
        }
        if element.is("result", ns::DIALBACK) {
            return self.dialback(element);
        }
        if element.is("error", ns::STREAM) {
            // The initiating server gave up; its error says why.
            let condition = super::initiating::first_child(element)
                .unwrap_or("undefined-condition")
                .to_owned();
            let mut actions = self.close();
            actions.push(Action::Finish(Err(StreamFailure {
                condition: Condition::StreamError { condition },
                blame: Blame::PeerClosed,
            })));
            return actions;
        }
        // Anything else breaks the protocol: a stanza before the stream is authenticated, or an
        // element this server does not know.
        self.state = State::Done;
        let lang = self.profile().texts_have_lang.value;
        refuse_unexpected(&unexpected_element(element), &mut self.closed, lang)
    }

    /// SASL EXTERNAL (RFC 6120 §6.4, XEP-0178 §3 step 11).
    fn auth(&mut self) -> Vec<Action> {
        let status = self.client_certificate.unwrap_or(Certificate::Missing);
        if status == Certificate::Valid {
            self.sasl_done = true;
            self.state = State::ExpectHeader {
                restart: Restart::AfterSasl,
            };
            return vec![Action::Send(
                Element::new("success", ns::SASL),
                Note::because(NoteKind::SaslSuccess, PeerValue::sasl(&self.policy)),
            )];
        }
        let mut failure =
            Element::new("failure", ns::SASL).child(Element::inherit("not-authorized", ns::SASL));
        let profile = self.profile();
        if profile.sasl_failure_text.value {
            failure = failure.child(
                Element::inherit("text", ns::SASL)
                    .attr("xml:lang", "en")
                    .text(&status.problem_as(profile.certificate_words.value)),
            );
        }
        // The stream stays open for dialback (RFC 6120 §6.4.5 note); some servers keep it open
        // whether or not they take dialback.
        let stays_open = self.policy.uses_dialback() || profile.sasl_failure_keeps_stream.value;
        let mut actions = vec![Action::Send(
            failure,
            Note::because(
                NoteKind::SaslFailure { stays_open },
                PeerValue::sasl(&self.policy),
            ),
        )];
        if stays_open {
            // The stream stays open for dialback (RFC 6120 §6.4.5 note).
            self.state = State::ExpectCommand;
        } else {
            actions.extend(self.close());
            actions.push(Action::Finish(Err(StreamFailure {
                condition: Condition::SaslFailure {
                    condition: "not-authorized".to_owned(),
                },
                blame: Blame::Certificate { local: false },
            })));
        }
        actions
    }

    /// A dialback key arrived (XEP-0220 step 1): check it with the authoritative server.
    fn dialback(&mut self, result: &Element) -> Vec<Action> {
        let profile = self.profile();
        if !self.policy.uses_dialback()
            && let Some(ending) = profile.dialback_disabled.value
        {
            let cause = if self.policy.dialback {
                PeerValue::sasl(&self.policy)
            } else {
                PeerValue::dialback(&self.policy)
            };
            return self.end_with(
                ending,
                Reason::DialbackDisabled,
                Some(cause),
                Blame::NoCommonMethod,
            );
        }
        // Some verify first and check encryption once authenticated (see `verified`).
        if !self.encrypted
            && self.policy.tls == Negotiation::Required
            && !profile.late_encryption_check.value
        {
            // XEP-0220 §2.5 policy-violation: "The Receiving Server enforces a policy mandating
            // usage of TLS before dialback and the Initiating Server sent the dialback request
            // without using TLS."
            return self.end_with(
                profile.plain_dialback.value,
                Reason::DialbackWithoutTls,
                Some(PeerValue::tls(&self.policy)),
                Blame::TlsUnavailable { local: true },
            );
        }
        let (Some(originating), key) = (
            result.get("from").and_then(|f| Domain::parse(f).ok()),
            result.text_content(),
        ) else {
            return self.fail(
                "improper-addressing",
                None,
                Reason::NotAllowed,
                None,
                Blame::NotAllowed,
            );
        };
        self.key = key.clone();
        if self.sender_denied {
            // mod_s2s_dialback.erl check_from_to, lines 347-357 (ejabberd 23.01).
            let error = Element::inherit("error", ns::SERVER)
                .attr("type", "auth")
                .child(Element::new("forbidden", ns::STANZAS))
                .child(
                    Element::new("text", ns::STANZAS)
                        .attr("xml:lang", "en")
                        .text("Access denied by service policy"),
                );
            let result = Element::prefixed("db", "result", ns::DIALBACK)
                .attr("from", self.policy.domain.as_str())
                .attr("to", originating.as_str())
                .attr("type", "error")
                .child(error);
            self.state = State::ExpectCommand;
            return vec![
                Action::Send(
                    result,
                    Note::because(
                        NoteKind::DialbackDenied,
                        PeerValue {
                            setting: PeerSetting::DeniedDomains,
                            value: originating.as_str().to_owned(),
                        },
                    ),
                ),
                Action::Finish(Err(StreamFailure {
                    condition: Condition::DialbackError {
                        condition: "forbidden".to_owned(),
                    },
                    blame: Blame::Denied,
                })),
            ];
        }
        if profile.dialback_trusts_certificate.value
            && self.client_certificate == Some(Certificate::Valid)
        {
            // The certificate already proves the domain: no need to ask the authoritative
            // server.
            return self.verified(Verification::Valid, None);
        }
        self.state = State::Verifying;
        vec![Action::Verify(VerifyRequest {
            receiving: self.policy.domain.clone(),
            originating,
            stream_id: self.stream_id.clone(),
            key,
        })]
    }

    /// No answer about the key will come: the stream that was to carry its verification
    /// failed, for the reason `why` when the verifying server says one.
    fn unanswered(&mut self, why: Option<String>) -> Vec<Action> {
        let condition = match self.profile().unverified.value {
            Unverified::Timeout => {
                // The unauthenticated stream waits until the server's timeout (Prosody's
                // s2s_timeout, 90 s by default) and then closes.
                return self.fail(
                    "connection-timeout",
                    None,
                    Reason::VerificationTimedOut,
                    None,
                    Blame::Unverified,
                );
            }
            Unverified::RemoteServerTimeout => "remote-server-timeout",
            Unverified::RemoteServerNotFound => "remote-server-not-found",
        };
        self.verified(Verification::Error(condition), why)
    }

    /// The authoritative server answered (XEP-0220 step 3); report it (step 4), with `why` as
    /// the text of an error.
    fn verified(&mut self, verification: Verification, why: Option<String>) -> Vec<Action> {
        let profile = self.profile();
        if profile.late_encryption_check.value
            && verification == Verification::Valid
            && !self.encrypted
            && self.policy.tls == Negotiation::Required
        {
            // mod_s2s make_authenticated: s2s_require_encryption is checked once authenticated.
            return self.fail(
                "policy-violation",
                Some("Encrypted server-to-server communication is required but was not used"),
                Reason::EncryptionRequired {
                    authenticated: true,
                },
                Some(PeerValue::tls(&self.policy)),
                Blame::EncryptionUnavailable,
            );
        }
        let sender = self
            .sender
            .clone()
            .unwrap_or_else(|| self.policy.domain.clone());
        let mut result = Element::prefixed("db", "result", ns::DIALBACK)
            .attr("from", self.policy.domain.as_str())
            .attr("to", sender.as_str());
        let repeat = profile.answers_repeat_key.value;
        match &verification {
            Verification::Valid if repeat => {
                result = result.attr("type", "valid").text(&self.key);
            }
            Verification::Invalid if repeat => {
                result = result.attr("type", "invalid").text(&self.key);
            }
            Verification::Valid => result = result.attr("type", "valid"),
            Verification::Invalid => result = result.attr("type", "invalid"),
            Verification::Error(condition) => {
                // RFC 6120 §8.3.3.17: a timeout is worth retrying later; the rest are not.
                let kind = if *condition == "remote-server-timeout" {
                    "wait"
                } else {
                    "cancel"
                };
                let mut error = Element::inherit("error", ns::SERVER)
                    .attr("type", kind)
                    .child(Element::new(condition, ns::STANZAS));
                if let Some(why) = why {
                    error = error.child(
                        Element::new("text", ns::STANZAS)
                            .attr("xml:lang", "en")
                            .text(&why),
                    );
                }
                result = result.attr("type", "error").child(error);
            }
        }
        let note = Note::new(NoteKind::DialbackResult(verification.clone()));
        match verification {
            Verification::Valid => {
                self.state = State::Established;
                vec![
                    Action::Send(result, note),
                    Action::Finish(Ok(Done {
                        method: if self.encrypted {
                            AuthenticationMethod::TlsDialback
                        } else {
                            AuthenticationMethod::TcpDialback
                        },
                        encrypted: self.encrypted,
                        peer_certificate: self.client_certificate,
                    })),
                ]
            }
            Verification::Invalid => {
                // XEP-0220 §2.2.1: "the Receiving Server SHOULD send a result with type
                // "invalid" and MUST close the XML stream." Some leave it open.
                let mut actions = vec![Action::Send(result, note)];
                if !profile.keeps_stream_after_invalid_key.value {
                    actions.extend(self.close());
                }
                actions.push(Action::Finish(Err(StreamFailure {
                    condition: Condition::DialbackInvalid,
                    blame: Blame::KeyInvalid,
                })));
                actions
            }
            Verification::Error(condition) => {
                // XEP-0220 §2.5: non-fatal for the stream; some end it all the same.
                self.state = State::ExpectCommand;
                let mut actions = vec![
                    Action::Send(result, note),
                    Action::Finish(Err(StreamFailure {
                        condition: Condition::DialbackError {
                            condition: condition.to_owned(),
                        },
                        blame: Blame::Authoritative,
                    })),
                ];
                if let Some(ending) = profile.after_dialback_error.value {
                    actions.extend(self.end_with(
                        ending,
                        Reason::AfterDialbackError,
                        None,
                        Blame::Authoritative,
                    ));
                }
                actions
            }
        }
    }

    /// Ends the stream as the profile says: with a stream error, or a bare closing tag.
    fn end_with(
        &mut self,
        ending: Ending,
        reason: Reason,
        cause: Option<PeerValue>,
        blame: Blame,
    ) -> Vec<Action> {
        self.state = State::Done;
        let lang = self.profile().texts_have_lang.value;
        abandon(ending, reason, cause, &mut self.closed, blame, lang)
    }

    fn fail(
        &mut self,
        condition: &'static str,
        text: Option<&str>,
        reason: Reason,
        cause: Option<PeerValue>,
        blame: Blame,
    ) -> Vec<Action> {
        let close = self.close();
        let lang = self.profile().texts_have_lang.value;
        ending(condition, text, reason, cause, close, blame, lang)
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
}

impl Machine for Receiving {
    /// Nothing: the receiving server waits for the other side's stream header.
    fn start(&mut self) -> Vec<Action> {
        Vec::new()
    }

    fn handle(&mut self, input: Input) -> Vec<Action> {
        if let (Some(secret), Input::Received(StreamEvent::Element(e))) = (&self.authority, &input)
            && e.is("verify", ns::DIALBACK)
            && e.get("type").is_none()
            && self.state != State::Done
        {
            let profile = self.profile();
            if profile.refuses_verify_before_tls.value
                && !self.encrypted
                && self.policy.tls == Negotiation::Required
            {
                return self.end_with(
                    profile.plain_dialback.value,
                    Reason::DialbackWithoutTls,
                    Some(PeerValue::tls(&self.policy)),
                    Blame::TlsUnavailable { local: true },
                );
            }
            return vec![answer_verify(secret, e, profile)];
        }
        let state = std::mem::replace(&mut self.state, State::Done);
        match (state, input) {
            (State::ExpectHeader { restart }, Input::Received(StreamEvent::Header(h))) => {
                self.accept(&h, restart)
            }
            (State::ExpectCommand, Input::Received(StreamEvent::Element(e))) => self.command(&e),
            (State::Handshaking, Input::TlsEstablished { peer }) => {
                self.encrypted = true;
                self.client_certificate = peer;
                self.state = State::ExpectHeader {
                    restart: Restart::AfterTls,
                };
                Vec::new()
            }
            (State::Verifying, Input::Verified(verification)) => self.verified(verification, None),
            (State::Verifying, Input::Unanswered(why)) => self.unanswered(why),
            // RFC 6120 §4.4: a closing tag is answered with one.
            (state @ (State::Established | State::Done), Input::Received(StreamEvent::Close)) => {
                self.state = state;
                self.close()
            }
            // A stanza from a sender domain its access rules deny (ejabberd_s2s_in.erl
            // check_from, lines 309-325, 23.01).
            (State::Established, Input::Received(StreamEvent::Element(e)))
                if self.sender_denied && e.namespace == ns::SERVER =>
            {
                self.end_with(
                    Ending::StreamError {
                        condition: "invalid-from",
                        text: None,
                    },
                    Reason::Denied,
                    Some(PeerValue {
                        setting: PeerSetting::DeniedDomains,
                        value: self
                            .sender
                            .as_ref()
                            .map(|d| d.as_str().to_owned())
                            .unwrap_or_default(),
                    }),
                    Blame::Denied,
                )
            }
            (state @ (State::Established | State::Done), _) => {
                self.state = state;
                Vec::new()
            }
            (_, Input::Received(StreamEvent::Close)) => {
                let mut actions = self.close();
                actions.push(closed_by_peer());
                actions
            }
            (_, Input::ConnectionClosed) => vec![closed_by_peer()],
            // Anything else the other side sends breaks the protocol.
            (_, Input::Received(event)) => {
                let lang = self.profile().texts_have_lang.value;
                refuse_unexpected(&unexpected(&event), &mut self.closed, lang)
            }
            (_, input) => vec![Action::Finish(Err(misdriven(&input)))],
        }
    }
}

/// The authoritative server's answer to `<db:verify/>` (XEP-0220 §2.2.2): the key is recomputed
/// from the request's attributes, `from` being the receiving server, `to` the originating one
/// and `id` the stream.
/// Some servers repeat the key in their answer; each checks keys the way it makes them.
pub(crate) fn answer_verify(secret: &str, request: &Element, profile: &Profile) -> Action {
    let repeat_key = profile.answers_repeat_key.value;
    let receiving = request.get("from").unwrap_or_default();
    let originating = request.get("to").unwrap_or_default();
    let id = request.get("id").unwrap_or_default();
    let valid = super::dialback::verify(
        profile.dialback_key.value,
        secret,
        receiving,
        originating,
        id,
        &request.text_content(),
    );
    let mut answer = Element::prefixed("db", "verify", ns::DIALBACK)
        .attr("from", originating)
        .attr("id", id)
        .attr("to", receiving)
        .attr("type", if valid { "valid" } else { "invalid" });
    if repeat_key {
        answer = answer.text(&request.text_content());
    }
    Action::Send(answer, Note::new(NoteKind::VerifyAnswer { valid }))
}

/// The dialback stream feature (XEP-0220 §2.4.2), with `<errors/>` (XEP-0220 §2.5) when the
/// server announces error handling; both are recorded in the offer.
fn dialback_feature(offer: &mut Offer, profile: &Profile) -> Element {
    offer.dialback = true;
    offer.dialback_errors = profile.dialback_errors.value;
    let feature = Element::new("dialback", ns::DIALBACK_FEATURE);
    if offer.dialback_errors {
        feature.child(Element::inherit("errors", ns::DIALBACK_FEATURE))
    } else {
        feature
    }
}

/// SASL EXTERNAL as the only mechanism (RFC 6120 §6.4.1).
fn external() -> Element {
    Element::new("mechanisms", ns::SASL)
        .child(Element::inherit("mechanism", ns::SASL).text("EXTERNAL"))
}
