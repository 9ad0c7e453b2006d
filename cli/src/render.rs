//! Text output: reports and the matrix, coloured on a terminal.

use std::fmt::Write;

use crate::catalogue::render as text;

use xmpp_federation::message::Arg;
use xmpp_federation::s2s::Preset;
use xmpp_federation::{
    Counts, Diagnostic, Format, Language, MatrixRow, PartnerReport, Report, RowVerdict, Severity,
    visible, visible_unbounded,
};

#[derive(Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub language: Language,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn severity(self, severity: Severity, text: &str) -> String {
        let code = match severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
            Severity::Info => "1;36",
        };
        self.paint(code, text)
    }

    fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }
}

/// An error on one line. The message may quote input (a file name, a reader's error), so its
/// control characters are shown escaped: no input can steer the terminal.
pub fn error_line(message: &str, style: Style) -> String {
    let label = text::cli_error().text(style.language);
    let message = visible_unbounded(message);
    format!("{}: {message}", style.severity(Severity::Error, &label))
}

fn diagnostic(out: &mut String, d: &Diagnostic, strip: &str, style: Style) {
    let l = style.language;
    let path = d
        .path()
        .strip_prefix(strip)
        .map(|rest| rest.trim_start_matches('.'))
        .unwrap_or(d.path());
    // Core bounds and escapes what diagnostics quote; escaping again here keeps the terminal
    // safe whatever a diagnostic holds.
    let mut location = visible_unbounded(path);
    if let Some(p) = d.position() {
        let at = text::cli_diagnostic_line(p.line).render(l);
        location = if location.is_empty() {
            at
        } else {
            format!("{location} ({at})")
        };
    }
    let head = style.severity(
        d.severity(),
        &format!("{}[{}]", d.severity().label(l), d.code()),
    );
    let location = if location.is_empty() {
        String::new()
    } else {
        format!(" {}:", style.bold(&location))
    };
    let _ = writeln!(
        out,
        "    {head}{location} {}",
        visible_unbounded(&d.message(l))
    );
    let _ = writeln!(
        out,
        "      {} {}",
        style.dim(&text::cli_help().text(l)),
        visible_unbounded(&d.help(l))
    );
}

fn partner_line(out: &mut String, p: &PartnerReport, style: Style) {
    let l = style.language;
    let name = p
        .domain()
        .map(|d| {
            if d.is_internationalized() {
                format!("{d} ({})", d.as_str())
            } else {
                d.to_string()
            }
        })
        .or_else(|| p.domain_text().map(|t| format!("`{}`", visible(t))))
        .unwrap_or_else(|| text::cli_no_domain().render(l));
    let row = p.matrix_row().map_or("–", MatrixRow::name);
    let methods = if p.expected_methods().is_empty() {
        text::cli_no_method().render(l)
    } else {
        p.expected_methods().labels(l)
    };
    let commit = if p.commit_allowed() {
        style.paint("32", &text::cli_commit("yes").render(l))
    } else {
        style.severity(Severity::Error, &text::cli_commit("no").render(l))
    };
    let _ = writeln!(
        out,
        "  {}  {}  {}  {commit}",
        style.bold(&format!("{name:<28}")),
        format_args!("{row:<4}"),
        format_args!("{methods:<36}"),
    );
}

fn counts(counts: Counts, partners: usize, l: Language) -> String {
    text::cli_report_counts(partners, counts.errors, counts.warnings, counts.infos).render(l)
}

pub fn report(file: &str, format: Format, report: &Report, style: Style) -> String {
    let l = style.language;
    let mut out = String::new();
    let _ = writeln!(out, "{} ({format})", style.bold(&visible_unbounded(file)));
    for partner in report.partners() {
        partner_line(&mut out, partner, style);
        for d in partner.diagnostics() {
            diagnostic(&mut out, d, partner.path(), style);
        }
    }
    if !report.general_diagnostics().is_empty() {
        let _ = writeln!(
            out,
            "  {}",
            style.bold(&text::cli_gateway_and_directory().text(l))
        );
        for d in report.general_diagnostics() {
            diagnostic(&mut out, d, "", style);
        }
    }
    let _ = writeln!(
        out,
        "{}\n",
        counts(report.counts(), report.partners().len(), l)
    );
    out
}

pub fn matrix(style: Style) -> String {
    let l = style.language;
    let mut out = String::new();
    let header = format!(
        "{:<4} {:<13} {:<13} {:<9} {:<42} {}",
        text::cli_matrix_row().text(l),
        "TLS",
        "SASL",
        text::cli_matrix_dialback().text(l),
        text::cli_matrix_expected_methods().text(l),
        text::cli_matrix_verdict().text(l),
    );
    let _ = writeln!(out, "{}", style.bold(&header));
    for row in MatrixRow::ALL {
        let methods = if row.expected_methods().is_empty() {
            text::cli_matrix_not_valid_configuration().render(l)
        } else {
            row.expected_methods().labels(l)
        };
        let mut verdict = match row.verdict() {
            RowVerdict::Valid => style.paint("32", &text::cli_matrix_valid().text(l)),
            RowVerdict::Warning => {
                style.severity(Severity::Warning, &text::cli_matrix_warning().text(l))
            }
            RowVerdict::NotValid => {
                style.severity(Severity::Error, &text::cli_matrix_not_valid().text(l))
            }
        };
        if row.refused_by_control_panel() {
            let _ = write!(
                verdict,
                ", {}",
                text::cli_matrix_refused_at_commit().text(l)
            );
        }
        if let Some(common) = row.common_name() {
            let _ = write!(verdict, " ({common})");
        }
        let dialback = if row.dialback() { "True" } else { "False" };
        let _ = writeln!(
            out,
            "{:<4} {:<13} {:<13} {:<9} {:<42} {verdict}",
            row.name(),
            row.tls().name(),
            row.sasl().name(),
            dialback,
            methods,
        );
        let _ = writeln!(out, "     {}", style.dim(&row.note(l)));
    }
    out
}

/// The presets: each server's policy, the options it stands for, and how the simulator knows
/// it; a service that no longer federates is marked historical.
pub fn presets(style: Style) -> String {
    let l = style.language;
    let mut out = String::new();
    let yes_no = |value: bool| if value { "yes" } else { "no" };
    for preset in Preset::ALL {
        let summary = preset.summary_in(l);
        let peer = &summary.policy;
        let _ = writeln!(
            out,
            "{:<18} {}",
            style.bold(preset.id()),
            preset.label_in(l)
        );
        let policy = text::cli_preset_policy(
            Arg::display(peer.tls),
            Arg::display(peer.sasl),
            yes_no(peer.dialback),
            yes_no(peer.strict_certificate_validation),
        );
        let _ = writeln!(out, "{:<18} {}", "", policy.render(l));
        let options: Vec<String> = summary
            .options
            .iter()
            .map(|o| format!("{} = {}", o.name, o.value))
            .collect();
        let _ = writeln!(out, "{:<18} {}", "", style.dim(&options.join("; ")));
        let _ = writeln!(
            out,
            "{:<18} {} ({})",
            "",
            summary.provenance.label(l),
            summary.known_from
        );
        if summary.historical {
            let _ = writeln!(
                out,
                "{:<18} {}",
                "",
                style.severity(Severity::Warning, &text::cli_preset_historical().text(l))
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_of_the_tool_is_in_every_language_with_every_argument() {
        assert_eq!(
            xmpp_federation::message::check(crate::catalogue::ENTRIES),
            Ok(())
        );
    }

    #[test]
    fn counts_take_plural_forms() {
        let mut one = Counts::default();
        (one.errors, one.warnings, one.infos) = (1, 1, 1);
        assert_eq!(
            counts(one, 1, Language::English),
            "1 partner: 1 error, 1 warning, 1 note"
        );
        assert_eq!(
            counts(one, 1, Language::German),
            "1 Partner: 1 Fehler, 1 Warnung, 1 Hinweis"
        );
        let mut many = Counts::default();
        (many.errors, many.warnings, many.infos) = (2, 0, 3);
        assert_eq!(
            counts(many, 5, Language::English),
            "5 partners: 2 errors, 0 warnings, 3 notes"
        );
        assert_eq!(
            counts(many, 5, Language::German),
            "5 Partner: 2 Fehler, 0 Warnungen, 3 Hinweise"
        );
    }
}
