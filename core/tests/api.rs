//! The JSON-shaped calls behind the WebAssembly package: the tagged answers in JSON, and errors
//! that name the argument and field.

use serde_json::{Value, json};
use xmpp_federation::api;

fn to_json<T: serde::Serialize>(answer: &api::Answer<T>) -> Value {
    serde_json::to_value(answer).unwrap()
}

#[test]
fn answers_are_tagged_unions() {
    let success = to_json(&api::matrix(None));
    assert_eq!(success["type"], "success");
    assert_eq!(success["rows"].as_array().unwrap().len(), 18);
    assert_eq!(success["rows"][6]["row"], "M7");
    assert_eq!(success["rows"][6]["common"], "C2");

    let failure = to_json(&api::simulate(None, None));
    assert_eq!(
        failure,
        json!({"type": "failure", "errors": [{
            "code": "missingArgument",
            "message": "`scenario` is missing: pass it as the first argument",
            "field": "scenario"
        }]})
    );
}

#[test]
fn errors_name_the_field_in_the_language_asked_for() {
    let scenario = r#"{"ours": {"domain": "contoso.com"}, "partnerConfig": {"domain": "fabrikam.com"},
        "partner": {"preset": "prosody", "domain": "fabrikam.com"}, "direction": "sideways"}"#;
    let answer = to_json(&api::simulate(
        Some(scenario),
        Some(r#"{"language": "de"}"#),
    ));
    assert_eq!(answer["errors"][0]["code"], "invalidValue");
    assert_eq!(answer["errors"][0]["field"], "scenario.direction");
    let options = to_json(&api::presets(Some(r#"{"langauge": "de"}"#)));
    assert_eq!(options["errors"][0]["field"], "options.langauge");
    assert!(
        options["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("unknown field `langauge`"),
        "{options}"
    );
}

#[test]
fn a_partner_is_validated_with_relative_paths() {
    let answer = to_json(&api::validate_partner(
        Some(
            r#"{"domain": "tailspintoys.com", "additionalDomains": ["corp.fabrikam.com", "corp.fabrikam.com"]}"#,
        ),
        None,
    ));
    let partner = &answer["partner"];
    assert_eq!(partner["path"], "");
    assert_eq!(partner["matrixRow"], "M1");
    let paths: Vec<&str> = partner["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert!(paths.contains(&"additionalDomains[1]"), "{paths:?}");
    assert!(
        paths.iter().all(|p| !p.starts_with("partners")),
        "{paths:?}"
    );
}

#[test]
fn settings_apply_and_exports_refuse_broken_partners() {
    let scenario = std::fs::read_to_string(
        crate::util::root().join("examples/scenarios/g-tls-required-by-receiving.json"),
    )
    .unwrap();
    let fixed = to_json(&api::apply_setting(
        Some(&scenario),
        Some(r#"{"side": "ours", "name": "tlsNegotiation", "value": "Required"}"#),
        None,
    ));
    assert_eq!(
        fixed["scenario"]["partnerConfig"]["tlsNegotiation"],
        "Required"
    );
    // A setting the side does not have is refused by name, as the argument it came in.
    let unknown = to_json(&api::apply_setting(
        Some(&scenario),
        Some(r#"{"side": "partner", "name": "tlsNegotiation", "value": "Required"}"#),
        None,
    ));
    assert_eq!(unknown["errors"][0]["code"], "invalidValue");
    assert_eq!(unknown["errors"][0]["field"], "setting");
    assert_eq!(
        unknown["errors"][0]["message"],
        "there is no setting `tlsNegotiation` on the Partner side"
    );
    let refused = to_json(&api::export_directory(
        Some(r#"{"partners": [{"domain": "fabrikam.com", "tlsNegotiation": "Sometimes"}]}"#),
        Some(r#"{"format": "xml"}"#),
    ));
    assert_eq!(refused["errors"][0]["code"], "notExported");
    assert_eq!(refused["errors"][0]["field"], "partners[0].tlsNegotiation");
    // A partner listed twice, here by its Unicode and its `xn--` name, cannot be written: the
    // second `New-CsXmppAllowedPartner` would fail and every reader keeps one (found by
    // fuzzing the round trip).
    for format in ["json", "xml", "powerShell"] {
        let twice = to_json(&api::export_directory(
            Some(
                r#"[{"domain": "bücher.de"}, {"domain": "xn--bcher-kva.de", "partnerType": "Federated"}]"#,
            ),
            Some(&format!(r#"{{"format": "{format}"}}"#)),
        ));
        assert_eq!(twice["errors"][0]["code"], "notExported", "{format}");
        assert_eq!(
            twice["errors"][0]["field"], "partners[1].domain",
            "{format}"
        );
        assert!(
            twice["errors"][0]["message"]
                .as_str()
                .unwrap()
                .contains("[XF302]"),
            "{twice}"
        );
    }
}
