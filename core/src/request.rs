//! Reading a JSON request (a simulation scenario, a contact request): bounded in size and
//! nesting, and with errors that name the field.

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::catalogue::api as text;
use crate::language::Language;
use crate::limits::MAX_REQUEST_BYTES;
use crate::text::{MAX_SHOWN_CHARS, visible_within};

/// Why a request cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", tag = "kind")]
#[error("{}", self.message(Language::English))]
#[non_exhaustive]
pub enum RequestError {
    /// Larger than [`MAX_REQUEST_BYTES`].
    TooLarge {
        /// The request's size.
        bytes: usize,
    },
    /// Not JSON.
    Syntax {
        /// Where, from 1.
        line: usize,
        /// Where, from 1.
        column: usize,
        /// What the JSON reader found.
        detail: String,
    },
    /// JSON, but a field is missing, unknown or has a value it cannot take.
    Invalid {
        /// The field, as a path such as `partner.certificate`; empty for the whole request.
        field: String,
        /// Where, from 1.
        line: usize,
        /// Where, from 1.
        column: usize,
        /// What is wrong and, where it is known, the fix.
        detail: String,
    },
}

impl RequestError {
    /// Where in the text, as line and column from 1, when the error has a place.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            RequestError::TooLarge { .. } => None,
            RequestError::Syntax { line, column, .. }
            | RequestError::Invalid { line, column, .. } => Some((*line, *column)),
        }
    }

    /// The message in either language. The detail of a syntax or field error is the reader's
    /// own text, in English.
    pub fn message(&self, language: Language) -> String {
        match self {
            RequestError::TooLarge { bytes } => {
                text::request_too_large(*bytes, MAX_REQUEST_BYTES).render(language)
            }
            RequestError::Syntax { detail, .. } => {
                text::request_invalid_json(detail).render(language)
            }
            RequestError::Invalid { field, detail, .. } if field.is_empty() => detail.clone(),
            RequestError::Invalid { field, detail, .. } => format!("`{field}`: {detail}"),
        }
    }
}

/// Reads a request of type `T` from JSON text.
pub(crate) fn from_json<T: DeserializeOwned>(text: &str) -> Result<T, RequestError> {
    if text.len() > MAX_REQUEST_BYTES {
        return Err(RequestError::TooLarge { bytes: text.len() });
    }
    read::<T>(text).map_err(|(field, inner)| {
        let (line, column) = (inner.line(), inner.column());
        // serde_json appends " at line L column C"; the position is reported on its own.
        let detail = inner.to_string();
        let detail = match detail.rfind(" at line ") {
            Some(at) => &detail[..at],
            None => &detail,
        };
        // serde_json quotes input whole, such as an unknown field's name: shown bounded, with
        // control characters escaped.
        let detail = visible_within(detail, 8 * MAX_SHOWN_CHARS);
        // serde_json reports a number or `true` where an enum's name belongs (`"direction": 1`)
        // as a syntax error ("expected value"), although the text is valid JSON: reported as
        // the field's wrong value instead.
        if inner.is_syntax()
            && let Some(detail) = wrong_value::<T>(text, &field, line, column)
        {
            return RequestError::Invalid {
                field: visible_within(&field, 4 * MAX_SHOWN_CHARS),
                line,
                column,
                detail: visible_within(&detail, 8 * MAX_SHOWN_CHARS),
            };
        }
        if inner.is_syntax() || inner.is_eof() {
            RequestError::Syntax {
                line,
                column,
                detail,
            }
        } else {
            RequestError::Invalid {
                field: if field == "." {
                    String::new()
                } else {
                    visible_within(&field, 4 * MAX_SHOWN_CHARS)
                },
                line,
                column,
                detail,
            }
        }
    })
}

/// Reads `T` from JSON text, with the path of the field where reading stopped.
fn read<T: DeserializeOwned>(text: &str) -> Result<T, (String, serde_json::Error)> {
    // serde_json stops at 128 levels of nesting, so no input can exhaust the stack.
    let mut deserializer = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|error| (error.path().to_string(), error.into_inner()))
        .and_then(|value| {
            deserializer
                .end()
                .map(|()| value)
                .map_err(|error| (String::new(), error))
        })
}

/// For text that is valid JSON but that the typed reader refused as a syntax error at `field`
/// (serde_json's answer to a number, `true`, `null` or a list where an enum's name belongs): what
/// is wrong with the value. The text is read again by the same reader with the value written as
/// a string, so that the message lists the allowed names: "`1` is not an allowed value: expected
/// `outbound` or `inbound`". (A second reader, of a JSON value tree, would name them too, but
/// would double the reading code in the WebAssembly package.)
fn wrong_value<T: DeserializeOwned>(
    text: &str,
    field: &str,
    line: usize,
    column: usize,
) -> Option<String> {
    serde_json::from_str::<serde::de::IgnoredAny>(text).ok()?;
    // serde_json's position: lines from 1, and the value's byte in its line, from 1.
    let line_start = match line {
        0 | 1 => 0,
        _ => text.match_indices('\n').nth(line - 2)?.0 + 1,
    };
    let start = line_start + column.checked_sub(1)?;
    let rest = text.get(start..)?;
    let mut values = serde_json::Deserializer::from_str(rest).into_iter::<serde::de::IgnoredAny>();
    values.next()?.ok()?;
    let written = rest.get(..values.byte_offset())?;
    let quoted = serde_json::to_string(written).ok()?;
    let patched = format!("{}{quoted}{}", &text[..start], &rest[written.len()..]);
    // A list or an object is shown on one line.
    let shown = visible_within(
        &written.split_whitespace().collect::<Vec<_>>().join(" "),
        MAX_SHOWN_CHARS,
    );
    match read::<T>(&patched) {
        Err((at, error)) if at == field => {
            let message = error.to_string();
            let allowed = message
                .strip_prefix("unknown variant ")
                .and_then(|m| m.split_once(", expected "))
                .map(|(_, allowed)| {
                    allowed
                        .rfind(" at line ")
                        .map_or(allowed, |at| &allowed[..at])
                });
            Some(match allowed {
                Some(allowed) => format!("`{shown}` is not an allowed value: expected {allowed}"),
                None => format!("`{shown}` is not an allowed value"),
            })
        }
        // Written as a string, the value is allowed.
        _ => Some(format!(
            "`{shown}` is not an allowed value: expected the string `{}`",
            visible_within(&quoted, MAX_SHOWN_CHARS)
        )),
    }
}
