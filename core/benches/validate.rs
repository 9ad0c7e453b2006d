//! Throughput of reading, validating and looking up partner directories.
//!
//! `cargo xtask bench` (or `cargo bench -p xmpp-federation`) runs these in release mode.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::fmt::Write;
use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use xmpp_federation::{Document, Domain, Format};

/// A JSON directory of `n` partners, each with two additional domains, in varied matrix rows.
fn directory_json(n: usize) -> String {
    let rows = ["Required", "Optional", "NotSupported"];
    let mut text = String::from("{\"partners\": [");
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        let _ = write!(
            text,
            r#"{{"domain": "partner{i}.example", "additionalDomains": ["xmpp.partner{i}.example", "im.partner{i}.example"], "description": "Partner {i}", "tlsNegotiation": "{}", "saslNegotiation": "{}", "connectionLimit": 10}}"#,
            rows[i % 2],
            rows[(i / 2) % 3],
        );
    }
    text.push_str("]}");
    text
}

fn read_and_validate(c: &mut Criterion) {
    let mut group = c.benchmark_group("directory");
    group.sample_size(10);
    for n in [1_000, 10_000, 100_000] {
        let json = directory_json(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("read_json", n), &json, |b, json| {
            b.iter(|| Document::parse(black_box(json), Format::Json).unwrap());
        });
        let directory = Document::parse(&json, Format::Json).unwrap().directory();
        group.bench_with_input(
            BenchmarkId::new("validate", n),
            &directory,
            |b, directory| {
                b.iter(|| black_box(directory).validate());
            },
        );
        let xml = directory.to_xml();
        group.bench_with_input(BenchmarkId::new("read_xml", n), &xml, |b, xml| {
            b.iter(|| Document::parse(black_box(xml), Format::Xml).unwrap());
        });
        let script = directory.to_powershell();
        group.bench_with_input(
            BenchmarkId::new("read_powershell", n),
            &script,
            |b, script| {
                b.iter(|| Document::parse(black_box(script), Format::PowerShell).unwrap());
            },
        );
        // The same documents on one line: positions must stay cheap when lines are long.
        let xml_line = xml.replace('\n', "");
        group.bench_with_input(
            BenchmarkId::new("read_xml_one_line", n),
            &xml_line,
            |b, xml| {
                b.iter(|| Document::parse(black_box(xml), Format::Xml).unwrap());
            },
        );
        let script_line = script
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect::<Vec<_>>()
            .join("; ");
        group.bench_with_input(
            BenchmarkId::new("read_powershell_one_line", n),
            &script_line,
            |b, script| {
                b.iter(|| Document::parse(black_box(script), Format::PowerShell).unwrap());
            },
        );
    }
    group.finish();
}

fn lookup(c: &mut Criterion) {
    let directory = Document::parse(&directory_json(100_000), Format::Json)
        .unwrap()
        .directory();
    let wanted = Domain::parse("im.partner77777.example").unwrap();
    c.bench_function("lookup/partner_for in 100,000", |b| {
        b.iter(|| directory.partner_for(black_box(&wanted)).unwrap());
    });
}

fn domains(c: &mut Criterion) {
    let mut group = c.benchmark_group("domain_parse");
    for input in ["xmpp.fabrikam.com", "Bücher.Example.", "пример.рф"] {
        group.bench_with_input(BenchmarkId::from_parameter(input), input, |b, input| {
            b.iter(|| Domain::parse(black_box(input)).unwrap());
        });
    }
    group.finish();
}

criterion_group!(benches, read_and_validate, lookup, domains);
criterion_main!(benches);
