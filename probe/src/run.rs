//! Runs a probe: sets up TLS, DNS and our listener, drives the main stream, and hands what was
//! recorded to the report.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use ring::rand::{SecureRandom, SystemRandom};
use tokio::net::TcpListener;
use tokio::sync::{mpsc, watch};
use tokio::time::timeout;
use xmpp_federation::s2s::Kind;
use xmpp_federation::s2s::machine::{Blame, Endpoint, Initiating, Receiving, Role, StreamFailure};
use xmpp_federation::s2s::record::Context;
use xmpp_federation::s2s::{Certificate, Condition, Connection, Direction, Party, Peer};

use super::dns::Dns;
use super::end::{Finished, OurEnd};
use super::report::{self, ProbeReport};
use super::session::{self, Observed, Probe};
use super::tls::{self, Tls};
use super::wire::Wire;
use super::{ProbeError, ProbeOptions};

/// Runs a probe: sets up TLS, DNS and the listener, drives the main stream, and builds the
/// report.
pub(crate) async fn run(options: &ProbeOptions) -> Result<ProbeReport, ProbeError> {
    let tls = Tls::new(&options.trust, options.identity.clone())?;
    let dns = Dns::new(options.nameserver, options.timeouts.answer)?;
    if options.direction == Direction::Inbound && options.listen.is_none() {
        return Err(ProbeError::Options(
            "an inbound probe waits for the partner's connection: give --listen".to_owned(),
        ));
    }
    let listener = match options.listen {
        Some(address) => {
            Some(
                TcpListener::bind(address)
                    .await
                    .map_err(|e| ProbeError::Listen {
                        address,
                        reason: e.to_string(),
                    })?,
            )
        }
        None => None,
    };
    let own = session::own_certificate(options, &tls, &options.ours);
    let mut ours = Peer::lync(
        options.ours.clone(),
        &options.partner_config,
        if tls.has_identity() {
            Certificate::Valid
        } else {
            Certificate::Missing
        },
        options.strict_certificate_validation,
    );
    ours.semantics = options.semantics;
    // The dialback secret (XEP-0185 §3: "a secret known only to the originating server") and
    // the stream ids' seed come from the operating system's CSPRNG.
    let random = SystemRandom::new();
    let mut bytes = [0u8; 40];
    random.fill(&mut bytes).map_err(|_| ProbeError::Random)?;
    let (secret_bytes, seed_bytes) = bytes.split_at(32);
    let secret = match &options.dialback_passphrase {
        Some(passphrase) => passphrase.expose().to_owned(),
        None => secret_bytes.iter().map(|b| format!("{b:02x}")).collect(),
    };
    let mut seed = [0u8; 8];
    seed.copy_from_slice(seed_bytes);
    let seeds = u64::from_le_bytes(seed);
    let outbound = options.direction == Direction::Outbound;
    let main_context = Context {
        initiating: if outbound {
            options.ours.clone()
        } else {
            options.partner.clone()
        },
        receiving: if outbound {
            options.partner.clone()
        } else {
            options.ours.clone()
        },
        ours_initiating: outbound,
    };
    let (stop_sender, stop) = watch::channel(false);
    let probe = Arc::new(Probe {
        options: options.clone(),
        ours,
        tls,
        dns,
        secret,
        main_context: main_context.clone(),
        recorder: Mutex::new(Observed::default()),
        stop,
        seeds,
    });

    let (inbound_sender, mut inbound) = mpsc::channel::<Finished>(1);
    let mut tasks = Vec::new();
    if let Some(listener) = listener {
        let probe = probe.clone();
        tasks.push(tokio::spawn(accept(probe, listener, inbound_sender)));
    }

    let total = options.timeouts.total;
    let main = async {
        if outbound {
            let lane = probe.lane(
                Connection::Main,
                Party::OurProxy,
                Party::Partner,
                main_context.clone(),
                true,
            );
            let machine = Initiating::new(
                probe.ours.clone(),
                options.partner.clone(),
                probe.secret.clone(),
            );
            OurEnd::new(probe.clone(), lane, Role::Initiating(machine), None)
                .run()
                .await
        } else {
            inbound.recv().await.unwrap_or(Finished::Failed {
                step: 0,
                failure: StreamFailure {
                    condition: Condition::ConnectionClosed,
                    blame: Blame::Silent,
                },
            })
        }
    };
    let finished = match timeout(total, main).await {
        Ok(finished) => finished,
        Err(_) => {
            let seconds = total.as_secs();
            let lane = probe.lane(
                Connection::Main,
                Party::Partner,
                Party::OurProxy,
                main_context.clone(),
                !outbound,
            );
            let step = probe.recorder().steps.record(
                lane.id,
                Party::Partner,
                Party::OurProxy,
                None,
                Kind::Timeout { seconds },
                None,
            );
            Finished::Failed {
                step,
                failure: StreamFailure {
                    condition: Condition::Timeout { seconds },
                    blame: Blame::Silent,
                },
            }
        }
    };
    let _ = stop_sender.send(true);
    for task in tasks {
        let _ = timeout(Duration::from_secs(2), task).await;
    }
    let recorder = std::mem::take(&mut *probe.recorder());
    Ok(report::build(options, own, recorder, finished))
}

/// Accepts the partner's connections to our domain's server.
async fn accept(probe: Arc<Probe>, listener: TcpListener, inbound: mpsc::Sender<Finished>) {
    let mut stop = probe.stop.clone();
    let mut main_taken = probe.options.direction == Direction::Outbound;
    let mut ends = tokio::task::JoinSet::new();
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stop.wait_for(|stopped| *stopped) => break,
        };
        let Ok((stream, peer)) = accepted else {
            continue;
        };
        let local = stream.local_addr().unwrap_or(peer);
        let main = !main_taken;
        main_taken = true;
        let lane = if main {
            probe.lane(
                Connection::Main,
                Party::Partner,
                Party::OurProxy,
                probe.main_context.clone(),
                false,
            )
        } else {
            // The partner's own stream to our domain's server, to verify our key.
            let context = Context {
                initiating: probe.options.partner.clone(),
                receiving: probe.options.ours.clone(),
                ours_initiating: false,
            };
            probe.lane(
                Connection::Verification,
                Party::Partner,
                Party::Authoritative,
                context,
                false,
            )
        };
        probe.recorder().steps.record(
            lane.id,
            lane.initiating,
            lane.receiving,
            None,
            Kind::Connect {
                endpoint: Endpoint {
                    host: local.ip().to_string(),
                    port: local.port(),
                },
                authoritative: !main,
                own_stream: false,
            },
            None,
        );
        let accepts = probe.options.partner_config.domains().cloned().collect();
        let machine = Receiving::new(probe.ours.clone(), Some(accepts), probe.seed())
            .with_authority(probe.secret.clone());
        let mut end = OurEnd::new(
            probe.clone(),
            lane,
            Role::Receiving(machine),
            Some(Wire::new(stream)),
        );
        end.serve_after_done = !main;
        let inbound = inbound.clone();
        ends.spawn(async move {
            let finished = end.run().await;
            if main {
                let _ = inbound.send(finished).await;
            }
        });
    }
    ends.abort_all();
}

pub(crate) use tls::details as certificate_details;
