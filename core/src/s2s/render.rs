//! A trace as text (a ladder that reads in a terminal or an issue) and as a Mermaid
//! `sequenceDiagram`.

use std::fmt::Write;

use super::text;
use super::trace::{Party, Trace};
use crate::catalogue::s2s;
use crate::language::Language;
use crate::message::Arg;

impl Trace {
    fn party_name(&self, party: Party, language: Language) -> String {
        let scenario = &self.scenario;
        let domain = match party {
            Party::OurProxy => Some(scenario.ours.domain.to_string()),
            Party::Partner => Some(scenario.partner.domain.to_string()),
            // The authoritative server of the sender domain: the initiating side's own.
            Party::Authoritative => Some(match scenario.direction {
                super::scenario::Direction::Outbound => scenario.ours.domain.to_string(),
                super::scenario::Direction::Inbound => scenario.partner.domain.to_string(),
            }),
            Party::Dns => None,
        };
        match domain {
            Some(domain) => format!("{} ({domain})", party.label(language)),
            None => party.label(language).into_owned(),
        }
    }

    /// The trace as a ladder: one block per step with the parties, the XML, the explanation,
    /// the setting that caused it and the specification section, then the verdict.
    pub fn to_text(&self, language: Language) -> String {
        let l = language;
        let mut out = String::new();
        let width = self
            .steps
            .iter()
            .map(|s| s.from.label(l).chars().count())
            .max()
            .unwrap_or(0);
        for step in &self.steps {
            let lock = if step.encrypted { " [TLS]" } else { "" };
            let _ = writeln!(
                out,
                "{:>3}  {:<width$} -> {}{lock}: {}",
                step.number,
                step.from.label(l),
                step.to.label(l),
                step.summary(l),
            );
            if let Some(xml) = &step.xml {
                let _ = writeln!(out, "       {xml}");
            }
            let _ = writeln!(out, "       {}", step.explanation(l));
            let cause = match &step.cause {
                Some(cause) => format!(
                    "{}; ",
                    s2s::ladder_cause(Arg::display(cause), text::side(cause.side(), l)).render(l)
                ),
                None => String::new(),
            };
            let _ = writeln!(out, "       {cause}{}", step.spec());
        }
        let _ = writeln!(out, "{}", self.verdict(l));
        out
    }

    /// The trace as a Mermaid `sequenceDiagram`, to paste into an issue or a wiki.
    pub fn to_mermaid(&self, language: Language) -> String {
        let l = language;
        let mut out = String::from("sequenceDiagram\n");
        let alias = |party: Party| match party {
            Party::OurProxy => "O",
            Party::Partner => "P",
            Party::Authoritative => "A",
            Party::Dns => "D",
        };
        let mut seen: Vec<Party> = Vec::new();
        for step in &self.steps {
            for party in [step.from, step.to] {
                if !seen.contains(&party) {
                    seen.push(party);
                }
            }
        }
        for party in &seen {
            let _ = writeln!(
                out,
                "    participant {} as {}",
                alias(*party),
                mermaid_text(&self.party_name(*party, l))
            );
        }
        let mut encrypted = false;
        for step in &self.steps {
            if step.encrypted && !encrypted {
                let _ = writeln!(
                    out,
                    "    Note over {},{}: {}",
                    alias(step.from),
                    alias(step.to),
                    s2s::diagram_encrypted_from_here().text(l)
                );
                encrypted = true;
            }
            let arrow = if step.from == Party::Dns || step.xml.is_none() {
                "-->>"
            } else {
                "->>"
            };
            let _ = writeln!(
                out,
                "    {}{arrow}{}: {}. {}",
                alias(step.from),
                alias(step.to),
                step.number,
                mermaid_text(&step.summary(l))
            );
        }
        let first = self.steps.first().map_or("O", |s| alias(s.from));
        let _ = writeln!(
            out,
            "    Note over {first}: {}",
            mermaid_text(&self.verdict(l))
        );
        out
    }
}

/// Text Mermaid shows as it is: no `;` (a statement end) or `#` (an entity) and no line breaks.
fn mermaid_text(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ';' => ',',
            '#' => ' ',
            '\n' | '\r' => ' ',
            other => other,
        })
        .collect()
}
