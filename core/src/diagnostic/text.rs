//! The texts of every diagnostic, from the catalogue (`catalogue/*/core/diagnostic.ftl`): one
//! entry per code, with its summary, message and help.
//!
//! Messages are short, lowercase, without a final period, with user input in backticks. Help
//! texts say the exact fix, with the cmdlet parameter where there is one.

use super::{BindingProblem, Code, Detail, Expected, Found, Severity, Unit};
use crate::catalogue::diagnostic as text;
use crate::domain::Domain;
use crate::language::Language;
use crate::matrix::MatrixRow;
use crate::message::{Arg, Message};
use crate::settings::Negotiation;

pub(super) fn severity(severity: Severity) -> Message {
    match severity {
        Severity::Error => text::diagnostic_severity_error(),
        Severity::Warning => text::diagnostic_severity_warning(),
        Severity::Info => text::diagnostic_severity_info(),
    }
}

pub(super) fn summary(code: Code) -> Message {
    match code {
        Code::UnknownField => text::xf001_summary(),
        Code::InvalidValue => text::xf002_summary(),
        Code::WrongType => text::xf003_summary(),
        Code::MissingField => text::xf004_summary(),
        Code::DuplicateField => text::xf005_summary(),
        Code::InvalidDomain => text::xf006_summary(),
        Code::LimitExceeded => text::xf007_summary(),
        Code::TruncatedList => text::xf008_summary(),
        Code::IgnoredProperty => text::xf009_summary(),
        Code::CommandNotApplied => text::xf010_summary(),
        Code::ControlCharacter => text::xf011_summary(),
        Code::ParameterBinding => text::xf012_summary(),
        Code::SaslRequiresTls => text::xf101_summary(),
        Code::NoAuthenticationMethod => text::xf102_summary(),
        Code::MatrixTcpDialbackOnly => text::xf103_summary(),
        Code::DialbackInoperative => text::xf104_summary(),
        Code::SaslWithOptionalTls => text::xf105_summary(),
        Code::CommonTableDiffers => text::xf106_summary(),
        Code::DuplicateAdditionalDomain => text::xf201_summary(),
        Code::AdditionalDomainOutsidePrimary => text::xf202_summary(),
        Code::ConnectionLimitAboveGateway => text::xf203_summary(),
        Code::ConnectionLimitZero => text::xf204_summary(),
        Code::DescriptionTooLong => text::xf205_summary(),
        Code::ProxyNotFullyQualified => text::xf206_summary(),
        Code::SingleLabelDomain => text::xf207_summary(),
        Code::PublicServiceNegotiation => text::xf208_summary(),
        Code::PublicServiceKeepAlive => text::xf209_summary(),
        Code::PublicServicePartnerType => text::xf210_summary(),
        Code::MixedScriptDomain => text::xf211_summary(),
        Code::GoogleFederationEnded => text::xf212_summary(),
        Code::DomainClaimedTwice => text::xf301_summary(),
        Code::DuplicatePartner => text::xf302_summary(),
        Code::ConnectionLimitsExceedGateway => text::xf303_summary(),
        Code::ConfusableDomain => text::xf304_summary(),
        Code::PartnerLimitAboveTotal => text::xf401_summary(),
        Code::MessageBodyLogging => text::xf402_summary(),
        Code::ZeroInterval => text::xf403_summary(),
        Code::UnknownPartner => text::xf501_summary(),
        Code::PartnerExists => text::xf502_summary(),
    }
}

/// The kind of value a field expects, as a phrase: "a list".
fn expected(expected: Expected) -> Message {
    match expected {
        Expected::Text => text::diagnostic_kind_text(),
        Expected::Bool => text::diagnostic_kind_bool(),
        Expected::WholeNumber => text::diagnostic_kind_whole_number(),
        Expected::List => text::diagnostic_kind_list(),
        Expected::Object => text::diagnostic_kind_object(),
    }
}

/// What a field held instead: a value in backticks, or a phrase.
fn found(found: &Found) -> Arg {
    match found {
        Found::Null => "`null`".into(),
        Found::Bool(b) => format!("`{b}`").into(),
        Found::Number(n) | Found::Text(n) => format!("`{n}`").into(),
        Found::String(s) => text::diagnostic_kind_string(s).into(),
        Found::List => text::diagnostic_kind_list().into(),
        Found::Object => text::diagnostic_kind_object().into(),
    }
}

/// A domain in backticks, with its ASCII form beside an internationalised one.
fn shown(domain: &Domain) -> String {
    if domain.is_internationalized() {
        format!("`{domain}` ({})", domain.as_str())
    } else {
        format!("`{domain}`")
    }
}

/// The ASCII form of a domain, as cmdlets take it.
fn ascii(domain: &Domain) -> String {
    domain.as_str().to_owned()
}

/// Values in backticks, separated by commas.
fn quoted_list<'a>(values: impl IntoIterator<Item = &'a str>, prefix: &str) -> String {
    values
        .into_iter()
        .map(|v| format!("`{prefix}{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn message(detail: &Detail, l: Language) -> String {
    match detail {
        Detail::UnknownField { field, .. } => text::xf001_message(field),
        Detail::InvalidValue { field, value, .. } => text::xf002_message(value, field),
        Detail::WrongType {
            field,
            expected: e,
            found: f,
        } => text::xf003_message(field, expected(*e), found(f)),
        Detail::MissingField { field } => text::xf004_message(*field),
        Detail::DuplicateField { field } => text::xf005_message(field),
        Detail::InvalidDomain { field, error } => text::xf006_message(field, error.message(l)),
        Detail::LimitExceeded {
            field,
            limit,
            actual,
            unit,
        } => match unit {
            Unit::Entries => text::xf007_message_entries(field, *actual, *limit),
            Unit::Characters => text::xf007_message_characters(field, *actual, *limit),
        },
        Detail::TruncatedList { property } => text::xf008_message(property),
        Detail::IgnoredProperty { property } => text::xf009_message(property),
        Detail::CommandNotApplied { command, switch } => text::xf010_message(command, *switch),
        Detail::ControlCharacter { field, character } => {
            text::xf011_message(field, crate::text::unicode_name(*character))
        }
        Detail::ParameterBinding {
            command,
            argument,
            problem,
        } => match problem {
            BindingProblem::Unknown(_) => text::xf012_message(command, argument),
            BindingProblem::Ambiguous(candidates) => text::xf012_message_ambiguous(
                argument,
                command,
                quoted_list(candidates.iter().copied(), "-"),
            ),
            BindingProblem::Unexpected => text::xf012_message_unexpected(command, argument),
            BindingProblem::MissingValue => text::xf012_message_missing_value(argument, command),
            BindingProblem::Conflict(other) => {
                text::xf012_message_conflict(command, argument, *other)
            }
            BindingProblem::Repeated => text::xf012_message_repeated(argument, command),
            BindingProblem::NotSupported => text::xf012_message_not_supported(argument, command),
            BindingProblem::NotBoolean => text::xf012_message_not_boolean(argument, command),
        },
        Detail::SaslRequiresTls { sasl } => text::xf101_message(sasl.name()),
        Detail::NoAuthenticationMethod { row } => {
            if row.sasl().is_supported() {
                text::xf102_message_sasl_without_tls(row.name())
            } else {
                text::xf102_message_sasl_off(row.name())
            }
        }
        Detail::MatrixTcpDialbackOnly { row } => text::xf103_message(row.name()),
        Detail::DialbackInoperative => text::xf104_message(),
        Detail::SaslWithOptionalTls { row } => {
            if row.dialback() {
                text::xf105_message_dialback_on(row.name())
            } else {
                text::xf105_message_dialback_off(row.name())
            }
        }
        Detail::CommonTableDiffers => text::xf106_message(),
        Detail::DuplicateAdditionalDomain { domain, of_primary } => {
            if *of_primary {
                text::xf201_message_of_primary(shown(domain))
            } else {
                text::xf201_message_twice(shown(domain))
            }
        }
        Detail::AdditionalDomainOutsidePrimary { domain, primary } => {
            text::xf202_message(domain, primary)
        }
        Detail::ConnectionLimitAboveGateway {
            limit,
            gateway_limit,
        } => text::xf203_message(*limit, *gateway_limit),
        Detail::ConnectionLimitZero => text::xf204_message(),
        Detail::DescriptionTooLong { length } => text::xf205_message(*length),
        Detail::ProxyNotFullyQualified { proxy } => text::xf206_message(proxy),
        Detail::SingleLabelDomain { domain } => text::xf207_message(domain),
        Detail::PublicServiceNegotiation { service, row } => {
            text::xf208_message(*service, row.name())
        }
        Detail::PublicServiceKeepAlive { service } => text::xf209_message(*service),
        Detail::PublicServicePartnerType {
            service,
            partner_type,
        } => text::xf210_message(*service, partner_type.name()),
        Detail::MixedScriptDomain { domain, label } => text::xf211_message(label, domain),
        Detail::GoogleFederationEnded { domain, .. } => text::xf212_message(domain),
        Detail::DomainClaimedTwice { domain, claimed_by } => {
            text::xf301_message(domain, claimed_by)
        }
        Detail::DuplicatePartner {
            identity,
            identical,
        } => {
            if *identical {
                text::xf302_message(identity)
            } else {
                text::xf302_message_different_settings(identity)
            }
        }
        Detail::ConnectionLimitsExceedGateway { sum, gateway_limit } => {
            text::xf303_message(*sum, *gateway_limit)
        }
        Detail::ConfusableDomain {
            domain,
            lookalike,
            lookalike_partner,
        } => {
            if lookalike == lookalike_partner {
                text::xf304_message(domain, ascii(domain), lookalike)
            } else {
                text::xf304_message_additional_domain(
                    domain,
                    ascii(domain),
                    lookalike,
                    lookalike_partner,
                )
            }
        }
        Detail::PartnerLimitAboveTotal {
            partner_limit,
            total,
        } => text::xf401_message(*partner_limit, *total),
        Detail::MessageBodyLogging => text::xf402_message(),
        Detail::ZeroInterval { field } => text::xf403_message(*field),
        Detail::UnknownPartner { identity, .. } => text::xf501_message(identity),
        Detail::PartnerExists { identity } => text::xf502_message(identity),
    }
    .render(l)
}

pub(super) fn help(detail: &Detail, l: Language) -> String {
    match detail {
        Detail::UnknownField { suggestion, .. } => match suggestion {
            Some(known) => text::xf001_help(*known),
            None => text::xf001_help_no_suggestion(),
        },
        Detail::InvalidValue {
            allowed,
            suggestion,
            ..
        } => {
            let list = quoted_list(allowed.iter().copied(), "");
            match suggestion {
                Some(best) => text::xf002_help(*best, list),
                None => text::xf002_help_no_suggestion(list),
            }
        }
        Detail::WrongType { expected: e, .. } => match e {
            Expected::Bool => text::xf003_help_bool(),
            Expected::WholeNumber => text::xf003_help_whole_number(),
            Expected::Text => text::xf003_help_text(),
            Expected::List => text::xf003_help_list(),
            Expected::Object => text::xf003_help_object(),
        },
        Detail::MissingField { field } => text::xf004_help(*field),
        Detail::DuplicateField { .. } => text::xf005_help(),
        // The domain error has its own help text.
        Detail::InvalidDomain { error, .. } => return error.help(l),
        Detail::LimitExceeded { .. } => text::xf007_help(),
        Detail::TruncatedList { .. } => text::xf008_help(),
        Detail::IgnoredProperty { .. } => text::xf009_help(),
        Detail::CommandNotApplied { switch, .. } => text::xf010_help(*switch),
        Detail::ControlCharacter { .. } => text::xf011_help(),
        Detail::ParameterBinding {
            argument, problem, ..
        } => match problem {
            BindingProblem::Unknown(Some(known)) => text::xf012_help(*known),
            BindingProblem::Unknown(None) => text::xf012_help_no_suggestion(),
            BindingProblem::Ambiguous(candidates) => text::xf012_help_ambiguous(candidates[0]),
            BindingProblem::Unexpected => text::xf012_help_unexpected(argument),
            BindingProblem::MissingValue => text::xf012_help_missing_value(argument),
            BindingProblem::Conflict(_) => text::xf012_help_conflict(argument),
            BindingProblem::Repeated => text::xf012_help_repeated(),
            BindingProblem::NotSupported => text::xf012_help_not_supported(),
            BindingProblem::NotBoolean => text::xf012_help_not_boolean(argument),
        },
        Detail::SaslRequiresTls { .. } => text::xf101_help(),
        Detail::NoAuthenticationMethod { row } => {
            if row.sasl().is_supported() {
                // M6, M12: TLS is NotSupported, so SASL cannot run.
                text::xf102_help_sasl_without_tls()
            } else {
                let with_dialback = MatrixRow::classify(row.tls(), row.sasl(), true);
                text::xf102_help_sasl_off(
                    with_dialback.name(),
                    with_dialback.expected_methods().labels(l),
                )
            }
        }
        Detail::MatrixTcpDialbackOnly { .. } => text::xf103_help(),
        Detail::DialbackInoperative => text::xf104_help(),
        Detail::SaslWithOptionalTls { row } => {
            let target = MatrixRow::classify(Negotiation::Required, row.sasl(), row.dialback());
            text::xf105_help(target.name(), target.expected_methods().labels(l))
        }
        Detail::CommonTableDiffers => text::xf106_help(),
        Detail::DuplicateAdditionalDomain { domain, .. } => text::xf201_help(ascii(domain)),
        Detail::AdditionalDomainOutsidePrimary { .. } => text::xf202_help(),
        Detail::ConnectionLimitAboveGateway { gateway_limit, .. } => {
            text::xf203_help(*gateway_limit)
        }
        Detail::ConnectionLimitZero => text::xf204_help(),
        Detail::DescriptionTooLong { .. } => text::xf205_help(),
        Detail::ProxyNotFullyQualified { proxy } => text::xf206_help(proxy),
        Detail::SingleLabelDomain { .. } => text::xf207_help(),
        Detail::PublicServiceNegotiation { .. } => text::xf208_help(),
        Detail::PublicServiceKeepAlive { .. } => text::xf209_help(),
        Detail::PublicServicePartnerType { .. } => text::xf210_help(),
        Detail::MixedScriptDomain { domain, .. } => text::xf211_help(ascii(domain)),
        Detail::GoogleFederationEnded {
            domain,
            additional: false,
        } => text::xf212_help(ascii(domain)),
        Detail::GoogleFederationEnded {
            domain,
            additional: true,
        } => text::xf212_help_additional(domain, ascii(domain)),
        Detail::DomainClaimedTwice { domain, claimed_by } => {
            text::xf301_help(domain, claimed_by, ascii(domain))
        }
        Detail::DuplicatePartner { identity, .. } => text::xf302_help(identity),
        Detail::ConnectionLimitsExceedGateway { sum, .. } => text::xf303_help(*sum),
        Detail::ConfusableDomain { domain, .. } => text::xf304_help(ascii(domain)),
        Detail::PartnerLimitAboveTotal { total, .. } => text::xf401_help(*total),
        Detail::MessageBodyLogging => text::xf402_help(),
        Detail::ZeroInterval { field } => text::xf403_help(*field),
        Detail::UnknownPartner { suggestion, .. } => match suggestion {
            Some(known) => text::xf501_help(known),
            None => text::xf501_help_no_suggestion(),
        },
        Detail::PartnerExists { identity } => text::xf502_help(ascii(identity)),
    }
    .render(l)
}
