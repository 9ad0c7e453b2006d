//! Plays a scenario out: wires the state machines together in memory, with a simulated DNS,
//! TLS handshake and authoritative server, and records every step.

use std::collections::VecDeque;

use super::authoritative::{Authoritative, Verifier};
use super::fix;
use super::initiating::Initiating;
use super::machine::{Action, Cause, Done, Endpoint, Failed, Field, Input, Note, NoteKind, Reason};
use super::peer::{Certificate, Peer};
use super::receiving::Receiving;
use super::scenario::{Direction, DnsRecord, Scenario, Setting, Side};
use super::text::Context;
use super::trace::{
    Condition, Connection, Failure, FederationLevel, Kind, Outcome, Party, Step, Trace,
};
use super::xml::{Element, STREAM_CLOSE, StreamEvent, StreamParser, ns, stream_header};
use crate::matrix::AuthenticationMethod;

/// Plays the scenario out.
///
/// ```
/// use xmpp_federation::s2s::{Direction, Preset, Scenario, simulate};
/// use xmpp_federation::{AuthenticationMethod, Domain, PartnerConfig};
///
/// let fabrikam = Domain::parse("fabrikam.com")?;
/// let mut config = PartnerConfig::new(fabrikam.clone());
/// config.sasl_negotiation = xmpp_federation::Negotiation::Optional;
/// let scenario = Scenario::new(
///     Domain::parse("contoso.com")?,
///     config,
///     Preset::Prosody.peer(fabrikam),
///     Direction::Outbound,
/// );
/// let trace = simulate(&scenario);
/// assert_eq!(trace.outcome().method, Some(AuthenticationMethod::SaslOverTls));
/// assert!(trace.steps().iter().any(|s| s.xml().is_some_and(|x| x.contains("<starttls"))));
/// # Ok::<(), xmpp_federation::DomainError>(())
/// ```
pub fn simulate(scenario: &Scenario) -> Trace {
    let run = run(scenario);
    let outcome = match &run.result {
        Ok(done) => established(done, &run),
        Err((step, failed, reporter)) => {
            let fault = fix::fault(scenario, failed, *reporter);
            Outcome {
                established: false,
                method: None,
                encrypted: run.encrypted,
                authenticated: false,
                level: None,
                failure: Some(Failure {
                    step: *step,
                    condition: failed.condition.clone(),
                    fault,
                    fix: fix::smallest(scenario),
                }),
            }
        }
    };
    Trace {
        scenario: scenario.clone(),
        steps: run.steps,
        outcome,
    }
}

fn established(done: &Done, run: &Run) -> Outcome {
    Outcome {
        established: true,
        method: Some(done.method),
        encrypted: done.encrypted,
        authenticated: done.method == AuthenticationMethod::SaslOverTls,
        level: Some(level(done, run.receiving_certificate)),
        failure: None,
    }
}

/// XEP-0238: trusted needs trusted certificates both ways and SASL EXTERNAL; TLS otherwise gives
/// encrypted; plain dialback gives verified.
pub(crate) fn level(done: &Done, receiving_certificate: Certificate) -> FederationLevel {
    match done.method {
        AuthenticationMethod::SaslOverTls if receiving_certificate == Certificate::Valid => {
            FederationLevel::Trusted
        }
        AuthenticationMethod::TcpDialback => FederationLevel::Verified,
        _ => FederationLevel::Encrypted,
    }
}

/// The steps and result of one run, without the fix search.
pub(crate) struct Run {
    pub steps: Vec<Step>,
    /// The result; a failure comes with its step and the side that reported it.
    pub result: Result<Done, (usize, Failed, Side)>,
    pub encrypted: bool,
    /// The receiving server's certificate, which the initiating server judged.
    pub receiving_certificate: Certificate,
}

/// The machines of one simulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Initiating,
    Receiving,
    Verifier,
    Authoritative,
}

impl Who {
    fn connection(self) -> Connection {
        match self {
            Who::Initiating | Who::Receiving => Connection::Main,
            Who::Verifier | Who::Authoritative => Connection::Verification,
        }
    }

    fn peer(self) -> Who {
        match self {
            Who::Initiating => Who::Receiving,
            Who::Receiving => Who::Initiating,
            Who::Verifier => Who::Authoritative,
            Who::Authoritative => Who::Verifier,
        }
    }
}

/// The most steps a negotiation takes; a guard against a machine that never settles.
const MAX_STEPS: usize = 200;

struct Driver<'a> {
    scenario: &'a Scenario,
    initiating_peer: Peer,
    receiving_peer: Peer,
    ours_initiating: bool,
    context: Context,
    initiating: Initiating,
    receiving: Receiving,
    verifier: Option<Verifier>,
    authoritative: Authoritative,
    /// The parser of what each machine receives.
    parsers: [StreamParser; 4],
    queue: VecDeque<(Who, Input)>,
    steps: Vec<Step>,
    main_stream_id: Option<String>,
    verify_stream_id: Option<String>,
    encrypted: bool,
    tls_ready: [bool; 2],
    closed: [bool; 2],
    done: Option<Done>,
    failure: Option<(usize, Failed, Side)>,
}

fn index(who: Who) -> usize {
    match who {
        Who::Initiating => 0,
        Who::Receiving => 1,
        Who::Verifier => 2,
        Who::Authoritative => 3,
    }
}

/// The secret a side signs dialback keys with: the gateway's passphrase for our side, or a
/// secret derived from the seed.
fn secret(scenario: &Scenario, ours: bool) -> String {
    if ours {
        match &scenario.ours.dialback_passphrase {
            Some(p) => p.passphrase().expose().to_owned(),
            None => format!("lync-dialback-{}", scenario.seed),
        }
    } else {
        format!(
            "{}-dialback-{}",
            scenario.partner.domain.as_str(),
            scenario.seed
        )
    }
}

/// The setting behind a machine's cause, named as the scenario names it for that side.
pub(crate) fn setting(
    side: Side,
    cause: &Cause,
    config: &crate::partner::PartnerConfig,
) -> Setting {
    let name = match (side, cause.field) {
        (Side::Ours, Field::Tls) => "tlsNegotiation",
        (Side::Ours, Field::Sasl) => "saslNegotiation",
        (Side::Ours, Field::Dialback) => "supportDialbackNegotiation",
        (Side::Ours, Field::Accepts) => {
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
            return Setting::new(side, "additionalDomains", value);
        }
        (_, Field::Tls) => "tls",
        (_, Field::Sasl) => "sasl",
        (_, Field::Dialback) => "dialback",
        (_, Field::Accepts) => "accepts",
        (_, Field::Certificate) => "certificate",
        (_, Field::Strict) => "strictCertificateValidation",
    };
    Setting::new(side, name, cause.value.clone())
}

pub(crate) fn run(scenario: &Scenario) -> Run {
    let ours = scenario.our_peer();
    let partner = scenario.partner.clone();
    let ours_initiating = scenario.direction == Direction::Outbound;
    let (initiating_peer, receiving_peer) = if ours_initiating {
        (ours.clone(), partner.clone())
    } else {
        (partner.clone(), ours.clone())
    };
    let context = Context {
        initiating: initiating_peer.domain.clone(),
        receiving: receiving_peer.domain.clone(),
        ours_initiating,
    };
    let receiving_certificate = receiving_peer.certificate;
    let accepts: Vec<_> = scenario.partner_config.domains().cloned().collect();
    let allowed = accepts.contains(&partner.domain);

    // Our users can only reach a network that is an allowed partner: nothing is sent at all.
    if ours_initiating && !allowed {
        let step = Step {
            number: 1,
            from: Party::OurProxy,
            to: Party::Partner,
            connection: Connection::Main,
            xml: None,
            stream_id: None,
            encrypted: false,
            kind: Kind::NotAllowed {
                domain: partner.domain.clone(),
            },
            cause: Some(Setting::new(
                Side::Ours,
                "additionalDomains",
                partner.domain.as_str(),
            )),
            context,
        };
        return Run {
            steps: vec![step],
            result: Err((
                1,
                Failed {
                    condition: Condition::NotAllowed,
                    reason: Reason::NotAllowed,
                },
                Side::Ours,
            )),
            encrypted: false,
            receiving_certificate,
        };
    }

    let initiating_secret = secret(scenario, ours_initiating);
    let authoritative_secret = if scenario.environment.dialback_key_verifies {
        initiating_secret.clone()
    } else {
        // The authoritative server no longer knows the secret the key was made with.
        format!("{initiating_secret}-rotated")
    };
    let seed = scenario.seed;
    let mut driver = Driver {
        scenario,
        initiating: Initiating::new(
            initiating_peer.clone(),
            receiving_peer.domain.clone(),
            initiating_secret,
        ),
        receiving: Receiving::new(
            receiving_peer.clone(),
            (!ours_initiating).then_some(accepts),
            seed.wrapping_mul(2).wrapping_add(1),
        ),
        verifier: None,
        authoritative: Authoritative::new(
            initiating_peer.domain.clone(),
            authoritative_secret,
            seed.wrapping_mul(2).wrapping_add(2),
        ),
        initiating_peer,
        receiving_peer,
        ours_initiating,
        context,
        parsers: Default::default(),
        queue: VecDeque::new(),
        steps: Vec::new(),
        main_stream_id: None,
        verify_stream_id: None,
        encrypted: false,
        tls_ready: [false; 2],
        closed: [false; 2],
        done: None,
        failure: None,
    };
    let start = driver.initiating.start();
    driver.perform(Who::Initiating, start);
    while let Some((who, input)) = driver.queue.pop_front() {
        if driver.steps.len() > MAX_STEPS {
            break;
        }
        let actions = match who {
            Who::Initiating => driver.initiating.handle(input),
            Who::Receiving => driver.receiving.handle(input),
            Who::Authoritative => driver.authoritative.handle(input),
            Who::Verifier => {
                let (actions, verification) = match driver.verifier.as_mut() {
                    Some(verifier) => verifier.handle(input),
                    None => (Vec::new(), None),
                };
                // The verify stream's close goes out before the receiving server acts on the
                // answer.
                driver.perform(who, actions);
                if let Some(verification) = verification {
                    driver
                        .queue
                        .push_back((Who::Receiving, Input::Verified(verification)));
                }
                continue;
            }
        };
        driver.perform(who, actions);
    }
    let result = match (driver.failure, driver.done) {
        (Some(failure), _) => Err(failure),
        (None, Some(done)) => Ok(done),
        (None, None) => Err((
            driver.steps.len(),
            Failed {
                condition: Condition::ConnectionClosed,
                reason: Reason::PeerClosed,
            },
            Side::Environment,
        )),
    };
    Run {
        steps: driver.steps,
        result,
        encrypted: driver.encrypted,
        receiving_certificate,
    }
}

impl Driver<'_> {
    fn party(&self, who: Who) -> Party {
        let initiating_party = if self.ours_initiating {
            Party::OurProxy
        } else {
            Party::Partner
        };
        let receiving_party = if self.ours_initiating {
            Party::Partner
        } else {
            Party::OurProxy
        };
        match who {
            Who::Initiating => initiating_party,
            Who::Receiving | Who::Verifier => receiving_party,
            Who::Authoritative => Party::Authoritative,
        }
    }

    /// The side of the machine's policy, for causes.
    fn side(&self, who: Who) -> Side {
        let ours = match who {
            Who::Initiating => self.ours_initiating,
            Who::Receiving | Who::Verifier => !self.ours_initiating,
            Who::Authoritative => self.ours_initiating,
        };
        if ours { Side::Ours } else { Side::Partner }
    }

    fn setting(&self, who: Who, cause: &Cause) -> Setting {
        setting(self.side(who), cause, &self.scenario.partner_config)
    }

    fn record(
        &mut self,
        from: Party,
        to: Party,
        connection: Connection,
        xml: Option<String>,
        kind: Kind,
        cause: Option<Setting>,
    ) -> usize {
        let number = self.steps.len() + 1;
        let stream_id = match connection {
            Connection::Main => self.main_stream_id.clone(),
            Connection::Verification | Connection::NestedVerification => {
                self.verify_stream_id.clone()
            }
        };
        self.steps.push(Step {
            number,
            from,
            to,
            connection,
            xml,
            stream_id,
            encrypted: connection == Connection::Main && self.encrypted,
            kind,
            cause,
            context: self.context.clone(),
        });
        number
    }

    /// Carries bytes to the peer's parser and queues what it parses.
    fn deliver(&mut self, to: Who, xml: &str) {
        let parser = &mut self.parsers[index(to)];
        match parser.feed(xml) {
            Ok(events) => {
                for event in events {
                    if let StreamEvent::Header(h) = &event {
                        parser.accept_header(h);
                    }
                    self.queue.push_back((to, Input::Received(event)));
                }
            }
            // The machines only write well-formed XML; a parse failure would be a bug, and it
            // ends the connection rather than the program.
            Err(_) => self.queue.push_back((to, Input::ConnectionClosed)),
        }
    }

    /// Performs a machine's actions. A failure is placed at the last step of the batch that is
    /// not the closing tag: the error, refusal or abort itself.
    fn perform(&mut self, who: Who, actions: Vec<Action>) {
        let mut failure_step: Option<usize> = None;
        for action in actions {
            let closing = matches!(action, Action::Close(_));
            let number = self.act(who, action, failure_step);
            if !closing && number.is_some() {
                failure_step = number;
            }
        }
    }

    /// Performs one action; returns the number of the step it recorded, if any.
    fn act(&mut self, who: Who, action: Action, batch_step: Option<usize>) -> Option<usize> {
        let from = self.party(who);
        let to = self.party(who.peer());
        let connection = who.connection();
        let closed = match connection {
            Connection::Main => self.closed[0],
            Connection::Verification | Connection::NestedVerification => self.closed[1],
        };
        match action {
            Action::Resolve(domain) => {
                let authoritative = who == Who::Verifier;
                let record = self.scenario.environment.dns_for(&domain);
                let cause = (record != DnsRecord::Srv).then(|| {
                    Setting::new(
                        Side::Environment,
                        format!("dns.{}", domain.as_str()),
                        record.name(),
                    )
                });
                let number = self.record(
                    from,
                    Party::Dns,
                    connection,
                    None,
                    Kind::DnsQuery {
                        domain: domain.clone(),
                        authoritative,
                    },
                    None,
                );
                let endpoint = match record {
                    DnsRecord::Srv => Some(Endpoint {
                        host: format!("xmpp.{}", domain.as_str()),
                        port: 5269,
                    }),
                    DnsRecord::NoSrv => Some(Endpoint {
                        host: domain.as_str().to_owned(),
                        port: 5269,
                    }),
                    DnsRecord::SrvRoot | DnsRecord::NxDomain => None,
                };
                self.record(
                    Party::Dns,
                    from,
                    connection,
                    None,
                    Kind::DnsAnswer {
                        domain,
                        record,
                        endpoint: endpoint.clone(),
                        authoritative,
                    },
                    cause,
                );
                self.queue
                    .push_back((who, Input::Resolved(endpoint.ok_or(record))));
                Some(number)
            }
            Action::Connect(endpoint) => {
                if who == Who::Verifier && !self.scenario.environment.authoritative_reachable {
                    let number = self.record(
                        from,
                        Party::Authoritative,
                        connection,
                        None,
                        Kind::Unreachable {
                            domain: self.initiating_peer.domain.clone(),
                        },
                        Some(Setting::new(
                            Side::Environment,
                            "authoritativeReachable",
                            "false",
                        )),
                    );
                    self.queue.push_back((who, Input::ConnectionClosed));
                    return Some(number);
                }
                let authoritative = who == Who::Verifier;
                let number = self.record(
                    from,
                    to,
                    connection,
                    None,
                    Kind::Connect {
                        endpoint,
                        authoritative,
                    },
                    None,
                );
                self.queue.push_back((who, Input::Connected));
                Some(number)
            }
            // Nothing more is written on a connection that was cut.
            Action::Header(..) | Action::Send(..) | Action::Close(_) if closed => None,
            Action::Header(element, note) => {
                let xml = stream_header(&element);
                match (who, element.get("id")) {
                    (Who::Initiating, _) => self.main_stream_id = None,
                    (Who::Receiving, Some(id)) => self.main_stream_id = Some(id.to_owned()),
                    (Who::Verifier, _) => self.verify_stream_id = None,
                    (Who::Authoritative, Some(id)) => self.verify_stream_id = Some(id.to_owned()),
                    _ => {}
                }
                // A header starts a new XML document on the wire (RFC 6120 §4.3.3).
                self.parsers[index(who.peer())].restart();
                let cause = note.cause.as_ref().map(|c| self.setting(who, c));
                let number = self.record(
                    from,
                    to,
                    connection,
                    Some(xml.clone()),
                    Kind::Machine(note.kind),
                    cause,
                );
                self.deliver(who.peer(), &xml);
                Some(number)
            }
            Action::Send(element, note) => Some(self.send(who, &element, note)),
            Action::Close(note) => {
                let cause = note.cause.as_ref().map(|c| self.setting(who, c));
                let number = self.record(
                    from,
                    to,
                    connection,
                    Some(STREAM_CLOSE.to_owned()),
                    Kind::Machine(note.kind),
                    cause,
                );
                self.deliver(who.peer(), STREAM_CLOSE);
                Some(number)
            }
            Action::StartTls => {
                self.tls_ready[index(who).min(1)] = true;
                if self.tls_ready == [true, true] {
                    self.tls_ready = [false, false];
                    return Some(self.handshake());
                }
                None
            }
            Action::Verify(request) => {
                let mut verifier = Verifier::new(request);
                let actions = verifier.start();
                self.verifier = Some(verifier);
                self.perform(Who::Verifier, actions);
                None
            }
            Action::Finish(Ok(done)) => {
                if who == Who::Initiating && self.failure.is_none() {
                    self.done = Some(done);
                    let stanza = self.stanza();
                    self.send(Who::Initiating, &stanza, Note::new(NoteKind::Stanza));
                }
                None
            }
            Action::Finish(Err(failed)) => {
                if self.failure.is_none() {
                    let step = batch_step.unwrap_or(self.steps.len());
                    self.failure = Some((step, failed, self.side(who)));
                }
                None
            }
        }
    }

    fn send(&mut self, who: Who, element: &Element, note: Note) -> usize {
        let xml = element.to_xml();
        let cause = note.cause.as_ref().map(|c| self.setting(who, c));
        let number = self.record(
            self.party(who),
            self.party(who.peer()),
            who.connection(),
            Some(xml.clone()),
            Kind::Machine(note.kind),
            cause,
        );
        self.deliver(who.peer(), &xml);
        number
    }

    /// The TLS handshake (RFC 6120 §5.4.3): each side sees the other's certificate, and a side
    /// that validates strictly may refuse it, which ends the connection at the TLS layer.
    fn handshake(&mut self) -> usize {
        let initiating_saw = self.receiving_peer.certificate;
        let receiving_saw = (self.initiating_peer.certificate != Certificate::Missing)
            .then_some(self.initiating_peer.certificate);
        let rejection = match self.initiating.judge(initiating_saw) {
            Some(rejection) => Some((Who::Initiating, rejection)),
            None => self
                .receiving
                .judge(receiving_saw)
                .map(|rejection| (Who::Receiving, rejection)),
        };
        if let Some((who, rejection)) = rejection {
            // §5.4.3.2: no closing stream tag; the TCP connection ends.
            let cause = self.setting(who, &rejection.cause);
            let number = self.record(
                self.party(Who::Initiating),
                self.party(Who::Receiving),
                Connection::Main,
                None,
                Kind::TlsHandshakeFailed {
                    by_initiating: who == Who::Initiating,
                    status: rejection.status,
                },
                Some(cause),
            );
            self.closed[0] = true;
            if self.failure.is_none() {
                self.failure = Some((
                    number,
                    Failed {
                        condition: Condition::CertificateRejected {
                            certificate: rejection.status,
                            of: self.party(who.peer()),
                        },
                        reason: Reason::Certificate { local: false },
                    },
                    self.side(who),
                ));
            }
            self.queue
                .push_back((Who::Initiating, Input::ConnectionClosed));
            self.queue
                .push_back((Who::Receiving, Input::ConnectionClosed));
            return number;
        }
        let cause = [
            (Who::Receiving, initiating_saw),
            (Who::Initiating, receiving_saw.unwrap_or(Certificate::Valid)),
        ]
        .into_iter()
        .find(|(_, c)| *c != Certificate::Valid)
        .map(|(w, c)| Setting::new(self.side(w), "certificate", c.name()));
        let number = self.record(
            self.party(Who::Initiating),
            self.party(Who::Receiving),
            Connection::Main,
            None,
            Kind::TlsHandshake {
                initiating_saw,
                receiving_saw,
            },
            cause,
        );
        self.encrypted = true;
        // The streams restart after TLS (RFC 6120 §5.4.3.3).
        self.parsers[0].restart();
        self.parsers[1].restart();
        self.queue.push_back((
            Who::Initiating,
            Input::TlsEstablished {
                peer: Some(initiating_saw),
            },
        ));
        self.queue.push_back((
            Who::Receiving,
            Input::TlsEstablished {
                peer: receiving_saw,
            },
        ));
        number
    }

    /// The first stanza on the negotiated stream.
    fn stanza(&self) -> Element {
        let (from_user, to_user) = if self.ours_initiating {
            ("alice", "bob")
        } else {
            ("bob", "alice")
        };
        Element::inherit("message", ns::SERVER)
            .attr(
                "from",
                &format!("{from_user}@{}", self.initiating_peer.domain.as_str()),
            )
            .attr(
                "to",
                &format!("{to_user}@{}", self.receiving_peer.domain.as_str()),
            )
            .attr("type", "chat")
            .child(Element::inherit("body", ns::SERVER).text("Hello"))
    }
}
