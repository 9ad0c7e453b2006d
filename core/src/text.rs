//! Plain text values (descriptions, passphrases): any text that every export format can carry.

/// A character that no document format can carry: the C0 control characters other than tab, line
/// feed and carriage return, and the noncharacters U+FFFE and U+FFFF (XML 1.0 §2.2).
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

pub(crate) fn check(text: &str) -> Result<(), ControlCharacter> {
    match find_control(text) {
        Some(c) => Err(ControlCharacter(c)),
        None => Ok(()),
    }
}
