//! The server-to-server negotiation: sans-IO state machines for the initiating, receiving and
//! authoritative roles (XEP-0220), and a simulator that plays a [`Scenario`] out as a [`Trace`]
//! with the exact XML of every step.
//!
//! The machines do no I/O, read no clock and use no randomness: stream ids come from a seed, so
//! the same scenario gives the same trace byte for byte. The simulator wires them together in
//! memory with a simulated DNS, TLS handshake and authoritative server.
//!
//! The machines are public: [`machine`] documents them as a protocol for any driver (a proxy,
//! or the probe crate, which runs them over real sockets), [`xml`] reads and writes the
//! streams, and [`record`] keeps the steps of a run in the format of a [`Trace`].
//!
//! # Words
//!
//! Each word means one thing. A **[`Side`]** is whose configuration something is: ours, the
//! partner's, or the environment's (DNS, reachability, the authoritative server); a
//! **[`Party`]** is who sends or receives a step (our proxy, the partner's server, the
//! authoritative server, DNS). A **[`Setting`]** is one side's setting with a value, named by a
//! [`SettingName`]; a machine, which does not know its side, names its own as a
//! [`PeerValue`](machine::PeerValue) of a [`PeerSetting`]; the **cause** of a step is the
//! setting that made a machine take it. A **[`Failure`]** is a negotiation that established no
//! stream; a machine reports its stream's as a [`StreamFailure`](machine::StreamFailure). The
//! **[`Condition`]** is what ended the stream, as observed; the **[`Blame`](machine::Blame)**
//! says, relative to the machine that reports it, whom that blames; and the **fault** is the
//! side the fault rules find at fault for it ([`Scenario::fault`]). A
//! **[`Reason`](machine::Reason)** is why a machine ends a stream, for the step's explanation.
//! A **[`Rejection`](machine::Rejection)** is a certificate a side rejects in the TLS
//! handshake. A **field** is a named value of a partner entry ([`PartnerField`]).
//!
//! [`PartnerField`]: crate::PartnerField

mod dialback;
pub(crate) mod fix;
mod initiating;
pub mod machine;
mod matrix;
mod peer;
mod profile;
mod receiving;
pub mod record;
mod render;
mod scenario;
mod setting;
pub(crate) mod simulate;
pub(crate) mod text;
pub(crate) mod trace;
mod verifier;
pub mod xml;

pub use matrix::established_method;
pub use peer::{
    Certificate, CertificateName, Peer, Preset, PresetSummary, Provenance, Semantics, ServerOption,
    TlsVersion,
};
pub use profile::{
    Behaviour, CertificateWords, DeclaresDialback, Denial, Describe, DialbackKey, DialbackOffer,
    Ending, Evidence, ExternalIdentity, ExternalOffer, NothingToOffer, Profile, ReceivingCheck,
    Rule, StrictCheck, Unverified, Verification as VerificationStream, VersionRefusal,
};
pub use scenario::{
    Direction, DnsRecord, Environment, OurSide, PassphraseText, Scenario, Unreachable,
};
pub use setting::{EnvironmentSetting, PeerSetting, Setting, SettingError, SettingName, Side};
pub use simulate::simulate;

pub(crate) use matrix::{dialback_inoperative as row_dialback_inoperative, methods as row_methods};
pub use trace::{
    Condition, Connection, Failure, FederationLevel, Fix, Kind, LocalizedStep, LocalizedTrace,
    Outcome, Party, Phase, Step, Trace, Unnamed,
};
