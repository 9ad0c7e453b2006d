//! The 18 matrix rows and the 4 common configurations against the reference tables
//! (`data/negotiation-matrix.tsv`).

use xmpp_federation::{MatrixRow, Negotiation, RowVerdict};

use crate::util::{crate_dir, read};

struct Reference {
    row: String,
    tls: Negotiation,
    sasl: Negotiation,
    dialback: bool,
    expected: String,
    marking: String,
}

fn negotiation(text: &str) -> Negotiation {
    match text {
        "Required" => Negotiation::Required,
        "Optional" => Negotiation::Optional,
        "Not Supported" => Negotiation::NotSupported,
        other => panic!("unknown setting {other:?}"),
    }
}

fn reference() -> Vec<Reference> {
    read(&crate_dir().join("tests/data/negotiation-matrix.tsv"))
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            assert_eq!(cells.len(), 6, "{line}");
            Reference {
                row: cells[0].to_owned(),
                tls: negotiation(cells[1]),
                sasl: negotiation(cells[2]),
                dialback: cells[3] == "True",
                expected: cells[4].to_owned(),
                marking: cells[5].to_owned(),
            }
        })
        .collect()
}

#[test]
fn every_row_matches_the_complete_matrix() {
    let rows: Vec<Reference> = reference()
        .into_iter()
        .filter(|r| r.row.starts_with('M'))
        .collect();
    assert_eq!(rows.len(), 18);
    for r in rows {
        let row = MatrixRow::classify(r.tls, r.sasl, r.dialback);
        assert_eq!(row.name(), r.row, "classification");
        let methods = if row.expected_methods().is_empty() {
            "Not Valid Configuration".to_owned()
        } else {
            row.expected_methods()
                .labels(xmpp_federation::Language::English)
        };
        assert_eq!(methods, r.expected, "{} expected methods", r.row);
        let verdict = match r.marking.as_str() {
            "valid" => RowVerdict::Valid,
            "warning" => RowVerdict::Warning,
            "not valid" => RowVerdict::NotValid,
            other => panic!("{other}"),
        };
        assert_eq!(row.verdict(), verdict, "{} verdict", r.row);
    }
}

#[test]
fn control_panel_refuses_sasl_without_tls() {
    let refused: Vec<&str> = MatrixRow::ALL
        .iter()
        .filter(|r| r.refused_by_control_panel())
        .map(|r| r.name())
        .collect();
    assert_eq!(refused, ["M5", "M6", "M11", "M12"]);
}

/// "Dialback will not operate if both SASL and TLS are required": only M1 switches dialback on
/// without it operating. The rule comes from our proxy's policy in the simulation.
#[test]
fn dialback_is_inoperative_only_in_m1() {
    let inoperative: Vec<&str> = MatrixRow::ALL
        .iter()
        .filter(|r| r.dialback_inoperative())
        .map(|r| r.name())
        .collect();
    assert_eq!(inoperative, ["M1"]);
}

/// The Control Panel refuses SASL without TLS even where the matrix leaves TCP dialback.
#[test]
fn control_panel_refuses_two_rows_that_negotiate() {
    let refused: Vec<&str> = MatrixRow::ALL
        .iter()
        .filter(|r| r.refused_but_negotiable())
        .map(|r| r.name())
        .collect();
    assert_eq!(refused, ["M5", "M11"]);
}

/// The common table agrees with the matrix except in one cell: C2 lists TCP dialback, which the
/// matrix (M7) does not. We follow the matrix; this test pins the single deviation.
#[test]
fn common_configurations_agree_with_the_matrix_except_c2() {
    for r in reference().into_iter().filter(|r| r.row.starts_with('C')) {
        let row = MatrixRow::classify(r.tls, r.sasl, r.dialback);
        assert_eq!(row.common_name(), Some(r.row.as_str()));
        let ours = row
            .expected_methods()
            .labels(xmpp_federation::Language::English);
        if r.row == "C2" {
            assert_eq!(ours, "SASL over TLS, TLS Dialback");
            assert_eq!(r.expected, format!("{ours}, TCP Dialback"));
        } else {
            assert_eq!(ours, r.expected, "{}", r.row);
        }
    }
}
