//! Invariants of the core, stated in words and checked on generated inputs: domain
//! normalisation and document round trips, commits against the validator, and the simulator's
//! outcomes for every pair of server rules. Each property's doc comment is the invariant; a
//! failing case is shrunk by proptest to a smallest example.

// Helpers outside `#[test]` functions may fail loudly too: this whole crate is test code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use proptest::prelude::*;
use xmpp_federation::s2s::{
    Certificate, CertificateName, Condition, Direction, DnsRecord, Peer, Preset, Scenario,
    Semantics, TlsVersion, Unreachable, simulate,
};
use xmpp_federation::{
    Change, Code, Description, Directory, Document, Domain, DomainListChange, Format,
    GatewayConfig, Language, Negotiation, PartnerConfig, PartnerEdit, PartnerType, Passphrase,
    Principal, Severity, validate_partner,
};

// ---------------------------------------------------------------------------------------------
// 1. Normalisation and round trips
// ---------------------------------------------------------------------------------------------

/// The letters and digits a label is drawn from, one alphabet per label mostly: ASCII in both
/// cases, Latin letters that IDNA maps or keeps (`ß` stays, `Ü` lowercases), Greek (with final
/// sigma), Cyrillic, and fullwidth Latin that IDNA maps to ASCII.
const ALPHABETS: &[&[char]] = &[
    &[
        'a', 'b', 'x', 'n', 'z', 'A', 'B', 'X', 'N', 'Z', '0', '1', '9',
    ],
    &['a', 'f', 'r', 'B', 'ü', 'Ü', 'ß', 'é', 'É', 'ä', 'ø', '7'],
    &['α', 'β', 'Σ', 'σ', 'ς', 'ω', 'Ω', 'λ'],
    &['п', 'Р', 'р', 'и', 'м', 'е', 'я', 'Ж', '2'],
    &['ａ', 'Ｂ', 'ｃ', '１', 'x', 'y'],
];

/// A label: letters and digits of one alphabet (sometimes of all of them), with hyphens only
/// inside; or a fixed `xn--` label, valid or not.
fn label() -> impl Strategy<Value = String> {
    let alphabet = prop_oneof![
        4 => prop::sample::select(ALPHABETS).prop_map(<[char]>::to_vec),
        1 => Just(ALPHABETS.concat()),
    ];
    prop_oneof![
        6 => alphabet.prop_flat_map(|letters| {
            (
                prop::sample::select(letters.clone()),
                prop::collection::vec(
                    prop_oneof![4 => prop::sample::select(letters.clone()), 1 => Just('-')],
                    0..10,
                ),
                prop::option::of(prop::sample::select(letters)),
            )
        })
        .prop_map(|(first, middle, last)| {
            let mut label = String::from(first);
            label.extend(middle);
            if let Some(last) = last {
                label.push(last);
            } else {
                label.retain(|c| c != '-');
            }
            label
        }),
        1 => prop::sample::select(vec!["xn--bcher-kva", "xn--fa-hia", "XN--80AKHBYKNJ4F", "xn--", "xn--zz"])
            .prop_map(String::from),
    ]
}

/// What stands between labels: the full stop and the dots UTS #46 maps to it (ideographic,
/// fullwidth, halfwidth ideographic).
const DOTS: &[&str] = &[".", ".", ".", "\u{3002}", "\u{FF0E}", "\u{FF61}"];

/// A plausible domain: one to four labels joined by some dot, with an optional trailing dot;
/// now and then with a doubled trailing dot or surrounding whitespace, which are refused.
fn plausible_domain() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((label(), prop::sample::select(DOTS)), 1..5),
        prop::sample::select(vec!["", "", "", "", ".", ".", "\u{3002}", "\u{FF0E}", ".."]),
        prop::sample::select(
            vec![""; 12]
                .into_iter()
                .chain([" ", "\t"])
                .collect::<Vec<_>>(),
        ),
    )
        .prop_map(|(labels, trailing, space)| {
            let mut name = String::from(space);
            for (i, (label, dot)) in labels.iter().enumerate() {
                if i > 0 {
                    name.push_str(dot);
                }
                name.push_str(label);
            }
            name.push_str(trailing);
            name.push_str(space);
            name
        })
}

/// Plausible domains, printable strings, and any string at all (control characters and
/// unpaired surrogates aside, which a `&str` cannot hold).
fn domain_text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => plausible_domain(),
        2 => "\\PC{0,40}",
        1 => any::<String>(),
    ]
}

/// Characters with a meaning in JSON, XML or PowerShell, and ones that look like them.
const SPECIAL: &[char] = &[
    '\'', '‘', '’', '"', '“', '”', '$', '`', '\n', '\r', '\t', '<', '>', '&', ';', '#', '@', '{',
    '}', '\\', ' ', '\u{A0}', '\u{2013}', 'ü', 'ß', 'Ω', 'Ж', '🙂', '\u{200B}', '\u{FEFF}',
];

/// Any text the model accepts as a description: arbitrary Unicode and syntax characters,
/// with the control characters that no export can carry left out.
fn description() -> impl Strategy<Value = Description> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(SPECIAL), 0..24)
            .prop_map(|chars| chars.into_iter().collect()),
    ]
    .prop_map(|text| {
        Description::new(text.clone()).unwrap_or_else(|_| {
            Description::new(text.chars().filter(|c| !c.is_control()).collect::<String>()).unwrap()
        })
    })
}

/// Domains from a small pool, so that generated partners collide: the same domain in other
/// spellings, subdomains, confusable lookalikes, single labels, IDNs and public services.
const DOMAIN_POOL: &[&str] = &[
    "fabrikam.com",
    "FABRIKAM.com.",
    "xmpp.fabrikam.com",
    "chat.xmpp.fabrikam.com",
    "fabrikarn.com",
    "contoso.com",
    "sub.contoso.com",
    "bücher.example",
    "xn--bcher-kva.example",
    "faß.de",
    "раураl.com",
    "paypal.com",
    "gmail.com",
    "googlemail.com",
    "localhost",
    "пример.рф",
];

fn pooled_domain() -> impl Strategy<Value = Domain> {
    prop::sample::select(DOMAIN_POOL).prop_map(|name| Domain::parse(name).unwrap())
}

/// A domain from the pool or a random one that parses.
fn domain() -> impl Strategy<Value = Domain> {
    prop_oneof![
        3 => pooled_domain(),
        1 => plausible_domain().prop_filter_map("a domain", |name| Domain::parse(&name).ok()),
    ]
}

fn negotiation() -> impl Strategy<Value = Negotiation> {
    prop::sample::select(Negotiation::ALL.to_vec())
}

fn partner_type() -> impl Strategy<Value = PartnerType> {
    prop::sample::select(PartnerType::ALL.to_vec())
}

/// Every field of a partner entry, each through the public API.
fn partner() -> impl Strategy<Value = PartnerConfig> {
    (
        domain(),
        prop::collection::vec(domain(), 0..4),
        description(),
        partner_type(),
        (negotiation(), negotiation(), any::<bool>(), any::<bool>()),
        prop::option::of(prop_oneof![0u32..40, any::<u32>()]),
        prop::option::of(domain()),
    )
        .prop_map(
            |(
                domain,
                additional_domains,
                description,
                partner_type,
                (tls, sasl, dialback, keep_alive),
                connection_limit,
                proxy_fqdn,
            )| {
                let mut partner = PartnerConfig::new(domain);
                partner.additional_domains = additional_domains;
                partner.description = description;
                partner.partner_type = partner_type;
                partner.tls_negotiation = tls;
                partner.sasl_negotiation = sasl;
                partner.support_dialback_negotiation = dialback;
                partner.enable_keep_alive = keep_alive;
                partner.connection_limit = connection_limit;
                partner.proxy_fqdn = proxy_fqdn;
                partner
            },
        )
}

/// Gateway settings: the defaults, or any numbers, passphrase and logging switch.
fn gateway() -> impl Strategy<Value = GatewayConfig> {
    prop_oneof![
        Just(GatewayConfig::default()),
        (
            prop::array::uniform6(prop::option::of(prop_oneof![0u32..60, any::<u32>()])),
            prop::option::of(description().prop_map(|d| Passphrase::new(d.as_str()).unwrap())),
            any::<bool>(),
        )
            .prop_map(|(numbers, passphrase, logging)| {
                let mut gateway = GatewayConfig::default();
                let targets = [
                    &mut gateway.connection_limit,
                    &mut gateway.partner_connection_limit,
                    &mut gateway.keep_alive_interval,
                    &mut gateway.stream_establishment_timeout,
                    &mut gateway.stream_inactivity_timeout,
                    &mut gateway.subscription_refresh_interval,
                ];
                for (target, value) in targets.into_iter().zip(numbers) {
                    if let Some(value) = value {
                        *target = value;
                    }
                }
                gateway.dialback_passphrase = passphrase;
                gateway.enable_logging_all_message_bodies = logging;
                gateway
            }),
    ]
}

/// A directory as Lync keeps it: one entry per primary domain (other conflicts allowed).
fn directory() -> impl Strategy<Value = Directory> {
    (gateway(), prop::collection::vec(partner(), 0..6)).prop_map(|(gateway, mut partners)| {
        let mut seen = std::collections::HashSet::new();
        partners.retain(|p| seen.insert(p.domain.clone()));
        Directory::from_partners(gateway, partners)
    })
}

/// The formats with a writer. (`Get-CsXmppAllowedPartner | Format-List` is read, never
/// written.)
const WRITTEN: [Format; 3] = [Format::Json, Format::Xml, Format::PowerShell];

fn write(directory: &Directory, format: Format) -> String {
    match format {
        Format::Json => directory.to_json(),
        Format::Xml => directory.to_xml(),
        Format::PowerShell => directory.to_powershell(),
        other => panic!("no writer for {other}"),
    }
}

/// Reads `text`, which must read without any finding.
fn read(text: &str, format: Format) -> Directory {
    let document = Document::parse(text, format)
        .unwrap_or_else(|e| panic!("unreadable {format}: {e}\n{text}"));
    assert!(
        document.diagnostics().is_empty(),
        "{format} read with findings {:?}:\n{text}",
        document.diagnostics()
    );
    document.directory()
}

/// Whether two directories hold the same gateway settings and the same partners, in order.
fn same(a: &Directory, b: &Directory) -> bool {
    a.gateway() == b.gateway() && a.partners() == b.partners()
}

proptest! {
    /// For any string whatsoever, `Domain::parse` returns rather than panics. When it accepts
    /// the string, the domain is a fixed point of normalisation: parsing its normalised ASCII
    /// form (`xn--` labels, lowercase, no trailing dot) and parsing its Unicode display form
    /// both give an equal domain with the same ASCII and Unicode texts, and parsing those again
    /// changes nothing.
    #[test]
    fn normalisation_is_idempotent(input in domain_text()) {
        let Ok(domain) = Domain::parse(&input) else { return Ok(()) };
        for form in [domain.as_str(), domain.unicode()] {
            let again = Domain::parse(form)
                .map_err(|e| TestCaseError::fail(format!("{form:?} (from {input:?}) refused: {e}")))?;
            prop_assert_eq!(&again, &domain, "from {:?} via {:?}", input, form);
            prop_assert_eq!(again.as_str(), domain.as_str());
            prop_assert_eq!(again.unicode(), domain.unicode());
            let third = Domain::parse(again.as_str()).unwrap();
            prop_assert_eq!(third.as_str(), domain.as_str());
        }
    }

    /// The dots UTS #46 maps to a full stop are full stops: a name written with any of them
    /// between labels, and with or without a final (root) dot in any of them, parses to the
    /// same domain as the name written with ASCII dots and no final dot, or both are refused.
    #[test]
    fn every_dot_spelling_names_the_same_domain(
        labels in prop::collection::vec((label(), prop::sample::select(DOTS)), 1..5),
        root in prop::option::of(prop::sample::select(DOTS)),
    ) {
        let plain: Vec<&str> = labels.iter().map(|(label, _)| label.as_str()).collect();
        let plain = plain.join(".");
        let mut spelled = String::new();
        for (i, (label, dot)) in labels.iter().enumerate() {
            if i > 0 {
                spelled.push_str(dot);
            }
            spelled.push_str(label);
        }
        spelled.push_str(root.unwrap_or(""));
        prop_assert_eq!(
            Domain::parse(&spelled).ok(),
            Domain::parse(&plain).ok(),
            "{:?} and {:?}", spelled, plain
        );
    }

    /// Writing a directory in any format with a writer (JSON, XML, PowerShell) and reading the
    /// text back gives the same directory, without findings (round trip); writing what was read
    /// gives the same text, byte for byte (writing is idempotent). Passing through every format
    /// in turn changes nothing either.
    #[test]
    fn documents_round_trip_and_writing_is_idempotent(directory in directory()) {
        let mut carried = directory.clone();
        for format in WRITTEN {
            let text = write(&directory, format);
            let read_back = read(&text, format);
            prop_assert!(same(&read_back, &directory), "{format} round trip differs:\n{text}");
            let rewritten = write(&read_back, format);
            prop_assert_eq!(&rewritten, &text, "{} written twice differs", format);
            // The same directory, carried through the previous formats first.
            carried = read(&write(&carried, format), format);
        }
        prop_assert!(same(&carried, &directory));
    }
}

/// Another accepted spelling of `domain`, as a person might type it: upper-case ASCII, the
/// Unicode form, either with a final dot, or the Unicode form with fullwidth or ideographic
/// dots.
fn respell(domain: &Domain, how: u8) -> String {
    match how % 6 {
        0 => domain.as_str().to_ascii_uppercase(),
        1 => domain.unicode().to_owned(),
        2 => format!("{}.", domain.as_str()),
        3 => format!("{}.", domain.unicode()),
        4 => domain.unicode().replace('.', "\u{FF0E}"),
        _ => domain.unicode().replace('.', "\u{3002}"),
    }
}

/// The JSON of `directory` with every domain (primary, additional, proxy) respelled.
fn respelled_json(directory: &Directory, spellings: &[u8]) -> String {
    let mut value: serde_json::Value = serde_json::from_str(&directory.to_json()).unwrap();
    let mut next = spellings.iter().copied().cycle();
    let mut respelled = |text: &mut serde_json::Value| {
        let domain = Domain::parse(text.as_str().unwrap()).unwrap();
        *text = respell(&domain, next.next().unwrap_or(0)).into();
    };
    for partner in value["partners"].as_array_mut().unwrap() {
        respelled(&mut partner["domain"]);
        if let Some(list) = partner
            .get_mut("additionalDomains")
            .and_then(|l| l.as_array_mut())
        {
            list.iter_mut().for_each(&mut respelled);
        }
        if let Some(proxy) = partner.get_mut("proxyFqdn").filter(|p| p.is_string()) {
            respelled(proxy);
        }
    }
    serde_json::to_string_pretty(&value).unwrap()
}

proptest! {
    /// A document may spell its domains in any way `Domain::parse` accepts (upper case, the
    /// Unicode form, a final dot, fullwidth or ideographic dots): reading it gives the same
    /// directory as the normalised spelling, without findings, and writing that directory gives
    /// the normalised text. Reading and writing again changes nothing.
    #[test]
    fn documents_read_any_spelling_to_the_normalised_form(
        directory in directory(),
        spellings in prop::collection::vec(any::<u8>(), 1..16),
    ) {
        let normalised = directory.to_json();
        let text = respelled_json(&directory, &spellings);
        let read_back = read(&text, Format::Json);
        prop_assert!(same(&read_back, &directory), "read differently:\n{text}");
        prop_assert_eq!(read_back.to_json(), normalised.clone());
        prop_assert_eq!(read(&normalised, Format::Json).to_json(), normalised);
    }
}

// ---------------------------------------------------------------------------------------------
// 2. Commit and validation agree
// ---------------------------------------------------------------------------------------------

fn admin() -> Principal {
    Principal::new("kim").with_group(xmpp_federation::ADMIN_GROUP)
}

fn domain_list_change() -> impl Strategy<Value = DomainListChange> {
    prop_oneof![
        (
            prop::collection::vec(pooled_domain(), 0..3),
            prop::collection::vec(pooled_domain(), 0..3)
        )
            .prop_map(|(add, remove)| DomainListChange::Modify { add, remove }),
        prop::collection::vec(pooled_domain(), 0..3)
            .prop_map(|domains| DomainListChange::Replace { domains }),
    ]
}

/// An edit with every parameter of `Set-CsXmppAllowedPartner` either left alone or set.
fn edit() -> impl Strategy<Value = PartnerEdit> {
    (
        pooled_domain(),
        prop::option::of(domain_list_change()),
        prop::option::of(description()),
        prop::option::of(partner_type()),
        (
            prop::option::of(negotiation()),
            prop::option::of(negotiation()),
            prop::option::of(any::<bool>()),
            prop::option::of(any::<bool>()),
        ),
        prop::option::of(prop::option::of(prop_oneof![0u32..40, any::<u32>()])),
        prop::option::of(prop::option::of(pooled_domain())),
    )
        .prop_map(
            |(
                identity,
                additional_domains,
                description,
                partner_type,
                (tls, sasl, dialback, keep_alive),
                connection_limit,
                proxy_fqdn,
            )| {
                let mut edit = PartnerEdit::new(identity);
                edit.additional_domains = additional_domains;
                edit.description = description;
                edit.partner_type = partner_type;
                edit.tls_negotiation = tls;
                edit.sasl_negotiation = sasl;
                edit.support_dialback_negotiation = dialback;
                edit.enable_keep_alive = keep_alive;
                edit.connection_limit = connection_limit;
                edit.proxy_fqdn = proxy_fqdn;
                edit
            },
        )
}

/// A partner whose domains come from the pool only, so that commits collide often.
fn pooled_partner() -> impl Strategy<Value = PartnerConfig> {
    (
        partner(),
        pooled_domain(),
        prop::collection::vec(pooled_domain(), 0..3),
    )
        .prop_map(|(mut partner, domain, additional)| {
            partner.domain = domain;
            partner.additional_domains = additional;
            partner
        })
}

/// A change as generated: an edit or a removal names a partner from the pool, or (when `pick`
/// is set) whichever partner of the directory the index picks when the change is made.
#[derive(Debug, Clone)]
enum Generated {
    New(PartnerConfig),
    Edit(PartnerEdit, Option<prop::sample::Index>),
    Remove(Domain, Option<prop::sample::Index>),
}

impl Generated {
    fn change(&self, directory: &Directory) -> Change {
        let pick = |index: &Option<prop::sample::Index>| {
            let partners = directory.partners();
            index
                .as_ref()
                .filter(|_| !partners.is_empty())
                .map(|i| partners[i.index(partners.len())].domain.clone())
        };
        match self {
            Generated::New(partner) => Change::New(partner.clone()),
            Generated::Edit(edit, index) => {
                let mut edit = edit.clone();
                if let Some(identity) = pick(index) {
                    edit.identity = identity;
                }
                Change::Edit(edit)
            }
            Generated::Remove(domain, index) => {
                Change::Remove(pick(index).unwrap_or_else(|| domain.clone()))
            }
        }
    }
}

fn change() -> impl Strategy<Value = Generated> {
    let pick = prop_oneof![1 => Just(None), 9 => any::<prop::sample::Index>().prop_map(Some)];
    prop_oneof![
        3 => prop_oneof![partner(), pooled_partner()].prop_map(Generated::New),
        3 => (edit(), pick.clone()).prop_map(|(edit, index)| Generated::Edit(edit, index)),
        1 => (pooled_domain(), pick).prop_map(|(domain, index)| Generated::Remove(domain, index)),
    ]
}

/// The errors in a report, as (code, path) pairs.
fn errors(directory: &Directory) -> BTreeSet<(Code, String)> {
    directory
        .validate()
        .diagnostics()
        .filter(|d| d.severity() == Severity::Error)
        .map(|d| (d.code(), d.path().to_owned()))
        .collect()
}

proptest! {
    /// What commit accepted, validation never calls an error. Starting from an empty
    /// directory with any gateway settings, apply any sequence of commits (each any number of
    /// New, Edit and Remove changes, colliding often). After every accepted commit, validating
    /// the directory reports no error beyond those the empty directory already had (the
    /// gateway's own), the report the commit returned is that validation, every partner passes
    /// `validate_partner` without an error, and every partner's report allows a commit. A
    /// refused commit leaves the directory as it was and names at least one error.
    #[test]
    fn what_commit_accepts_validates_without_errors(
        gateway in gateway(),
        commits in prop::collection::vec(prop::collection::vec(change(), 1..3), 1..10),
    ) {
        let mut directory = Directory::new(gateway.clone());
        let baseline = errors(&directory);
        for generated in &commits {
            let changes: Vec<Change> = generated.iter().map(|g| g.change(&directory)).collect();
            let before = directory.clone();
            match directory.commit(&admin(), &changes) {
                Ok(committed) => {
                    let now = errors(&directory);
                    let new: Vec<_> = now.difference(&baseline).collect();
                    prop_assert!(
                        new.is_empty(),
                        "commit of {:?} accepted, then the validator reports {:?} in {:?}",
                        changes, new, directory.partners()
                    );
                    let reported: BTreeSet<_> = committed
                        .report
                        .diagnostics()
                        .map(|d| (d.code(), d.path().to_owned()))
                        .collect();
                    let validated: BTreeSet<_> = directory
                        .validate()
                        .diagnostics()
                        .map(|d| (d.code(), d.path().to_owned()))
                        .collect();
                    prop_assert_eq!(reported, validated);
                    for partner in directory.partners() {
                        let own: Vec<_> = validate_partner(partner, &gateway)
                            .into_iter()
                            .filter(|d| d.severity() == Severity::Error)
                            .map(|d| d.code())
                            .collect();
                        prop_assert!(own.is_empty(), "{:?} has errors {:?}", partner, own);
                    }
                    for report in directory.validate().partners() {
                        prop_assert!(report.commit_allowed(), "{:?}", report.diagnostics());
                    }
                }
                Err(xmpp_federation::CommitError::Refused { blocking, .. }) => {
                    prop_assert!(!blocking.is_empty());
                    prop_assert!(blocking.iter().all(|d| d.severity() == Severity::Error));
                    prop_assert!(same(&directory, &before), "a refused commit changed the directory");
                }
                Err(other) => prop_assert!(false, "an administrator was refused: {other}"),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// 3. Every simulation ends with a reason
// ---------------------------------------------------------------------------------------------

/// The most steps a negotiation may take: the simulator's own guard (`MAX_STEPS`).
const STEP_BOUND: usize = 400;

fn semantics() -> impl Strategy<Value = Semantics> {
    prop::sample::select(Semantics::ALL.to_vec())
}

fn certificate() -> impl Strategy<Value = Certificate> {
    prop::sample::select(Certificate::ALL.to_vec())
}

fn tls_version() -> impl Strategy<Value = TlsVersion> {
    prop::sample::select(TlsVersion::ALL.to_vec())
}

/// Certificate names: none known, or some of those that cover the partner or not.
fn certificate_names() -> impl Strategy<Value = Vec<CertificateName>> {
    prop_oneof![
        6 => Just(Vec::new()),
        1 => prop::collection::vec(
            prop::sample::select(vec![
                "fabrikam.example",
                "*.fabrikam.example",
                "xmpp.fabrikam.example",
                "contoso.example",
                "*.example",
                "other.example",
            ]),
            1..3,
        )
        .prop_map(|names| names.into_iter().map(|n| CertificateName::parse(n).unwrap()).collect()),
    ]
}

/// The partner's server: a preset's defaults or a generic server, then any of its settings
/// overridden, with any server's rules.
fn partner_server(domain: Domain) -> impl Strategy<Value = Peer> {
    (
        prop::option::of(prop::sample::select(Preset::ALL.to_vec())),
        prop::option::of(semantics()),
        prop::option::of((negotiation(), negotiation(), any::<bool>())),
        prop::option::weighted(0.4, (certificate(), any::<bool>())),
        prop::option::weighted(0.2, (tls_version(), tls_version())),
        certificate_names(),
        rarely(vec!["contoso.example", "other.example"]),
        rarely(vec!["other.example", "xmpp.fabrikam.example"]),
    )
        .prop_map(
            move |(preset, semantics, policy, certificate, versions, names, denied, answers_as)| {
                let mut peer = match preset {
                    Some(preset) => preset.peer(domain.clone()),
                    None => Peer::new(domain.clone()),
                };
                if let Some(semantics) = semantics {
                    peer.semantics = semantics;
                }
                if let Some((tls, sasl, dialback)) = policy {
                    peer.tls = tls;
                    peer.sasl = sasl;
                    peer.dialback = dialback;
                }
                if let Some((certificate, strict)) = certificate {
                    peer.certificate = certificate;
                    peer.strict_certificate_validation = strict;
                }
                if let Some((min, max)) = versions {
                    peer.min_tls_version = min;
                    peer.max_tls_version = max;
                }
                peer.certificate_names = names;
                peer.denied_domains = denied
                    .into_iter()
                    .map(|d| Domain::parse(d).unwrap())
                    .collect();
                peer.answers_as = answers_as.map(|d| Domain::parse(d).unwrap());
                peer
            },
        )
}

/// Most often `None` (the usual value), otherwise one of `values`.
fn rarely<T: Clone + std::fmt::Debug + 'static>(
    values: Vec<T>,
) -> impl Strategy<Value = Option<T>> {
    prop::option::weighted(0.1, prop::sample::select(values))
}

fn dns() -> impl Strategy<Value = Option<DnsRecord>> {
    prop_oneof![
        16 => Just(None),
        1 => prop::sample::select(DnsRecord::ALL.to_vec()).prop_map(Some),
    ]
}

fn unreachable() -> impl Strategy<Value = Option<Unreachable>> {
    prop_oneof![
        24 => Just(None),
        1 => prop::sample::select(Unreachable::ALL.to_vec()).prop_map(Some),
    ]
}

prop_compose! {
    /// Our settings for the partner × our Edge server × the partner's server (any preset and
    /// any rules) × faults in the environment × the direction × the seed.
    fn scenario()(
        (tls, sasl, dialback) in (negotiation(), negotiation(), any::<bool>()),
        additional in prop::option::weighted(0.3, prop::sample::select(vec!["xmpp.fabrikam.example", "other.example"])),
        partner_domain in rarely(vec!["other.example", "xmpp.fabrikam.example"]),
        (our_semantics, our_certificate, our_strict) in (semantics(), rarely(Certificate::ALL.to_vec()), any::<bool>()),
        (our_versions, our_names) in (prop::option::weighted(0.2, (tls_version(), tls_version())), certificate_names()),
        (dns_ours, dns_partner, unreachable_ours, unreachable_partner) in (dns(), dns(), unreachable(), unreachable()),
        (reachable, verifies) in (prop::bool::weighted(0.9), prop::bool::weighted(0.9)),
        outbound in any::<bool>(),
        seed in any::<u64>(),
    ) -> Scenario {
        let ours = Domain::parse("contoso.example").unwrap();
        let partner = Domain::parse(partner_domain.unwrap_or("fabrikam.example")).unwrap();
        let mut config = PartnerConfig::new(Domain::parse("fabrikam.example").unwrap());
        config.tls_negotiation = tls;
        config.sasl_negotiation = sasl;
        config.support_dialback_negotiation = dialback;
        config.additional_domains = additional.into_iter().map(|d| Domain::parse(d).unwrap()).collect();
        let direction = if outbound { Direction::Outbound } else { Direction::Inbound };
        let mut scenario = Scenario::new(ours.clone(), config, Peer::new(partner.clone()), direction);
        scenario.ours.semantics = our_semantics;
        scenario.ours.certificate = our_certificate.unwrap_or(Certificate::Valid);
        scenario.ours.strict_certificate_validation = our_strict;
        if let Some((min, max)) = our_versions {
            scenario.ours.min_tls_version = min;
            scenario.ours.max_tls_version = max;
        }
        scenario.ours.certificate_names = our_names;
        for (domain, record, unreachable) in [(&ours, dns_ours, unreachable_ours), (&partner, dns_partner, unreachable_partner)] {
            if let Some(record) = record {
                scenario.environment.dns.insert(domain.clone(), record);
            }
            if let Some(how) = unreachable {
                scenario.environment.unreachable.insert(domain.clone(), how);
            }
        }
        scenario.environment.authoritative_reachable = reachable;
        scenario.environment.dialback_key_verifies = verifies;
        scenario.seed = seed;
        scenario
    }
}

/// A scenario with the partner's server generated too.
fn full_scenario() -> impl Strategy<Value = Scenario> {
    scenario().prop_flat_map(|scenario| {
        let domain = scenario.partner.domain.clone();
        (Just(scenario), partner_server(domain)).prop_map(|(mut scenario, server)| {
            scenario.partner = server;
            scenario
        })
    })
}

proptest! {
    /// Every simulation ends with a reason. For any scenario (our settings for the partner,
    /// our Edge server's rules, certificate and TLS versions, the partner's server as any
    /// preset with any rules and overrides, DNS answers, unreachable servers, an unreachable
    /// authoritative server, a key that does not verify, either direction, any seed),
    /// `simulate` returns within the step bound an outcome that is either established (with a
    /// method and a federation level, and no failure) or failed with a condition and a side at
    /// fault; never undecided, never stalled or misdriven, and an internal error is never
    /// blamed on a side.
    #[test]
    fn every_simulation_ends_with_a_reason(scenario in full_scenario()) {
        let trace = simulate(&scenario);
        let outcome = trace.outcome();
        let json = || serde_json::to_string(&scenario).unwrap_or_default();
        prop_assert!(trace.steps().len() <= STEP_BOUND + 1, "{} steps: {}", trace.steps().len(), json());
        prop_assert!(!trace.steps().is_empty(), "no step: {}", json());
        match (&outcome.failure, outcome.established) {
            (None, true) => {
                prop_assert!(outcome.method.is_some() && outcome.level.is_some(), "{:?}", outcome);
            }
            (Some(failure), false) => {
                let internal = matches!(failure.condition, Condition::Stalled { .. } | Condition::Misdriven { .. });
                if internal {
                    prop_assert_eq!(failure.fault, None, "an internal error blamed a side: {}", json());
                }
                prop_assert!(!internal, "{:?} in {}", failure.condition, json());
                prop_assert!(failure.fault.is_some(), "a failure without a side at fault: {}", json());
                prop_assert!(outcome.method.is_none() && outcome.level.is_none());
                prop_assert!(failure.step >= 1 && failure.step <= trace.steps().len());
            }
            _ => prop_assert!(false, "undecided: {:?} in {}", outcome, json()),
        }
    }

    /// The simulation is deterministic: the same scenario simulated twice gives byte-identical
    /// traces, as the text ladder and as the localised JSON, in both languages.
    #[test]
    fn the_same_scenario_gives_the_same_trace(scenario in full_scenario()) {
        let first = simulate(&scenario);
        let second = simulate(&scenario.clone());
        for language in [Language::English, Language::German] {
            prop_assert_eq!(first.to_text(language), second.to_text(language));
            prop_assert_eq!(
                serde_json::to_string(&first.localize(language)).unwrap(),
                serde_json::to_string(&second.localize(language)).unwrap()
            );
        }
    }
}
