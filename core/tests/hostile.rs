//! Hostile input: every text that came from input is shown with its control characters made
//! visible, and every echo of input is bounded, whatever the input's size.

use xmpp_federation::s2s::xml::StreamParser;
use xmpp_federation::{Document, Format, Language};

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

/// Whether a terminal acts on `c`, or a renderer reorders text around it.
fn steering(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}
