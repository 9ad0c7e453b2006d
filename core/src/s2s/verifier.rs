//! Dialback verification (XEP-0220 steps 2 and 3): the receiving server opens a verify-only
//! stream to the authoritative server of the sender domain, which recomputes the key. The
//! authoritative server's side is an ordinary receiving machine that answers `<db:verify/>`
//! ([`Receiving::with_authority`](super::receiving::Receiving::with_authority)).
//!
//! "An implementation MAY open a separate connection to the Authoritative Server for the sole
//! purpose of doing key verification ... Not using TLS or any other stream features can reduce
//! the number of round trips in that case" (XEP-0220 §2.1.2).

use super::machine::{
    Action, Input, Machine, Note, NoteKind, Verification, VerifyRequest, header, misdriven,
    refuse_unexpected, unexpected,
};
use super::xml::{Element, StreamEvent, ns};

/// The receiving server's side of the verify stream.
#[derive(Debug, Clone)]
pub struct Verifier {
    request: VerifyRequest,
    state: VerifierState,
    /// Whether it negotiates STARTTLS when the authoritative server offers it (Openfire does).
    tls: bool,
    encrypted: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum VerifierState {
    Resolving,
    Connecting,
    ExpectHeader,
    ExpectFeatures,
    ExpectProceed,
    Handshaking,
    ExpectAnswer,
    Done,
}

impl Verifier {
    /// A verifier for `request`; with `tls`, it starts TLS when the authoritative server offers
    /// it before asking.
    pub fn new(request: VerifyRequest, tls: bool) -> Verifier {
        Verifier {
            request,
            state: VerifierState::Resolving,
            tls,
            encrypted: false,
        }
    }

    fn open(&mut self) -> Vec<Action> {
        self.state = VerifierState::ExpectHeader;
        let header = header(
            &self.request.receiving,
            &self.request.originating,
            None,
            true,
        );
        vec![Action::Header(header, Note::new(NoteKind::VerifyOpen))]
    }

    /// Fails with `condition` (XEP-0220 §2.5): the verification ends unanswered by the
    /// authoritative server, and the receiving server gets the dialback error.
    fn error(&mut self, condition: &'static str) -> Vec<Action> {
        self.state = VerifierState::Done;
        vec![Action::Answered(Verification::Error(condition))]
    }
}

impl Machine for Verifier {
    fn start(&mut self) -> Vec<Action> {
        vec![Action::Resolve(self.request.originating.clone())]
    }

    /// The actions to take; the verification, once known, is the last of them
    /// ([`Action::Answered`]).
    fn handle(&mut self, input: Input) -> Vec<Action> {
        match (self.state, input) {
            (VerifierState::Resolving, Input::Resolved(Ok(endpoint))) => {
                self.state = VerifierState::Connecting;
                vec![Action::Connect(endpoint)]
            }
            // XEP-0220 §2.5: "remote-server-not-found: The Receiving Server encountered an
            // <item-not-found/> error condition or a <host-unknown/> stream error when
            // attempting to contact the Authoritative Server."
            (VerifierState::Resolving, Input::Resolved(Err(_))) => {
                self.error("remote-server-not-found")
            }
            (VerifierState::Connecting, Input::Connected) => self.open(),
            // XEP-0220 §2.5: the authoritative server cannot be reached.
            (VerifierState::Connecting, Input::ConnectFailed(_) | Input::ConnectionClosed) => {
                self.error("remote-connection-failed")
            }
            (VerifierState::ExpectHeader, Input::Received(StreamEvent::Header(_))) => {
                self.state = VerifierState::ExpectFeatures;
                Vec::new()
            }
            (VerifierState::ExpectFeatures, Input::Received(StreamEvent::Element(e)))
                if e.is("features", ns::STREAM)
                    && self.tls
                    && !self.encrypted
                    && e.find("starttls", ns::TLS).is_some() =>
            {
                self.state = VerifierState::ExpectProceed;
                vec![Action::Send(
                    Element::new("starttls", ns::TLS),
                    Note::new(NoteKind::StartTls { offered: true }),
                )]
            }
            (VerifierState::ExpectProceed, Input::Received(StreamEvent::Element(e)))
                if e.is("proceed", ns::TLS) =>
            {
                self.state = VerifierState::Handshaking;
                vec![Action::StartTls]
            }
            (VerifierState::Handshaking, Input::TlsEstablished { .. }) => {
                self.encrypted = true;
                self.open()
            }
            (VerifierState::ExpectFeatures, Input::Received(StreamEvent::Element(e)))
                if e.is("features", ns::STREAM) =>
            {
                self.state = VerifierState::ExpectAnswer;
                let verify = Element::prefixed("db", "verify", ns::DIALBACK)
                    .attr("from", self.request.receiving.as_str())
                    .attr("id", &self.request.stream_id)
                    .attr("to", self.request.originating.as_str())
                    .text(&self.request.key);
                vec![Action::Send(
                    verify,
                    Note::new(NoteKind::VerifyRequest {
                        stream_id: self.request.stream_id.clone(),
                    }),
                )]
            }
            (VerifierState::ExpectAnswer, Input::Received(StreamEvent::Element(e)))
                if e.is("verify", ns::DIALBACK) =>
            {
                self.state = VerifierState::Done;
                // "Such an implementation SHOULD close the connection immediately after
                // receiving the verification result."
                vec![
                    Action::Close(Note::new(NoteKind::VerifyClose)),
                    Action::Answered(Verification::of_answer(&e)),
                ]
            }
            (VerifierState::Done, _) => Vec::new(),
            // "If the underlying TCP connection is closed by the remote side while there are
            // pending verification requests, those requests SHOULD be considered failed".
            (_, Input::Received(StreamEvent::Close) | Input::ConnectionClosed) => {
                self.error("remote-server-timeout")
            }
            // The authoritative server sent something this stream does not expect: the
            // verification fails, and the stream ends.
            (_, Input::Received(event)) => {
                let mut closed = false;
                let mut actions = refuse_unexpected(&unexpected(&event), &mut closed, true);
                // The stream's end is the verification's: it has no answer.
                actions.retain(|a| !matches!(a, Action::Finish(_)));
                actions.extend(self.error("undefined-condition"));
                actions
            }
            (_, input) => {
                self.state = VerifierState::Done;
                vec![Action::Finish(Err(misdriven(&input)))]
            }
        }
    }
}
