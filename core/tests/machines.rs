//! The public negotiation API: the machines as a driver sees them. Input a machine does not
//! expect is the peer's fault; input only a driver can get wrong is an internal error.

use xmpp_federation::s2s::machine::{
    Action, Blame, Endpoint, Initiating, Input, Machine, Receiving, StreamFailure,
};
use xmpp_federation::s2s::xml::{Element, StreamEvent, StreamParser, ns, stream_header};
use xmpp_federation::s2s::{Condition, Direction, OurSide, Preset, Scenario, Side};
use xmpp_federation::{Domain, PartnerConfig};

fn domain(name: &str) -> Domain {
    Domain::parse(name).unwrap()
}

/// Our receiving machine for fabrikam.com, with that entry's default settings.
fn our_receiving() -> Receiving {
    let config = PartnerConfig::new(domain("fabrikam.com"));
    let ours = OurSide::new(domain("contoso.com")).peer(&config);
    Receiving::new(ours, Some(vec![domain("fabrikam.com")]), 1)
}

/// The header a partner's initiating server opens its stream with, as our parser reads it.
fn partner_header() -> StreamEvent {
    let mut header = Element::prefixed("stream", "stream", ns::STREAM)
        .attr("from", "fabrikam.com")
        .attr("to", "contoso.com")
        .attr("version", "1.0");
    header.declarations = vec![
        (None, ns::SERVER.to_owned()),
        (Some("stream".to_owned()), ns::STREAM.to_owned()),
        (Some("db".to_owned()), ns::DIALBACK.to_owned()),
    ];
    StreamParser::new()
        .feed(&stream_header(&header))
        .unwrap()
        .remove(0)
}

fn failure(actions: &[Action]) -> &StreamFailure {
    match actions.last() {
        Some(Action::Finish(Err(failed))) => failed,
        other => panic!("the machine did not fail: {other:?}"),
    }
}

/// The stream error a batch sends, with its text.
fn stream_error(actions: &[Action]) -> (String, String) {
    let error = actions
        .iter()
        .find_map(|a| match a {
            Action::Send(e, _) if e.is("error", ns::STREAM) => Some(e),
            _ => None,
        })
        .expect("a stream error");
    let condition = error.elements().next().unwrap().local.clone();
    let text = error
        .find("text", ns::STREAMS)
        .map(Element::text_content)
        .unwrap_or_default();
    (condition, text)
}

/// The scenario the fault rules read: our side receiving from fabrikam.com.
fn inbound() -> Scenario {
    Scenario::new(
        domain("contoso.com"),
        PartnerConfig::new(domain("fabrikam.com")),
        Preset::Prosody.peer(domain("fabrikam.com")),
        Direction::Inbound,
    )
}

#[test]
fn a_stanza_before_authentication_is_the_peers_fault() {
    let mut machine = our_receiving();
    assert!(machine.start().is_empty(), "a receiving server waits");
    let accepted = machine.handle(Input::Received(partner_header()));
    assert!(matches!(accepted.first(), Some(Action::Header(..))));
    let stanza = Element::inherit("message", ns::SERVER).attr("to", "bob@contoso.com");
    let actions = machine.handle(Input::Received(StreamEvent::Element(stanza)));
    let (condition, text) = stream_error(&actions);
    assert_eq!(condition, "unsupported-stanza-type");
    assert_eq!(text, "Unexpected <message/> (jabber:server)");
    assert!(actions.iter().any(|a| matches!(a, Action::Close(_))));
    let failed = failure(&actions);
    assert_eq!(failed.blame, Blame::PeerMisbehaved);
    assert_eq!(
        failed.condition,
        Condition::StreamError {
            condition: "unsupported-stanza-type".to_owned()
        }
    );
    // Our machine reported it: the partner is at fault.
    assert_eq!(inbound().fault(failed, Side::Ours), Some(Side::Partner));
    // And the partner's, reporting ours, blames us.
    assert_eq!(inbound().fault(failed, Side::Partner), Some(Side::Ours));
}

#[test]
fn an_answer_nobody_asked_for_is_the_peers_fault() {
    let mut machine = Initiating::new(
        Preset::Prosody.peer(domain("fabrikam.com")),
        domain("contoso.com"),
        "secret".to_owned(),
    );
    assert!(matches!(machine.start().as_slice(), [Action::Resolve(_)]));
    let endpoint = Endpoint {
        host: "xmpp.contoso.com".to_owned(),
        port: 5269,
    };
    machine.handle(Input::Resolved(Ok(endpoint)));
    machine.handle(Input::Connected);
    // `<proceed/>` where the features belong: STARTTLS was never asked for.
    let actions = machine.handle(Input::Received(StreamEvent::Element(Element::new(
        "proceed",
        ns::TLS,
    ))));
    // The header has not come either: the first thing the machine cannot take ends it.
    let (condition, text) = stream_error(&actions);
    assert_eq!(condition, "unsupported-stanza-type");
    assert!(text.contains("<proceed/>"), "{text}");
    assert_eq!(failure(&actions).blame, Blame::PeerMisbehaved);
    // Nothing more happens on a stream that has ended.
    assert!(machine.handle(Input::ConnectionClosed).is_empty());
}

#[test]
fn a_long_element_name_is_cut_in_the_error_text() {
    let mut machine = our_receiving();
    machine.handle(Input::Received(partner_header()));
    let name = "x".repeat(10_000);
    let actions = machine.handle(Input::Received(StreamEvent::Element(Element::new(
        &name,
        "urn:example",
    ))));
    let (_, text) = stream_error(&actions);
    assert!(text.len() < 200, "{} bytes", text.len());
    assert!(text.contains('…'));
}

#[test]
fn an_input_only_a_driver_can_get_wrong_blames_nobody() {
    let mut machine = Initiating::new(
        Preset::Prosody.peer(domain("fabrikam.com")),
        domain("contoso.com"),
        "secret".to_owned(),
    );
    machine.start();
    // A handshake result before any connection, let alone a handshake.
    let actions = machine.handle(Input::TlsEstablished { peer: None });
    let failed = failure(&actions);
    assert_eq!(failed.blame, Blame::Internal);
    assert_eq!(
        failed.condition,
        Condition::Misdriven {
            input: "TlsEstablished".to_owned()
        }
    );
    assert_eq!(actions.len(), 1, "nothing is sent: {actions:?}");
    assert_eq!(inbound().fault(failed, Side::Partner), None);
}

/// A response header from `from` (none with `None`), as our parser reads it.
fn response_header(from: Option<&str>) -> StreamEvent {
    let mut header = Element::prefixed("stream", "stream", ns::STREAM)
        .attr("to", "contoso.com")
        .attr("id", "a1")
        .attr("version", "1.0");
    if let Some(from) = from {
        header = header.attr("from", from);
    }
    header.declarations = vec![
        (None, ns::SERVER.to_owned()),
        (Some("stream".to_owned()), ns::STREAM.to_owned()),
    ];
    StreamParser::new()
        .feed(&stream_header(&header))
        .unwrap()
        .remove(0)
}

/// Our initiating machine towards fabrikam.com, connected and waiting for the answer.
fn connected_to_fabrikam() -> Initiating {
    let config = PartnerConfig::new(domain("fabrikam.com"));
    let ours = OurSide::new(domain("contoso.com")).peer(&config);
    let mut machine = Initiating::new(ours, domain("fabrikam.com"), "secret".to_owned());
    machine.start();
    machine.handle(Input::Resolved(Ok(Endpoint {
        host: "xmpp.fabrikam.com".to_owned(),
        port: 5269,
    })));
    machine.handle(Input::Connected);
    machine
}

#[test]
fn a_server_that_answers_for_another_domain_is_refused() {
    let mut machine = connected_to_fabrikam();
    let actions = machine.handle(Input::Received(response_header(Some("evil.example"))));
    let (condition, _) = stream_error(&actions);
    assert_eq!(condition, "invalid-from");
    let failed = failure(&actions);
    assert_eq!(failed.blame, Blame::PeerMisbehaved);
    assert_eq!(
        failed.condition,
        Condition::AnsweredAs {
            expected: domain("fabrikam.com"),
            answered: "evil.example".to_owned(),
        }
    );
    let outbound = Scenario::new(
        domain("contoso.com"),
        PartnerConfig::new(domain("fabrikam.com")),
        Preset::Prosody.peer(domain("fabrikam.com")),
        Direction::Outbound,
    );
    assert_eq!(outbound.fault(failed, Side::Ours), Some(Side::Partner));
}

#[test]
fn a_server_that_answers_for_the_domain_or_without_from_is_heard() {
    for from in [Some("fabrikam.com"), Some("FABRIKAM.com"), None] {
        let mut machine = connected_to_fabrikam();
        let actions = machine.handle(Input::Received(response_header(from)));
        assert!(actions.is_empty(), "{from:?}: {actions:?}");
    }
}
