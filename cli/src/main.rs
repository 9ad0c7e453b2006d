//! The `xmpp-federation` command-line tool.

mod catalogue;
mod probe;
mod render;

use std::fs;
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use serde_json::json;
use xmpp_federation::s2s::{Preset, Scenario};
use xmpp_federation::{
    ContactRequest, Directory, Document, ENGINE_VERSION, Format, Language, ReadError, Report,
    RequestError, changes_to_powershell, decode, simulate_contact,
};

/// Exit status: no errors found.
pub(crate) const CLEAN: u8 = 0;
/// Exit status: the input has errors.
pub(crate) const ERRORS: u8 = 1;
/// Exit status: the input could not be used at all.
pub(crate) const UNUSABLE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "xmpp-federation",
    version,
    about = "Check Lync / Skype for Business XMPP federated partner configurations",
    after_help = "Exit status: 0 when no errors are found (simulate: the stream is established; \
                  contact: the request is approved), 1 when the input has errors (the \
                  negotiation fails; the request is not approved), 2 when the input cannot be \
                  read."
)]
struct Cli {
    /// Language of messages and help texts [default: from LANG, else en]
    #[arg(long, global = true, value_parser = ["en", "de"])]
    lang: Option<String>,
    /// When to colour text output
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    color: Color,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate partner lists: JSON, XML, PowerShell scripts or Format-List text
    Validate {
        /// Files to read (`-` for standard input); the format is detected
        #[arg(required = true)]
        files: Vec<String>,
        /// Output format
        #[arg(long, value_enum, default_value_t = Output::Text)]
        format: Output,
        /// Read every file as this format instead of detecting it
        #[arg(long, value_enum)]
        input: Option<InputFormat>,
    },
    /// Print the 18-row negotiation matrix
    Matrix {
        /// Output format
        #[arg(long, value_enum, default_value_t = Output::Text)]
        format: Output,
    },
    /// Play a server-to-server negotiation out step by step, with the XML of every step
    Simulate {
        /// The scenario file (`-` for standard input): our side, the partner's server, the
        /// direction and the environment; see examples/scenarios
        file: String,
        /// Output format: a ladder of steps, JSON, or a Mermaid sequence diagram
        #[arg(long, value_enum, default_value_t = TraceOutput::Text)]
        format: TraceOutput,
    },
    /// Play a contact request between a Lync user and an XMPP user out, by partner type
    Contact {
        /// The request file (`-` for standard input); see examples/contacts
        file: String,
        /// Output format
        #[arg(long, value_enum, default_value_t = Output::Text)]
        format: Output,
    },
    /// Run the negotiation against a real server over DNS, TCP and TLS, and compare it with the
    /// simulator's prediction
    Probe(Box<probe::ProbeArgs>),
    /// List the partner server presets that scenarios can name, with the options they stand for
    Presets {
        /// Output format
        #[arg(long, value_enum, default_value_t = Output::Text)]
        format: Output,
    },
    /// Convert a partner list to another format
    Export {
        /// The file to read (`-` for standard input)
        file: String,
        /// The format to write
        #[arg(long, value_enum)]
        to: ExportFormat,
        /// Write the changes from this earlier list instead (PowerShell only): New-, Set- and
        /// Remove-CsXmppAllowedPartner commands
        #[arg(long, value_name = "FILE")]
        since: Option<String>,
        /// Read the input as this format instead of detecting it
        #[arg(long, value_enum)]
        input: Option<InputFormat>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Output {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum TraceOutput {
    Text,
    Json,
    Mermaid,
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum InputFormat {
    Json,
    Xml,
    Powershell,
    FormatList,
}

impl From<InputFormat> for Format {
    fn from(value: InputFormat) -> Format {
        match value {
            InputFormat::Json => Format::Json,
            InputFormat::Xml => Format::Xml,
            InputFormat::Powershell => Format::PowerShell,
            InputFormat::FormatList => Format::FormatList,
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum ExportFormat {
    Powershell,
    Xml,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let language = match cli.lang {
        Some(tag) => tag.parse().unwrap_or_default(),
        None => environment_language(),
    };
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let style = render::Style { color, language };
    let code = match cli.command {
        Command::Validate {
            files,
            format,
            input,
        } => validate(&files, format, input.map(Format::from), style),
        Command::Matrix { format } => matrix(format, style),
        Command::Simulate { file, format } => simulate(&file, format, style),
        Command::Contact { file, format } => contact(&file, format, style),
        Command::Presets { format } => presets(format, style),
        Command::Probe(args) => probe::run(*args, style),
        Command::Export {
            file,
            to,
            since,
            input,
        } => export(&file, to, since.as_deref(), input.map(Format::from), style),
    };
    ExitCode::from(code)
}

/// The language of the environment, as POSIX orders the variables: `LC_ALL`, then
/// `LC_MESSAGES`, then `LANG`. English when none names a supported language.
fn environment_language() -> Language {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .and_then(|value| value.parse().ok())
        .unwrap_or_default()
}

/// Reads a whole file, or standard input for `-`, up to `limit` bytes and one more, so that a
/// larger input is seen to be larger.
fn read_bounded(file: &str, limit: usize) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let limit = u64::try_from(limit + 1).unwrap_or(u64::MAX);
    if file == "-" {
        io::stdin().take(limit).read_to_end(&mut bytes)?;
    } else {
        fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes))?;
    }
    Ok(bytes)
}

/// Reads a JSON request file (a scenario, a contact request), or says why it cannot.
pub(crate) fn read_request<T>(
    file: &str,
    parse: impl FnOnce(&str) -> Result<T, RequestError>,
    style: render::Style,
) -> Result<T, u8> {
    let fail = |location: String, message: String| {
        eprintln!(
            "{}",
            render::error_line(&format!("{location}: {message}"), style)
        );
        UNUSABLE
    };
    let bytes = read_bounded(file, xmpp_federation::limits::MAX_REQUEST_BYTES)
        .map_err(|e| fail(file.to_owned(), e.to_string()))?;
    let text = decode(&bytes).map_err(|e| fail(file.to_owned(), e.message(style.language)))?;
    parse(&text).map_err(|e| {
        let location = match e.position() {
            Some((line, column)) => format!("{file}:{line}:{column}"),
            None => file.to_owned(),
        };
        fail(location, e.message(style.language))
    })
}

/// Plays a scenario out. Exit status 0 when the stream is established, 1 when the negotiation
/// fails.
fn simulate(file: &str, output: TraceOutput, style: render::Style) -> u8 {
    let scenario = match read_request(file, Scenario::from_json, style) {
        Ok(scenario) => scenario,
        Err(code) => return code,
    };
    let trace = xmpp_federation::s2s::simulate(&scenario);
    let text = match output {
        TraceOutput::Text => trace.to_text(style.language),
        TraceOutput::Mermaid => trace.to_mermaid(style.language),
        TraceOutput::Json => {
            let document = json!({
                "engineVersion": ENGINE_VERSION,
                "scenario": scenario,
                "trace": trace.localize(style.language),
            });
            serde_json::to_string_pretty(&document).unwrap_or_default() + "\n"
        }
    };
    let _ = io::stdout().write_all(text.as_bytes());
    if trace.outcome().established {
        CLEAN
    } else {
        ERRORS
    }
}

/// Plays a contact request out. Exit status 0 when it is approved, 1 when it is not.
fn contact(file: &str, output: Output, style: render::Style) -> u8 {
    let request = match read_request(file, ContactRequest::from_json, style) {
        Ok(request) => request,
        Err(code) => return code,
    };
    let trace = simulate_contact(&request, style.language);
    let text = match output {
        Output::Text => trace.to_text(style.language),
        Output::Json => {
            let document = json!({
                "engineVersion": ENGINE_VERSION,
                "request": request,
                "trace": trace,
            });
            serde_json::to_string_pretty(&document).unwrap_or_default() + "\n"
        }
    };
    let _ = io::stdout().write_all(text.as_bytes());
    if trace.outcome.approved {
        CLEAN
    } else {
        ERRORS
    }
}

fn presets(output: Output, style: render::Style) -> u8 {
    let text = match output {
        Output::Text => render::presets(style),
        Output::Json => {
            let presets: Vec<_> = Preset::ALL
                .iter()
                .map(|p| p.summary_in(style.language))
                .collect();
            serde_json::to_string_pretty(&presets).unwrap_or_default() + "\n"
        }
    };
    let _ = io::stdout().write_all(text.as_bytes());
    CLEAN
}

/// A file that could not be read, with where and why.
pub(crate) struct Failure {
    file: String,
    message: String,
}

pub(crate) fn read_document(
    file: &str,
    input: Option<Format>,
) -> Result<Document, (Failure, Option<ReadError>)> {
    let fail = |message: String| {
        (
            Failure {
                file: file.to_owned(),
                message,
            },
            None,
        )
    };
    let bytes = read_bounded(file, xmpp_federation::limits::MAX_DOCUMENT_BYTES)
        .map_err(|e| fail(e.to_string()))?;
    let located = |error: ReadError| {
        (
            Failure {
                file: file.to_owned(),
                message: String::new(),
            },
            Some(error),
        )
    };
    let text = decode(&bytes).map_err(located)?;
    let format = input
        .or_else(|| {
            Path::new(file)
                .extension()
                .and_then(|e| e.to_str())
                .and_then(Format::from_extension)
        })
        .or_else(|| Format::detect(&text));
    match format {
        Some(format) => Document::parse(&text, format).map_err(located),
        None => Document::parse_detected(&text).map_err(located),
    }
}

pub(crate) fn failure_text(
    failure: &Failure,
    error: Option<&ReadError>,
    language: Language,
) -> String {
    match error {
        Some(error) => match error.position() {
            Some(p) => format!(
                "{}:{}:{}: {}",
                failure.file,
                p.line,
                p.column,
                error.message(language)
            ),
            None => format!("{}: {}", failure.file, error.message(language)),
        },
        None => format!("{}: {}", failure.file, failure.message),
    }
}

fn validate(files: &[String], output: Output, input: Option<Format>, style: render::Style) -> u8 {
    let mut code = CLEAN;
    let mut results = Vec::new();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for file in files {
        match read_document(file, input) {
            Ok(document) => {
                let report = document.validate();
                if report.has_errors() {
                    code = code.max(ERRORS);
                }
                match output {
                    Output::Text => {
                        let _ = out.write_all(
                            render::report(file, document.format(), &report, style).as_bytes(),
                        );
                    }
                    Output::Json => results.push(json!({
                        "file": file,
                        "format": document.format().name(),
                        "report": report.localize(style.language),
                    })),
                }
            }
            Err((failure, error)) => {
                code = UNUSABLE;
                let message = failure_text(&failure, error.as_ref(), style.language);
                match output {
                    Output::Text => eprintln!("{}", render::error_line(&message, style)),
                    Output::Json => results.push(json!({
                        "file": file,
                        "error": {
                            "message": error.as_ref().map_or(failure.message.clone(), |e| e.message(style.language)),
                            "position": error.as_ref().and_then(ReadError::position),
                        },
                    })),
                }
            }
        }
    }
    if let Output::Json = output {
        let document = json!({ "engineVersion": ENGINE_VERSION, "files": results });
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&document).unwrap_or_default()
        );
    }
    code
}

fn matrix(output: Output, style: render::Style) -> u8 {
    let text = match output {
        Output::Text => render::matrix(style),
        Output::Json => {
            let rows: Vec<_> = xmpp_federation::MatrixRow::ALL
                .iter()
                .map(|row| row.summary(style.language))
                .collect();
            serde_json::to_string_pretty(&rows).unwrap_or_default() + "\n"
        }
    };
    let _ = io::stdout().write_all(text.as_bytes());
    CLEAN
}

/// Reads a file for export: every partner must have been read without errors, or the export
/// would drop it.
fn load_for_export(
    file: &str,
    input: Option<Format>,
    style: render::Style,
) -> Result<Directory, u8> {
    let document = read_document(file, input).map_err(|(failure, error)| {
        eprintln!(
            "{}",
            render::error_line(
                &failure_text(&failure, error.as_ref(), style.language),
                style
            )
        );
        UNUSABLE
    })?;
    let unread = match document.directory_for_export() {
        Ok(directory) => return Ok(directory),
        Err(unread) => unread.len(),
    };
    let report: Report = document.validate();
    eprint!(
        "{}",
        render::report(file, document.format(), &report, style)
    );
    eprintln!(
        "{}",
        render::error_line(
            &catalogue::main::cli_export_not_exported(file.to_owned(), unread)
                .render(style.language),
            style
        )
    );
    Err(ERRORS)
}

fn export(
    file: &str,
    to: ExportFormat,
    since: Option<&str>,
    input: Option<Format>,
    style: render::Style,
) -> u8 {
    let directory = match load_for_export(file, input, style) {
        Ok(directory) => directory,
        Err(code) => return code,
    };
    let text = match (to, since) {
        (ExportFormat::Powershell, Some(base)) => {
            let before = match load_for_export(base, input, style) {
                Ok(before) => before,
                Err(code) => return code,
            };
            changes_to_powershell(&before.changes_to(&directory))
        }
        (_, Some(_)) => {
            eprintln!(
                "{}",
                render::error_line(
                    &catalogue::main::cli_export_since_needs_powershell().text(style.language),
                    style
                )
            );
            return UNUSABLE;
        }
        (ExportFormat::Powershell, None) => directory.to_powershell(),
        (ExportFormat::Xml, None) => directory.to_xml(),
        (ExportFormat::Json, None) => directory.to_json(),
    };
    let _ = io::stdout().write_all(text.as_bytes());
    CLEAN
}
