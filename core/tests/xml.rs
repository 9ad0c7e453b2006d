//! The XML format: what it reads, with positions, and the hostile documents it refuses.

use xmpp_federation::{
    Code, Description, Directory, Document, Domain, Format, GatewayConfig, PartnerConfig,
    ReadErrorKind,
};

use crate::util::parse;

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>"#;

fn wrap(body: &str) -> String {
    format!("{HEAD}\n<directory xmlns=\"urn:xmpp-federation:directory:1\">\n{body}\n</directory>\n")
}

fn refused(text: &str) -> ReadErrorKind {
    Document::parse(text, Format::Xml)
        .unwrap_err()
        .kind()
        .clone()
}

#[test]
fn reads_partners_and_gateway() {
    let text = wrap(
        "  <!-- a comment -->\n  <gateway><connectionLimit>1200</connectionLimit></gateway>\n  \
         <partner>\n    <domain>fabrikam.com</domain>\n    <additionalDomains>\n      \
         <domain>corp.fabrikam.com</domain>\n      <domain>it.fabrikam.com</domain>\n    \
         </additionalDomains>\n    <description><![CDATA[R&D <xmpp>]]> &amp; more&#x21;</description>\n    \
         <partnerType>Federated</partnerType>\n  </partner>\n  <partner><domain>contoso.com</domain>\
         <additionalDomains/></partner>",
    );
    let document = parse(&text, Format::Xml);
    assert!(
        document.diagnostics().is_empty(),
        "{:?}",
        document.diagnostics()
    );
    let directory = document.directory();
    assert_eq!(directory.gateway().connection_limit, 1200);
    let fabrikam = &directory.partners()[0];
    assert_eq!(fabrikam.additional_domains.len(), 2);
    assert_eq!(fabrikam.description.as_str(), "R&D <xmpp> & more!");
    assert!(directory.partners()[1].additional_domains.is_empty());
}

#[test]
fn field_problems_carry_positions_and_suggestions() {
    let text = wrap(
        "  <partner>\n    <domain>fabrikam.com</domain>\n    <tlsNegociation>Required</tlsNegociation>\n    <partnerType><x/></partnerType>\n  </partner>",
    );
    let report = parse(&text, Format::Xml).validate();
    let unknown: Vec<_> = report
        .diagnostics()
        .filter(|d| d.code() == Code::UnknownField)
        .collect();
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0].position().unwrap().line, 5);
    assert!(
        unknown[0]
            .help(Default::default())
            .contains("tlsNegotiation")
    );
    // An element where a value belongs.
    assert!(
        report
            .diagnostics()
            .any(|d| d.code() == Code::WrongType && d.path() == "partners[0].partnerType")
    );
}

#[test]
fn carriage_returns_and_markup_survive_a_round_trip() {
    let mut partner = PartnerConfig::new(Domain::parse("fabrikam.com").unwrap());
    partner.description = Description::new("a\r\nb\rc\n <d> & ]]> '\"  ").unwrap();
    let directory = Directory::from_partners(GatewayConfig::default(), vec![partner]);
    let text = directory.to_xml();
    assert!(text.contains("&#13;"));
    assert_eq!(
        parse(&text, Format::Xml).directory().partners(),
        directory.partners()
    );
}

#[test]
fn refuses_document_types_and_never_expands_entities() {
    let laughs = format!(
        "{HEAD}\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>\n<directory>&lol2;</directory>"
    );
    assert_eq!(refused(&laughs), ReadErrorKind::Doctype);
    let external = format!(
        "{HEAD}\n<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><directory>&x;</directory>"
    );
    assert_eq!(refused(&external), ReadErrorKind::Doctype);
    let undefined = wrap("<partner><domain>&x;</domain></partner>");
    assert!(
        matches!(refused(&undefined), ReadErrorKind::Syntax { message, .. } if message.contains("undefined entity"))
    );
    let control = wrap("<partner><domain>a.com</domain><description>&#1;</description></partner>");
    assert!(matches!(refused(&control), ReadErrorKind::Syntax { .. }));
}

#[test]
fn refuses_malformed_and_foreign_documents() {
    let deep = format!(
        "{HEAD}<directory>{}{}</directory>",
        "<a>".repeat(20),
        "</a>".repeat(20)
    );
    assert_eq!(refused(&deep), ReadErrorKind::TooDeep { limit: 8 });
    assert!(matches!(
        refused("<partners/>"),
        ReadErrorKind::XmlRoot { .. }
    ));
    assert!(matches!(
        refused("<directory xmlns=\"urn:other\"/>"),
        ReadErrorKind::XmlRoot { .. }
    ));
    assert!(matches!(
        refused("<directory><partner></directory>"),
        ReadErrorKind::Syntax { .. }
    ));
    assert!(matches!(
        refused("<directory/><directory/>"),
        ReadErrorKind::Syntax { .. }
    ));
    assert!(matches!(
        refused("<directory><partner>text<domain>a.com</domain></partner></directory>"),
        ReadErrorKind::Syntax { .. }
    ));
    assert!(matches!(
        refused("<directory>"),
        ReadErrorKind::Syntax { .. }
    ));
    let attribute = wrap("<partner><domain kind=\"primary\">a.com</domain></partner>");
    assert!(
        matches!(refused(&attribute), ReadErrorKind::Syntax { message, .. } if message.contains("attribute `kind`"))
    );
    let error = Document::parse("<directory>\n  <partner>\n</directory>", Format::Xml).unwrap_err();
    assert_eq!(error.position().unwrap().line, 3);
}

#[test]
fn an_empty_directory_is_fine() {
    for text in [
        "<directory/>",
        "<directory xmlns=\"urn:xmpp-federation:directory:1\"></directory>",
    ] {
        let document = parse(text, Format::Xml);
        assert!(document.is_empty() && document.diagnostics().is_empty());
    }
}

#[test]
fn positions_are_exact_on_a_document_of_one_line() {
    let partners: String = (0..2000)
        .map(|i| format!("<partner><domain>p{i}.example</domain></partner>"))
        .collect();
    let text = format!(
        "<directory>{partners}<partner><domain>p.example</domain><tlsNegotiation>Sometimes</tlsNegotiation></partner></directory>"
    );
    let document = parse(&text, Format::Xml);
    let finding = &document.diagnostics()[0];
    let position = finding.position().unwrap();
    assert_eq!(position.line, 1);
    let column = usize::try_from(position.column).unwrap();
    assert!(
        text[column - 1..].starts_with("<tlsNegotiation>"),
        "column {column}"
    );
}
