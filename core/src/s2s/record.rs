//! The step recorder: every driver, the simulator and the probe alike, records what crosses its
//! connections here, and the steps it holds become a [`Trace`](super::Trace).
//!
//! A driver opens a lane for each TCP connection ([`Recorder::open`]), tells the recorder when
//! the connection's stream id changes and when it becomes encrypted, and records each step with
//! the parties, the exact XML (or none, for DNS, TCP and TLS events), what the step is, and the
//! setting that caused it. Steps are numbered from 1 in the order they are recorded.

use super::machine::Endpoint;
use super::scenario::DnsRecord;
use super::setting::Setting;
use super::trace::{Connection, Kind, Party, Step};
use crate::domain::Domain;

pub use super::text::Context;

/// A lane (one TCP connection) of a [`Recorder`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LaneId(usize);

/// What the recorder keeps of each lane for its steps.
#[derive(Debug, Clone)]
struct LaneState {
    connection: Connection,
    context: Context,
    stream_id: Option<String>,
    encrypted: bool,
}

/// The steps of a negotiation, as they happen.
#[derive(Debug, Clone, Default)]
pub struct Recorder {
    steps: Vec<Step>,
    lanes: Vec<LaneState>,
}

impl Recorder {
    /// An empty record.
    pub fn new() -> Recorder {
        Recorder::default()
    }

    /// Opens a lane: a TCP connection of the kind `connection`, between the domains `context`
    /// names.
    pub fn open(&mut self, connection: Connection, context: Context) -> LaneId {
        self.lanes.push(LaneState {
            connection,
            context,
            stream_id: None,
            encrypted: false,
        });
        LaneId(self.lanes.len() - 1)
    }

    /// Records a step on `lane` and returns its number.
    pub fn record(
        &mut self,
        lane: LaneId,
        from: Party,
        to: Party,
        xml: Option<String>,
        kind: Kind,
        cause: Option<Setting>,
    ) -> usize {
        let number = self.steps.len() + 1;
        let state = &self.lanes[lane.0];
        self.steps.push(Step {
            number,
            from,
            to,
            connection: state.connection,
            xml,
            stream_id: state.stream_id.clone(),
            encrypted: state.encrypted,
            kind,
            cause,
            context: state.context.clone(),
        });
        number
    }

    /// Records `asking`'s DNS query for the server of `domain` (RFC 6120 §3.2), on its way to
    /// the authoritative server of the sender domain when `authoritative`; returns the step's
    /// number.
    pub fn dns_query(
        &mut self,
        lane: LaneId,
        asking: Party,
        domain: Domain,
        authoritative: bool,
    ) -> usize {
        let kind = Kind::DnsQuery {
            domain,
            authoritative,
        };
        self.record(lane, asking, Party::Dns, None, kind, None)
    }

    /// Records DNS's answer to [`Recorder::dns_query`]: the record it found, where it led,
    /// and the environment's setting behind an answer that is not a plain SRV record.
    pub fn dns_answer(
        &mut self,
        lane: LaneId,
        asking: Party,
        query: (Domain, bool),
        answer: (DnsRecord, Option<Endpoint>),
        cause: Option<Setting>,
    ) -> usize {
        let ((domain, authoritative), (record, endpoint)) = (query, answer);
        let kind = Kind::DnsAnswer {
            domain,
            record,
            endpoint,
            authoritative,
        };
        self.record(lane, Party::Dns, asking, None, kind, cause)
    }

    /// Sets the id of the stream the lane carries now (`None` until the receiving side's
    /// header gives one, and again after each restart).
    pub fn set_stream_id(&mut self, lane: LaneId, id: Option<String>) {
        self.lanes[lane.0].stream_id = id;
    }

    /// The id of the stream the lane carries now.
    pub fn stream_id(&self, lane: LaneId) -> Option<&str> {
        self.lanes[lane.0].stream_id.as_deref()
    }

    /// Marks the lane encrypted: its TLS handshake completed.
    pub fn set_encrypted(&mut self, lane: LaneId) {
        self.lanes[lane.0].encrypted = true;
    }

    /// Whether the lane is encrypted.
    pub fn encrypted(&self, lane: LaneId) -> bool {
        self.lanes[lane.0].encrypted
    }

    /// The kind of connection the lane is.
    pub fn connection(&self, lane: LaneId) -> Connection {
        self.lanes[lane.0].connection
    }

    /// The domains of the lane, for the texts.
    pub fn context(&self, lane: LaneId) -> &Context {
        &self.lanes[lane.0].context
    }

    /// The steps so far.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The steps so far, for a driver that learns later what one of them was (the probe sees
    /// only afterwards whether a connection carried a stream of its own).
    pub fn steps_mut(&mut self) -> &mut [Step] {
        &mut self.steps
    }

    /// How many steps there are: the number of the last one.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// Whether nothing has been recorded.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The steps, for a [`Trace`](super::Trace).
    pub fn into_steps(self) -> Vec<Step> {
        self.steps
    }
}
