//! Text output: reports and the matrix, coloured on a terminal.

use std::fmt::Write;

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
    let label = style.language.pick("error", "Fehler");
    let message = visible_unbounded(message);
    format!("{}: {message}", style.severity(Severity::Error, label))
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
        let at = l.pick(format!("line {}", p.line), format!("Zeile {}", p.line));
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
        style.dim(l.pick("help:", "Hilfe:")),
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
        .unwrap_or_else(|| l.pick("(no domain)", "(keine Domäne)").to_owned());
    let row = p.matrix_row().map_or("–", MatrixRow::name);
    let methods = if p.expected_methods().is_empty() {
        l.pick("no method", "keine Methode").to_owned()
    } else {
        p.expected_methods().labels(l)
    };
    let commit = if p.commit_allowed() {
        style.paint("32", l.pick("commit: yes", "speicherbar: ja"))
    } else {
        style.severity(Severity::Error, l.pick("commit: no", "speicherbar: nein"))
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
    l.pick(
        format!(
            "{partners} partner(s): {} error(s), {} warning(s), {} info(s)",
            counts.errors, counts.warnings, counts.infos
        ),
        format!(
            "{partners} Partner: {} Fehler, {} Warnung(en), {} Hinweis(e)",
            counts.errors, counts.warnings, counts.infos
        ),
    )
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
            style.bold(l.pick("Gateway and directory", "Gateway und Verzeichnis"))
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
        l.pick("Row", "Zeile"),
        "TLS",
        "SASL",
        l.pick("Dialback", "Rückruf"),
        l.pick("Expected methods", "Erwartete Methoden"),
        l.pick("Verdict", "Bewertung"),
    );
    let _ = writeln!(out, "{}", style.bold(&header));
    for row in MatrixRow::ALL {
        let methods = if row.expected_methods().is_empty() {
            l.pick("Not Valid Configuration", "Ungültige Konfiguration")
                .to_owned()
        } else {
            row.expected_methods().labels(l)
        };
        let mut verdict = match row.verdict() {
            RowVerdict::Valid => style.paint("32", l.pick("valid", "gültig")),
            RowVerdict::Warning => style.severity(Severity::Warning, l.pick("warning", "Warnung")),
            RowVerdict::NotValid => {
                style.severity(Severity::Error, l.pick("not valid", "ungültig"))
            }
        };
        if row.refused_by_control_panel() {
            verdict.push_str(l.pick(", refused at commit", ", beim Speichern abgelehnt"));
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
    let yes_no = |value: bool| {
        if value {
            l.pick("yes", "ja")
        } else {
            l.pick("no", "nein")
        }
    };
    for preset in Preset::ALL {
        let summary = preset.summary_in(l);
        let peer = &summary.policy;
        let _ = writeln!(
            out,
            "{:<18} {}",
            style.bold(preset.id()),
            preset.label_in(l)
        );
        let _ = writeln!(
            out,
            "{:<18} TLS {}, SASL {}, {} {}, {} {}",
            "",
            peer.tls,
            peer.sasl,
            l.pick("dialback", "Dialback"),
            yes_no(peer.dialback),
            l.pick(
                "strict certificate validation",
                "strenge Zertifikatsprüfung"
            ),
            yes_no(peer.strict_certificate_validation),
        );
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
                style.severity(
                    Severity::Warning,
                    l.pick(
                        "historical: the service no longer federates",
                        "historisch: der Dienst föderiert nicht mehr",
                    )
                )
            );
        }
    }
    out
}
