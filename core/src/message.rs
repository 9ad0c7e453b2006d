//! Texts from the catalogue: a key, its arguments, and the text in every language.
//!
//! Every sentence a user reads is an entry of the catalogue (`catalogue/<language>/…/*.ftl`, in
//! Fluent syntax; `docs/translating.md`). `cargo xtask catalogue` compiles each entry into a
//! constructor, such as `catalogue::diagnostic::xf001_message(field)`, and a static table of
//! the entry's text in each language, already split into text and arguments: nothing is parsed
//! at run time. A [`Message`] holds the entry and the arguments, so it can be kept and rendered
//! again in another language; [`Message::render`] formats only the language asked for.

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
        match self.entry.text[language.index()] {
            Text::Plain(text) => Cow::Borrowed(text),
            Text::Pieces(_) => Cow::Owned(self.render(language)),
        }
    }

    fn write(&self, language: Language, out: &mut String) {
        match self.entry.text[language.index()] {
            Text::Plain(text) => out.push_str(text),
            Text::Pieces(segments) => self.write_segments(segments, language, out),
        }
    }

    fn write_segments(&self, segments: &[Segment], language: Language, out: &mut String) {
        for segment in segments {
            match segment {
                Segment::Text(text) => out.push_str(text),
                Segment::Arg(index) => match self.args.get(*index) {
                    Some(Arg::Text(text)) => out.push_str(text),
                    Some(Arg::Number(number)) => out.push_str(&number.to_string()),
                    Some(Arg::Message(message)) => message.write(language, out),
                    // The generated constructors pass every argument of the entry.
                    None => {}
                },
                Segment::Select {
                    arg,
                    variants,
                    default,
                } => {
                    let chosen = self.args.get(*arg).and_then(|value| {
                        variants
                            .iter()
                            .find(|(key, _)| key.matches(value, language))
                            .map(|(_, segments)| *segments)
                    });
                    self.write_segments(chosen.unwrap_or(default), language, out);
                }
            }
        }
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

/// An entry of the catalogue: its text in each language of [`Language::ALL`], in that order.
/// Written by `cargo xtask catalogue`. The key and the argument names are not kept (they would
/// only add to the WebAssembly's size); the generated test list [`Listed`] has them.
#[doc(hidden)]
#[derive(Debug, PartialEq, Eq)]
pub struct Entry {
    /// The text in each language.
    pub text: [Text; Language::ALL.len()],
}

/// An entry's text in one language.
#[doc(hidden)]
#[derive(Debug, PartialEq, Eq)]
pub enum Text {
    /// Text without arguments, as it is: most entries.
    Plain(&'static str),
    /// Text with arguments or selects.
    Pieces(&'static [Segment]),
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
    fn arguments(segments: &[Segment], out: &mut Vec<usize>) {
        for segment in segments {
            match segment {
                Segment::Text(_) => {}
                Segment::Arg(index) => out.push(*index),
                Segment::Select {
                    arg,
                    variants,
                    default,
                } => {
                    out.push(*arg);
                    for (_, segments) in *variants {
                        arguments(segments, out);
                    }
                    arguments(default, out);
                }
            }
        }
    }
    let mut keys = std::collections::HashSet::new();
    for listed in entries {
        if !keys.insert(listed.key) {
            return Err(format!("`{}` is listed twice", listed.key));
        }
        let all: Vec<usize> = (0..listed.args.len()).collect();
        for language in Language::ALL {
            let mut used = Vec::new();
            match listed.entry.text[language.index()] {
                Text::Plain("") => {
                    return Err(format!("`{}` has no {language} text", listed.key));
                }
                Text::Plain(_) => {}
                Text::Pieces(segments) => arguments(segments, &mut used),
            }
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

/// A piece of an entry's text in one language.
#[doc(hidden)]
#[derive(Debug, PartialEq, Eq)]
pub enum Segment {
    /// Text as it is.
    Text(&'static str),
    /// The argument at this index.
    Arg(usize),
    /// The variant whose key matches the argument at `arg`, or else `default`.
    Select {
        /// The index of the argument that selects.
        arg: usize,
        /// The variants other than the default, in the catalogue's order.
        variants: &'static [(Key, &'static [Segment])],
        /// The variant marked `*` in the catalogue.
        default: &'static [Segment],
    },
}

/// The key of a variant in a select expression.
#[doc(hidden)]
#[derive(Debug, PartialEq, Eq)]
pub enum Key {
    /// A plural category (CLDR): matches a number of that category in the language.
    Plural(Plural),
    /// Matches exactly this number.
    Number(u64),
    /// Matches a text argument equal to this.
    Text(&'static str),
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
}

impl Key {
    fn matches(&self, value: &Arg, language: Language) -> bool {
        match (self, value) {
            (Key::Number(key), Arg::Number(n)) => key == n,
            (Key::Plural(category), Arg::Number(n)) => Plural::of(*n, language) == *category,
            (Key::Text(key), Arg::Text(text)) => key == text,
            _ => false,
        }
    }
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
        static MISSING: Entry = Entry {
            text: [Text::Plain("text"), Text::Plain("")],
        };
        static FORGOTTEN: Entry = Entry {
            text: [
                Text::Pieces(&[Segment::Arg(0)]),
                Text::Plain("ohne Argument"),
            ],
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

    static PARTNERS: Entry = Entry {
        text: [
            Text::Pieces(&[
                Segment::Select {
                    arg: 0,
                    variants: &[
                        (Key::Number(0), &[Segment::Text("no partners")]),
                        (
                            Key::Plural(Plural::One),
                            &[Segment::Arg(0), Segment::Text(" partner")],
                        ),
                    ],
                    default: &[Segment::Arg(0), Segment::Text(" partners")],
                },
                Segment::Text(" on "),
                Segment::Select {
                    arg: 1,
                    variants: &[(Key::Text("ours"), &[Segment::Text("our side")])],
                    default: &[Segment::Text("their side")],
                },
            ]),
            Text::Pieces(&[
                Segment::Arg(0),
                Segment::Text(" Partner auf "),
                Segment::Arg(1),
            ]),
        ],
    };

    #[test]
    fn selects_by_number_plural_category_and_word() {
        let render = |count: usize, side: &'static str| {
            Message::new(&PARTNERS, vec![count.into(), side.into()]).render(Language::English)
        };
        assert_eq!(render(0, "ours"), "no partners on our side");
        assert_eq!(render(1, "ours"), "1 partner on our side");
        assert_eq!(render(2, "theirs"), "2 partners on their side");
        let german = Message::new(&PARTNERS, vec![3usize.into(), "x".into()]);
        assert_eq!(german.render(Language::German), "3 Partner auf x");
    }

    #[test]
    fn a_message_argument_is_rendered_in_the_same_language() {
        let inner = crate::catalogue::settings::negotiation_not_supported();
        let outer = Message::new(&PARTNERS, vec![2usize.into(), inner.into()]);
        assert_eq!(
            outer.render(Language::German),
            "2 Partner auf Nicht unterstützt"
        );
        assert_eq!(
            crate::catalogue::settings::negotiation_required().text(Language::German),
            "Erforderlich"
        );
    }
}
