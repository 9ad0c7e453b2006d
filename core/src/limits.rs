//! The bounds every reader enforces, so that no input can exhaust memory or the stack.
//!
//! Input beyond a document-wide bound is unusable (a [`ReadError`](crate::ReadError)); a single
//! value beyond its bound is a diagnostic (`XF007`) and the rest of the document is still read.

/// The largest document read, in bytes: 64 MiB. A directory of 100,000 partners in JSON is about
/// 30 MiB.
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024 * 1024;

/// The most partners in one document.
pub const MAX_PARTNERS: usize = 1_000_000;

/// The most additional domains of one partner.
pub const MAX_ADDITIONAL_DOMAINS: usize = 1_000;

/// The longest text value read, in characters. Longer values are dropped with a diagnostic.
/// (The description has a tighter limit of [`MAX_DESCRIPTION_CHARS`], reported as `XF205`.)
pub const MAX_TEXT_CHARS: usize = 64 * 1024;

/// The longest description, in characters: a bound of our own, since the cmdlet documents none.
/// A description is a note for admins; 1024 characters hold a paragraph of contact details.
pub const MAX_DESCRIPTION_CHARS: usize = 1024;

/// The deepest nesting of lists and objects in JSON. Partner documents need 4 levels.
pub const MAX_DEPTH: usize = 32;

/// The deepest nesting of elements in XML: `directory`, `partner`, `additionalDomains` and
/// `domain` need 4.
pub const MAX_XML_DEPTH: usize = 8;

/// The deepest nesting of PowerShell expressions (`@(...)`, `@{...}`, parentheses, casts).
pub const MAX_POWERSHELL_DEPTH: usize = 16;

/// The largest request read: a simulation scenario or a contact request, in bytes. A scenario
/// is a few hundred bytes; 1 MiB leaves room for long partner entries.
pub const MAX_REQUEST_BYTES: usize = 1024 * 1024;
