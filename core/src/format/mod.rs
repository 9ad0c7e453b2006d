//! Reading and writing partner directories: JSON, our XML format, PowerShell scripts, and the
//! `Format-List` text of `Get-CsXmppAllowedPartner`.

mod format_list;
mod json;
mod lines;
mod powershell;
mod xml;

use std::fmt;

use serde::Deserializer;

use crate::catalogue::format as text;
use crate::diagnostic::{Code, Severity};
use crate::diagnostic::{Diagnostic, Position};
use crate::directory::{Change, Directory};
use crate::document::{DirectoryDocument, Interpreter, Naming, Node, Value};
use crate::gateway::GatewayConfig;
use crate::language::Language;
use crate::limits::{MAX_DOCUMENT_BYTES, MAX_PARTNERS};
use crate::validate::{Entry, Report, partner_index};

pub(crate) use lines::Lines;

/// A document format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// JSON: `{"gateway": {...}, "partners": [...]}`, a list of partners, or one partner. See
    /// `schema/directory.schema.json`.
    Json,
    /// The partner-directory XML format, namespace `urn:xmpp-federation:directory:1`. See
    /// `docs/formats.md`.
    Xml,
    /// PowerShell: `New-`, `Set-` and `Remove-CsXmppAllowedPartner` and
    /// `Set-CsXmppGatewayConfiguration` commands, applied in order.
    PowerShell,
    /// The text of `Get-CsXmppAllowedPartner | Format-List`, one block per partner.
    FormatList,
}

impl Format {
    /// Every format.
    pub const ALL: [Format; 4] = [
        Format::Json,
        Format::Xml,
        Format::PowerShell,
        Format::FormatList,
    ];

    /// The format's name: `json`, `xml`, `powershell` or `format-list`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Xml => "xml",
            Format::PowerShell => "powershell",
            Format::FormatList => "format-list",
        }
    }

    /// The format for a file extension: `json`, `xml`, `ps1`, `txt`.
    pub fn from_extension(extension: &str) -> Option<Format> {
        match extension.to_ascii_lowercase().as_str() {
            "json" => Some(Format::Json),
            "xml" => Some(Format::Xml),
            "ps1" | "psm1" => Some(Format::PowerShell),
            "txt" | "fl" => Some(Format::FormatList),
            _ => None,
        }
    }

    /// Guesses the format from the text itself.
    pub fn detect(text: &str) -> Option<Format> {
        let text = text.trim_start_matches('\u{FEFF}').trim_start();
        let head = &text[..text.floor_char_boundary(64 * 1024)];
        if text.starts_with('{') || text.starts_with('[') {
            Some(Format::Json)
        } else if text.starts_with("<#") || text.starts_with('#') {
            Some(Format::PowerShell)
        } else if text.starts_with('<') {
            Some(Format::Xml)
        } else if format_list::looks_like(text) {
            Some(Format::FormatList)
        } else if head.lines().any(|line| {
            let line = line.trim_start().to_ascii_lowercase();
            ["new-", "set-", "remove-"]
                .iter()
                .any(|verb| line.starts_with(&format!("{verb}csxmppallowedpartner")))
                || line.starts_with("set-csxmppgatewayconfiguration")
                || line.starts_with("import-module")
        }) {
            Some(Format::PowerShell)
        } else {
            None
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why a document could not be read at all. (Problems with single values are diagnostics, and
/// the rest of the document is still read.)
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe(Language::English))]
pub struct ReadError {
    kind: ReadErrorKind,
    position: Option<Position>,
}

/// The kinds of [`ReadError`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReadErrorKind {
    /// The document is larger than [`MAX_DOCUMENT_BYTES`](crate::limits::MAX_DOCUMENT_BYTES).
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// The bytes are not UTF-8 or UTF-16 text.
    Encoding,
    /// The bytes are UTF-32 text (with or without a byte-order mark), which no format is read
    /// in: the file should be saved as UTF-8.
    Utf32,
    /// UTF-16 text read as if it were UTF-8: every other character is U+0000. (Bytes in
    /// UTF-16 are decoded by [`decode`]; this is text that was decoded wrongly before.)
    Utf16AsText,
    /// The format could not be recognised.
    UnknownFormat,
    /// A syntax error, with the parser's own description (in English).
    Syntax {
        /// The format being read.
        format: Format,
        /// What the parser found.
        message: String,
    },
    /// Lists, objects or elements nested deeper than the format allows:
    /// [`MAX_DEPTH`](crate::limits::MAX_DEPTH) in JSON,
    /// [`MAX_XML_DEPTH`](crate::limits::MAX_XML_DEPTH) in XML and
    /// [`MAX_POWERSHELL_DEPTH`](crate::limits::MAX_POWERSHELL_DEPTH) in PowerShell expressions.
    TooDeep {
        /// The format's limit, in levels.
        limit: usize,
    },
    /// More partners than [`MAX_PARTNERS`](crate::limits::MAX_PARTNERS).
    TooManyPartners,
    /// An XML document type declaration; the reader never processes DTDs or entities.
    Doctype,
    /// An XML root element other than `directory`.
    XmlRoot {
        /// The element found.
        found: String,
    },
    /// A PowerShell command other than the partner and gateway cmdlets.
    UnsupportedCommand {
        /// The command.
        command: String,
    },
    /// A PowerShell construct the reader does not evaluate: variables, pipelines, script blocks.
    UnsupportedSyntax {
        /// What was found.
        construct: String,
    },
}

impl ReadError {
    pub(crate) fn new(kind: ReadErrorKind, position: Option<Position>) -> ReadError {
        ReadError { kind, position }
    }

    pub(crate) fn syntax(
        format: Format,
        message: impl Into<String>,
        position: Option<Position>,
    ) -> ReadError {
        ReadError::new(
            ReadErrorKind::Syntax {
                format,
                message: message.into(),
            },
            position,
        )
    }

    /// What went wrong.
    pub fn kind(&self) -> &ReadErrorKind {
        &self.kind
    }

    /// Where, when known.
    pub fn position(&self) -> Option<Position> {
        self.position
    }

    /// The message, prefixed with the position.
    pub fn describe(&self, language: Language) -> String {
        match self.position {
            Some(p) => {
                text::read_error_position(p.line, p.column, self.message(language)).render(language)
            }
            None => self.message(language),
        }
    }

    /// What went wrong, without the position.
    pub fn message(&self, language: Language) -> String {
        match &self.kind {
            ReadErrorKind::TooLarge { bytes } => {
                text::read_error_too_large(*bytes, MAX_DOCUMENT_BYTES)
            }
            ReadErrorKind::Encoding => text::read_error_encoding(),
            ReadErrorKind::Utf32 => text::read_error_utf32(),
            ReadErrorKind::Utf16AsText => text::read_error_utf16_as_text(),
            ReadErrorKind::UnknownFormat => text::read_error_unknown_format(),
            ReadErrorKind::Syntax { format, message } => {
                // Readers bound what they quote; control characters are escaped here.
                let message = crate::text::visible_unbounded(message);
                text::read_error_syntax(format_label(*format), message)
            }
            ReadErrorKind::TooDeep { limit } => text::read_error_too_deep(*limit),
            ReadErrorKind::TooManyPartners => text::read_error_too_many_partners(MAX_PARTNERS),
            ReadErrorKind::Doctype => text::read_error_doctype(),
            ReadErrorKind::XmlRoot { found } => {
                let found = crate::text::visible_within(found, 3 * crate::text::MAX_SHOWN_CHARS);
                text::read_error_xml_root(found, xml::NAMESPACE)
            }
            ReadErrorKind::UnsupportedCommand { command } => {
                text::read_error_unsupported_command(crate::text::visible(command))
            }
            ReadErrorKind::UnsupportedSyntax { construct } => {
                text::read_error_unsupported_syntax(crate::text::visible_unbounded(construct))
            }
        }
        .render(language)
    }
}

fn format_label(format: Format) -> &'static str {
    match format {
        Format::Json => "JSON",
        Format::Xml => "XML",
        Format::PowerShell => "PowerShell",
        Format::FormatList => "Format-List",
    }
}

/// Decodes a file's bytes: UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order
/// mark, which Windows PowerShell 5.1 writes by default for `>` and `Out-File`, or without one
/// (recognised by U+0000 in every other byte of the first characters). UTF-32 is recognised
/// the same way, by its byte-order mark or its zero bytes, and refused with a message that
/// says so.
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(ReadError::new(
            ReadErrorKind::TooLarge { bytes: bytes.len() },
            None,
        ));
    }
    let utf16 = |little: bool, mark: usize| -> Result<String, ReadError> {
        let body = &bytes[mark..];
        if !body.len().is_multiple_of(2) {
            return Err(ReadError::new(ReadErrorKind::Encoding, None));
        }
        let units = body.chunks_exact(2).map(|pair| {
            if little {
                u16::from_le_bytes([pair[0], pair[1]])
            } else {
                u16::from_be_bytes([pair[0], pair[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| ReadError::new(ReadErrorKind::Encoding, None))
    };
    match bytes {
        // UTF-32 before UTF-16: the little-endian marks begin alike.
        [0xFF, 0xFE, 0, 0, ..] | [0, 0, 0xFE, 0xFF, ..] => {
            Err(ReadError::new(ReadErrorKind::Utf32, None))
        }
        // Without a mark, the first character is ASCII (a bracket, `<`, `#` or a letter), so
        // its zero bytes tell the encoding.
        [first, 0, 0, 0, ..] | [0, 0, 0, first, ..] if *first != 0 => {
            Err(ReadError::new(ReadErrorKind::Utf32, None))
        }
        [0xFF, 0xFE, ..] => utf16(true, 2),
        [0xFE, 0xFF, ..] => utf16(false, 2),
        [first, 0, second, 0, ..] if *first != 0 && *second != 0 => utf16(true, 0),
        [0, first, 0, second, ..] if *first != 0 && *second != 0 => utf16(false, 0),
        _ => {
            let body = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
            std::str::from_utf8(body).map(str::to_owned).map_err(|e| {
                let lines = Lines::new_bytes(&body[..e.valid_up_to()]);
                ReadError::new(ReadErrorKind::Encoding, Some(lines.end()))
            })
        }
    }
}

/// Refuses more than [`MAX_PARTNERS`] partners: a list of partners, or the `partners` of a
/// directory. A bound on the whole document, like its size, so the document is unusable.
fn partners_within_bound(node: &Node) -> Result<(), ReadError> {
    let too_many = |node: &Node| match &node.value {
        Value::List(items) if items.len() > MAX_PARTNERS => Some(node.position),
        _ => None,
    };
    let found = match &node.value {
        Value::List(_) => too_many(node),
        Value::Map(entries) => entries
            .iter()
            .filter(|(key, _)| key.name == "partners")
            .find_map(|(_, value)| too_many(value)),
        _ => None,
    };
    match found {
        Some(position) => Err(ReadError::new(ReadErrorKind::TooManyPartners, position)),
        None => Ok(()),
    }
}

/// Refuses text that was decoded in the wrong encoding: UTF-32 or UTF-16 read byte by byte,
/// which leaves U+0000 between the characters. Without this the readers would report a syntax
/// error at the first U+0000, which says nothing about the cause.
fn misdecoded(text: &str) -> Result<(), ReadError> {
    let head: Vec<char> = text.chars().take(4).collect();
    let kind = match head.as_slice() {
        [first, '\0', '\0', '\0'] | ['\0', '\0', '\0', first] if *first != '\0' => {
            ReadErrorKind::Utf32
        }
        // A byte-order mark of UTF-32 that a lenient UTF-8 decoder replaced.
        ['\u{FFFD}', '\u{FFFD}', '\0', '\0'] | ['\0', '\0', '\u{FFFD}', '\u{FFFD}'] => {
            ReadErrorKind::Utf32
        }
        [first, '\0', second, '\0'] | ['\0', first, '\0', second]
            if *first != '\0' && *second != '\0' =>
        {
            ReadErrorKind::Utf16AsText
        }
        _ => return Ok(()),
    };
    Err(ReadError::new(kind, None))
}

/// A document read in any format: its gateway settings and partners, and what reading found.
///
/// ```
/// use xmpp_federation::{Document, Format, MatrixRow};
///
/// let document = Document::parse(
///     r#"{"partners": [{"domain": "gmail.com", "tlsNegotiation": "NotSupported",
///        "saslNegotiation": "NotSupported", "enableKeepAlive": false}]}"#,
///     Format::Json,
/// )?;
/// let report = document.validate();
/// let gmail = &report.partners()[0];
/// assert_eq!(gmail.matrix_row(), Some(MatrixRow::M17));
/// assert!(gmail.commit_allowed());
/// # Ok::<(), xmpp_federation::ReadError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Document {
    format: Format,
    gateway: GatewayConfig,
    entries: Vec<Entry>,
    diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// Reads a document in the given format.
    pub fn parse(text: &str, format: Format) -> Result<Document, ReadError> {
        if text.len() > MAX_DOCUMENT_BYTES {
            return Err(ReadError::new(
                ReadErrorKind::TooLarge { bytes: text.len() },
                None,
            ));
        }
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
        misdecoded(text)?;
        match format {
            Format::Json => json::read(text).and_then(|node| Document::interpret(format, &node)),
            Format::Xml => xml::read(text).and_then(|node| Document::interpret(format, &node)),
            Format::FormatList => {
                let (node, mut diagnostics) = format_list::read(text)?;
                partners_within_bound(&node)?;
                let partners =
                    Interpreter::new(Naming::FormatList, &mut diagnostics).partner_list(&node);
                Ok(Document::from_parts(
                    format,
                    DirectoryDocument {
                        gateway: GatewayConfig::default(),
                        partners,
                    },
                    diagnostics,
                ))
            }
            Format::PowerShell => {
                let (document, diagnostics) = powershell::read(text)?;
                Ok(Document::from_parts(format, document, diagnostics))
            }
        }
    }

    /// Reads a document whose format is detected from its text.
    pub fn parse_detected(text: &str) -> Result<Document, ReadError> {
        misdecoded(text.strip_prefix('\u{FEFF}').unwrap_or(text))?;
        let format = Format::detect(text)
            .ok_or_else(|| ReadError::new(ReadErrorKind::UnknownFormat, None))?;
        Document::parse(text, format)
    }

    /// Reads a document from any self-describing serde value with the JSON shape, such as a
    /// JavaScript object. Nesting is bounded; every field problem is a diagnostic.
    /// More than [`MAX_PARTNERS`] partners are refused like text that cannot be read.
    pub fn from_value<'de, D: Deserializer<'de>>(value: D) -> Result<Document, D::Error> {
        let node: Node = serde::Deserialize::deserialize(value)?;
        Document::interpret(Format::Json, &node)
            .map_err(|error| serde::de::Error::custom(error.message(Language::English)))
    }

    fn interpret(format: Format, node: &Node) -> Result<Document, ReadError> {
        partners_within_bound(node)?;
        let mut diagnostics = Vec::new();
        let document = Interpreter::new(Naming::Json, &mut diagnostics).directory(node);
        Ok(Document::from_parts(format, document, diagnostics))
    }

    fn from_parts(
        format: Format,
        document: DirectoryDocument,
        diagnostics: Vec<Diagnostic>,
    ) -> Document {
        // A partner with an error in its fields (an unknown or repeated field, say) is not read:
        // its settings would not be the ones the document meant.
        // An unknown or repeated field may be one of the negotiation settings, so such an
        // entry has no matrix row either.
        let mut failed = vec![(false, false); document.partners.len()];
        for diagnostic in &diagnostics {
            if diagnostic.severity() == Severity::Error
                && let Some(index) = partner_index(diagnostic.path())
                && let Some((config, row)) = failed.get_mut(index)
            {
                *config = true;
                *row |= matches!(diagnostic.code(), Code::UnknownField | Code::DuplicateField);
            }
        }
        let entries = document
            .partners
            .iter()
            .zip(failed)
            .map(|(p, (failed, unsure_row))| Entry {
                path: p.path.clone(),
                position: p.position,
                domain_text: p.domain_text.clone(),
                config: if failed { None } else { p.config() },
                matrix_row: if unsure_row { None } else { p.matrix_row() },
            })
            .collect();
        Document {
            format,
            gateway: document.gateway,
            entries,
            diagnostics,
        }
    }

    /// The format the document was read from.
    pub fn format(&self) -> Format {
        self.format
    }

    /// What reading found: unknown fields, invalid values, and so on.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Every finding: reading, partners, directory and gateway.
    pub fn validate(&self) -> Report {
        Report::build(
            self.gateway.clone(),
            self.entries.clone(),
            self.diagnostics.clone(),
        )
    }

    /// The partners that were read without errors in their fields, as a directory. A partner
    /// with any error in its fields is left out, even where a default could stand in.
    pub fn directory(&self) -> Directory {
        Directory::from_partners(
            self.gateway.clone(),
            self.entries
                .iter()
                .filter_map(|e| e.config.clone())
                .collect(),
        )
    }

    /// The directory to export, or the errors that refuse the export: a partner with an error
    /// in its fields is left out of [`Document::directory`], so exporting a document with any
    /// error would drop it; and a partner listed twice (`XF302`) cannot be written, since the
    /// second `New-CsXmppAllowedPartner` fails against the first and every reader keeps one.
    /// Every exporter (the npm package, the command-line tool) asks here.
    pub fn directory_for_export(&self) -> Result<Directory, Vec<Diagnostic>> {
        let mut errors: Vec<Diagnostic> = self
            .diagnostics
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .cloned()
            .collect();
        if errors.is_empty() {
            let directory = self.directory();
            if directory.has_repeated_identity() {
                errors.extend(
                    self.validate()
                        .diagnostics()
                        .filter(|d| d.code() == Code::DuplicatePartner)
                        .cloned(),
                );
            }
            if errors.is_empty() {
                return Ok(directory);
            }
        }
        Err(errors)
    }

    /// The number of partner entries, including those whose fields have errors.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the document has no partner entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl Directory {
    /// The directory as JSON, in the shape `schema/directory.schema.json` describes.
    pub fn to_json(&self) -> String {
        json::write(self)
    }

    /// The directory in the partner-directory XML format.
    pub fn to_xml(&self) -> String {
        xml::write(self)
    }

    /// The directory as PowerShell: `Set-CsXmppGatewayConfiguration` for gateway settings that
    /// differ from the defaults, then one `New-CsXmppAllowedPartner` per partner. Every string
    /// is single-quoted and inert, whatever it contains.
    pub fn to_powershell(&self) -> String {
        powershell::write_directory(self)
    }
}

/// Changes as PowerShell: `New-CsXmppAllowedPartner` for new partners,
/// `Set-CsXmppAllowedPartner` with `@{Add=...; Remove=...}` for edits, and
/// `Remove-CsXmppAllowedPartner` for deletions.
pub fn changes_to_powershell(changes: &[Change]) -> String {
    powershell::write_changes(changes)
}
