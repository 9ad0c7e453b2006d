//! A directory of 100,000 partners is an ordinary job: it reads, indexes and validates, and the
//! cross-partner checks still find the needles. (Speed is measured by `cargo xtask bench`.)

use std::fmt::Write;

use xmpp_federation::{Code, Domain, Format};

use crate::util::parse;

#[test]
fn validates_100_000_partners() {
    let mut text = String::from("{\"partners\": [");
    for i in 0..100_000 {
        if i > 0 {
            text.push(',');
        }
        let _ = write!(
            text,
            r#"{{"domain": "partner{i}.example", "additionalDomains": ["xmpp.partner{i}.example"], "saslNegotiation": "Optional"}}"#
        );
    }
    // Needles: a domain claimed twice, far apart, and a lookalike.
    text.push_str(r#", {"domain": "late.example", "additionalDomains": ["xmpp.partner7.example"], "saslNegotiation": "Optional"}"#);
    text.push_str(r#", {"domain": "partnerl2345.example", "saslNegotiation": "Optional"}"#);
    text.push_str("]}");

    let document = parse(&text, Format::Json);
    let directory = document.directory();
    assert_eq!(directory.partners().len(), 100_002);
    let found = directory.partner_for(&Domain::parse("xmpp.partner99999.example").unwrap());
    assert_eq!(found.unwrap().domain.as_str(), "partner99999.example");

    let report = directory.validate();
    let claimed: Vec<_> = report
        .diagnostics()
        .filter(|d| d.code() == Code::DomainClaimedTwice)
        .collect();
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].path(), "partners[100000].additionalDomains[0]");
    let lookalikes: Vec<_> = report
        .diagnostics()
        .filter(|d| d.code() == Code::ConfusableDomain)
        .collect();
    assert_eq!(lookalikes.len(), 1, "partnerl2345 looks like partner12345");
    assert_eq!(report.counts().errors, 1);
}
