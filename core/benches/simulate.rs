//! Cost of simulating negotiations: one trace, the fix search of a failing one, the rendering,
//! and the sweep that derives the negotiation matrix.
//!
//! `cargo xtask bench` (or `cargo bench -p xmpp-federation --bench simulate`) runs these in
//! release mode.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use xmpp_federation::s2s::{Certificate, Direction, Peer, Scenario, established_method, simulate};
use xmpp_federation::{Domain, Language, MatrixRow, Negotiation, PartnerConfig};

fn scenario(name: &str) -> Scenario {
    let path = format!(
        "{}/../examples/scenarios/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Scenario::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn traces(c: &mut Criterion) {
    let mut group = c.benchmark_group("simulate");
    for name in [
        "a-sasl-over-tls",
        "b-tls-dialback",
        "g-tls-required-by-receiving",
    ] {
        let scenario = scenario(name);
        group.bench_function(name, |b| b.iter(|| simulate(black_box(&scenario))));
    }
    let trace = simulate(&scenario("b-tls-dialback"));
    group.bench_function("b-tls-dialback/to_text", |b| {
        b.iter(|| black_box(&trace).to_text(Language::English))
    });
    group.bench_function("b-tls-dialback/localize", |b| {
        b.iter(|| black_box(&trace).localize(Language::German))
    });
    group.finish();
}

/// What one matrix row costs to derive: the row played against every partner policy and
/// certificate in both directions (324 negotiations).
fn matrix_row(c: &mut Criterion) {
    let ours = Domain::parse("contoso.example").unwrap();
    let partner = Domain::parse("fabrikam.example").unwrap();
    let row = MatrixRow::ALL[6];
    let mut config = PartnerConfig::new(partner.clone());
    config.tls_negotiation = row.tls();
    config.sasl_negotiation = row.sasl();
    config.support_dialback_negotiation = row.dialback();
    let mut scenarios = Vec::new();
    for tls in Negotiation::ALL {
        for sasl in Negotiation::ALL {
            for dialback in [true, false] {
                for certificate in [
                    Certificate::Valid,
                    Certificate::Missing,
                    Certificate::Expired,
                ] {
                    for direction in [Direction::Outbound, Direction::Inbound] {
                        let mut peer = Peer::new(partner.clone());
                        peer.tls = tls;
                        peer.sasl = sasl;
                        peer.dialback = dialback;
                        peer.certificate = certificate;
                        scenarios.push(Scenario::new(
                            ours.clone(),
                            config.clone(),
                            peer,
                            direction,
                        ));
                    }
                }
            }
        }
    }
    c.bench_function("matrix/one row (324 negotiations)", |b| {
        b.iter(|| scenarios.iter().filter_map(established_method).count())
    });
}

criterion_group!(benches, traces, matrix_row);
criterion_main!(benches);
