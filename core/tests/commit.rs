//! Commits as the Control Panel makes them (seed steps 4 to 7), and who may make them (step 1).

use xmpp_federation::{
    Change, Code, CommitError, Directory, Domain, Format, Negotiation, PartnerConfig, PartnerEdit,
    Principal, Severity,
};

use crate::util::parse;

fn admin() -> Principal {
    Principal::new("kim").with_group("RTCUniversalServerAdmins")
}

fn domain(name: &str) -> Domain {
    Domain::parse(name).unwrap()
}

fn start() -> Directory {
    parse(
        r#"{"partners": [
            {"domain": "fabrikam.com", "additionalDomains": ["corp.fabrikam.com"], "saslNegotiation": "Optional"},
            {"domain": "gmail.com", "tlsNegotiation": "NotSupported", "saslNegotiation": "NotSupported", "enableKeepAlive": false}
        ]}"#,
        Format::Json,
    )
    .directory()
}

fn snapshot(directory: &Directory) -> String {
    directory.to_json()
}

#[test]
fn a_clean_commit_applies_new_edit_and_remove() {
    let mut directory = start();
    let mut contoso = PartnerConfig::new(domain("contoso.com"));
    contoso.support_dialback_negotiation = false;
    let mut edit = PartnerEdit::new(domain("fabrikam.com"));
    edit.tls_negotiation = Some(Negotiation::Required);
    edit.support_dialback_negotiation = Some(false);
    let committed = directory
        .commit(
            &admin(),
            &[
                Change::New(contoso),
                Change::Edit(edit),
                Change::Remove(domain("gmail.com")),
            ],
        )
        .unwrap();
    let names: Vec<&str> = directory
        .partners()
        .iter()
        .map(|p| p.domain.as_str())
        .collect();
    assert_eq!(names, ["fabrikam.com", "contoso.com"]);
    assert!(
        !directory
            .partner(&domain("fabrikam.com"))
            .unwrap()
            .support_dialback_negotiation
    );
    assert!(
        committed
            .report
            .diagnostics()
            .all(|d| d.severity() != Severity::Error)
    );
    // The lookup index follows the commit.
    assert!(directory.partner_for(&domain("gmail.com")).is_none());
    assert_eq!(
        directory
            .partner_for(&domain("corp.fabrikam.com"))
            .unwrap()
            .domain,
        domain("fabrikam.com")
    );
}

#[test]
fn errors_refuse_the_whole_commit_and_keep_nothing() {
    let mut directory = start();
    let before = snapshot(&directory);
    let mut good = PartnerConfig::new(domain("contoso.com"));
    good.support_dialback_negotiation = false;
    // SASL without TLS: "changes are not saved" (M5).
    let mut bad = PartnerConfig::new(domain("litwareinc.com"));
    bad.tls_negotiation = Negotiation::NotSupported;
    let error = directory
        .commit(&admin(), &[Change::New(good), Change::New(bad)])
        .unwrap_err();
    let CommitError::Refused { blocking, findings } = error else {
        panic!("not refused")
    };
    assert_eq!(
        blocking.iter().map(|d| d.code()).collect::<Vec<_>>(),
        [Code::SaslRequiresTls]
    );
    // Every finding is returned, the information about M5's TCP dialback included.
    assert!(
        findings
            .iter()
            .any(|d| d.code() == Code::MatrixTcpDialbackOnly)
    );
    assert_eq!(
        snapshot(&directory),
        before,
        "the directory must not change"
    );
    assert!(directory.partner(&domain("contoso.com")).is_none());
}

#[test]
fn a_domain_taken_by_another_partner_blocks_either_way_round() {
    let mut directory = start();
    let before = snapshot(&directory);
    let mut thief = PartnerConfig::new(domain("contoso.com"));
    thief.additional_domains = vec![domain("corp.fabrikam.com")];
    let error = directory
        .commit(&admin(), &[Change::New(thief)])
        .unwrap_err();
    assert!(
        matches!(error, CommitError::Refused { ref blocking, .. } if blocking[0].code() == Code::DomainClaimedTwice)
    );
    // Editing the earlier partner to claim a later partner's domain blocks too, although the
    // finding lands on the later, untouched partner.
    let mut edit = PartnerEdit::new(domain("fabrikam.com"));
    edit.additional_domains = Some(xmpp_federation::DomainListChange::Modify {
        add: vec![domain("gmail.com")],
        remove: vec![],
    });
    let error = directory
        .commit(&admin(), &[Change::Edit(edit)])
        .unwrap_err();
    assert!(matches!(error, CommitError::Refused { .. }));
    assert_eq!(snapshot(&directory), before);
}

#[test]
fn warnings_do_not_block() {
    let mut directory = start();
    // The cmdlet defaults are M1, which warns that dialback does not operate.
    let committed = directory
        .commit(
            &admin(),
            &[Change::New(PartnerConfig::new(domain("contoso.com")))],
        )
        .unwrap();
    assert!(
        committed
            .report
            .diagnostics()
            .any(|d| d.code() == Code::DialbackInoperative)
    );
    assert!(directory.partner(&domain("contoso.com")).is_some());
}

#[test]
fn unknown_and_existing_partners_are_errors() {
    let mut directory = start();
    let before = snapshot(&directory);
    let error = directory
        .commit(
            &admin(),
            &[
                Change::Edit(PartnerEdit::new(domain("fabrikan.com"))),
                Change::New(PartnerConfig::new(domain("GMAIL.com"))),
            ],
        )
        .unwrap_err();
    let CommitError::Refused { blocking, .. } = error else {
        panic!()
    };
    let codes: Vec<Code> = blocking.iter().map(|d| d.code()).collect();
    assert_eq!(codes, [Code::UnknownPartner, Code::PartnerExists]);
    assert!(
        blocking[0]
            .help(Default::default())
            .contains("`fabrikam.com`"),
        "suggests the closest"
    );
    assert_eq!(blocking[0].path(), "changes[0].identity");
    assert_eq!(snapshot(&directory), before);
}

#[test]
fn errors_elsewhere_that_were_there_before_do_not_block() {
    let mut directory = parse(
        r#"[{"domain": "broken.com", "saslNegotiation": "NotSupported", "supportDialbackNegotiation": false},
            {"domain": "fabrikam.com"}]"#,
        Format::Json,
    )
    .directory();
    assert!(directory.validate().has_errors());
    let mut edit = PartnerEdit::new(domain("fabrikam.com"));
    edit.support_dialback_negotiation = Some(false);
    directory.commit(&admin(), &[Change::Edit(edit)]).unwrap();
    assert!(
        !directory
            .partner(&domain("fabrikam.com"))
            .unwrap()
            .support_dialback_negotiation
    );
}

#[test]
fn only_admins_may_commit() {
    for principal in [
        Principal::new("lee").with_role("CsViewOnlyAdministrator"),
        Principal::new("sam").with_role("CsUserAdministrator"),
        Principal::new("pat").with_group("Domain Admins"),
        Principal::new("anonymous"),
    ] {
        let mut directory = start();
        let before = snapshot(&directory);
        let error = directory
            .commit(&principal, &[Change::Remove(domain("gmail.com"))])
            .unwrap_err();
        assert!(
            matches!(error, CommitError::NotAuthorized { .. }),
            "{principal:?}"
        );
        assert!(error.to_string().contains("RTCUniversalServerAdmins"));
        assert_eq!(snapshot(&directory), before);
        // Reading stays possible.
        assert_eq!(directory.validate().partners().len(), 2);
    }
    let mut directory = start();
    let role_holder = Principal::new("ann").with_role("CsAdministrator");
    directory
        .commit(&role_holder, &[Change::Remove(domain("gmail.com"))])
        .unwrap();
    assert_eq!(directory.partners().len(), 1);
}
