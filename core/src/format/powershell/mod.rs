//! PowerShell scripts of partner and gateway cmdlets: read by applying the commands in order,
//! and written as commands whose strings stay inert.

mod syntax;
mod write;

use std::collections::HashMap;

pub(super) use write::{write_changes, write_directory};

use syntax::{Argument, Command, Expr, ExprKind, Numeral, Parser, numeral};

use super::{ReadError, ReadErrorKind};
use crate::diagnostic::{BindingProblem, Detail, Diagnostic, Position, Severity, Unit};
use crate::document::fields::{self, Kind};
use crate::document::{
    DirectoryDocument, Interpreter, Key, Naming, Node, PartnerEntry, Slot, Value,
};
use crate::domain::Domain;
use crate::gateway::GatewayConfig;
use crate::limits::{MAX_ADDITIONAL_DOMAINS, MAX_PARTNERS};
use crate::partner::{Description, DomainListChange};
use crate::suggest::closest;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cmdlet {
    NewPartner,
    SetPartner,
    RemovePartner,
    SetGateway,
}

impl Cmdlet {
    fn find(name: &str) -> Option<Cmdlet> {
        [
            Cmdlet::NewPartner,
            Cmdlet::SetPartner,
            Cmdlet::RemovePartner,
            Cmdlet::SetGateway,
        ]
        .into_iter()
        .find(|c| c.name().eq_ignore_ascii_case(name))
    }

    fn name(self) -> &'static str {
        match self {
            Cmdlet::NewPartner => "New-CsXmppAllowedPartner",
            Cmdlet::SetPartner => "Set-CsXmppAllowedPartner",
            Cmdlet::RemovePartner => "Remove-CsXmppAllowedPartner",
            Cmdlet::SetGateway => "Set-CsXmppGatewayConfiguration",
        }
    }

    /// The parameters that take a value, as the cmdlet reference lists them.
    fn parameters(self) -> &'static [&'static str] {
        const PARTNER: &[&str] = &[
            "Identity",
            "Instance",
            "AdditionalDomains",
            "ConnectionLimit",
            "Description",
            "EnableKeepAlive",
            "PartnerType",
            "ProxyFqdn",
            "SaslNegotiation",
            "SupportDialbackNegotiation",
            "TlsNegotiation",
        ];
        const NEW: &[&str] = &[
            "Identity",
            "Domain",
            "AdditionalDomains",
            "ConnectionLimit",
            "Description",
            "EnableKeepAlive",
            "PartnerType",
            "ProxyFqdn",
            "SaslNegotiation",
            "SupportDialbackNegotiation",
            "TlsNegotiation",
        ];
        const GATEWAY: &[&str] = &[
            "Identity",
            "Instance",
            "ConnectionLimit",
            "DialbackPassphrase",
            "EnableLoggingAllMessageBodies",
            "KeepAliveInterval",
            "PartnerConnectionLimit",
            "StreamEstablishmentTimeout",
            "StreamInactivityTimeout",
            "SubscriptionRefreshInterval",
        ];
        match self {
            Cmdlet::NewPartner => NEW,
            Cmdlet::SetPartner => PARTNER,
            Cmdlet::RemovePartner => &["Identity"],
            Cmdlet::SetGateway => GATEWAY,
        }
    }

    /// The switch parameters, which take no value unless written `-Switch:$value`.
    fn switches(self) -> &'static [&'static str] {
        match self {
            Cmdlet::NewPartner => &["Confirm", "Force", "InMemory", "WhatIf", "Verbose", "Debug"],
            _ => &["Confirm", "Force", "WhatIf", "Verbose", "Debug"],
        }
    }

    /// Every name a parameter can be bound by, for prefix matching: the cmdlet's own parameters
    /// and switches and PowerShell's common parameters, which take part in prefix matching too
    /// (`-E` is ambiguous between `-EnableKeepAlive` and `-ErrorAction`).
    fn names(self) -> impl Iterator<Item = &'static &'static str> + Clone {
        self.parameters()
            .iter()
            .chain(self.switches())
            .chain(COMMON_PARAMETERS)
    }
}

/// PowerShell's common parameters that take a value. They change how errors and output are
/// reported, not what a command does, so they are accepted and ignored.
const COMMON_PARAMETERS: &[&str] = &[
    "ErrorAction",
    "WarningAction",
    "InformationAction",
    "ErrorVariable",
    "WarningVariable",
    "InformationVariable",
    "OutVariable",
    "OutBuffer",
    "PipelineVariable",
];

/// A command's arguments, bound to parameters.
#[derive(Default)]
struct Bound {
    named: Vec<(&'static str, Expr)>,
    positional: Vec<Expr>,
    switches: Vec<(&'static str, bool)>,
}

impl Bound {
    fn value(&self, name: &str) -> Option<&Expr> {
        self.named.iter().find(|(n, _)| *n == name).map(|(_, e)| e)
    }

    /// The switch that makes the command change nothing, if it is set.
    fn inert_switch(&self) -> Option<&'static str> {
        self.switches
            .iter()
            .find(|(name, on)| *on && matches!(*name, "WhatIf" | "InMemory"))
            .map(|(name, _)| *name)
    }
}

/// The script's partners, one entry per `New-CsXmppAllowedPartner` that was not removed later.
struct State {
    gateway: GatewayConfig,
    entries: Vec<Option<(PartnerEntry, Vec<Diagnostic>)>>,
    /// Entry index by identity key (see [`identity_key`]), so that each command finds its
    /// partner in constant time.
    index: HashMap<String, usize>,
    general: Vec<Diagnostic>,
    /// Unknown-partner findings so far, to limit suggestions.
    unknown: usize,
}

/// How a partner is found by identity: the normalised domain when it parses, otherwise the
/// text as written, ignoring case.
fn identity_key(identity: &str) -> String {
    match Domain::parse(identity) {
        Ok(domain) => domain.as_str().to_owned(),
        Err(_) => format!("?{}", identity.to_lowercase()),
    }
}

fn entry_key(entry: &PartnerEntry) -> Option<String> {
    match &entry.domain {
        Slot::Set(domain) => Some(domain.as_str().to_owned()),
        _ => entry.domain_text.as_deref().map(identity_key),
    }
}

/// How many unknown-partner findings get a "did you mean" suggestion.
const SUGGESTIONS: usize = 16;

/// The path the interpreter writes entry findings under, until the entry's index is known.
const PLACEHOLDER: &str = "partner";

pub(in crate::format) fn read(
    text: &str,
) -> Result<(DirectoryDocument, Vec<Diagnostic>), ReadError> {
    let commands = Parser::new(text).commands()?;
    let mut state = State {
        gateway: GatewayConfig::default(),
        entries: Vec::new(),
        index: HashMap::new(),
        general: Vec::new(),
        unknown: 0,
    };
    for command in commands {
        if command.name.eq_ignore_ascii_case("Import-Module") {
            continue;
        }
        let Some(cmdlet) = Cmdlet::find(&command.name) else {
            return Err(ReadError::new(
                ReadErrorKind::UnsupportedCommand {
                    command: command.name,
                },
                Some(command.position),
            ));
        };
        if matches!(cmdlet, Cmdlet::NewPartner) && state.entries.len() >= MAX_PARTNERS {
            return Err(ReadError::new(
                ReadErrorKind::TooManyPartners,
                Some(command.position),
            ));
        }
        let Some(mut bound) = bind(cmdlet, &command, &mut state.general) else {
            continue;
        };
        evaluate_numbers(&mut bound)?;
        if let Some(switch) = bound.inert_switch() {
            state.general.push(
                Diagnostic::new(
                    Detail::CommandNotApplied {
                        command: cmdlet.name().to_owned(),
                        switch,
                    },
                    "",
                )
                .at(Some(command.position)),
            );
            continue;
        }
        match cmdlet {
            Cmdlet::NewPartner => state.new_partner(&command, &bound),
            Cmdlet::SetPartner => state.set_partner(&command, &bound),
            Cmdlet::RemovePartner => state.remove_partner(&command, &bound),
            Cmdlet::SetGateway => state.set_gateway(&command, &bound),
        }
    }
    let mut diagnostics = state.general;
    let mut partners = Vec::new();
    for (index, (mut entry, findings)) in state.entries.into_iter().flatten().enumerate() {
        let path = format!("partners[{index}]");
        for mut finding in findings {
            finding.reroot(PLACEHOLDER, &path);
            diagnostics.push(finding);
        }
        entry.path = path;
        partners.push(entry);
    }
    Ok((
        DirectoryDocument {
            gateway: state.gateway,
            partners,
        },
        diagnostics,
    ))
}

/// Binds arguments as PowerShell does: names ignore case and may be shortened to a unique
/// prefix. Returns `None`, with findings, when PowerShell would refuse to run the command.
fn bind(cmdlet: Cmdlet, command: &Command, out: &mut Vec<Diagnostic>) -> Option<Bound> {
    let mut bound = Bound::default();
    let mut ok = true;
    let mut fail = |argument: String, problem: BindingProblem, position: Position| {
        out.push(
            Diagnostic::new(
                Detail::ParameterBinding {
                    command: cmdlet.name().to_owned(),
                    argument,
                    problem,
                },
                "",
            )
            .at(Some(position)),
        );
    };
    let mut arguments = command.arguments.iter().peekable();
    while let Some(argument) = arguments.next() {
        match argument {
            Argument::Value(expr) => bound.positional.push(expr.clone()),
            Argument::Parameter {
                name,
                value,
                position,
            } => {
                let resolved = match resolve(name, cmdlet.names()) {
                    Ok(resolved) => resolved,
                    Err(problem) => {
                        ok = false;
                        fail(name.clone(), problem, *position);
                        continue;
                    }
                };
                if cmdlet.switches().contains(&resolved) {
                    let on = match value.as_ref().map(|v| &v.kind) {
                        None | Some(ExprKind::Bool(true)) => true,
                        Some(ExprKind::Bool(false)) => false,
                        Some(_) => {
                            ok = false;
                            fail(name.clone(), BindingProblem::NotBoolean, *position);
                            continue;
                        }
                    };
                    bound.switches.push((resolved, on));
                    continue;
                }
                let value = match value {
                    Some(value) => Some(value.clone()),
                    None => match arguments.peek() {
                        Some(Argument::Value(_)) => match arguments.next() {
                            Some(Argument::Value(expr)) => Some(expr.clone()),
                            _ => None,
                        },
                        _ => None,
                    },
                };
                match value {
                    None => {
                        ok = false;
                        fail(name.clone(), BindingProblem::MissingValue, *position);
                    }
                    Some(_) if COMMON_PARAMETERS.contains(&resolved) => {}
                    Some(_) if resolved == "Instance" => {
                        ok = false;
                        fail(name.clone(), BindingProblem::NotSupported, *position);
                    }
                    Some(_) if bound.value(resolved).is_some() => {
                        ok = false;
                        fail(resolved.to_owned(), BindingProblem::Repeated, *position);
                    }
                    Some(value) => bound.named.push((resolved, value)),
                }
            }
        }
    }
    // The first positional argument is the identity.
    let identity_named = bound.value("Identity").is_some() || bound.value("Domain").is_some();
    if bound.value("Identity").is_some() && bound.value("Domain").is_some() {
        ok = false;
        fail(
            "Identity".to_owned(),
            BindingProblem::Conflict("Domain"),
            command.position,
        );
    }
    let mut positional = std::mem::take(&mut bound.positional).into_iter();
    if !identity_named && let Some(identity) = positional.next() {
        bound.named.push(("Identity", identity));
    }
    for extra in positional {
        ok = false;
        fail(describe(&extra), BindingProblem::Unexpected, extra.position);
    }
    // PowerShell converts only booleans and numbers to a boolean parameter.
    for (name, expr) in &bound.named {
        let is_bool = fields::PARTNER
            .iter()
            .chain(&fields::GATEWAY)
            .any(|f| f.cmdlet == *name && f.kind == Kind::Bool);
        let numeric = matches!(&expr.kind, ExprKind::Bare(w) if w.parse::<i64>().is_ok());
        if is_bool && !matches!(expr.kind, ExprKind::Bool(_)) && !numeric {
            ok = false;
            fail(
                (*name).to_owned(),
                BindingProblem::NotBoolean,
                expr.position,
            );
        }
    }
    ok.then_some(bound)
}

/// Gives the value of each numeric literal (`0x10`, `1kb`, `1e3`) bound to a whole-number
/// parameter, in decimal, as PowerShell converts it when binding. Other parameters keep the text
/// as written. A literal beyond 64 bits is refused, as PowerShell refuses it.
fn evaluate_numbers(bound: &mut Bound) -> Result<(), ReadError> {
    for (name, expr) in &mut bound.named {
        let whole_number = fields::PARTNER
            .iter()
            .chain(&fields::GATEWAY)
            .any(|f| f.cmdlet == *name && f.kind == Kind::WholeNumber);
        let ExprKind::Bare(word) = &expr.kind else {
            continue;
        };
        if !whole_number {
            continue;
        }
        match numeral(word) {
            Some(Numeral::Whole(value)) => expr.kind = ExprKind::Bare(value.to_string()),
            // Not a whole number: the interpreter reports it as written.
            Some(Numeral::Fraction) | None => {}
            Some(Numeral::OutOfRange) => {
                return Err(ReadError::syntax(
                    super::Format::PowerShell,
                    format!(
                        "`-{name}`: the number `{word}` is out of range: write a whole number \
                         from 0 to {}",
                        u32::MAX
                    ),
                    Some(expr.position),
                ));
            }
        }
    }
    Ok(())
}

/// Resolves a parameter name: an exact match (ignoring case), a PowerShell alias, or a unique
/// prefix.
fn resolve<'a>(
    written: &str,
    parameters: impl Iterator<Item = &'a &'static str> + Clone,
) -> Result<&'static str, BindingProblem> {
    let alias = match written.to_ascii_lowercase().as_str() {
        "cf" => Some("Confirm"),
        "wi" => Some("WhatIf"),
        "vb" => Some("Verbose"),
        "db" => Some("Debug"),
        "ea" => Some("ErrorAction"),
        "wa" => Some("WarningAction"),
        "infa" => Some("InformationAction"),
        "ev" => Some("ErrorVariable"),
        "wv" => Some("WarningVariable"),
        "iv" => Some("InformationVariable"),
        "ov" => Some("OutVariable"),
        "ob" => Some("OutBuffer"),
        "pv" => Some("PipelineVariable"),
        _ => None,
    };
    if let Some(exact) = parameters
        .clone()
        .find(|p| p.eq_ignore_ascii_case(written))
        .or_else(|| alias.and_then(|a| parameters.clone().find(|p| **p == a)))
    {
        return Ok(exact);
    }
    let lower = written.to_ascii_lowercase();
    let matches: Vec<&'static str> = parameters
        .clone()
        .filter(|p| p.to_ascii_lowercase().starts_with(&lower))
        .copied()
        .collect();
    match matches.as_slice() {
        [one] => Ok(one),
        [] => Err(BindingProblem::Unknown(closest(
            written,
            parameters.copied(),
        ))),
        many => Err(BindingProblem::Ambiguous(many.to_vec())),
    }
}

fn describe(expr: &Expr) -> String {
    match &expr.kind {
        ExprKind::Bare(w) | ExprKind::Quoted(w) => w.chars().take(60).collect(),
        ExprKind::Bool(b) => format!("${b}"),
        ExprKind::Null => "$null".to_owned(),
        ExprKind::Char(unit) => format!("[char]{unit}"),
        ExprKind::Array(_) => "an array".to_owned(),
        ExprKind::Hash(_) => "a hash table".to_owned(),
    }
}

/// The value tree for an argument.
fn node(expr: &Expr) -> Node {
    let position = Some(expr.position);
    let value = match &expr.kind {
        ExprKind::Bare(w) | ExprKind::Quoted(w) => Value::Text(w.clone()),
        ExprKind::Bool(b) => Value::Bool(*b),
        ExprKind::Null => Value::Null,
        ExprKind::Char(unit) => Value::Text(String::from_utf16_lossy(&[*unit])),
        ExprKind::Array(items) => Value::List(items.iter().map(node).collect()),
        ExprKind::Hash(entries) => Value::Map(
            entries
                .iter()
                .map(|(key, value)| {
                    (
                        Key {
                            name: key.clone(),
                            position: Some(value.position),
                        },
                        node(value),
                    )
                })
                .collect(),
        ),
    };
    Node::new(value, position)
}

/// A map of the given parameters, keyed by cmdlet name, for the interpreter.
fn map(parameters: &[(&'static str, Expr)], position: Position) -> Node {
    Node::new(
        Value::Map(
            parameters
                .iter()
                .map(|(name, expr)| {
                    (
                        Key {
                            name: (*name).to_owned(),
                            position: Some(expr.position),
                        },
                        node(expr),
                    )
                })
                .collect(),
        ),
        Some(position),
    )
}

fn identity_text(expr: &Expr) -> Option<String> {
    match &expr.kind {
        ExprKind::Bare(w) | ExprKind::Quoted(w) => Some(w.clone()),
        _ => None,
    }
}

impl State {
    /// The entry whose primary domain is `identity`, compared in normalised form when it parses.
    fn find(&self, identity: &str) -> Option<usize> {
        self.index.get(&identity_key(identity)).copied()
    }

    fn unknown_partner(&mut self, identity: &str, position: Position) {
        // A suggestion scans every partner; only the first few findings get one, so that a
        // script of many failing commands stays linear.
        self.unknown += 1;
        let suggestion = if self.unknown <= SUGGESTIONS {
            let known = self
                .entries
                .iter()
                .flatten()
                .filter_map(|(e, _)| e.domain_text.as_deref());
            closest(identity, known).and_then(|s| Domain::parse(s).ok())
        } else {
            None
        };
        match Domain::parse(identity) {
            Ok(identity) => self.general.push(
                Diagnostic::new(
                    Detail::UnknownPartner {
                        identity,
                        suggestion,
                    },
                    "",
                )
                .at(Some(position)),
            ),
            Err(error) => self.general.push(
                Diagnostic::new(
                    Detail::InvalidDomain {
                        field: "Identity".to_owned(),
                        error,
                    },
                    "",
                )
                .at(Some(position)),
            ),
        }
    }

    fn new_partner(&mut self, command: &Command, bound: &Bound) {
        let parameters: Vec<(&'static str, Expr)> = bound
            .named
            .iter()
            .map(|(name, expr)| {
                (
                    if *name == "Identity" { "Domain" } else { name },
                    expr.clone(),
                )
            })
            .collect();
        let mut findings = Vec::new();
        let entry = Interpreter::new(Naming::Cmdlet, &mut findings)
            .partner(&map(&parameters, command.position), PLACEHOLDER);
        if let Slot::Set(domain) = &entry.domain
            && self.find(domain.as_str()).is_some()
        {
            self.general.push(
                Diagnostic::new(
                    Detail::PartnerExists {
                        identity: domain.clone(),
                    },
                    "",
                )
                .at(Some(command.position)),
            );
            return;
        }
        // PowerShell does not run a command whose arguments do not convert: the entry is kept
        // for its findings, but it claims no identity, so a later New- can create the partner.
        let failed = findings.iter().any(|d| d.severity() == Severity::Error);
        if !failed && let Some(key) = entry_key(&entry) {
            self.index.entry(key).or_insert(self.entries.len());
        }
        self.entries.push(Some((entry, findings)));
    }

    fn target(&mut self, command: &Command, bound: &Bound) -> Option<usize> {
        let Some(identity) = bound.value("Identity").and_then(identity_text) else {
            self.general.push(
                Diagnostic::new(Detail::MissingField { field: "Identity" }, "")
                    .at(Some(command.position)),
            );
            return None;
        };
        let found = self.find(&identity);
        if found.is_none() {
            self.unknown_partner(&identity, command.position);
        }
        found
    }

    fn set_partner(&mut self, command: &Command, bound: &Bound) {
        let Some(index) = self.target(command, bound) else {
            return;
        };
        let mut findings = Vec::new();
        let mut interpreter = Interpreter::new(Naming::Cmdlet, &mut findings);
        let mut domains_change: Option<Slot<DomainListChange>> = None;
        let mut clear_description = false;
        let mut parameters = Vec::new();
        for (name, expr) in &bound.named {
            match (*name, &expr.kind) {
                ("Identity", _) => parameters.push(("Domain", expr.clone())),
                ("AdditionalDomains", ExprKind::Hash(entries)) => {
                    domains_change = Some(list_modifier(&mut interpreter, entries));
                }
                ("AdditionalDomains", _) => {
                    let path = format!("{PLACEHOLDER}.additionalDomains");
                    domains_change = Some(match interpreter.domain_list(&node(expr), &path) {
                        Slot::Set(domains) => Slot::Set(DomainListChange::Replace { domains }),
                        _ => Slot::Invalid,
                    });
                }
                ("Description", ExprKind::Null) => clear_description = true,
                _ => parameters.push((name, expr.clone())),
            }
        }
        let edit = interpreter.partner(&map(&parameters, command.position), PLACEHOLDER);
        let failed = findings.iter().any(|d| d.severity() == Severity::Error)
            || matches!(domains_change, Some(Slot::Invalid));
        let Some(Some((entry, entry_findings))) = self.entries.get_mut(index) else {
            return;
        };
        entry_findings.extend(findings);
        if failed {
            // PowerShell does not run a command whose arguments do not convert.
            return;
        }
        // The new list of additional domains first: if it is too long, nothing changes.
        let new_domains = match domains_change {
            Some(Slot::Set(change)) => {
                let mut list = match &entry.additional_domains {
                    Slot::Set(list) => list.clone(),
                    Slot::Absent | Slot::Invalid => Vec::new(),
                };
                change.apply(&mut list);
                if list.len() > MAX_ADDITIONAL_DOMAINS {
                    entry_findings.push(
                        Diagnostic::new(
                            Detail::LimitExceeded {
                                field: "additionalDomains".to_owned(),
                                limit: MAX_ADDITIONAL_DOMAINS,
                                actual: list.len(),
                                unit: Unit::Entries,
                            },
                            format!("{PLACEHOLDER}.additionalDomains"),
                        )
                        .at(Some(command.position)),
                    );
                    return;
                }
                Some(list)
            }
            _ => None,
        };
        fn take<T: Clone>(target: &mut Slot<T>, change: Slot<T>) {
            if let Slot::Set(value) = change {
                *target = Slot::Set(value);
            }
        }
        take(&mut entry.description, edit.description);
        take(&mut entry.partner_type, edit.partner_type);
        take(&mut entry.tls, edit.tls);
        take(&mut entry.sasl, edit.sasl);
        take(&mut entry.dialback, edit.dialback);
        take(&mut entry.keep_alive, edit.keep_alive);
        take(&mut entry.connection_limit, edit.connection_limit);
        take(&mut entry.proxy_fqdn, edit.proxy_fqdn);
        if clear_description {
            entry.description = Slot::Set(Description::default());
        }
        if let Some(list) = new_domains {
            entry.additional_domains = Slot::Set(list);
        }
    }

    fn remove_partner(&mut self, command: &Command, bound: &Bound) {
        if let Some(index) = self.target(command, bound)
            && let Some((entry, _)) = self.entries[index].take()
            && let Some(key) = entry_key(&entry)
        {
            self.index.remove(&key);
        }
    }

    fn set_gateway(&mut self, command: &Command, bound: &Bound) {
        let mut parameters = Vec::new();
        for (name, expr) in &bound.named {
            if *name == "Identity" {
                let identity = identity_text(expr).unwrap_or_default();
                if !identity.eq_ignore_ascii_case("global") {
                    self.general.push(
                        Diagnostic::new(
                            Detail::InvalidValue {
                                field: "Identity".to_owned(),
                                value: identity,
                                allowed: &["global"],
                                suggestion: Some("global"),
                            },
                            "gateway",
                        )
                        .at(Some(expr.position)),
                    );
                    return;
                }
            } else {
                parameters.push((*name, expr.clone()));
            }
        }
        let mut findings = Vec::new();
        let gateway = Interpreter::new(Naming::Cmdlet, &mut findings).gateway(
            &map(&parameters, command.position),
            "gateway",
            self.gateway.clone(),
        );
        let failed = findings.iter().any(|d| d.severity() == Severity::Error);
        self.general.extend(findings);
        if !failed {
            self.gateway = gateway;
        }
    }
}

/// `@{Add=...; Remove=...; Replace=...}`: PowerShell's list modifier.
fn list_modifier(
    interpreter: &mut Interpreter<'_>,
    entries: &[(String, Expr)],
) -> Slot<DomainListChange> {
    const KEYS: [&str; 3] = ["Add", "Remove", "Replace"];
    let mut add = Vec::new();
    let mut remove = Vec::new();
    let mut replace: Option<Vec<Domain>> = None;
    let mut valid = true;
    for (key, expr) in entries {
        let path = format!("{PLACEHOLDER}.additionalDomains.{key}");
        let Some(canonical) = KEYS.iter().find(|k| k.eq_ignore_ascii_case(key)) else {
            interpreter.report(
                Detail::UnknownField {
                    field: key.clone(),
                    suggestion: closest(key, KEYS),
                },
                path,
                Some(expr.position),
            );
            valid = false;
            continue;
        };
        match interpreter.domain_list(&node(expr), &path) {
            Slot::Set(domains) => match *canonical {
                "Add" => add.extend(domains),
                "Remove" => remove.extend(domains),
                _ => replace = Some(domains),
            },
            _ => valid = false,
        }
    }
    if !valid {
        return Slot::Invalid;
    }
    // As `PSListModifier.ApplyTo` does: a non-empty `Replace` sets the list and `Add` and
    // `Remove` are ignored; an empty one counts as not given.
    match replace {
        Some(domains) if !domains.is_empty() => Slot::Set(DomainListChange::Replace { domains }),
        _ => Slot::Set(DomainListChange::Modify { add, remove }),
    }
}

#[cfg(test)]
mod tests;
