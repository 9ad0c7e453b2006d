//! What an element that arrived from the other side means, in the terms the simulator's texts
//! use: the same step kinds, so that a probe's trace reads like a simulated one.

use xmpp_federation::s2s::machine::{NoteKind, Offer, Restart, Verification};
use xmpp_federation::s2s::xml::{Element, StreamEvent, ns};

/// What a side knows when it reads the next element.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reading<'a> {
    /// Whether the element came from the initiating side of the stream.
    pub from_initiating: bool,
    /// The stream's stage: a header opens or answers this one.
    pub stage: Restart,
    /// What the reader offered in its last features (when it is the receiving side).
    pub our_offer: Offer,
    /// What the sender offered in its last features (when it is the receiving side).
    pub their_offer: Offer,
    /// The id of the stream in effect.
    pub stream_id: Option<&'a str>,
}

/// The step kind of an event read from a real stream.
pub(crate) fn describe(event: &StreamEvent, reading: Reading<'_>) -> NoteKind {
    match event {
        StreamEvent::Header(header) => {
            let dialback = xmpp_federation::s2s::machine::declares_dialback(header);
            if reading.from_initiating {
                NoteKind::StreamOpen {
                    restart: reading.stage,
                    dialback,
                }
            } else {
                NoteKind::StreamAccept {
                    restart: reading.stage,
                    dialback,
                }
            }
        }
        StreamEvent::Close => NoteKind::Close,
        StreamEvent::Element(element) => element_kind(element, reading),
    }
}

fn element_kind(e: &Element, reading: Reading<'_>) -> NoteKind {
    if e.is("features", ns::STREAM) {
        return NoteKind::Features(offer(e, reading.stage == Restart::AfterSasl));
    }
    if e.is("starttls", ns::TLS) {
        return NoteKind::StartTls {
            offered: reading.our_offer.starttls.is_some(),
        };
    }
    if e.is("proceed", ns::TLS) {
        return NoteKind::Proceed;
    }
    if e.is("failure", ns::TLS) {
        return NoteKind::TlsRefused;
    }
    if e.is("auth", ns::SASL) {
        use base64::Engine as _;
        let text = e.text_content();
        let identity = (text.trim() != "=" && !text.trim().is_empty()).then(|| {
            base64::engine::general_purpose::STANDARD
                .decode(text.trim())
                .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
                .unwrap_or(text)
        });
        return NoteKind::Auth { identity };
    }
    if e.is("success", ns::SASL) {
        return NoteKind::SaslSuccess;
    }
    if e.is("failure", ns::SASL) {
        return NoteKind::SaslFailure {
            stays_open: reading.their_offer.dialback,
        };
    }
    if e.is("result", ns::DIALBACK) {
        return match e.get("type") {
            None => NoteKind::DialbackKey {
                stream_id: reading.stream_id.unwrap_or_default().to_owned(),
            },
            Some(_) => NoteKind::DialbackResult(Verification::of_answer(e)),
        };
    }
    if e.is("verify", ns::DIALBACK) {
        return match e.get("type") {
            None => NoteKind::VerifyRequest {
                stream_id: e.get("id").unwrap_or_default().to_owned(),
            },
            Some(kind) => NoteKind::VerifyAnswer {
                valid: kind == "valid",
            },
        };
    }
    if e.is("error", ns::STREAM) {
        let condition = e
            .elements()
            .find(|c| c.local != "text")
            .map(|c| c.local.as_str());
        let text = e
            .find("text", ns::STREAMS)
            .map(Element::text_content)
            .filter(|t| !t.is_empty());
        return NoteKind::PeerError {
            condition: stream_condition(condition),
            text,
        };
    }
    if e.namespace == ns::SERVER && matches!(e.local.as_str(), "message" | "presence" | "iq") {
        return NoteKind::Stanza;
    }
    NoteKind::Unknown {
        name: e.local.clone(),
    }
}

/// What a features element offers.
pub(crate) fn offer(features: &Element, after_sasl: bool) -> Offer {
    Offer {
        starttls: features
            .find("starttls", ns::TLS)
            .map(|s| s.find("required", ns::TLS).is_some()),
        external: features
            .find("mechanisms", ns::SASL)
            .is_some_and(|m| m.elements().any(|x| x.text_content().trim() == "EXTERNAL")),
        dialback: features.find("dialback", ns::DIALBACK_FEATURE).is_some(),
        dialback_errors: features
            .find("dialback", ns::DIALBACK_FEATURE)
            .is_some_and(|d| d.find("errors", ns::DIALBACK_FEATURE).is_some()),
        complete: after_sasl,
    }
}

/// The defined stream error conditions (RFC 6120 §4.9.3); anything else is
/// `undefined-condition` (§4.9.2).
const STREAM_CONDITIONS: [&str; 24] = [
    "bad-format",
    "bad-namespace-prefix",
    "conflict",
    "connection-timeout",
    "host-gone",
    "host-unknown",
    "improper-addressing",
    "internal-server-error",
    "invalid-from",
    "invalid-namespace",
    "invalid-xml",
    "not-authorized",
    "not-well-formed",
    "policy-violation",
    "remote-connection-failed",
    "reset",
    "resource-constraint",
    "restricted-xml",
    "see-other-host",
    "system-shutdown",
    "undefined-condition",
    "unsupported-encoding",
    "unsupported-feature",
    "unsupported-stanza-type",
];

pub(crate) fn stream_condition(name: Option<&str>) -> &'static str {
    name.and_then(|n| STREAM_CONDITIONS.iter().find(|c| **c == n).copied())
        .or_else(|| (name == Some("unsupported-version")).then_some("unsupported-version"))
        .unwrap_or("undefined-condition")
}

#[cfg(test)]
mod tests {
    use super::*;
    use xmpp_federation::s2s::xml::StreamParser;

    fn parse(text: &str) -> Element {
        let mut parser = StreamParser::new();
        let header = "<stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams' xmlns:db='jabber:server:dialback'>";
        let events = parser.feed(&format!("{header}{text}")).unwrap_or_default();
        match events.into_iter().nth(1) {
            Some(StreamEvent::Element(e)) => e,
            other => panic!("no element: {other:?}"),
        }
    }

    fn reading() -> Reading<'static> {
        Reading {
            from_initiating: false,
            stage: Restart::Initial,
            our_offer: Offer::default(),
            their_offer: Offer::default(),
            stream_id: Some("abc"),
        }
    }

    #[test]
    fn reads_prosody_features_and_errors() {
        let features = parse(
            "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>\
             <dialback xmlns='urn:xmpp:features:dialback'/></stream:features>",
        );
        assert_eq!(
            describe(&StreamEvent::Element(features), reading()),
            NoteKind::Features(Offer {
                starttls: Some(true),
                external: false,
                dialback: true,
                dialback_errors: false,
                complete: false,
            })
        );
        let error = parse(
            "<stream:error><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>\
             <text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>Your server's certificate is self-signed</text></stream:error>",
        );
        assert_eq!(
            describe(&StreamEvent::Element(error), reading()),
            NoteKind::PeerError {
                condition: "not-authorized",
                text: Some("Your server's certificate is self-signed".to_owned()),
            }
        );
        let odd = parse(
            "<stream:error><made-up xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>",
        );
        assert!(matches!(
            describe(&StreamEvent::Element(odd), reading()),
            NoteKind::PeerError {
                condition: "undefined-condition",
                ..
            }
        ));
    }

    #[test]
    fn reads_dialback_results_and_keys() {
        let key = parse("<db:result from='a.example' to='b.example'>f00d</db:result>");
        assert_eq!(
            describe(&StreamEvent::Element(key), reading()),
            NoteKind::DialbackKey {
                stream_id: "abc".to_owned()
            }
        );
        let error = parse(
            "<db:result from='b.example' to='a.example' type='error'><error type='cancel'>\
             <remote-connection-failed xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></db:result>",
        );
        assert_eq!(
            describe(&StreamEvent::Element(error), reading()),
            NoteKind::DialbackResult(Verification::Error("remote-connection-failed"))
        );
    }
}
