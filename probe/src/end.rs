//! Our end of one connection, driven by one of the simulator's machines: what it sends and
//! receives is recorded as it happens.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rustls::pki_types::ServerName;
use tokio::net::TcpStream;
use tokio::time::timeout;

use super::dns::{Resolution, Target};
use super::observe::{self, Reading};
use super::report::{FeatureOffer, TlsSession};
use super::session::{OurLane, Probe};
use super::tls::{Judge, SeenSlot};
use super::wire::{Received, Wire};
use xmpp_federation::Domain;
use xmpp_federation::s2s::Kind;
use xmpp_federation::s2s::machine::{
    Action, Blame, Done, Endpoint, Input, Machine, Note, NoteKind, Offer, Restart, Role,
    StreamFailure, Verification, Verifier, VerifyRequest,
};
use xmpp_federation::s2s::xml::{Element, STREAM_CLOSE, StreamEvent, ns, stream_header};
use xmpp_federation::s2s::{
    Certificate, Condition, Connection, DnsRecord, EnvironmentSetting, Party, PeerSetting, Setting,
    SettingName,
};

/// How long the initiating side waits after its TLS handshake for the server's verdict on its
/// certificate (see [`Wire::settle`]).
const SETTLE: Duration = Duration::from_millis(250);

/// How long the probe waits after its stanza for a server to refuse it.
const REFUSAL: Duration = Duration::from_millis(500);

/// The most events one connection's machine handles: far more than any negotiation needs.
const MAX_INPUTS: usize = 500;

/// How our end of a connection ended.
#[derive(Debug, Clone)]
pub(crate) enum Finished {
    Done(Done),
    Failed { step: usize, failure: StreamFailure },
    Verified(Verification),
}

/// What to do after an action.
enum Flow {
    Continue,
    Finish(Finished),
}

/// Our end of one connection.
pub(crate) struct OurEnd {
    probe: Arc<Probe>,
    lane: OurLane,
    wire: Option<Wire>,
    machine: Role,
    queue: VecDeque<Input>,
    stage: Restart,
    our_offer: Offer,
    their_offer: Offer,
    /// Where DNS led, in order.
    targets: Vec<Target>,
    /// The domain the initiating side's header claimed, for its certificate.
    claimed: Option<Domain>,
    /// The last step of the current batch of actions that is not a closing tag.
    batch_step: Option<usize>,
    /// The last step the other side sent.
    last_received: Option<usize>,
    /// A verifier's answer, once it is in.
    verified: Option<Verification>,
    /// Whether we sent our closing stream tag.
    closed: bool,
    /// Whether the machine has been told the connection is gone.
    disconnected: bool,
    /// Whether a finished end keeps serving (our authoritative server answers `<db:verify/>`
    /// after the stream is authenticated).
    pub(crate) serve_after_done: bool,
}

impl OurEnd {
    pub(crate) fn new(
        probe: Arc<Probe>,
        lane: OurLane,
        machine: Role,
        wire: Option<Wire>,
    ) -> OurEnd {
        OurEnd {
            probe,
            lane,
            wire,
            machine,
            queue: VecDeque::new(),
            stage: Restart::Initial,
            our_offer: Offer::default(),
            their_offer: Offer::default(),
            targets: Vec::new(),
            claimed: None,
            batch_step: None,
            last_received: None,
            verified: None,
            closed: false,
            disconnected: false,
            serve_after_done: false,
        }
    }

    fn record_ours(&self, xml: Option<String>, kind: Kind, cause: Option<Setting>) -> usize {
        self.probe.recorder().steps.record(
            self.lane.id,
            self.lane.ours(),
            self.lane.theirs(),
            xml,
            kind,
            cause,
        )
    }

    fn record_theirs(&mut self, xml: Option<String>, kind: Kind) -> usize {
        let number = self.probe.recorder().steps.record(
            self.lane.id,
            self.lane.theirs(),
            self.lane.ours(),
            xml,
            kind,
            None,
        );
        self.last_received = Some(number);
        number
    }

    fn answer_limit(&self) -> Duration {
        self.probe.options.timeouts.answer
    }

    /// Runs the machine until it finishes, then lingers for the other side's closing tag.
    pub(crate) async fn run(mut self) -> Finished {
        let mut actions = self.machine.start();
        let mut inputs = 0usize;
        let finished = loop {
            inputs += 1;
            if inputs > MAX_INPUTS {
                // A guard against a machine that never settles.
                let step = self.probe.last_step();
                break Finished::Failed {
                    step,
                    failure: StreamFailure {
                        condition: Condition::Unreadable {
                            message: format!("no outcome after {MAX_INPUTS} events"),
                        },
                        blame: Blame::Silent,
                    },
                };
            }
            if let Some(finished) = self.perform_all(actions).await {
                break finished;
            }
            if let Some(verification) = self.verified.take() {
                break Finished::Verified(verification);
            }
            let input = match self.queue.pop_front() {
                Some(input) => input,
                None if self.wire.is_none() && self.disconnected => {
                    // The connection is gone and the machine has nothing more to say.
                    break Finished::Failed {
                        step: self.last_received.unwrap_or_else(|| self.probe.last_step()),
                        failure: StreamFailure {
                            condition: Condition::ConnectionClosed,
                            blame: Blame::PeerClosed,
                        },
                    };
                }
                None => match self.read().await {
                    Ok(input) => input,
                    Err(finished) => break finished,
                },
            };
            if input == Input::ConnectionClosed {
                self.disconnected = true;
            }
            actions = self.handle(input);
        };
        if matches!(finished, Finished::Done(_)) && self.serve_after_done {
            self.serve().await;
            finished
        } else {
            self.linger(finished).await
        }
    }

    /// Hands an input to the machine.
    fn handle(&mut self, input: Input) -> Vec<Action> {
        self.machine.handle(input)
    }

    async fn perform_all(&mut self, actions: Vec<Action>) -> Option<Finished> {
        self.batch_step = None;
        for action in actions {
            if let Flow::Finish(finished) = self.perform(action).await {
                return Some(finished);
            }
        }
        None
    }

    async fn perform(&mut self, action: Action) -> Flow {
        match action {
            Action::Resolve(domain) => {
                self.resolve(domain).await;
                Flow::Continue
            }
            Action::Connect(endpoint) => self.connect(endpoint).await,
            Action::Header(element, note) => {
                let xml = stream_header(&element);
                if self.lane.ours_initiating {
                    self.probe.set_stream_id(&self.lane, None);
                } else {
                    self.probe
                        .set_stream_id(&self.lane, element.get("id").map(str::to_owned));
                }
                self.write(xml, note, false).await
            }
            Action::Send(element, note) => {
                if element.is("features", ns::STREAM) {
                    self.our_offer = observe::offer(&element, self.stage == Restart::AfterSasl);
                    self.note_offer(&element, true);
                }
                let success = element.is("success", ns::SASL);
                let flow = self.write(element.to_xml(), note, false).await;
                if success {
                    // RFC 6120 §6.4.6: the initiating side opens a new stream next.
                    self.stage = Restart::AfterSasl;
                    if let Some(wire) = &mut self.wire {
                        wire.restart();
                    }
                }
                flow
            }
            // RFC 6120 §4.4: one closing tag per stream.
            Action::Close(_) if self.closed => Flow::Continue,
            Action::Close(note) => {
                self.closed = true;
                // A bare closing tag that ends the stream for a reason is the failure itself.
                let closing = note.kind == NoteKind::Close;
                self.write(STREAM_CLOSE.to_owned(), note, closing).await
            }
            Action::Disconnect(note) => {
                // Dropping the connection closes it without a word.
                self.closed = true;
                self.wire = None;
                let cause = self.probe.cause(&note);
                let number = self.record_ours(None, Kind::Machine(note.kind), cause);
                self.batch_step = Some(number);
                Flow::Continue
            }
            Action::StartTls => self.start_tls().await,
            // Our side verifies keys over verify-only streams (see `verify`): it opens no
            // dedicated verification streams, and carries no requests on others.
            Action::Carry => Flow::Continue,
            // The verify-only stream's answer: this end is done once the stream is closed.
            Action::Answered(verification) => {
                self.verified = Some(verification);
                Flow::Continue
            }
            Action::Verify(request) => {
                let verification = self.verify(request).await;
                self.queue.push_back(Input::Verified(verification));
                Flow::Continue
            }
            Action::Finish(Ok(done)) => Flow::Finish(Finished::Done(done)),
            Action::Finish(Err(failure)) => {
                // The step that failed: ours in this batch, or else what we last received.
                let step = self
                    .batch_step
                    .or(self.last_received)
                    .unwrap_or_else(|| self.probe.last_step());
                Flow::Finish(Finished::Failed { step, failure })
            }
        }
    }

    /// Writes our XML and records it; a write that fails ends the connection.
    async fn write(&mut self, xml: String, note: Note, closing: bool) -> Flow {
        let cause = self.probe.cause(&note);
        let restart_after = self.lane.ours_initiating
            && matches!(
                note.kind,
                NoteKind::StreamOpen { .. } | NoteKind::VerifyOpen
            );
        let limit = self.answer_limit();
        let written = match &mut self.wire {
            Some(wire) => wire.write(&xml, limit).await.is_ok(),
            None => false,
        };
        let number = self.record_ours(Some(xml), Kind::Machine(note.kind), cause);
        if !closing {
            self.batch_step = Some(number);
        }
        if restart_after && let Some(wire) = &mut self.wire {
            // The answer to a header is a new document (RFC 6120 §4.3.3).
            wire.restart();
        }
        if !written && !closing {
            self.queue.push_back(Input::ConnectionClosed);
        }
        Flow::Continue
    }

    fn note_offer(&self, features: &Element, from_us: bool) {
        let (from, to) = if from_us {
            (self.lane.ours(), self.lane.theirs())
        } else {
            (self.lane.theirs(), self.lane.ours())
        };
        let offer = FeatureOffer::read(self.lane.connection, from, to, self.stage, features);
        self.probe.recorder().offers.push(offer);
    }

    async fn resolve(&mut self, domain: Domain) {
        let authoritative = self.lane.connection != Connection::Main;
        if let Some(&address) = self.probe.options.addresses.get(&domain) {
            self.targets = vec![Target {
                host: address.ip().to_string(),
                port: address.port(),
                addresses: vec![address],
            }];
            self.queue.push_back(Input::Resolved(Ok(Endpoint {
                host: address.ip().to_string(),
                port: address.port(),
            })));
            return;
        }
        self.probe.recorder().steps.dns_query(
            self.lane.id,
            self.lane.ours(),
            domain.clone(),
            authoritative,
        );
        let Resolution {
            record,
            targets,
            error,
        } = self.probe.dns.resolve(&domain).await;
        let endpoint = targets.first().map(|t| Endpoint {
            host: t.host.clone(),
            port: t.port,
        });
        let cause = match (&error, record) {
            (Some(error), _) => Some(Setting::new(
                SettingName::Environment(EnvironmentSetting::Dns(domain.clone())),
                error.clone(),
            )),
            (None, DnsRecord::Srv) => None,
            (None, record) => Some(Setting::new(
                SettingName::Environment(EnvironmentSetting::Dns(domain.clone())),
                record.name(),
            )),
        };
        self.probe.recorder().steps.dns_answer(
            self.lane.id,
            self.lane.ours(),
            (domain.clone(), authoritative),
            (record, endpoint.clone()),
            cause,
        );
        self.probe.recorder().dns.push((domain, record));
        self.targets = targets;
        self.queue
            .push_back(Input::Resolved(endpoint.ok_or(record)));
    }

    /// Connects to the targets in order (RFC 6120 §3.2.1 step 8: try the next on failure).
    async fn connect(&mut self, _endpoint: Endpoint) -> Flow {
        let authoritative = self.lane.connection != Connection::Main;
        let limit = self.probe.options.timeouts.connect;
        let mut last_error = String::from("no address");
        let mut last_step = None;
        for target in std::mem::take(&mut self.targets) {
            let endpoint = Endpoint {
                host: target.host.clone(),
                port: target.port,
            };
            if target.addresses.is_empty() {
                last_error = format!("{} has no address", target.host);
                last_step = Some(self.record_ours(
                    None,
                    Kind::ConnectFailed {
                        endpoint,
                        error: last_error.clone(),
                    },
                    None,
                ));
                continue;
            }
            for address in &target.addresses {
                match timeout(limit, TcpStream::connect(address)).await {
                    Ok(Ok(stream)) => {
                        self.record_ours(
                            None,
                            Kind::Connect {
                                endpoint: endpoint.clone(),
                                authoritative,
                                own_stream: false,
                            },
                            None,
                        );
                        self.wire = Some(Wire::new(stream));
                        self.queue.push_back(Input::Connected);
                        return Flow::Continue;
                    }
                    Ok(Err(error)) => last_error = format!("{address}: {error}"),
                    Err(_) => {
                        last_error = format!("{address}: no answer within {} s", limit.as_secs())
                    }
                }
                last_step = Some(self.record_ours(
                    None,
                    Kind::ConnectFailed {
                        endpoint: endpoint.clone(),
                        error: last_error.clone(),
                    },
                    None,
                ));
            }
        }
        if let Role::Verifier(_) = self.machine {
            // XEP-0220 §2.5: the verifier reports remote-connection-failed.
            self.queue.push_back(Input::ConnectionClosed);
            return Flow::Continue;
        }
        Flow::Finish(Finished::Failed {
            step: last_step.unwrap_or_else(|| self.probe.last_step()),
            failure: StreamFailure {
                condition: Condition::Unreachable { error: last_error },
                blame: Blame::Unreachable,
            },
        })
    }

    /// The next input from the wire, recorded as the other side's step.
    async fn read(&mut self) -> Result<Input, Finished> {
        let limit = self.answer_limit();
        let Some(wire) = &mut self.wire else {
            return Ok(Input::ConnectionClosed);
        };
        let mut stop = self.probe.stop.clone();
        let received = tokio::select! {
            received = wire.next(limit) => received,
            _ = stop.wait_for(|stopped| *stopped) => Received::TimedOut,
        };
        match received {
            Received::Event(event, text) => {
                let kind = self.observe(&event);
                self.record_theirs(Some(text.trim().to_owned()), Kind::Machine(kind));
                Ok(Input::Received(event))
            }
            Received::Closed(Some(error))
                if self.lane.ours_initiating
                    && self.stage == Restart::AfterTls
                    && refused_our_certificate(&error) =>
            {
                // The receiving server's refusal of our certificate came after our first
                // writes over TLS (TLS 1.3, a slow link).
                let empty: SeenSlot = Arc::new(Mutex::new(None));
                match self.tls_failed(error, &empty, false) {
                    Flow::Finish(finished) => Err(finished),
                    Flow::Continue => Ok(Input::ConnectionClosed),
                }
            }
            Received::Closed(_) => {
                self.record_theirs(None, Kind::Disconnected);
                self.wire = None;
                Ok(Input::ConnectionClosed)
            }
            Received::TimedOut => {
                let seconds = limit.as_secs();
                let step = self.record_theirs(None, Kind::Timeout { seconds });
                Err(Finished::Failed {
                    step,
                    failure: StreamFailure {
                        condition: Condition::Timeout { seconds },
                        blame: Blame::Silent,
                    },
                })
            }
            Received::Invalid(message) => {
                let step = self.record_theirs(
                    None,
                    Kind::Unreadable {
                        message: message.clone(),
                    },
                );
                Err(Finished::Failed {
                    step,
                    failure: StreamFailure {
                        condition: Condition::Unreadable { message },
                        blame: Blame::Silent,
                    },
                })
            }
        }
    }

    /// What an event from the other side means, and what it changes for the next ones.
    fn observe(&mut self, event: &StreamEvent) -> NoteKind {
        let stream_id = self
            .probe
            .recorder()
            .steps
            .stream_id(self.lane.id)
            .map(str::to_owned);
        let kind = observe::describe(
            event,
            Reading {
                from_initiating: !self.lane.ours_initiating,
                stage: self.stage,
                our_offer: self.our_offer,
                their_offer: self.their_offer,
                stream_id: stream_id.as_deref(),
            },
        );
        match event {
            StreamEvent::Header(header) => {
                if self.lane.ours_initiating {
                    self.probe
                        .set_stream_id(&self.lane, header.get("id").map(str::to_owned));
                } else {
                    self.probe.set_stream_id(&self.lane, None);
                    if self.claimed.is_none() {
                        self.claimed = header.get("from").and_then(|f| Domain::parse(f).ok());
                    }
                }
            }
            StreamEvent::Element(element) if element.is("features", ns::STREAM) => {
                self.their_offer = observe::offer(element, self.stage == Restart::AfterSasl);
                self.note_offer(element, false);
            }
            StreamEvent::Element(element) if element.is("success", ns::SASL) => {
                self.stage = Restart::AfterSasl;
            }
            _ => {}
        }
        kind
    }

    /// The TLS handshake, as client or server, judged by the machine's policy.
    async fn start_tls(&mut self) -> Flow {
        let Some(mut wire) = self.wire.take() else {
            self.queue.push_back(Input::ConnectionClosed);
            return Flow::Continue;
        };
        let probe = self.probe.clone();
        let seen: SeenSlot = Arc::new(Mutex::new(None));
        let limit = probe.options.timeouts.connect;
        let our_domain = self.lane.context.for_party(self.lane.ours_initiating, true);
        // Our certificate as the partner judges it, when its trust is known to differ from ours.
        let own = probe.own_certificate(&our_domain);
        let (result, judge_rejects) = match &self.machine {
            Role::Initiating(_) | Role::Verifier(_) => {
                // A verify-only stream asks whatever the certificate; the initiating machine
                // judges it by its policy.
                let judge: Judge = match &self.machine {
                    Role::Initiating(machine) => {
                        let machine = machine.clone();
                        Arc::new(move |c| machine.judge(c).is_some())
                    }
                    _ => Arc::new(|_| false),
                };
                let config = match probe.tls.client(judge.clone(), seen.clone()) {
                    Ok(config) => config,
                    Err(error) => return self.tls_failed(error.to_string(), &seen, false),
                };
                let name = self.lane.context.receiving.as_str().to_owned();
                let Ok(name) = ServerName::try_from(name) else {
                    return self.tls_failed(
                        "the domain is not a DNS name".to_owned(),
                        &seen,
                        false,
                    );
                };
                let mut result = wire.start_tls_client(config, name, limit).await;
                if result.is_ok()
                    && let Err(message) = wire.settle(SETTLE).await
                {
                    result = Err(super::wire::HandshakeError(message));
                }
                (result, judge)
            }
            Role::Receiving(machine) => {
                let machine = machine.clone();
                let judge: Judge = Arc::new(move |c| machine.judge(Some(c)).is_some());
                let config =
                    match probe
                        .tls
                        .server(self.claimed.clone(), judge.clone(), seen.clone())
                    {
                        Ok(config) => config,
                        Err(error) => return self.tls_failed(error.to_string(), &seen, false),
                    };
                (wire.start_tls_server(config, limit).await, judge)
            }
        };
        let status = seen.lock().ok().and_then(|s| s.clone());
        match result {
            Ok(()) => {
                self.wire = Some(wire);
                self.stage = Restart::AfterTls;
                let theirs = status.as_ref().map(|s| s.status);
                let (initiating_saw, receiving_saw) = if self.lane.ours_initiating {
                    (
                        theirs.unwrap_or(Certificate::UntrustedCa),
                        probe.tls.has_identity().then_some(own),
                    )
                } else {
                    (own, theirs)
                };
                let cause = [
                    (self.lane.receiving, Some(initiating_saw)),
                    (self.lane.initiating, receiving_saw),
                ]
                .into_iter()
                .find_map(|(owner, c)| {
                    c.filter(|c| *c != Certificate::Valid).map(|c| {
                        let side = self.lane.side(owner);
                        Setting::new(SettingName::peer(side, PeerSetting::Certificate), c.name())
                    })
                });
                self.probe.recorder().steps.record(
                    self.lane.id,
                    self.lane.initiating,
                    self.lane.receiving,
                    None,
                    Kind::TlsHandshake {
                        initiating_saw,
                        receiving_saw,
                        unnamed: None,
                    },
                    cause,
                );
                self.probe.set_encrypted(&self.lane);
                if let Some((version, suite)) = self.wire.as_ref().and_then(Wire::tls_session) {
                    self.probe.recorder().tls.push(TlsSession {
                        connection: self.lane.connection,
                        from: self.lane.initiating,
                        to: self.lane.receiving,
                        version,
                        cipher_suite: suite,
                    });
                }
                if let Some(seen) = status {
                    let domain = self
                        .lane
                        .context
                        .for_party(self.lane.ours_initiating, false);
                    let mut recorder = self.probe.recorder();
                    if recorder.certificate.is_none() {
                        recorder.certificate = Some((seen, domain));
                    }
                }
                self.queue.push_back(Input::TlsEstablished {
                    peer: theirs.or(if self.lane.ours_initiating {
                        Some(Certificate::UntrustedCa)
                    } else {
                        None
                    }),
                });
                Flow::Continue
            }
            Err(error) => {
                let rejected = status.as_ref().is_some_and(|s| judge_rejects(s.status));
                self.tls_failed(error.0, &seen, rejected)
            }
        }
    }

    /// A failed handshake: refused by our policy, by theirs (an alert about our certificate),
    /// or broken for another reason.
    fn tls_failed(&mut self, message: String, seen: &SeenSlot, rejected_by_us: bool) -> Flow {
        let status = seen.lock().ok().and_then(|s| s.clone()).map(|s| s.status);
        let our_domain = self.lane.context.for_party(self.lane.ours_initiating, true);
        let (kind, condition, blame, cause) = match status {
            Some(status) if rejected_by_us => (
                Kind::TlsHandshakeFailed {
                    by_initiating: self.lane.ours_initiating,
                    status,
                    unnamed: None,
                },
                Condition::CertificateRejected {
                    certificate: status,
                    of: self.lane.theirs(),
                },
                Blame::Certificate { local: false },
                Some(Setting::new(
                    SettingName::Ours(PeerSetting::StrictCertificateValidation),
                    "true",
                )),
            ),
            _ if refused_our_certificate(&message) => {
                let own = self.probe.own_certificate(&our_domain);
                (
                    Kind::TlsHandshakeFailed {
                        by_initiating: !self.lane.ours_initiating,
                        status: own,
                        unnamed: None,
                    },
                    Condition::CertificateRejected {
                        certificate: own,
                        of: self.lane.ours(),
                    },
                    Blame::Certificate { local: false },
                    Some(Setting::new(
                        SettingName::Partner(PeerSetting::StrictCertificateValidation),
                        "true",
                    )),
                )
            }
            // No TLS version in common: the other side's protocol_version alert, or ours.
            _ if message.contains("ProtocolVersion") || message.contains("protocol version") => {
                // The probe speaks TLS 1.2 and 1.3: the other side is the older one.
                (
                    Kind::TlsError {
                        message: message.clone(),
                    },
                    Condition::TlsVersion,
                    Blame::TlsVersion {
                        initiating_at_fault: !self.lane.ours_initiating,
                    },
                    None,
                )
            }
            _ => (
                Kind::TlsError {
                    message: message.clone(),
                },
                Condition::TlsError { message },
                Blame::Silent,
                None,
            ),
        };
        let step = self.probe.recorder().steps.record(
            self.lane.id,
            self.lane.initiating,
            self.lane.receiving,
            None,
            kind,
            cause,
        );
        self.wire = None;
        Flow::Finish(Finished::Failed {
            step,
            failure: StreamFailure { condition, blame },
        })
    }

    /// Checks a key the other side sent with the authoritative server of its domain, on a new
    /// connection (XEP-0220 §2.1.2).
    async fn verify(&mut self, request: VerifyRequest) -> Verification {
        let (connection, initiating, receiving) = match self.lane.connection {
            Connection::Main => (
                Connection::Verification,
                self.lane.ours(),
                Party::Authoritative,
            ),
            _ => (
                Connection::NestedVerification,
                self.lane.ours(),
                self.lane.theirs(),
            ),
        };
        let lane = self.probe.lane(
            connection,
            initiating,
            receiving,
            self.lane.context.clone(),
            true,
        );
        let end = OurEnd::new(
            self.probe.clone(),
            lane,
            Role::Verifier(Verifier::new(
                request,
                self.probe.ours.profile().verify_stream_tls.value
                    && self.probe.ours.can_start_tls(),
            )),
            None,
        );
        let limit = self.probe.options.timeouts.total;
        match timeout(limit, Box::pin(end.run())).await {
            Ok(Finished::Verified(verification)) => verification,
            _ => Verification::Error("remote-server-timeout"),
        }
    }

    /// After a failure or our close: reads until the other side closes, answering its closing
    /// tag through the machine, for a bounded time.
    ///
    /// A stream we accepted and authenticated still fails if the initiating side ends it before
    /// its first stanza (Prosody checks s2s_require_encryption only then): that is the outcome.
    async fn linger(&mut self, finished: Finished) -> Finished {
        let mut finished = finished;
        // On an authenticated stream of ours, one stanza shows whether stanzas really get
        // through: a server may authenticate a domain that its access rules then refuse. It is
        // an IQ result, which nobody answers (RFC 6120 §8.2.3), so it asks nothing of the
        // partner; a refusal comes as a stream error at once.
        let sending = matches!(finished, Finished::Done(_))
            && self.lane.ours_initiating
            && self.lane.connection == Connection::Main;
        let limit = self.answer_limit().min(Duration::from_secs(3));
        if sending {
            let stanza = Element::inherit("iq", ns::SERVER)
                .attr("from", self.lane.context.initiating.as_str())
                .attr("id", "xmpp-federation-probe")
                .attr("to", self.lane.context.receiving.as_str())
                .attr("type", "result");
            let _ = self
                .perform(Action::Send(stanza, Note::new(NoteKind::Stanza)))
                .await;
            self.drain(REFUSAL, &mut finished).await;
        }
        if let (Finished::Done(_), true) = (&finished, self.lane.ours_initiating) {
            // The probe closes the authenticated stream (RFC 6120 §4.4).
            self.perform(Action::Close(Note::new(NoteKind::Close)))
                .await;
        }
        self.drain(limit, &mut finished).await;
        if let Some(wire) = &mut self.wire {
            wire.shutdown().await;
        }
        finished
    }

    /// Reads what the other side still sends, for up to `limit`: a stream error turns an
    /// established stream into a failure; the partner's first stanza shows the stream works,
    /// and the probe closes it.
    async fn drain(&mut self, limit: Duration, finished: &mut Finished) {
        let deadline = tokio::time::Instant::now() + limit;
        while let Some(wire) = &mut self.wire {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            if left.is_zero() {
                break;
            }
            match wire.next(left).await {
                Received::Event(event, text) => {
                    let kind = self.observe(&event);
                    let stanza = kind == NoteKind::Stanza;
                    let error = match &kind {
                        NoteKind::PeerError { condition, .. } => Some(*condition),
                        _ => None,
                    };
                    let step =
                        self.record_theirs(Some(text.trim().to_owned()), Kind::Machine(kind));
                    if let (Finished::Done(_), Some(condition)) = (&*finished, error) {
                        *finished = Finished::Failed {
                            step,
                            failure: StreamFailure {
                                condition: Condition::StreamError {
                                    condition: condition.to_owned(),
                                },
                                blame: Blame::PeerClosed,
                            },
                        };
                    }
                    let actions = self.handle(Input::Received(event));
                    let _ = self.perform_all(actions).await;
                    if stanza && !self.lane.ours_initiating && matches!(finished, Finished::Done(_))
                    {
                        // The partner's first stanza shows the stream works; the probe answers
                        // none and closes (RFC 6120 §4.4).
                        self.perform(Action::Close(Note::new(NoteKind::Close)))
                            .await;
                    }
                }
                Received::Closed(_) => {
                    self.record_theirs(None, Kind::Disconnected);
                    self.wire = None;
                }
                Received::TimedOut | Received::Invalid(_) => break,
            }
        }
    }

    /// An authenticated incoming stream of the partner's keeps being served, for its
    /// `<db:verify/>` and stanzas, until the probe ends or the partner closes it.
    async fn serve(&mut self) {
        loop {
            if self.probe.stopped() {
                break;
            }
            let input = match self.queue.pop_front() {
                Some(input) => input,
                None => match self.read().await {
                    Ok(input) => input,
                    Err(_) => break,
                },
            };
            let closed = matches!(input, Input::ConnectionClosed);
            let actions = self.handle(input);
            let _ = self.perform_all(actions).await;
            if closed || self.wire.is_none() {
                break;
            }
        }
        if let Some(wire) = &mut self.wire {
            wire.shutdown().await;
        }
    }
}

/// Whether a handshake error is the other side's alert about our certificate.
fn refused_our_certificate(message: &str) -> bool {
    [
        "BadCertificate",
        "UnknownCA",
        "CertificateExpired",
        "CertificateUnknown",
        "UnsupportedCertificate",
        "CertificateRequired",
        "AccessDenied",
    ]
    .iter()
    .any(|alert| message.contains(alert))
}
