//! State shared by every connection of one probe: the lanes (connections) and the record of
//! steps, in the simulator's format.

use std::sync::{Mutex, MutexGuard};

use tokio::sync::watch;

use super::ProbeOptions;
use super::dns::Dns;
use super::report::{FeatureOffer, TlsSession};
use super::tls::{Seen, Tls};
use xmpp_federation::Domain;
use xmpp_federation::s2s::machine::Note;
use xmpp_federation::s2s::record::Context;
use xmpp_federation::s2s::record::{LaneId, Recorder};
use xmpp_federation::s2s::{Certificate, Connection, DnsRecord, Party, Peer, Setting, Side};

/// One connection, as our end drives it.
#[derive(Debug, Clone)]
pub(crate) struct OurLane {
    /// The connection in the record.
    pub id: LaneId,
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

impl OurLane {
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

/// Everything observed so far: the steps, in the simulator's recorder, and what the report
/// adds to them.
#[derive(Debug, Default)]
pub(crate) struct Observed {
    pub steps: Recorder,
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
    pub(crate) recorder: Mutex<Observed>,
    pub(crate) stop: watch::Receiver<bool>,
    /// The random base of stream id seeds.
    pub(crate) seeds: u64,
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

    pub(crate) fn recorder(&self) -> MutexGuard<'_, Observed> {
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
    ) -> OurLane {
        let id = self.recorder().steps.open(connection, context.clone());
        OurLane {
            id,
            connection,
            initiating,
            receiving,
            context,
            ours_initiating,
        }
    }

    pub(crate) fn set_stream_id(&self, lane: &OurLane, id: Option<String>) {
        self.recorder().steps.set_stream_id(lane.id, id);
    }

    pub(crate) fn set_encrypted(&self, lane: &OurLane) {
        self.recorder().steps.set_encrypted(lane.id);
    }

    /// The number of the last step recorded.
    pub(crate) fn last_step(&self) -> usize {
        self.recorder().steps.len()
    }

    /// A seed for a receiving machine's stream ids: the random base, moved on by the steps so
    /// far so that each connection's ids differ (the machine mixes it with splitmix64).
    pub(crate) fn seed(&self) -> u64 {
        self.seeds
            .wrapping_add((self.last_step() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }

    /// Our setting behind a machine's note.
    pub(crate) fn cause(&self, note: &Note) -> Option<Setting> {
        Setting::behind(Side::Ours, note, &self.options.partner_config)
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
