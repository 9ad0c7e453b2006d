//! The Commit rules for a list that comes in whole (an import, a share link): a partner the
//! Control Panel would refuse to commit is not taken in silently. The rule is the core's
//! ([`PartnerReport::commit_allowed`]); this only sorts the partners by it.

use crate::catalogue;
use xmpp_federation::{
    Directory, Document, Language, LocalizedDiagnostic, PartnerReport, Severity,
};

/// A partner of the list that Commit would refuse, with what blocks it.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    /// The domain as written, or the entry's path when it has none.
    pub name: String,
    /// The line it is on, for a document read from text.
    pub line: Option<u32>,
    /// The errors that block it, with the fix.
    pub errors: Vec<LocalizedDiagnostic>,
}

impl Refused {
    fn of(partner: &PartnerReport, language: Language) -> Refused {
        Refused {
            name: partner.domain_text().unwrap_or(partner.path()).to_owned(),
            line: partner.position().map(|p| p.line),
            errors: partner
                .diagnostics()
                .iter()
                .filter(|d| d.severity() == Severity::Error)
                .map(|d| d.localize(language))
                .collect(),
        }
    }

    /// The whole refusal in a line: `m6.example (M6) · line 2 · saslNegotiation: message; fix`.
    pub fn text(&self, language: Language) -> String {
        let mut text = self.label();
        if let Some(line) = self.line {
            text = format!(
                "{text} · {}",
                catalogue::transfer::document_line(line).render(language)
            );
        }
        for error in &self.errors {
            let field = error.path.split_once('.').map_or("", |(_, field)| field);
            text = format!("{text} · {field}: {}; {}", error.message, error.help);
        }
        text
    }

    /// The name, with the Lync matrix row when that is what blocks it: `m6.example (M6)`.
    pub fn label(&self) -> String {
        match self.errors.iter().find_map(|d| d.matrix_row) {
            Some(row) => format!("{} ({})", self.name, row.name()),
            None => self.name.clone(),
        }
    }
}

/// The partners Commit would take, as a directory, and those it would refuse.
pub fn admit(document: &Document, language: Language) -> (Directory, Vec<Refused>) {
    let report = document.validate();
    let (allowed, refused): (Vec<&PartnerReport>, Vec<&PartnerReport>) =
        report.partners().iter().partition(|p| p.commit_allowed());
    let directory = Directory::from_partners(
        report.gateway().clone(),
        allowed.iter().filter_map(|p| p.config().cloned()).collect(),
    );
    let refused = refused.iter().map(|p| Refused::of(p, language)).collect();
    (directory, refused)
}

/// The errors that refuse an export of the list, as the command-line tool refuses one that
/// would not write every partner as it is: the partners Commit would refuse.
pub fn export_refusals(directory: &Directory, language: Language) -> Vec<Refused> {
    directory
        .validate()
        .partners()
        .iter()
        .filter(|p| !p.commit_allowed())
        .map(|p| Refused::of(p, language))
        .collect()
}
