//! The JSON-shaped calls, natively: the same workloads `pkg/bench/bench.mjs` runs through the
//! WebAssembly package in Node, so the two can be read side by side.
//!
//! `cargo xtask bench` runs both.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::fmt::Write;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use xmpp_federation::api;

/// The directory `pkg/bench/bench.mjs` builds: `n` partners with two additional domains each,
/// in varied matrix rows.
fn directory_json(n: usize) -> String {
    let values = ["Required", "Optional", "NotSupported"];
    let mut text = String::from("{\"partners\":[");
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        let _ = write!(
            text,
            r#"{{"domain":"partner{i}.example","additionalDomains":["xmpp.partner{i}.example","im.partner{i}.example"],"description":"Partner {i}","tlsNegotiation":"{}","saslNegotiation":"{}","connectionLimit":10}}"#,
            values[i % 2],
            values[(i / 2) % 3],
        );
    }
    text.push_str("]}");
    text
}

fn scenario(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../examples/scenarios/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn calls(c: &mut Criterion) {
    let mut group = c.benchmark_group("api");
    let partner = r#"{"domain":"fabrikam.com","additionalDomains":["corp.fabrikam.com"],"saslNegotiation":"Optional"}"#;
    group.bench_function("validatePartner", |b| {
        b.iter(|| api::validate_partner(Some(black_box(partner)), None))
    });
    for n in [1_000, 100_000] {
        let text = directory_json(n);
        group.sample_size(if n > 10_000 { 10 } else { 50 });
        group.bench_function(format!("validateDirectory/{n}"), |b| {
            b.iter(|| api::validate_directory(Some(black_box(&text)), None))
        });
    }
    group.sample_size(100);
    for name in ["a-sasl-over-tls", "b-tls-dialback"] {
        let text = scenario(name);
        group.bench_function(format!("simulate/{name}"), |b| {
            b.iter(|| api::simulate(Some(black_box(&text)), None))
        });
    }
    group.finish();
}

criterion_group!(benches, calls);
criterion_main!(benches);
