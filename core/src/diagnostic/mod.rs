//! Findings about a configuration: a stable code, a severity, where it applies, and a message
//! and a help text in English and German.

mod text;

use std::fmt;

use serde::{Serialize, Serializer};

use crate::domain::{Domain, DomainError};
use crate::language::Language;
use crate::matrix::MatrixRow;
use crate::settings::{Negotiation, PartnerType};
use crate::text::visible;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The configuration cannot be committed, or can never work.
    Error,
    /// The configuration can be committed, but some negotiations may fail, or all of them with
    /// a service that no longer federates.
    Warning,
    /// Worth knowing; nothing to fix.
    Info,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The word in either language.
    pub fn label(self, language: Language) -> String {
        text::severity(self).render(language)
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $code:literal, $name:literal, $severity:ident;)*) => {
        /// The stable code of a diagnostic. Codes never change meaning; `docs/diagnostics.md`
        /// documents each one with an example.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[$doc])* $variant,)*
        }

        impl Code {
            /// Every code, in numeric order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The code: `XF101`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code),* }
            }

            /// The code's readable name: `sasl-requires-tls`.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name),* }
            }

            /// The severity every diagnostic with this code has.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity),* }
            }
        }
    };
}

codes! {
    /// A field that the format does not have.
    UnknownField = "XF001", "unknown-field", Error;
    /// A value outside the field's allowed values.
    InvalidValue = "XF002", "invalid-value", Error;
    /// A value of the wrong kind, such as text where a number belongs.
    WrongType = "XF003", "wrong-type", Error;
    /// A required field is missing.
    MissingField = "XF004", "missing-field", Error;
    /// A field given twice in one entry.
    DuplicateField = "XF005", "duplicate-field", Error;
    /// A domain that does not parse.
    InvalidDomain = "XF006", "invalid-domain", Error;
    /// A value beyond the bounds the reader accepts.
    LimitExceeded = "XF007", "limit-exceeded", Error;
    /// A list that `Format-List` cut short with `...`.
    TruncatedList = "XF008", "truncated-list", Error;
    /// A `Format-List` property that is not part of a partner configuration.
    IgnoredProperty = "XF009", "ignored-property", Info;
    /// A PowerShell command that changes nothing (`-WhatIf`, `-InMemory`).
    CommandNotApplied = "XF010", "command-not-applied", Info;
    /// A control character in a text field, which no export format can carry.
    ControlCharacter = "XF011", "control-character", Error;
    /// A PowerShell argument that binds to no parameter, so the command fails.
    ParameterBinding = "XF012", "parameter-binding", Error;
    /// SASL on while TLS is `NotSupported`: the Control Panel refuses to save it.
    SaslRequiresTls = "XF101", "sasl-requires-tls", Error;
    /// A "Not Valid Configuration" row: no authentication method is left.
    NoAuthenticationMethod = "XF102", "no-authentication-method", Error;
    /// M5 and M11: refused at commit, yet the matrix still lists TCP dialback.
    MatrixTcpDialbackOnly = "XF103", "matrix-tcp-dialback-only", Info;
    /// M1: dialback is on but does not operate.
    DialbackInoperative = "XF104", "dialback-inoperative", Warning;
    /// SASL on while TLS is only `Optional`.
    SaslWithOptionalTls = "XF105", "sasl-with-optional-tls", Warning;
    /// M7: the common-configurations table (C2) lists one method more than the matrix.
    CommonTableDiffers = "XF106", "common-table-differs", Info;
    /// An additional domain that repeats the primary domain or another additional domain.
    DuplicateAdditionalDomain = "XF201", "duplicate-additional-domain", Warning;
    /// An additional domain that is not below the primary domain.
    AdditionalDomainOutsidePrimary = "XF202", "additional-domain-outside-primary", Info;
    /// A partner connection limit above the gateway's per-partner limit.
    ConnectionLimitAboveGateway = "XF203", "connection-limit-above-gateway", Warning;
    /// A partner connection limit of zero.
    ConnectionLimitZero = "XF204", "connection-limit-zero", Warning;
    /// A description longer than 1024 characters.
    DescriptionTooLong = "XF205", "description-too-long", Error;
    /// A proxy FQDN with a single label.
    ProxyNotFullyQualified = "XF206", "proxy-not-fully-qualified", Error;
    /// A partner domain with a single label.
    SingleLabelDomain = "XF207", "single-label-domain", Warning;
    /// A known public service with negotiation settings it cannot use.
    PublicServiceNegotiation = "XF208", "public-service-negotiation", Warning;
    /// A known public service with keep-alive on.
    PublicServiceKeepAlive = "XF209", "public-service-keep-alive", Warning;
    /// A known public service with a trusting partner type.
    PublicServicePartnerType = "XF210", "public-service-partner-type", Warning;
    /// A domain label that mixes scripts, such as Latin and Cyrillic.
    MixedScriptDomain = "XF211", "mixed-script-domain", Warning;
    /// A Google Talk domain: Google ended XMPP federation on 26 June 2017, so it never connects.
    /// A warning, not an error: the Control Panel still commits it.
    GoogleFederationEnded = "XF212", "google-federation-ended", Warning;
    /// A domain claimed by two partners.
    DomainClaimedTwice = "XF301", "domain-claimed-twice", Error;
    /// Two partners with the same primary domain.
    DuplicatePartner = "XF302", "duplicate-partner", Error;
    /// Partner connection limits that add up to more than the gateway's total.
    ConnectionLimitsExceedGateway = "XF303", "connection-limits-exceed-gateway", Warning;
    /// A domain that looks like another partner's domain.
    ConfusableDomain = "XF304", "confusable-domain", Warning;
    /// A per-partner limit above the gateway's total limit.
    PartnerLimitAboveTotal = "XF401", "partner-limit-above-total", Warning;
    /// Logging of all message bodies is on.
    MessageBodyLogging = "XF402", "message-body-logging", Info;
    /// A gateway timeout or interval of zero.
    ZeroInterval = "XF403", "zero-interval", Warning;
    /// An edit or removal of a partner that does not exist.
    UnknownPartner = "XF501", "unknown-partner", Error;
    /// A new partner whose primary domain is already a partner.
    PartnerExists = "XF502", "partner-exists", Error;
}

impl Code {
    /// One sentence on what the code means, for the documentation.
    pub fn summary(self, language: Language) -> String {
        text::summary(self).render(language)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A line and column in the source text, both counted from 1. Columns count characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub struct Position {
    /// The line, from 1.
    pub line: u32,
    /// The column, from 1.
    pub column: u32,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// What a limit counts (for [`Code::LimitExceeded`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Entries,
    Characters,
}

/// What a field held instead (for [`Code::WrongType`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Text(String),
    List,
    Object,
}

/// What kind of value a field expects (for [`Code::WrongType`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expected {
    Text,
    Bool,
    WholeNumber,
    List,
    Object,
}

/// Why a PowerShell argument does not bind (for [`Code::ParameterBinding`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BindingProblem {
    /// No parameter has this name; the closest one, if any.
    Unknown(Option<&'static str>),
    /// The name is a prefix of several parameters.
    Ambiguous(Vec<&'static str>),
    /// A value with no parameter to take it.
    Unexpected,
    /// A parameter without its value.
    MissingValue,
    /// Two parameters that cannot be used together.
    Conflict(&'static str),
    /// A boolean parameter given text, which PowerShell does not convert.
    NotBoolean,
    /// The same parameter given twice.
    Repeated,
    /// A parameter that passes an object rather than values (`-Instance`).
    NotSupported,
}

/// One finding.
///
/// Its text exists in every [`Language`]: [`Diagnostic::message`] says what is wrong, with user
/// input in backticks, and [`Diagnostic::help`] says the exact fix.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    detail: Detail,
    path: String,
    position: Option<Position>,
    matrix_row: Option<MatrixRow>,
    related: Vec<String>,
}

/// The kind of a finding with the data its texts need. Each variant has exactly one [`Code`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Detail {
    UnknownField {
        field: String,
        suggestion: Option<&'static str>,
    },
    InvalidValue {
        field: String,
        value: String,
        allowed: &'static [&'static str],
        suggestion: Option<&'static str>,
    },
    WrongType {
        field: String,
        expected: Expected,
        found: Found,
    },
    MissingField {
        field: &'static str,
    },
    DuplicateField {
        field: String,
    },
    InvalidDomain {
        field: String,
        error: DomainError,
    },
    LimitExceeded {
        field: String,
        limit: usize,
        actual: usize,
        unit: Unit,
    },
    TruncatedList {
        property: String,
    },
    IgnoredProperty {
        property: String,
    },
    CommandNotApplied {
        command: String,
        switch: &'static str,
    },
    ControlCharacter {
        field: String,
        character: char,
    },
    ParameterBinding {
        command: String,
        argument: String,
        problem: BindingProblem,
    },
    SaslRequiresTls {
        sasl: Negotiation,
    },
    NoAuthenticationMethod {
        row: MatrixRow,
    },
    MatrixTcpDialbackOnly {
        row: MatrixRow,
    },
    DialbackInoperative,
    SaslWithOptionalTls {
        row: MatrixRow,
    },
    CommonTableDiffers,
    DuplicateAdditionalDomain {
        domain: Domain,
        of_primary: bool,
    },
    AdditionalDomainOutsidePrimary {
        domain: Domain,
        primary: Domain,
    },
    ConnectionLimitAboveGateway {
        limit: u32,
        gateway_limit: u32,
    },
    ConnectionLimitZero,
    DescriptionTooLong {
        length: usize,
    },
    ProxyNotFullyQualified {
        proxy: Domain,
    },
    SingleLabelDomain {
        domain: Domain,
    },
    PublicServiceNegotiation {
        service: &'static str,
        row: MatrixRow,
    },
    PublicServiceKeepAlive {
        service: &'static str,
    },
    PublicServicePartnerType {
        service: &'static str,
        partner_type: PartnerType,
    },
    MixedScriptDomain {
        domain: Domain,
        label: String,
    },
    GoogleFederationEnded {
        domain: Domain,
        additional: bool,
    },
    DomainClaimedTwice {
        domain: Domain,
        claimed_by: Domain,
    },
    DuplicatePartner {
        identity: Domain,
        identical: bool,
    },
    ConnectionLimitsExceedGateway {
        sum: u64,
        gateway_limit: u32,
    },
    ConfusableDomain {
        domain: Domain,
        lookalike: Domain,
        lookalike_partner: Domain,
    },
    PartnerLimitAboveTotal {
        partner_limit: u32,
        total: u32,
    },
    MessageBodyLogging,
    ZeroInterval {
        field: &'static str,
    },
    UnknownPartner {
        identity: Domain,
        suggestion: Option<Domain>,
    },
    PartnerExists {
        identity: Domain,
    },
}

impl Detail {
    /// The detail with every text from input made [`visible`]: control characters escaped and
    /// the length bounded.
    fn shown(self) -> Detail {
        let found = |found: Found| match found {
            Found::Number(n) => Found::Number(visible(&n)),
            Found::String(s) => Found::String(visible(&s)),
            Found::Text(s) => Found::Text(visible(&s)),
            other => other,
        };
        match self {
            Detail::UnknownField { field, suggestion } => Detail::UnknownField {
                field: visible(&field),
                suggestion,
            },
            Detail::InvalidValue {
                field,
                value,
                allowed,
                suggestion,
            } => Detail::InvalidValue {
                field: visible(&field),
                value: visible(&value),
                allowed,
                suggestion,
            },
            Detail::WrongType {
                field,
                expected,
                found: f,
            } => Detail::WrongType {
                field: visible(&field),
                expected,
                found: found(f),
            },
            Detail::DuplicateField { field } => Detail::DuplicateField {
                field: visible(&field),
            },
            Detail::InvalidDomain { field, error } => Detail::InvalidDomain {
                field: visible(&field),
                error: shown_domain_error(error),
            },
            Detail::LimitExceeded {
                field,
                limit,
                actual,
                unit,
            } => Detail::LimitExceeded {
                field: visible(&field),
                limit,
                actual,
                unit,
            },
            Detail::TruncatedList { property } => Detail::TruncatedList {
                property: visible(&property),
            },
            Detail::IgnoredProperty { property } => Detail::IgnoredProperty {
                property: visible(&property),
            },
            Detail::CommandNotApplied { command, switch } => Detail::CommandNotApplied {
                command: visible(&command),
                switch,
            },
            Detail::ControlCharacter { field, character } => Detail::ControlCharacter {
                field: visible(&field),
                character,
            },
            Detail::ParameterBinding {
                command,
                argument,
                problem,
            } => Detail::ParameterBinding {
                command: visible(&command),
                argument: visible(&argument),
                problem,
            },
            Detail::MixedScriptDomain { domain, label } => Detail::MixedScriptDomain {
                domain,
                label: visible(&label),
            },
            other => other,
        }
    }

    fn code(&self) -> Code {
        match self {
            Detail::UnknownField { .. } => Code::UnknownField,
            Detail::InvalidValue { .. } => Code::InvalidValue,
            Detail::WrongType { .. } => Code::WrongType,
            Detail::MissingField { .. } => Code::MissingField,
            Detail::DuplicateField { .. } => Code::DuplicateField,
            Detail::InvalidDomain { .. } => Code::InvalidDomain,
            Detail::LimitExceeded { .. } => Code::LimitExceeded,
            Detail::TruncatedList { .. } => Code::TruncatedList,
            Detail::IgnoredProperty { .. } => Code::IgnoredProperty,
            Detail::CommandNotApplied { .. } => Code::CommandNotApplied,
            Detail::ControlCharacter { .. } => Code::ControlCharacter,
            Detail::ParameterBinding { .. } => Code::ParameterBinding,
            Detail::SaslRequiresTls { .. } => Code::SaslRequiresTls,
            Detail::NoAuthenticationMethod { .. } => Code::NoAuthenticationMethod,
            Detail::MatrixTcpDialbackOnly { .. } => Code::MatrixTcpDialbackOnly,
            Detail::DialbackInoperative => Code::DialbackInoperative,
            Detail::SaslWithOptionalTls { .. } => Code::SaslWithOptionalTls,
            Detail::CommonTableDiffers => Code::CommonTableDiffers,
            Detail::DuplicateAdditionalDomain { .. } => Code::DuplicateAdditionalDomain,
            Detail::AdditionalDomainOutsidePrimary { .. } => Code::AdditionalDomainOutsidePrimary,
            Detail::ConnectionLimitAboveGateway { .. } => Code::ConnectionLimitAboveGateway,
            Detail::ConnectionLimitZero => Code::ConnectionLimitZero,
            Detail::DescriptionTooLong { .. } => Code::DescriptionTooLong,
            Detail::ProxyNotFullyQualified { .. } => Code::ProxyNotFullyQualified,
            Detail::SingleLabelDomain { .. } => Code::SingleLabelDomain,
            Detail::PublicServiceNegotiation { .. } => Code::PublicServiceNegotiation,
            Detail::PublicServiceKeepAlive { .. } => Code::PublicServiceKeepAlive,
            Detail::PublicServicePartnerType { .. } => Code::PublicServicePartnerType,
            Detail::MixedScriptDomain { .. } => Code::MixedScriptDomain,
            Detail::GoogleFederationEnded { .. } => Code::GoogleFederationEnded,
            Detail::DomainClaimedTwice { .. } => Code::DomainClaimedTwice,
            Detail::DuplicatePartner { .. } => Code::DuplicatePartner,
            Detail::ConnectionLimitsExceedGateway { .. } => Code::ConnectionLimitsExceedGateway,
            Detail::ConfusableDomain { .. } => Code::ConfusableDomain,
            Detail::PartnerLimitAboveTotal { .. } => Code::PartnerLimitAboveTotal,
            Detail::MessageBodyLogging => Code::MessageBodyLogging,
            Detail::ZeroInterval { .. } => Code::ZeroInterval,
            Detail::UnknownPartner { .. } => Code::UnknownPartner,
            Detail::PartnerExists { .. } => Code::PartnerExists,
        }
    }
}

impl Diagnostic {
    /// A finding; every text in it that came from input is made [`visible`] here, so that no
    /// message, path or JSON field echoes a control character or more than a bounded part of
    /// the input.
    pub(crate) fn new(detail: Detail, path: impl Into<String>) -> Diagnostic {
        Diagnostic {
            detail: detail.shown(),
            path: visible(&path.into()),
            position: None,
            matrix_row: None,
            related: Vec::new(),
        }
    }

    pub(crate) fn at(mut self, position: Option<Position>) -> Diagnostic {
        self.position = position;
        self
    }

    pub(crate) fn with_row(mut self, row: MatrixRow) -> Diagnostic {
        self.matrix_row = Some(row);
        self
    }

    pub(crate) fn related_to(mut self, path: impl Into<String>) -> Diagnostic {
        self.related.push(visible(&path.into()));
        self
    }

    /// Moves the finding from the entry at `from` to the entry at `to`.
    pub(crate) fn reroot(&mut self, from: &str, to: &str) {
        if let Some(rest) = self.path.strip_prefix(from) {
            self.path = format!("{to}{rest}");
        }
    }

    /// The stable code.
    pub fn code(&self) -> Code {
        self.detail.code()
    }

    /// The severity, which follows from the code.
    pub fn severity(&self) -> Severity {
        self.code().severity()
    }

    /// The field the finding is about, such as `partners[2].additionalDomains[1]`, or
    /// `gateway.connectionLimit`. Empty for findings about the document as a whole.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Where in the source text the finding is, when the format records positions (XML,
    /// PowerShell, `Format-List` text).
    pub fn position(&self) -> Option<Position> {
        self.position
    }

    /// The matrix row the finding is about, when there is one.
    pub fn matrix_row(&self) -> Option<MatrixRow> {
        self.matrix_row
    }

    /// Other fields involved, such as the partner that claimed a domain first.
    pub fn related(&self) -> &[String] {
        &self.related
    }

    /// What is wrong.
    pub fn message(&self, language: Language) -> String {
        text::message(&self.detail, language)
    }

    /// The exact fix.
    pub fn help(&self, language: Language) -> String {
        text::help(&self.detail, language)
    }

    /// The diagnostic with its texts in one language, ready to serialise.
    pub fn localize(&self, language: Language) -> LocalizedDiagnostic {
        LocalizedDiagnostic {
            code: self.code(),
            name: self.code().name(),
            severity: self.severity(),
            path: self.path.clone(),
            position: self.position,
            matrix_row: self.matrix_row,
            message: self.message(language),
            help: self.help(language),
            related: self.related.clone(),
        }
    }

    /// Whether the finding is about the entry at `prefix` (such as `partners[3]`) or a field in
    /// it.
    pub fn is_under(&self, prefix: &str) -> bool {
        self.path
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
    }
}

/// A [`Diagnostic`] with its texts rendered in one language: the JSON shape the CLI and the
/// WebAssembly package return.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LocalizedDiagnostic {
    /// The stable code, such as `XF101`.
    pub code: Code,
    /// The code's readable name, such as `sasl-requires-tls`.
    pub name: &'static str,
    /// `error`, `warning` or `info`.
    pub severity: Severity,
    /// The field the finding is about.
    pub path: String,
    /// The position in the source text, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// The matrix row, when the finding is about one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matrix_row: Option<MatrixRow>,
    /// What is wrong.
    pub message: String,
    /// The exact fix.
    pub help: String,
    /// Other fields involved.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub related: Vec<String>,
}

/// The path of `name` inside the object at `path` (which may be empty, for the top level).
pub(crate) fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// Counts of diagnostics by severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Counts {
    /// Findings of severity error.
    pub errors: usize,
    /// Findings of severity warning.
    pub warnings: usize,
    /// Findings of severity info.
    pub infos: usize,
}

impl Counts {
    /// Counts a list of diagnostics.
    pub fn of<'a>(diagnostics: impl IntoIterator<Item = &'a Diagnostic>) -> Counts {
        let mut counts = Counts::default();
        for diagnostic in diagnostics {
            match diagnostic.severity() {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Info => counts.infos += 1,
            }
        }
        counts
    }
}

/// A domain error with the input it echoes made [`visible`].
fn shown_domain_error(error: DomainError) -> DomainError {
    // Suggestions are parsed domains: bounded, and free of control characters.
    match error {
        DomainError::Whitespace { input, suggestion } => DomainError::Whitespace {
            input: visible(&input),
            suggestion,
        },
        DomainError::Url { input, suggestion } => DomainError::Url {
            input: visible(&input),
            suggestion,
        },
        DomainError::Jid { input, suggestion } => DomainError::Jid {
            input: visible(&input),
            suggestion,
        },
        DomainError::Wildcard { input } => DomainError::Wildcard {
            input: visible(&input),
        },
        DomainError::IpLiteral { input } => DomainError::IpLiteral {
            input: visible(&input),
        },
        DomainError::NumericTopLevel { input, label } => DomainError::NumericTopLevel {
            input: visible(&input),
            label: visible(&label),
        },
        DomainError::Port {
            input,
            port,
            suggestion,
        } => DomainError::Port {
            input: visible(&input),
            port: visible(&port),
            suggestion,
        },
        DomainError::EmptyLabel { input } => DomainError::EmptyLabel {
            input: visible(&input),
        },
        DomainError::InvalidCharacter { input, character } => DomainError::InvalidCharacter {
            input: visible(&input),
            character,
        },
        DomainError::Symbol { input, character } => DomainError::Symbol {
            input: visible(&input),
            character,
        },
        DomainError::HyphenPosition { label } => DomainError::HyphenPosition {
            label: visible(&label),
        },
        DomainError::LabelTooLong { label, length } => DomainError::LabelTooLong {
            label: visible(&label),
            length,
        },
        DomainError::Idna { input } => DomainError::Idna {
            input: visible(&input),
        },
        other => other,
    }
}
