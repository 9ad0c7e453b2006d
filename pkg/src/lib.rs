//! The WebAssembly build of `xmpp-federation`: a thin `wasm-bindgen` layer over the core's
//! JSON-shaped calls ([`xmpp_federation::api`]). No rule of the negotiation lives here.
//!
//! Every function takes JavaScript values and returns `{ type: "success", ... }` or
//! `{ type: "failure", errors: [...] }`; none throws, whatever it is given. Arguments cross the
//! boundary as JSON text: `JSON.stringify` (called from Rust, with its exceptions caught) turns
//! cyclic objects, `BigInt`s, throwing getters and nesting deep enough to exhaust the stack into
//! a failure instead of an exception, whatever value they throw, and the text's length is
//! checked before it is copied. A call made from inside that conversion (a `toJSON` that calls
//! the package) is refused rather than let into the module a second time.
//! The TypeScript declarations of every shape come from the Rust types (`tsify`).

use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;
use wasm_bindgen::prelude::*;
use xmpp_federation::api::{self, Answer, ApiError, ErrorCode};
use xmpp_federation::limits::MAX_DOCUMENT_BYTES;

// The types the core serialises by hand, which the derived declarations refer to.
#[wasm_bindgen(typescript_custom_section)]
const SHAPES: &str = r#"
/** A DNS domain such as `fabrikam.com`. Answers give it normalised: lowercase, ASCII (A-labels
 * for internationalised names), without a trailing dot. */
export type Domain = string;
/** Free text without control characters; at most 1024 characters are valid. */
export type Description = string;
/** The gateway's dialback passphrase. */
export type Passphrase = string;
/** A diagnostic code, `XF001` to `XF502` (see docs/diagnostics.md). */
export type Code = string;
/** A set of authentication methods, in the order SASL over TLS, TLS dialback, TCP dialback. */
export type MethodSet = AuthenticationMethod[];
"#;

#[wasm_bindgen]
extern "C" {
    /// A partner entry.
    #[wasm_bindgen(typescript_type = "PartnerConfig")]
    pub type PartnerArgument;
    /// A partner directory.
    #[wasm_bindgen(typescript_type = "DirectoryData")]
    pub type DirectoryArgument;
    /// A simulation scenario.
    #[wasm_bindgen(typescript_type = "Scenario")]
    pub type ScenarioArgument;
    /// A setting change.
    #[wasm_bindgen(typescript_type = "Setting")]
    pub type SettingArgument;
    /// A contact request.
    #[wasm_bindgen(typescript_type = "ContactRequest")]
    pub type ContactRequestArgument;
    /// Negotiation settings.
    #[wasm_bindgen(typescript_type = "NegotiationSettings")]
    pub type SettingsArgument;
    /// Options.
    #[wasm_bindgen(typescript_type = "Options")]
    pub type OptionsArgument;
    /// Options of `renderTrace`.
    #[wasm_bindgen(typescript_type = "RenderOptions")]
    pub type RenderOptionsArgument;
    /// Options of `importDocument`.
    #[wasm_bindgen(typescript_type = "ImportOptions")]
    pub type ImportOptionsArgument;
    /// Options of `exportDirectory`.
    #[wasm_bindgen(typescript_type = "ExportOptions")]
    pub type ExportOptionsArgument;
}

/// Whether an argument is being converted to JSON. The conversion runs the caller's code
/// (`toJSON`, getters, Proxy traps); a call made from there would enter the module again, and
/// a chain of such calls ends at the stack limit with an exception unwinding the module halfway
/// through its work. Such a call is refused instead.
static CONVERTING: AtomicBool = AtomicBool::new(false);

/// The refusal of a call made while another call's argument is being converted.
fn reentrant(name: &str) -> ApiError {
    let mut error = ApiError::new(
        ErrorCode::NotJson,
        format!(
            "`{name}` was passed while another call was converting its arguments to JSON: \
             call the package outside `toJSON`, getters and Proxy traps"
        ),
    );
    error.field = Some(name.to_owned());
    error
}

/// What a conversion threw, in words. JavaScript can throw any value, not only an `Error`:
/// `null`, a string, an object whose `message` getter throws. The message is read with
/// `Reflect.get`, whose exceptions are caught, and never assumed to be there.
fn thrown(exception: &JsValue) -> String {
    if exception.is_null() {
        return "it threw `null`".to_owned();
    }
    if exception.is_undefined() {
        return "it threw `undefined`".to_owned();
    }
    if let Some(text) = exception.as_string() {
        return text;
    }
    if exception.is_object() {
        let message = js_sys::Reflect::get(exception, &JsValue::from_str("message"))
            .ok()
            .and_then(|message| message.as_string())
            .filter(|message| !message.is_empty());
        if let Some(message) = message {
            return message;
        }
    }
    let kind = exception.js_typeof().as_string().unwrap_or_default();
    format!("it threw a value of type `{kind}`")
}

/// A JavaScript argument as JSON text: `None` for `undefined` and `null`.
fn json(value: &JsValue, name: &str) -> Result<Option<String>, ApiError> {
    if CONVERTING.load(Ordering::Relaxed) {
        return Err(reentrant(name));
    }
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let not_json = |detail: String| {
        let mut error = ApiError::new(
            ErrorCode::NotJson,
            format!("`{name}` is not JSON data: {detail}"),
        );
        error.field = Some(name.to_owned());
        error
    };
    // A cyclic object, a BigInt, a throwing getter, or nesting that exhausts the stack. The
    // caller's code runs only inside `stringify` and `Reflect.get`, which catch its exceptions,
    // so none unwinds past the flag and leaves it set.
    CONVERTING.store(true, Ordering::Relaxed);
    let text = js_sys::JSON::stringify(value).map_err(|exception| thrown(&exception));
    CONVERTING.store(false, Ordering::Relaxed);
    let text = text.map_err(not_json)?;
    // Functions and symbols have no JSON form: `JSON.stringify` returns `undefined`.
    if JsValue::from(text.clone()).is_undefined() {
        return Err(not_json("a function or a symbol".to_owned()));
    }
    if text.length() as usize > MAX_DOCUMENT_BYTES {
        let mut error = ApiError::new(
            ErrorCode::TooLarge,
            format!("`{name}` is larger than {MAX_DOCUMENT_BYTES} characters as JSON"),
        );
        error.field = Some(name.to_owned());
        return Err(error);
    }
    Ok(text.as_string())
}

/// A JavaScript string argument as it is: `None` for `undefined` and `null`.
fn string(value: &JsValue, name: &str) -> Result<Option<String>, ApiError> {
    if CONVERTING.load(Ordering::Relaxed) {
        return Err(reentrant(name));
    }
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let Some(text) = value.dyn_ref::<js_sys::JsString>() else {
        let mut error = ApiError::new(
            ErrorCode::InvalidValue,
            format!("`{name}` must be a string: the text of a partner document"),
        );
        error.field = Some(name.to_owned());
        return Err(error);
    };
    if text.length() as usize > MAX_DOCUMENT_BYTES {
        let mut error = ApiError::new(
            ErrorCode::TooLarge,
            format!("`{name}` is longer than {MAX_DOCUMENT_BYTES} characters"),
        );
        error.field = Some(name.to_owned());
        return Err(error);
    }
    Ok(text.as_string())
}

/// Hands an answer to JavaScript: written as JSON by `serde_json`, read by `JSON.parse`, so
/// absent fields are left out and numbers stay numbers. Neither step can fail for these types;
/// if one did, the answer would be a failure rather than an exception.
fn answer<T: Serialize>(answer: &Answer<T>) -> JsValue {
    let parsed = serde_json::to_string(answer)
        .map_err(|e| e.to_string())
        .and_then(|text| {
            js_sys::JSON::parse(&text).map_err(|_| "JSON.parse refused the answer".to_owned())
        });
    parsed.unwrap_or_else(|error| {
        let failure: Answer<()> = Answer::Failure {
            errors: vec![ApiError::new(
                ErrorCode::Internal,
                format!("the answer cannot be handed to JavaScript: {error}"),
            )],
        };
        serde_json::to_string(&failure)
            .ok()
            .and_then(|text| js_sys::JSON::parse(&text).ok())
            .unwrap_or(JsValue::NULL)
    })
}

/// An argument as it crossed the boundary: JSON text, absent, or why it could not cross.
type Argument = Result<Option<String>, ApiError>;

/// A core call of three JSON arguments.
type Call3<T> = fn(Option<&str>, Option<&str>, Option<&str>) -> Answer<T>;

fn failure(error: ApiError) -> JsValue {
    answer::<()>(&Answer::Failure {
        errors: vec![error],
    })
}

/// Makes a call of one argument; an argument that could not cross is the answer.
fn call1<T: Serialize>(call: fn(Option<&str>) -> Answer<T>, a: Argument) -> JsValue {
    match a {
        Ok(a) => answer(&call(a.as_deref())),
        Err(error) => failure(error),
    }
}

/// Makes a call of two arguments.
fn call2<T: Serialize>(
    call: fn(Option<&str>, Option<&str>) -> Answer<T>,
    a: Argument,
    b: Argument,
) -> JsValue {
    match (a, b) {
        (Ok(a), Ok(b)) => answer(&call(a.as_deref(), b.as_deref())),
        (Err(error), _) | (_, Err(error)) => failure(error),
    }
}

/// Makes a call of three arguments.
fn call3<T: Serialize>(call: Call3<T>, a: Argument, b: Argument, c: Argument) -> JsValue {
    match (a, b, c) {
        (Ok(a), Ok(b), Ok(c)) => answer(&call(a.as_deref(), b.as_deref(), c.as_deref())),
        (Err(error), _, _) | (_, Err(error), _) | (_, _, Err(error)) => failure(error),
    }
}

/// An optional argument: absent is `undefined`.
fn optional<T: Into<JsValue>>(value: Option<T>) -> JsValue {
    value.map_or(JsValue::UNDEFINED, Into::into)
}

/// Validates one partner entry as the Control Panel would on Commit: its matrix row, the
/// methods it can use, whether it can be committed, and every finding with its fix.
#[wasm_bindgen(js_name = validatePartner, unchecked_return_type = "Answer<PartnerValidation>")]
pub fn validate_partner(partner: PartnerArgument, options: Option<OptionsArgument>) -> JsValue {
    call2(
        api::validate_partner,
        json(partner.as_ref(), "partner"),
        json(&optional(options), "options"),
    )
}

/// Validates a directory: every partner, and the partners against each other and the gateway.
#[wasm_bindgen(js_name = validateDirectory, unchecked_return_type = "Answer<DirectoryValidation>")]
pub fn validate_directory(
    directory: DirectoryArgument,
    options: Option<OptionsArgument>,
) -> JsValue {
    call2(
        api::validate_directory,
        json(directory.as_ref(), "directory"),
        json(&optional(options), "options"),
    )
}

/// The 18 rows of the negotiation matrix, with their expected methods and verdicts.
#[wasm_bindgen(js_name = matrix, unchecked_return_type = "Answer<Matrix>")]
pub fn matrix(options: Option<OptionsArgument>) -> JsValue {
    call1(api::matrix, json(&optional(options), "options"))
}

/// The matrix row of a partner's negotiation settings, with its expected methods.
#[wasm_bindgen(js_name = matrixRow, unchecked_return_type = "Answer<MatrixRowAnswer>")]
pub fn matrix_row(settings: SettingsArgument, options: Option<OptionsArgument>) -> JsValue {
    call2(
        api::matrix_row,
        json(settings.as_ref(), "settings"),
        json(&optional(options), "options"),
    )
}

/// Plays a server-to-server negotiation out: every step with its XML, and the outcome.
#[wasm_bindgen(js_name = simulate, unchecked_return_type = "Answer<Simulation>")]
pub fn simulate(scenario: ScenarioArgument, options: Option<OptionsArgument>) -> JsValue {
    call2(
        api::simulate,
        json(scenario.as_ref(), "scenario"),
        json(&optional(options), "options"),
    )
}

/// Plays a negotiation out and renders the trace as text or as a Mermaid `sequenceDiagram`.
#[wasm_bindgen(js_name = renderTrace, unchecked_return_type = "Answer<Rendered>")]
pub fn render_trace(scenario: ScenarioArgument, options: Option<RenderOptionsArgument>) -> JsValue {
    call2(
        api::render_trace,
        json(scenario.as_ref(), "scenario"),
        json(&optional(options), "options"),
    )
}

/// Changes one setting of a scenario, as a failed negotiation's fix proposes it.
#[wasm_bindgen(js_name = applySetting, unchecked_return_type = "Answer<ScenarioAnswer>")]
pub fn apply_setting(
    scenario: ScenarioArgument,
    setting: SettingArgument,
    options: Option<OptionsArgument>,
) -> JsValue {
    call3(
        api::apply_setting,
        json(scenario.as_ref(), "scenario"),
        json(setting.as_ref(), "setting"),
        json(&optional(options), "options"),
    )
}

/// Plays a contact request between a Lync user and an XMPP user out, by partner type.
#[wasm_bindgen(js_name = simulateContact, unchecked_return_type = "Answer<ContactSimulation>")]
pub fn simulate_contact(
    request: ContactRequestArgument,
    options: Option<OptionsArgument>,
) -> JsValue {
    call2(
        api::simulate_contact_request,
        json(request.as_ref(), "request"),
        json(&optional(options), "options"),
    )
}

/// The partner server presets, with their policies and the server options they stand for.
#[wasm_bindgen(js_name = presets, unchecked_return_type = "Answer<Presets>")]
pub fn presets(options: Option<OptionsArgument>) -> JsValue {
    call1(api::presets, json(&optional(options), "options"))
}

/// Reads a partner document (JSON, XML, a PowerShell script, or `Format-List` text) and
/// validates it.
#[wasm_bindgen(js_name = importDocument, unchecked_return_type = "Answer<Imported>")]
pub fn import_document(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<ImportOptionsArgument>,
) -> JsValue {
    call2(
        api::import_document,
        string(&text, "text"),
        json(&optional(options), "options"),
    )
}

/// Writes a directory as JSON, XML or PowerShell.
#[wasm_bindgen(js_name = exportDirectory, unchecked_return_type = "Answer<Rendered>")]
pub fn export_directory(directory: DirectoryArgument, options: ExportOptionsArgument) -> JsValue {
    call2(
        api::export_directory,
        json(directory.as_ref(), "directory"),
        json(options.as_ref(), "options"),
    )
}

/// The version of the engine.
#[wasm_bindgen(js_name = engineVersion)]
pub fn engine_version() -> String {
    api::engine_version().to_owned()
}
