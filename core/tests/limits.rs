//! Every bound in `limits` (and the bounds of domains and messages), at the bound and one past
//! it, in every format the bound applies to: the table in `docs/formats.md`, as a test.
//!
//! A document-wide bound makes the document unusable (a `ReadError`); a bound on one value is a
//! diagnostic, and the rest of the document is still read.

use std::fmt::Write;

use xmpp_federation::limits::{
    MAX_ADDITIONAL_DOMAINS, MAX_DEPTH, MAX_DESCRIPTION_CHARS, MAX_DOCUMENT_BYTES, MAX_PARTNERS,
    MAX_POWERSHELL_DEPTH, MAX_REQUEST_BYTES, MAX_TEXT_CHARS, MAX_XML_DEPTH,
};
use xmpp_federation::s2s::Scenario;
use xmpp_federation::{
    Code, ContactRequest, Document, Domain, DomainError, Format, MAX_SHOWN_CHARS, ReadErrorKind,
    RequestError, decode,
};

const XML_HEAD: &str = r#"<directory xmlns="urn:xmpp-federation:directory:1">"#;

/// A document of `count` partners in the smallest shape the format has, each with its own
/// domain (a repeated domain in PowerShell would be refused as an existing partner).
fn partners(format: Format, count: usize) -> String {
    let mut text = String::with_capacity(count * 40);
    match format {
        Format::Json => {
            text.push('[');
            for i in 0..count {
                if i > 0 {
                    text.push(',');
                }
                let _ = write!(text, r#"{{"domain":"p{i}.com"}}"#);
            }
            text.push(']');
        }
        Format::Xml => {
            text.push_str(XML_HEAD);
            for i in 0..count {
                let _ = write!(text, "<partner><domain>p{i}.com</domain></partner>");
            }
            text.push_str("</directory>");
        }
        Format::PowerShell => {
            for i in 0..count {
                let _ = writeln!(text, "New-CsXmppAllowedPartner p{i}.com");
            }
        }
        Format::FormatList => {
            for i in 0..count {
                let _ = write!(text, "Identity : p{i}.com\n\n");
            }
        }
        _ => unreachable!(),
    }
    text
}

/// One partner with `count` additional domains.
fn additional_domains(format: Format, count: usize) -> String {
    let domains: Vec<String> = (0..count).map(|i| format!("d{i}.a.com")).collect();
    match format {
        Format::Json => format!(
            r#"{{"domain":"a.com","additionalDomains":[{}]}}"#,
            domains
                .iter()
                .map(|d| format!("\"{d}\""))
                .collect::<Vec<_>>()
                .join(",")
        ),
        Format::Xml => format!(
            "{XML_HEAD}<partner><domain>a.com</domain><additionalDomains>{}</additionalDomains>\
             </partner></directory>",
            domains
                .iter()
                .map(|d| format!("<domain>{d}</domain>"))
                .collect::<String>()
        ),
        Format::PowerShell => format!(
            "New-CsXmppAllowedPartner a.com -AdditionalDomains {}\n",
            domains.join(",")
        ),
        Format::FormatList => format!(
            "Identity : a.com\nAdditionalDomains : {{{}}}\n",
            domains.join(", ")
        ),
        _ => unreachable!(),
    }
}

/// One partner whose description is `description`.
fn described(format: Format, description: &str) -> String {
    match format {
        Format::Json => format!(r#"{{"domain":"a.com","description":"{description}"}}"#),
        Format::Xml => format!(
            "{XML_HEAD}<partner><domain>a.com</domain><description>{description}</description>\
             </partner></directory>"
        ),
        Format::PowerShell => {
            format!("New-CsXmppAllowedPartner a.com -Description '{description}'\n")
        }
        Format::FormatList => format!("Identity : a.com\nDescription : {description}\n"),
        _ => unreachable!(),
    }
}

fn codes(text: &str, format: Format) -> Vec<Code> {
    let document =
        Document::parse(text, format).unwrap_or_else(|e| panic!("{format}: unreadable: {e}"));
    document
        .validate()
        .diagnostics()
        .map(|d| d.code())
        .collect()
}

fn refused(text: &str, format: Format) -> ReadErrorKind {
    match Document::parse(text, format) {
        Ok(_) => panic!("{format}: read, but should be refused"),
        Err(error) => error.kind().clone(),
    }
}

/// A document of exactly `bytes` bytes: an empty document, padded with spaces or line breaks.
fn padded(format: Format, bytes: usize) -> String {
    let (empty, pad) = match format {
        Format::Json => ("[]", ' '),
        Format::Xml => (
            r#"<directory xmlns="urn:xmpp-federation:directory:1"/>"#,
            ' ',
        ),
        Format::PowerShell => ("# partners", '\n'),
        Format::FormatList => ("Identity : a.com", '\n'),
        _ => unreachable!(),
    };
    let mut text = String::with_capacity(bytes);
    text.push_str(empty);
    text.extend(std::iter::repeat_n(pad, bytes - empty.len()));
    text
}

#[test]
fn document_bytes() {
    for format in Format::ALL {
        let at = padded(format, MAX_DOCUMENT_BYTES);
        assert!(Document::parse(&at, format).is_ok(), "{format}");
        assert!(decode(at.as_bytes()).is_ok(), "{format}");
        let past = padded(format, MAX_DOCUMENT_BYTES + 1);
        assert!(
            matches!(refused(&past, format), ReadErrorKind::TooLarge { bytes } if bytes == MAX_DOCUMENT_BYTES + 1),
            "{format}"
        );
        assert!(
            matches!(
                decode(past.as_bytes()).map_err(|e| e.kind().clone()),
                Err(ReadErrorKind::TooLarge { .. })
            ),
            "{format}"
        );
    }
}

/// A million partners at the bound and one more past it. About 5 s for JSON and `Format-List`
/// in a debug build, 25 s for XML and 30 s for PowerShell (whose reader interprets every
/// command before it meets the one too many), so each format is a test of its own and they run
/// in parallel.
fn partners_in_a_document(format: Format) {
    let at = partners(format, MAX_PARTNERS);
    let document = Document::parse(&at, format).unwrap_or_else(|e| panic!("{format}: {e}"));
    assert_eq!(document.len(), MAX_PARTNERS, "{format}");
    drop((document, at));
    let past = partners(format, MAX_PARTNERS + 1);
    assert_eq!(
        refused(&past, format),
        ReadErrorKind::TooManyPartners,
        "{format}"
    );
}

#[test]
fn partners_in_json() {
    partners_in_a_document(Format::Json);
    // The partners of a directory object, too.
    let past = format!(
        r#"{{"partners": {}}}"#,
        partners(Format::Json, MAX_PARTNERS + 1)
    );
    assert_eq!(refused(&past, Format::Json), ReadErrorKind::TooManyPartners);
}

#[test]
fn partners_in_xml() {
    partners_in_a_document(Format::Xml);
}

#[test]
fn partners_in_powershell() {
    partners_in_a_document(Format::PowerShell);
}

#[test]
fn partners_in_format_list() {
    partners_in_a_document(Format::FormatList);
}

#[test]
fn additional_domains_of_one_partner() {
    for format in Format::ALL {
        let at = codes(&additional_domains(format, MAX_ADDITIONAL_DOMAINS), format);
        assert!(!at.contains(&Code::LimitExceeded), "{format}: {at:?}");
        let past = codes(
            &additional_domains(format, MAX_ADDITIONAL_DOMAINS + 1),
            format,
        );
        assert!(past.contains(&Code::LimitExceeded), "{format}: {past:?}");
    }
}

#[test]
fn text_and_description_characters() {
    let cases = [
        (MAX_DESCRIPTION_CHARS, None),
        (MAX_DESCRIPTION_CHARS + 1, Some(Code::DescriptionTooLong)),
        (MAX_TEXT_CHARS, Some(Code::DescriptionTooLong)),
        (MAX_TEXT_CHARS + 1, Some(Code::LimitExceeded)),
    ];
    for format in Format::ALL {
        for (length, expected) in cases {
            let found = codes(&described(format, &"x".repeat(length)), format);
            let limits: Vec<Code> = found
                .into_iter()
                .filter(|c| matches!(c, Code::DescriptionTooLong | Code::LimitExceeded))
                .collect();
            assert_eq!(
                limits,
                Vec::from_iter(expected),
                "{format}, {length} characters"
            );
        }
    }
}

#[test]
fn nesting() {
    let json = |levels: usize| format!("{}{}", "[".repeat(levels), "]".repeat(levels));
    assert!(Document::parse(&json(MAX_DEPTH), Format::Json).is_ok());
    assert_eq!(
        refused(&json(MAX_DEPTH + 1), Format::Json),
        ReadErrorKind::TooDeep { limit: MAX_DEPTH }
    );
    // `directory` is the first level; empty elements count like others.
    for empty in [false, true] {
        let xml = |levels: usize| {
            let inner = if empty { "<e/>" } else { "<e></e>" };
            format!(
                "{XML_HEAD}{}{inner}{}</directory>",
                "<e>".repeat(levels - 2),
                "</e>".repeat(levels - 2)
            )
        };
        let at = Document::parse(&xml(MAX_XML_DEPTH), Format::Xml);
        assert!(
            !matches!(
                at.map_err(|e| e.kind().clone()),
                Err(ReadErrorKind::TooDeep { .. })
            ),
            "empty: {empty}"
        );
        assert_eq!(
            refused(&xml(MAX_XML_DEPTH + 1), Format::Xml),
            ReadErrorKind::TooDeep {
                limit: MAX_XML_DEPTH
            }
        );
    }
    let powershell = |levels: usize| {
        format!(
            "New-CsXmppAllowedPartner -Domain {}'a.com'{}\n",
            "(".repeat(levels),
            ")".repeat(levels)
        )
    };
    assert!(Document::parse(&powershell(MAX_POWERSHELL_DEPTH), Format::PowerShell).is_ok());
    assert_eq!(
        refused(&powershell(MAX_POWERSHELL_DEPTH + 1), Format::PowerShell),
        ReadErrorKind::TooDeep {
            limit: MAX_POWERSHELL_DEPTH
        }
    );
    // The message names the limit of the format that hit it.
    let message = Document::parse(&powershell(40), Format::PowerShell)
        .unwrap_err()
        .to_string();
    assert!(
        message.contains(&format!("deeper than {MAX_POWERSHELL_DEPTH} levels")),
        "{message}"
    );
}

const SCENARIO: &str = r#"{"ours": {"domain": "contoso.com"}, "partnerConfig": {"domain": "fabrikam.com"}, "partner": {"preset": "prosody", "domain": "fabrikam.com"}, "direction": "outbound"}"#;
const CONTACT: &str = r#"{"ourDomain": "contoso.com", "lyncUser": "alice", "xmppDomain": "fabrikam.com", "xmppUser": "bob", "requester": "lyncUser", "enableXmppAccess": true}"#;

#[test]
fn request_bytes() {
    let pad = |text: &str, bytes: usize| format!("{text}{}", " ".repeat(bytes - text.len()));
    assert!(Scenario::from_json(&pad(SCENARIO, MAX_REQUEST_BYTES)).is_ok());
    assert!(matches!(
        Scenario::from_json(&pad(SCENARIO, MAX_REQUEST_BYTES + 1)),
        Err(RequestError::TooLarge { .. })
    ));
    ContactRequest::from_json(CONTACT).unwrap();
    assert!(ContactRequest::from_json(&pad(CONTACT, MAX_REQUEST_BYTES)).is_ok());
    assert!(matches!(
        ContactRequest::from_json(&pad(CONTACT, MAX_REQUEST_BYTES + 1)),
        Err(RequestError::TooLarge { .. })
    ));
}

#[test]
fn localpart_bytes() {
    use xmpp_federation::{Localpart, LocalpartError};
    assert!(Localpart::parse(&"a".repeat(1023)).is_ok());
    assert!(matches!(
        Localpart::parse(&"a".repeat(1024)),
        Err(LocalpartError::TooLong { bytes: 1024 })
    ));
}

#[test]
fn domain_lengths() {
    let label = |n: usize| "a".repeat(n);
    assert!(Domain::parse(&format!("{}.com", label(63))).is_ok());
    assert!(matches!(
        Domain::parse(&format!("{}.com", label(64))),
        Err(DomainError::LabelTooLong { length: 64, .. })
    ));
    // 253 characters: four labels of 61 and one of 5, with their dots.
    let at = format!("{0}.{0}.{0}.{0}.{1}", label(61), label(5));
    assert_eq!(at.len(), 253);
    assert!(Domain::parse(&at).is_ok());
    let past = format!("{0}.{0}.{0}.{0}.{1}", label(61), label(6));
    assert!(matches!(
        Domain::parse(&past),
        Err(DomainError::TooLong { length: 254 })
    ));
}

#[test]
fn shown_input_characters() {
    let shown = |name: &str| {
        let document =
            Document::parse(&format!(r#"{{"domain":"a.com","{name}":1}}"#), Format::Json).unwrap();
        document.diagnostics()[0].message(xmpp_federation::Language::English)
    };
    let at = "x".repeat(MAX_SHOWN_CHARS);
    assert!(shown(&at).contains(&format!("`{at}`")));
    let past = "x".repeat(MAX_SHOWN_CHARS + 1);
    let message = shown(&past);
    assert!(!message.contains(&past), "{message}");
    assert!(
        message.contains(&format!("{at}… ({} characters)", MAX_SHOWN_CHARS + 1)),
        "{message}"
    );
}
