//! Lookalike domains (UTS #39 §4 confusable skeletons) and mixed-script labels (UTS #39 §5.1).

use icu_properties::props::Script;
use icu_properties::script::ScriptWithExtensions;

use super::confusable_table::{ENDS, SOURCES, TARGETS};
use crate::domain::Domain;

/// The UTS #39 skeleton of a domain in its Unicode form: two domains that look alike have equal
/// skeletons.
///
/// The table maps every character that can appear in a UTS #46-processed domain to the skeleton
/// of that character, as the `unicode-security` crate computes it; `cargo xtask confusables`
/// generates it and `cargo xtask test` checks it is current. A domain's skeleton is the
/// concatenation of its characters' skeletons. That differs from the full algorithm (NFD of the
/// whole string, mapped, then NFD again) only in the order of combining marks of different
/// classes, which UTS #46 output does not produce. Hangul syllables are left as they are: their
/// skeleton is their decomposition into jamo, which is one-to-one, so equality is the same.
pub(crate) fn skeleton(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match SOURCES.binary_search(&u32::from(c)) {
            Ok(i) => {
                let start = if i == 0 { 0 } else { usize::from(ENDS[i - 1]) };
                out.push_str(&TARGETS[start..usize::from(ENDS[i])]);
            }
            Err(_) => out.push(c),
        }
    }
    out
}

/// A script, or one of the UTS #39 §5.1 combined writing systems.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Writing {
    Script(Script),
    /// Han with Hiragana and Katakana (`Jpan`).
    Japanese,
    /// Han with Hangul (`Kore`).
    Korean,
    /// Han with Bopomofo (`Hanb`).
    HanWithBopomofo,
}

/// The first label of `domain` whose characters share no script, if there is one.
///
/// Each character contributes its augmented script extensions (Han also counts as Japanese,
/// Korean and Han-with-Bopomofo; Hiragana and Katakana as Japanese; Hangul as Korean; Bopomofo as
/// Han-with-Bopomofo); Common and Inherited characters such as digits and hyphens fit any script.
/// A label is mixed when the intersection is empty.
pub(crate) fn mixed_script_label(domain: &Domain) -> Option<&str> {
    if !domain.is_internationalized() {
        return None;
    }
    let scripts = ScriptWithExtensions::new();
    domain.unicode().split('.').find(|label| {
        let mut resolved: Option<Vec<Writing>> = None;
        for c in label.chars() {
            let extensions = scripts.get_script_extensions_val(c);
            if extensions.contains(&Script::Common) || extensions.contains(&Script::Inherited) {
                continue;
            }
            let mut augmented: Vec<Writing> = Vec::with_capacity(4);
            for script in extensions.iter() {
                augmented.push(Writing::Script(script));
                if script == Script::Han {
                    augmented.extend([
                        Writing::Japanese,
                        Writing::Korean,
                        Writing::HanWithBopomofo,
                    ]);
                } else if script == Script::Hiragana || script == Script::Katakana {
                    augmented.push(Writing::Japanese);
                } else if script == Script::Hangul {
                    augmented.push(Writing::Korean);
                } else if script == Script::Bopomofo {
                    augmented.push(Writing::HanWithBopomofo);
                }
            }
            let next = match resolved.take() {
                None => augmented,
                Some(mut set) => {
                    set.retain(|w| augmented.contains(w));
                    set
                }
            };
            if next.is_empty() {
                return true;
            }
            resolved = Some(next);
        }
        false
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn domain(text: &str) -> Domain {
        Domain::parse(text).unwrap()
    }

    #[test]
    fn lookalikes_share_a_skeleton() {
        // Cyrillic а (U+0430) and о (U+043E) in place of Latin a and o.
        let latin = domain("fabrikam.com");
        let cyrillic = domain("f\u{0430}brik\u{0430}m.c\u{043E}m");
        assert_ne!(latin, cyrillic);
        assert_eq!(skeleton(latin.unicode()), skeleton(cyrillic.unicode()));
        // "rn" looks like "m".
        assert_eq!(skeleton("fabrikarn.com"), skeleton("fabrikam.com"));
        assert_ne!(skeleton("fabrikam.com"), skeleton("contoso.com"));
    }

    #[test]
    fn agrees_with_unicode_security_on_whole_domains() {
        use unicode_security::skeleton as reference;
        let samples = [
            "fabrikam.com",
            "f\u{0430}brikam.com",
            "bücher.example",
            "b\u{0443}\u{0308}cher.example",
            "παράδειγμα.δοκιμή",
            "例え.テスト",
            "münchen.de",
            "xn--80ak6aa92e.com",
        ];
        for a in samples {
            let a = domain(a);
            for b in samples {
                let b = domain(b);
                let ours = skeleton(a.unicode()) == skeleton(b.unicode());
                let theirs = reference(a.unicode()).eq(reference(b.unicode()));
                assert_eq!(ours, theirs, "{a} vs {b}");
            }
        }
    }

    #[test]
    fn detects_mixed_scripts() {
        assert_eq!(
            mixed_script_label(&domain("f\u{0430}brikam.com")),
            Some("f\u{0430}brikam")
        );
        // Whole-script Cyrillic, Greek, and Japanese mixing Han and Kana are single-script.
        assert_eq!(mixed_script_label(&domain("пример.рф")), None);
        assert_eq!(mixed_script_label(&domain("παράδειγμα.δοκιμή")), None);
        assert_eq!(mixed_script_label(&domain("例え.テスト")), None);
        assert_eq!(mixed_script_label(&domain("bücher-2.example")), None);
        assert_eq!(mixed_script_label(&domain("fabrikam.com")), None);
    }
}
