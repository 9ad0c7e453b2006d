//! Hostile input on a terminal: no text from input reaches it with a control character that
//! could steer it (retitle it, move the cursor, reorder a line), and every echo is bounded.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use crate::util::root;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xmpp-federation"))
        .args(args)
        .current_dir(root())
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// A file of this test's own, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str, content: &str) -> Scratch {
        Scratch::bytes(name, content.as_bytes())
    }

    fn bytes(name: &str, content: &[u8]) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("xmpp-federation-hostile-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        Scratch(path)
    }

    fn arg(&self) -> String {
        self.0.to_string_lossy().into_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Both streams, which must carry no steering character.
fn shown(output: &Output) -> String {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    for c in text.chars() {
        assert!(
            !steering(c),
            "{c:?} reaches the terminal raw in:\n{}",
            text.chars().take(2_000).collect::<String>()
        );
    }
    text
}

#[test]
fn validate_shows_an_escape_in_a_value_escaped() {
    let file = Scratch::new(
        "value.json",
        "[{\"domain\":\"a.com\",\"tlsNegotiation\":\"\\u001b]0;pwned\\u0007\"}]",
    );
    let output = run(&["validate", &file.arg()]);
    assert_eq!(output.status.code(), Some(1));
    let text = shown(&output);
    assert!(text.contains("\\u{1b}]0;pwned\\u{7}"), "{text}");
}

#[test]
fn validate_shows_steering_characters_in_names_escaped() {
    for (name, content) in [
        (
            "key.json",
            "[{\"domain\":\"a.com\",\"tls\\u001b[2JNegotiation\":\"Required\"}]",
        ),
        (
            "bidi.json",
            "[{\"domain\":\"a.com\",\"x\\u202egnp.exe\":1}]",
        ),
        ("c1.json", "[{\"domain\":\"a\\u009b.com\"}]"),
        (
            "list.txt",
            "Identity : a.com\nDomain : a.com\nTlsNegotiation : \u{1b}]0;x\u{7}\n",
        ),
        (
            "broken.txt",
            "Identity : a.com\nDomain : a.com\n\u{1b}]0;x\u{7} no colon\n",
        ),
        (
            "doc.xml",
            "<?xml version=\"1.0\"?><directory xmlns=\"urn:xmpp-federation:directory:1\">\
             <partner><domain>a.com</domain><description>\u{1b}]0;x\u{7}</description></partner>\
             </directory>",
        ),
    ] {
        let file = Scratch::new(name, content);
        let output = run(&["validate", &file.arg()]);
        assert_ne!(output.status.code(), Some(0), "{name}");
        shown(&output);
    }
}

#[test]
fn contact_errors_show_steering_characters_escaped() {
    let file = Scratch::new(
        "contact.json",
        "{\"ourDomain\":\"contoso.com\",\"lyncUser\":\"al\\u001b]0;x\\u0007ice\",\
         \"partnerConfig\":{\"domain\":\"fabrikam.com\"},\"xmppDomain\":\"fabrikam.com\",\
         \"xmppUser\":\"dave\",\"requester\":\"xmppUser\",\"enableXmppAccess\":true}",
    );
    let output = run(&["contact", &file.arg()]);
    assert_ne!(output.status.code(), Some(0));
    shown(&output);
    let file = Scratch::new("contact-key.json", "{\"\\u001b]0;x\\u0007\":1}");
    let output = run(&["contact", &file.arg()]);
    assert_ne!(output.status.code(), Some(0));
    shown(&output);
}

#[test]
fn a_huge_key_gives_small_output() {
    let key = "k".repeat(1_000_000);
    let file = Scratch::new(
        "huge.json",
        &format!("[{{\"domain\":\"a.com\",\"{key}\":1}}]"),
    );
    for format in ["text", "json"] {
        let output = run(&["validate", "--format", format, &file.arg()]);
        assert_eq!(output.status.code(), Some(1));
        let size = output.stdout.len() + output.stderr.len();
        assert!(size < 4_000, "{format}: {size} bytes");
    }
    let file = Scratch::new("huge-contact.json", &format!("{{\"{key}\":1}}"));
    let output = run(&["contact", &file.arg()]);
    let size = output.stdout.len() + output.stderr.len();
    assert!(size < 4_000, "contact: {size} bytes");
}

#[test]
fn a_huge_element_name_or_namespace_gives_small_output() {
    let name = "e".repeat(1_000_000);
    for (file, content) in [
        (
            "element.xml",
            format!(
                "<?xml version=\"1.0\"?><directory xmlns=\"urn:xmpp-federation:directory:1\">\
                 <partner><domain>a.com</domain><{name}>1</{name}></partner></directory>"
            ),
        ),
        (
            "xmlns.xml",
            format!("<?xml version=\"1.0\"?><directory xmlns=\"{name}\"></directory>"),
        ),
    ] {
        let file = Scratch::new(file, &content);
        let output = run(&["validate", &file.arg()]);
        assert_ne!(output.status.code(), Some(0));
        let size = output.stdout.len() + output.stderr.len();
        assert!(size < 4_000, "{size} bytes");
    }
}

/// A document beyond a document-wide bound is unusable: exit status 2, in every format, like a
/// file too large to read.
#[test]
fn document_wide_bounds_make_the_document_unusable() {
    use xmpp_federation::limits::{MAX_DOCUMENT_BYTES, MAX_PARTNERS};
    let mut partners = String::from("[");
    for i in 0..=MAX_PARTNERS {
        if i > 0 {
            partners.push(',');
        }
        partners.push_str(&format!(r#"{{"domain":"p{i}.com"}}"#));
    }
    partners.push(']');
    let mut list = String::new();
    for i in 0..=MAX_PARTNERS {
        list.push_str(&format!("Identity : p{i}.com\n\n"));
    }
    let mut too_large = String::from("[]");
    too_large.push_str(&" ".repeat(MAX_DOCUMENT_BYTES - 1));
    let deep_json = format!("{}{}", "[".repeat(33), "]".repeat(33));
    let deep_xml = format!(
        "<directory xmlns=\"urn:xmpp-federation:directory:1\">{}{}</directory>",
        "<a>".repeat(8),
        "</a>".repeat(8)
    );
    let deep_powershell = format!(
        "New-CsXmppAllowedPartner -Domain {}'a.com'{}\n",
        "(".repeat(17),
        ")".repeat(17)
    );
    for (name, content, expected) in [
        ("partners.json", partners, "more than 1000000 partners"),
        ("partners.txt", list, "more than 1000000 partners"),
        ("large.json", too_large, "at most 67108864 are read"),
        ("deep.json", deep_json, "nesting deeper than 32 levels"),
        ("deep.xml", deep_xml, "nesting deeper than 8 levels"),
        ("deep.ps1", deep_powershell, "nesting deeper than 16 levels"),
    ] {
        let file = Scratch::new(name, &content);
        drop(content);
        let output = run(&["validate", &file.arg()]);
        let text = shown(&output);
        assert_eq!(output.status.code(), Some(2), "{name}: {text}");
        assert!(text.contains(expected), "{name}: {text}");
    }
}

#[test]
fn a_utf32_file_is_named_as_such() {
    for little in [true, false] {
        let bytes: Vec<u8> = "\u{feff}[{\"domain\":\"a.com\"}]"
            .chars()
            .flat_map(|c| {
                let n = u32::from(c);
                if little {
                    n.to_le_bytes()
                } else {
                    n.to_be_bytes()
                }
            })
            .collect();
        for (name, bytes) in [("bom.json", &bytes[..]), ("plain.json", &bytes[4..])] {
            let file = Scratch::bytes(name, bytes);
            let output = run(&["validate", &file.arg()]);
            let text = shown(&output);
            assert_eq!(output.status.code(), Some(2), "{text}");
            assert!(
                text.contains("the file is UTF-32; save it as UTF-8"),
                "{text}"
            );
        }
    }
}

#[test]
fn a_scenario_field_of_the_wrong_type_is_named() {
    let file = Scratch::new(
        "direction.json",
        r#"{"ours": {"domain": "contoso.com"}, "partnerConfig": {"domain": "fabrikam.com"},
            "partner": {"preset": "prosody", "domain": "fabrikam.com"}, "direction": 1}"#,
    );
    let output = run(&["simulate", &file.arg()]);
    let text = shown(&output);
    assert_eq!(output.status.code(), Some(2), "{text}");
    assert!(!text.contains("not valid JSON"), "{text}");
    assert!(
        text.contains("`direction`: `1` is not an allowed value: expected `outbound` or `inbound`"),
        "{text}"
    );
}

/// Whether a terminal acts on `c`, or a renderer reorders text around it.
fn steering(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}
