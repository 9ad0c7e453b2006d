//! Parsed, normalised DNS domains: the partner's primary and additional domains and the proxy
//! FQDN.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::net::{Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use icu_properties::CodePointMapData;
use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};
use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::catalogue::domain as text;
use crate::language::Language;
use crate::message::{Arg, Message};

/// The longest domain, in ASCII (A-label) form without the trailing dot (RFC 1035 §2.3.4 with the
/// root label's length octet and the final dot removed).
pub const MAX_DOMAIN_LEN: usize = 253;
/// The longest label (RFC 1035 §2.3.4).
pub const MAX_LABEL_LEN: usize = 63;
/// Input longer than this is rejected before any Unicode processing. Generous: an IDN of 253
/// ASCII characters can be written with up to 4 bytes per character.
const MAX_INPUT_BYTES: usize = 1024;

/// A DNS domain as an XMPP partner or proxy is named by: parsed and normalised.
///
/// Parsing decides what a string is, so code that holds a `Domain` never checks it again:
///
/// - case is folded and a trailing dot removed;
/// - internationalised names go through UTS #46 processing to their A-label (`xn--`) form, and
///   the Unicode form is kept for display;
/// - the RFC 1035 length rules (253 characters, 63 per label) and the letter-digit-hyphen rule
///   hold for the ASCII form.
///
/// Empty input, whitespace, wildcards, IP literals, JIDs (`user@domain`, `domain/resource`),
/// URLs and `host:port` are rejected with a [`DomainError`] that names the fix.
///
/// Two domains are equal when their ASCII forms are equal, so `Fabrikam.COM.`, `fabrikam.com`,
/// `bücher.example` and `xn--bcher-kva.example` normalise to two distinct values, not four.
///
/// ```
/// use xmpp_federation::Domain;
///
/// let domain: Domain = "Bücher.Example.".parse()?;
/// assert_eq!(domain.as_str(), "xn--bcher-kva.example");
/// assert_eq!(domain.unicode(), "bücher.example");
///
/// let error = "alice@fabrikam.com".parse::<Domain>().unwrap_err();
/// assert_eq!(error.to_string(), "`alice@fabrikam.com` is an XMPP address, not a domain");
/// # Ok::<(), xmpp_federation::DomainError>(())
/// ```
#[derive(Clone)]
pub struct Domain {
    /// INVARIANT: lowercase LDH labels joined by dots, within the RFC 1035 lengths.
    ascii: Box<str>,
    /// The UTS #46 ToUnicode form of `ascii`; equal to it for all-ASCII domains.
    unicode: Box<str>,
}

impl Domain {
    /// Parses and normalises a domain.
    pub fn parse(input: &str) -> Result<Domain, DomainError> {
        let written = || input.to_owned();
        if input.len() > MAX_INPUT_BYTES {
            return Err(DomainError::TooLong {
                length: input.chars().count(),
            });
        }
        if input.is_empty() {
            return Err(DomainError::Empty);
        }
        if input.trim().is_empty() {
            return Err(DomainError::Whitespace {
                input: written(),
                suggestion: None,
            });
        }
        if input.chars().any(char::is_whitespace) {
            let joined: String = input.chars().filter(|c| !c.is_whitespace()).collect();
            return Err(DomainError::Whitespace {
                input: written(),
                suggestion: Domain::parse(&joined).ok().map(|d| d.unicode().to_owned()),
            });
        }
        if let Some((_, rest)) = input.split_once("://") {
            let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
            let host = host.rsplit('@').next().unwrap_or_default();
            let host = strip_port(host);
            return Err(DomainError::Url {
                input: written(),
                suggestion: Domain::parse(host).ok().map(|d| d.unicode().to_owned()),
            });
        }
        if input.contains(['@', '/']) {
            let after_node = input.rsplit_once('@').map_or(input, |(_, d)| d);
            let domain_part = after_node.split('/').next().unwrap_or_default();
            return Err(DomainError::Jid {
                input: written(),
                suggestion: Domain::parse(domain_part)
                    .ok()
                    .map(|d| d.unicode().to_owned()),
            });
        }
        if input.contains('*') {
            return Err(DomainError::Wildcard { input: written() });
        }
        if is_ip_literal(input) {
            return Err(DomainError::IpLiteral { input: written() });
        }
        if let Some((host, port)) = input.rsplit_once(':')
            && !port.is_empty()
            && port.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(DomainError::Port {
                input: written(),
                port: port.to_owned(),
                suggestion: Domain::parse(host).ok().map(|d| d.unicode().to_owned()),
            });
        }
        // The root's dot may be written as any dot that UTS #46 maps to a full stop (ideographic,
        // fullwidth, halfwidth ideographic), as the dots between labels may.
        let without_root = input
            .strip_suffix(['.', '\u{3002}', '\u{FF0E}', '\u{FF61}'])
            .unwrap_or(input);
        if without_root.is_empty() || without_root.split('.').any(str::is_empty) {
            return Err(DomainError::EmptyLabel { input: written() });
        }
        if let Some(bad) = without_root
            .chars()
            .find(|c| c.is_ascii() && !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.'))
        {
            return Err(DomainError::InvalidCharacter {
                input: written(),
                character: bad,
            });
        }
        for label in without_root.split('.') {
            if label.starts_with('-') || label.ends_with('-') {
                return Err(DomainError::HyphenPosition {
                    label: label.to_owned(),
                });
            }
        }

        // UTS #46 with the STD3 (letter-digit-hyphen) rules: maps case and compatibility forms,
        // checks the bidi and joiner rules, and converts to A-labels. Lengths are checked below so
        // that the message can say which rule failed.
        let uts46 = Uts46::new();
        let ascii = uts46
            .to_ascii(
                without_root.as_bytes(),
                AsciiDenyList::STD3,
                Hyphens::CheckFirstLast,
                DnsLength::Ignore,
            )
            .map_err(|_| DomainError::Idna { input: written() })?;
        let ascii = ascii.into_owned();
        if ascii.is_empty() || ascii.split('.').any(str::is_empty) {
            // A compatibility mapping can produce an empty label (for example a full-width dot
            // next to a dot).
            return Err(DomainError::EmptyLabel { input: written() });
        }
        if let Some(label) = ascii.split('.').find(|l| l.len() > MAX_LABEL_LEN) {
            return Err(DomainError::LabelTooLong {
                label: label.to_owned(),
                length: label.len(),
            });
        }
        if ascii.len() > MAX_DOMAIN_LEN {
            return Err(DomainError::TooLong {
                length: ascii.len(),
            });
        }
        if let Some(tld) = ascii
            .rsplit('.')
            .next()
            .filter(|tld| tld.bytes().all(|b| b.is_ascii_digit()))
        {
            // RFC 3696 §2: a top-level domain is never all-numeric. A name of digits only, such
            // as `10.0.0.300`, is meant as an address; otherwise the last label is the mistake.
            if ascii.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                return Err(DomainError::IpLiteral { input: written() });
            }
            return Err(DomainError::NumericTopLevel {
                input: written(),
                label: tld.to_owned(),
            });
        }
        let (unicode, result) = uts46.to_unicode(
            ascii.as_bytes(),
            AsciiDenyList::STD3,
            Hyphens::CheckFirstLast,
        );
        // RFC 5891 §4.2.3.1: a U-label has no `--` in its third and fourth positions. UTS #46
        // without CheckHyphens lets an `xn--` label through that decodes to one, such as
        // `xn--xn--payp-83d` (`xn--paypʌ`), whose Unicode form would then not parse again.
        let reserved_hyphens = unicode
            .split('.')
            .zip(ascii.split('.'))
            .any(|(u, a)| u != a && u.chars().skip(2).take(2).eq("--".chars()));
        if result.is_err() || reserved_hyphens {
            return Err(DomainError::Idna { input: written() });
        }
        // RFC 7622 §3.2 makes an XMPP domainpart an IDNA2008 name, which cannot contain symbols
        // such as emoji, even where UTS #46 maps them through.
        let categories = CodePointMapData::<GeneralCategory>::new();
        if let Some(symbol) = unicode
            .chars()
            .find(|&c| !c.is_ascii() && GeneralCategoryGroup::Symbol.contains(categories.get(c)))
        {
            return Err(DomainError::Symbol {
                input: written(),
                character: symbol,
            });
        }
        let unicode: Box<str> = match unicode {
            Cow::Borrowed(same) if same == ascii => ascii.clone().into_boxed_str(),
            other => other.into_owned().into_boxed_str(),
        };
        Ok(Domain {
            ascii: ascii.into_boxed_str(),
            unicode,
        })
    }

    /// The ASCII (A-label) form: what DNS, TLS certificates and the wire use.
    pub fn as_str(&self) -> &str {
        &self.ascii
    }

    /// The Unicode form, for display.
    pub fn unicode(&self) -> &str {
        &self.unicode
    }

    /// Whether the name contains an internationalised (A-label) part.
    pub fn is_internationalized(&self) -> bool {
        *self.ascii != *self.unicode
    }

    /// The labels of the ASCII form, from left to right.
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        self.ascii.split('.')
    }

    /// The number of labels: 2 for `fabrikam.com`.
    pub fn label_count(&self) -> usize {
        self.labels().count()
    }

    /// Whether `self` lies strictly below `parent`: `corp.fabrikam.com` is below `fabrikam.com`.
    pub fn is_subdomain_of(&self, parent: &Domain) -> bool {
        self.ascii.len() > parent.ascii.len()
            && self.ascii.ends_with(&*parent.ascii)
            && self.ascii.as_bytes()[self.ascii.len() - parent.ascii.len() - 1] == b'.'
    }
}

fn strip_port(host: &str) -> &str {
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) && !name.contains(':') => {
            name
        }
        _ => host,
    }
}

fn is_ip_literal(input: &str) -> bool {
    let inner = input
        .strip_prefix('[')
        .and_then(|s| s.split(']').next())
        .unwrap_or(input);
    inner.parse::<Ipv6Addr>().is_ok()
        || inner.parse::<Ipv4Addr>().is_ok()
        || strip_port(inner).parse::<Ipv4Addr>().is_ok()
        || input.starts_with('[')
}

impl PartialEq for Domain {
    fn eq(&self, other: &Self) -> bool {
        self.ascii == other.ascii
    }
}

impl Eq for Domain {}

impl Hash for Domain {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.ascii.hash(state);
    }
}

impl PartialOrd for Domain {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Domain {
    fn cmp(&self, other: &Self) -> Ordering {
        self.ascii.cmp(&other.ascii)
    }
}

impl fmt::Debug for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_internationalized() {
            write!(f, "Domain({:?} = {:?})", self.ascii, self.unicode)
        } else {
            write!(f, "Domain({:?})", self.ascii)
        }
    }
}

/// Displays the Unicode form.
impl fmt::Display for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.unicode)
    }
}

impl FromStr for Domain {
    type Err = DomainError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        Domain::parse(input)
    }
}

/// Serialises the ASCII form, which every consumer (DNS, PowerShell, certificates) accepts.
impl Serialize for Domain {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.ascii)
    }
}

impl<'de> Deserialize<'de> for Domain {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        Domain::parse(&text).map_err(|e| {
            serde::de::Error::custom(format_args!(
                "{}; {}",
                e.message(Language::English),
                e.help(Language::English)
            ))
        })
    }
}

/// Why a string is not a usable domain.
///
/// The [`Display`](fmt::Display) text is the English message; [`DomainError::message`] and
/// [`DomainError::help`] give the message and the fix in either language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DomainError {
    /// Nothing was entered.
    #[error("{}", self.message(Language::English))]
    Empty,
    /// The input contains spaces, tabs or line breaks.
    #[error("{}", self.message(Language::English))]
    Whitespace {
        /// The input as written.
        input: String,
        /// The input without the whitespace, when that is a valid domain.
        suggestion: Option<String>,
    },
    /// A URL such as `https://fabrikam.com/` instead of a domain.
    #[error("{}", self.message(Language::English))]
    Url {
        /// The input as written.
        input: String,
        /// The URL's host, when it is a valid domain.
        suggestion: Option<String>,
    },
    /// A JID such as `user@fabrikam.com` or `fabrikam.com/resource` instead of a domain.
    #[error("{}", self.message(Language::English))]
    Jid {
        /// The input as written.
        input: String,
        /// The JID's domain part, when it is a valid domain.
        suggestion: Option<String>,
    },
    /// A wildcard such as `*.fabrikam.com`.
    #[error("{}", self.message(Language::English))]
    Wildcard {
        /// The input as written.
        input: String,
    },
    /// An IPv4 or IPv6 address, or a name of digits and dots only, such as `10.0.0.300`.
    #[error("{}", self.message(Language::English))]
    IpLiteral {
        /// The input as written.
        input: String,
    },
    /// A name whose last (top-level) label is all digits, such as `fabrikam.123`: no top-level
    /// domain is numeric (RFC 3696 §2).
    #[error("{}", self.message(Language::English))]
    NumericTopLevel {
        /// The input as written.
        input: String,
        /// The last label, in ASCII form.
        label: String,
    },
    /// A `host:port` pair.
    #[error("{}", self.message(Language::English))]
    Port {
        /// The input as written.
        input: String,
        /// The port that was written.
        port: String,
        /// The host part, when it is a valid domain.
        suggestion: Option<String>,
    },
    /// Two dots in a row, or a leading dot.
    #[error("{}", self.message(Language::English))]
    EmptyLabel {
        /// The input as written.
        input: String,
    },
    /// An ASCII character outside letters, digits, hyphens and dots.
    #[error("{}", self.message(Language::English))]
    InvalidCharacter {
        /// The input as written.
        input: String,
        /// The first offending character.
        character: char,
    },
    /// A symbol such as an emoji, which XMPP domains (IDNA2008) cannot contain.
    #[error("{}", self.message(Language::English))]
    Symbol {
        /// The input as written.
        input: String,
        /// The first symbol.
        character: char,
    },
    /// A label that starts or ends with a hyphen.
    #[error("{}", self.message(Language::English))]
    HyphenPosition {
        /// The offending label.
        label: String,
    },
    /// A label longer than 63 characters in ASCII form.
    #[error("{}", self.message(Language::English))]
    LabelTooLong {
        /// The offending label, in ASCII form.
        label: String,
        /// Its length in characters.
        length: usize,
    },
    /// A name longer than 253 characters in ASCII form.
    #[error("{}", self.message(Language::English))]
    TooLong {
        /// The length in characters.
        length: usize,
    },
    /// UTS #46 processing rejected an internationalised name (disallowed code points, bidi or
    /// joiner rules, or an invalid `xn--` label).
    #[error("{}", self.message(Language::English))]
    Idna {
        /// The input as written.
        input: String,
    },
}

impl DomainError {
    /// The message: what is wrong, with the input in backticks.
    pub fn message(&self, language: Language) -> String {
        match self {
            DomainError::Empty => text::domain_error_empty_message(),
            DomainError::Whitespace { input, .. } => {
                text::domain_error_whitespace_message(input.escape_debug().to_string())
            }
            DomainError::Url { input, .. } => text::domain_error_url_message(input),
            DomainError::Jid { input, .. } => text::domain_error_jid_message(input),
            DomainError::Wildcard { input } => text::domain_error_wildcard_message(input),
            DomainError::IpLiteral { input } => text::domain_error_ip_literal_message(input),
            DomainError::NumericTopLevel { input, label } => {
                text::domain_error_numeric_top_level_message(input, label)
            }
            DomainError::Port { input, .. } => text::domain_error_port_message(input),
            DomainError::EmptyLabel { input } => text::domain_error_empty_label_message(input),
            DomainError::InvalidCharacter { input, character } => {
                text::domain_error_invalid_character_message(
                    input,
                    character.escape_debug().to_string(),
                )
            }
            DomainError::Symbol { input, character } => {
                text::domain_error_symbol_message(input, Arg::display(character))
            }
            DomainError::HyphenPosition { label } => {
                text::domain_error_hyphen_position_message(label)
            }
            DomainError::LabelTooLong { label, length } => {
                text::domain_error_label_too_long_message(label, *length)
            }
            DomainError::TooLong { length } => text::domain_error_too_long_message(*length),
            DomainError::Idna { input } => text::domain_error_idna_message(input),
        }
        .render(language)
    }

    /// The help text: the exact fix.
    pub fn help(&self, language: Language) -> String {
        // The help, followed by the domain the input seems to mean when there is one.
        let use_suggestion = |suggestion: &Option<String>, help: Message| match suggestion {
            Some(domain) => text::domain_use_suggestion(help, domain),
            None => help,
        };
        match self {
            DomainError::Empty => text::domain_error_empty_help(),
            DomainError::Whitespace { suggestion, .. } => {
                use_suggestion(suggestion, text::domain_error_whitespace_help())
            }
            DomainError::Url { suggestion, .. } => {
                use_suggestion(suggestion, text::domain_error_url_help())
            }
            DomainError::Jid { suggestion, .. } => {
                use_suggestion(suggestion, text::domain_error_jid_help())
            }
            DomainError::Wildcard { .. } => text::domain_error_wildcard_help(),
            DomainError::IpLiteral { .. } => text::domain_error_ip_literal_help(),
            DomainError::NumericTopLevel { .. } => text::domain_error_numeric_top_level_help(),
            DomainError::Port {
                port, suggestion, ..
            } => match suggestion {
                Some(domain) => text::domain_error_port_help_suggestion(port, domain),
                None => text::domain_error_port_help(port),
            },
            DomainError::EmptyLabel { .. } => text::domain_error_empty_label_help(),
            DomainError::InvalidCharacter { .. } => text::domain_error_invalid_character_help(),
            DomainError::Symbol { .. } => text::domain_error_symbol_help(),
            DomainError::HyphenPosition { .. } => text::domain_error_hyphen_position_help(),
            DomainError::LabelTooLong { .. } => text::domain_error_label_too_long_help(),
            DomainError::TooLong { .. } => text::domain_error_too_long_help(),
            DomainError::Idna { .. } => text::domain_error_idna_help(),
        }
        .render(language)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(input: &str) -> Domain {
        Domain::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"))
    }

    #[test]
    fn normalises_case_and_trailing_dot() {
        assert_eq!(ok("Fabrikam.COM.").as_str(), "fabrikam.com");
        assert_eq!(ok("fabrikam.com"), ok("FABRIKAM.com"));
    }

    #[test]
    fn converts_idn_to_a_labels_and_keeps_unicode() {
        let d = ok("Bücher.example");
        assert_eq!(d.as_str(), "xn--bcher-kva.example");
        assert_eq!(d.unicode(), "bücher.example");
        assert_eq!(d.to_string(), "bücher.example");
        assert_eq!(ok("xn--bcher-kva.example"), d);
        assert!(d.is_internationalized());
        // Full-width letters and the ideographic full stop are mapped by UTS #46.
        assert_eq!(ok("ｆａｂｒｉｋａｍ。com").as_str(), "fabrikam.com");
        // German sharp s is kept (nontransitional processing), not mapped to "ss".
        assert_eq!(ok("straße.de").as_str(), "xn--strae-oqa.de");
    }

    #[test]
    fn rejects_with_a_reason() {
        assert_eq!(Domain::parse(""), Err(DomainError::Empty));
        assert!(matches!(
            Domain::parse("fabrikam .com"),
            Err(DomainError::Whitespace { suggestion: Some(s), .. }) if s == "fabrikam.com"
        ));
        assert!(matches!(
            Domain::parse("user@Fabrikam.com/desk"),
            Err(DomainError::Jid { suggestion: Some(s), .. }) if s == "fabrikam.com"
        ));
        assert!(matches!(
            Domain::parse("https://xmpp.fabrikam.com:5269/x"),
            Err(DomainError::Url { suggestion: Some(s), .. }) if s == "xmpp.fabrikam.com"
        ));
        assert!(matches!(
            Domain::parse("*.fabrikam.com"),
            Err(DomainError::Wildcard { .. })
        ));
        for ip in [
            "192.0.2.1",
            "[2001:db8::1]",
            "2001:db8::1",
            "192.0.2.1:5269",
            "10.0.0.300",
        ] {
            assert!(
                matches!(Domain::parse(ip), Err(DomainError::IpLiteral { .. })),
                "{ip}"
            );
        }
        for name in ["a.123", "fabrikam.2024", "xn--bcher-kva.42"] {
            assert!(
                matches!(
                    Domain::parse(name),
                    Err(DomainError::NumericTopLevel { .. })
                ),
                "{name}"
            );
        }
        let numeric = Domain::parse("a.123").unwrap_err();
        assert!(!numeric.to_string().contains("IP address"), "{numeric}");
        assert!(numeric.to_string().contains("`123`"), "{numeric}");
        assert!(matches!(
            Domain::parse("fabrikam.com:5269"),
            Err(DomainError::Port { suggestion: Some(s), .. }) if s == "fabrikam.com"
        ));
        assert!(matches!(
            Domain::parse("fabrikam..com"),
            Err(DomainError::EmptyLabel { .. })
        ));
        assert!(matches!(
            Domain::parse(".fabrikam.com"),
            Err(DomainError::EmptyLabel { .. })
        ));
        assert!(matches!(
            Domain::parse("fab_rikam.com"),
            Err(DomainError::InvalidCharacter { character: '_', .. })
        ));
        assert!(matches!(
            Domain::parse("-fabrikam.com"),
            Err(DomainError::HyphenPosition { .. })
        ));
        let long_label = format!("{}.com", "a".repeat(64));
        assert!(matches!(
            Domain::parse(&long_label),
            Err(DomainError::LabelTooLong { length: 64, .. })
        ));
        let long_name = format!("{}com", "abcdefghi.".repeat(26));
        assert!(matches!(
            Domain::parse(&long_name),
            Err(DomainError::TooLong { length: 254.. })
        ));
        // A disallowed symbol and a bidi-rule violation.
        assert!(matches!(
            Domain::parse("fab\u{E000}rikam.com"),
            Err(DomainError::Idna { .. })
        ));
        assert!(matches!(
            Domain::parse("a\u{05D0}.com"),
            Err(DomainError::Idna { .. })
        ));
        assert!(matches!(
            Domain::parse("xn--zz.com"),
            Err(DomainError::Idna { .. })
        ));
        // An A-label that decodes to a label with `--` in its third and fourth positions (found
        // by fuzzing: its Unicode form did not parse again). Plain ASCII labels keep theirs.
        assert!(matches!(
            Domain::parse("xn--xn--payp-83d.com"),
            Err(DomainError::Idna { .. })
        ));
        assert_eq!(ok("r3--sn-abc.example").as_str(), "r3--sn-abc.example");
    }

    #[test]
    fn the_root_dot_may_be_any_full_stop() {
        for written in [
            "a.com",
            "a.com.",
            "a.com\u{3002}",
            "a.com\u{FF0E}",
            "a.com\u{FF61}",
        ] {
            assert_eq!(ok(written).as_str(), "a.com", "{written}");
        }
        assert!(Domain::parse("a.com\u{3002}.").is_err());
    }

    #[test]
    fn exact_length_limits_are_allowed() {
        let label = "a".repeat(63);
        assert_eq!(ok(&format!("{label}.com")).as_str().len(), 67);
        let name = format!("{}{}", "abcdefghi.".repeat(24), "abcdefghijkl.com");
        assert_eq!(name.len(), 256);
        let exact = &name[3..];
        assert_eq!(exact.len(), 253);
        assert_eq!(ok(exact).as_str().len(), 253);
    }

    #[test]
    fn subdomains() {
        assert!(ok("corp.fabrikam.com").is_subdomain_of(&ok("fabrikam.com")));
        assert!(!ok("fabrikam.com").is_subdomain_of(&ok("fabrikam.com")));
        assert!(!ok("notfabrikam.com").is_subdomain_of(&ok("fabrikam.com")));
    }

    #[test]
    fn messages_exist_in_both_languages() {
        let error = Domain::parse("alice@fabrikam.com").unwrap_err();
        assert_eq!(
            error.help(Language::German),
            "Geben Sie den Domänenteil der Adresse ein: Verwenden Sie `fabrikam.com`"
        );
        assert_eq!(error.to_string(), error.message(Language::English));
    }
}
