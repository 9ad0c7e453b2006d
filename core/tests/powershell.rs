//! PowerShell scripts: the documented examples, parameter binding as PowerShell does it, and
//! quoting that stays inert.

use xmpp_federation::{
    Code, Description, Directory, Document, Domain, Format, GatewayConfig, MatrixRow,
    PartnerConfig, PartnerType, ReadErrorKind,
};

use crate::util::{codes, parse};

fn directory(script: &str) -> Directory {
    parse(script, Format::PowerShell).directory()
}

fn domain(name: &str) -> Domain {
    Domain::parse(name).unwrap()
}

#[test]
fn reads_the_documented_examples() {
    let script = r#"
New-CsXmppAllowedPartner gmail.com -TlsNegotiation NotSupported -SaslNegotiation NotSupported -EnableKeepAlive $false -SupportDialbackNegotiation $true
New-CsXmppAllowedPartner -Identity "contoso.com" -PartnerType "PublicVerified"
New-CsXmppAllowedPartner -Identity "fabrikam.com" -AdditionalDomains "research.fabrikam2.com"
Set-CsXmppAllowedPartner -Identity "contoso.com" -SupportDialbackNegotiation $False
Set-CsXmppAllowedPartner -Identity "contoso.com" -AdditionalDomains @{Add="na.contoso.com"}
Set-CsXmppAllowedPartner -Identity "contoso.com" -AdditionalDomains @{Add="europe.contoso.com"}
Set-CsXmppAllowedPartner -Identity "contoso.com" -AdditionalDomains @{Remove="europe.contoso.com"}
Set-CsXmppAllowedPartner -Identity "fabrikam.com" -AdditionalDomains $Null
"#;
    let document = parse(script, Format::PowerShell);
    assert!(
        document.diagnostics().is_empty(),
        "{:?}",
        document.diagnostics()
    );
    let directory = document.directory();
    let gmail = directory.partner(&domain("gmail.com")).unwrap();
    assert_eq!(gmail.matrix_row(), MatrixRow::M17);
    assert!(!gmail.enable_keep_alive);
    let contoso = directory.partner(&domain("contoso.com")).unwrap();
    assert_eq!(contoso.partner_type, PartnerType::PublicVerified);
    assert!(!contoso.support_dialback_negotiation);
    assert_eq!(contoso.additional_domains, [domain("na.contoso.com")]);
    let fabrikam = directory.partner(&domain("fabrikam.com")).unwrap();
    assert!(fabrikam.additional_domains.is_empty());
}

#[test]
fn descriptions_stay_inert() {
    let hostile = [
        "'; Remove-CsXmppAllowedPartner -Identity 'fabrikam.com'; '",
        "’; Remove-CsXmppAllowedPartner fabrikam.com; ‘",
        "$(Remove-Item C:\\ -Recurse) ${env:PATH} `n",
        "\"; Remove-CsXmppAllowedPartner fabrikam.com #",
        "line one\r\nline two\n'",
        "<# not a comment #> @{Add='x'} | Out-Null",
    ];
    for text in hostile {
        let mut partner = PartnerConfig::new(domain("contoso.com"));
        partner.description = Description::new(text).unwrap();
        let fabrikam = PartnerConfig::new(domain("fabrikam.com"));
        let original = Directory::from_partners(GatewayConfig::default(), vec![fabrikam, partner]);
        let script = original.to_powershell();
        let read = directory(&script);
        assert_eq!(read.partners(), original.partners(), "{script}");
    }
}

#[test]
fn binds_parameters_as_powershell_does() {
    // Case-insensitive names, unique prefixes, `-Name:value`, and a positional identity.
    let d = directory(
        "new-csxmppallowedpartner FABRIKAM.com -tls Optional -sasl:NotSupported -Partner federated -Confirm:$false",
    );
    let p = &d.partners()[0];
    assert_eq!(p.domain.as_str(), "fabrikam.com");
    assert_eq!(p.matrix_row(), MatrixRow::M15);
    assert_eq!(p.partner_type, PartnerType::Federated);
}

#[test]
fn binding_errors_fail_the_command() {
    let cases = [
        ("New-CsXmppAllowedPartner a.com -S Required", "ambiguous"),
        (
            "New-CsXmppAllowedPartner a.com -TlsNegociation Required",
            "did you mean `-TlsNegotiation`",
        ),
        (
            "New-CsXmppAllowedPartner a.com b.com",
            "takes no further value",
        ),
        (
            "New-CsXmppAllowedPartner a.com -TlsNegotiation",
            "has no value",
        ),
        (
            "New-CsXmppAllowedPartner -Identity a.com -Domain b.com",
            "cannot take both",
        ),
        (
            "New-CsXmppAllowedPartner a.com -EnableKeepAlive false",
            "takes `$true` or `$false`",
        ),
        // Common parameters take part in prefix matching.
        ("New-CsXmppAllowedPartner a.com -E $false", "ambiguous"),
        ("New-CsXmppAllowedPartner a.com -W", "ambiguous"),
        ("New-CsXmppAllowedPartner a.com -In", "ambiguous"),
        (
            "New-CsXmppAllowedPartner a.com -Description x -Description y",
            "given twice",
        ),
    ];
    for (script, expected) in cases {
        let document = parse(script, Format::PowerShell);
        assert!(
            document.directory().partners().is_empty(),
            "{script} created a partner"
        );
        let report = document.validate();
        let texts: Vec<String> = report
            .diagnostics()
            .flat_map(|d| [d.message(Default::default()), d.help(Default::default())])
            .collect();
        assert!(
            texts.iter().any(|t| t.contains(expected)),
            "{script}: {texts:?}"
        );
        assert!(codes(&report).contains(&Code::ParameterBinding), "{script}");
        let position = report.diagnostics().next().unwrap().position().unwrap();
        assert_eq!(position.line, 1);
    }
}

#[test]
fn a_number_binds_to_a_boolean() {
    let d = directory("New-CsXmppAllowedPartner a.com -EnableKeepAlive 0");
    assert!(!d.partners()[0].enable_keep_alive);
}

#[test]
fn what_if_and_in_memory_change_nothing() {
    let document = parse(
        "New-CsXmppAllowedPartner a.com -WhatIf\nNew-CsXmppAllowedPartner b.com -InMemory\nNew-CsXmppAllowedPartner c.com -WhatIf:$false",
        Format::PowerShell,
    );
    let directory = document.directory();
    let names: Vec<&str> = directory
        .partners()
        .iter()
        .map(|p| p.domain.as_str())
        .collect();
    assert_eq!(names, ["c.com"]);
    assert_eq!(
        document
            .diagnostics()
            .iter()
            .map(|d| d.code())
            .collect::<Vec<_>>(),
        [Code::CommandNotApplied, Code::CommandNotApplied]
    );
}

#[test]
fn edits_apply_in_order() {
    let script = "\
Import-Module Lync
New-CsXmppAllowedPartner a.com -AdditionalDomains x.a.com,y.a.com -ConnectionLimit 10 -Description 'old'
Set-CsXmppAllowedPartner a.com -AdditionalDomains @{Add='z.a.com'; Remove='x.a.com'} -ConnectionLimit $null -Description $null -ProxyFqdn proxy.a.com
New-CsXmppAllowedPartner b.com
Remove-CsXmppAllowedPartner b.com
Set-CsXmppAllowedPartner b.com -TlsNegotiation Optional
Set-CsXmppGatewayConfiguration -Identity global -ConnectionLimit 1200 -DialbackPassphrase 's3cret'
";
    let document = parse(script, Format::PowerShell);
    let directory = document.directory();
    assert_eq!(directory.partners().len(), 1);
    let a = &directory.partners()[0];
    assert_eq!(a.additional_domains, [domain("y.a.com"), domain("z.a.com")]);
    assert_eq!(a.connection_limit, None);
    assert!(a.description.is_empty());
    assert_eq!(a.proxy_fqdn, Some(domain("proxy.a.com")));
    assert_eq!(directory.gateway().connection_limit, 1200);
    assert_eq!(
        directory
            .gateway()
            .dialback_passphrase
            .as_ref()
            .unwrap()
            .expose(),
        "s3cret"
    );
    // The edit of the removed partner fails with a suggestion.
    let unknown: Vec<_> = document
        .diagnostics()
        .iter()
        .filter(|d| d.code() == Code::UnknownPartner)
        .collect();
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0].position().unwrap().line, 6);
}

#[test]
fn a_failed_edit_changes_nothing_and_is_reported_on_the_partner() {
    let document = parse(
        "New-CsXmppAllowedPartner a.com\nSet-CsXmppAllowedPartner a.com -TlsNegotiation Optional -SaslNegotiation Sometimes",
        Format::PowerShell,
    );
    let report = document.validate();
    let partner = &report.partners()[0];
    assert_eq!(
        partner.matrix_row(),
        Some(MatrixRow::M1),
        "the TLS change must not apply"
    );
    assert!(
        partner
            .diagnostics()
            .iter()
            .any(|d| d.code() == Code::InvalidValue
                && d.path() == "partners[0].saslNegotiation"
                && d.position().map(|p| p.line) == Some(2))
    );
}

#[test]
fn refuses_what_it_cannot_evaluate() {
    let cases = [
        (
            "Get-CsXmppAllowedPartner | Set-CsXmppAllowedPartner -SaslNegotiation Required",
            1,
        ),
        (
            "New-CsXmppAllowedPartner a.com\nRemove-Item partners.txt",
            2,
        ),
        ("$partner = 'a.com'\nNew-CsXmppAllowedPartner $partner", 1),
        ("New-CsXmppAllowedPartner \"$domain\"", 1),
    ];
    for (script, line) in cases {
        let error = Document::parse(script, Format::PowerShell).unwrap_err();
        assert!(
            matches!(
                error.kind(),
                ReadErrorKind::UnsupportedCommand { .. } | ReadErrorKind::UnsupportedSyntax { .. }
            ),
            "{script}: {error}"
        );
        assert_eq!(error.position().unwrap().line, line, "{script}");
    }
}

#[test]
fn gateway_identity_must_be_global() {
    let document = parse(
        "Set-CsXmppGatewayConfiguration -Identity site:Redmond -ConnectionLimit 5",
        Format::PowerShell,
    );
    assert_eq!(document.directory().gateway().connection_limit, 1000);
    assert_eq!(document.diagnostics()[0].code(), Code::InvalidValue);
}

#[test]
fn invalid_new_partners_are_reported_with_their_line() {
    let report = parse(
        "New-CsXmppAllowedPartner good.com\n\nNew-CsXmppAllowedPartner 'user@bad.com' -TlsNegotiation Optional",
        Format::PowerShell,
    )
    .validate();
    assert_eq!(report.partners().len(), 2);
    let bad = &report.partners()[1];
    assert!(!bad.commit_allowed());
    assert_eq!(bad.position().unwrap().line, 3);
    assert_eq!(bad.matrix_row(), Some(MatrixRow::M3));
    assert_eq!(bad.diagnostics()[0].path(), "partners[1].domain");
}

/// Windows PowerShell 5.1 reads a script without a byte-order mark in the ANSI code page, where
/// bytes of UTF-8 letters are quote characters (`Ñ` is C3 91, and 91 is `‘` in Windows-1252). The
/// export must mean the same whatever the code page, so it is printable ASCII.
#[test]
fn exports_are_ascii_and_mean_the_same_in_any_code_page() {
    let mut partner = PartnerConfig::new(domain("contoso.com"));
    partner.description =
        Description::new("PEÑA; Start-Process calc.exe; # ‘quoted’ 🙂\r\nline two\ttab").unwrap();
    let original = Directory::from_partners(GatewayConfig::default(), vec![partner]);
    let script = original.to_powershell();
    assert!(script.is_ascii(), "{script}");
    assert!(
        script.contains("('PE' + [char]0x00D1 + 'A; Start-Process calc.exe; # ' + [char]0x2018"),
        "{script}"
    );
    assert!(
        script.contains("[char]0xD83D + [char]0xDE42"),
        "surrogate pairs: {script}"
    );
    assert_eq!(directory(&script).partners(), original.partners());
}

#[test]
fn reads_joined_strings_and_char_values() {
    let d = directory(
        "New-CsXmppAllowedPartner a.com -Description ('x' + [CHAR]0x41 + \"y\" + [char]66)",
    );
    assert_eq!(d.partners()[0].description.as_str(), "xAyB");
    for script in [
        "New-CsXmppAllowedPartner a.com -Description ([char]0xD800)",
        "New-CsXmppAllowedPartner a.com -Description ([int]5)",
        "New-CsXmppAllowedPartner a.com -Description ('a' + 5)",
        "New-CsXmppAllowedPartner a.com -Description ([char]0x10000)",
    ] {
        assert!(
            Document::parse(script, Format::PowerShell).is_err(),
            "{script}"
        );
    }
}

#[test]
fn common_parameters_are_accepted() {
    let d = directory(
        "New-CsXmppAllowedPartner a.com -ErrorAction Stop -ea:Stop -Verbose -OutVariable result",
    );
    assert_eq!(d.partners().len(), 1);
}

#[test]
fn instance_and_ambiguous_set_parameters_fail() {
    let document = parse(
        "New-CsXmppAllowedPartner a.com\nSet-CsXmppAllowedPartner -Instance x -TlsNegotiation Optional\nSet-CsXmppAllowedPartner -I a.com -TlsNegotiation Optional",
        Format::PowerShell,
    );
    assert_eq!(
        document.directory().partners()[0].matrix_row(),
        MatrixRow::M1
    );
    let bindings = document
        .diagnostics()
        .iter()
        .filter(|d| d.code() == Code::ParameterBinding)
        .count();
    assert_eq!(bindings, 2);
}

#[test]
fn arguments_are_read_in_powershell_argument_mode() {
    // `=` is an ordinary character in an unquoted argument.
    let d = directory("New-CsXmppAllowedPartner a.com -Description key=value");
    assert_eq!(d.partners()[0].description.as_str(), "key=value");
    for script in [
        // A variable inside an unquoted argument expands.
        "New-CsXmppAllowedPartner a.com -Description foo$env:USERNAME",
        // Automatic variables expand in double quotes.
        "New-CsXmppAllowedPartner a.com -Description \"cost $$\"",
        "New-CsXmppAllowedPartner a.com -Description \"last $^\"",
        // Inside parentheses or a hash table, a bare word is a command.
        "New-CsXmppAllowedPartner (a.com)",
        "Set-CsXmppAllowedPartner a.com -AdditionalDomains @{Add=b.a.com}",
        // PowerShell refuses repeated hash keys.
        "Set-CsXmppAllowedPartner a.com -AdditionalDomains @{Add='b.a.com'; add='c.a.com'}",
        // Only hexadecimal digits in `u{...}`.
        "New-CsXmppAllowedPartner a.com -Description \"`u{+41}\"",
    ] {
        assert!(
            Document::parse(script, Format::PowerShell).is_err(),
            "{script}"
        );
    }
}

#[test]
fn a_failed_new_does_not_take_the_identity() {
    let document = parse(
        "New-CsXmppAllowedPartner a.com -TlsNegotiation Requried\nNew-CsXmppAllowedPartner a.com -TlsNegotiation Optional\nSet-CsXmppAllowedPartner a.com -SaslNegotiation NotSupported",
        Format::PowerShell,
    );
    let directory = document.directory();
    assert_eq!(directory.partners().len(), 1);
    assert_eq!(directory.partners()[0].matrix_row(), MatrixRow::M15);
    assert!(
        document
            .diagnostics()
            .iter()
            .all(|d| d.code() != Code::PartnerExists)
    );
}

#[test]
fn list_modifiers_follow_powershell() {
    let d = directory(
        "New-CsXmppAllowedPartner a.com -AdditionalDomains x.a.com,y.a.com\n\
         New-CsXmppAllowedPartner b.com -AdditionalDomains x.b.com\n\
         Set-CsXmppAllowedPartner a.com -AdditionalDomains @{Replace='c.a.com'; Add='d.a.com'}\n\
         Set-CsXmppAllowedPartner b.com -AdditionalDomains @{Replace=@(); Add='d.b.com'}",
    );
    assert_eq!(
        d.partners()[0].additional_domains,
        [domain("c.a.com")],
        "a non-empty Replace wins"
    );
    assert_eq!(
        d.partners()[1].additional_domains,
        [domain("x.b.com"), domain("d.b.com")],
        "an empty Replace is ignored"
    );
}

#[test]
fn edits_cannot_grow_a_list_past_its_bound() {
    let adds: Vec<String> = (0..1001).map(|i| format!("'d{i}.a.com'")).collect();
    let script = format!(
        "New-CsXmppAllowedPartner a.com\nSet-CsXmppAllowedPartner a.com -TlsNegotiation Optional -AdditionalDomains @{{Add={}}}",
        adds.join(",")
    );
    let report = parse(&script, Format::PowerShell).validate();
    let partner = &report.partners()[0];
    assert!(
        partner
            .diagnostics()
            .iter()
            .any(|d| d.code() == Code::LimitExceeded)
    );
    assert_eq!(
        partner.matrix_row(),
        Some(MatrixRow::M1),
        "a failed edit changes nothing"
    );
}

/// PowerShell's `+` takes its meaning from the left operand (language specification §7.7): after
/// a string it joins, after a `[char]` it adds numbers. So text that starts outside ASCII is
/// written with an empty string first, and reads back as the same text.
#[test]
fn text_starting_outside_ascii_is_joined_from_a_string() {
    let expected = [
        ("Über", "('' + [char]0x00DC + 'ber')"),
        ("Ärger", "('' + [char]0x00C4 + 'rger')"),
        ("日本", "('' + [char]0x65E5 + [char]0x672C)"),
        ("🙂", "('' + [char]0xD83D + [char]0xDE42)"),
        ("PEÑA", "('PE' + [char]0x00D1 + 'A')"),
        ("plain", "'plain'"),
    ];
    for (text, quoted) in expected {
        let json = format!(r#"[{{"domain":"a.com","description":"{text}"}}]"#);
        let original = parse(&json, Format::Json).directory();
        let script = original.to_powershell();
        assert!(
            script.contains(&format!(
                "New-CsXmppAllowedPartner -Identity 'a.com' -Description {quoted} -PartnerType"
            )),
            "{text}: {script}"
        );
        assert_eq!(
            directory(&script).partners(),
            original.partners(),
            "{script}"
        );
    }
    // A domain that starts outside ASCII, written the same way, reads as its A-label.
    let d = directory("New-CsXmppAllowedPartner -Identity ('' + [char]0x00FC + 'ber.example')");
    assert_eq!(d.partners()[0].domain, domain("über.example"));
}

#[test]
fn a_char_before_a_string_adds_numbers_and_is_refused() {
    for (script, parameter) in [
        (
            "New-CsXmppAllowedPartner a.com -Description ([char]0x00DC + 'ber')",
            "-Description",
        ),
        (
            "New-CsXmppAllowedPartner -Identity ([char]0x00FC + 'ber.example')",
            "-Identity",
        ),
        (
            "New-CsXmppAllowedPartner a.com -Desc:([char]0xD83D + [char]0xDE42)",
            "-Desc",
        ),
    ] {
        let error = Document::parse(script, Format::PowerShell).unwrap_err();
        let message = error.to_string();
        assert!(
            matches!(error.kind(), ReadErrorKind::Syntax { .. }),
            "{script}: {message}"
        );
        assert!(message.contains(&format!("`{parameter}`")), "{message}");
        assert!(message.contains("('' + [char]"), "names the fix: {message}");
    }
    // A `[char]` alone is a one-character string, as PowerShell binds it.
    let d = directory("New-CsXmppAllowedPartner a.com -Description ([char]0x00DC)");
    assert_eq!(d.partners()[0].description.as_str(), "Ü");
}

/// PowerShell's numeric literals (about_Numeric_Literals; language specification §2.3.5.1):
/// hexadecimal, the `l` and `d` type suffixes, the `kb` to `pb` multipliers and exponents.
#[test]
fn numeric_parameters_take_powershell_number_literals() {
    for (literal, value) in [
        ("20", 20),
        ("0x10", 16),
        ("0X1f", 31),
        ("1kb", 1024),
        ("2KB", 2048),
        ("1mb", 1_048_576),
        ("1gb", 1_073_741_824),
        ("3gb", 3_221_225_472),
        ("0x10kb", 16_384),
        ("1.5kb", 1536),
        ("1e3", 1000),
        ("2.5E+2", 250),
        ("1d", 1),
        ("7l", 7),
        ("0xFFl", 255),
        ("1lkb", 1024),
        ("(0x10)", 16),
    ] {
        let script = format!("New-CsXmppAllowedPartner a.com -ConnectionLimit {literal}");
        let document = parse(&script, Format::PowerShell);
        assert!(
            document.diagnostics().is_empty(),
            "{literal}: {:?}",
            document.diagnostics()
        );
        assert_eq!(
            document.directory().partners()[0].connection_limit,
            Some(value),
            "{literal}"
        );
    }
    let gateway = directory(
        "Set-CsXmppGatewayConfiguration -Identity global -PartnerConnectionLimit 0x20 -ConnectionLimit 1kb",
    );
    assert_eq!(gateway.gateway().partner_connection_limit, 32);
    assert_eq!(gateway.gateway().connection_limit, 1024);
    // Numbers that PowerShell reads but that do not fit the parameter: `1tb` is too large, a
    // fraction is not whole, and `0xFFFFFFFF` is the 32-bit integer -1 in PowerShell.
    for literal in ["1tb", "1pb", "1.5", "0xFFFFFFFF", "-5"] {
        let script = format!("New-CsXmppAllowedPartner a.com -ConnectionLimit {literal}");
        let report = parse(&script, Format::PowerShell).validate();
        assert_eq!(
            report.partners()[0]
                .diagnostics()
                .iter()
                .map(|d| d.code())
                .collect::<Vec<_>>(),
            [Code::WrongType],
            "{literal}"
        );
    }
    // Other parameters keep the text as written.
    let d = directory("New-CsXmppAllowedPartner a.com -Description 0x10kb");
    assert_eq!(d.partners()[0].description.as_str(), "0x10kb");
}

#[test]
fn numeric_literals_out_of_range_are_refused() {
    for literal in ["0x1FFFFFFFFFFFFFFFF", "99999999999999999999", "99999999pb"] {
        let script = format!("New-CsXmppAllowedPartner a.com -ConnectionLimit {literal}");
        let error = Document::parse(&script, Format::PowerShell).unwrap_err();
        let message = error.to_string();
        assert!(
            matches!(error.kind(), ReadErrorKind::Syntax { .. }),
            "{literal}: {message}"
        );
        assert!(
            message.contains(&format!("`{literal}`"))
                && message.contains("`-ConnectionLimit`")
                && message.contains("0 to 4294967295"),
            "{message}"
        );
        let column = u32::try_from(script.find(literal).unwrap() + 1).unwrap();
        assert_eq!(error.position().unwrap().column, column, "{literal}");
    }
}

#[test]
fn splatting_is_refused_with_its_own_error() {
    for script in [
        "New-CsXmppAllowedPartner @partner",
        "New-CsXmppAllowedPartner a.com @partner",
        "Set-CsXmppAllowedPartner @partner -TlsNegotiation Optional",
    ] {
        let error = Document::parse(script, Format::PowerShell).unwrap_err();
        let message = error.to_string();
        assert!(
            matches!(error.kind(), ReadErrorKind::Syntax { .. }),
            "{script}: {message}"
        );
        assert!(
            message.contains("splatting `@partner` is not supported")
                && message.contains("write the parameters out"),
            "{message}"
        );
        let column = u32::try_from(script.find('@').unwrap() + 1).unwrap();
        assert_eq!(error.position().unwrap().column, column, "{script}");
    }
}
