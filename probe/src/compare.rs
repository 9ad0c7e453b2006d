//! Where an observed trace and the predicted one differ: the outcome, and every connection's
//! steps in a compared form that leaves out stream ids, dialback keys, whitespace and the order
//! of stream features.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::net::SocketAddr;

use super::report::{Agreement, Difference};
use xmpp_federation::Domain;
use xmpp_federation::s2s::Kind;
use xmpp_federation::s2s::machine::NoteKind;
use xmpp_federation::s2s::xml::{Element, Node, StreamEvent, StreamParser, ns};
use xmpp_federation::s2s::{
    Certificate, Condition, Connection, Direction, Outcome, Party, Step, Trace,
};

/// Compares the observation with the prediction.
pub(crate) fn agreement(
    observed: &Trace,
    predicted: &Trace,
    addresses: &BTreeMap<Domain, SocketAddr>,
) -> Agreement {
    let o = observed.outcome();
    let p = predicted.outcome();
    let condition = |outcome: &Outcome| outcome.failure.as_ref().map(|f| f.condition.clone());
    if let (Some(Condition::Denied), Some(Condition::Timeout { .. })) = (condition(p), condition(o))
        && !observed
            .steps()
            .iter()
            .any(|s| matches!(s.kind(), Kind::Machine(_) | Kind::Connect { .. }))
    {
        // The partner's access rules deny our domain, so it never connects: what a probe
        // waiting for its stream sees is that nothing comes.
        return Agreement {
            outcome: true,
            steps: true,
            differences: Vec::new(),
        };
    }
    let outcome =
        o.established == p.established && o.method == p.method && condition(o) == condition(p);
    let mut differences = Vec::new();
    for connection in [
        Connection::Main,
        Connection::Verification,
        Connection::NestedVerification,
    ] {
        let seen = signatures(observed, connection, addresses);
        let expected = signatures(predicted, connection, addresses);
        for index in 0..seen.len().max(expected.len()) {
            let (a, b) = (seen.get(index), expected.get(index));
            if a != b {
                differences.push(Difference {
                    connection,
                    position: index + 1,
                    observed: a.cloned(),
                    predicted: b.cloned(),
                });
            }
        }
    }
    Agreement {
        outcome,
        steps: differences.is_empty(),
        differences,
    }
}

/// The compared form of a trace's steps on one connection, up to the outcome.
fn signatures(
    trace: &Trace,
    connection: Connection,
    addresses: &BTreeMap<Domain, SocketAddr>,
) -> Vec<String> {
    // A verification stream is compared whole: its last steps race with the main stream's
    // outcome, so where the outcome falls among them depends on timing, not on either server.
    let last = if connection == Connection::Main {
        outcome_step(trace)
    } else {
        usize::MAX
    };
    let mut signatures: Vec<String> = trace
        .steps()
        .iter()
        .filter(|s| s.number() <= last && s.connection() == connection)
        .filter_map(|s| signature(s, trace, addresses))
        .collect();
    // Its closing tags may not have arrived when the probe ends, and the probe stops waiting
    // for more once the outcome is known.
    if connection != Connection::Main {
        while signatures
            .last()
            .is_some_and(|s| s.ends_with(" close") || s.ends_with(" timeout"))
        {
            signatures.pop();
        }
    }
    signatures
}

/// The last step that decided the outcome: the failing step, or the last step of the main
/// stream before its first stanza or close.
fn outcome_step(trace: &Trace) -> usize {
    if let Some(failure) = &trace.outcome().failure {
        return failure.step;
    }
    trace
        .steps()
        .iter()
        .take_while(|s| {
            !(s.connection() == Connection::Main
                && matches!(
                    s.kind(),
                    Kind::Machine(NoteKind::Stanza | NoteKind::Close) | Kind::Disconnected
                ))
        })
        .map(|s| s.number())
        .last()
        .unwrap_or(0)
}

/// A step in compared form, or `None` for steps a probe cannot observe.
fn signature(
    step: &Step,
    trace: &Trace,
    addresses: &BTreeMap<Domain, SocketAddr>,
) -> Option<String> {
    let arrow = format!("{}>{}", party_code(step.from()), party_code(step.to()));
    let ours = |party: Party| match party {
        Party::OurProxy => true,
        Party::Partner | Party::Dns => false,
        // Our domain's authoritative server is ours when we initiate.
        Party::Authoritative => trace.scenario().direction == Direction::Outbound,
    };
    let text = match &step.kind() {
        Kind::DnsQuery { domain, .. } => {
            if addresses.contains_key(domain) || !ours(step.from()) {
                return None;
            }
            format!("dns? {domain}")
        }
        Kind::DnsAnswer { domain, record, .. } => {
            if addresses.contains_key(domain) || !ours(step.to()) {
                return None;
            }
            format!("dns! {}", record.name())
        }
        Kind::Connect { .. } => "connect".to_owned(),
        Kind::ConnectFailed { .. } => "connect-failed".to_owned(),
        Kind::Unreachable { .. } => "unreachable".to_owned(),
        Kind::NotAllowed { .. } => "not-allowed".to_owned(),
        // The partner never connects: nothing to observe.
        Kind::Denied { .. } => return None,
        Kind::TlsHandshake {
            initiating_saw,
            receiving_saw,
            ..
        } => format!(
            "tls {} {}",
            initiating_saw.name(),
            receiving_saw.map_or("none", Certificate::name)
        ),
        Kind::TlsHandshakeFailed {
            by_initiating,
            status,
            ..
        } => format!(
            "tls-refused by-{} {}",
            if *by_initiating {
                "initiating"
            } else {
                "receiving"
            },
            status.name()
        ),
        Kind::TlsError { .. } => "tls-error".to_owned(),
        Kind::TlsVersionRefused { by_initiating, .. } => format!(
            "tls-version-refused by-{}",
            if *by_initiating {
                "initiating"
            } else {
                "receiving"
            }
        ),
        Kind::Timeout { .. } => "timeout".to_owned(),
        Kind::Unreadable { .. } => "unreadable".to_owned(),
        Kind::Disconnected => return None,
        // Stanzas are the simulator's example message, or the probe's ping and its answer.
        Kind::Machine(NoteKind::Stanza) => return None,
        Kind::Machine(_) => canonical(step.xml()?)?,
    };
    Some(format!("{arrow} {text}"))
}

fn party_code(party: Party) -> &'static str {
    match party {
        Party::OurProxy => "O",
        Party::Partner => "P",
        Party::Authoritative => "A",
        Party::Dns => "D",
    }
}

/// The prefixes a lone element may use, as the stream header declares them.
const CONTEXT: &str = "<stream:stream xmlns='jabber:server' \
    xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback'>";

/// An element or header in compared form: names with namespaces, attributes sorted, no ids,
/// no dialback keys, no whitespace between elements.
fn canonical(xml: &str) -> Option<String> {
    let trimmed = xml.trim();
    if trimmed == xmpp_federation::s2s::xml::STREAM_CLOSE {
        return Some("close".to_owned());
    }
    let mut parser = StreamParser::new();
    let header_only = trimmed.contains("<stream:stream") && !trimmed.contains("</stream:stream>");
    if header_only {
        let events = parser.feed(trimmed).ok()?;
        let header = events.into_iter().find_map(|e| match e {
            StreamEvent::Header(h) => Some(h),
            _ => None,
        })?;
        let db = header
            .declarations
            .iter()
            .any(|(_, uri)| uri == ns::DIALBACK);
        let mut out = String::from("stream");
        for (name, value) in sorted(&header) {
            let _ = write!(out, " {name}='{value}'");
        }
        if db {
            out.push_str(" +db");
        }
        return Some(out);
    }
    let events = parser.feed(&format!("{CONTEXT}{trimmed}")).ok()?;
    let element = events.into_iter().find_map(|e| match e {
        StreamEvent::Element(e) => Some(e),
        _ => None,
    })?;
    let mut out = String::new();
    write_canonical(&element, &mut out);
    Some(out)
}

fn sorted(element: &Element) -> Vec<(&str, &str)> {
    let mut attributes: Vec<(&str, &str)> = element
        .attributes
        .iter()
        .filter(|(name, _)| name != "id")
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    attributes.sort();
    attributes
}

fn write_canonical(element: &Element, out: &mut String) {
    let _ = write!(
        out,
        "<{}#{}",
        element.local,
        short_namespace(&element.namespace)
    );
    for (name, value) in sorted(element) {
        let _ = write!(out, " {name}='{value}'");
    }
    out.push('>');
    let key = element.namespace == ns::DIALBACK;
    let mut children: Vec<String> = element
        .children
        .iter()
        .map(|child| match child {
            Node::Element(child) => {
                let mut text = String::new();
                write_canonical(child, &mut text);
                text
            }
            Node::Text(text) if key && !text.trim().is_empty() => "KEY".to_owned(),
            Node::Text(text) => text.trim().to_owned(),
        })
        .collect();
    // The order of stream features carries no meaning (RFC 6120 §4.3.2), and Prosody's
    // follows the order its modules happen to load in.
    if element.is("features", ns::STREAM) {
        children.sort();
    }
    out.push_str(&children.concat());
    out.push_str("</>");
}

fn short_namespace(namespace: &str) -> &str {
    match namespace {
        ns::STREAM => "stream",
        ns::SERVER => "server",
        ns::DIALBACK => "db",
        ns::DIALBACK_FEATURE => "dbf",
        ns::TLS => "tls",
        ns::SASL => "sasl",
        ns::STREAMS => "streams",
        ns::STANZAS => "stanzas",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_form_ignores_ids_keys_prefixes_and_whitespace() {
        let ours = "<db:result from='a.example' to='b.example'>0123abcd</db:result>";
        let theirs = "<db:result xmlns:db='jabber:server:dialback' to='b.example' from='a.example'>ffff</db:result>";
        assert_eq!(canonical(ours), canonical(theirs));
        let spaced = "<stream:features>\n  <starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>\n</stream:features>";
        let tight = "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>";
        assert_eq!(canonical(spaced), canonical(tight));
        let a = "<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' from='b' to='a' id='1' version='1.0'>";
        let b = "<stream:stream xmlns:stream='http://etherx.jabber.org/streams' xmlns='jabber:server' to='a' from='b' version='1.0' id='2'>";
        assert_eq!(canonical(a), canonical(b));
        // A different attribute value, or a declared dialback namespace, is a difference.
        let c = "<stream:stream xmlns:db='jabber:server:dialback' xmlns:stream='http://etherx.jabber.org/streams' xmlns='jabber:server' to='a' from='b' version='1.0' id='2'>";
        assert_ne!(canonical(b), canonical(c));
    }
}
