//! The languages every user-visible text comes in.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language for diagnostics, help texts and reports.
///
/// The source documentation is the German edition of the Lync Server page, and admins read it in
/// both languages, so every text the crate produces exists in English and German: each is an
/// entry of the text catalogue (`catalogue/`, see [`crate::message`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Language {
    /// English (`en`), the default.
    #[default]
    #[serde(rename = "en")]
    English,
    /// German (`de`).
    #[serde(rename = "de")]
    German,
}

impl Language {
    /// Every supported language.
    pub const ALL: [Language; 2] = [Language::English, Language::German];

    /// The position in [`Language::ALL`], which is also the position of the language's text in
    /// the catalogue's tables.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The BCP 47 tag: `en` or `de`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::German => "de",
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// The error for a language tag that is neither English nor German.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}`: use `en` or `de`")]
pub struct UnknownLanguage(String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    /// Accepts a BCP 47 tag such as `de`, `de-AT` or `en_GB.UTF-8`; only the primary subtag
    /// counts.
    fn from_str(tag: &str) -> Result<Self, Self::Err> {
        let primary = tag
            .split(['-', '_', '.'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Ok(Language::English),
            "de" => Ok(Language::German),
            _ => Err(UnknownLanguage(tag.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_primary_subtag() {
        assert_eq!("de-AT".parse::<Language>(), Ok(Language::German));
        assert_eq!("en_GB.UTF-8".parse::<Language>(), Ok(Language::English));
        assert_eq!("DE".parse::<Language>(), Ok(Language::German));
        assert!("fr".parse::<Language>().is_err());
    }
}
