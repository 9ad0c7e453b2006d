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
//! one exception is the `probe` module, behind its feature, which runs the negotiation over
//! real sockets.
//!
//! # Feature flags
//!
//! - `probe`: the probe: the negotiation against a real server over DNS, TCP and TLS
//!   (`tokio`, `rustls`, `hickory-resolver`). Native only.
//! - `cli`: the `xmpp-federation` command-line tool, with `probe`. Not needed by the library.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![deny(rustdoc::broken_intra_doc_links)]

mod access;
pub mod api;
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
mod partner;
#[cfg(feature = "probe")]
pub mod probe;
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
pub use partner::{Description, DomainListChange, PartnerConfig, PartnerEdit};
pub use request::RequestError;
pub use settings::{Negotiation, PartnerType};
pub use text::ControlCharacter;
pub use validate::{
    LocalizedPartner, LocalizedReport, PartnerReport, Report, Summary, validate_partner,
};

/// The version of this crate, which reports and exports carry.
pub const ENGINE_VERSION: &str = env!("CARGO_PKG_VERSION");
