//! The state as it is saved: in the browser's local storage on every change, and in share
//! links, versioned and compressed in the URL fragment, with no server. Reading a link is
//! bounded at every step, and a bad or hostile link gives a message, never a broken page.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use xmpp_federation::{Directory, Document, ENGINE_VERSION, Language};

use super::draft::Draft;
use super::setup::Setup;
use super::{ContactSetup, Section, State, Theme};

/// The version of the saved shape. A link from a later version is refused by name.
pub const VERSION: u32 = 1;
/// Where the state is kept in local storage.
pub const STORAGE_KEY: &str = "xmpp-federation-playground";
/// The longest share link fragment read, in characters.
pub const MAX_LINK_CHARS: usize = 200_000;
/// The largest state a link may inflate to, in bytes.
pub const MAX_STATE_BYTES: usize = 4 * 1024 * 1024;
/// The fragment prefix of a share link.
pub const LINK_PREFIX: &str = "s=";

/// Everything a reload or a link restores.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Saved {
    /// The shape's version.
    pub v: u32,
    /// The engine that wrote it.
    #[serde(default)]
    pub engine: String,
    pub language: Language,
    #[serde(default)]
    pub theme: Theme,
    #[serde(default)]
    pub section: Section,
    /// The partner list, as the JSON format writes it.
    pub directory: Value,
    #[serde(default)]
    pub selected: Option<String>,
    #[serde(default)]
    pub draft: Option<Draft>,
    #[serde(default)]
    pub setup: Setup,
    #[serde(default)]
    pub step: usize,
    #[serde(default)]
    pub contact: ContactSetup,
}

impl Saved {
    pub fn of(state: &State) -> Saved {
        Saved {
            v: VERSION,
            engine: ENGINE_VERSION.to_owned(),
            language: state.language,
            theme: state.theme,
            section: state.section,
            directory: serde_json::from_str(&state.directory.to_json()).unwrap_or(Value::Null),
            selected: state.selected.clone(),
            draft: state.draft.clone(),
            setup: state.setup.clone(),
            step: state.step,
            contact: state.contact.clone(),
        }
    }
}

/// Why a saved state or a share link could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Longer than [`MAX_LINK_CHARS`].
    TooLong,
    /// Not URL-safe base64.
    NotBase64,
    /// Not a deflated state, or larger than [`MAX_STATE_BYTES`] inflated.
    NotCompressed,
    /// Not the saved shape; the reader's message.
    NotState(String),
    /// Made by a later version of the playground.
    Version(u32),
}

/// A share link's fragment for the state: `s=` and the deflated JSON in URL-safe base64.
pub fn encode(state: &State) -> String {
    let mut saved = Saved::of(state);
    // A link carries the work, not the viewer's theme.
    saved.theme = Theme::System;
    let json = serde_json::to_vec(&saved).unwrap_or_default();
    let deflated = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("{LINK_PREFIX}{}", URL_SAFE_NO_PAD.encode(deflated))
}

/// Reads a share link's fragment (without the `#`), bounded at every step.
pub fn decode(fragment: &str) -> Result<Saved, LinkError> {
    let data = fragment.strip_prefix(LINK_PREFIX).unwrap_or(fragment);
    let data = data.split('&').next().unwrap_or_default();
    if data.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong);
    }
    let deflated = URL_SAFE_NO_PAD
        .decode(data.trim_end_matches('='))
        .map_err(|_| LinkError::NotBase64)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_STATE_BYTES)
        .map_err(|_| LinkError::NotCompressed)?;
    read(&json)
}

/// Reads a saved state's JSON (from a link or from local storage).
pub fn read(json: &[u8]) -> Result<Saved, LinkError> {
    if json.len() > MAX_STATE_BYTES {
        return Err(LinkError::NotCompressed);
    }
    // serde_json stops at 128 levels of nesting.
    let saved: Saved =
        serde_json::from_slice(json).map_err(|e| LinkError::NotState(e.to_string()))?;
    if saved.v != VERSION {
        return Err(LinkError::Version(saved.v));
    }
    Ok(saved)
}

/// The partner list of a share link under the Commit rules, and the partners left out because
/// Commit would refuse them (an error in their fields, or a combination such as M6), by name:
/// a link, hand-edited or hostile, brings in nothing a commit would not.
pub fn directory(saved: &Saved) -> Result<(Directory, Vec<String>), LinkError> {
    let (directory, refused) = super::admit::admit(&document(saved)?, saved.language);
    Ok((
        directory,
        refused.iter().map(super::admit::Refused::label).collect(),
    ))
}

/// The partner list of one's own autosaved work: every partner that reads, so that a reload
/// never loses one; the page shows what Commit would say about each.
pub fn own_directory(saved: &Saved) -> Result<Directory, LinkError> {
    Ok(document(saved)?.directory())
}

fn document(saved: &Saved) -> Result<Document, LinkError> {
    Document::from_value(saved.directory.clone()).map_err(|e| LinkError::NotState(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_round_trip_and_refuse_junk() {
        let state = State::initial(Language::German);
        let link = encode(&state);
        assert!(link.starts_with(LINK_PREFIX));
        let saved = decode(&link).unwrap();
        assert_eq!(saved.language, Language::German);
        // Litware's entry (M5) is refused at Commit, so the link leaves it out, by name.
        let (directory, left_out) = directory(&saved).unwrap();
        assert_eq!(
            directory.partners().len(),
            state.directory.partners().len() - 1
        );
        assert_eq!(left_out, ["litwareinc.com (M5)"]);
        assert_eq!(own_directory(&saved).unwrap(), state.directory);

        assert_eq!(decode("s=!!!").unwrap_err(), LinkError::NotBase64);
        assert_eq!(decode("s=AAAA").unwrap_err(), LinkError::NotCompressed);
        assert_eq!(
            decode(&"A".repeat(MAX_LINK_CHARS + 1)).unwrap_err(),
            LinkError::TooLong
        );
        // A deflate bomb: a megabyte of zeros per few bytes, beyond the bound.
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; MAX_STATE_BYTES + 1], 9);
        let link = format!("s={}", URL_SAFE_NO_PAD.encode(bomb));
        assert_eq!(decode(&link).unwrap_err(), LinkError::NotCompressed);
        let later = miniz_oxide::deflate::compress_to_vec(
            br#"{"v": 99, "language": "en", "directory": {}}"#,
            9,
        );
        let link = format!("s={}", URL_SAFE_NO_PAD.encode(later));
        assert_eq!(decode(&link).unwrap_err(), LinkError::Version(99));
    }

    /// The editor's mode reads and writes as it always has: `kind`, and `identity` for an edit.
    #[test]
    fn the_editor_mode_keeps_its_saved_shape() {
        use crate::state::draft::Mode;
        let edit = Mode::Edit {
            identity: "a.example".into(),
        };
        let text = r#"{"kind":"edit","identity":"a.example"}"#;
        assert_eq!(serde_json::to_string(&edit).unwrap(), text);
        assert_eq!(serde_json::from_str::<Mode>(text).unwrap(), edit);
        assert_eq!(
            serde_json::to_string(&Mode::New).unwrap(),
            r#"{"kind":"new"}"#
        );
        assert_eq!(
            serde_json::from_str::<Mode>(r#"{"kind":"new"}"#).unwrap(),
            Mode::New
        );
        assert!(serde_json::from_str::<Mode>(r#"{"kind":"edit"}"#).is_err());
        assert!(serde_json::from_str::<Mode>(r#"{"kind":"move"}"#).is_err());
        assert!(serde_json::from_str::<Mode>(r#""new""#).is_err());
    }

    mod properties {
        //! The share-link codec, over generated states and generated links.
        //!
        //! Invariants, in words:
        //! 1. Identity: for every state, decoding the link that [`encode`] writes gives back
        //!    exactly the saved state that [`Saved::of`] takes of it (the theme aside, which a
        //!    link does not carry), and reading that as one's own work gives back the same
        //!    partner list.
        //! 2. Bounds: decoding any string, or any deflated data, never panics; a link longer
        //!    than [`MAX_LINK_CHARS`] is refused before it is decoded, and data that inflates
        //!    beyond [`MAX_STATE_BYTES`] is refused.

        use proptest::prelude::*;
        use serde_json::json;
        use xmpp_federation::{Negotiation, PartnerType};

        use super::*;
        use crate::state::draft::{Draft, Mode};

        fn negotiation() -> impl Strategy<Value = Negotiation> {
            prop_oneof![
                Just(Negotiation::Required),
                Just(Negotiation::Optional),
                Just(Negotiation::NotSupported),
            ]
        }

        /// A partner entry as the JSON format writes it, printable text in its description.
        fn partner() -> impl Strategy<Value = Value> {
            (
                "[a-z][a-z0-9-]{0,12}\\.(com|example|org)",
                "[ -~äöüßé€]{0,40}",
                negotiation(),
                negotiation(),
                any::<bool>(),
                prop_oneof![
                    Just(PartnerType::Federated),
                    Just(PartnerType::PublicVerified),
                    Just(PartnerType::PublicUnverified),
                ],
            )
                .prop_map(|(domain, description, tls, sasl, dialback, kind)| {
                    json!({
                        "domain": domain,
                        "description": description,
                        "tlsNegotiation": tls,
                        "saslNegotiation": sasl,
                        "supportDialbackNegotiation": dialback,
                        "partnerType": kind,
                    })
                })
        }

        /// A state: a partner list, an open draft of any text, and the other saved fields.
        fn state() -> impl Strategy<Value = State> {
            (
                prop::collection::vec(partner(), 0..6),
                prop::option::of((
                    ".*",
                    ".*",
                    negotiation(),
                    any::<bool>(),
                    prop::option::of(".*"),
                )),
                any::<bool>(),
                prop::sample::select(Section::ALL.to_vec()),
                any::<usize>(),
                prop::option::of(".*"),
                (".*", ".*", any::<bool>()),
            )
                .prop_map(
                    |(partners, draft, german, section, step, selected, contact)| {
                        let language = if german {
                            Language::German
                        } else {
                            Language::English
                        };
                        let mut state = State::initial(language);
                        let document = Document::from_value(json!({ "partners": partners }));
                        state.directory = document.map(|d| d.directory()).unwrap_or_default();
                        state.draft =
                            draft.map(|(domain, description, tls, dialback, edit)| Draft {
                                mode: edit.map_or(Mode::New, |identity| Mode::Edit { identity }),
                                domain,
                                description,
                                tls_negotiation: tls,
                                support_dialback_negotiation: dialback,
                                ..Draft::new_partner()
                            });
                        state.section = section;
                        state.step = step;
                        state.selected = selected;
                        state.theme = Theme::Dark;
                        (state.contact.lync_user, state.contact.xmpp_user) = (contact.0, contact.1);
                        state.contact.enable_xmpp_access = contact.2;
                        state
                    },
                )
        }

        proptest! {
            #[test]
            fn decode_is_the_inverse_of_encode(state in state()) {
                let link = encode(&state);
                prop_assert!(link.len() <= MAX_LINK_CHARS + LINK_PREFIX.len());
                let decoded = decode(&link).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
                let mut expected = Saved::of(&state);
                expected.theme = Theme::System;
                prop_assert_eq!(
                    serde_json::to_value(&decoded).ok(),
                    serde_json::to_value(&expected).ok()
                );
                prop_assert_eq!(own_directory(&decoded).ok(), Some(state.directory.clone()));
            }

            #[test]
            fn any_link_decodes_or_is_refused_without_panicking(fragment in ".{0,400}") {
                let _ = decode(&fragment);
                let _ = decode(&format!("{LINK_PREFIX}{fragment}"));
            }

            #[test]
            fn any_deflated_data_decodes_or_is_refused_without_panicking(data in prop::collection::vec(any::<u8>(), 0..2048)) {
                let deflated = miniz_oxide::deflate::compress_to_vec(&data, 6);
                let link = format!("{LINK_PREFIX}{}", URL_SAFE_NO_PAD.encode(&deflated));
                let _ = decode(&link);
                // The raw bytes as if they were deflated data, too.
                let _ = decode(&format!("{LINK_PREFIX}{}", URL_SAFE_NO_PAD.encode(&data)));
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(6))]

            #[test]
            fn links_beyond_the_bounds_are_refused(
                extra in 1usize..64,
                tail in "[A-Za-z0-9_-]{0,16}",
                byte in any::<u8>(),
            ) {
                let long = format!("{}{tail}", "A".repeat(MAX_LINK_CHARS + extra));
                prop_assert_eq!(decode(&long).unwrap_err(), LinkError::TooLong);
                let bomb = miniz_oxide::deflate::compress_to_vec(&vec![byte; MAX_STATE_BYTES + extra], 9);
                let link = format!("{LINK_PREFIX}{}", URL_SAFE_NO_PAD.encode(bomb));
                prop_assert_eq!(decode(&link).unwrap_err(), LinkError::NotCompressed);
            }
        }
    }
}
