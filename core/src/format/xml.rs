//! The partner-directory XML format, read as a stream of `quick-xml` events and written with its
//! writer. `docs/formats.md` documents it.
//!
//! Each field is an element named like the JSON field; `partner` elements repeat, and
//! `additionalDomains` holds `domain` elements. The reader refuses document type declarations and
//! never expands entities: only the five predefined ones and character references are resolved.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesRef, BytesStart, BytesText, Event};
use quick_xml::{Reader, XmlVersion};

use super::{Format, Lines, ReadError, ReadErrorKind};
use crate::diagnostic::Position;
use crate::directory::Directory;
use crate::document::fields::{self, Kind};
use crate::document::{Key, Node, Value};
use crate::gateway::GatewayConfig;
use crate::limits::MAX_XML_DEPTH;
use crate::partner::PartnerConfig;
use crate::text::{MAX_SHOWN_CHARS, find_control, unicode_name, visible, visible_within};

/// The namespace of the format, version 1.
pub const NAMESPACE: &str = "urn:xmpp-federation:directory:1";

struct Frame {
    name: String,
    key: Key,
    children: Vec<(Key, Node)>,
    text: String,
}

pub(super) fn read(text: &str) -> Result<Node, ReadError> {
    let lines = Lines::new(text);
    // XML 1.0 §2.2: a document holds no C0 control character other than tab, line feed and
    // carriage return, and neither U+FFFE nor U+FFFF.
    if let Some(c) = find_control(text) {
        let offset = text.find(c).unwrap_or(0);
        return Err(ReadError::syntax(
            Format::Xml,
            format!(
                "the document contains the character {}, which XML 1.0 does not allow",
                unicode_name(c)
            ),
            Some(lines.position(offset)),
        ));
    }
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let syntax = |message: String, offset: u64| {
        ReadError::syntax(
            Format::Xml,
            message,
            Some(lines.position(usize::try_from(offset).unwrap_or(usize::MAX))),
        )
    };
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<(Key, Node)> = None;
    loop {
        let offset = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| syntax(library_error(&e), reader.error_position()))?;
        match event {
            Event::Start(_) | Event::Empty(_) if root.is_some() && stack.is_empty() => {
                return Err(syntax("a second root element".to_owned(), offset));
            }
            Event::Start(start) => {
                if stack.len() >= MAX_XML_DEPTH {
                    return Err(ReadError::new(
                        ReadErrorKind::TooDeep {
                            limit: MAX_XML_DEPTH,
                        },
                        Some(lines.position(offset_usize(offset))),
                    ));
                }
                stack.push(open(&start, &lines, offset, stack.is_empty())?);
            }
            Event::Empty(start) => {
                if stack.len() >= MAX_XML_DEPTH {
                    return Err(ReadError::new(
                        ReadErrorKind::TooDeep {
                            limit: MAX_XML_DEPTH,
                        },
                        Some(lines.position(offset_usize(offset))),
                    ));
                }
                let frame = open(&start, &lines, offset, stack.is_empty())?;
                close(frame, &mut stack, &mut root, &lines, offset)?;
            }
            Event::End(_) => {
                let Some(frame) = stack.pop() else {
                    return Err(syntax("an end tag without a start tag".to_owned(), offset));
                };
                close(frame, &mut stack, &mut root, &lines, offset)?;
            }
            Event::Text(content) => {
                let content = content.xml10_content();
                match stack.last_mut() {
                    Some(frame) => frame.text.push_str(&content),
                    None if content.trim().is_empty() => {}
                    None => return Err(syntax("text outside the root element".to_owned(), offset)),
                }
            }
            Event::CData(content) => {
                let content = content.xml10_content();
                match stack.last_mut() {
                    Some(frame) => frame.text.push_str(&content),
                    None => return Err(syntax("text outside the root element".to_owned(), offset)),
                }
            }
            Event::GeneralRef(reference) => {
                let c = resolve(&reference).map_err(|m| syntax(m, offset))?;
                match stack.last_mut() {
                    Some(frame) => frame.text.push(c),
                    None => return Err(syntax("text outside the root element".to_owned(), offset)),
                }
            }
            Event::DocType(_) => {
                return Err(ReadError::new(
                    ReadErrorKind::Doctype,
                    Some(lines.position(offset_usize(offset))),
                ));
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(frame) = stack.last() {
        return Err(ReadError::syntax(
            Format::Xml,
            format!("element `{}` is not closed", visible(&frame.name)),
            frame.key.position,
        ));
    }
    let Some((_, node)) = root else {
        return Err(ReadError::syntax(Format::Xml, "no root element", None));
    };
    Ok(shape_directory(node))
}

fn offset_usize(offset: u64) -> usize {
    usize::try_from(offset).unwrap_or(usize::MAX)
}

fn open(
    start: &BytesStart<'_>,
    lines: &Lines<'_>,
    offset: u64,
    is_root: bool,
) -> Result<Frame, ReadError> {
    let position = Some(lines.position(offset_usize(offset)));
    let name = start.name().as_ref().to_owned();
    check_name(&name, "element", position)?;
    for attribute in start.attributes() {
        let attribute =
            attribute.map_err(|e| ReadError::syntax(Format::Xml, library_error(&e), position))?;
        let key = attribute.key.as_ref().to_owned();
        check_name(&key, "attribute", position)?;
        let value = attribute
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|e| ReadError::syntax(Format::Xml, library_error(&e), position))?;
        if key == "xmlns" && is_root {
            if value != NAMESPACE {
                return Err(ReadError::new(
                    ReadErrorKind::XmlRoot {
                        found: format!("{} xmlns=\"{}\"", visible(&name), visible(&value)),
                    },
                    position,
                ));
            }
            continue;
        }
        return Err(ReadError::syntax(
            Format::Xml,
            format!(
                "attribute `{}` on `{}`: the format has no attributes; write each field as an \
                 element",
                visible(&key),
                visible(&name)
            ),
            position,
        ));
    }
    if is_root && name != "directory" {
        return Err(ReadError::new(
            ReadErrorKind::XmlRoot {
                found: visible(&name),
            },
            position,
        ));
    }
    Ok(Frame {
        key: Key {
            name: name.clone(),
            position,
        },
        name,
        children: Vec::new(),
        text: String::new(),
    })
}

fn close(
    frame: Frame,
    stack: &mut [Frame],
    root: &mut Option<(Key, Node)>,
    lines: &Lines<'_>,
    offset: u64,
) -> Result<(), ReadError> {
    let position = frame.key.position;
    let node = if frame.children.is_empty() {
        Node::new(Value::Text(frame.text), position)
    } else if frame.text.trim().is_empty() {
        Node::new(Value::Map(frame.children), position)
    } else {
        return Err(ReadError::syntax(
            Format::Xml,
            format!("element `{}` mixes text and elements", visible(&frame.name)),
            Some(lines.position(offset_usize(offset))),
        ));
    };
    match stack.last_mut() {
        Some(parent) => parent.children.push((frame.key, node)),
        None => *root = Some((frame.key, node)),
    }
    Ok(())
}

/// Refuses an element or attribute name that is not an XML 1.0 `Name` (§2.3): `quick-xml` reads
/// any characters up to a space, `/` or `>` as the name, so `dom\u{7f}ain` would otherwise be
/// read as a field name.
fn check_name(name: &str, what: &str, position: Option<Position>) -> Result<(), ReadError> {
    match crate::text::not_xml_name(name, what) {
        Some(problem) => Err(ReadError::syntax(Format::Xml, problem, position)),
        None => Ok(()),
    }
}

/// An error of `quick-xml`, which may quote names from the document whole: bounded.
fn library_error(error: &dyn std::fmt::Display) -> String {
    visible_within(&error.to_string(), 4 * MAX_SHOWN_CHARS)
}

/// Resolves a reference without expanding any entity.
fn resolve(reference: &BytesRef<'_>) -> Result<char, String> {
    if reference.is_char_ref() {
        let c = reference
            .resolve_char_ref()
            .map_err(|e| library_error(&e))?
            .ok_or_else(|| format!("invalid character reference `&{};`", visible(reference)))?;
        // XML 1.0 §2.2: references must name legal characters.
        if crate::text::find_control(c.encode_utf8(&mut [0; 4])).is_some() {
            return Err(format!(
                "character reference `&{};` names a control character",
                visible(reference)
            ));
        }
        return Ok(c);
    }
    match &**reference {
        "lt" => Ok('<'),
        "gt" => Ok('>'),
        "amp" => Ok('&'),
        "apos" => Ok('\''),
        "quot" => Ok('"'),
        other => Err(format!(
            "undefined entity `&{};`: only the five predefined entities are allowed",
            visible(other)
        )),
    }
}

/// Turns the generic element tree into the JSON shape: `partner` elements become the
/// `partners` list, and `additionalDomains` children become lists.
fn shape_directory(node: Node) -> Node {
    let Value::Map(children) = node.value else {
        // `<directory/>` or `<directory>text</directory>`: an empty directory, or text the
        // interpreter reports as the wrong type.
        return match node.value {
            Value::Text(text) if text.trim().is_empty() => {
                Node::new(Value::Map(Vec::new()), node.position)
            }
            other => Node::new(other, node.position),
        };
    };
    let mut shaped: Vec<(Key, Node)> = Vec::new();
    let mut partners: Vec<Node> = Vec::new();
    let mut partners_key: Option<Key> = None;
    for (key, child) in children {
        if key.name == "partner" {
            partners_key.get_or_insert_with(|| Key {
                name: "partners".to_owned(),
                position: key.position,
            });
            partners.push(shape_partner(child));
        } else {
            shaped.push((key, child));
        }
    }
    if let Some(key) = partners_key {
        let position = key.position;
        shaped.push((key, Node::new(Value::List(partners), position)));
    }
    Node::new(Value::Map(shaped), node.position)
}

fn shape_partner(node: Node) -> Node {
    let Value::Map(fields) = node.value else {
        return node;
    };
    let fields = fields
        .into_iter()
        .map(|(key, value)| {
            if key.name != "additionalDomains" {
                return (key, value);
            }
            match value.value {
                Value::Map(items) if items.iter().all(|(k, _)| k.name == "domain") => {
                    let list = items.into_iter().map(|(_, v)| v).collect();
                    let position = value.position;
                    (key, Node::new(Value::List(list), position))
                }
                other => (key, Node::new(other, value.position)),
            }
        })
        .collect();
    Node::new(Value::Map(fields), node.position)
}

/// Writes an element with text content as one escaped text event, so that the indenting
/// writer never adds whitespace inside it. `&`, `<` and `>` are escaped, and carriage returns are
/// written as character references so that they survive end-of-line normalisation.
fn text_element(writer: &mut Writer<Vec<u8>>, name: &str, text: &str) -> std::io::Result<()> {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '\r' => escaped.push_str("&#13;"),
            other => escaped.push(other),
        }
    }
    if escaped.is_empty() {
        return writer.write_event(Event::Empty(BytesStart::new(name)));
    }
    writer.write_event(Event::Start(BytesStart::new(name)))?;
    writer.write_event(Event::Text(BytesText::from_escaped(escaped)))?;
    writer.write_event(Event::End(BytesEnd::new(name)))
}

fn gateway(writer: &mut Writer<Vec<u8>>, gateway: &GatewayConfig) -> std::io::Result<()> {
    use fields::gateway as f;
    let name = |i: usize| fields::GATEWAY[i].name;
    writer.write_event(Event::Start(BytesStart::new("gateway")))?;
    let numbers = [
        (f::CONNECTION_LIMIT, gateway.connection_limit),
        (
            f::PARTNER_CONNECTION_LIMIT,
            gateway.partner_connection_limit,
        ),
        (f::KEEP_ALIVE_INTERVAL, gateway.keep_alive_interval),
        (
            f::STREAM_ESTABLISHMENT_TIMEOUT,
            gateway.stream_establishment_timeout,
        ),
        (
            f::STREAM_INACTIVITY_TIMEOUT,
            gateway.stream_inactivity_timeout,
        ),
        (
            f::SUBSCRIPTION_REFRESH_INTERVAL,
            gateway.subscription_refresh_interval,
        ),
    ];
    for (index, value) in numbers {
        text_element(writer, name(index), &value.to_string())?;
    }
    if let Some(secret) = &gateway.dialback_passphrase {
        text_element(writer, name(f::DIALBACK_PASSPHRASE), secret.expose())?;
    }
    text_element(
        writer,
        name(f::MESSAGE_BODY_LOGGING),
        bool_text(gateway.enable_logging_all_message_bodies),
    )?;
    writer.write_event(Event::End(BytesEnd::new("gateway")))
}

fn bool_text(value: bool) -> &'static str {
    if value { "true" } else { "false" }
}

fn partner(writer: &mut Writer<Vec<u8>>, partner: &PartnerConfig) -> std::io::Result<()> {
    use fields::partner as f;
    let name = |i: usize| fields::PARTNER[i].name;
    debug_assert!(matches!(
        fields::PARTNER[f::ADDITIONAL_DOMAINS].kind,
        Kind::DomainList
    ));
    writer.write_event(Event::Start(BytesStart::new("partner")))?;
    text_element(writer, name(f::DOMAIN), partner.domain.as_str())?;
    if !partner.additional_domains.is_empty() {
        writer.write_event(Event::Start(BytesStart::new(name(f::ADDITIONAL_DOMAINS))))?;
        for domain in &partner.additional_domains {
            text_element(writer, "domain", domain.as_str())?;
        }
        writer.write_event(Event::End(BytesEnd::new(name(f::ADDITIONAL_DOMAINS))))?;
    }
    if !partner.description.is_empty() {
        text_element(writer, name(f::DESCRIPTION), partner.description.as_str())?;
    }
    text_element(writer, name(f::PARTNER_TYPE), partner.partner_type.name())?;
    text_element(writer, name(f::TLS), partner.tls_negotiation.name())?;
    text_element(writer, name(f::SASL), partner.sasl_negotiation.name())?;
    text_element(
        writer,
        name(f::DIALBACK),
        bool_text(partner.support_dialback_negotiation),
    )?;
    text_element(
        writer,
        name(f::KEEP_ALIVE),
        bool_text(partner.enable_keep_alive),
    )?;
    if let Some(limit) = partner.connection_limit {
        text_element(writer, name(f::CONNECTION_LIMIT), &limit.to_string())?;
    }
    if let Some(proxy) = &partner.proxy_fqdn {
        text_element(writer, name(f::PROXY_FQDN), proxy.as_str())?;
    }
    writer.write_event(Event::End(BytesEnd::new("partner")))
}

fn write_document(directory: &Directory) -> std::io::Result<Vec<u8>> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer.write_event(Event::Start(
        BytesStart::new("directory").with_attributes([("xmlns", NAMESPACE)]),
    ))?;
    gateway(&mut writer, directory.gateway())?;
    for p in directory.partners() {
        partner(&mut writer, p)?;
    }
    writer.write_event(Event::End(BytesEnd::new("directory")))?;
    let mut bytes = writer.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

pub(super) fn write(directory: &Directory) -> String {
    // INVARIANT: writing to a Vec<u8> cannot fail, and every string written is UTF-8, so the
    // result is UTF-8.
    #[allow(clippy::expect_used)]
    let bytes = write_document(directory).expect("writing XML to memory cannot fail");
    String::from_utf8_lossy(&bytes).into_owned()
}
