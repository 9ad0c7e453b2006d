//! Turns a [`Node`] tree into typed configuration, reporting every problem as a diagnostic with
//! its field path. Every format goes through here, so each field rule exists once.

use std::collections::HashSet;

use super::fields::{self, Field, Kind};
use super::value::{Node, Value};
use crate::diagnostic::{Detail, Diagnostic, Expected, Position, Unit, join};
use crate::domain::Domain;
use crate::gateway::{GatewayConfig, Passphrase};
use crate::limits::{MAX_ADDITIONAL_DOMAINS, MAX_TEXT_CHARS};
use crate::matrix::MatrixRow;
use crate::partner::{Description, PartnerConfig};
use crate::settings::{Negotiation, PartnerType};
use crate::suggest::closest;
use crate::text::ControlCharacter;

/// How keys are named in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Naming {
    /// JSON and XML: the exact camelCase names; anything else is an unknown field.
    Json,
    /// PowerShell parameters: cmdlet names, already resolved by the PowerShell reader.
    Cmdlet,
    /// `Format-List` output: cmdlet names, ignoring case; other properties are ignored.
    FormatList,
}

/// A field's outcome: not given, given and valid, or given and invalid (with a diagnostic).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Slot<T> {
    Absent,
    Set(T),
    Invalid,
}

impl<T: Clone> Slot<T> {
    /// The value, the default when absent, or `None` when invalid.
    pub fn or(&self, default: T) -> Option<T> {
        match self {
            Slot::Absent => Some(default),
            Slot::Set(value) => Some(value.clone()),
            Slot::Invalid => None,
        }
    }
}

/// One partner as read from a document, field by field.
#[derive(Debug, Clone)]
pub(crate) struct PartnerEntry {
    pub path: String,
    pub position: Option<Position>,
    /// The primary domain as written, for reports on entries whose domain does not parse.
    pub domain_text: Option<String>,
    pub domain: Slot<Domain>,
    pub additional_domains: Slot<Vec<Domain>>,
    pub description: Slot<Description>,
    pub partner_type: Slot<PartnerType>,
    pub tls: Slot<Negotiation>,
    pub sasl: Slot<Negotiation>,
    pub dialback: Slot<bool>,
    pub keep_alive: Slot<bool>,
    /// `Set(None)` is an explicit `null`.
    pub connection_limit: Slot<Option<u32>>,
    pub proxy_fqdn: Slot<Option<Domain>>,
}

impl PartnerEntry {
    /// The typed partner, when every field is valid and the domain is present.
    pub fn config(&self) -> Option<PartnerConfig> {
        let Slot::Set(domain) = &self.domain else {
            return None;
        };
        let mut partner = PartnerConfig::new(domain.clone());
        partner.additional_domains = self.additional_domains.or(Vec::new())?;
        partner.description = self.description.or(Description::default())?;
        partner.partner_type = self.partner_type.or(partner.partner_type)?;
        partner.tls_negotiation = self.tls.or(partner.tls_negotiation)?;
        partner.sasl_negotiation = self.sasl.or(partner.sasl_negotiation)?;
        partner.support_dialback_negotiation =
            self.dialback.or(partner.support_dialback_negotiation)?;
        partner.enable_keep_alive = self.keep_alive.or(partner.enable_keep_alive)?;
        partner.connection_limit = self.connection_limit.or(None)?;
        partner.proxy_fqdn = self.proxy_fqdn.or(None)?;
        Some(partner)
    }

    /// The matrix row, when the three negotiation settings are valid (whatever the other fields
    /// are).
    pub fn matrix_row(&self) -> Option<MatrixRow> {
        Some(MatrixRow::classify(
            self.tls.or(PartnerConfig::DEFAULT_TLS)?,
            self.sasl.or(PartnerConfig::DEFAULT_SASL)?,
            self.dialback.or(PartnerConfig::DEFAULT_DIALBACK)?,
        ))
    }
}

/// A whole document: the gateway settings and the partners.
#[derive(Debug, Clone)]
pub(crate) struct DirectoryDocument {
    pub gateway: GatewayConfig,
    pub partners: Vec<PartnerEntry>,
}

pub(crate) struct Interpreter<'d> {
    naming: Naming,
    diagnostics: &'d mut Vec<Diagnostic>,
    ignored: HashSet<String>,
}

/// The field name at the end of a path: `tlsNegotiation` in `partners[2].tlsNegotiation`.
fn last_segment(path: &str) -> String {
    path.rsplit('.').next().unwrap_or(path).to_owned()
}

/// Extra suggestions for names that are not typos but other words for a field.
fn alias(name: &str) -> Option<&'static str> {
    match name.to_ascii_lowercase().as_str() {
        "identity" | "primarydomain" | "name" => Some("domain"),
        "type" => Some("partnerType"),
        "tls" => Some("tlsNegotiation"),
        "sasl" => Some("saslNegotiation"),
        "dialback" | "supportdialback" => Some("supportDialbackNegotiation"),
        "keepalive" => Some("enableKeepAlive"),
        "domains" => Some("additionalDomains"),
        "proxy" => Some("proxyFqdn"),
        _ => None,
    }
}

impl<'d> Interpreter<'d> {
    pub fn new(naming: Naming, diagnostics: &'d mut Vec<Diagnostic>) -> Interpreter<'d> {
        Interpreter {
            naming,
            diagnostics,
            ignored: HashSet::new(),
        }
    }

    /// Records a finding.
    pub fn report(&mut self, detail: Detail, path: String, position: Option<Position>) {
        self.diagnostics
            .push(Diagnostic::new(detail, path).at(position));
    }

    /// Reads a whole document: an object with `gateway` and `partners`, a list of partners, or a
    /// single partner object.
    pub fn directory(&mut self, node: &Node) -> DirectoryDocument {
        let mut document = DirectoryDocument {
            gateway: GatewayConfig::default(),
            partners: Vec::new(),
        };
        match &node.value {
            Value::List(_) => document.partners = self.partners(node, "partners"),
            Value::Map(entries)
                if !entries
                    .iter()
                    .any(|(k, _)| k.name == "partners" || k.name == "gateway")
                    && entries.iter().any(|(k, _)| k.name == "domain") =>
            {
                document.partners = vec![self.partner(node, "partners[0]")];
            }
            Value::Map(_) => {
                let found = self.fields(node, &fields::DIRECTORY, "");
                if let Some(gateway) = found[1] {
                    document.gateway = self.gateway(gateway, "gateway", GatewayConfig::default());
                }
                if let Some(partners) = found[2] {
                    document.partners = self.partners(partners, "partners");
                }
                if let Some(schema) = found[0] {
                    self.text(schema, "$schema", MAX_TEXT_CHARS);
                }
            }
            other => self.report(
                Detail::WrongType {
                    field: "document".to_owned(),
                    expected: Expected::Object,
                    found: other.found(),
                },
                String::new(),
                node.position,
            ),
        }
        document
    }

    /// Reads a list of partner objects, at path `partners`.
    pub fn partner_list(&mut self, node: &Node) -> Vec<PartnerEntry> {
        self.partners(node, "partners")
    }

    fn partners(&mut self, node: &Node, path: &str) -> Vec<PartnerEntry> {
        let Value::List(items) = &node.value else {
            self.wrong_type(node, path, Expected::List);
            return Vec::new();
        };
        // More than MAX_PARTNERS is refused before interpreting (`partners_within_bound` in
        // `format`), like a document over the size bound.
        items
            .iter()
            .enumerate()
            .map(|(i, item)| self.partner(item, &format!("{path}[{i}]")))
            .collect()
    }

    /// Reads one partner object.
    pub fn partner(&mut self, node: &Node, path: &str) -> PartnerEntry {
        use fields::partner as f;
        let mut entry = PartnerEntry {
            path: path.to_owned(),
            position: node.position,
            domain_text: None,
            domain: Slot::Absent,
            additional_domains: Slot::Absent,
            description: Slot::Absent,
            partner_type: Slot::Absent,
            tls: Slot::Absent,
            sasl: Slot::Absent,
            dialback: Slot::Absent,
            keep_alive: Slot::Absent,
            connection_limit: Slot::Absent,
            proxy_fqdn: Slot::Absent,
        };
        if !matches!(node.value, Value::Map(_)) {
            self.wrong_type(node, path, Expected::Object);
            entry.domain = Slot::Invalid;
            return entry;
        }
        let found = self.fields(node, &fields::PARTNER, path);
        let at = |i: usize| join(path, fields::PARTNER[i].name);

        match found[f::DOMAIN] {
            Some(node) => {
                if let Value::String(text) | Value::Text(text) = &node.value {
                    entry.domain_text = Some(text.chars().take(MAX_TEXT_CHARS).collect());
                }
                entry.domain = self.domain(node, &at(f::DOMAIN));
            }
            None => {
                self.report(
                    Detail::MissingField {
                        field: fields::PARTNER[f::DOMAIN].name,
                    },
                    at(f::DOMAIN),
                    node.position,
                );
                entry.domain = Slot::Invalid;
            }
        }
        if let Some(node) = found[f::ADDITIONAL_DOMAINS] {
            entry.additional_domains = self.domain_list(node, &at(f::ADDITIONAL_DOMAINS));
        }
        if let Some(node) = found[f::DESCRIPTION] {
            entry.description = match &node.value {
                Value::Null => Slot::Absent,
                _ => self.plain_text(node, &at(f::DESCRIPTION), Description::new),
            };
        }
        if let Some(node) = found[f::PARTNER_TYPE] {
            entry.partner_type = self.enumeration(
                node,
                &at(f::PARTNER_TYPE),
                &fields::PARTNER[f::PARTNER_TYPE],
                &PartnerType::ALL,
            );
        }
        if let Some(node) = found[f::TLS] {
            entry.tls = self.enumeration(
                node,
                &at(f::TLS),
                &fields::PARTNER[f::TLS],
                &Negotiation::ALL,
            );
        }
        if let Some(node) = found[f::SASL] {
            entry.sasl = self.enumeration(
                node,
                &at(f::SASL),
                &fields::PARTNER[f::SASL],
                &Negotiation::ALL,
            );
        }
        if let Some(node) = found[f::DIALBACK] {
            entry.dialback = self.boolean(node, &at(f::DIALBACK));
        }
        if let Some(node) = found[f::KEEP_ALIVE] {
            entry.keep_alive = self.boolean(node, &at(f::KEEP_ALIVE));
        }
        if let Some(node) = found[f::CONNECTION_LIMIT] {
            entry.connection_limit = match &node.value {
                Value::Null => Slot::Set(None),
                Value::Text(t) if t.is_empty() => Slot::Set(None),
                _ => match self.whole_number(node, &at(f::CONNECTION_LIMIT)) {
                    Slot::Set(n) => Slot::Set(Some(n)),
                    Slot::Absent => Slot::Absent,
                    Slot::Invalid => Slot::Invalid,
                },
            };
        }
        if let Some(node) = found[f::PROXY_FQDN] {
            entry.proxy_fqdn = match &node.value {
                Value::Null => Slot::Set(None),
                Value::Text(t) if t.is_empty() => Slot::Set(None),
                _ => match self.domain(node, &at(f::PROXY_FQDN)) {
                    Slot::Set(d) => Slot::Set(Some(d)),
                    Slot::Absent => Slot::Absent,
                    Slot::Invalid => Slot::Invalid,
                },
            };
        }
        entry
    }

    /// Reads the gateway object over `base`: given fields replace base values, and invalid
    /// fields keep them (with a diagnostic).
    pub fn gateway(&mut self, node: &Node, path: &str, base: GatewayConfig) -> GatewayConfig {
        use fields::gateway as f;
        let mut gateway = base;
        if !matches!(node.value, Value::Map(_)) {
            self.wrong_type(node, path, Expected::Object);
            return gateway;
        }
        let found = self.fields(node, &fields::GATEWAY, path);
        let at = |i: usize| join(path, fields::GATEWAY[i].name);
        let numbers = [
            (f::CONNECTION_LIMIT, &mut gateway.connection_limit),
            (
                f::PARTNER_CONNECTION_LIMIT,
                &mut gateway.partner_connection_limit,
            ),
            (f::KEEP_ALIVE_INTERVAL, &mut gateway.keep_alive_interval),
            (
                f::STREAM_ESTABLISHMENT_TIMEOUT,
                &mut gateway.stream_establishment_timeout,
            ),
            (
                f::STREAM_INACTIVITY_TIMEOUT,
                &mut gateway.stream_inactivity_timeout,
            ),
            (
                f::SUBSCRIPTION_REFRESH_INTERVAL,
                &mut gateway.subscription_refresh_interval,
            ),
        ];
        for (index, target) in numbers {
            if let Some(node) = found[index]
                && let Slot::Set(n) = self.whole_number(node, &at(index))
            {
                *target = n;
            }
        }
        if let Some(node) = found[f::DIALBACK_PASSPHRASE]
            && !matches!(node.value, Value::Null)
            && let Slot::Set(secret) =
                self.plain_text(node, &at(f::DIALBACK_PASSPHRASE), Passphrase::new)
        {
            gateway.dialback_passphrase = Some(secret);
        }
        if let Some(node) = found[f::MESSAGE_BODY_LOGGING]
            && let Slot::Set(b) = self.boolean(node, &at(f::MESSAGE_BODY_LOGGING))
        {
            gateway.enable_logging_all_message_bodies = b;
        }
        gateway
    }

    /// Matches an object's keys to a field table. Unknown and repeated keys are reported.
    fn fields<'n>(
        &mut self,
        node: &'n Node,
        table: &'static [Field],
        path: &str,
    ) -> Vec<Option<&'n Node>> {
        let mut found: Vec<Option<&'n Node>> = vec![None; table.len()];
        let Value::Map(entries) = &node.value else {
            return found;
        };
        for (key, value) in entries {
            let index = match self.naming {
                Naming::Json => table.iter().position(|f| f.name == key.name),
                Naming::Cmdlet | Naming::FormatList => {
                    let name = if key.name.eq_ignore_ascii_case("Identity") {
                        "Domain"
                    } else {
                        key.name.as_str()
                    };
                    table
                        .iter()
                        .position(|f| f.cmdlet.eq_ignore_ascii_case(name))
                }
            };
            let Some(index) = index else {
                self.unknown(
                    key.name.as_str(),
                    table,
                    path,
                    key.position.or(value.position),
                );
                continue;
            };
            match found[index] {
                None => found[index] = Some(value),
                // Format-List shows both `Identity` and `Domain` for a partner; they agree.
                Some(earlier)
                    if self.naming == Naming::FormatList && earlier.value == value.value => {}
                Some(_) => self.report(
                    Detail::DuplicateField {
                        field: table[index].name.to_owned(),
                    },
                    join(path, table[index].name),
                    key.position.or(value.position),
                ),
            }
        }
        found
    }

    fn unknown(
        &mut self,
        name: &str,
        table: &'static [Field],
        path: &str,
        position: Option<Position>,
    ) {
        if self.naming == Naming::FormatList {
            if self.ignored.insert(name.to_ascii_lowercase()) {
                self.report(
                    Detail::IgnoredProperty {
                        property: name.to_owned(),
                    },
                    join(path, name),
                    position,
                );
            }
            return;
        }
        let suggestion = closest(name, table.iter().map(|f| f.name))
            .or_else(|| alias(name).filter(|a| table.iter().any(|f| f.name == *a)));
        self.report(
            Detail::UnknownField {
                field: name.chars().take(100).collect(),
                suggestion,
            },
            join(path, name),
            position,
        );
    }

    /// Reports a value of the wrong kind, unless the reader already reported it.
    fn wrong_type(&mut self, node: &Node, path: &str, expected: Expected) {
        if matches!(node.value, Value::Invalid) {
            return;
        }
        let field = last_segment(path);
        self.report(
            Detail::WrongType {
                field,
                expected,
                found: node.value.found(),
            },
            path.to_owned(),
            node.position,
        );
    }

    fn text(&mut self, node: &Node, path: &str, limit: usize) -> Slot<String> {
        match &node.value {
            Value::String(text) | Value::Text(text) => {
                let length = text.chars().count();
                if length > limit {
                    self.report(
                        Detail::LimitExceeded {
                            field: last_segment(path),
                            limit,
                            actual: length,
                            unit: Unit::Characters,
                        },
                        path.to_owned(),
                        node.position,
                    );
                    Slot::Invalid
                } else {
                    Slot::Set(text.clone())
                }
            }
            _ => {
                self.wrong_type(node, path, Expected::Text);
                Slot::Invalid
            }
        }
    }

    /// Reads text that must be free of control characters, into its checked type.
    fn plain_text<T>(
        &mut self,
        node: &Node,
        path: &str,
        make: impl Fn(String) -> Result<T, ControlCharacter>,
    ) -> Slot<T> {
        let Slot::Set(text) = self.text(node, path, MAX_TEXT_CHARS) else {
            return Slot::Invalid;
        };
        match make(text) {
            Ok(value) => Slot::Set(value),
            Err(ControlCharacter(character)) => {
                let field = last_segment(path);
                self.report(
                    Detail::ControlCharacter { field, character },
                    path.to_owned(),
                    node.position,
                );
                Slot::Invalid
            }
        }
    }

    fn boolean(&mut self, node: &Node, path: &str) -> Slot<bool> {
        match &node.value {
            Value::Bool(b) => Slot::Set(*b),
            Value::Text(text) => match text.trim().to_ascii_lowercase().as_str() {
                "true" | "$true" | "1" => Slot::Set(true),
                "false" | "$false" | "0" => Slot::Set(false),
                _ => {
                    self.invalid_value(node, path, text, &["true", "false"]);
                    Slot::Invalid
                }
            },
            _ => {
                self.wrong_type(node, path, Expected::Bool);
                Slot::Invalid
            }
        }
    }

    fn whole_number(&mut self, node: &Node, path: &str) -> Slot<u32> {
        let parsed = match &node.value {
            Value::Number(n) => n.as_u64(),
            Value::Text(text) => text.trim().parse::<u64>().ok(),
            _ => None,
        };
        match parsed.and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Slot::Set(n),
            None => {
                self.wrong_type(node, path, Expected::WholeNumber);
                Slot::Invalid
            }
        }
    }

    /// Reads one of the field's enumerated values; `values` are in the order of the field
    /// table's names.
    fn enumeration<T: Copy>(
        &mut self,
        node: &Node,
        path: &str,
        field: &Field,
        values: &[T],
    ) -> Slot<T> {
        let Kind::Enum(names) = field.kind else {
            return Slot::Invalid;
        };
        let (text, ignore_case) = match &node.value {
            Value::String(text) => (text, false),
            Value::Text(text) => (text, true),
            _ => {
                self.wrong_type(node, path, Expected::Text);
                return Slot::Invalid;
            }
        };
        let wanted = text.trim();
        let index = names.iter().position(|name| {
            if ignore_case {
                name.eq_ignore_ascii_case(wanted)
            } else {
                *name == wanted
            }
        });
        match index.and_then(|i| values.get(i)) {
            Some(value) => Slot::Set(*value),
            None => {
                self.invalid_value(node, path, text, names);
                Slot::Invalid
            }
        }
    }

    fn invalid_value(
        &mut self,
        node: &Node,
        path: &str,
        value: &str,
        allowed: &'static [&'static str],
    ) {
        let field = last_segment(path);
        self.report(
            Detail::InvalidValue {
                field,
                value: value.chars().take(100).collect(),
                allowed,
                suggestion: closest(value, allowed.iter().copied()),
            },
            path.to_owned(),
            node.position,
        );
    }

    fn domain(&mut self, node: &Node, path: &str) -> Slot<Domain> {
        let Slot::Set(text) = self.text(node, path, MAX_TEXT_CHARS) else {
            return Slot::Invalid;
        };
        match Domain::parse(&text) {
            Ok(domain) => Slot::Set(domain),
            Err(error) => {
                let field = last_segment(path);
                self.report(
                    Detail::InvalidDomain { field, error },
                    path.to_owned(),
                    node.position,
                );
                Slot::Invalid
            }
        }
    }

    /// Reads a list of domains (a single text value is a list of one).
    pub fn domain_list(&mut self, node: &Node, path: &str) -> Slot<Vec<Domain>> {
        let items: Vec<&Node> = match &node.value {
            Value::List(items) => items.iter().collect(),
            Value::Null => return Slot::Set(Vec::new()),
            // A single PowerShell or XML value is a list of one.
            Value::Text(text) if text.is_empty() => return Slot::Set(Vec::new()),
            Value::Text(_) => vec![node],
            _ => {
                self.wrong_type(node, path, Expected::List);
                return Slot::Invalid;
            }
        };
        if items.len() > MAX_ADDITIONAL_DOMAINS {
            self.report(
                Detail::LimitExceeded {
                    field: last_segment(path),
                    limit: MAX_ADDITIONAL_DOMAINS,
                    actual: items.len(),
                    unit: Unit::Entries,
                },
                path.to_owned(),
                node.position,
            );
            return Slot::Invalid;
        }
        let mut domains = Vec::with_capacity(items.len());
        let mut valid = true;
        for (i, item) in items.into_iter().enumerate() {
            let item_path = if matches!(node.value, Value::List(_)) {
                format!("{path}[{i}]")
            } else {
                path.to_owned()
            };
            match self.domain(item, &item_path) {
                Slot::Set(domain) => domains.push(domain),
                _ => valid = false,
            }
        }
        if valid {
            Slot::Set(domains)
        } else {
            Slot::Invalid
        }
    }
}
