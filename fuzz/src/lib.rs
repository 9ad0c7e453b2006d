//! What each fuzz target checks. A target is one function from bytes: it must not panic, hang
//! or run out of memory on any input, and where more than that can be stated it asserts it:
//!
//! - a document that reads without errors, written in every writable format and read again,
//!   gives the same directory back, and writing it again gives the same text;
//! - a parsed domain parses again to itself, from its ASCII and its Unicode form;
//! - a simulation ends with an outcome, blames nobody for the simulator's own stall, replays
//!   byte for byte, and every stream in its trace re-parses;
//! - the stream parser gives the same events however the bytes are cut, and every element it
//!   gives back, written again, reads as the same element;
//! - every JSON call of the WebAssembly package answers with JSON, whatever it is given.
//!
//! A failed assertion is a finding, as a panic is: `cargo xtask fuzz` reports it with the input.

#![forbid(unsafe_code)]

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use xmpp_federation::api;
use xmpp_federation::s2s::xml::{StreamEvent, StreamParser, stream_header};
use xmpp_federation::s2s::{Condition, Connection, Party, Scenario, Trace, simulate};
use xmpp_federation::{Directory, Document, Domain, Format, Severity};
use xmpp_federation_web::state::persist;

/// Domain parsing: what is accepted is normalised once and for all.
pub fn domain(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(domain) = Domain::parse(text) else {
        return;
    };
    for form in [domain.as_str(), domain.unicode()] {
        match Domain::parse(form) {
            Ok(again) => {
                assert_eq!(again.as_str(), domain.as_str(), "{form:?} from {text:?}");
                assert_eq!(again.unicode(), domain.unicode(), "{form:?} from {text:?}");
            }
            Err(error) => panic!("{text:?} parsed to {form:?}, which does not parse: {error}"),
        }
    }
}

/// The JSON reader, and the round trip through every writer.
pub fn json(data: &[u8]) {
    read(data, Format::Json);
}

/// The partner-directory XML reader, and the round trip through every writer.
pub fn xml(data: &[u8]) {
    read(data, Format::Xml);
}

/// The PowerShell reader, and the round trip through every writer.
pub fn powershell(data: &[u8]) {
    read(data, Format::PowerShell);
}

/// The Format-List reader, and the round trip through every writer.
pub fn format_list(data: &[u8]) {
    read(data, Format::FormatList);
}

/// Reads a document as the command-line tool does (bytes decoded first), validates it, and when
/// it exports, checks the round trip.
fn read(data: &[u8], format: Format) {
    let Ok(text) = xmpp_federation::decode(data) else {
        return;
    };
    let Ok(document) = Document::parse(&text, format) else {
        return;
    };
    let report = document.validate();
    let _ = report.localize(xmpp_federation::Language::German);
    if let Ok(directory) = document.directory_for_export() {
        round_trip(&directory);
    }
}

/// Every writable format reads back as the same directory, with no error, and writes the same
/// text again.
fn round_trip(directory: &Directory) {
    let canonical = directory.to_json();
    for format in [Format::Json, Format::Xml, Format::PowerShell] {
        let written = write(directory, format);
        let again = match Document::parse(&written, format) {
            Ok(again) => again,
            Err(error) => panic!(
                "the {} writer's text does not read: {error}\n{written}",
                format.name()
            ),
        };
        let errors: Vec<_> = again
            .diagnostics()
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .map(|d| d.code().as_str())
            .collect();
        assert!(
            errors.is_empty(),
            "the {} writer's text reads with errors {errors:?}\n{written}",
            format.name()
        );
        let back = again.directory();
        assert_eq!(
            back.to_json(),
            canonical,
            "the {} round trip changed the directory\n{written}",
            format.name()
        );
        assert_eq!(
            write(&back, format),
            written,
            "the {} writer is not stable",
            format.name()
        );
    }
}

fn write(directory: &Directory, format: Format) -> String {
    match format {
        Format::Xml => directory.to_xml(),
        Format::PowerShell => directory.to_powershell(),
        _ => directory.to_json(),
    }
}

/// Scenario reading plus simulation.
pub fn scenario(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(scenario) = Scenario::from_json(text) else {
        return;
    };
    let trace = simulate(&scenario);
    check_trace(&trace);
    assert_eq!(
        simulate(&scenario),
        trace,
        "the same scenario played differently"
    );
    for language in [
        xmpp_federation::Language::English,
        xmpp_federation::Language::German,
    ] {
        let _ = trace.to_text(language);
        let _ = trace.to_mermaid(language);
        let _ = trace.localize(language);
    }
}

/// An outcome is reached or a failure names its condition; the simulator's own stall blames
/// nobody; every stream re-parses.
fn check_trace(trace: &Trace) {
    let outcome = trace.outcome();
    match &outcome.failure {
        Some(failure) => {
            assert!(!outcome.established, "established and failed at once");
            if matches!(failure.condition, Condition::Stalled { .. }) {
                assert_eq!(
                    failure.fault, None,
                    "a stall of the simulator blamed a party"
                );
            }
        }
        None => assert!(outcome.established, "neither established nor failed"),
    }
    streams_reparse(trace);
}

/// The XML of each stream, in order, read by a fresh stream parser: every step is complete
/// XML that the parser accepts in the stream's context. A stream header starts a new stream
/// (a restart after TLS or SASL, or a new connection).
fn streams_reparse(trace: &Trace) {
    let mut lanes: Vec<((Connection, Party, Party), StreamParser)> = Vec::new();
    for step in trace.steps() {
        let Some(xml) = step.xml() else {
            continue;
        };
        let key = (step.connection(), step.from(), step.to());
        let index = match lanes.iter().position(|(k, _)| *k == key) {
            Some(index) => index,
            None => {
                lanes.push((key, StreamParser::new()));
                lanes.len() - 1
            }
        };
        let parser = &mut lanes[index].1;
        let start = xml.trim_start();
        if start.starts_with("<?xml") || start.starts_with("<stream:stream") {
            parser.restart();
        }
        match parser.feed(xml) {
            Ok(events) => assert!(
                !events.is_empty(),
                "step {} is not complete XML: {xml}",
                step.number()
            ),
            Err(error) => panic!("step {} does not re-parse: {error}\n{xml}", step.number()),
        }
    }
}

/// The share-link decoder: the text as a link's fragment, and the bytes as the state a link
/// inflates to.
pub fn share_link(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(saved) = persist::decode(text)
    {
        let _ = persist::directory(&saved);
    }
    let deflated = miniz_oxide::deflate::compress_to_vec(data, 1);
    let link = format!(
        "{}{}",
        persist::LINK_PREFIX,
        URL_SAFE_NO_PAD.encode(deflated)
    );
    if let Ok(saved) = persist::decode(&link)
        && let Ok((directory, _)) = persist::directory(&saved)
    {
        round_trip(&directory);
    }
}

/// The stream parser under arbitrary chunking. The first byte seeds the cut points; the rest
/// is what a server sends.
pub fn stream(data: &[u8]) {
    let Some((&seed, bytes)) = data.split_first() else {
        return;
    };
    let whole = StreamParser::new().feed_bytes(bytes);
    let mut parser = StreamParser::new();
    let mut pieces = Vec::new();
    let mut result = Ok(());
    let mut rest = bytes;
    let mut cut = u32::from(seed);
    while !rest.is_empty() {
        // A small pseudo-random walk of piece lengths from 1 to 16 bytes.
        cut = cut.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let length = (1 + (cut >> 16) as usize % 16).min(rest.len());
        let (piece, after) = rest.split_at(length);
        rest = after;
        match parser.feed_bytes(piece) {
            Ok(events) => pieces.extend(events),
            Err(error) => {
                result = Err(error);
                break;
            }
        }
    }
    // Past the bound on an unfinished element, pieces may fail where the whole, which
    // consumes complete elements before it checks, does not.
    if bytes.len() > xmpp_federation::s2s::xml::MAX_ELEMENT_BYTES {
        return;
    }
    match (&whole, &result) {
        (Ok(events), Ok(())) => {
            assert_eq!(*events, pieces, "cutting the bytes changed the events");
            rewritten_elements_reparse(events);
        }
        // Input cut differently may fail at a different point (a bound checked per read), but
        // it fails: what is refused whole is refused in pieces, and the other way round.
        (Err(_), Err(_)) => {}
        (Ok(events), Err(error)) => panic!("whole: {} events; in pieces: {error}", events.len()),
        (Err(error), Ok(())) => panic!("whole: {error}; in pieces: {} events", pieces.len()),
    }
}

/// Every element the parser gave, written again after its stream's header, reads back equal.
fn rewritten_elements_reparse(events: &[(StreamEvent, String)]) {
    let Some((StreamEvent::Header(header), _)) = events.first() else {
        return;
    };
    for (event, _) in &events[1..] {
        let StreamEvent::Element(element) = event else {
            continue;
        };
        let mut parser = StreamParser::new();
        let text = format!("{}{}", stream_header(header), element.to_xml());
        match parser.feed(&text) {
            Ok(again) => match again.as_slice() {
                [StreamEvent::Header(_), StreamEvent::Element(back)] => {
                    assert_eq!(back, element, "rewritten: {text}");
                }
                other => panic!("rewritten {text} reads as {other:?}"),
            },
            Err(error) => panic!("rewritten {text} does not read: {error}"),
        }
    }
}

/// Every JSON call of the WebAssembly package, called natively. The first byte picks the call;
/// the rest is its arguments, split at NUL characters (a missing argument is `None`).
pub fn api(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let mut parts = text.split('\0');
    let mut next = || parts.next();
    let (a, b, c) = (next(), next(), next());
    let answer = match pick % 12 {
        0 => json_of(&api::validate_partner(a, b)),
        1 => json_of(&api::validate_directory(a, b)),
        2 => json_of(&api::matrix(a)),
        3 => json_of(&api::matrix_row(a, b)),
        4 => json_of(&api::simulate(a, b)),
        5 => json_of(&api::render_trace(a, b)),
        6 => json_of(&api::apply_setting(a, b, c)),
        7 => json_of(&api::simulate_contact_request(a, b)),
        8 => json_of(&api::presets(a)),
        9 => json_of(&api::import_document(a, b)),
        10 => json_of(&api::export_directory(a, b)),
        _ => json_of(&api::engine_version()),
    };
    assert!(
        answer.starts_with('{') || answer.starts_with('"'),
        "not a JSON answer: {answer}"
    );
}

fn json_of<T: serde::Serialize + ?Sized>(answer: &T) -> String {
    match serde_json::to_string(answer) {
        Ok(text) => text,
        Err(error) => panic!("an answer that does not serialise: {error}"),
    }
}
