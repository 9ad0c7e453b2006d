//! Pasted `Get-CsXmppAllowedPartner | Format-List` output.

use xmpp_federation::{Code, Format, MatrixRow, PartnerType, decode};

use crate::util::parse;

const PASTE: &str = "\r
Identity                   : fabrikam.com\r
AdditionalDomains          : {corp.fabrikam.com, it.fabrikam.com,\r
                             research.fabrikam.com}\r
ConnectionLimit            :\r
Description                : Fabrikam, Inc. XMPP federation with the research and IT\r
                             departments\r
EnableKeepAlive            : True\r
PartnerType                : Federated\r
ProxyFqdn                  :\r
SaslNegotiation            : Optional\r
SupportDialbackNegotiation : True\r
TlsNegotiation             : Required\r
\r
Identity                   : gmail.com\r
AdditionalDomains          : {}\r
ConnectionLimit            : 20\r
Description                :\r
EnableKeepAlive            : False\r
PartnerType                : PublicUnverified\r
ProxyFqdn                  :\r
SaslNegotiation            : NotSupported\r
SupportDialbackNegotiation : True\r
TlsNegotiation             : NotSupported\r
\r
";

#[test]
fn reads_a_paste_with_wrapped_values() {
    let document = parse(PASTE, Format::FormatList);
    assert!(
        document.diagnostics().is_empty(),
        "{:?}",
        document.diagnostics()
    );
    let directory = document.directory();
    let fabrikam = &directory.partners()[0];
    assert_eq!(fabrikam.additional_domains.len(), 3);
    assert_eq!(
        fabrikam.description.as_str(),
        "Fabrikam, Inc. XMPP federation with the research and IT departments",
        "PowerShell wraps at a space, which a console copy drops; it is put back"
    );
    assert_eq!(fabrikam.partner_type, PartnerType::Federated);
    assert_eq!(fabrikam.matrix_row(), MatrixRow::M7);
    let gmail = &directory.partners()[1];
    assert_eq!(gmail.matrix_row(), MatrixRow::M17);
    assert_eq!(gmail.connection_limit, Some(20));
    assert!(!gmail.enable_keep_alive);
}

#[test]
fn reads_the_utf16_file_windows_powershell_writes() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(PASTE.encode_utf16().flat_map(u16::to_le_bytes));
    let text = decode(&bytes).unwrap();
    assert_eq!(
        parse(&text, Format::FormatList)
            .directory()
            .partners()
            .len(),
        2
    );
}

#[test]
fn a_truncated_list_is_an_error_and_the_partner_is_not_read() {
    let paste = "Identity : a.com\nAdditionalDomains : {b.a.com, c.a.com, d.a.com, e.a.com...}\n\nIdentity : z.com\n";
    let document = parse(paste, Format::FormatList);
    let report = document.validate();
    assert_eq!(report.partners().len(), 2);
    assert!(!report.partners()[0].commit_allowed());
    assert_eq!(
        report.partners()[0].diagnostics()[0].code(),
        Code::TruncatedList
    );
    assert_eq!(report.partners()[0].diagnostics().len(), 1);
    assert_eq!(document.directory().partners().len(), 1);
}

#[test]
fn unknown_properties_are_noted_once() {
    let paste = "Identity : a.com\nAnchor : 1\n\nIdentity : b.com\nAnchor : 2\n";
    let document = parse(paste, Format::FormatList);
    assert_eq!(document.directory().partners().len(), 2);
    let ignored: Vec<_> = document
        .diagnostics()
        .iter()
        .filter(|d| d.code() == Code::IgnoredProperty)
        .collect();
    assert_eq!(ignored.len(), 1);
}

#[test]
fn a_description_naming_a_cmdlet_is_still_format_list() {
    let paste = "Identity    : a.com\nDescription : created by New-CsXmppAllowedPartner\n";
    assert_eq!(Format::detect(paste), Some(Format::FormatList));
    let document = xmpp_federation::Document::parse_detected(paste).unwrap();
    assert_eq!(document.directory().partners().len(), 1);
}

#[test]
fn lines_that_are_not_properties_are_refused_with_their_line() {
    let error = xmpp_federation::Document::parse(
        "Identity : a.com\n---- not a property\n",
        Format::FormatList,
    )
    .unwrap_err();
    assert_eq!(error.position().unwrap().line, 2);
}
