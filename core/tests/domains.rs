//! Domain normalisation, with IDNs and hostile strings.

use proptest::prelude::*;
use xmpp_federation::{Domain, DomainError};

#[test]
fn normalises() {
    let cases = [
        ("fabrikam.com", "fabrikam.com", "fabrikam.com"),
        ("FABRIKAM.COM.", "fabrikam.com", "fabrikam.com"),
        ("Bücher.Example", "xn--bcher-kva.example", "bücher.example"),
        (
            "xn--bcher-kva.example",
            "xn--bcher-kva.example",
            "bücher.example",
        ),
        ("ＦＡＢＲＩＫＡＭ．ＣＯＭ", "fabrikam.com", "fabrikam.com"),
        ("пример.рф", "xn--e1afmkfd.xn--p1ai", "пример.рф"),
        ("例え.テスト", "xn--r8jz45g.xn--zckzah", "例え.テスト"),
        ("faß.de", "xn--fa-hia.de", "faß.de"),
        (
            "xmpp-1.fabrikam.co.uk",
            "xmpp-1.fabrikam.co.uk",
            "xmpp-1.fabrikam.co.uk",
        ),
    ];
    for (input, ascii, unicode) in cases {
        let domain = Domain::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
        assert_eq!(domain.as_str(), ascii, "{input}");
        assert_eq!(domain.unicode(), unicode, "{input}");
    }
}

#[test]
fn equivalent_forms_are_equal() {
    let forms = [
        "bücher.example",
        "BÜCHER.example.",
        "xn--bcher-kva.example",
        "XN--BCHER-KVA.EXAMPLE",
    ];
    let first = Domain::parse(forms[0]).unwrap();
    for form in forms {
        assert_eq!(Domain::parse(form).unwrap(), first, "{form}");
    }
}

#[test]
fn rejects_hostile_input_with_a_reason() {
    type Expect = fn(&DomainError) -> bool;
    let cases: Vec<(String, Expect)> = vec![
        ("".into(), |e| matches!(e, DomainError::Empty)),
        ("   ".into(), |e| {
            matches!(e, DomainError::Whitespace { .. })
        }),
        ("fab\u{0}rikam.com".into(), |e| {
            matches!(e, DomainError::InvalidCharacter { .. })
        }),
        ("fabrikam.com\r\n".into(), |e| {
            matches!(e, DomainError::Whitespace { .. })
        }),
        ("fabrikam.com;rm -rf /".into(), |e| {
            matches!(e, DomainError::Whitespace { .. })
        }),
        ("fabrikam.com';--".into(), |e| {
            matches!(e, DomainError::InvalidCharacter { .. })
        }),
        ("<script>.com".into(), |e| {
            matches!(e, DomainError::InvalidCharacter { .. })
        }),
        ("fabrikam.com\u{202E}moc".into(), |e| {
            matches!(e, DomainError::Idna { .. })
        }),
        ("fab\u{200D}rikam.com".into(), |e| {
            matches!(e, DomainError::Idna { .. })
        }),
        ("xn--.com".into(), |e| {
            matches!(
                e,
                DomainError::Idna { .. } | DomainError::HyphenPosition { .. }
            )
        }),
        ("xn--abc-.com".into(), |e| {
            matches!(
                e,
                DomainError::HyphenPosition { .. } | DomainError::Idna { .. }
            )
        }),
        ("a".repeat(100_000), |e| {
            matches!(e, DomainError::TooLong { .. })
        }),
        ("a.".repeat(200), |e| {
            matches!(e, DomainError::TooLong { .. })
        }),
        ("xmpp:fabrikam.com".into(), |e| {
            matches!(e, DomainError::InvalidCharacter { .. })
        }),
        ("ldap://fabrikam.com".into(), |e| {
            matches!(e, DomainError::Url { .. })
        }),
        ("*".into(), |e| matches!(e, DomainError::Wildcard { .. })),
        ("127.0.0.1".into(), |e| {
            matches!(e, DomainError::IpLiteral { .. })
        }),
        ("::1".into(), |e| matches!(e, DomainError::IpLiteral { .. })),
        (
            "fabrikam.123".into(),
            |e| matches!(e, DomainError::NumericTopLevel { label, .. } if label == "123"),
        ),
        ("[::1]".into(), |e| {
            matches!(e, DomainError::IpLiteral { .. })
        }),
        ("1.2.3.4".into(), |e| {
            matches!(e, DomainError::IpLiteral { .. })
        }),
        ("fabrikam/".into(), |e| matches!(e, DomainError::Jid { .. })),
        ("@fabrikam.com".into(), |e| {
            matches!(e, DomainError::Jid { .. })
        }),
        (".".into(), |e| matches!(e, DomainError::EmptyLabel { .. })),
        ("..".into(), |e| matches!(e, DomainError::EmptyLabel { .. })),
        ("🙂.com".into(), |e| {
            matches!(
                e,
                DomainError::Symbol {
                    character: '🙂',
                    ..
                }
            )
        }),
        ("fab☃rikam.com".into(), |e| {
            matches!(e, DomainError::Symbol { .. })
        }),
        ("€uro.example".into(), |e| {
            matches!(e, DomainError::Symbol { .. })
        }),
    ];
    for (input, expected) in cases {
        match Domain::parse(&input) {
            Ok(domain) => panic!("{input:?} parsed as {domain:?}"),
            Err(error) => assert!(expected(&error), "{input:?}: {error:?}"),
        }
    }
}

#[test]
fn messages_name_the_fix() {
    let error = Domain::parse("https://xmpp.fabrikam.com:5269/").unwrap_err();
    assert!(
        error
            .help(xmpp_federation::Language::English)
            .contains("`xmpp.fabrikam.com`")
    );
    let error = Domain::parse("fabrikam.com:5269").unwrap_err();
    assert!(
        error
            .help(xmpp_federation::Language::English)
            .contains("remove `:5269`")
    );
}

proptest! {
    /// Parsing never panics, and a parsed domain parses back to itself from either form.
    #[test]
    fn parsing_is_total_and_idempotent(input in "\\PC{0,80}") {
        if let Ok(domain) = Domain::parse(&input) {
            prop_assert_eq!(Domain::parse(domain.as_str()).unwrap(), domain.clone());
            prop_assert_eq!(Domain::parse(domain.unicode()).unwrap(), domain.clone());
            prop_assert!(domain.as_str().len() <= 253);
            prop_assert!(domain.as_str().is_ascii());
        }
    }

    /// Names built from valid labels always parse, whatever their case.
    #[test]
    fn ldh_names_parse(labels in prop::collection::vec("[a-zA-Z0-9]([a-zA-Z0-9-]{0,10}[a-zA-Z0-9])?", 1..5), tld in "[a-z]{2,6}") {
        let name = format!("{}.{tld}", labels.join("."));
        let domain = Domain::parse(&name).unwrap();
        prop_assert_eq!(domain.as_str(), name.to_ascii_lowercase());
    }
}
