//! Reading a JSON request (a simulation scenario, a contact request): bounded in size and
//! nesting, and with errors that name the field.

use serde::Serialize;
use serde::de::DeserializeOwned;

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
        let l = language;
        match self {
            RequestError::TooLarge { bytes } => l.pick(
                format!(
                    "the request is {bytes} bytes; at most {MAX_REQUEST_BYTES} are read: \
                     remove what the simulation does not need"
                ),
                format!(
                    "die Anfrage ist {bytes} Bytes groß; höchstens {MAX_REQUEST_BYTES} werden \
                     gelesen: Entfernen Sie, was die Simulation nicht braucht"
                ),
            ),
            RequestError::Syntax { detail, .. } => l.pick(
                format!("not valid JSON: {detail}"),
                format!("kein gültiges JSON: {detail}"),
            ),
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
    // serde_json stops at 128 levels of nesting, so no input can exhaust the stack.
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|error| (error.path().to_string(), error.into_inner()))
        .and_then(|value| {
            deserializer
                .end()
                .map(|()| value)
                .map_err(|error| (String::new(), error))
        });
    value.map_err(|(field, inner)| {
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
            && let Some((field, detail)) = wrong_value::<T>(text)
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

/// For text that is valid JSON but that the typed reader refused as a syntax error: the field
/// and what is wrong with its value, found by reading the JSON value tree instead of the text.
/// A value that is not a string where an enum's name belongs is shown as that name would be, so
/// that the message lists the allowed names: "`1` is not an allowed value: expected `outbound`
/// or `inbound`".
fn wrong_value<T: DeserializeOwned>(text: &str) -> Option<(String, String)> {
    let mut value: serde_json::Value = serde_json::from_str(text).ok()?;
    let error = serde_path_to_error::deserialize::<_, T>(&value).err()?;
    let path = error.path().clone();
    let mut detail = error.into_inner().to_string();
    if let Some(slot) = pointer(&mut value, &path)
        && !slot.is_string()
        && !slot.is_object()
    {
        let written = slot.to_string();
        *slot = serde_json::Value::String(written.clone());
        if let Err(error) = serde_path_to_error::deserialize::<_, T>(&value)
            && error.path().to_string() == path.to_string()
        {
            let renamed = error.into_inner().to_string();
            if renamed.starts_with("unknown variant")
                && let Some((_, allowed)) = renamed.split_once(", expected ")
            {
                detail = format!("`{written}` is not an allowed value: expected {allowed}");
            }
        }
    }
    let field = path.to_string();
    Some((if field == "." { String::new() } else { field }, detail))
}

/// The value at a path of `serde_path_to_error`, in a JSON value tree.
fn pointer<'v>(
    value: &'v mut serde_json::Value,
    path: &serde_path_to_error::Path,
) -> Option<&'v mut serde_json::Value> {
    use serde_path_to_error::Segment;
    let mut slot = value;
    for segment in path {
        slot = match segment {
            Segment::Seq { index } => slot.get_mut(*index)?,
            Segment::Map { key } => slot.get_mut(key.as_str())?,
            Segment::Enum { .. } | Segment::Unknown => return None,
        };
    }
    Some(slot)
}
