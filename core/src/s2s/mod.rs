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
