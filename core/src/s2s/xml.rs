//! The XML of server-to-server streams: elements with resolved namespaces, written with
//! `quick-xml`, and an incremental parser that turns a stream's bytes back into headers,
//! top-level elements and the closing tag.
//!
//! The simulator serialises every element a machine sends and feeds the bytes to the other
//! machine's parser, so the XML in a trace is exactly what the machines consume. The same parser
//! reads real streams.

use crate::text::{MAX_SHOWN_CHARS, find_control, unicode_name, visible, visible_within};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};

/// The namespaces of server-to-server streams.
pub mod ns {
    /// The stream namespace (RFC 6120 §4.8.1).
    pub const STREAM: &str = "http://etherx.jabber.org/streams";
    /// The content namespace of server-to-server streams (RFC 6120 §4.8.3).
    pub const SERVER: &str = "jabber:server";
    /// Server dialback elements (XEP-0220 §2).
    pub const DIALBACK: &str = "jabber:server:dialback";
    /// The dialback stream feature (XEP-0220 §2.4.2).
    pub const DIALBACK_FEATURE: &str = "urn:xmpp:features:dialback";
    /// STARTTLS (RFC 6120 §5).
    pub const TLS: &str = "urn:ietf:params:xml:ns:xmpp-tls";
    /// SASL (RFC 6120 §6).
    pub const SASL: &str = "urn:ietf:params:xml:ns:xmpp-sasl";
    /// Stream error conditions (RFC 6120 §4.9.3).
    pub const STREAMS: &str = "urn:ietf:params:xml:ns:xmpp-streams";
    /// Stanza error conditions (RFC 6120 §8.3.3).
    pub const STANZAS: &str = "urn:ietf:params:xml:ns:xmpp-stanzas";
}

/// The largest top-level element the parser buffers, in bytes. Servers limit stanzas far below
/// this (Prosody: 512 KiB).
pub const MAX_ELEMENT_BYTES: usize = 1024 * 1024;
/// The deepest nesting inside a top-level element.
pub const MAX_ELEMENT_DEPTH: usize = 32;

/// Namespace declarations in effect: prefix (`None` for the default) and URI.
type Scope = Vec<(Option<String>, String)>;

/// An XML element with its namespace resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// The prefix it is written with, such as `stream` or `db`.
    pub prefix: Option<String>,
    /// The local name.
    pub local: String,
    /// The resolved namespace.
    pub namespace: String,
    /// Namespace declarations written on this element: prefix (`None` for the default) and URI.
    pub declarations: Vec<(Option<String>, String)>,
    /// Other attributes, in order.
    pub attributes: Vec<(String, String)>,
    /// Its content.
    pub children: Vec<Node>,
}

/// Element content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A child element.
    Element(Element),
    /// Text, unescaped.
    Text(String),
}

impl Element {
    /// An element in `namespace`, written with a default-namespace declaration.
    pub fn new(local: &str, namespace: &str) -> Element {
        Element {
            prefix: None,
            local: local.to_owned(),
            namespace: namespace.to_owned(),
            declarations: vec![(None, namespace.to_owned())],
            attributes: Vec::new(),
            children: Vec::new(),
        }
    }

    /// An element written with a prefix the stream header declared (`stream:features`,
    /// `db:result`): no declaration of its own.
    pub fn prefixed(prefix: &str, local: &str, namespace: &str) -> Element {
        Element {
            prefix: Some(prefix.to_owned()),
            local: local.to_owned(),
            namespace: namespace.to_owned(),
            declarations: Vec::new(),
            attributes: Vec::new(),
            children: Vec::new(),
        }
    }

    /// A child in the parent's default namespace, without a declaration of its own.
    pub fn inherit(local: &str, namespace: &str) -> Element {
        Element {
            declarations: Vec::new(),
            ..Element::new(local, namespace)
        }
    }

    /// With an attribute added.
    #[must_use]
    pub fn attr(mut self, name: &str, value: &str) -> Element {
        self.attributes.push((name.to_owned(), value.to_owned()));
        self
    }

    /// With a child element added.
    #[must_use]
    pub fn child(mut self, child: Element) -> Element {
        self.children.push(Node::Element(child));
        self
    }

    /// With text added.
    #[must_use]
    pub fn text(mut self, text: &str) -> Element {
        self.append_text(text);
        self
    }

    /// Adds text, joined to the text before it: text read in pieces (around an entity or a
    /// CDATA section) is one node, as it is when written back, so equal XML gives equal
    /// elements.
    fn append_text(&mut self, text: &str) {
        match self.children.last_mut() {
            Some(Node::Text(before)) => before.push_str(text),
            _ => self.children.push(Node::Text(text.to_owned())),
        }
    }

    /// Whether it is the element `local` in `namespace`.
    pub fn is(&self, local: &str, namespace: &str) -> bool {
        self.local == local && self.namespace == namespace
    }

    /// An attribute's value.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|c| match c {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element `local` in `namespace`.
    pub fn find(&self, local: &str, namespace: &str) -> Option<&Element> {
        self.elements().find(|e| e.is(local, namespace))
    }

    /// The element's text content, trimmed.
    pub fn text_content(&self) -> String {
        let mut text = String::new();
        for child in &self.children {
            if let Node::Text(t) = child {
                text.push_str(t);
            }
        }
        text.trim().to_owned()
    }

    fn qualified(&self) -> String {
        match &self.prefix {
            Some(prefix) => format!("{prefix}:{}", self.local),
            None => self.local.clone(),
        }
    }

    fn start(&self) -> BytesStart<'static> {
        let mut start = BytesStart::new(self.qualified());
        for (prefix, uri) in &self.declarations {
            let name = match prefix {
                Some(prefix) => format!("xmlns:{prefix}"),
                None => "xmlns".to_owned(),
            };
            start.push_attribute((name.as_str(), uri.as_str()));
        }
        for (name, value) in &self.attributes {
            start.push_attribute((name.as_str(), value.as_str()));
        }
        start
    }

    fn write(&self, writer: &mut Writer<Vec<u8>>) -> std::io::Result<()> {
        if self.children.is_empty() {
            return writer.write_event(Event::Empty(self.start()));
        }
        writer.write_event(Event::Start(self.start()))?;
        for child in &self.children {
            match child {
                Node::Element(e) => e.write(writer)?,
                // Only `<`, `>` and `&` need escaping in text.
                Node::Text(t) => writer.write_event(Event::Text(BytesText::from_escaped(
                    quick_xml::escape::partial_escape(t),
                )))?,
            }
        }
        writer.write_event(Event::End(BytesEnd::new(self.qualified())))
    }

    /// The element as it goes on the wire: compact, escaped by `quick-xml`.
    pub fn to_xml(&self) -> String {
        let mut writer = Writer::new(Vec::new());
        // INVARIANT: writing to a Vec<u8> cannot fail.
        #[allow(clippy::expect_used)]
        self.write(&mut writer)
            .expect("writing XML to memory cannot fail");
        String::from_utf8_lossy(&writer.into_inner()).into_owned()
    }
}

/// The opening tag of a stream (RFC 6120 §4.7), written with the XML declaration before it.
pub fn stream_header(element: &Element) -> String {
    let mut writer = Writer::new(Vec::new());
    // INVARIANT: writing to a Vec<u8> cannot fail.
    #[allow(clippy::expect_used)]
    {
        writer
            .write_event(Event::Decl(BytesDecl::new("1.0", None, None)))
            .expect("writing XML to memory cannot fail");
        writer
            .write_event(Event::Start(element.start()))
            .expect("writing XML to memory cannot fail");
    }
    String::from_utf8_lossy(&writer.into_inner()).into_owned()
}

/// The closing tag of a stream.
pub const STREAM_CLOSE: &str = "</stream:stream>";

/// What the parser found on a stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamEvent {
    /// A stream header, as an element without children.
    Header(Element),
    /// A complete top-level element.
    Element(Element),
    /// The closing `</stream:stream>`.
    Close,
}

/// A stream that is not well-formed XML, or exceeds the parser's bounds; the message says
/// what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a well-formed stream: {0}")]
pub struct ParseError(pub String);

/// An incremental parser of one stream's bytes. Feed it what arrives; it returns what is
/// complete and keeps the rest. A stream restart (after TLS or SASL) begins a new XML document,
/// which [`StreamParser::restart`] prepares for.
#[derive(Debug, Default)]
pub struct StreamParser {
    buffer: String,
    /// Namespace declarations of the current stream header.
    header_scope: Scope,
    /// The stream header's qualified name, once seen.
    root: Option<String>,
    /// The first bytes of a character that a read boundary cut (at most three).
    partial: Vec<u8>,
}

impl StreamParser {
    /// A parser at the start of a stream.
    pub fn new() -> StreamParser {
        StreamParser::default()
    }

    /// Forgets the current stream: the next bytes start a new document.
    pub fn restart(&mut self) {
        *self = StreamParser::new();
    }

    /// Adds bytes and returns every event that is now complete.
    pub fn feed(&mut self, text: &str) -> Result<Vec<StreamEvent>, ParseError> {
        Ok(self
            .feed_with_text(text)?
            .into_iter()
            .map(|(event, _)| event)
            .collect())
    }

    /// Adds bytes as they arrive from the network and returns every event that is now complete,
    /// as [`StreamParser::feed_with_text`] does. A character cut by a read boundary waits for its
    /// other bytes; bytes that are not UTF-8 are an error (RFC 6120 §11.6: streams are UTF-8).
    pub fn feed_bytes(&mut self, bytes: &[u8]) -> Result<Vec<(StreamEvent, String)>, ParseError> {
        let mut joined = std::mem::take(&mut self.partial);
        joined.extend_from_slice(bytes);
        let valid = match std::str::from_utf8(&joined) {
            Ok(_) => joined.len(),
            // Only the end is incomplete: at most three bytes of one character.
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(e) => {
                return Err(ParseError(format!(
                    "bytes that are not UTF-8 (the byte 0x{:02X})",
                    joined.get(e.valid_up_to()).copied().unwrap_or_default()
                )));
            }
        };
        self.partial = joined.split_off(valid);
        match String::from_utf8(joined) {
            Ok(text) if text.is_empty() => Ok(Vec::new()),
            Ok(text) => self.feed_with_text(&text),
            // `valid` ends where the UTF-8 check stopped, so the prefix is UTF-8.
            Err(_) => Err(ParseError("bytes that are not UTF-8".to_owned())),
        }
    }

    /// Adds bytes and returns every event that is now complete, each with the exact text it was
    /// read from: what a probe shows as the XML on the wire.
    pub fn feed_with_text(&mut self, text: &str) -> Result<Vec<(StreamEvent, String)>, ParseError> {
        // XML 1.0 §2.2: no C0 control character other than tab, line feed and carriage return,
        // and neither U+FFFE nor U+FFFF.
        if let Some(c) = find_control(text) {
            return Err(ParseError(format!(
                "the character {}, which XML 1.0 does not allow",
                unicode_name(c)
            )));
        }
        self.buffer.push_str(text);
        let mut events = Vec::new();
        loop {
            let (consumed, event) = self.next()?;
            if consumed == 0 {
                break;
            }
            let raw: String = self.buffer.drain(..consumed).collect();
            if let Some(event) = event {
                // What follows a header resolves against its declarations, even in the same
                // read.
                if let StreamEvent::Header(header) = &event {
                    self.accept_header(header);
                }
                events.push((event, raw));
            }
        }
        if self.buffer.len() > MAX_ELEMENT_BYTES {
            return Err(ParseError(format!(
                "an element larger than {MAX_ELEMENT_BYTES} bytes"
            )));
        }
        Ok(events)
    }

    /// Parses one event from the front of the buffer: the bytes it used, and the event (none for
    /// whitespace, the XML declaration or comments). Zero bytes means more input is needed.
    ///
    /// [`boundary`] first finds where the next complete piece ends, so `quick-xml` only ever
    /// sees whole elements and input cut anywhere (inside a tag, an entity, a CDATA section) just
    /// waits for more.
    fn next(&self) -> Result<(usize, Option<StreamEvent>), ParseError> {
        let text = self.buffer.as_str();
        let header_expected = self.root.is_none();
        let Some((end, piece)) = boundary(text, header_expected)? else {
            return Ok((0, None));
        };
        let error = |e: &dyn std::fmt::Display| ParseError(library_error(e));
        let slice = &text[..end];
        match piece {
            Piece::Skip => Ok((end, None)),
            Piece::Close => {
                let name = slice[2..slice.len() - 1].trim();
                if self.root.as_deref() == Some(name) {
                    Ok((end, Some(StreamEvent::Close)))
                } else {
                    Err(error(&format!("unexpected end tag `{}`", visible(name))))
                }
            }
            Piece::Header => {
                let mut reader = Reader::from_str(slice);
                loop {
                    match reader.read_event().map_err(|e| error(&e))? {
                        Event::Start(start) => {
                            let element = self.element(&start, &[])?;
                            return Ok((end, Some(StreamEvent::Header(element))));
                        }
                        Event::Eof => return Err(error(&"a stream header was expected")),
                        _ => {}
                    }
                }
            }
            Piece::Element => {
                let mut reader = Reader::from_str(slice);
                reader.config_mut().check_end_names = true;
                let mut stack: Vec<(Element, Scope)> = Vec::new();
                loop {
                    match reader.read_event().map_err(|e| error(&e))? {
                        Event::Start(start) => {
                            if stack.len() >= MAX_ELEMENT_DEPTH {
                                return Err(error(&"elements nested too deeply"));
                            }
                            let scope = stack.last().map(|(_, s)| s.clone()).unwrap_or_default();
                            let element = self.element(&start, &scope)?;
                            let mut inner = scope;
                            inner.extend(element.declarations.iter().cloned());
                            stack.push((element, inner));
                        }
                        Event::Empty(start) => {
                            let scope = stack.last().map(|(_, s)| s.clone()).unwrap_or_default();
                            let element = self.element(&start, &scope)?;
                            match stack.last_mut() {
                                Some((parent, _)) => parent.children.push(Node::Element(element)),
                                None => return Ok((end, Some(StreamEvent::Element(element)))),
                            }
                        }
                        Event::End(_) => {
                            let Some((element, _)) = stack.pop() else {
                                return Err(error(&"unbalanced end tag"));
                            };
                            match stack.last_mut() {
                                Some((parent, _)) => parent.children.push(Node::Element(element)),
                                None => return Ok((end, Some(StreamEvent::Element(element)))),
                            }
                        }
                        Event::Text(t) => {
                            if let Some((parent, _)) = stack.last_mut() {
                                parent.append_text(&t.xml10_content());
                            }
                        }
                        Event::CData(t) => {
                            if let Some((parent, _)) = stack.last_mut() {
                                parent.append_text(&t.xml10_content());
                            }
                        }
                        Event::GeneralRef(reference) => {
                            let c = if reference.is_char_ref() {
                                let c = reference.resolve_char_ref().map_err(|e| error(&e))?;
                                // XML 1.0 §4.1: a reference names a legal character.
                                if let Some(c) = c.filter(|&c| forbidden(c)) {
                                    return Err(error(&format!(
                                        "character reference `&{};` names the character {}, \
                                         which XML 1.0 does not allow",
                                        visible(&reference),
                                        unicode_name(c)
                                    )));
                                }
                                c
                            } else {
                                match &*reference {
                                    "lt" => Some('<'),
                                    "gt" => Some('>'),
                                    "amp" => Some('&'),
                                    "apos" => Some('\''),
                                    "quot" => Some('"'),
                                    _ => None,
                                }
                            };
                            let Some(c) = c else {
                                return Err(error(&format!(
                                    "undefined entity `&{};`",
                                    visible(&reference)
                                )));
                            };
                            if let Some((parent, _)) = stack.last_mut() {
                                parent.append_text(c.encode_utf8(&mut [0; 4]));
                            }
                        }
                        Event::DocType(_) => return Err(error(&"a document type declaration")),
                        Event::Eof => return Err(error(&"an element was cut short")),
                        Event::Decl(_) | Event::Comment(_) | Event::PI(_) => {}
                    }
                }
            }
        }
    }

    /// Builds an element from a start tag, resolving its namespace against the stream header's
    /// declarations, the enclosing elements' (`scope`) and its own.
    fn element(
        &self,
        start: &BytesStart<'_>,
        scope: &[(Option<String>, String)],
    ) -> Result<Element, ParseError> {
        let qualified = start.name().as_ref().to_owned();
        if let Some(problem) = crate::text::not_xml_name(&qualified, "element") {
            return Err(ParseError(problem));
        }
        let (prefix, local) = match qualified.split_once(':') {
            Some((p, l)) => (Some(p.to_owned()), l.to_owned()),
            None => (None, qualified.clone()),
        };
        let mut declarations = Vec::new();
        let mut attributes = Vec::new();
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|e| ParseError(library_error(&e)))?;
            let key = attribute.key.as_ref().to_owned();
            if let Some(problem) = crate::text::not_xml_name(&key, "attribute") {
                return Err(ParseError(problem));
            }
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| ParseError(library_error(&e)))?
                .into_owned();
            // A character reference in the value may name a character XML 1.0 forbids.
            if let Some(c) = find_control(&value) {
                return Err(ParseError(format!(
                    "attribute `{}` holds the character {}, which XML 1.0 does not allow",
                    visible(&key),
                    unicode_name(c)
                )));
            }
            if key == "xmlns" {
                declarations.push((None, value));
            } else if let Some(p) = key.strip_prefix("xmlns:") {
                declarations.push((Some(p.to_owned()), value));
            } else {
                attributes.push((key, value));
            }
        }
        let lookup = |wanted: &Option<String>| {
            declarations
                .iter()
                .rev()
                .chain(scope.iter().rev())
                .chain(self.header_scope.iter().rev())
                .find(|(p, _)| p == wanted)
                .map(|(_, uri)| uri.clone())
        };
        let namespace = match lookup(&prefix) {
            Some(uri) => uri,
            None if prefix.as_deref() == Some("xml") => {
                "http://www.w3.org/XML/1998/namespace".into()
            }
            None => {
                return Err(ParseError(match &prefix {
                    Some(p) => format!("undeclared namespace prefix `{}`", visible(p)),
                    None => format!("element `{}` has no namespace", visible(&local)),
                }));
            }
        };
        Ok(Element {
            prefix,
            local,
            namespace,
            declarations,
            attributes,
            children: Vec::new(),
        })
    }

    /// Records a stream header so that later elements resolve against its declarations.
    pub fn accept_header(&mut self, header: &Element) {
        self.header_scope = header.declarations.clone();
        self.root = Some(header.qualified());
    }
}

/// An error of `quick-xml`, which may quote names from the stream whole: bounded.
fn library_error(error: &dyn std::fmt::Display) -> String {
    visible_within(&error.to_string(), 4 * MAX_SHOWN_CHARS)
}

/// Whether XML 1.0 forbids `c` (§2.2).
fn forbidden(c: char) -> bool {
    find_control(c.encode_utf8(&mut [0; 4])).is_some()
}

/// What the next complete piece of a stream is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// Whitespace, the XML declaration, a comment or a processing instruction.
    Skip,
    Header,
    Element,
    Close,
}

/// Finds where the next complete piece of a stream ends: `None` when the text stops before
/// it does. Tracks tags, quoted attribute values, comments, CDATA sections and nesting depth,
/// nothing else, so that partial input is recognised wherever it is cut.
fn boundary(text: &str, header_expected: bool) -> Result<Option<(usize, Piece)>, ParseError> {
    let bytes = text.as_bytes();
    let skip_blank = |from: usize| {
        bytes[from..]
            .iter()
            .position(|b| !b.is_ascii_whitespace())
            .map(|p| from + p)
    };
    let Some(start) = skip_blank(0) else {
        return Ok(None);
    };
    if start > 0 {
        return Ok(Some((start, Piece::Skip)));
    }
    if bytes[0] != b'<' {
        return Err(ParseError("text outside an element".to_owned()));
    }
    let find =
        |from: usize, pattern: &str| text[from..].find(pattern).map(|p| from + p + pattern.len());
    // The end of the tag that starts at `from` (`<...>`), skipping quoted attribute values.
    let tag_end = |from: usize| -> Option<usize> {
        let mut quote: Option<u8> = None;
        for (offset, &b) in bytes[from..].iter().enumerate() {
            match (quote, b) {
                (Some(q), _) if b == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(b),
                (None, b'>') => return Some(from + offset + 1),
                _ => {}
            }
        }
        None
    };
    if text.starts_with("<?") {
        return Ok(find(0, "?>").map(|end| (end, Piece::Skip)));
    }
    if text.starts_with("<!--") {
        return Ok(find(0, "-->").map(|end| (end, Piece::Skip)));
    }
    if text.starts_with("<!") {
        // Cut before it says what it is: a comment or a declaration.
        if text.len() < 9 && ("<!DOCTYPE".starts_with(text) || "<!--".starts_with(text)) {
            return Ok(None);
        }
        return Err(ParseError("a document type declaration".to_owned()));
    }
    if text.starts_with("</") {
        return Ok(tag_end(0).map(|end| (end, Piece::Close)));
    }
    let Some(first) = tag_end(0) else {
        return Ok(None);
    };
    if header_expected {
        return Ok(Some((first, Piece::Header)));
    }
    if text[..first].ends_with("/>") {
        return Ok(Some((first, Piece::Element)));
    }
    let mut depth = 1usize;
    let mut at = first;
    while depth > 0 {
        let Some(lt) = text[at..].find('<').map(|p| at + p) else {
            return Ok(None);
        };
        let rest = &text[lt..];
        if rest.starts_with("<![CDATA[") {
            let Some(end) = find(lt, "]]>") else {
                return Ok(None);
            };
            at = end;
        } else if rest.starts_with("<!--") {
            let Some(end) = find(lt, "-->") else {
                return Ok(None);
            };
            at = end;
        } else if rest.len() < 9 && ("<![CDATA[".starts_with(rest) || "<!--".starts_with(rest)) {
            return Ok(None);
        } else {
            let Some(end) = tag_end(lt) else {
                return Ok(None);
            };
            if rest.starts_with("</") {
                depth -= 1;
            } else if !text[..end].ends_with("/>") && !rest.starts_with("<?") {
                depth += 1;
                if depth > MAX_ELEMENT_DEPTH {
                    return Err(ParseError("elements nested too deeply".to_owned()));
                }
            }
            at = end;
        }
    }
    Ok(Some((at, Piece::Element)))
}

/// The XML of a stream error (RFC 6120 §4.9.2).
/// A stream error (RFC 6120 §4.9.2); its text marked as English (`xml:lang`) when `lang`.
pub(crate) fn stream_error(condition: &str, text: Option<&str>, lang: bool) -> Element {
    let mut error = Element::prefixed("stream", "error", ns::STREAM)
        .child(Element::new(condition, ns::STREAMS));
    if let Some(text) = text {
        let mut text = Element::new("text", ns::STREAMS).text(text);
        if lang {
            text = text.attr("xml:lang", "en");
        }
        error = error.child(text);
    }
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header() -> Element {
        let mut header = Element::prefixed("stream", "stream", ns::STREAM);
        header.declarations = vec![
            (None, ns::SERVER.to_owned()),
            (Some("stream".to_owned()), ns::STREAM.to_owned()),
            (Some("db".to_owned()), ns::DIALBACK.to_owned()),
        ];
        header
            .attr("from", "a.example")
            .attr("to", "b.example")
            .attr("version", "1.0")
    }

    #[test]
    fn round_trips_headers_and_elements_in_pieces() {
        let features = Element::prefixed("stream", "features", ns::STREAM)
            .child(Element::new("starttls", ns::TLS).child(Element::inherit("required", ns::TLS)))
            .child(
                Element::new("dialback", ns::DIALBACK_FEATURE)
                    .child(Element::inherit("errors", ns::DIALBACK_FEATURE)),
            );
        let result = Element::prefixed("db", "result", ns::DIALBACK)
            .attr("from", "a.example")
            .attr("to", "b.example")
            .text("b4835385 & <key>");
        let wire = format!(
            "{}{}  {}{}",
            stream_header(&header()),
            features.to_xml(),
            result.to_xml(),
            STREAM_CLOSE
        );
        // Fed one byte at a time, the parser gives the same events.
        let mut parser = StreamParser::new();
        let mut events = Vec::new();
        for c in wire.chars() {
            for event in parser.feed(&c.to_string()).unwrap() {
                if let StreamEvent::Header(h) = &event {
                    parser.accept_header(h);
                }
                events.push(event);
            }
        }
        assert_eq!(events.len(), 4, "{events:?}");
        let StreamEvent::Element(parsed) = &events[1] else {
            panic!()
        };
        assert!(parsed.is("features", ns::STREAM));
        assert!(
            parsed
                .find("starttls", ns::TLS)
                .unwrap()
                .find("required", ns::TLS)
                .is_some()
        );
        let StreamEvent::Element(parsed) = &events[2] else {
            panic!()
        };
        assert!(parsed.is("result", ns::DIALBACK));
        assert_eq!(parsed.text_content(), "b4835385 & <key>");
        assert_eq!(events[3], StreamEvent::Close);
    }

    #[test]
    fn refuses_undeclared_prefixes_and_doctypes() {
        let mut parser = StreamParser::new();
        let events = parser.feed(&stream_header(&header())).unwrap();
        let StreamEvent::Header(h) = &events[0] else {
            panic!()
        };
        parser.accept_header(h);
        assert!(parser.feed("<x:y/>").is_err());
        let mut parser = StreamParser::new();
        assert!(parser.feed("<!DOCTYPE x><x/>").is_err());
    }

    #[test]
    fn bytes_cut_inside_a_character_wait_for_the_rest() {
        let result = Element::prefixed("db", "result", ns::DIALBACK)
            .attr("from", "bücher.example")
            .text("schlüssel €");
        let wire = format!("{}{}", stream_header(&header()), result.to_xml());
        let whole = StreamParser::new().feed_bytes(wire.as_bytes()).unwrap();
        assert_eq!(whole.len(), 2);
        // One byte at a time: the two- and three-byte characters arrive in pieces.
        let mut parser = StreamParser::new();
        let mut events = Vec::new();
        for byte in wire.as_bytes() {
            events.extend(parser.feed_bytes(&[*byte]).unwrap());
        }
        assert_eq!(events, whole);
        // A byte that no UTF-8 text has is refused, named.
        let error = StreamParser::new().feed_bytes(b"<a>\xFF</a>").unwrap_err();
        assert!(error.0.contains("0xFF"), "{error}");
    }

    #[test]
    fn text_read_in_pieces_is_one_node() {
        let mut parser = StreamParser::new();
        parser.feed(&stream_header(&header())).unwrap();
        let events = parser
            .feed("<db:result>a &gt; b<![CDATA[ <c> ]]>&#100;</db:result>")
            .unwrap();
        let expected = Element::prefixed("db", "result", ns::DIALBACK).text("a > b <c> d");
        assert_eq!(events, [StreamEvent::Element(expected.clone())]);
        // Written back (with `>` escaped), it reads as the same element.
        let mut parser = StreamParser::new();
        parser.feed(&stream_header(&header())).unwrap();
        let again = parser.feed(&expected.to_xml()).unwrap();
        assert_eq!(again, [StreamEvent::Element(expected)]);
    }

    #[test]
    fn a_comment_cut_after_its_first_bytes_waits() {
        let mut parser = StreamParser::new();
        parser.feed(&stream_header(&header())).unwrap();
        assert_eq!(parser.feed("<!-").unwrap(), []);
        assert_eq!(parser.feed("- note --><x/>").unwrap().len(), 1);
        assert!(StreamParser::new().feed("<!DOCTYPE x>").is_err());
    }

    #[test]
    fn names_are_xml_names() {
        // Found by fuzzing: `<;/>` was read as an element named `;`, which written back did not
        // read again.
        for bad in [
            "<db:result><;/></db:result>",
            "<x a\u{7f}b='1'/>",
            "<x\u{202e}y/>",
            // Found by fuzzing: `<   />` was read as an element with an empty name, written
            // back as `</>`.
            "<   />",
        ] {
            let mut parser = StreamParser::new();
            parser.feed(&stream_header(&header())).unwrap();
            let error = parser.feed(bad).unwrap_err();
            assert!(error.0.contains("does not allow"), "{bad}: {error}");
        }
    }
}
