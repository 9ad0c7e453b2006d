//! Texts from the catalogue: a key, its arguments, and the text in every language.
//!
//! Every sentence a user reads is an entry of the catalogue (`catalogue/<language>/…/*.ftl`, in
//! Fluent syntax; `docs/translating.md`). `cargo xtask catalogue` compiles each entry into a
//! constructor, such as `catalogue::diagnostic::xf001_message(field)`, and a static table of
//! the entry's text in each language. A [`Message`] holds the entry and the arguments, so it can
//! be kept and rendered again in another language; [`Message::render`] formats only the
//! language asked for.
//!
//! # The compiled form of a text
//!
//! Each text is one string, in which a few control characters (which no text of the catalogue
//! contains; the generator refuses them) mark the placeholders and selects that Fluent's syntax
//! spells with braces. Rendering reads it in one pass, and the tables stay small: one string
//! per language rather than an array of pieces.
//!
//! - `\u{1}` *i*: the argument at index *i*, written as the character `'0' + i`.
//! - `\u{2}` *i*: a select on argument *i*, then its variants, each `\u{3}` *key* `\u{4}`
//!   *text*, then `\u{5}`. A variant's text may hold placeholders and selects of its own.
//! - A *key* is `*` (the default), `=` and a whole number (that number), `#` and a plural
//!   category digit (0 zero, 1 one, 2 two, 3 few, 4 many, 5 other), or `~` and a word (a text
//!   argument equal to it).

use std::borrow::Cow;
use std::fmt;

use crate::language::Language;

/// A text of the catalogue with its arguments, not yet in any language.
#[derive(Clone, PartialEq, Eq)]
pub struct Message {
    entry: &'static Entry,
    args: Vec<Arg>,
}

/// An argument of a [`Message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text shown as it is: a domain, a field name, a value from the input.
    Text(Cow<'static, str>),
    /// A count, which also picks a plural form.
    Number(u64),
    /// Another message, rendered in the same language.
    Message(Message),
}

// The markers of the compiled form (see the module's documentation).
const ARGUMENT: u8 = 1;
const SELECT: u8 = 2;
const VARIANT: u8 = 3;
const KEY_END: u8 = 4;
const SELECT_END: u8 = 5;

/// Whether `byte` is one of the markers.
fn is_marker(byte: u8) -> bool {
    (ARGUMENT..=SELECT_END).contains(&byte)
}

impl Message {
    /// A message of `entry` with `args`, in the entry's order. Called by the generated
    /// constructors.
    #[doc(hidden)]
    pub fn new(entry: &'static Entry, args: Vec<Arg>) -> Self {
        Message { entry, args }
    }

    /// The message in `language`. Only that language is formatted.
    pub fn render(&self, language: Language) -> String {
        let mut out = String::new();
        self.write(language, &mut out);
        out
    }

    /// The message in `language`, borrowed from the catalogue when it has no arguments.
    pub fn text(&self, language: Language) -> Cow<'static, str> {
        let text = self.entry.text[language.index()];
        if text.bytes().any(is_marker) {
            Cow::Owned(self.render(language))
        } else {
            Cow::Borrowed(text)
        }
    }

    fn write(&self, language: Language, out: &mut String) {
        self.write_text(self.entry.text[language.index()], language, out);
    }

    /// Writes a compiled text. The markers are ASCII, so every index at which one is found is
    /// a character boundary. A malformed text (which the generator never writes) ends early
    /// rather than panicking.
    fn write_text(&self, text: &str, language: Language, out: &mut String) {
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            let Some(offset) = bytes[at..].iter().position(|b| is_marker(*b)) else {
                out.push_str(text.get(at..).unwrap_or_default());
                return;
            };
            out.push_str(text.get(at..at + offset).unwrap_or_default());
            at += offset;
            let (marker, index) = match bytes.get(at..at + 2) {
                Some([marker, index]) => (*marker, usize::from(index.wrapping_sub(b'0'))),
                _ => return,
            };
            at += 2;
            match marker {
                ARGUMENT => match self.args.get(index) {
                    Some(Arg::Text(value)) => out.push_str(value),
                    Some(Arg::Number(number)) => out.push_str(&number.to_string()),
                    Some(Arg::Message(message)) => message.write(language, out),
                    // The generated constructors pass every argument of the entry.
                    None => {}
                },
                SELECT => {
                    let Some((chosen, end)) = self.select(text, at, index, language) else {
                        return;
                    };
                    self.write_text(chosen, language, out);
                    at = end;
                }
                _ => return,
            }
        }
    }

    /// In the select on argument `index` whose variants start at `at`: the text of the variant
    /// the argument picks (or the default), and where the select ends.
    fn select<'t>(
        &self,
        text: &'t str,
        mut at: usize,
        index: usize,
        language: Language,
    ) -> Option<(&'t str, usize)> {
        let bytes = text.as_bytes();
        let value = self.args.get(index);
        let mut chosen = None;
        let mut default = None;
        while *bytes.get(at)? == VARIANT {
            let key_start = at + 1;
            let key_end = key_start + bytes.get(key_start..)?.iter().position(|b| *b == KEY_END)?;
            let key = text.get(key_start..key_end)?;
            // The variant's text runs to the next variant or the end of this select, past any
            // select nested in it.
            let body_start = key_end + 1;
            let mut depth = 0usize;
            let mut body_end = body_start;
            loop {
                match *bytes.get(body_end)? {
                    SELECT => depth += 1,
                    SELECT_END | VARIANT if depth == 0 => break,
                    SELECT_END => depth -= 1,
                    _ => {}
                }
                body_end += 1;
            }
            let body = text.get(body_start..body_end)?;
            if key == "*" {
                default = Some(body);
            } else if chosen.is_none() && value.is_some_and(|v| key_matches(key, v, language)) {
                chosen = Some(body);
            }
            at = body_end;
        }
        (*bytes.get(at)? == SELECT_END).then_some((chosen.or(default)?, at + 1))
    }
}

/// Whether a variant's key (`=N`, `#c`, `~word`) matches an argument.
fn key_matches(key: &str, value: &Arg, language: Language) -> bool {
    match (key.as_bytes().first(), value) {
        (Some(b'='), Arg::Number(n)) => key.get(1..).and_then(|k| k.parse().ok()) == Some(*n),
        (Some(b'#'), Arg::Number(n)) => key.get(1..) == Some(Plural::of(*n, language).code()),
        (Some(b'~'), Arg::Text(text)) => key.get(1..) == Some(&**text),
        _ => false,
    }
}

impl fmt::Debug for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Message")
            .field("english", &self.render(Language::English))
            .field("args", &self.args)
            .finish()
    }
}

/// An entry of the catalogue: its text in each language of [`Language::ALL`], in that order,
/// in the compiled form the module's documentation describes. Written by `cargo xtask
/// catalogue`. The key and the argument names are not kept (they would only add to the
/// WebAssembly's size); the generated test list [`Listed`] has them.
#[doc(hidden)]
#[derive(Debug, PartialEq, Eq)]
pub struct Entry {
    /// The text in each language.
    pub text: [&'static str; Language::ALL.len()],
}

/// A CLDR plural category.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plural {
    /// `zero`
    Zero,
    /// `one`
    One,
    /// `two`
    Two,
    /// `few`
    Few,
    /// `many`
    Many,
    /// `other`
    Other,
}

impl Plural {
    /// The category of the whole number `n` in `language` (CLDR plural rules, cardinal). English
    /// and German have the same rule: `one` for 1, `other` for every other number.
    pub fn of(n: u64, language: Language) -> Plural {
        match language {
            Language::English | Language::German => {
                if n == 1 {
                    Plural::One
                } else {
                    Plural::Other
                }
            }
        }
    }

    /// The digit that stands for the category in a compiled key: `1` for `one`.
    pub fn code(self) -> &'static str {
        match self {
            Plural::Zero => "0",
            Plural::One => "1",
            Plural::Two => "2",
            Plural::Few => "3",
            Plural::Many => "4",
            Plural::Other => "5",
        }
    }
}

/// An entry with its key and argument names, as the generated `ENTRIES` list of each crate's
/// catalogue has them for the tests.
#[doc(hidden)]
#[derive(Debug)]
pub struct Listed {
    /// The key, such as `xf001.message`.
    pub key: &'static str,
    /// The argument names, in the order the constructor takes them.
    pub args: &'static [&'static str],
    /// The entry.
    pub entry: &'static Entry,
}

/// Checks a crate's catalogue as compiled: every key once, every language present, and every
/// language using exactly the entry's arguments. Each crate's tests call it on its `ENTRIES`.
#[doc(hidden)]
pub fn check(entries: &[Listed]) -> Result<(), String> {
    let mut keys = std::collections::HashSet::new();
    for listed in entries {
        if !keys.insert(listed.key) {
            return Err(format!("`{}` is listed twice", listed.key));
        }
        let all: Vec<usize> = (0..listed.args.len()).collect();
        for language in Language::ALL {
            let text = listed.entry.text[language.index()];
            if text.is_empty() {
                return Err(format!("`{}` has no {language} text", listed.key));
            }
            let bytes = text.as_bytes();
            let mut used: Vec<usize> = bytes
                .windows(2)
                .filter(|pair| pair[0] == ARGUMENT || pair[0] == SELECT)
                .map(|pair| usize::from(pair[1].wrapping_sub(b'0')))
                .collect();
            used.sort_unstable();
            used.dedup();
            if used != all {
                return Err(format!(
                    "`{}` in {language} uses the arguments {used:?} of {:?}",
                    listed.key, listed.args
                ));
            }
        }
    }
    Ok(())
}

impl From<&'static str> for Arg {
    fn from(text: &'static str) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(Cow::Owned(text.clone()))
    }
}

impl From<Cow<'static, str>> for Arg {
    fn from(text: Cow<'static, str>) -> Self {
        Arg::Text(text)
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Self {
        Arg::Message(message)
    }
}

impl From<&crate::domain::Domain> for Arg {
    fn from(domain: &crate::domain::Domain) -> Self {
        Arg::Text(Cow::Owned(domain.to_string()))
    }
}

impl From<crate::domain::Domain> for Arg {
    fn from(domain: crate::domain::Domain) -> Self {
        Arg::Text(Cow::Owned(domain.to_string()))
    }
}

macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as u64)
            }
        }
    )*};
}
numbers!(u8, u16, u32, u64, usize);

impl Arg {
    /// Any value shown with its `Display` form, such as a setting's cmdlet value.
    pub fn display(value: impl fmt::Display) -> Self {
        Arg::Text(Cow::Owned(value.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::ENTRIES;

    #[test]
    fn every_entry_has_every_language_with_the_same_placeholders() {
        assert_eq!(check(ENTRIES), Ok(()));
        assert!(ENTRIES.len() > 400, "{}", ENTRIES.len());
    }

    #[test]
    fn the_check_finds_a_missing_text_and_a_forgotten_argument() {
        static MISSING: Entry = Entry { text: ["text", ""] };
        static FORGOTTEN: Entry = Entry {
            text: ["\u{1}0", "ohne Argument"],
        };
        let listed = |entry: &'static Entry, args: &'static [&'static str]| Listed {
            key: "k",
            args,
            entry,
        };
        assert_eq!(
            check(&[listed(&MISSING, &[])]),
            Err("`k` has no de text".to_owned())
        );
        assert!(check(&[listed(&FORGOTTEN, &["domain"])]).is_err());
        assert!(check(&[listed(&FORGOTTEN, &[]), listed(&FORGOTTEN, &[])]).is_err());
    }

    /// `{ $count -> [0] no partners [one] … *[other] … } on { $side -> [ours] … *[x] … }`, with
    /// a select nested in a variant, and a German text with the arguments in another order.
    static PARTNERS: Entry = Entry {
        text: [
            "\u{2}0\u{3}=0\u{4}no partners\u{3}#1\u{4}\u{1}0 partner\u{3}*\u{4}\u{1}0 partners\
             \u{5} on \u{2}1\u{3}~ours\u{4}our side\u{3}*\u{4}their side\u{2}0\u{3}#1\u{4} (one)\
             \u{3}*\u{4}\u{5}\u{5}.",
            "\u{1}1: \u{1}0 Partner",
        ],
    };

    #[test]
    fn selects_by_number_plural_category_and_word() {
        let render = |count: usize, side: &'static str| {
            Message::new(&PARTNERS, vec![count.into(), side.into()]).render(Language::English)
        };
        assert_eq!(render(0, "ours"), "no partners on our side.");
        assert_eq!(render(1, "ours"), "1 partner on our side.");
        assert_eq!(render(2, "theirs"), "2 partners on their side.");
        assert_eq!(render(1, "theirs"), "1 partner on their side (one).");
        let german = Message::new(&PARTNERS, vec![3usize.into(), "x".into()]);
        assert_eq!(german.render(Language::German), "x: 3 Partner");
    }

    #[test]
    fn a_message_argument_is_rendered_in_the_same_language() {
        let inner = crate::catalogue::settings::negotiation_not_supported();
        let outer = Message::new(&PARTNERS, vec![2usize.into(), inner.into()]);
        assert_eq!(
            outer.render(Language::German),
            "Nicht unterstützt: 2 Partner"
        );
        assert_eq!(
            crate::catalogue::settings::negotiation_required().text(Language::German),
            "Erforderlich"
        );
    }

    #[test]
    fn a_malformed_text_ends_early_without_panicking() {
        for text in [
            "a\u{1}",
            "a\u{2}0\u{3}*",
            "a\u{2}0\u{3}*\u{4}b",
            "a\u{2}9\u{5}",
            "a\u{3}x",
        ] {
            let entry: &'static Entry = Box::leak(Box::new(Entry { text: [text, text] }));
            let shown = Message::new(entry, Vec::new()).render(Language::English);
            assert_eq!(shown, "a", "{text:?}");
        }
    }
}
