//! Model, validate and explain Lync Server 2013 and Skype for Business Server **XMPP federated
//! partner** configurations.
//!
//! Lync federates with XMPP networks through a proxy on its Edge server. Each partner has a
//! primary domain, additional domains, a partner type, and TLS, SASL and server-dialback
//! negotiation settings. Many combinations are invalid or fail quietly against the partner's
//! server. This crate reads partner lists (JSON, XML, PowerShell, `Format-List` text), places
//! each partner in the Lync negotiation matrix (rows M1 to M18), says which authentication
//! methods it can ever use, and reports what is wrong with it, in English and German.
//!
//! # For a proxy: load, look up, validate
//!
//! ```
//! use xmpp_federation::{Document, Domain, Format, Severity};
//!
//! let text = r#"{
//!   "gateway": { "partnerConnectionLimit": 20 },
//!   "partners": [
//!     { "domain": "fabrikam.com", "additionalDomains": ["corp.fabrikam.com"],
//!       "partnerType": "Federated", "saslNegotiation": "Optional" },
//!     { "domain": "gmail.com", "tlsNegotiation": "NotSupported",
//!       "saslNegotiation": "NotSupported", "enableKeepAlive": false }
//!   ]
//! }"#;
//! let document = Document::parse(text, Format::Json)?;
//! let directory = document.directory();
//!
//! // Which partner does an inbound stream's domain belong to? A hash lookup, O(1).
//! let from = Domain::parse("Corp.Fabrikam.com")?;
//! let partner = directory.partner_for(&from).expect("an allowed partner");
//! assert_eq!(partner.domain.as_str(), "fabrikam.com");
//! assert_eq!(partner.matrix_row().name(), "M7");
//! assert!(directory.partner_for(&Domain::parse("unknown.example")?).is_none());
//!
//! // Everything the validator finds, per partner.
//! let report = directory.validate();
//! assert!(report.partners().iter().all(|p| p.commit_allowed()));
//! assert!(report.diagnostics().all(|d| d.severity() != Severity::Error));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Drive the negotiation yourself
//!
//! The state machines behind the simulator are public ([`s2s::machine`] describes what a
//! driver does with each action). Here the partner's Prosody server opens a stream to us. A
//! proxy deciding on that stream looks up the partner the stream claims to come from, and runs
//! a receiving machine with that entry's settings. The two machines talk over in-memory
//! buffers; a real driver puts sockets and TLS where this one puts strings.
//!
//! ```
//! use std::collections::VecDeque;
//! use xmpp_federation::s2s::machine::{Action, Endpoint, Initiating, Input, Machine, Receiving};
//! use xmpp_federation::s2s::xml::{STREAM_CLOSE, StreamParser, stream_header};
//! use xmpp_federation::s2s::{Certificate, OurSide, Preset};
//! use xmpp_federation::{AuthenticationMethod, Document, Domain, Format};
//!
//! let document = Document::parse(
//!     r#"[{ "domain": "fabrikam.com", "saslNegotiation": "Optional" }]"#,
//!     Format::Json,
//! )?;
//! let directory = document.directory();
//! let (contoso, fabrikam) = (Domain::parse("contoso.com")?, Domain::parse("fabrikam.com")?);
//!
//! // The partner's server opens the stream: end 0. Ours accepts it: end 1, configured from the
//! // partner's entry.
//! let entry = directory.partner_for(&fabrikam).expect("an allowed partner");
//! let ours = OurSide::new(contoso.clone()).peer(entry);
//! let mut initiating = Initiating::new(
//!     Preset::Prosody.peer(fabrikam.clone()),
//!     contoso,
//!     "fabrikam's dialback secret".to_owned(),
//! );
//! let mut receiving = Receiving::new(ours, Some(entry.domains().cloned().collect()), 7);
//!
//! let mut parsers = [StreamParser::new(), StreamParser::new()];
//! let mut inputs: VecDeque<(usize, Input)> = VecDeque::new();
//! let mut actions: VecDeque<(usize, Action)> =
//!     initiating.start().into_iter().map(|a| (0, a)).collect();
//! let mut ready_for_tls = [false, false];
//! let mut results = [None, None];
//! for _ in 0..500 {
//!     if let Some((end, action)) = actions.pop_front() {
//!         let other = 1 - end;
//!         // What the other end reads: the bytes this end writes, parsed.
//!         let bytes = match action {
//!             Action::Resolve(_) => {
//!                 let endpoint = Endpoint { host: "xmpp.contoso.com".to_owned(), port: 5269 };
//!                 inputs.push_back((end, Input::Resolved(Ok(endpoint))));
//!                 continue;
//!             }
//!             Action::Connect(_) => {
//!                 inputs.push_back((end, Input::Connected));
//!                 continue;
//!             }
//!             // A header starts a new XML document for the reader.
//!             Action::Header(header, _) => {
//!                 parsers[other].restart();
//!                 stream_header(&header)
//!             }
//!             Action::Send(element, _) => element.to_xml(),
//!             Action::Close(_) => STREAM_CLOSE.to_owned(),
//!             Action::StartTls => {
//!                 ready_for_tls[end] = true;
//!                 if ready_for_tls == [true, true] {
//!                     // Both certificates are valid; the streams restart over TLS.
//!                     parsers = [StreamParser::new(), StreamParser::new()];
//!                     for end in [0, 1] {
//!                         let peer = Some(Certificate::Valid);
//!                         inputs.push_back((end, Input::TlsEstablished { peer }));
//!                     }
//!                 }
//!                 continue;
//!             }
//!             Action::Finish(result) => {
//!                 results[end] = Some(result);
//!                 continue;
//!             }
//!             other => panic!("not needed for SASL EXTERNAL: {other:?}"),
//!         };
//!         for event in parsers[other].feed(&bytes)? {
//!             inputs.push_back((other, Input::Received(event)));
//!         }
//!     } else if let Some((end, input)) = inputs.pop_front() {
//!         let next = if end == 0 { initiating.handle(input) } else { receiving.handle(input) };
//!         actions.extend(next.into_iter().map(|action| (end, action)));
//!     } else {
//!         break;
//!     }
//! }
//!
//! // Both ends agree: authenticated by SASL EXTERNAL over TLS.
//! let [Some(Ok(theirs)), Some(Ok(ours))] = results else {
//!     panic!("not established: {results:?}");
//! };
//! assert_eq!(theirs.method, AuthenticationMethod::SaslOverTls);
//! assert_eq!(ours.method, AuthenticationMethod::SaslOverTls);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What is in here
//!
//! - The model, parsed rather than validated: [`Domain`] (normalised, IDNA), [`PartnerConfig`]
//!   (the parameters of `New-CsXmppAllowedPartner`, with its defaults), [`PartnerEdit`]
//!   (`Set-CsXmppAllowedPartner`), [`GatewayConfig`] (`Set-CsXmppGatewayConfiguration`) and
//!   [`Directory`], the "XMPP Federated Partners" page.
//! - The negotiation matrix: [`MatrixRow`] and [`AuthenticationMethod`].
//! - The validator: [`Directory::validate`], [`Document::validate`] and [`validate_partner`]
//!   return [`Diagnostic`]s, each with a stable [`Code`] (see `docs/diagnostics.md`), a
//!   [`Severity`], a field path, a message and a help text in every [`Language`].
//! - Commits as the Control Panel makes them: [`Directory::commit`] applies [`Change`]s only for
//!   a [`Principal`] with [`Access::Commit`], and only when they add no error.
//! - Formats: [`Document::parse`] reads every [`Format`];
//!   [`Directory::to_json`], [`Directory::to_xml`], [`Directory::to_powershell`] and
//!   [`changes_to_powershell`] write them; [`schema`] has the JSON Schemas.
//!
//! The crate does no I/O and reads no clock: the same input always gives the same output. The
//! negotiation's state machines are public ([`s2s::machine`]); the crate
//! `xmpp-federation-probe` drives them over real DNS, TCP and TLS, and `xmpp-federation-cli`
//! is the command-line tool.
//!
//! # Feature flags
//!
//! - `typescript`: TypeScript declarations of the JSON shapes, for the WebAssembly package.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

mod access;
pub mod api;
mod catalogue;
mod contacts;
mod diagnostic;
mod directory;
mod document;
mod domain;
mod format;
mod gateway;
mod language;
pub mod limits;
mod matrix;
pub mod message;
mod partner;
mod request;
pub mod s2s;
pub mod schema;
mod settings;
mod suggest;
mod text;
mod validate;

pub use access::{ADMIN_GROUP, ADMIN_ROLE, Access, Principal};
pub use contacts::{
    ContactOutcome, ContactReason, ContactRequest, ContactStep, ContactTrace, Localpart,
    LocalpartError, Requester, simulate_contact,
};
pub use diagnostic::{Code, Counts, Diagnostic, LocalizedDiagnostic, Position, Severity};
pub use directory::{Change, CommitError, Committed, Directory};
pub use domain::{Domain, DomainError};
pub use format::{Document, Format, ReadError, ReadErrorKind, changes_to_powershell, decode};
pub use gateway::{GatewayConfig, Passphrase};
pub use language::{Language, UnknownLanguage};
pub use matrix::{AuthenticationMethod, MatrixRow, MethodSet, RowSummary, RowVerdict};
pub use partner::{Description, DomainListChange, PartnerConfig, PartnerEdit, PartnerField};
pub use request::RequestError;
pub use settings::{Negotiation, PartnerType};
pub use text::{ControlCharacter, MAX_SHOWN_CHARS, visible, visible_unbounded};
pub use validate::{
    LocalizedPartner, LocalizedReport, PartnerReport, Report, Summary, validate_partner,
};

/// The version of this crate, which reports and exports carry.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");
