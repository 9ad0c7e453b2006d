//! The JSON-shaped calls behind the WebAssembly package (`pkg/`), usable from any foreign
//! function interface: every argument is JSON text, and every answer is a tagged union,
//! [`Answer::Success`] or [`Answer::Failure`] with errors that name the field and the fix. No
//! input makes a call panic.
//!
//! ```
//! use xmpp_federation::api::{self, Answer};
//!
//! let answer = api::validate_partner(
//!     Some(r#"{"domain": "gmail.com", "tlsNegotiation": "NotSupported", "saslNegotiation": "Required"}"#),
//!     Some(r#"{"language": "de"}"#),
//! );
//! let Answer::Success(validation) = answer else { panic!("a partner object is read") };
//! assert_eq!(validation.partner.diagnostics[0].code.as_str(), "XF101");
//! assert!(!validation.partner.commit_allowed);
//!
//! let Answer::Failure { errors } = api::simulate(Some("[1, 2]"), None) else { panic!() };
//! assert_eq!(errors[0].code, api::ErrorCode::InvalidValue);
//! ```

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::catalogue::api as catalogue;
use crate::contacts::{ContactRequest, ContactTrace, simulate_contact};
use crate::format::{Document, Format, ReadError};
use crate::gateway::GatewayConfig;
use crate::language::Language;
use crate::limits::MAX_DOCUMENT_BYTES;
use crate::matrix::{MatrixRow, RowSummary};
use crate::partner::PartnerConfig;
use crate::request::RequestError;
use crate::s2s::{LocalizedTrace, Preset, PresetSummary, Scenario, Setting, simulate as play};
use crate::settings::Negotiation;
use crate::validate::{LocalizedPartner, LocalizedReport};

/// The answer of every call: a success with its data, or a failure with the errors.
///
/// In JSON: `{ "type": "success", ...data }` or `{ "type": "failure", "errors": [...] }`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Answer<T> {
    /// The call succeeded.
    Success(T),
    /// The input could not be used.
    Failure {
        /// What is wrong, first things first.
        errors: Vec<ApiError>,
    },
}

impl<T> Answer<T> {
    fn fail(error: ApiError) -> Answer<T> {
        Answer::Failure {
            errors: vec![error],
        }
    }
}

/// Why an input could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ApiError {
    /// The kind of problem.
    pub code: ErrorCode,
    /// What is wrong, in the language asked for.
    pub message: String,
    /// The field, as a path such as `partner.certificate`, when one is at fault.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Where in the text, from 1, when the input was text with a place to point at.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Where in the text, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

/// The kinds of problem an input can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum ErrorCode {
    /// A required argument is missing (`undefined`).
    MissingArgument,
    /// A value that is not JSON data: a cyclic or too deeply nested object, a function, a
    /// `BigInt`, or a getter that throws. The WebAssembly layer reports these.
    NotJson,
    /// Larger than the call reads.
    TooLarge,
    /// Text that is not valid JSON.
    InvalidJson,
    /// JSON, but a field is missing, unknown, or has a value it cannot take.
    InvalidValue,
    /// A partner document that cannot be read at all.
    Unreadable,
    /// A partner document whose format cannot be recognised.
    UnknownFormat,
    /// An export that would drop partners whose fields have errors.
    NotExported,
    /// The answer could not be handed over; a bug to report.
    Internal,
}

impl ApiError {
    /// An error without a field or position.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message: message.into(),
            field: None,
            line: None,
            column: None,
        }
    }

    fn missing(name: &str, language: Language) -> ApiError {
        ApiError {
            field: Some(name.to_owned()),
            ..ApiError::new(
                ErrorCode::MissingArgument,
                catalogue::api_missing_argument(name.to_owned()).render(language),
            )
        }
    }

    fn request(error: &RequestError, argument: &str, language: Language) -> ApiError {
        let (line, column) = error.position().unzip();
        let (code, field) = match error {
            RequestError::TooLarge { .. } => (ErrorCode::TooLarge, None),
            RequestError::Syntax { .. } => (ErrorCode::InvalidJson, None),
            RequestError::Invalid { field, .. } => (
                ErrorCode::InvalidValue,
                Some(if field.is_empty() {
                    argument.to_owned()
                } else {
                    format!("{argument}.{field}")
                }),
            ),
        };
        ApiError {
            code,
            message: error.message(language),
            field,
            line,
            column,
        }
    }

    fn read(error: &ReadError, language: Language) -> ApiError {
        use crate::format::ReadErrorKind;
        let code = match error.kind() {
            ReadErrorKind::TooLarge { .. } | ReadErrorKind::TooManyPartners => ErrorCode::TooLarge,
            ReadErrorKind::UnknownFormat => ErrorCode::UnknownFormat,
            _ => ErrorCode::Unreadable,
        };
        let position = error.position();
        ApiError {
            code,
            message: error.message(language),
            field: None,
            line: position.map(|p| p.line as usize),
            column: position.map(|p| p.column as usize),
        }
    }
}

/// Options every call takes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct Options {
    /// The language of messages, help texts and trace texts: `en` (default) or `de`.
    #[serde(default)]
    pub language: Language,
}

/// The format of a partner document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum DocumentFormat {
    /// JSON (`schema/directory.schema.json`).
    Json,
    /// The partner-directory XML format.
    Xml,
    /// A PowerShell script of `New-`/`Set-CsXmppAllowedPartner` commands.
    PowerShell,
    /// The pasted output of `Get-CsXmppAllowedPartner | Format-List`.
    FormatList,
}

impl DocumentFormat {
    fn from_format(format: Format) -> DocumentFormat {
        match format {
            Format::Json => DocumentFormat::Json,
            Format::Xml => DocumentFormat::Xml,
            Format::PowerShell => DocumentFormat::PowerShell,
            Format::FormatList => DocumentFormat::FormatList,
        }
    }

    fn format(self) -> Format {
        match self {
            DocumentFormat::Json => Format::Json,
            DocumentFormat::Xml => Format::Xml,
            DocumentFormat::PowerShell => Format::PowerShell,
            DocumentFormat::FormatList => Format::FormatList,
        }
    }
}

/// Options of [`import_document`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct ImportOptions {
    /// The language of messages.
    #[serde(default)]
    pub language: Language,
    /// The document's format; detected from the text when left out.
    #[serde(default)]
    pub format: Option<DocumentFormat>,
}

/// The formats a directory can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    /// JSON.
    Json,
    /// XML.
    Xml,
    /// PowerShell: `New-CsXmppAllowedPartner` commands, printable ASCII with inert strings.
    PowerShell,
}

/// Options of [`export_directory`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct ExportOptions {
    /// The format to write.
    pub format: ExportFormat,
    /// The language of messages.
    #[serde(default)]
    pub language: Language,
}

/// The formats a trace can be rendered in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum TraceFormat {
    /// A ladder of steps, as the CLI prints it.
    #[default]
    Text,
    /// A Mermaid `sequenceDiagram`.
    Mermaid,
}

/// Options of [`render_trace`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct RenderOptions {
    /// The format.
    #[serde(default)]
    pub format: TraceFormat,
    /// The language.
    #[serde(default)]
    pub language: Language,
}

/// The negotiation settings of a partner, for [`matrix_row`]. Fields left out take the cmdlet
/// defaults; other fields (a whole partner entry) are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NegotiationSettings {
    /// `TlsNegotiation` (default `Required`).
    #[serde(default = "default_tls")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub tls_negotiation: Negotiation,
    /// `SaslNegotiation` (default `Required`).
    #[serde(default = "default_sasl")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub sasl_negotiation: Negotiation,
    /// `SupportDialbackNegotiation` (default true).
    #[serde(default = "default_dialback")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub support_dialback_negotiation: bool,
}

fn default_tls() -> Negotiation {
    PartnerConfig::DEFAULT_TLS
}

fn default_sasl() -> Negotiation {
    PartnerConfig::DEFAULT_SASL
}

fn default_dialback() -> bool {
    PartnerConfig::DEFAULT_DIALBACK
}

/// A partner directory: the gateway settings and the partners.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct DirectoryData {
    /// The gateway settings; the defaults when left out.
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub gateway: GatewayConfig,
    /// The partners.
    pub partners: Vec<PartnerConfig>,
}

/// What [`validate_partner`] returns.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct PartnerValidation {
    /// The partner's matrix row, methods, commit verdict and findings; paths are relative to
    /// the partner (`saslNegotiation`).
    pub partner: LocalizedPartner,
}

/// What [`validate_directory`] returns.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct DirectoryValidation {
    /// Every partner and every finding.
    pub report: LocalizedReport,
}

/// What [`matrix`] returns.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Matrix {
    /// The 18 rows, M1 to M18.
    pub rows: Vec<RowSummary>,
}

/// What [`matrix_row`] returns.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct MatrixRowAnswer {
    /// The row of the settings.
    pub row: RowSummary,
}

/// What [`simulate`] returns.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Simulation {
    /// Every step and the outcome.
    pub trace: LocalizedTrace,
}

/// What [`render_trace`] and [`export_directory`] return.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Rendered {
    /// The text.
    pub text: String,
}

/// What [`apply_setting`] returns.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct ScenarioAnswer {
    /// The scenario with the setting changed.
    pub scenario: Scenario,
}

/// What [`simulate_contact`](self::simulate_contact_request) returns.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct ContactSimulation {
    /// The stanzas and the outcome.
    pub trace: ContactTrace,
}

/// What [`presets`] returns.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Presets {
    /// Every preset, with its policy and the server options it stands for.
    pub presets: Vec<PresetSummary>,
}

/// What [`import_document`] returns.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Imported {
    /// The format the document was read as.
    pub format: DocumentFormat,
    /// The partners read without errors in their fields, and the gateway settings.
    pub directory: DirectoryData,
    /// Every finding, including those of reading.
    pub report: LocalizedReport,
}

/// Reads the options argument: absent means the defaults.
fn options<T: DeserializeOwned + Default>(text: Option<&str>) -> Result<T, ApiError> {
    match text {
        None => Ok(T::default()),
        Some(text) => crate::request::from_json(text)
            .map_err(|e| ApiError::request(&e, "options", Language::English)),
    }
}

/// Reads a required argument.
fn argument<T: DeserializeOwned>(
    text: Option<&str>,
    name: &str,
    language: Language,
) -> Result<T, ApiError> {
    let text = text.ok_or_else(|| ApiError::missing(name, language))?;
    crate::request::from_json(text).map_err(|e| ApiError::request(&e, name, language))
}

macro_rules! attempt {
    ($result:expr) => {
        match $result {
            Ok(value) => value,
            Err(error) => return Answer::fail(error),
        }
    };
}

/// Reads a directory argument: JSON text in the shape `schema/directory.schema.json`
/// describes.
fn directory_document(text: Option<&str>, language: Language) -> Result<Document, ApiError> {
    let text = text.ok_or_else(|| ApiError::missing("directory", language))?;
    if text.len() > MAX_DOCUMENT_BYTES {
        return Err(ApiError::new(
            ErrorCode::TooLarge,
            catalogue::api_directory_too_large(text.len(), MAX_DOCUMENT_BYTES).render(language),
        ));
    }
    Document::parse(text, Format::Json).map_err(|e| ApiError::read(&e, language))
}

/// Validates one partner entry, as the Control Panel would on Commit, with the default gateway
/// settings.
pub fn validate_partner(
    partner: Option<&str>,
    options_text: Option<&str>,
) -> Answer<PartnerValidation> {
    let Options { language } = attempt!(options(options_text));
    let value: serde_json::Value = attempt!(argument(partner, "partner", language));
    if !value.is_object() {
        return Answer::fail(ApiError {
            field: Some("partner".to_owned()),
            ..ApiError::new(
                ErrorCode::InvalidValue,
                catalogue::api_partner_not_object().render(language),
            )
        });
    }
    let wrapped = serde_json::json!({ "partners": [value] });
    let document = attempt!(Document::from_value(wrapped).map_err(|e| ApiError {
        field: Some("partner".to_owned()),
        ..ApiError::new(ErrorCode::InvalidValue, e.to_string())
    }));
    let report = document.validate().localize(language);
    let Some(mut partner) = report.partners.into_iter().next() else {
        return Answer::fail(ApiError::new(ErrorCode::Internal, "no partner was read"));
    };
    // Paths relative to the partner: `saslNegotiation`, not `partners[0].saslNegotiation`.
    let relative = |path: &str| {
        path.strip_prefix("partners[0]")
            .map(|rest| rest.trim_start_matches('.').to_owned())
            .unwrap_or_else(|| path.to_owned())
    };
    partner.path = String::new();
    for diagnostic in &mut partner.diagnostics {
        diagnostic.path = relative(&diagnostic.path);
        for related in &mut diagnostic.related {
            *related = relative(related);
        }
    }
    Answer::Success(PartnerValidation { partner })
}

/// Validates a directory: every partner, and the partners against each other and the gateway.
pub fn validate_directory(
    directory: Option<&str>,
    options_text: Option<&str>,
) -> Answer<DirectoryValidation> {
    let Options { language } = attempt!(options(options_text));
    let document = attempt!(directory_document(directory, language));
    Answer::Success(DirectoryValidation {
        report: document.validate().localize(language),
    })
}

/// The 18 rows of the negotiation matrix.
pub fn matrix(options_text: Option<&str>) -> Answer<Matrix> {
    let Options { language } = attempt!(options(options_text));
    Answer::Success(Matrix {
        rows: MatrixRow::ALL.iter().map(|r| r.summary(language)).collect(),
    })
}

/// The matrix row of a partner's negotiation settings, with its expected methods.
pub fn matrix_row(settings: Option<&str>, options_text: Option<&str>) -> Answer<MatrixRowAnswer> {
    let Options { language } = attempt!(options(options_text));
    let settings: NegotiationSettings = attempt!(argument(settings, "settings", language));
    let row = MatrixRow::classify(
        settings.tls_negotiation,
        settings.sasl_negotiation,
        settings.support_dialback_negotiation,
    );
    Answer::Success(MatrixRowAnswer {
        row: row.summary(language),
    })
}

/// Plays a scenario out: every step with its XML, and the outcome.
pub fn simulate(scenario: Option<&str>, options_text: Option<&str>) -> Answer<Simulation> {
    let Options { language } = attempt!(options(options_text));
    let scenario: Scenario = attempt!(argument(scenario, "scenario", language));
    Answer::Success(Simulation {
        trace: play(&scenario).localize(language),
    })
}

/// Plays a scenario out and renders the trace as text or as a Mermaid diagram.
pub fn render_trace(scenario: Option<&str>, options_text: Option<&str>) -> Answer<Rendered> {
    let RenderOptions { format, language } = attempt!(options(options_text));
    let scenario: Scenario = attempt!(argument(scenario, "scenario", language));
    let trace = play(&scenario);
    Answer::Success(Rendered {
        text: match format {
            TraceFormat::Text => trace.to_text(language),
            TraceFormat::Mermaid => trace.to_mermaid(language),
        },
    })
}

/// Changes one setting of a scenario, as a failure's fix proposes it.
pub fn apply_setting(
    scenario: Option<&str>,
    setting: Option<&str>,
    options_text: Option<&str>,
) -> Answer<ScenarioAnswer> {
    let Options { language } = attempt!(options(options_text));
    let scenario: Scenario = attempt!(argument(scenario, "scenario", language));
    let setting: Setting = attempt!(argument(setting, "setting", language));
    match scenario.apply(&setting) {
        Ok(scenario) => Answer::Success(ScenarioAnswer { scenario }),
        Err(error) => Answer::fail(ApiError {
            field: Some("setting".to_owned()),
            ..ApiError::new(ErrorCode::InvalidValue, error.to_string())
        }),
    }
}

/// Plays a contact request out by partner type.
pub fn simulate_contact_request(
    request: Option<&str>,
    options_text: Option<&str>,
) -> Answer<ContactSimulation> {
    let Options { language } = attempt!(options(options_text));
    let request: ContactRequest = attempt!(argument(request, "request", language));
    Answer::Success(ContactSimulation {
        trace: simulate_contact(&request, language),
    })
}

/// The partner server presets.
pub fn presets(options_text: Option<&str>) -> Answer<Presets> {
    let Options { language } = attempt!(options(options_text));
    Answer::Success(Presets {
        presets: Preset::ALL.iter().map(|p| p.summary_in(language)).collect(),
    })
}

/// Reads a partner document (JSON, XML, PowerShell or `Format-List` text; the format is
/// detected unless given) and validates it.
pub fn import_document(text: Option<&str>, options_text: Option<&str>) -> Answer<Imported> {
    let ImportOptions { language, format } = attempt!(options(options_text));
    let text = attempt!(text.ok_or_else(|| ApiError::missing("text", language)));
    let read = match format {
        Some(format) => Document::parse(text, format.format()),
        None => Document::parse_detected(text),
    };
    let document = attempt!(read.map_err(|e| ApiError::read(&e, language)));
    let directory = document.directory();
    Answer::Success(Imported {
        format: DocumentFormat::from_format(document.format()),
        directory: DirectoryData {
            gateway: directory.gateway().clone(),
            partners: directory.partners().to_vec(),
        },
        report: document.validate().localize(language),
    })
}

/// Writes a directory as JSON, XML or PowerShell. Refuses while any partner has errors in its
/// fields, rather than drop it.
pub fn export_directory(directory: Option<&str>, options_text: Option<&str>) -> Answer<Rendered> {
    let options: ExportOptions = match options_text {
        Some(text) => attempt!(
            crate::request::from_json(text).map_err(|e| ApiError::request(
                &e,
                "options",
                Language::English
            ))
        ),
        None => {
            return Answer::fail(ApiError::missing("options", Language::English));
        }
    };
    let language = options.language;
    let document = attempt!(directory_document(directory, language));
    let directory = match document.directory_for_export() {
        Ok(directory) => directory,
        Err(unread) => {
            return Answer::Failure {
                errors: unread
                    .into_iter()
                    .map(|d| d.localize(language))
                    .map(|d| ApiError {
                        field: Some(d.path),
                        ..ApiError::new(
                            ErrorCode::NotExported,
                            format!("{} [{}]; {}", d.message, d.code, d.help),
                        )
                    })
                    .collect(),
            };
        }
    };
    Answer::Success(Rendered {
        text: match options.format {
            ExportFormat::Json => directory.to_json(),
            ExportFormat::Xml => directory.to_xml(),
            ExportFormat::PowerShell => directory.to_powershell(),
        },
    })
}

/// The version of the engine, which answers carry into reports.
pub fn engine_version() -> &'static str {
    crate::ENGINE_VERSION
}
