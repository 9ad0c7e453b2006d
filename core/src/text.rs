//! Plain text values (descriptions, passphrases): any text that every export format can carry;
//! and text from input made safe to show in a message or on a terminal.

use std::fmt::Write;

/// The most characters of one piece of input that a message shows; the rest is cut, and the
/// message says how long the input was.
pub const MAX_SHOWN_CHARS: usize = 64;

/// Text from input, made safe to show: at most [`MAX_SHOWN_CHARS`] of its characters, then `…`
/// and its length; and every character that steers a terminal or reorders the text shown
/// written as an escape such as `\u{1b}`. Those are the control characters (C0, DEL and C1,
/// which include ESC and BEL), the bidirectional marks, embeddings, overrides and isolates
/// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the line and paragraph separators
/// and the noncharacters U+FFFE and U+FFFF. Other text is shown unchanged.
///
/// Every renderer of a message, a report or an error applies it to what came from input.
pub fn visible(text: &str) -> String {
    visible_within(text, MAX_SHOWN_CHARS)
}

/// Like [`visible`], with a bound of `max` characters: for a whole message composed by a
/// library, such as a parser's error, that quotes input.
pub(crate) fn visible_within(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    for c in chars.by_ref().take(max) {
        if is_steering(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    let rest = chars.count();
    if rest > 0 {
        let _ = write!(out, "… ({} characters)", max + rest);
    }
    out
}

/// Like [`visible`], but without a bound on length: for text a reader asked to see whole, such
/// as a server's stream-error text in a probe report, whose length the reader already bounds.
pub fn visible_unbounded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_steering(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether a terminal acts on `c` or a renderer reorders text around it (see [`visible`]).
fn is_steering(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061C}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{FFFE}'
                | '\u{FFFF}'
        )
}

/// A character a description or passphrase cannot hold: a control character (C0 other than tab,
/// line feed and carriage return, DEL, or C1 such as U+0085 and U+009B), or the noncharacters
/// U+FFFE and U+FFFF. No document format can carry C0 (XML 1.0 §2.2); DEL and C1 steer
/// terminals, so they are refused as well.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("text contains the control character {}", unicode_name(*.0))]
pub struct ControlCharacter(pub char);

/// `U+0001`.
pub(crate) fn unicode_name(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

/// The first character of `text` that XML 1.0 cannot carry, if any.
pub(crate) fn find_control(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
    })
}

/// Checks a text value: a description or a passphrase. Stricter than [`find_control`], which is
/// what XML 1.0 refuses in a whole document: this also refuses DEL and the C1 controls.
pub(crate) fn check(text: &str) -> Result<(), ControlCharacter> {
    let refused = text.chars().find(|&c| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || c == '\u{FFFE}' || c == '\u{FFFF}'
    });
    match refused {
        Some(c) => Err(ControlCharacter(c)),
        None => Ok(()),
    }
}

/// Why `name` is not an XML 1.0 `Name` (§2.3), if it is not: `what` is `element` or
/// `attribute`. Both XML readers (documents and streams) refuse such names: `quick-xml` reads any
/// characters up to a space, `/` or `>` as a name, and none at all in `< />`.
pub(crate) fn not_xml_name(name: &str, what: &str) -> Option<String> {
    let mut chars = name.chars();
    let refused = match chars.next() {
        None => {
            return Some(format!(
                "an {what} has an empty name, which XML 1.0 does not allow"
            ));
        }
        Some(first) if !is_name_start(first) => Some(first),
        Some(_) => chars.find(|&c| !is_name_char(c)),
    }?;
    Some(format!(
        "{what} name `{}` contains the character {}, which XML 1.0 does not allow in names",
        visible(name),
        unicode_name(refused)
    ))
}

/// XML 1.0 (fifth edition) §2.3, `NameStartChar`.
fn is_name_start(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

/// XML 1.0 (fifth edition) §2.3, `NameChar`.
fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c,
            '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}
