//! Plays a scenario out: wires the state machines together in memory, with a simulated DNS and
//! TLS handshake, and records every step.
//!
//! Each TCP connection is a lane with a machine at either end. The main lane carries the
//! stream between the initiating and the receiving server. When the receiving server checks a
//! dialback key, a second lane reaches the authoritative server of the sender domain: a
//! verify-only stream (XEP-0220 §2.1.2), or, for Prosody, an outgoing stream of the receiving
//! server's own that is authenticated first and only then carries the `<db:verify/>`. When that
//! stream is itself authenticated by dialback, a third lane checks its key.

use std::collections::VecDeque;

use super::fix;
use super::initiating::Initiating;
use super::machine::{
    Action, Blame, Done, Endpoint, Input, Machine, Note, NoteKind, Role, StreamFailure,
    Verification, VerifyRequest,
};
use super::peer::{Certificate, Peer, TlsVersion};
use super::profile::Verification as VerificationStream;
use super::profile::VersionRefusal;
use super::receiving::Receiving;
use super::record::{LaneId, Recorder};
use super::scenario::{Direction, DnsRecord, Scenario};
use super::setting::{EnvironmentSetting, PeerSetting, Setting, SettingName, Side};
use super::text::Context;
use super::trace::{
    Condition, Connection, Failure, FederationLevel, Kind, Outcome, Party, Step, Trace, Unnamed,
};
use super::verifier::Verifier;
use super::xml::{Element, STREAM_CLOSE, StreamEvent, StreamParser, ns, stream_header};
use crate::domain::Domain;
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
    simulate_within(scenario, MAX_STEPS)
}

/// [`simulate`], with the run ended as stalled once it passes `max_steps` steps.
fn simulate_within(scenario: &Scenario, max_steps: usize) -> Trace {
    let run = run_within(scenario, max_steps);
    let outcome = match &run.result {
        Ok(done) => Outcome::established(done, run.receiving_certificate),
        Err((step, failed, reporter)) => {
            let fault = match (failed.blame, run.unverified_fault) {
                (Blame::Unverified | Blame::Authoritative, Some(fault)) => Some(fault),
                _ => fix::fault(scenario, failed, *reporter),
            };
            Outcome::failed(
                run.encrypted,
                Failure {
                    step: *step,
                    condition: failed.condition.clone(),
                    fault,
                    // An internal error has no fix to search for.
                    fix: fault.and_then(|_| fix::smallest(scenario)),
                },
            )
        }
    };
    Trace {
        scenario: scenario.clone(),
        steps: run.steps,
        outcome,
    }
}

impl Outcome {
    /// The outcome of an established stream; `receiving_certificate` is the receiving
    /// server's, as the initiating server judged it.
    pub fn established(done: &Done, receiving_certificate: Certificate) -> Outcome {
        Outcome {
            established: true,
            method: Some(done.method),
            encrypted: done.encrypted,
            authenticated: done.method == AuthenticationMethod::SaslOverTls,
            level: Some(level(done, receiving_certificate)),
            failure: None,
        }
    }

    /// The outcome of a failed negotiation; `encrypted` tells whether the main stream got as
    /// far as TLS.
    pub fn failed(encrypted: bool, failure: Failure) -> Outcome {
        Outcome {
            established: false,
            method: None,
            encrypted,
            authenticated: false,
            level: None,
            failure: Some(failure),
        }
    }

    /// No outcome: nothing was negotiated (a run that only answered a verification).
    pub fn undecided() -> Outcome {
        Outcome {
            established: false,
            method: None,
            encrypted: false,
            authenticated: false,
            level: None,
            failure: None,
        }
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
    pub result: Result<Done, (usize, StreamFailure, Side)>,
    pub encrypted: bool,
    /// The receiving server's certificate, which the initiating server judged.
    pub receiving_certificate: Certificate,
    /// Who is at fault when a verification's own stream failed.
    pub unverified_fault: Option<Side>,
}

/// A negotiation that a side refuses before any connection: one step, and its failure.
struct Refusal {
    /// Who refuses, and towards whom.
    parties: (Party, Party),
    kind: Kind,
    cause: Setting,
    failure: StreamFailure,
    /// The side that reports the failure.
    side: Side,
}

impl Refusal {
    fn run(self, context: Context, receiving_certificate: Certificate) -> Run {
        let mut recorder = Recorder::new();
        let lane = recorder.open(Connection::Main, context);
        let (from, to) = self.parties;
        let step = recorder.record(lane, from, to, None, self.kind, Some(self.cause));
        Run {
            steps: recorder.into_steps(),
            result: Err((step, self.failure, self.side)),
            encrypted: false,
            receiving_certificate,
            unverified_fault: None,
        }
    }
}

/// The result of a run that reached no outcome: an internal error.
fn stalled(steps: usize) -> (usize, StreamFailure, Side) {
    (
        steps.max(1),
        StreamFailure {
            condition: Condition::Stalled { steps },
            blame: Blame::Internal,
        },
        Side::Environment,
    )
}

/// The most steps a negotiation takes; a guard against machines that never settle.
const MAX_STEPS: usize = 400;

/// One end of a lane: a machine acting for one side.
#[derive(Debug)]
struct End {
    machine: Role,
    party: Party,
    side: Side,
    policy: Peer,
    /// The parser of what this end receives.
    parser: StreamParser,
}

/// What a lane is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    Main,
    /// A verify-only stream; the answer goes to the waiting receiving end.
    VerifyOnly {
        waiting: (usize, usize),
    },
    /// The receiving server's own stream to the authoritative server, opened to carry a
    /// verification request once it is authenticated.
    Stream,
}

/// A verification request that a server's outgoing stream carries (or will carry) to the
/// authoritative server at its other end, and the receiving end that waits for the answer.
#[derive(Debug, Clone)]
struct Carried {
    waiting: (usize, usize),
    request: VerifyRequest,
    sent: bool,
    answered: bool,
    /// Answered, but the machine that carried it hands the answer on only once its stream has
    /// ended.
    held: bool,
}

/// One TCP connection.
#[derive(Debug)]
struct Lane {
    /// The lane in the recorder: its connection, domains, stream id and encryption.
    id: LaneId,
    /// The connecting end first, then the accepting end.
    ends: [End; 2],
    /// Cut at the TLS layer: nothing more is written.
    cut: bool,
    tls_ready: [bool; 2],
    purpose: Purpose,
    /// The verification requests the connecting end carries.
    carried: Vec<Carried>,
    /// Whether the connecting end's stream is authenticated.
    authenticated: bool,
    /// Whether either end gave up.
    failed: bool,
    /// The last step each end received.
    last_received: [Option<usize>; 2],
}

struct Driver<'a> {
    scenario: &'a Scenario,
    ours: Peer,
    lanes: Vec<Lane>,
    queue: VecDeque<(usize, usize, Input)>,
    recorder: Recorder,
    done: Option<Done>,
    failure: Option<(usize, StreamFailure, Side)>,
    unverified_fault: Option<Side>,
}

/// A peer whose certificate names, known, do not cover its domain.
fn unnamed(peer: &Peer) -> Option<Unnamed> {
    (!peer.names_cover_domain()).then(|| Unnamed {
        domain: peer.domain.clone(),
        names: peer.certificate_names.clone(),
    })
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

pub(crate) fn run(scenario: &Scenario) -> Run {
    run_within(scenario, MAX_STEPS)
}

fn run_within(scenario: &Scenario, max_steps: usize) -> Run {
    let ours = scenario.our_peer();
    let partner = scenario.partner_peer();
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
        let refusal = Refusal {
            parties: (Party::OurProxy, Party::Partner),
            kind: Kind::NotAllowed {
                domain: partner.domain.clone(),
            },
            cause: Setting::new(
                SettingName::Ours(PeerSetting::Accepts),
                partner.domain.as_str(),
            ),
            failure: StreamFailure {
                condition: Condition::NotAllowed,
                blame: Blame::NotAllowed,
            },
            side: Side::Ours,
        };
        return refusal.run(context, receiving_certificate);
    }

    // A server opens no stream to a domain its access rules deny (ejabberd's s2s_access,
    // ejabberd_s2s.erl lines 577-593, 23.01).
    if !ours_initiating && partner.denied_domains.contains(&ours.domain) {
        let refusal = Refusal {
            parties: (Party::Partner, Party::OurProxy),
            kind: Kind::Denied {
                domain: ours.domain.clone(),
            },
            cause: Setting::new(
                SettingName::Partner(PeerSetting::DeniedDomains),
                ours.domain.as_str(),
            ),
            failure: StreamFailure {
                condition: Condition::Denied,
                blame: Blame::Denied,
            },
            side: Side::Partner,
        };
        return refusal.run(context, receiving_certificate);
    }

    let (initiating_side, receiving_side) = if ours_initiating {
        (Side::Ours, Side::Partner)
    } else {
        (Side::Partner, Side::Ours)
    };
    let mut driver = Driver {
        scenario,
        ours,
        lanes: Vec::new(),
        queue: VecDeque::new(),
        recorder: Recorder::new(),
        done: None,
        failure: None,
        unverified_fault: None,
    };
    let initiating = Initiating::new(
        initiating_peer.clone(),
        receiving_peer.domain.clone(),
        driver.secret_of(initiating_side),
    );
    let receiving = driver.receiving(
        receiving_side,
        scenario.seed.wrapping_mul(2).wrapping_add(1),
    );
    let ends = [
        End::new(
            Role::Initiating(initiating),
            driver.party(initiating_side),
            initiating_side,
            initiating_peer,
        ),
        End::new(
            Role::Receiving(receiving),
            driver.party(receiving_side),
            receiving_side,
            receiving_peer,
        ),
    ];
    let id = driver.recorder.open(Connection::Main, context);
    driver.lanes.push(Lane::new(id, ends, Purpose::Main));
    driver.start(0);
    let mut limit_reached = false;
    while let Some((lane, end, input)) = driver.queue.pop_front() {
        if driver.recorder.len() > max_steps {
            limit_reached = true;
            break;
        }
        driver.handle(lane, end, input);
    }
    let result = match (driver.failure, driver.done) {
        // A run that went on past the limit stalled, whatever it recorded on the way.
        _ if limit_reached => Err(stalled(driver.recorder.len())),
        (Some(failure), _) => Err(failure),
        (None, Some(done)) => Ok(done),
        (None, None) => Err(stalled(driver.recorder.len())),
    };
    let encrypted = driver
        .lanes
        .first()
        .is_some_and(|l| driver.recorder.encrypted(l.id));
    Run {
        steps: driver.recorder.into_steps(),
        result,
        encrypted,
        receiving_certificate,
        unverified_fault: driver.unverified_fault,
    }
}

impl Lane {
    fn new(id: LaneId, ends: [End; 2], purpose: Purpose) -> Lane {
        Lane {
            id,
            ends,
            cut: false,
            tls_ready: [false; 2],
            purpose,
            carried: Vec::new(),
            authenticated: false,
            failed: false,
            last_received: [None; 2],
        }
    }
}

impl End {
    fn new(machine: Role, party: Party, side: Side, policy: Peer) -> End {
        End {
            machine,
            party,
            side,
            policy,
            parser: StreamParser::new(),
        }
    }
}

impl Driver<'_> {
    fn policy(&self, side: Side) -> Peer {
        match side {
            Side::Ours => self.ours.clone(),
            _ => self.scenario.partner_peer(),
        }
    }

    fn other(side: Side) -> Side {
        match side {
            Side::Ours => Side::Partner,
            _ => Side::Ours,
        }
    }

    /// The party a side plays on the main stream.
    fn party(&self, side: Side) -> Party {
        match side {
            Side::Ours => Party::OurProxy,
            _ => Party::Partner,
        }
    }

    /// The initiating side of the main stream, whose domain's keys the authoritative server
    /// checks.
    fn initiating_side(&self) -> Side {
        match self.scenario.direction {
            Direction::Outbound => Side::Ours,
            Direction::Inbound => Side::Partner,
        }
    }

    fn secret_of(&self, side: Side) -> String {
        secret(self.scenario, side == Side::Ours)
    }

    /// The secret a side's authoritative server checks keys with: the initiating side's no
    /// longer matches its keys when the scenario says the key does not verify.
    fn authority_of(&self, side: Side) -> String {
        let secret = self.secret_of(side);
        if side == self.initiating_side() && !self.scenario.environment.dialback_key_verifies {
            format!("{secret}-rotated")
        } else {
            secret
        }
    }

    /// A side's receiving machine, answering verifications for its own domain.
    fn receiving(&self, side: Side, seed: u64) -> Receiving {
        let accepts =
            (side == Side::Ours).then(|| self.scenario.partner_config.domains().cloned().collect());
        Receiving::new(self.policy(side), accepts, seed).with_authority(self.authority_of(side))
    }

    fn start(&mut self, lane: usize) {
        let actions = self.lanes[lane].ends[0].machine.start();
        self.perform(lane, 0, actions);
    }

    fn handle(&mut self, lane: usize, end: usize, input: Input) {
        let actions = self.lanes[lane].ends[end].machine.handle(input);
        self.perform(lane, end, actions);
    }

    /// Hands a verification's outcome to the receiving end that waits for it: a verify-only
    /// stream's, or that of the first carried request still unanswered (with `id`, the one for
    /// that stream id).
    fn answer(&mut self, lane: usize, id: Option<&str>, verification: Verification) {
        let waiting = match self.lanes[lane].purpose {
            Purpose::VerifyOnly { waiting } => Some(waiting),
            Purpose::Main | Purpose::Stream => self.lanes[lane]
                .carried
                .iter_mut()
                .find(|c| c.sent && !c.answered && id.is_none_or(|id| c.request.stream_id == id))
                .map(|c| {
                    c.answered = true;
                    c.waiting
                }),
        };
        if let Some((lane, end)) = waiting {
            self.queue
                .push_back((lane, end, Input::Verified(verification)));
        }
    }

    /// Why the verifying server's own stream ended, in its words, for the dialback error it
    /// reports: ejabberd names a stream error it sent ("Stream closed by local host: Use of
    /// STARTTLS required (policy-violation)") or a certificate it refused ("Peer certificate
    /// rejected: ..."), mod_s2s_dialback.erl lines 359-370 (ejabberd 23.01).
    fn why_unverified(&self, lane: usize, step: Option<usize>) -> Option<String> {
        let policy = &self.lanes[lane].ends[0].policy;
        let profile = policy.profile();
        if profile.unverified.value != super::profile::Unverified::RemoteServerNotFound {
            return None;
        }
        let step = self.recorder.steps().get(step?.checked_sub(1)?)?;
        match &step.kind {
            Kind::Machine(NoteKind::StreamError {
                condition,
                text: Some(text),
                ..
            }) => Some(format!("Stream closed by local host: {text} ({condition})")),
            Kind::Machine(NoteKind::Abandon {
                reason: super::machine::Reason::CertificateRejected { status },
                ..
            }) => Some(format!(
                "Peer certificate rejected: {}",
                status.problem_as(profile.certificate_words.value)
            )),
            _ => None,
        }
    }

    /// Sends every verification request the lane holds and has not sent yet.
    fn carry_pending(&mut self, lane: usize) {
        for index in 0..self.lanes[lane].carried.len() {
            if !self.lanes[lane].carried[index].sent {
                self.carry(lane, index);
            }
        }
    }

    /// Sends a carried verification request over the connecting end's stream.
    fn carry(&mut self, lane: usize, index: usize) {
        let Some(carried) = self.lanes[lane].carried.get_mut(index) else {
            return;
        };
        carried.sent = true;
        let request = carried.request.clone();
        let verify = Element::prefixed("db", "verify", ns::DIALBACK)
            .attr("from", request.receiving.as_str())
            .attr("id", &request.stream_id)
            .attr("to", request.originating.as_str())
            .text(&request.key);
        let note = Note::new(NoteKind::VerifyRequest {
            stream_id: request.stream_id.clone(),
        });
        self.send(lane, 0, &verify, note);
    }

    /// Whether a lane's connecting end may send a verification request now: once its stream
    /// is authenticated, or, for servers that do so, once it has sent its own dialback key.
    fn may_carry(&self, lane: usize) -> bool {
        let state = &self.lanes[lane];
        let keyed = match &state.ends[0].machine {
            Role::Initiating(m) => {
                m.dialback_key_sent()
                    && state.ends[0]
                        .policy
                        .profile()
                        .verify_over_keyed_stream
                        .value
            }
            _ => false,
        };
        !state.failed && !state.cut && (state.authenticated || keyed)
    }

    fn cause(&self, lane: usize, end: usize, note: &Note) -> Option<Setting> {
        let side = self.lanes[lane].ends[end].side;
        Setting::behind(side, note, &self.scenario.partner_config)
    }

    /// Carries bytes to the other end's parser and queues what it parses.
    fn deliver(&mut self, lane: usize, to: usize, xml: &str) {
        self.lanes[lane].last_received[to] = Some(self.recorder.len());
        let parser = &mut self.lanes[lane].ends[to].parser;
        match parser.feed(xml) {
            Ok(events) => {
                for event in events {
                    // A dedicated verification stream's machine hands its answer on itself.
                    let dedicated = matches!(
                        &self.lanes[lane].ends[0].machine,
                        Role::Initiating(m) if m.is_for_verification()
                    );
                    if let (StreamEvent::Element(e), 0, true) = (&event, to, dedicated)
                        && e.is("verify", ns::DIALBACK)
                        && e.get("type").is_some()
                        && let Some(carried) = self.lanes[lane]
                            .carried
                            .iter_mut()
                            .find(|c| c.sent && !c.answered)
                    {
                        carried.answered = true;
                        carried.held = true;
                    }
                    if let (StreamEvent::Element(e), 0, false) = (&event, to, dedicated)
                        && e.is("verify", ns::DIALBACK)
                        && e.get("type").is_some()
                        && self.lanes[lane]
                            .carried
                            .iter()
                            .any(|c| c.sent && !c.answered)
                    {
                        // The answer to a request this stream carried, for the receiving end that
                        // waits for it.
                        let id = e.get("id").map(str::to_owned);
                        self.answer(lane, id.as_deref(), Verification::of_answer(e));
                    }
                    self.queue.push_back((lane, to, Input::Received(event)));
                }
            }
            // The machines only write well-formed XML; a parse failure would be a bug, and it
            // ends the connection rather than the program.
            Err(_) => self.queue.push_back((lane, to, Input::ConnectionClosed)),
        }
    }

    /// Performs a machine's actions. A failure is placed at the last step of the batch that is
    /// not the closing tag: the error, refusal or abort itself.
    fn perform(&mut self, lane: usize, end: usize, actions: Vec<Action>) {
        let mut failure_step: Option<usize> = None;
        for action in actions {
            // A bare closing tag that ends the stream for a reason is the failure itself.
            let closing = matches!(&action, Action::Close(note) if note.kind == NoteKind::Close);
            let number = self.act(lane, end, action, failure_step);
            if !closing && number.is_some() {
                failure_step = number;
            }
        }
    }

    /// Performs one action; returns the number of the step it recorded, if any.
    fn act(
        &mut self,
        lane: usize,
        end: usize,
        action: Action,
        batch_step: Option<usize>,
    ) -> Option<usize> {
        let from = self.lanes[lane].ends[end].party;
        let to = self.lanes[lane].ends[1 - end].party;
        let connection = self.recorder.connection(self.lanes[lane].id);
        let authoritative = connection != Connection::Main;
        let cut = self.lanes[lane].cut;
        match action {
            Action::Resolve(domain) => {
                let record = self.scenario.environment.dns_for(&domain);
                let cause = (record != DnsRecord::Srv).then(|| {
                    Setting::new(
                        SettingName::Environment(EnvironmentSetting::Dns(domain.clone())),
                        record.name(),
                    )
                });
                let id = self.lanes[lane].id;
                let number = self
                    .recorder
                    .dns_query(id, from, domain.clone(), authoritative);
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
                self.recorder.dns_answer(
                    id,
                    from,
                    (domain, authoritative),
                    (record, endpoint.clone()),
                    cause,
                );
                self.queue
                    .push_back((lane, end, Input::Resolved(endpoint.ok_or(record))));
                Some(number)
            }
            Action::Connect(endpoint) => {
                if connection == Connection::Verification
                    && !self.scenario.environment.authoritative_reachable
                {
                    let domain = self.lanes[lane].ends[1].policy.domain.clone();
                    let number = self.recorder.record(
                        self.lanes[lane].id,
                        from,
                        to,
                        None,
                        Kind::Unreachable { domain },
                        Some(Setting::new(
                            SettingName::Environment(EnvironmentSetting::AuthoritativeReachable),
                            "false",
                        )),
                    );
                    self.queue.push_back((lane, end, Input::ConnectionClosed));
                    return Some(number);
                }
                // A server that cannot be reached: its firewall refuses or drops the connection.
                let target = self.lanes[lane].ends[1].policy.domain.clone();
                if let Some(&how) = self.scenario.environment.unreachable.get(&target) {
                    let number = self.recorder.record(
                        self.lanes[lane].id,
                        from,
                        to,
                        None,
                        Kind::ConnectFailed {
                            endpoint,
                            error: how.error().to_owned(),
                        },
                        Some(Setting::new(
                            SettingName::Environment(EnvironmentSetting::Unreachable(
                                target.clone(),
                            )),
                            how.name(),
                        )),
                    );
                    if self.lanes[lane].purpose != Purpose::Main {
                        // The verification fails because that server cannot be reached: its
                        // owner is at fault.
                        self.unverified_fault = Some(self.lanes[lane].ends[1].side);
                    }
                    self.queue
                        .push_back((lane, end, Input::ConnectFailed(how.error().to_owned())));
                    return Some(number);
                }
                let number = self.recorder.record(
                    self.lanes[lane].id,
                    from,
                    to,
                    None,
                    Kind::Connect {
                        endpoint,
                        authoritative,
                        own_stream: self.lanes[lane].purpose == Purpose::Stream,
                    },
                    None,
                );
                self.queue.push_back((lane, end, Input::Connected));
                Some(number)
            }
            // Nothing more is written on a connection that was cut.
            Action::Header(..) | Action::Send(..) | Action::Close(_) | Action::Disconnect(_)
                if cut =>
            {
                None
            }
            Action::Header(element, note) => {
                let xml = stream_header(&element);
                let state = &mut self.lanes[lane];
                if end == 0 {
                    self.recorder.set_stream_id(state.id, None);
                } else if let Some(id) = element.get("id") {
                    self.recorder.set_stream_id(state.id, Some(id.to_owned()));
                }
                // A header starts a new XML document on the wire (RFC 6120 §4.3.3).
                state.ends[1 - end].parser.restart();
                let cause = self.cause(lane, end, &note);
                let number = self.recorder.record(
                    self.lanes[lane].id,
                    from,
                    to,
                    Some(xml.clone()),
                    Kind::Machine(note.kind),
                    cause,
                );
                self.deliver(lane, 1 - end, &xml);
                Some(number)
            }
            Action::Send(element, note) => Some(self.send(lane, end, &element, note)),
            Action::Disconnect(note) => {
                let cause = self.cause(lane, end, &note);
                let number = self.recorder.record(
                    self.lanes[lane].id,
                    from,
                    to,
                    None,
                    Kind::Machine(note.kind),
                    cause,
                );
                self.lanes[lane].cut = true;
                self.queue
                    .push_back((lane, 1 - end, Input::ConnectionClosed));
                Some(number)
            }
            Action::Close(note) => {
                let cause = self.cause(lane, end, &note);
                let number = self.recorder.record(
                    self.lanes[lane].id,
                    from,
                    to,
                    Some(STREAM_CLOSE.to_owned()),
                    Kind::Machine(note.kind),
                    cause,
                );
                self.deliver(lane, 1 - end, STREAM_CLOSE);
                Some(number)
            }
            Action::StartTls => {
                let state = &mut self.lanes[lane];
                state.tls_ready[end] = true;
                if state.tls_ready == [true, true] {
                    state.tls_ready = [false, false];
                    return Some(self.handshake(lane));
                }
                None
            }
            Action::Verify(request) => {
                self.verify(lane, end, request);
                None
            }
            // A verify-only stream's answer, after its closing tag.
            Action::Answered(verification)
                if matches!(self.lanes[lane].purpose, Purpose::VerifyOnly { .. }) =>
            {
                self.answer(lane, None, verification);
                None
            }
            Action::Answered(verification) => {
                if let Some(carried) = self.lanes[lane].carried.iter_mut().find(|c| c.held) {
                    carried.held = false;
                    let (waiting_lane, waiting_end) = carried.waiting;
                    self.queue.push_back((
                        waiting_lane,
                        waiting_end,
                        Input::Verified(verification),
                    ));
                }
                None
            }
            Action::Carry => {
                self.carry_pending(lane);
                None
            }
            Action::Finish(Ok(done)) => {
                if end == 0 {
                    self.lanes[lane].authenticated = true;
                }
                if self.lanes[lane].purpose == Purpose::Main && end == 0 && self.failure.is_none() {
                    self.done = Some(done);
                    let stanza = self.stanza();
                    self.send(lane, 0, &stanza, Note::new(NoteKind::Stanza));
                }
                if end == 0 {
                    // The verification requests that waited for the stream to be authenticated
                    // (Prosody queues them until then).
                    self.carry_pending(lane);
                }
                None
            }
            Action::Finish(Err(failed)) => {
                let side = self.lanes[lane].ends[end].side;
                self.lanes[lane].failed = true;
                let purpose = self.lanes[lane].purpose;
                if purpose == Purpose::Main && self.failure.is_none() {
                    // The failure is this end's own step in the batch, or else what it last
                    // received (as a probe sees it).
                    let step = batch_step
                        .or(self.lanes[lane].last_received[end])
                        .unwrap_or(self.recorder.len());
                    self.failure = Some((step, failed.clone(), side));
                }
                let unanswered = self.lanes[lane].carried.iter().any(|c| !c.answered);
                if unanswered && purpose == Purpose::Stream {
                    // The stream that was to carry the verification failed: whoever is at
                    // fault for it is at fault for the verification.
                    let mut reversed = self.scenario.clone();
                    reversed.direction = match self.scenario.direction {
                        Direction::Outbound => Direction::Inbound,
                        Direction::Inbound => Direction::Outbound,
                    };
                    self.unverified_fault = fix::fault(&reversed, &failed, side);
                }
                // Nothing will answer what this stream carries, or was to carry.
                let why = if end == 0 {
                    self.why_unverified(lane, batch_step)
                } else {
                    None
                };
                for carried in &mut self.lanes[lane].carried {
                    if !carried.answered {
                        carried.answered = true;
                        let (waiting_lane, waiting_end) = carried.waiting;
                        self.queue.push_back((
                            waiting_lane,
                            waiting_end,
                            Input::Unanswered(why.clone()),
                        ));
                    }
                }
                None
            }
        }
    }

    fn send(&mut self, lane: usize, end: usize, element: &Element, note: Note) -> usize {
        let xml = element.to_xml();
        let cause = self.cause(lane, end, &note);
        let from = self.lanes[lane].ends[end].party;
        let to = self.lanes[lane].ends[1 - end].party;
        let number = self.recorder.record(
            self.lanes[lane].id,
            from,
            to,
            Some(xml.clone()),
            Kind::Machine(note.kind),
            cause,
        );
        self.deliver(lane, 1 - end, &xml);
        number
    }

    /// A receiving end checks a key with the authoritative server of the sender domain: over a
    /// verify-only stream, or (Prosody) over an authenticated stream of its own.
    fn verify(&mut self, lane: usize, end: usize, request: VerifyRequest) {
        let verifying = &self.lanes[lane].ends[end];
        let (verifying_party, verifying_side, verifying_policy) =
            (verifying.party, verifying.side, verifying.policy.clone());
        let authority_side = Self::other(verifying_side);
        let main = self.recorder.connection(self.lanes[lane].id) == Connection::Main;
        let (connection, authority_party) = if main {
            (Connection::Verification, Party::Authoritative)
        } else {
            (Connection::NestedVerification, self.lanes[0].ends[1].party)
        };
        let seed = self
            .scenario
            .seed
            .wrapping_mul(2)
            .wrapping_add(2 + 2 * self.lanes.len() as u64);
        let authority = End::new(
            Role::Receiving(self.receiving(authority_side, seed)),
            authority_party,
            authority_side,
            self.policy(authority_side),
        );
        let waiting = (lane, end);
        let context = self.recorder.context(self.lanes[lane].id).clone();
        let how = verifying_policy.profile().verification.value;
        if how != VerificationStream::VerifyOnly {
            let carried = Carried {
                waiting,
                request: request.clone(),
                sent: false,
                answered: false,
                held: false,
            };
            // An outgoing stream of the verifying side to the sender domain carries the request
            // if there is one (Prosody opens no second stream to a domain it has one to);
            // ejabberd opens a stream for each request.
            if let Some(existing) = (0..self.lanes.len()).find(|&l| {
                how == VerificationStream::OwnStream && {
                    let state = &self.lanes[l];
                    state.ends[0].side == verifying_side
                        && matches!(state.ends[0].machine, Role::Initiating(_))
                        && !state.failed
                        && !state.cut
                }
            }) {
                self.lanes[existing].carried.push(carried);
                if self.may_carry(existing) {
                    let index = self.lanes[existing].carried.len() - 1;
                    self.carry(existing, index);
                }
                return;
            }
            let target = request.originating.clone();
            let secret = self.secret_of(verifying_side);
            let initiating = if how == VerificationStream::DedicatedStream {
                Initiating::for_verification(verifying_policy.clone(), target, secret)
            } else {
                Initiating::new(verifying_policy.clone(), target, secret)
            };
            let reversed = Context {
                initiating: context.receiving.clone(),
                receiving: context.initiating.clone(),
                ours_initiating: !context.ours_initiating,
            };
            let verifying = End::new(
                Role::Initiating(initiating),
                verifying_party,
                verifying_side,
                verifying_policy,
            );
            let id = self.recorder.open(connection, reversed);
            let mut new_lane = Lane::new(id, [verifying, authority], Purpose::Stream);
            new_lane.carried.push(carried);
            self.lanes.push(new_lane);
        } else {
            let tls = verifying_policy.profile().verify_stream_tls.value
                && verifying_policy.can_start_tls();
            let verifier = Role::Verifier(Verifier::new(request, tls));
            let verifying = End::new(verifier, verifying_party, verifying_side, verifying_policy);
            let id = self.recorder.open(connection, context);
            self.lanes.push(Lane::new(
                id,
                [verifying, authority],
                Purpose::VerifyOnly { waiting },
            ));
        }
        self.start(self.lanes.len() - 1);
    }

    /// The TLS handshake (RFC 6120 §5.4.3): each side sees the other's certificate, and a side
    /// that validates strictly may refuse it, which ends the connection at the TLS layer.
    fn handshake(&mut self, lane: usize) -> usize {
        if let Some(number) = self.versions_apart(lane) {
            return number;
        }
        let [initiating, receiving] = &self.lanes[lane].ends;
        let initiating_saw = receiving.policy.certificate;
        let receiving_saw = (initiating.policy.certificate != Certificate::Missing)
            .then_some(initiating.policy.certificate);
        let judge_initiating = match &initiating.machine {
            Role::Initiating(m) => m.judge(initiating_saw),
            _ => None,
        };
        let judge_receiving = match &receiving.machine {
            Role::Receiving(m) => m.judge(receiving_saw),
            _ => None,
        };
        let rejection = judge_initiating
            .map(|r| (0, r))
            .or(judge_receiving.map(|r| (1, r)));
        let (initiating_party, receiving_party) = (initiating.party, receiving.party);
        let sides = [initiating.side, receiving.side];
        let parties = [initiating_party, receiving_party];
        if let Some((judge, rejection)) = rejection {
            // §5.4.3.2: no closing stream tag; the TCP connection ends.
            let cause = Setting::caused(
                sides[judge],
                &rejection.cause,
                &self.scenario.partner_config,
            );
            let number = self.recorder.record(
                self.lanes[lane].id,
                initiating_party,
                receiving_party,
                None,
                Kind::TlsHandshakeFailed {
                    by_initiating: judge == 0,
                    status: rejection.status,
                    unnamed: unnamed(&self.lanes[lane].ends[1 - judge].policy),
                },
                Some(cause),
            );
            self.lanes[lane].cut = true;
            let failed = StreamFailure {
                condition: Condition::CertificateRejected {
                    certificate: rejection.status,
                    of: parties[1 - judge],
                },
                blame: Blame::Certificate { local: false },
            };
            if lane == 0 && self.failure.is_none() {
                self.failure = Some((number, failed, sides[judge]));
            }
            self.queue.push_back((lane, 0, Input::ConnectionClosed));
            self.queue.push_back((lane, 1, Input::ConnectionClosed));
            return number;
        }
        let cause = [
            (sides[1], initiating_saw),
            (sides[0], receiving_saw.unwrap_or(Certificate::Valid)),
        ]
        .into_iter()
        .find(|(_, c)| *c != Certificate::Valid)
        .map(|(side, c)| Setting::new(SettingName::peer(side, PeerSetting::Certificate), c.name()));
        let number = self.recorder.record(
            self.lanes[lane].id,
            initiating_party,
            receiving_party,
            None,
            Kind::TlsHandshake {
                initiating_saw,
                receiving_saw,
                unnamed: unnamed(&self.lanes[lane].ends[1].policy)
                    .or_else(|| unnamed(&self.lanes[lane].ends[0].policy)),
            },
            cause,
        );
        self.recorder.set_encrypted(self.lanes[lane].id);
        let state = &mut self.lanes[lane];
        // The streams restart after TLS (RFC 6120 §5.4.3.3).
        state.ends[0].parser.restart();
        state.ends[1].parser.restart();
        self.queue.push_back((
            lane,
            0,
            Input::TlsEstablished {
                peer: Some(initiating_saw),
            },
        ));
        self.queue.push_back((
            lane,
            1,
            Input::TlsEstablished {
                peer: receiving_saw,
            },
        ));
        number
    }

    /// The TLS versions of the two ends (RFC 8446 §4.1.3, RFC 5246 §7.4.1): when they have none
    /// in common, the server refuses a client that is too old, and a client refuses a server
    /// that is; the refusing side sends a `protocol_version` alert, or closes the connection
    /// without one. Returns the step, when the handshake fails so.
    fn versions_apart(&mut self, lane: usize) -> Option<usize> {
        let [initiating, receiving] = &self.lanes[lane].ends;
        let (i, r) = (&initiating.policy, &receiving.policy);
        if i.min_tls_version.max(r.min_tls_version) <= i.max_tls_version.min(r.max_tls_version) {
            return None;
        }
        // The server answers the client's newest version; a client too old for it is refused
        // by the server, a server too old for the client by the client.
        let by_initiating = i.max_tls_version >= r.min_tls_version;
        let refusing = if by_initiating { i } else { r };
        let alert = refusing.profile().version_refusal.value == VersionRefusal::Alert;
        // The side without TLS 1.2, which every implementation must support (RFC 9325
        // §3.1.1), is the one to change.
        let outdated = |p: &Peer| p.max_tls_version < TlsVersion::Tls12;
        let (blamed, setting, value) =
            if outdated(i) || (!outdated(r) && i.min_tls_version > TlsVersion::Tls12) {
                if outdated(i) {
                    (0, PeerSetting::MaxTlsVersion, i.max_tls_version)
                } else {
                    (0, PeerSetting::MinTlsVersion, i.min_tls_version)
                }
            } else if outdated(r) {
                (1, PeerSetting::MaxTlsVersion, r.max_tls_version)
            } else {
                (1, PeerSetting::MinTlsVersion, r.min_tls_version)
            };
        let sides = [initiating.side, receiving.side];
        let parties = [initiating.party, receiving.party];
        let ranges = [
            (i.min_tls_version, i.max_tls_version),
            (r.min_tls_version, r.max_tls_version),
        ];
        let number = self.recorder.record(
            self.lanes[lane].id,
            parties[0],
            parties[1],
            None,
            Kind::TlsVersionRefused {
                by_initiating,
                alert,
                initiating: ranges[0],
                receiving: ranges[1],
            },
            Some(Setting::new(
                SettingName::peer(sides[blamed], setting),
                value.name(),
            )),
        );
        self.lanes[lane].cut = true;
        if lane == 0 && self.failure.is_none() {
            self.failure = Some((
                number,
                StreamFailure {
                    condition: Condition::TlsVersion,
                    blame: Blame::TlsVersion {
                        initiating_at_fault: blamed == 0,
                    },
                },
                sides[0],
            ));
        }
        self.queue.push_back((lane, 0, Input::ConnectionClosed));
        self.queue.push_back((lane, 1, Input::ConnectionClosed));
        Some(number)
    }

    /// The first stanza on the negotiated stream.
    fn stanza(&self) -> Element {
        let main = self.recorder.context(self.lanes[0].id);
        let ours_initiating = main.ours_initiating;
        let (from_user, to_user) = if ours_initiating {
            ("alice", "bob")
        } else {
            ("bob", "alice")
        };
        let domain = |d: &Domain| d.as_str().to_owned();
        Element::inherit("message", ns::SERVER)
            .attr("from", &format!("{from_user}@{}", domain(&main.initiating)))
            .attr("to", &format!("{to_user}@{}", domain(&main.receiving)))
            .attr("type", "chat")
            .child(Element::inherit("body", ns::SERVER).text("Hello"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partner::PartnerConfig;
    use crate::s2s::Semantics;
    use crate::settings::Negotiation;

    /// Every server's rules on both ends, with every policy, a valid, missing or self-signed
    /// certificate on either side, in both directions: each run reaches an outcome. A run that
    /// stalls or reaches the step limit is an internal error, and blames nobody; none may
    /// happen.
    #[test]
    fn every_pair_of_servers_reaches_an_outcome() {
        // One thread per semantics on our side: the sweep is some 90,000 runs.
        let sweeps: Vec<(usize, Vec<Scenario>)> = std::thread::scope(|scope| {
            let handles: Vec<_> = Semantics::ALL
                .into_iter()
                .map(|ours| scope.spawn(move || sweep(ours)))
                .collect();
            handles
                .into_iter()
                .map(|handle| handle.join().unwrap())
                .collect()
        });
        let runs: usize = sweeps.iter().map(|(runs, _)| runs).sum();
        let stalled: Vec<&Scenario> = sweeps.iter().flat_map(|(_, s)| s).collect();
        assert!(runs > 50_000, "only {runs} runs");
        assert!(
            stalled.is_empty(),
            "{} of {runs} runs reached no outcome; the first: {}",
            stalled.len(),
            serde_json::to_string(stalled[0]).unwrap_or_default()
        );
    }

    /// Every policy, certificate pair and direction against every partner semantics, with
    /// `our_semantics` on our side: how many runs, and those that reached no outcome.
    fn sweep(our_semantics: Semantics) -> (usize, Vec<Scenario>) {
        let ours = Domain::parse("contoso.example").unwrap();
        let partner = Domain::parse("fabrikam.example").unwrap();
        let mut stalled = Vec::new();
        let mut runs = 0usize;
        for partner_semantics in Semantics::ALL {
            for (tls, sasl, dialback) in policies() {
                for (ptls, psasl, pdialback) in policies() {
                    for (our_certificate, partner_certificate) in [
                        (Certificate::Valid, Certificate::Valid),
                        (Certificate::SelfSigned, Certificate::SelfSigned),
                        (Certificate::Missing, Certificate::Valid),
                        (Certificate::Valid, Certificate::Missing),
                    ] {
                        for direction in Direction::ALL {
                            let mut config = PartnerConfig::new(partner.clone());
                            config.tls_negotiation = tls;
                            config.sasl_negotiation = sasl;
                            config.support_dialback_negotiation = dialback;
                            let mut peer = Peer::new(partner.clone());
                            peer.tls = ptls;
                            peer.sasl = psasl;
                            peer.dialback = pdialback;
                            peer.certificate = partner_certificate;
                            peer.semantics = partner_semantics;
                            let mut scenario = Scenario::new(ours.clone(), config, peer, direction);
                            scenario.ours.semantics = our_semantics;
                            scenario.ours.certificate = our_certificate;
                            runs += 1;
                            if let Err((_, failed, _)) = run(&scenario).result
                                && failed.blame == Blame::Internal
                            {
                                stalled.push(scenario);
                            }
                        }
                    }
                }
            }
        }
        (runs, stalled)
    }

    fn policies() -> Vec<(Negotiation, Negotiation, bool)> {
        let mut out = Vec::new();
        for tls in Negotiation::ALL {
            for sasl in Negotiation::ALL {
                for dialback in [true, false] {
                    out.push((tls, sasl, dialback));
                }
            }
        }
        out
    }

    /// A run that reaches no outcome is reported as an internal error: the condition says so,
    /// nobody is at fault, and no fix is proposed. Here a negotiation that would succeed is cut
    /// short by a step limit below its length.
    #[test]
    fn a_run_without_outcome_blames_nobody() {
        let partner = Domain::parse("fabrikam.example").unwrap();
        let scenario = Scenario::new(
            Domain::parse("contoso.example").unwrap(),
            PartnerConfig::new(partner.clone()),
            Peer::new(partner),
            Direction::Outbound,
        );
        assert!(simulate(&scenario).outcome().established);
        let trace = simulate_within(&scenario, 5);
        let failure = trace.outcome().failure.as_ref().unwrap();
        assert_eq!(failure.condition, Condition::Stalled { steps: 6 });
        assert_eq!(failure.fault, None);
        assert_eq!(failure.fix, None);
        assert!(!trace.outcome().established);
    }
}
