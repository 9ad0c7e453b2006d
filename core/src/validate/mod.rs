//! The validator: every finding about partners, the directory and the gateway, grouped per
//! partner.

mod confusable;
#[rustfmt::skip]
mod confusable_table;
pub(crate) mod directory;
mod partner;

use serde::Serialize;

use crate::diagnostic::{Counts, Diagnostic, LocalizedDiagnostic, Position, Severity};
use crate::domain::Domain;
use crate::gateway::GatewayConfig;
use crate::language::Language;
use crate::matrix::{MatrixRow, MethodSet};
use crate::partner::PartnerConfig;

/// Checks one partner on its own, against the gateway's limits: the matrix rules, its domains,
/// limits, description, proxy, and the hints for known public services. Paths start at the
/// partner's fields (`tlsNegotiation`, `additionalDomains[1]`).
///
/// Checks across partners (domains claimed twice, lookalikes) need a
/// [`Directory`](crate::Directory).
///
/// ```
/// use xmpp_federation::{Code, Domain, GatewayConfig, Negotiation, PartnerConfig, validate_partner};
///
/// let mut partner = PartnerConfig::new(Domain::parse("fabrikam.com")?);
/// partner.tls_negotiation = Negotiation::NotSupported;
/// let findings = validate_partner(&partner, &GatewayConfig::default());
/// assert_eq!(findings[0].code(), Code::SaslRequiresTls);
/// assert_eq!(findings[0].path(), "saslNegotiation");
/// # Ok::<(), xmpp_federation::DomainError>(())
/// ```
pub fn validate_partner(partner: &PartnerConfig, gateway: &GatewayConfig) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    partner::check(partner, gateway, "", &mut out);
    out
}

/// A partner as it entered validation: read from a document (possibly with invalid fields) or
/// taken from a directory.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub path: String,
    pub position: Option<Position>,
    pub domain_text: Option<String>,
    pub config: Option<PartnerConfig>,
    pub matrix_row: Option<MatrixRow>,
}

/// Everything the validator found about a directory.
#[derive(Debug, Clone)]
pub struct Report {
    gateway: GatewayConfig,
    partners: Vec<PartnerReport>,
    diagnostics: Vec<Diagnostic>,
}

/// What the validator found about one partner.
#[derive(Debug, Clone)]
pub struct PartnerReport {
    path: String,
    position: Option<Position>,
    domain_text: Option<String>,
    config: Option<PartnerConfig>,
    matrix_row: Option<MatrixRow>,
    diagnostics: Vec<Diagnostic>,
}

impl PartnerReport {
    /// Where the partner is: `partners[3]`.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Where the partner starts in the source text, when the format records positions.
    pub fn position(&self) -> Option<Position> {
        self.position
    }

    /// The primary domain, when it parsed.
    pub fn domain(&self) -> Option<&Domain> {
        self.config.as_ref().map(|c| &c.domain)
    }

    /// The primary domain as written in the source.
    pub fn domain_text(&self) -> Option<&str> {
        self.domain_text.as_deref()
    }

    /// The partner, when every field is valid.
    pub fn config(&self) -> Option<&PartnerConfig> {
        self.config.as_ref()
    }

    /// The matrix row, when the TLS, SASL and dialback settings are valid.
    pub fn matrix_row(&self) -> Option<MatrixRow> {
        self.matrix_row
    }

    /// The authentication methods the row allows; empty for an invalid row.
    pub fn expected_methods(&self) -> MethodSet {
        self.matrix_row
            .map(MatrixRow::expected_methods)
            .unwrap_or_default()
    }

    /// Whether the Control Panel would commit the partner: every field valid and no error.
    pub fn commit_allowed(&self) -> bool {
        self.config.is_some()
            && !self
                .diagnostics
                .iter()
                .any(|d| d.severity() == Severity::Error)
    }

    /// The findings about this partner.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
}

impl Report {
    /// Validates partners against each other and the gateway, adding the findings of reading
    /// them (`read`).
    pub(crate) fn build(
        gateway: GatewayConfig,
        entries: Vec<Entry>,
        read: Vec<Diagnostic>,
    ) -> Report {
        let mut found = read;
        for entry in &entries {
            if let Some(config) = &entry.config {
                partner::check(config, &gateway, &entry.path, &mut found);
            }
        }
        let placed: Vec<directory::Placed<'_>> = entries
            .iter()
            .filter_map(|e| {
                e.config.as_ref().map(|partner| directory::Placed {
                    path: &e.path,
                    partner,
                })
            })
            .collect();
        directory::check(&placed, &gateway, &mut found);
        directory::gateway(&gateway, &mut found);

        let mut partners: Vec<PartnerReport> = entries
            .into_iter()
            .map(|e| PartnerReport {
                path: e.path,
                position: e.position,
                domain_text: e.domain_text,
                config: e.config,
                matrix_row: e.matrix_row,
                diagnostics: Vec::new(),
            })
            .collect();
        let mut diagnostics = Vec::new();
        for diagnostic in found {
            match partner_index(diagnostic.path()).and_then(|i| partners.get_mut(i)) {
                Some(partner) if diagnostic.is_under(&partner.path) => {
                    partner.diagnostics.push(diagnostic);
                }
                _ => diagnostics.push(diagnostic),
            }
        }
        // Errors first, then warnings, then infos; otherwise in the order found.
        for partner in &mut partners {
            partner.diagnostics.sort_by_key(Diagnostic::severity);
        }
        diagnostics.sort_by_key(Diagnostic::severity);
        Report {
            gateway,
            partners,
            diagnostics,
        }
    }

    /// The gateway settings the partners were checked against.
    pub fn gateway(&self) -> &GatewayConfig {
        &self.gateway
    }

    /// One report per partner, in document order.
    pub fn partners(&self) -> &[PartnerReport] {
        &self.partners
    }

    /// The findings about the document, the gateway or the directory as a whole.
    pub fn general_diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Every finding: the general ones first, then each partner's.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .chain(self.partners.iter().flat_map(|p| p.diagnostics.iter()))
    }

    /// The number of findings by severity.
    pub fn counts(&self) -> Counts {
        Counts::of(self.diagnostics())
    }

    /// Whether there is any finding of severity error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics().any(|d| d.severity() == Severity::Error)
    }

    /// The report with its texts in one language, ready to serialise as JSON.
    pub fn localize(&self, language: Language) -> LocalizedReport {
        LocalizedReport {
            summary: Summary {
                partners: self.partners.len(),
                counts: self.counts(),
            },
            partners: self
                .partners
                .iter()
                .map(|p| LocalizedPartner {
                    path: p.path.clone(),
                    position: p.position,
                    domain: p
                        .domain()
                        .map(|d| d.as_str().to_owned())
                        .or_else(|| p.domain_text.clone()),
                    matrix_row: p.matrix_row,
                    expected_methods: p.expected_methods(),
                    commit_allowed: p.commit_allowed(),
                    diagnostics: p.diagnostics.iter().map(|d| d.localize(language)).collect(),
                })
                .collect(),
            diagnostics: self
                .diagnostics
                .iter()
                .map(|d| d.localize(language))
                .collect(),
        }
    }
}

/// The index in `partners[12].domain`, if the path is about a partner.
pub(crate) fn partner_index(path: &str) -> Option<usize> {
    let rest = path.strip_prefix("partners[")?;
    let end = rest.find(']')?;
    rest[..end].parse().ok()
}

/// A [`Report`] in one language: the JSON the CLI's `--format json` and the WebAssembly package
/// return.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LocalizedReport {
    /// Counts of partners and findings.
    pub summary: Summary,
    /// One entry per partner.
    pub partners: Vec<LocalizedPartner>,
    /// Findings about the document, the gateway or the directory as a whole.
    pub diagnostics: Vec<LocalizedDiagnostic>,
}

/// Counts of partners and findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[non_exhaustive]
pub struct Summary {
    /// The number of partners.
    pub partners: usize,
    /// The findings by severity.
    #[serde(flatten)]
    pub counts: Counts,
}

/// One partner in a [`LocalizedReport`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LocalizedPartner {
    /// Where the partner is: `partners[3]`.
    pub path: String,
    /// Where the partner starts in the source text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<Position>,
    /// The primary domain (ASCII form), or as written when it does not parse.
    pub domain: Option<String>,
    /// The matrix row, when the negotiation settings are valid.
    pub matrix_row: Option<MatrixRow>,
    /// The authentication methods the row allows.
    pub expected_methods: MethodSet,
    /// Whether the Control Panel would commit the partner.
    pub commit_allowed: bool,
    /// The findings about the partner.
    pub diagnostics: Vec<LocalizedDiagnostic>,
}
