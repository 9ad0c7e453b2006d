//! Round trips through JSON, XML and PowerShell, for arbitrary directories, and format detection
//! and decoding.

use proptest::prelude::*;
use xmpp_federation::{
    Description, Directory, Document, Domain, Format, GatewayConfig, Negotiation, PartnerConfig,
    PartnerType, Passphrase, ReadErrorKind, changes_to_powershell, decode,
};

use crate::util::{crate_dir, parse, read};

/// Characters with a meaning in PowerShell, XML or JSON, and ones that look like them.
const SPECIAL: &[char] = &[
    '\'', '‘', '’', '‚', '‛', '"', '“', '”', '„', '$', '`', '\n', '\r', '\t', '<', '>', '&', ';',
    '|', '#', '@', '{', '}', '(', ')', '\\', ' ', '-', '\u{A0}', '\u{2013}', 'ä', '€', '🙂',
];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,30}",
        prop::collection::vec(prop::sample::select(SPECIAL), 0..20)
            .prop_map(|chars| chars.into_iter().collect()),
        prop::collection::vec(
            prop_oneof![
                "\\PC{0,4}",
                prop::sample::select(SPECIAL).prop_map(String::from)
            ],
            0..10
        )
        .prop_map(|parts| parts.concat()),
    ]
}

fn domain() -> impl Strategy<Value = Domain> {
    prop_oneof![
        "[a-z][a-z0-9-]{0,8}[a-z0-9]\\.(com|net|example|co\\.uk)",
        prop::sample::select(vec![
            "bücher.example",
            "пример.рф",
            "例え.テスト",
            "xn--fa-hia.de"
        ])
        .prop_map(String::from),
    ]
    // A random label can start with `xn--` without being valid Punycode; such names are
    // rightly refused, so they are not generated.
    .prop_filter_map("a valid domain", |name| Domain::parse(&name).ok())
}

fn negotiation() -> impl Strategy<Value = Negotiation> {
    prop::sample::select(Negotiation::ALL.to_vec())
}

fn partner() -> impl Strategy<Value = PartnerConfig> {
    (
        domain(),
        prop::collection::vec(domain(), 0..4),
        text(),
        prop::sample::select(PartnerType::ALL.to_vec()),
        (negotiation(), negotiation(), any::<bool>(), any::<bool>()),
        prop::option::of(any::<u32>()),
        prop::option::of(domain()),
    )
        .prop_map(
            |(
                d,
                additional,
                description,
                partner_type,
                (tls, sasl, dialback, keep_alive),
                limit,
                proxy,
            )| {
                let mut p = PartnerConfig::new(d);
                p.additional_domains = additional;
                p.description = Description::new(description).unwrap();
                p.partner_type = partner_type;
                p.tls_negotiation = tls;
                p.sasl_negotiation = sasl;
                p.support_dialback_negotiation = dialback;
                p.enable_keep_alive = keep_alive;
                p.connection_limit = limit;
                p.proxy_fqdn = proxy;
                p
            },
        )
}

fn gateway() -> impl Strategy<Value = GatewayConfig> {
    (
        prop::array::uniform6(prop_oneof![Just(None), any::<u32>().prop_map(Some)]),
        prop::option::of(text()),
        any::<bool>(),
    )
        .prop_map(|(numbers, passphrase, logging)| {
            let mut g = GatewayConfig::default();
            let targets = [
                &mut g.connection_limit,
                &mut g.partner_connection_limit,
                &mut g.keep_alive_interval,
                &mut g.stream_establishment_timeout,
                &mut g.stream_inactivity_timeout,
                &mut g.subscription_refresh_interval,
            ];
            for (target, value) in targets.into_iter().zip(numbers) {
                if let Some(value) = value {
                    *target = value;
                }
            }
            g.dialback_passphrase = passphrase.map(|p| Passphrase::new(p).unwrap());
            g.enable_logging_all_message_bodies = logging;
            g
        })
}

/// A directory whose partners have distinct identities, as Lync keeps them.
fn directory() -> impl Strategy<Value = Directory> {
    (gateway(), prop::collection::vec(partner(), 0..6)).prop_map(|(gateway, mut partners)| {
        let mut seen = std::collections::HashSet::new();
        partners.retain(|p| seen.insert(p.domain.clone()));
        Directory::from_partners(gateway, partners)
    })
}

fn assert_same(read: &Directory, written: &Directory, text: &str) {
    assert_eq!(
        read.gateway(),
        written.gateway(),
        "gateway differs after:\n{text}"
    );
    assert_eq!(
        read.partners(),
        written.partners(),
        "partners differ after:\n{text}"
    );
}

fn round_trip(directory: &Directory, format: Format) {
    let text = match format {
        Format::Json => directory.to_json(),
        Format::Xml => directory.to_xml(),
        Format::PowerShell => directory.to_powershell(),
        _ => unreachable!(),
    };
    if format == Format::PowerShell {
        // Printable ASCII only, so that Windows PowerShell reads the same script in any code
        // page, and one command per line.
        assert!(
            text.chars().all(|c| c == '\n' || (' '..='~').contains(&c)),
            "{text}"
        );
        let commands = text.lines().filter(|l| !l.starts_with('#')).count();
        let expected = directory.partners().len()
            + usize::from(*directory.gateway() != GatewayConfig::default());
        assert_eq!(commands, expected, "{text}");
    }
    let document = parse(&text, format);
    assert!(
        document.diagnostics().is_empty(),
        "{:?}\n{text}",
        document.diagnostics()
    );
    assert_eq!(Format::detect(&text), Some(format));
    assert_same(&document.directory(), directory, &text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn json_round_trips(directory in directory()) {
        round_trip(&directory, Format::Json);
    }

    #[test]
    fn xml_round_trips(directory in directory()) {
        round_trip(&directory, Format::Xml);
    }

    #[test]
    fn powershell_round_trips(directory in directory()) {
        round_trip(&directory, Format::PowerShell);
    }

    /// Applying the exported changes to the exported base gives the target.
    #[test]
    fn powershell_changes_apply(base in directory(), target in directory()) {
        let target = Directory::from_partners(base.gateway().clone(), target.partners().to_vec());
        let script = format!(
            "{}{}",
            base.to_powershell(),
            changes_to_powershell(&base.changes_to(&target))
        );
        let document = parse(&script, Format::PowerShell);
        prop_assert!(document.diagnostics().is_empty(), "{:?}", document.diagnostics());
        let result = document.directory();
        // Order: kept partners stay in place, new ones are appended.
        let mut got: Vec<_> = result.partners().to_vec();
        let mut want: Vec<_> = target.partners().to_vec();
        got.sort_by(|a, b| a.domain.cmp(&b.domain));
        want.sort_by(|a, b| a.domain.cmp(&b.domain));
        prop_assert_eq!(got, want);
    }
}

#[test]
fn sample_directory_round_trips_in_every_format() {
    let text = read(&crate_dir().join("../examples/contoso-partners.json"));
    let directory = parse(&text, Format::Json).directory();
    assert_eq!(directory.partners().len(), 5);
    for format in [Format::Json, Format::Xml, Format::PowerShell] {
        round_trip(&directory, format);
    }
}

#[test]
fn json_accepts_a_list_or_a_single_partner() {
    let list = parse(
        r#"[{"domain": "fabrikam.com"}, {"domain": "contoso.com"}]"#,
        Format::Json,
    );
    assert_eq!(list.directory().partners().len(), 2);
    let single = parse(
        r#"{"domain": "fabrikam.com", "partnerType": "Federated"}"#,
        Format::Json,
    );
    assert_eq!(
        single.directory().partners()[0].partner_type,
        PartnerType::Federated
    );
    let empty = parse("{}", Format::Json);
    assert!(empty.is_empty() && empty.diagnostics().is_empty());
}

#[test]
fn omitted_fields_take_the_cmdlet_defaults() {
    let partner = parse(r#"{"domain": "fabrikam.com"}"#, Format::Json)
        .directory()
        .partners()[0]
        .clone();
    assert_eq!(
        partner,
        PartnerConfig::new(Domain::parse("fabrikam.com").unwrap())
    );
    let gateway = parse(r#"{"gateway": {}}"#, Format::Json)
        .directory()
        .gateway()
        .clone();
    assert_eq!(
        (
            gateway.connection_limit,
            gateway.partner_connection_limit,
            gateway.keep_alive_interval,
            gateway.stream_establishment_timeout,
            gateway.stream_inactivity_timeout,
            gateway.subscription_refresh_interval,
            gateway.enable_logging_all_message_bodies
        ),
        (1000, 20, 300, 60, 600, 28800, false)
    );
}

#[test]
fn unusable_json_names_the_position() {
    let error = Document::parse(
        "{\"partners\": [\n  {\"domain\": \"a.com\",}\n]}",
        Format::Json,
    )
    .unwrap_err();
    let position = error.position().unwrap();
    assert_eq!((position.line, position.column), (2, 22));
    assert!(matches!(error.kind(), ReadErrorKind::Syntax { .. }));
    let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
    assert!(matches!(
        Document::parse(&deep, Format::Json).unwrap_err().kind(),
        ReadErrorKind::TooDeep { limit: 32 }
    ));
}

#[test]
fn wrong_values_are_diagnostics_not_failures() {
    let document = parse(
        r#"{"partners": [{"domain": "fabrikam.com", "enableKeepAlive": "yes", "connectionLimit": -1,
            "additionalDomains": "corp.fabrikam.com", "partnerType": 3}, {"domain": "contoso.com"}]}"#,
        Format::Json,
    );
    let paths: Vec<&str> = document.diagnostics().iter().map(|d| d.path()).collect();
    assert_eq!(
        paths,
        [
            "partners[0].additionalDomains",
            "partners[0].partnerType",
            "partners[0].enableKeepAlive",
            "partners[0].connectionLimit"
        ]
    );
    // The valid partner is still read; the broken one is not.
    let directory = document.directory();
    assert_eq!(directory.partners().len(), 1);
    let report = document.validate();
    assert!(!report.partners()[0].commit_allowed());
    assert_eq!(
        report.partners()[0].matrix_row().map(|r| r.name()),
        Some("M1")
    );
}

#[test]
fn detects_formats() {
    assert_eq!(Format::detect("  {\"partners\": []}"), Some(Format::Json));
    assert_eq!(
        Format::detect("\u{FEFF}<?xml version=\"1.0\"?><directory/>"),
        Some(Format::Xml)
    );
    assert_eq!(
        Format::detect("New-CsXmppAllowedPartner gmail.com"),
        Some(Format::PowerShell)
    );
    assert_eq!(
        Format::detect("# partners\nNew-CsXmppAllowedPartner a.com"),
        Some(Format::PowerShell)
    );
    assert_eq!(
        Format::detect("Identity : fabrikam.com\nPartnerType : Federated"),
        Some(Format::FormatList)
    );
    assert_eq!(Format::detect("hello world"), None);
    // Detection looks at the first 64 KiB, which may end inside a character.
    let long = format!("[{}\"ä\"]", "\"ab\",".repeat(13_107));
    assert_eq!(Format::detect(&long), Some(Format::Json));
    let script = format!("# {}\nNew-CsXmppAllowedPartner a.com", "ä".repeat(40_000));
    assert_eq!(Format::detect(&script), Some(Format::PowerShell));
}

#[test]
fn decodes_utf8_and_utf16_with_byte_order_marks() {
    let text = "Identity : bücher.example\r\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(decode(&utf16).unwrap(), text);
    let mut big = vec![0xFE, 0xFF];
    big.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    assert_eq!(decode(&big).unwrap(), text);
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend(text.as_bytes());
    assert_eq!(decode(&bom).unwrap(), text);
    let error = decode(b"ok\n\xFF").unwrap_err();
    assert!(matches!(error.kind(), ReadErrorKind::Encoding));
    assert_eq!(error.position().map(|p| p.line), Some(2));
}

#[test]
fn oversized_input_is_refused_before_parsing() {
    let big = " ".repeat(xmpp_federation::limits::MAX_DOCUMENT_BYTES + 1);
    assert!(matches!(
        Document::parse(&big, Format::Json).unwrap_err().kind(),
        ReadErrorKind::TooLarge { .. }
    ));
    assert!(matches!(
        decode(big.as_bytes()).unwrap_err().kind(),
        ReadErrorKind::TooLarge { .. }
    ));
}

#[test]
fn partners_with_field_errors_are_left_out_of_the_directory() {
    // A misspelt field could have been a setting: the partner is not read with defaults.
    let document = parse(
        r#"[{"domain": "a.com", "tlsNegociation": "Optional"}, {"domain": "b.com", "domain": "c.com"}, {"domain": "d.com"}]"#,
        Format::Json,
    );
    let directory = document.directory();
    let names: Vec<&str> = directory
        .partners()
        .iter()
        .map(|p| p.domain.as_str())
        .collect();
    assert_eq!(names, ["d.com"]);
    let report = document.validate();
    assert_eq!(
        report.partners()[0].matrix_row(),
        None,
        "TLS may be the misspelt field"
    );
    assert!(!report.partners()[0].commit_allowed());
    assert_eq!(
        report.partners()[2].matrix_row().map(|r| r.name()),
        Some("M1")
    );
}

/// The sample partner lists in `examples/` read without errors in their fields: they are what
/// the README and the playground start from.
#[test]
fn example_directories_read() {
    for entry in std::fs::read_dir(crate::util::root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let document = Document::parse(&crate::util::read(&path), Format::Json)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(
            document.directory().partners().len(),
            document.len(),
            "{}",
            path.display()
        );
    }
}
