//! Writing PowerShell that stays inert and reads the same in any encoding.
//!
//! The Lync Server Management Shell is Windows PowerShell 5.1, which reads a `.ps1` file without
//! a byte-order mark in the ANSI code page. There, bytes of the UTF-8 encoding of ordinary letters
//! (`Ñ` is `C3 91`, and `91` is `‘` in Windows-1252) become quote characters that would end a
//! string. So the writer emits printable ASCII only: a string of printable ASCII is
//! single-quoted with `'` doubled; any other character, line breaks included, is written as
//! `[char]0xNNNN` (UTF-16 code units) joined with `+` inside parentheses. PowerShell's `+` takes
//! its meaning from the left operand (language specification §7.7): after a string it joins, after
//! a `[char]` it adds numbers. So a joined value always starts with a string, `''` when the text
//! starts outside ASCII. Nothing in a value can end a string, expand a variable or start a
//! command, whatever the encoding the script is read in, and each command stays on one line.

use std::fmt::Write;

use crate::directory::{Change, Directory};
use crate::domain::Domain;
use crate::gateway::GatewayConfig;
use crate::partner::{DomainListChange, PartnerConfig, PartnerEdit};

const HEADER: &str = "# XMPP federated partners for Lync Server 2013 and Skype for Business Server.\n\
                      # Run in the Lync Server Management Shell.\n";

/// A string literal in printable ASCII: `'...'`, or `('...' + [char]0x00D1 + '...')` when the
/// text has other characters, with `''` first when the text starts with one: `('' + [char]0x00DC
/// + 'ber')`, so that `+` joins strings instead of adding numbers.
pub(crate) fn quote(text: &str) -> String {
    let printable = |c: char| (' '..='~').contains(&c);
    if text.chars().all(printable) {
        return format!("'{}'", text.replace('\'', "''"));
    }
    // The left operand decides what `+` does: it must be a string.
    let mut parts: Vec<String> = Vec::new();
    if !text.starts_with(printable) {
        parts.push("''".to_owned());
    }
    let mut run = String::new();
    for c in text.chars() {
        if printable(c) {
            run.push(c);
            if c == '\'' {
                run.push(c);
            }
            continue;
        }
        if !run.is_empty() {
            parts.push(format!("'{}'", std::mem::take(&mut run)));
        }
        let mut units = [0u16; 2];
        for unit in c.encode_utf16(&mut units) {
            parts.push(format!("[char]0x{unit:04X}"));
        }
    }
    if !run.is_empty() {
        parts.push(format!("'{run}'"));
    }
    format!("({})", parts.join(" + "))
}

fn boolean(value: bool) -> &'static str {
    if value { "$true" } else { "$false" }
}

fn domains(list: &[Domain]) -> String {
    list.iter()
        .map(|d| quote(d.as_str()))
        .collect::<Vec<_>>()
        .join(",")
}

pub(crate) fn write_directory(directory: &Directory) -> String {
    let mut out = String::from(HEADER);
    if let Some(command) = gateway(directory.gateway()) {
        out.push_str(&command);
        out.push('\n');
    }
    for partner in directory.partners() {
        out.push_str(&new_partner(partner));
        out.push('\n');
    }
    out
}

pub(crate) fn write_changes(changes: &[Change]) -> String {
    let mut out = String::from(HEADER);
    for change in changes {
        let command = match change {
            Change::New(partner) => new_partner(partner),
            Change::Edit(edit) => set_partner(edit),
            Change::Remove(identity) => {
                format!(
                    "Remove-CsXmppAllowedPartner -Identity {}",
                    quote(identity.as_str())
                )
            }
        };
        out.push_str(&command);
        out.push('\n');
    }
    out
}

fn new_partner(partner: &PartnerConfig) -> String {
    let mut out = format!(
        "New-CsXmppAllowedPartner -Identity {}",
        quote(partner.domain.as_str())
    );
    if !partner.additional_domains.is_empty() {
        let _ = write!(
            out,
            " -AdditionalDomains {}",
            domains(&partner.additional_domains)
        );
    }
    if !partner.description.is_empty() {
        let _ = write!(out, " -Description {}", quote(partner.description.as_str()));
    }
    let _ = write!(
        out,
        " -PartnerType {} -TlsNegotiation {} -SaslNegotiation {} -SupportDialbackNegotiation {} \
         -EnableKeepAlive {}",
        partner.partner_type,
        partner.tls_negotiation,
        partner.sasl_negotiation,
        boolean(partner.support_dialback_negotiation),
        boolean(partner.enable_keep_alive),
    );
    if let Some(limit) = partner.connection_limit {
        let _ = write!(out, " -ConnectionLimit {limit}");
    }
    if let Some(proxy) = &partner.proxy_fqdn {
        let _ = write!(out, " -ProxyFqdn {}", quote(proxy.as_str()));
    }
    out
}

fn set_partner(edit: &PartnerEdit) -> String {
    let mut out = format!(
        "Set-CsXmppAllowedPartner -Identity {}",
        quote(edit.identity.as_str())
    );
    match &edit.additional_domains {
        Some(DomainListChange::Modify { add, remove }) => {
            let mut parts = Vec::new();
            if !add.is_empty() {
                parts.push(format!("Add={}", domains(add)));
            }
            if !remove.is_empty() {
                parts.push(format!("Remove={}", domains(remove)));
            }
            if !parts.is_empty() {
                let _ = write!(out, " -AdditionalDomains @{{{}}}", parts.join("; "));
            }
        }
        Some(DomainListChange::Replace { domains: list }) if list.is_empty() => {
            out.push_str(" -AdditionalDomains $null");
        }
        Some(DomainListChange::Replace { domains: list }) => {
            let _ = write!(out, " -AdditionalDomains {}", domains(list));
        }
        None => {}
    }
    match &edit.description {
        Some(description) if description.is_empty() => out.push_str(" -Description $null"),
        Some(description) => {
            let _ = write!(out, " -Description {}", quote(description.as_str()));
        }
        None => {}
    }
    if let Some(value) = edit.partner_type {
        let _ = write!(out, " -PartnerType {value}");
    }
    if let Some(value) = edit.tls_negotiation {
        let _ = write!(out, " -TlsNegotiation {value}");
    }
    if let Some(value) = edit.sasl_negotiation {
        let _ = write!(out, " -SaslNegotiation {value}");
    }
    if let Some(value) = edit.support_dialback_negotiation {
        let _ = write!(out, " -SupportDialbackNegotiation {}", boolean(value));
    }
    if let Some(value) = edit.enable_keep_alive {
        let _ = write!(out, " -EnableKeepAlive {}", boolean(value));
    }
    match edit.connection_limit {
        Some(Some(limit)) => {
            let _ = write!(out, " -ConnectionLimit {limit}");
        }
        Some(None) => out.push_str(" -ConnectionLimit $null"),
        None => {}
    }
    match &edit.proxy_fqdn {
        Some(Some(proxy)) => {
            let _ = write!(out, " -ProxyFqdn {}", quote(proxy.as_str()));
        }
        Some(None) => out.push_str(" -ProxyFqdn $null"),
        None => {}
    }
    out
}

/// `Set-CsXmppGatewayConfiguration` for the settings that differ from the defaults.
fn gateway(gateway: &GatewayConfig) -> Option<String> {
    let defaults = GatewayConfig::default();
    let mut out = String::from("Set-CsXmppGatewayConfiguration -Identity global");
    let numbers = [
        (
            "ConnectionLimit",
            gateway.connection_limit,
            defaults.connection_limit,
        ),
        (
            "PartnerConnectionLimit",
            gateway.partner_connection_limit,
            defaults.partner_connection_limit,
        ),
        (
            "KeepAliveInterval",
            gateway.keep_alive_interval,
            defaults.keep_alive_interval,
        ),
        (
            "StreamEstablishmentTimeout",
            gateway.stream_establishment_timeout,
            defaults.stream_establishment_timeout,
        ),
        (
            "StreamInactivityTimeout",
            gateway.stream_inactivity_timeout,
            defaults.stream_inactivity_timeout,
        ),
        (
            "SubscriptionRefreshInterval",
            gateway.subscription_refresh_interval,
            defaults.subscription_refresh_interval,
        ),
    ];
    for (name, value, default) in numbers {
        if value != default {
            let _ = write!(out, " -{name} {value}");
        }
    }
    if let Some(secret) = &gateway.dialback_passphrase {
        let _ = write!(out, " -DialbackPassphrase {}", quote(secret.expose()));
    }
    if gateway.enable_logging_all_message_bodies != defaults.enable_logging_all_message_bodies {
        let _ = write!(
            out,
            " -EnableLoggingAllMessageBodies {}",
            boolean(gateway.enable_logging_all_message_bodies)
        );
    }
    (*gateway != defaults).then_some(out)
}
