//! The checked-in JSON Schemas are the ones the field table generates, and they agree with the
//! reader on the fixtures.

use serde_json::Value;
use xmpp_federation::{Code, Document, Format};

use crate::util::{crate_dir, fixture, read, root};

fn checked_in(name: &str) -> Value {
    serde_json::from_str(&read(&root().join("schema").join(name))).unwrap()
}

#[test]
fn checked_in_schemas_are_current() {
    assert_eq!(
        checked_in("partner.schema.json"),
        xmpp_federation::schema::partner()
    );
    assert_eq!(
        checked_in("directory.schema.json"),
        xmpp_federation::schema::directory()
    );
}

/// Codes that the reader reports about the shape of the JSON, which the schema describes.
const SHAPE: &[Code] = &[
    Code::UnknownField,
    Code::InvalidValue,
    Code::WrongType,
    Code::MissingField,
    Code::LimitExceeded,
    Code::ControlCharacter,
];

#[test]
fn the_schema_accepts_what_the_reader_reads_and_rejects_what_it_refuses() {
    let validator = jsonschema::validator_for(&checked_in("directory.schema.json")).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(fixture("diagnostics"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.push(crate_dir().join("../examples/contoso-partners.json"));
    let mut checked = 0;
    for path in files {
        let text = read(&path);
        // Duplicate keys are invisible to a schema (JSON parsers keep the last one).
        if path.ends_with("XF005.json") {
            continue;
        }
        let document = Document::parse(&text, Format::Json).unwrap();
        let shape_error = document
            .diagnostics()
            .iter()
            .any(|d| SHAPE.contains(&d.code()));
        let value: Value = serde_json::from_str(&text).unwrap();
        let valid = validator.is_valid(&value);
        // Domains are checked by the reader's UTS #46 rules, which a schema cannot express.
        let domain_error = document
            .diagnostics()
            .iter()
            .any(|d| d.code() == Code::InvalidDomain);
        if !domain_error {
            assert_eq!(
                valid,
                !shape_error,
                "{}: schema says {valid}",
                path.display()
            );
        }
        checked += 1;
    }
    assert!(checked > 30);
}
