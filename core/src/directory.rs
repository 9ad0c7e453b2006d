//! The "XMPP Federated Partners" page: the gateway settings and the list of partners, with
//! O(1) lookup by domain and the Control Panel's commit rules.

use std::collections::{HashMap, HashSet};

use crate::access::{Access, Principal};
use crate::catalogue::directory as text;
use crate::diagnostic::{Detail, Diagnostic, Severity};
use crate::domain::Domain;
use crate::gateway::GatewayConfig;
use crate::language::Language;
use crate::message::Message;
use crate::partner::{PartnerConfig, PartnerEdit};
use crate::suggest::closest;
use crate::validate::{Entry, Report, partner_index};

/// The gateway settings and the XMPP federated partners.
///
/// A directory read from a file may hold conflicts (a domain claimed twice, say);
/// [`Directory::validate`] reports them, and [`Directory::commit`] refuses changes that add any.
/// Lookups resolve a domain to the first partner that claims it.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    gateway: GatewayConfig,
    partners: Vec<PartnerConfig>,
    /// Primary domain to partner index, first occurrence.
    identities: HashMap<Domain, usize>,
    /// Every claimed domain (primary or additional) to partner index, first claim.
    claims: HashMap<Domain, usize>,
}

/// One change to the partner list, as the Control Panel's New, Edit and Delete make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Create a partner (`New-CsXmppAllowedPartner`).
    New(PartnerConfig),
    /// Edit a partner (`Set-CsXmppAllowedPartner`).
    Edit(PartnerEdit),
    /// Delete the partner with this primary domain (`Remove-CsXmppAllowedPartner`).
    Remove(Domain),
}

impl Change {
    /// The primary domain of the partner the change is about.
    pub fn identity(&self) -> &Domain {
        match self {
            Change::New(partner) => &partner.domain,
            Change::Edit(edit) => &edit.identity,
            Change::Remove(identity) => identity,
        }
    }
}

/// A successful commit: what the validator says about the directory now (warnings and infos
/// only, about the changed partners; errors elsewhere that were there before may remain).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Committed {
    /// The findings about the directory after the commit.
    pub report: Report,
}

/// Why a commit did not happen. Either way, the directory is exactly as it was.
///
/// Its `Display` is the English [`CommitError::message`].
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum CommitError {
    /// The principal may only read: only members of `RTCUniversalServerAdmins` and holders of the
    /// `CsAdministrator` role may commit.
    #[error("{}", self.message().render(Language::English))]
    NotAuthorized {
        /// The principal's name.
        principal: String,
    },
    /// The changes have errors, so nothing was saved ("your changes are not saved").
    #[error("{}", self.message().render(Language::English))]
    Refused {
        /// The errors that block the commit: those about the changed partners, and those about
        /// the changes themselves (an unknown partner, a partner that already exists).
        blocking: Vec<Diagnostic>,
        /// Every finding about the directory as it would have been, the blocking ones included.
        findings: Vec<Diagnostic>,
    },
}

impl CommitError {
    /// What went wrong, as a message of the catalogue, to render in any language.
    pub fn message(&self) -> Message {
        match self {
            CommitError::NotAuthorized { principal } => {
                text::directory_commit_not_authorized(principal)
            }
            CommitError::Refused { blocking, .. } => text::directory_commit_refused(blocking.len()),
        }
    }
}

/// Two directories are equal when their gateway settings and partners are, in order.
impl PartialEq for Directory {
    fn eq(&self, other: &Directory) -> bool {
        self.gateway == other.gateway && self.partners == other.partners
    }
}

impl Eq for Directory {}

impl Directory {
    /// An empty directory with the given gateway settings.
    pub fn new(gateway: GatewayConfig) -> Directory {
        Directory::from_partners(gateway, Vec::new())
    }

    /// A directory of the given partners, in order.
    pub fn from_partners(gateway: GatewayConfig, partners: Vec<PartnerConfig>) -> Directory {
        let mut directory = Directory {
            gateway,
            partners,
            identities: HashMap::new(),
            claims: HashMap::new(),
        };
        directory.reindex();
        directory
    }

    /// Whether two partners have the same identity (`XF302`).
    pub(crate) fn has_repeated_identity(&self) -> bool {
        self.identities.len() < self.partners.len()
    }

    fn reindex(&mut self) {
        self.identities.clear();
        self.claims.clear();
        self.identities.reserve(self.partners.len());
        for (index, partner) in self.partners.iter().enumerate() {
            self.identities
                .entry(partner.domain.clone())
                .or_insert(index);
            for domain in partner.domains() {
                self.claims.entry(domain.clone()).or_insert(index);
            }
        }
    }

    /// The gateway settings.
    pub fn gateway(&self) -> &GatewayConfig {
        &self.gateway
    }

    /// Replaces the gateway settings (`Set-CsXmppGatewayConfiguration`, which the Control Panel
    /// does not offer).
    pub fn set_gateway(&mut self, gateway: GatewayConfig) {
        self.gateway = gateway;
    }

    /// The partners, in order.
    pub fn partners(&self) -> &[PartnerConfig] {
        &self.partners
    }

    /// The partner whose primary domain is `identity`.
    pub fn partner(&self, identity: &Domain) -> Option<&PartnerConfig> {
        self.identities.get(identity).map(|&i| &self.partners[i])
    }

    /// The partner that claims `domain` as its primary or an additional domain, in O(1): the
    /// question a proxy asks for every inbound stream. A domain that no partner claims is not
    /// allowed to federate.
    pub fn partner_for(&self, domain: &Domain) -> Option<&PartnerConfig> {
        self.claims.get(domain).map(|&i| &self.partners[i])
    }

    /// Every finding about the directory.
    pub fn validate(&self) -> Report {
        Report::build(self.gateway.clone(), self.entries(), Vec::new())
    }

    fn entries(&self) -> Vec<Entry> {
        self.partners
            .iter()
            .enumerate()
            .map(|(i, partner)| Entry {
                path: format!("partners[{i}]"),
                position: None,
                domain_text: Some(partner.domain.as_str().to_owned()),
                config: Some(partner.clone()),
                matrix_row: Some(partner.matrix_row()),
            })
            .collect()
    }

    /// Applies `changes` as one commit, if `principal` may and the changes are free of errors.
    ///
    /// The changes are applied in order to a copy of the partner list, which is then validated.
    /// Errors about the changed partners (their own settings, or a domain they share with
    /// another partner) and about the changes themselves block the commit: the directory stays
    /// exactly as it was and [`CommitError::Refused`] carries every finding. Warnings never
    /// block. Errors in partners the changes do not touch were there before and do not block.
    pub fn commit(
        &mut self,
        principal: &Principal,
        changes: &[Change],
    ) -> Result<Committed, CommitError> {
        if principal.access() != Access::Commit {
            return Err(CommitError::NotAuthorized {
                principal: principal.name().to_owned(),
            });
        }
        // Removed partners become `None` so that indices stay valid while changes apply.
        let mut staged: Vec<Option<PartnerConfig>> =
            self.partners.iter().cloned().map(Some).collect();
        let mut positions: HashMap<Domain, usize> = HashMap::with_capacity(staged.len());
        for (i, partner) in self.partners.iter().enumerate() {
            positions.entry(partner.domain.clone()).or_insert(i);
        }
        let mut touched: HashSet<Domain> = HashSet::new();
        let mut change_findings = Vec::new();
        for (k, change) in changes.iter().enumerate() {
            let path = format!("changes[{k}]");
            let identity = change.identity();
            match (change, positions.get(identity).copied()) {
                (Change::New(partner), None) => {
                    positions.insert(partner.domain.clone(), staged.len());
                    staged.push(Some(partner.clone()));
                    touched.insert(identity.clone());
                }
                (Change::New(_), Some(_)) => change_findings.push(Diagnostic::new(
                    Detail::PartnerExists {
                        identity: identity.clone(),
                    },
                    format!("{path}.domain"),
                )),
                (Change::Edit(edit), Some(i)) => {
                    if let Some(partner) = staged[i].as_mut() {
                        edit.apply(partner);
                    }
                    touched.insert(identity.clone());
                }
                (Change::Remove(_), Some(i)) => {
                    staged[i] = None;
                    positions.remove(identity);
                    touched.remove(identity);
                }
                (Change::Edit(_) | Change::Remove(_), None) => {
                    // A suggestion scans every partner: only the first few get one, so that a
                    // long list of bad changes stays linear.
                    let suggestion = if change_findings.len() < 16 {
                        closest(identity.as_str(), positions.keys().map(Domain::as_str))
                            .and_then(|s| Domain::parse(s).ok())
                    } else {
                        None
                    };
                    change_findings.push(Diagnostic::new(
                        Detail::UnknownPartner {
                            identity: identity.clone(),
                            suggestion,
                        },
                        format!("{path}.identity"),
                    ));
                }
            }
        }
        let staged: Vec<PartnerConfig> = staged.into_iter().flatten().collect();

        let candidate = Directory::from_partners(self.gateway.clone(), staged);
        let report = candidate.validate();
        let touched_indices: HashSet<usize> = candidate
            .partners
            .iter()
            .enumerate()
            .filter(|(_, p)| touched.contains(&p.domain))
            .map(|(i, _)| i)
            .collect();
        let involves_touched = |d: &Diagnostic| {
            std::iter::once(d.path())
                .chain(d.related().iter().map(String::as_str))
                .filter_map(partner_index)
                .any(|i| touched_indices.contains(&i))
        };
        let blocking: Vec<Diagnostic> = change_findings
            .iter()
            .chain(report.diagnostics())
            .filter(|d| d.severity() == Severity::Error)
            .filter(|d| d.path().starts_with("changes[") || involves_touched(d))
            .cloned()
            .collect();
        if !blocking.is_empty() {
            let findings = change_findings
                .into_iter()
                .chain(report.diagnostics().cloned())
                .collect();
            return Err(CommitError::Refused { blocking, findings });
        }
        *self = candidate;
        Ok(Committed { report })
    }

    /// The changes that turn `self` into `target`: removals, edits (as the smallest
    /// `Set-CsXmppAllowedPartner`), and new partners, by primary domain.
    pub fn changes_to(&self, target: &Directory) -> Vec<Change> {
        let mut changes = Vec::new();
        for partner in &self.partners {
            if target.partner(&partner.domain).is_none() {
                changes.push(Change::Remove(partner.domain.clone()));
            }
        }
        for partner in &target.partners {
            match self.partner(&partner.domain) {
                None => changes.push(Change::New(partner.clone())),
                Some(before) => {
                    let edit = PartnerEdit::between(before, partner);
                    if !edit.is_empty() {
                        changes.push(Change::Edit(edit));
                    }
                }
            }
        }
        changes
    }
}
