//! Every diagnostic code, once: its fixture produces it, and its texts exist in English and
//! German and follow the message style.

use std::collections::BTreeSet;

use xmpp_federation::{Code, Diagnostic, Document, Format, Language};

use crate::util::{fixture, read};

const FORMATS: [(&str, Format); 4] = [
    ("json", Format::Json),
    ("xml", Format::Xml),
    ("ps1", Format::PowerShell),
    ("txt", Format::FormatList),
];

fn find(code: Code) -> (String, Format) {
    FORMATS
        .iter()
        .map(|(ext, format)| (format!("diagnostics/{}.{ext}", code.as_str()), *format))
        .find(|(name, _)| fixture(name).is_file())
        .unwrap_or_else(|| panic!("no fixture for {}", code.as_str()))
}

fn produced(code: Code) -> Vec<Diagnostic> {
    let (name, format) = find(code);
    let document =
        Document::parse(&read(&fixture(&name)), format).unwrap_or_else(|e| panic!("{name}: {e}"));
    document
        .validate()
        .diagnostics()
        .filter(|d| d.code() == code)
        .cloned()
        .collect()
}

#[test]
fn every_code_has_a_fixture_that_produces_it() {
    for &code in Code::ALL {
        let found = produced(code);
        assert!(
            !found.is_empty(),
            "{} is not produced by its fixture",
            code.as_str()
        );
        for d in &found {
            assert_eq!(d.severity(), code.severity());
        }
    }
}

#[test]
fn every_fixture_belongs_to_a_code() {
    let codes: BTreeSet<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    for entry in std::fs::read_dir(fixture("diagnostics")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let stem = name.split('.').next().unwrap();
        assert!(codes.contains(stem), "fixture {name} has no code");
    }
}

#[test]
fn codes_and_names_are_unique_and_well_formed() {
    let mut seen_codes = BTreeSet::new();
    let mut seen_names = BTreeSet::new();
    for &code in Code::ALL {
        assert!(seen_codes.insert(code.as_str()), "{} twice", code.as_str());
        assert!(seen_names.insert(code.name()), "{} twice", code.name());
        assert!(code.as_str().starts_with("XF") && code.as_str().len() == 5);
        assert!(
            code.name()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-')
        );
    }
}

#[test]
fn every_text_exists_in_both_languages_and_follows_the_style() {
    for &code in Code::ALL {
        let english = code.summary(Language::English);
        let german = code.summary(Language::German);
        assert_ne!(
            english,
            german,
            "{} summary is not translated",
            code.as_str()
        );
        for d in produced(code) {
            let en = (d.message(Language::English), d.help(Language::English));
            let de = (d.message(Language::German), d.help(Language::German));
            assert_ne!(en.0, de.0, "{}: message not translated", code.as_str());
            assert_ne!(en.1, de.1, "{}: help not translated", code.as_str());
            for text in [&en.0, &en.1, &de.0, &de.1] {
                assert!(!text.is_empty(), "{}: empty text", code.as_str());
                assert!(
                    !text.ends_with('.'),
                    "{}: final period in {text:?}",
                    code.as_str()
                );
                assert!(
                    !text.contains('\n'),
                    "{}: line break in {text:?}",
                    code.as_str()
                );
                assert!(
                    !text.contains("{}"),
                    "{}: unfilled placeholder",
                    code.as_str()
                );
            }
            // English messages start in lowercase unless they start with a name or acronym.
            let first = en.0.chars().next().unwrap();
            let starts_with_name = ["SASL", "Google"].iter().any(|n| en.0.starts_with(n));
            assert!(
                !first.is_uppercase() || starts_with_name,
                "{}: {:?}",
                code.as_str(),
                en.0
            );
        }
    }
}

#[test]
fn diagnostics_page_lists_every_code() {
    let page = read(&crate::util::root().join("docs/diagnostics.md"));
    for &code in Code::ALL {
        assert!(
            page.contains(&format!("## {}", code.as_str())),
            "{}",
            code.as_str()
        );
    }
}

/// Google ended XMPP federation in 2017: a Google domain, primary or additional, gets XF212 at
/// that field, with a help text that removes it; the Control Panel still commits the entry.
#[test]
fn google_domains_no_longer_federate_but_still_commit() {
    let google = |partner: &str| {
        let text = format!(r#"{{"partners": [{partner}]}}"#);
        let report = Document::parse(&text, Format::Json).unwrap().validate();
        let found: Vec<(String, String)> = report
            .diagnostics()
            .filter(|d| d.code() == Code::GoogleFederationEnded)
            .map(|d| (d.path().to_owned(), d.help(Language::English)))
            .collect();
        (found, report.partners()[0].commit_allowed())
    };
    // The documented Google Talk setup: one finding, at the primary domain, even with a second
    // Google domain; removing the partner removes both.
    let (found, commit) = google(
        r#"{"domain": "GoogleMail.com", "partnerType": "PublicUnverified",
            "tlsNegotiation": "NotSupported", "saslNegotiation": "NotSupported",
            "enableKeepAlive": false, "additionalDomains": ["gmail.com"]}"#,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "partners[0].domain");
    assert!(
        found[0]
            .1
            .contains("Remove-CsXmppAllowedPartner -Identity 'googlemail.com'"),
        "{}",
        found[0].1
    );
    // A warning, so the Control Panel's verdict does not change.
    assert!(commit);
    // A Google domain among another partner's domains: remove that domain.
    let (found, commit) = google(
        r#"{"domain": "fabrikam.com", "saslNegotiation": "Optional",
            "additionalDomains": ["corp.fabrikam.com", "gmail.com"]}"#,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "partners[0].additionalDomains[1]");
    assert!(
        found[0].1.contains("@{Remove='gmail.com'}"),
        "{}",
        found[0].1
    );
    assert!(commit);
    // Domains that only resemble Google's are not Google's.
    for domain in ["gmail.example", "mail.gmail.com", "gmail.com.example"] {
        let (found, _) = google(&format!(r#"{{"domain": "{domain}"}}"#));
        assert!(found.is_empty(), "{domain}: {found:?}");
    }
}
