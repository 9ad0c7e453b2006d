//! State shared by every connection of one probe: the lanes (connections) and the record of
//! steps, in the simulator's format.

use std::hash::{BuildHasher, Hasher};
use std::sync::{Mutex, MutexGuard};

use tokio::sync::watch;

use super::ProbeOptions;
use super::dns::Dns;
use super::report::{FeatureOffer, TlsSession};
use super::tls::{Seen, Tls};
use crate::domain::Domain;
use crate::s2s::machine::Note;
use crate::s2s::text::Context;
use crate::s2s::trace::Kind;
use crate::s2s::{Certificate, Connection, DnsRecord, Party, Peer, Setting, Side, Step};

/// One connection, from the point of view of the trace.
#[derive(Debug, Clone)]
pub(crate) struct Lane {
    pub id: usize,
    pub connection: Connection,
    /// The party that opened the connection.
    pub initiating: Party,
    /// The party that accepted it.
    pub receiving: Party,
    /// The domains, for the texts.
    pub context: Context,
    /// Whether we are the side that opened it.
    pub ours_initiating: bool,
}

impl Lane {
    pub(crate) fn ours(&self) -> Party {
        if self.ours_initiating {
            self.initiating
        } else {
            self.receiving
        }
    }

    pub(crate) fn theirs(&self) -> Party {
        if self.ours_initiating {
            self.receiving
        } else {
            self.initiating
        }
    }

    /// Whether the party is our side.
    pub(crate) fn side(&self, party: Party) -> Side {
        if party == self.ours() {
            Side::Ours
        } else {
            Side::Partner
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct LaneState {
    pub(crate) stream_id: Option<String>,
    pub(crate) encrypted: bool,
}

/// Everything recorded so far.
#[derive(Debug, Default)]
pub(crate) struct Recorder {
    pub steps: Vec<Step>,
    pub(crate) lanes: Vec<LaneState>,
    pub offers: Vec<FeatureOffer>,
    /// What TLS each connection negotiated.
    pub tls: Vec<TlsSession>,
    /// The partner's certificate, as first seen.
    pub certificate: Option<(Seen, Domain)>,
    /// What DNS answered, per domain.
    pub dns: Vec<(Domain, DnsRecord)>,
}

/// State shared by every connection of one probe.
pub(crate) struct Probe {
    pub options: ProbeOptions,
    /// Our policy.
    pub ours: Peer,
    pub tls: Tls,
    pub(crate) dns: Dns,
    pub(crate) secret: String,
    pub main_context: Context,
    pub(crate) recorder: Mutex<Recorder>,
    pub(crate) stop: watch::Receiver<bool>,
    pub(crate) seeds: std::collections::hash_map::RandomState,
}

impl std::fmt::Debug for Probe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Probe").finish_non_exhaustive()
    }
}

impl Probe {
    /// Our certificate for `domain` as the partner judges it: as the options say, when its
    /// trust is known to differ from ours, or else as our own roots judge it.
    pub(crate) fn own_certificate(&self, domain: &Domain) -> Certificate {
        own_certificate(&self.options, &self.tls, domain)
    }

    pub(crate) fn recorder(&self) -> MutexGuard<'_, Recorder> {
        // A panic while recording would leave the lock poisoned; the record stays usable.
        self.recorder
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(crate) fn lane(
        &self,
        connection: Connection,
        initiating: Party,
        receiving: Party,
        context: Context,
        ours_initiating: bool,
    ) -> Lane {
        let mut recorder = self.recorder();
        recorder.lanes.push(LaneState::default());
        Lane {
            id: recorder.lanes.len() - 1,
            connection,
            initiating,
            receiving,
            context,
            ours_initiating,
        }
    }

    pub(crate) fn record(
        &self,
        lane: &Lane,
        from: Party,
        to: Party,
        xml: Option<String>,
        kind: Kind,
        cause: Option<Setting>,
    ) -> usize {
        let mut recorder = self.recorder();
        let number = recorder.steps.len() + 1;
        let (stream_id, encrypted) = recorder
            .lanes
            .get(lane.id)
            .map(|l| (l.stream_id.clone(), l.encrypted))
            .unwrap_or_default();
        recorder.steps.push(Step {
            number,
            from,
            to,
            connection: lane.connection,
            xml,
            stream_id,
            encrypted,
            kind,
            cause,
            context: lane.context.clone(),
        });
        number
    }

    pub(crate) fn set_stream_id(&self, lane: &Lane, id: Option<String>) {
        if let Some(state) = self.recorder().lanes.get_mut(lane.id) {
            state.stream_id = id;
        }
    }

    pub(crate) fn set_encrypted(&self, lane: &Lane) {
        if let Some(state) = self.recorder().lanes.get_mut(lane.id) {
            state.encrypted = true;
        }
    }

    pub(crate) fn seed(&self) -> u64 {
        let mut hasher = self.seeds.build_hasher();
        hasher.write_usize(self.recorder().steps.len());
        hasher.finish()
    }

    /// Our setting behind a machine's note.
    pub(crate) fn cause(&self, note: &Note) -> Option<Setting> {
        note.cause.as_ref().map(|cause| {
            crate::s2s::simulate::setting(Side::Ours, cause, &self.options.partner_config)
        })
    }

    pub(crate) fn stopped(&self) -> bool {
        *self.stop.borrow()
    }
}

/// Our certificate for `domain` as the partner judges it (see [`Probe::own_certificate`]).
pub(crate) fn own_certificate(options: &ProbeOptions, tls: &Tls, domain: &Domain) -> Certificate {
    options
        .our_certificate_judged
        .unwrap_or_else(|| tls.judge_own(domain))
}
