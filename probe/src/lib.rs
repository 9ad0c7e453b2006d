//! The probe: the same negotiation as the simulator, over real DNS, TCP and TLS, against a real
//! server. Native only.
//!
//! The probe is a driver of the `xmpp-federation` crate's public state machines
//! ([`xmpp_federation::s2s::machine`]), and uses nothing of that crate that another driver could
//! not: the initiating machine for the stream we open, the receiving machine for streams the
//! partner opens to us (to send stanzas, or to verify our dialback key, as our authoritative
//! server), and the verifier to check the partner's keys. It records every step with the
//! simulator's [`Recorder`](xmpp_federation::s2s::record::Recorder), in the
//! [`Trace`](xmpp_federation::s2s::Trace) format, with the exact XML that crossed the wire, and
//! sets the simulator's prediction for the same conditions beside it. `docs/probe.md` describes
//! the command-line tool.
//!
//! ```no_run
//! use std::time::Duration;
//! use xmpp_federation_probe::{ProbeOptions, Timeouts, probe};
//! use xmpp_federation::{Domain, Language, PartnerConfig};
//!
//! let partner = Domain::parse("fabrikam.com")?;
//! let mut options = ProbeOptions::new(Domain::parse("contoso.com")?, PartnerConfig::new(partner));
//! options.timeouts = Timeouts { answer: Duration::from_secs(5), ..Timeouts::default() };
//! let report = probe(&options)?;
//! println!("{}", report.to_text(Language::English));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod catalogue;
mod compare;
mod dns;
mod end;
mod observe;
mod report;
mod run;
mod session;
mod tls;
mod wire;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::time::Duration;

pub use dns::Nameserver;
pub use report::{
    Agreement, Difference, FeatureOffer, LocalizedProbeReport, PolicySource, ProbeReport,
    TlsSession,
};
pub use tls::{CertificateDetails, ChainEntry, Identity, Trust};

use xmpp_federation::Domain;
use xmpp_federation::PartnerConfig;
use xmpp_federation::Passphrase;
use xmpp_federation::s2s::{Certificate, Direction, Peer, Semantics};

/// How long the probe waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    /// For a TCP connection or a TLS handshake.
    pub connect: Duration,
    /// For each answer of the other side.
    pub answer: Duration,
    /// For the whole probe, including waiting for the partner to connect (inbound).
    pub total: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(10),
            answer: Duration::from_secs(10),
            total: Duration::from_secs(60),
        }
    }
}

/// What to probe, as whom, and how to reach it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ProbeOptions {
    /// Our domain, such as `contoso.com`.
    pub ours: Domain,
    /// Our entry for the partner (Lync semantics): its TLS, SASL and dialback settings.
    pub partner_config: PartnerConfig,
    /// The partner domain to reach; the entry's primary domain unless set.
    pub partner: Domain,
    /// Who opens the main stream: we (outbound), or the partner, whose connection the probe
    /// waits for on `listen` (inbound).
    pub direction: Direction,
    /// Whether our side ends the handshake on a certificate it does not accept.
    pub strict_certificate_validation: bool,
    /// The certificate we present; without one we cannot offer TLS or use SASL EXTERNAL.
    pub identity: Option<Identity>,
    /// The roots we trust.
    pub trust: Trust,
    /// Where DNS questions go.
    pub nameserver: Nameserver,
    /// Where to connect for a domain instead of asking DNS (the partner's server, or its
    /// authoritative server); these lookups leave no DNS steps in the trace.
    pub addresses: BTreeMap<Domain, SocketAddr>,
    /// Whose rules our side follows: Lync's, or another server's to probe as a generic XMPP
    /// server with the entry's settings as its policy.
    pub semantics: Semantics,
    /// Where we listen as our domain's server: for the partner's dialback verification
    /// (outbound) and for its stream (inbound). DNS for our domain must lead here.
    pub listen: Option<SocketAddr>,
    /// How long to wait.
    pub timeouts: Timeouts,
    /// The secret our dialback keys are made with; a random one when unset.
    pub dialback_passphrase: Option<Passphrase>,
    /// The partner server's policy, when known: the prediction uses it instead of what the
    /// probe infers from the server's offers.
    pub partner_policy: Option<Peer>,
    /// Our certificate as the partner's server judges it, when known and other than our own
    /// roots judge it (the partner trusts other authorities): the prediction uses it.
    pub our_certificate_judged: Option<Certificate>,
}

impl ProbeOptions {
    /// Options to probe the partner `config` describes, outbound from `ours`, with Mozilla's
    /// roots, the system's DNS and default timeouts.
    pub fn new(ours: Domain, config: PartnerConfig) -> ProbeOptions {
        ProbeOptions {
            ours,
            partner: config.domain.clone(),
            partner_config: config,
            direction: Direction::Outbound,
            strict_certificate_validation: false,
            identity: None,
            trust: Trust::Mozilla,
            nameserver: Nameserver::System,
            addresses: BTreeMap::new(),
            semantics: Semantics::Lync,
            listen: None,
            timeouts: Timeouts::default(),
            dialback_passphrase: None,
            partner_policy: None,
            our_certificate_judged: None,
        }
    }
}

/// What stops a probe before anything is sent.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProbeError {
    /// A certificate, key or CA file is unusable.
    #[error("certificate: {0}")]
    Certificate(String),
    /// The resolver cannot be set up.
    #[error("DNS: {0}")]
    Dns(String),
    /// The listening address cannot be bound.
    #[error("cannot listen on {address}: {reason}")]
    Listen {
        /// The address.
        address: SocketAddr,
        /// The system's reason.
        reason: String,
    },
    /// The options contradict each other.
    #[error("{0}")]
    Options(String),
    /// The operating system's random source failed, so no dialback secret can be made.
    #[error("the system's random source is unavailable")]
    Random,
}

/// Runs the probe to its end: every step recorded, the outcome, and the prediction beside it.
/// Blocks the calling thread; inside an async runtime use [`probe_async`].
pub fn probe(options: &ProbeOptions) -> Result<ProbeReport, ProbeError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| ProbeError::Options(format!("cannot start the I/O runtime: {e}")))?;
    runtime.block_on(probe_async(options))
}

/// [`probe`] for callers that already run a Tokio runtime.
pub async fn probe_async(options: &ProbeOptions) -> Result<ProbeReport, ProbeError> {
    run::run(options).await
}
