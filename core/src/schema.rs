//! JSON Schemas (draft 2020-12) for the JSON format, generated from the same field table the
//! reader uses. `schema/partner.schema.json` and `schema/directory.schema.json` are these
//! values, written by `cargo xtask schema` and checked by `cargo xtask test`.
//!
//! The schemas describe the shape the reader accepts. Rules across fields (the negotiation
//! matrix, duplicate domains, the description's 1024-character limit) are the validator's, and
//! [`Diagnostic`](crate::Diagnostic)s report them.

use serde_json::{Map, Value, json};

use crate::document::fields::{self, Default, Field, Kind};
use crate::limits::{MAX_ADDITIONAL_DOMAINS, MAX_PARTNERS, MAX_TEXT_CHARS};

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Text without the control characters no format can carry.
const PLAIN_TEXT: &str = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]*$";

fn domain() -> Value {
    json!({
        "type": "string",
        "format": "idn-hostname",
        "minLength": 1,
        "maxLength": 1024,
        "description": "A DNS domain such as fabrikam.com. Case, a trailing dot and \
                        internationalised forms are normalised (UTS #46); JIDs, URLs, IP \
                        addresses, ports and wildcards are rejected."
    })
}

fn property(field: &Field) -> Value {
    let mut schema = match field.kind {
        Kind::Domain => json!({ "$ref": "#/$defs/domain" }),
        Kind::DomainList => json!({
            "type": "array",
            "items": { "$ref": "#/$defs/domain" },
            "maxItems": MAX_ADDITIONAL_DOMAINS
        }),
        Kind::Text => json!({
            "type": "string",
            "maxLength": MAX_TEXT_CHARS,
            "pattern": PLAIN_TEXT
        }),
        Kind::Enum(values) => json!({ "type": "string", "enum": values }),
        Kind::Bool => json!({ "type": "boolean" }),
        Kind::WholeNumber => json!({ "type": "integer", "minimum": 0, "maximum": u32::MAX }),
        Kind::Object | Kind::List => json!({}),
    };
    if field.nullable {
        schema = json!({ "anyOf": [schema, { "type": "null" }] });
    }
    if let Value::Object(object) = &mut schema {
        object.insert("description".into(), field.description.into());
        match field.default {
            Default::None => {}
            Default::Text(text) => {
                object.insert("default".into(), text.into());
            }
            Default::Bool(b) => {
                object.insert("default".into(), b.into());
            }
            Default::Number(n) => {
                object.insert("default".into(), n.into());
            }
        }
    }
    schema
}

fn object(table: &[Field]) -> Value {
    let properties: Map<String, Value> = table
        .iter()
        .map(|f| (f.name.to_owned(), property(f)))
        .collect();
    let required: Vec<&str> = table
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    let mut schema = json!({
        "type": "object",
        "additionalProperties": false,
        "properties": properties,
    });
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    schema
}

fn partner_object() -> Value {
    let mut schema = object(&fields::PARTNER);
    schema["title"] = "XMPP federated partner".into();
    schema["description"] = "One partner, as New-CsXmppAllowedPartner creates it. Omitted \
                             fields take the cmdlet defaults."
        .into();
    schema
}

/// The schema of one partner object.
pub fn partner() -> Value {
    let mut schema = json!({
        "$schema": DRAFT,
        "$id": "urn:xmpp-federation:schema:partner:1",
    });
    merge(&mut schema, partner_object());
    schema["$defs"] = json!({ "domain": domain() });
    schema
}

/// The schema of a directory document: the gateway settings and the partners.
pub fn directory() -> Value {
    let mut gateway = object(&fields::GATEWAY);
    gateway["title"] = "XMPP gateway configuration".into();
    gateway["description"] = "The global settings of Set-CsXmppGatewayConfiguration. Omitted \
                              fields take the documented defaults."
        .into();
    let mut schema = json!({
        "$schema": DRAFT,
        "$id": "urn:xmpp-federation:schema:directory:1",
        "title": "XMPP federated partners",
        "description": "The XMPP Federated Partners page: gateway settings and partners.",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "$schema": property(&fields::DIRECTORY[0]),
            "gateway": { "$ref": "#/$defs/gateway" },
            "partners": {
                "description": fields::DIRECTORY[2].description,
                "type": "array",
                "items": { "$ref": "#/$defs/partner" },
                "maxItems": MAX_PARTNERS
            }
        },
    });
    schema["$defs"] = json!({
        "domain": domain(),
        "gateway": gateway,
        "partner": partner_object(),
    });
    schema
}

fn merge(target: &mut Value, source: Value) {
    if let (Value::Object(target), Value::Object(source)) = (target, source) {
        target.extend(source);
    }
}
