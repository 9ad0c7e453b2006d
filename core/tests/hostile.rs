//! Hostile input: every text that came from input is shown with its control characters made
//! visible, and every echo of input is bounded, whatever the input's size.

use xmpp_federation::s2s::Scenario;
use xmpp_federation::s2s::xml::StreamParser;
use xmpp_federation::{
    Code, ContactRequest, Description, Document, Format, Language, Passphrase, ReadErrorKind,
    RequestError, decode,
};

/// Characters that steer a terminal (ESC, BEL, a C1 control) or reorder the text shown (bidi
/// overrides and isolates).
const STEERING: [char; 6] = [
    '\u{1b}', '\u{7}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{2069}',
];

fn assert_visible(text: &str) {
    for c in text.chars() {
        assert!(
            !steering(c),
            "{:?} shows {:?} raw",
            text.chars().take(200).collect::<String>(),
            c
        );
    }
}

/// Every message, help and path of a document's findings, in both languages.
fn shown(text: &str, format: Format) -> Vec<String> {
    let document = match Document::parse(text, format) {
        Ok(document) => document,
        Err(e) => return vec![e.to_string()],
    };
    let mut out = Vec::new();
    for d in document.validate().diagnostics() {
        for l in [Language::English, Language::German] {
            out.push(d.message(l));
            out.push(d.help(l));
        }
        out.push(d.path().to_owned());
        out.extend(d.related().iter().cloned());
    }
    out
}

#[test]
fn the_helper_escapes_steering_characters_and_bounds_its_output() {
    let text = "a\u{1b}]0;pwned\u{7}b\u{202e}c";
    let visible = xmpp_federation::visible(text);
    assert_visible(&visible);
    assert!(visible.contains("\\u{1b}"), "{visible}");
    assert!(visible.contains("\\u{202e}"), "{visible}");
    assert_eq!(xmpp_federation::visible("fabrikam.com"), "fabrikam.com");
    let long = "x".repeat(1_000_000);
    let visible = xmpp_federation::visible(&long);
    assert!(visible.len() < 200, "{}", visible.len());
    assert!(visible.contains("1000000"), "{visible}");
}

#[test]
fn json_values_and_keys_are_shown_visibly() {
    for c in STEERING {
        let value = format!(r#"[{{"domain":"a.com","tlsNegotiation":"x{c}]0;pwned"}}]"#);
        let key = format!(r#"[{{"domain":"a.com","tls{c}Negotiation":"Required"}}]"#);
        let gateway = format!(r#"{{"partners":[],"gateway":{{"a{c}":1}}}}"#);
        for text in [value, key, gateway] {
            let shown = shown(&text, Format::Json);
            assert!(!shown.is_empty(), "{text}");
            for s in shown {
                assert_visible(&s);
            }
        }
    }
}

#[test]
fn xml_and_format_list_names_are_shown_visibly() {
    let xml = "<?xml version=\"1.0\"?>\n<directory xmlns=\"urn:xmpp-federation:directory:1\">\
               <partner><domain>a.com</domain><tlsNegotiation>x\u{202e}y</tlsNegotiation>\
               <a\u{202e}b>1</a\u{202e}b></partner></directory>";
    for s in shown(xml, Format::Xml) {
        assert_visible(&s);
    }
    let list = "Identity : a.com\nDomain : a.com\nTlsNegotiation : x\u{1b}]0;pwned\u{7}\n\
                Odd\u{9b}Name : 1\n";
    let shown = shown(list, Format::FormatList);
    assert!(!shown.is_empty());
    for s in shown {
        assert_visible(&s);
    }
}

#[test]
fn a_huge_json_key_gives_a_small_message() {
    let key = "k".repeat(1_000_000);
    let text = format!(r#"[{{"domain":"a.com","{key}":"x"}}]"#);
    let shown = shown(&text, Format::Json);
    assert!(!shown.is_empty());
    let total: usize = shown.iter().map(String::len).sum();
    assert!(total < 4_000, "{total} bytes of findings");
}

#[test]
fn a_huge_json_value_gives_a_small_message() {
    // Below the text limit, so that the value is read and echoed as an invalid value.
    let value = "v".repeat(60_000);
    let text = format!(r#"[{{"domain":"a.com","tlsNegotiation":"{value}"}}]"#);
    let total: usize = shown(&text, Format::Json).iter().map(String::len).sum();
    assert!(total < 4_000, "{total} bytes of findings");
}

#[test]
fn a_huge_xml_element_name_gives_a_small_message() {
    let name = "e".repeat(1_000_000);
    let text = format!(
        "<?xml version=\"1.0\"?>\n<directory xmlns=\"urn:xmpp-federation:directory:1\">\
         <partner><domain>a.com</domain><{name}>1</{name}></partner></directory>"
    );
    let shown = shown(&text, Format::Xml);
    assert!(!shown.is_empty());
    let total: usize = shown.iter().map(String::len).sum();
    assert!(total < 4_000, "{total} bytes of findings");
    // An element left open is named in the error.
    let open = format!(
        "<?xml version=\"1.0\"?>\n<directory xmlns=\"urn:xmpp-federation:directory:1\"><{name}>"
    );
    let error = Document::parse(&open, Format::Xml).unwrap_err().to_string();
    assert!(error.len() < 1_000, "{} bytes", error.len());
}

#[test]
fn a_huge_xmlns_gives_a_small_message() {
    let uri = "u".repeat(1_000_000);
    let text = format!("<?xml version=\"1.0\"?>\n<directory xmlns=\"{uri}\"></directory>");
    let total: usize = shown(&text, Format::Xml).iter().map(String::len).sum();
    assert!(total < 4_000, "{total} bytes");
    let text = format!(
        "<?xml version=\"1.0\"?>\n<directory xmlns=\"urn:xmpp-federation:directory:1\">\
         <partner xmlns=\"{uri}\"><domain>a.com</domain></partner></directory>"
    );
    let total: usize = shown(&text, Format::Xml).iter().map(String::len).sum();
    assert!(total < 4_000, "{total} bytes");
}

#[test]
fn the_xml_reader_refuses_characters_xml_forbids() {
    for c in ['\u{1}', '\u{1b}', '\u{7}', '\u{fffe}', '\u{ffff}'] {
        let text = format!(
            "<?xml version=\"1.0\"?>\n<directory xmlns=\"urn:xmpp-federation:directory:1\">\
             <partner><domain>a.com</domain><description>a{c}b</description></partner></directory>"
        );
        let error = Document::parse(&text, Format::Xml)
            .expect_err("a forbidden character is refused")
            .to_string();
        assert!(
            error.contains(&format!("U+{:04X}", u32::from(c))),
            "{error}"
        );
        assert_visible(&error);
    }
    // Tab, line feed and carriage return are allowed.
    let text = "<?xml version=\"1.0\"?>\r\n<directory xmlns=\"urn:xmpp-federation:directory:1\">\
                \t<partner><domain>a.com</domain></partner></directory>";
    assert!(Document::parse(text, Format::Xml).is_ok());
}

#[test]
fn the_stream_parser_refuses_characters_xml_forbids() {
    let header = "<stream:stream xmlns='jabber:server' \
                  xmlns:stream='http://etherx.jabber.org/streams' to='a.com' version='1.0'>";
    for c in ['\u{1}', '\u{1b}', '\u{7}', '\u{fffe}', '\u{ffff}'] {
        for body in [
            format!("<message><body>a{c}b</body></message>"),
            format!("<message to='a{c}'/>"),
            format!("<message><body>&#{};</body></message>", u32::from(c)),
            format!("<message to='&#{};'/>", u32::from(c)),
        ] {
            let mut parser = StreamParser::new();
            parser.feed(header).unwrap();
            let error = parser
                .feed(&body)
                .expect_err(&format!("{body:?} is refused"))
                .to_string();
            assert!(
                error.contains(&format!("U+{:04X}", u32::from(c))),
                "{error}"
            );
            assert_visible(&error);
        }
    }
    let mut parser = StreamParser::new();
    parser.feed(header).unwrap();
    assert_eq!(
        parser.feed("<message>\t\r\n</message>").unwrap().len(),
        1,
        "tab, line feed and carriage return are allowed"
    );
}

#[test]
fn the_stream_parser_bounds_what_it_echoes() {
    let header = "<stream:stream xmlns='jabber:server' \
                  xmlns:stream='http://etherx.jabber.org/streams' to='a.com' version='1.0'>";
    let name = "n".repeat(100_000);
    for body in [
        format!("</{name}>"),
        format!("<{name}:x/>"),
        format!("<x>&{name};</x>"),
    ] {
        let mut parser = StreamParser::new();
        parser.feed(header).unwrap();
        let error = parser.feed(&body).unwrap_err().to_string();
        assert!(error.len() < 1_000, "{} bytes", error.len());
    }
    let mut parser = StreamParser::new();
    let error = parser
        .feed(&format!("<{name} xmlns='jabber:server'/>"))
        .map(|_| String::new())
        .unwrap_or_else(|e| e.to_string());
    assert!(error.len() < 1_000, "{} bytes", error.len());
}

#[test]
fn descriptions_refuse_del_and_c1_controls() {
    for c in ['\u{7f}', '\u{85}', '\u{9b}', '\u{1b}'] {
        assert!(Description::new(format!("a{c}b")).is_err(), "{c:?}");
        assert!(Passphrase::new(format!("a{c}b")).is_err(), "{c:?}");
        let escaped = format!("\\u{:04x}", u32::from(c));
        let documents = [
            (
                format!(r#"[{{"domain":"a.com","description":"a{escaped}b"}}]"#),
                Format::Json,
            ),
            (
                format!(r#"{{"gateway":{{"dialbackPassphrase":"a{escaped}b"}},"partners":[]}}"#),
                Format::Json,
            ),
            (
                format!("New-CsXmppAllowedPartner a.com -Description 'a{c}b'\n"),
                Format::PowerShell,
            ),
            (
                format!("Identity : a.com\nDescription : a{c}b\n"),
                Format::FormatList,
            ),
        ];
        let mut documents = documents.to_vec();
        // XML 1.0 allows DEL and C1 in a document, so the reader passes them to the field.
        if c != '\u{1b}' {
            documents.push((
                format!(
                    "<directory xmlns=\"urn:xmpp-federation:directory:1\"><partner>\
                     <domain>a.com</domain><description>a{c}b</description></partner></directory>"
                ),
                Format::Xml,
            ));
        }
        for (text, format) in documents {
            let document = Document::parse(&text, format).unwrap();
            let codes: Vec<Code> = document.diagnostics().iter().map(|d| d.code()).collect();
            assert!(
                codes.contains(&Code::ControlCharacter),
                "{format} {c:?}: {codes:?}"
            );
        }
    }
    // Tabs and line breaks stay fine.
    assert!(Description::new("a\tb\r\nc").is_ok());
}

#[test]
fn a_numeric_top_level_label_is_not_called_an_address() {
    let document = Document::parse(r#"[{"domain":"a.123"}]"#, Format::Json).unwrap();
    let diagnostic = &document.diagnostics()[0];
    for language in [Language::English, Language::German] {
        let message = diagnostic.message(language);
        assert!(!message.contains("IP"), "{message}");
        assert!(message.contains("`123`"), "{message}");
    }
    assert!(
        diagnostic
            .message(Language::English)
            .contains("the last label `123` is all digits")
    );
    let document = Document::parse(r#"[{"domain":"1.2.3.4"}]"#, Format::Json).unwrap();
    assert!(
        document.diagnostics()[0]
            .message(Language::English)
            .contains("is an IP address")
    );
}

#[test]
fn numbers_are_quoted_as_written() {
    for (written, field) in [
        ("18446744073709551616", "connectionLimit"),
        ("2.50e-1", "partnerConnectionLimit"),
        ("-1.5", "keepAliveInterval"),
        ("99999999999999999999999", "streamInactivityTimeout"),
    ] {
        let text = format!(r#"{{"gateway":{{"{field}":{written}}},"partners":[]}}"#);
        let document = Document::parse(&text, Format::Json).unwrap();
        let message = document
            .validate()
            .diagnostics()
            .find(|d| d.path().ends_with(field))
            .map(|d| d.message(Language::English))
            .unwrap_or_default();
        assert!(
            message.contains(&format!("`{written}`")),
            "{written}: {message}"
        );
    }
}

/// `[{"domain":"a.com"}]` in another encoding.
fn encoded(utf32: bool, little: bool, mark: bool) -> Vec<u8> {
    let text = "\u{feff}[{\"domain\":\"a.com\"}]";
    let mut bytes = Vec::new();
    for c in text.chars().skip(usize::from(!mark)) {
        if utf32 {
            let n = u32::from(c);
            bytes.extend(if little {
                n.to_le_bytes()
            } else {
                n.to_be_bytes()
            });
        } else {
            let mut units = [0; 2];
            for unit in c.encode_utf16(&mut units) {
                bytes.extend(if little {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                });
            }
        }
    }
    bytes
}

#[test]
fn utf32_is_named_and_utf16_is_read() {
    for little in [true, false] {
        for mark in [true, false] {
            let error = decode(&encoded(true, little, mark)).unwrap_err();
            assert_eq!(error.kind(), &ReadErrorKind::Utf32, "{little} {mark}");
            assert_eq!(error.to_string(), "the file is UTF-32; save it as UTF-8");
            assert!(error.message(Language::German).contains("UTF-8"));
            let text = decode(&encoded(false, little, mark)).unwrap();
            let document = Document::parse_detected(&text).unwrap();
            assert_eq!(document.len(), 1, "UTF-16 {little} {mark}");
        }
    }
    // Text that was decoded as if it were UTF-8 or Latin-1, handed to any reader.
    for little in [true, false] {
        let bytes = encoded(true, little, false);
        let text: String = bytes.iter().map(|&b| char::from(b)).collect();
        for format in Format::ALL {
            let error = Document::parse(&text, format).unwrap_err();
            assert_eq!(error.kind(), &ReadErrorKind::Utf32, "{format}");
        }
        assert_eq!(
            Document::parse_detected(&text).unwrap_err().kind(),
            &ReadErrorKind::Utf32
        );
        let bytes = encoded(false, little, false);
        let text: String = bytes.iter().map(|&b| char::from(b)).collect();
        assert_eq!(
            Document::parse(&text, Format::Json).unwrap_err().kind(),
            &ReadErrorKind::Utf16AsText
        );
    }
}

/// `base` with the field at the dotted `path` set to `value`, as JSON text.
fn with_field(base: &str, path: &str, value: serde_json::Value) -> String {
    let mut document: serde_json::Value = serde_json::from_str(base).unwrap();
    let mut slot = &mut document;
    let segments: Vec<&str> = path.split('.').collect();
    for segment in &segments[..segments.len() - 1] {
        slot = &mut slot[*segment];
    }
    slot[segments[segments.len() - 1]] = value;
    serde_json::to_string_pretty(&document).unwrap()
}

#[test]
fn a_wrong_type_in_a_request_names_the_field_and_its_values() {
    use serde_json::json;
    let scenario = r#"{"ours": {"domain": "contoso.com"}, "partnerConfig": {"domain": "fabrikam.com"},
        "partner": {"preset": "prosody", "domain": "fabrikam.com"}, "direction": "outbound"}"#;
    // Every enumerated field of a scenario, with a value of another JSON type.
    let enums = [
        ("direction", json!(1), "`outbound` or `inbound`"),
        ("direction", json!(true), "`outbound` or `inbound`"),
        ("direction", json!(null), "`outbound` or `inbound`"),
        ("direction", json!([1]), "`outbound` or `inbound`"),
        ("partner.preset", json!(2), "`prosody`"),
        ("partner.tls", json!(1), "`Required`"),
        ("partner.sasl", json!(false), "`Required`"),
        ("partner.certificate", json!(0), "`SelfSigned`"),
        ("partner.semantics", json!(1), "expected"),
        ("partner.minTlsVersion", json!(1.2), "expected"),
        ("partner.maxTlsVersion", json!(3), "expected"),
        ("ours.certificate", json!(1), "`SelfSigned`"),
        ("ours.semantics", json!(1), "expected"),
    ];
    for (field, value, allowed) in enums {
        let text = with_field(scenario, field, value.clone());
        match Scenario::from_json(&text) {
            Err(RequestError::Invalid {
                field: named,
                detail,
                ..
            }) => {
                assert_eq!(named, field, "{field} = {value}");
                assert!(detail.contains(allowed), "{field} = {value}: {detail}");
                // As written, on one line (`with_field` writes a list over three lines).
                let shown = if value.is_array() {
                    "`[ 1 ]`".to_owned()
                } else {
                    format!("`{value}`")
                };
                assert!(detail.contains(&shown), "{field}: {detail}");
            }
            other => panic!("{field} = {value}: {other:?}"),
        }
    }
    // Other fields of the wrong type were already reported by name: still so.
    for (field, value) in [
        ("seed", json!("x")),
        ("environment.dns", json!(5)),
        ("partner.dialback", json!("yes")),
        ("ours.domain", json!(1)),
    ] {
        let text = with_field(scenario, field, value.clone());
        assert!(
            matches!(
                Scenario::from_json(&text),
                Err(RequestError::Invalid { .. })
            ),
            "{field} = {value}"
        );
    }
    let contact = r#"{"ourDomain": "contoso.com", "lyncUser": "alice", "xmppDomain": "fabrikam.com",
        "xmppUser": "bob", "requester": "lyncUser", "enableXmppAccess": true}"#;
    ContactRequest::from_json(contact).unwrap();
    let text = with_field(contact, "requester", json!(1));
    match ContactRequest::from_json(&text) {
        Err(RequestError::Invalid { field, detail, .. }) => {
            assert_eq!(field, "requester");
            assert!(detail.contains("`lyncUser` or `xmppUser`"), "{detail}");
        }
        other => panic!("{other:?}"),
    }
    // Text that is not JSON is still a syntax error.
    assert!(matches!(
        Scenario::from_json(r#"{"direction": 1"#),
        Err(RequestError::Syntax { .. })
    ));
    // And the message says what is wrong, not "not valid JSON".
    let error = Scenario::from_json(&with_field(scenario, "direction", json!(1))).unwrap_err();
    let message = error.message(Language::English);
    assert!(!message.contains("not valid JSON"), "{message}");
    assert!(
        message.starts_with("`direction`: `1` is not an allowed value"),
        "{message}"
    );
}

#[test]
fn xml_names_hold_only_name_characters() {
    let document = |name: &str| {
        format!(
            "<directory xmlns=\"urn:xmpp-federation:directory:1\"><partner>\
             <{name}>a.com</{name}></partner></directory>"
        )
    };
    for name in [
        "dom\0ain",
        "dom\u{7f}ain",
        "dom\u{85}ain",
        "dom\u{202e}ain",
        "dom\u{1}ain",
    ] {
        let error = Document::parse(&document(name), Format::Xml)
            .expect_err("a name XML does not allow is refused");
        assert!(
            matches!(error.kind(), ReadErrorKind::Syntax { .. }),
            "{name:?}"
        );
        assert_visible(&error.to_string());
    }
    let attribute = "<directory xmlns=\"urn:xmpp-federation:directory:1\"><partner \
                     a\u{7f}b=\"1\"><domain>a.com</domain></partner></directory>";
    let error = Document::parse(attribute, Format::Xml)
        .unwrap_err()
        .to_string();
    assert!(error.contains("U+007F"), "{error}");
    // `quick-xml` reads no name at all in `< />`.
    let empty = "<directory xmlns=\"urn:xmpp-federation:directory:1\"><partner>< />\
                 <domain>a.com</domain></partner></directory>";
    let error = Document::parse(empty, Format::Xml).unwrap_err().to_string();
    assert!(error.contains("empty name"), "{error}");
    // Names with letters of other scripts, digits, dots and hyphens are fine.
    assert!(Document::parse(&document("dömäin-1.x"), Format::Xml).is_ok());
}

/// Whether a terminal acts on `c`, or a renderer reorders text around it.
fn steering(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}
