//! The partner editor's draft: every field as the user typed it, so that nothing typed is lost
//! while it is still invalid. The core reads it like any partner entry and says what is wrong.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use xmpp_federation::{
    Change, Directory, Document, Domain, DomainListChange, Language, LocalizedPartner, Negotiation,
    PartnerConfig, PartnerEdit, PartnerField, PartnerType,
};

/// Whether the editor creates a partner or edits one. Saved as `{"kind": "new"}` or
/// `{"kind": "edit", "identity": "…"}`, and read through [`ModeFields`], which gives the same
/// answers as serde's internally tagged reader without its buffering code in the wasm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind", try_from = "ModeFields")]
pub enum Mode {
    /// New: the primary domain can be typed.
    New,
    /// Edit of the partner with this primary domain, which cannot change (it is the identity).
    Edit { identity: String },
}

/// A saved [`Mode`]'s fields.
#[derive(Deserialize)]
struct ModeFields {
    kind: ModeKind,
    identity: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
enum ModeKind {
    New,
    Edit,
}

impl TryFrom<ModeFields> for Mode {
    type Error = &'static str;

    fn try_from(fields: ModeFields) -> Result<Mode, &'static str> {
        match (fields.kind, fields.identity) {
            (ModeKind::New, _) => Ok(Mode::New),
            (ModeKind::Edit, Some(identity)) => Ok(Mode::Edit { identity }),
            (ModeKind::Edit, None) => Err("missing field `identity`"),
        }
    }
}

/// The editor's fields as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub mode: Mode,
    pub domain: String,
    pub description: String,
    pub additional_domains: Vec<String>,
    pub partner_type: PartnerType,
    pub tls_negotiation: Negotiation,
    pub sasl_negotiation: Negotiation,
    pub support_dialback_negotiation: bool,
    pub enable_keep_alive: bool,
    pub connection_limit: String,
    pub proxy_fqdn: String,
}

/// A field of the partner editor: a partner entry's field ([`PartnerField`]), and which
/// additional domain, for diagnostics and focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Domain,
    Description,
    AdditionalDomain(usize),
    PartnerType,
    Tls,
    Sasl,
    Dialback,
    KeepAlive,
    ConnectionLimit,
    ProxyFqdn,
}

impl Field {
    /// The field of a diagnostic path relative to the partner (`additionalDomains[2]`).
    pub fn from_path(path: &str) -> Option<Field> {
        let name = path.split('.').next().unwrap_or(path);
        let (name, index) = name.split_at(name.find('[').unwrap_or(name.len()));
        Some(match PartnerField::from_name(name)? {
            PartnerField::Domain => Field::Domain,
            PartnerField::AdditionalDomains => Field::AdditionalDomain(
                index
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .parse()
                    .unwrap_or(0),
            ),
            PartnerField::Description => Field::Description,
            PartnerField::PartnerType => Field::PartnerType,
            PartnerField::TlsNegotiation => Field::Tls,
            PartnerField::SaslNegotiation => Field::Sasl,
            PartnerField::SupportDialbackNegotiation => Field::Dialback,
            PartnerField::EnableKeepAlive => Field::KeepAlive,
            PartnerField::ConnectionLimit => Field::ConnectionLimit,
            PartnerField::ProxyFqdn => Field::ProxyFqdn,
        })
    }

    /// The `id` of the field's input element, for labels and focus.
    pub fn id(self) -> String {
        match self {
            Field::Domain => "field-domain".into(),
            Field::Description => "field-description".into(),
            Field::AdditionalDomain(i) => format!("field-additional-{i}"),
            Field::PartnerType => "field-partner-type".into(),
            Field::Tls => "field-tls".into(),
            Field::Sasl => "field-sasl".into(),
            Field::Dialback => "field-dialback".into(),
            Field::KeepAlive => "field-keep-alive".into(),
            Field::ConnectionLimit => "field-connection-limit".into(),
            Field::ProxyFqdn => "field-proxy".into(),
        }
    }
}

impl Draft {
    /// A new partner with the cmdlet defaults.
    pub fn new_partner() -> Draft {
        Draft {
            mode: Mode::New,
            domain: String::new(),
            description: String::new(),
            additional_domains: Vec::new(),
            partner_type: PartnerConfig::DEFAULT_PARTNER_TYPE,
            tls_negotiation: PartnerConfig::DEFAULT_TLS,
            sasl_negotiation: PartnerConfig::DEFAULT_SASL,
            support_dialback_negotiation: PartnerConfig::DEFAULT_DIALBACK,
            enable_keep_alive: PartnerConfig::DEFAULT_KEEP_ALIVE,
            connection_limit: String::new(),
            proxy_fqdn: String::new(),
        }
    }

    /// An edit of an existing partner.
    pub fn edit(partner: &PartnerConfig) -> Draft {
        Draft {
            mode: Mode::Edit {
                identity: partner.domain.to_string(),
            },
            domain: partner.domain.to_string(),
            description: partner.description.as_str().to_owned(),
            additional_domains: partner
                .additional_domains
                .iter()
                .map(Domain::to_string)
                .collect(),
            partner_type: partner.partner_type,
            tls_negotiation: partner.tls_negotiation,
            sasl_negotiation: partner.sasl_negotiation,
            support_dialback_negotiation: partner.support_dialback_negotiation,
            enable_keep_alive: partner.enable_keep_alive,
            connection_limit: partner
                .connection_limit
                .map(|n| n.to_string())
                .unwrap_or_default(),
            proxy_fqdn: partner
                .proxy_fqdn
                .as_ref()
                .map(Domain::to_string)
                .unwrap_or_default(),
        }
    }

    /// The draft as a partner entry in JSON, with the text as typed: the core's reader decides
    /// what it means and reports every problem.
    pub fn to_json(&self) -> Value {
        let mut entry = Map::new();
        let mut insert = |field: PartnerField, value: Value| {
            entry.insert(field.name().to_owned(), value);
        };
        insert(PartnerField::Domain, json!(self.domain));
        if !self.description.is_empty() {
            insert(PartnerField::Description, json!(self.description));
        }
        if !self.additional_domains.is_empty() {
            insert(
                PartnerField::AdditionalDomains,
                json!(self.additional_domains),
            );
        }
        insert(PartnerField::PartnerType, json!(self.partner_type));
        insert(PartnerField::TlsNegotiation, json!(self.tls_negotiation));
        insert(PartnerField::SaslNegotiation, json!(self.sasl_negotiation));
        insert(
            PartnerField::SupportDialbackNegotiation,
            json!(self.support_dialback_negotiation),
        );
        insert(PartnerField::EnableKeepAlive, json!(self.enable_keep_alive));
        let limit = self.connection_limit.trim();
        if !limit.is_empty() {
            // A number when it is one; otherwise the text, which the reader refuses by name.
            let value = limit
                .parse::<u64>()
                .map_or_else(|_| json!(limit), |n| json!(n));
            insert(PartnerField::ConnectionLimit, value);
        }
        if !self.proxy_fqdn.trim().is_empty() {
            insert(PartnerField::ProxyFqdn, json!(self.proxy_fqdn));
        }
        Value::Object(entry)
    }

    /// The identity of the partner being edited, if any.
    pub fn identity(&self) -> Option<&str> {
        match &self.mode {
            Mode::New => None,
            Mode::Edit { identity } => Some(identity),
        }
    }
}

/// What the validator says about the draft in the directory it would join.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftCheck {
    /// The draft's report: row, methods, commit verdict and findings, paths relative to it.
    /// Always present: the reader turns any entry into one.
    pub partner: Option<LocalizedPartner>,
    /// The draft read as a partner, when its fields are free of errors.
    pub config: Option<PartnerConfig>,
}

/// Validates the draft as the last entry of the directory (without the partner it edits), so
/// that clashes with other partners show up too.
pub fn check(directory: &Directory, draft: &Draft, language: Language) -> DraftCheck {
    let mut partners: Vec<Value> = directory
        .partners()
        .iter()
        .filter(|p| Some(p.domain.as_str()) != draft.identity())
        .filter_map(|p| serde_json::to_value(p).ok())
        .collect();
    let index = partners.len();
    partners.push(draft.to_json());
    let gateway = serde_json::to_value(directory.gateway()).unwrap_or(Value::Null);
    let document = Document::from_value(json!({ "gateway": gateway, "partners": partners }));
    let prefix = format!("partners[{index}]");
    let relative = |path: &str| -> String {
        path.strip_prefix(&prefix)
            .map(|rest| rest.trim_start_matches('.').to_owned())
            .unwrap_or_else(|| path.to_owned())
    };
    match document {
        Ok(document) => {
            let report = document.validate();
            let config = report
                .partners()
                .get(index)
                .and_then(|p| p.config().cloned());
            let localized = report.localize(language);
            let partner = localized
                .partners
                .into_iter()
                .nth(index)
                .map(|mut partner| {
                    partner.path = String::new();
                    for diagnostic in &mut partner.diagnostics {
                        diagnostic.path = relative(&diagnostic.path);
                        for related in &mut diagnostic.related {
                            *related = relative(related);
                        }
                    }
                    partner
                });
            DraftCheck { partner, config }
        }
        Err(_) => DraftCheck {
            partner: None,
            config: None,
        },
    }
}

/// The commit the draft stands for: a new partner, or an edit that sets every field.
pub fn change(draft: &Draft, config: PartnerConfig) -> Change {
    match &draft.mode {
        Mode::New => Change::New(config),
        Mode::Edit { .. } => {
            let mut edit = PartnerEdit::new(config.domain.clone());
            edit.additional_domains = Some(DomainListChange::Replace {
                domains: config.additional_domains.clone(),
            });
            edit.description = Some(config.description.clone());
            edit.partner_type = Some(config.partner_type);
            edit.tls_negotiation = Some(config.tls_negotiation);
            edit.sasl_negotiation = Some(config.sasl_negotiation);
            edit.support_dialback_negotiation = Some(config.support_dialback_negotiation);
            edit.enable_keep_alive = Some(config.enable_keep_alive);
            edit.connection_limit = Some(config.connection_limit);
            edit.proxy_fqdn = Some(config.proxy_fqdn.clone());
            Change::Edit(edit)
        }
    }
}
