//! The page: header, section tabs, the section, footer, and the effects that tie the state to
//! the browser (theme, language, autosave, share links, keyboard, playback).

use gloo::events::{EventListener, EventListenerOptions};
use std::rc::Rc;

use gloo::timers::callback::{Interval, Timeout};
use xmpp_federation::message::Message;
use yew::prelude::*;

use crate::browser;
use crate::catalogue::{self, notices};
use crate::components::contacts::ContactsPage;
use crate::components::footer::Footer;
use crate::components::header::Header;
use crate::components::io::TransferPage;
use crate::components::matrix::MatrixPage;
use crate::components::nav::Nav;
use crate::components::negotiation::NegotiationPage;
use crate::components::partners::PartnersPage;
use crate::components::shared_bar::shared_bar;
use crate::components::toast::Toast;
use crate::i18n::label;
use crate::state::persist::{self, LinkError, Saved};
use crate::state::{Action, Section, State, Theme};

/// The state, shared with every component.
pub type Store = UseReducerHandle<State>;

/// The store of the page.
#[hook]
pub fn use_store() -> Store {
    // INVARIANT: every component is rendered inside the App's ContextProvider.
    #[allow(clippy::expect_used)]
    use_context::<Store>().expect("components render inside the App")
}

/// The message for a link or saved state that cannot be used.
pub fn link_error(error: &LinkError) -> Message {
    let reason = match error {
        LinkError::TooLong => notices::link_too_long(),
        LinkError::NotBase64 | LinkError::NotCompressed => notices::link_damaged(),
        // The reader's own message, as the JSON reader words it.
        LinkError::NotState(detail) => notices::link_not_state(detail),
        LinkError::Version(version) => notices::link_version(*version),
    };
    notices::link_unreadable(reason)
}

/// The message for the partners a link left out, if any.
fn left_out_notice(left_out: &[String]) -> Option<Message> {
    (!left_out.is_empty()).then(|| notices::link_dropped(left_out.join(", ")))
}

/// The first state: a share link in the fragment (shown beside the autosaved work, which it
/// never overwrites), else the autosaved state, else the example.
fn initial() -> State {
    let language = browser::preferred_language();
    let fragment = browser::fragment();
    let saved = saved_state();
    if fragment.starts_with(persist::LINK_PREFIX) {
        let result = persist::decode(&fragment).and_then(State::restore);
        browser::set_fragment(&fragment_step(&fragment));
        return match result {
            Ok((state, left_out)) => {
                let message = left_out_notice(&left_out);
                let action = Action::Restore(Box::new(with_step(state, &fragment)), message);
                match saved {
                    Some(own) => (*Rc::new(own).reduce(action)).clone(),
                    // A first visit: no work of one's own to keep.
                    None => {
                        let mut state = (*Rc::new(State::initial(language)).reduce(action)).clone();
                        state.own = None;
                        state
                    }
                }
            }
            Err(error) => {
                let mut state = saved.unwrap_or_else(|| State::initial(language));
                let message = link_error(&error);
                state.notice = Some(crate::state::Notice {
                    kind: crate::state::NoticeKind::Error,
                    text: message,
                    undo: None,
                });
                state
            }
        };
    }
    let state = saved.unwrap_or_else(|| State::initial(language));
    with_step(state, &fragment)
}

/// The autosaved state, if there is a usable one.
fn saved_state() -> Option<State> {
    let text = browser::load(persist::STORAGE_KEY)?;
    let saved = persist::read(text.as_bytes()).ok()?;
    State::reload(saved).ok()
}

/// The `step-N` part of a fragment, kept after a link is read.
fn fragment_step(fragment: &str) -> String {
    fragment
        .split('&')
        .find(|part| part.starts_with("step-"))
        .unwrap_or_default()
        .to_owned()
}

/// Opens the negotiation at step N when the fragment deep-links to it.
fn with_step(mut state: State, fragment: &str) -> State {
    if let Some(step) = fragment
        .split('&')
        .find_map(|part| part.strip_prefix("step-"))
        .and_then(|n| n.parse::<usize>().ok())
    {
        state.section = Section::Negotiation;
        state.step = step;
    }
    state
}

#[component]
pub fn App() -> Html {
    let store = use_reducer(initial);

    // The theme and the language on <html>, for CSS and for screen readers.
    {
        let theme = store.theme;
        use_effect_with(theme, move |theme| {
            let value = match theme {
                Theme::System => "system",
                Theme::Light => "light",
                Theme::Dark => "dark",
            };
            browser::set_root_attribute("data-theme", value);
        });
    }
    {
        let language = store.language;
        use_effect_with(language, move |language| {
            browser::set_root_attribute("lang", language.tag());
            gloo::utils::document()
                .set_title(label(catalogue::page::app_title, *language).as_str());
        });
    }
    // Autosave: a reload loses nothing. While a share link is shown, one's own work is what is
    // kept, so that a link never overwrites it.
    {
        let state = (*store).clone();
        use_effect_with(state, move |state| {
            let mut saved = Saved::of(state.own.as_deref().unwrap_or(state));
            saved.theme = state.theme;
            if let Ok(text) = serde_json::to_string(&saved) {
                browser::save(persist::STORAGE_KEY, &text);
            }
        });
    }
    // Focus requests: a field from a finding, the list after a delete, the outcome after a fix.
    {
        let focus = store.focus.clone();
        let serial = store.focus_serial;
        use_effect_with(serial, move |_| {
            if let Some(id) = focus {
                browser::focus(&id);
            }
        });
    }
    // A share link pasted into the address bar of the open page.
    {
        let store = store.clone();
        use_effect_with((), move |()| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                let fragment = browser::fragment();
                if fragment.starts_with(persist::LINK_PREFIX) {
                    match persist::decode(&fragment).and_then(State::restore) {
                        Ok((state, left_out)) => {
                            let note = left_out_notice(&left_out);
                            store.dispatch(Action::Restore(
                                Box::new(with_step(state, &fragment)),
                                note,
                            ));
                        }
                        Err(error) => store.dispatch(Action::Notify(
                            crate::state::NoticeKind::Error,
                            link_error(&error),
                        )),
                    }
                    browser::set_fragment(&fragment_step(&fragment));
                } else if let Some(step) = fragment
                    .strip_prefix("step-")
                    .and_then(|n| n.parse::<usize>().ok())
                {
                    store.dispatch(Action::Show(Section::Negotiation));
                    store.dispatch(Action::Step(step));
                }
            });
            move || drop(listener)
        });
    }
    // The arrow keys step through the trace (outside text fields).
    {
        let store = store.clone();
        let section = store.section;
        use_effect_with(section, move |section| {
            let listener = (*section == Section::Negotiation).then(|| {
                let options = EventListenerOptions::enable_prevent_default();
                EventListener::new_with_options(
                    &gloo::utils::document(),
                    "keydown",
                    options,
                    move |event| {
                        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                            return;
                        };
                        if !browser::stepping_keys()
                            || event.ctrl_key()
                            || event.meta_key()
                            || event.alt_key()
                        {
                            return;
                        }
                        let action = match event.key().as_str() {
                            "ArrowRight" => Action::Advance(1),
                            "ArrowLeft" => Action::Advance(-1),
                            "Home" => Action::Step(1),
                            "End" => Action::Step(usize::MAX),
                            _ => return,
                        };
                        event.prevent_default();
                        store.dispatch(action);
                    },
                )
            });
            move || drop(listener)
        });
    }
    // Playback: one step a second while playing; the reducer stops at the last step.
    {
        let store = store.clone();
        let playing = store.playing;
        use_effect_with(playing, move |playing| {
            let interval =
                playing.then(|| Interval::new(1000, move || store.dispatch(Action::Advance(1))));
            move || drop(interval)
        });
    }
    // Notices go away after a while.
    {
        let store = store.clone();
        let notice = store.notice.clone();
        use_effect_with(notice, move |notice| {
            // A notice with an undo stays longer, so that there is time to use it.
            let timeout = notice.as_ref().map(|n| {
                let millis = if n.undo.is_some() { 15_000 } else { 6_000 };
                Timeout::new(millis, move || store.dispatch(Action::DismissNotice))
            });
            move || drop(timeout)
        });
    }

    let section = match store.section {
        Section::Partners => html! { <PartnersPage /> },
        Section::Negotiation => html! { <NegotiationPage /> },
        Section::Matrix => html! { <MatrixPage /> },
        Section::Contacts => html! { <ContactsPage /> },
        Section::Transfer => html! { <TransferPage /> },
    };
    let language = store.language;
    html! {
        <ContextProvider<Store> context={store.clone()}>
            <a class="skip-link" href="#main">{ label(catalogue::page::skip_to_content, language) }</a>
            <Header />
            <Nav />
            { shared_bar(&store) }
            <main id="main" role="tabpanel" tabindex="-1" aria-labelledby={format!("tab-{}", store.section.id())}>
                { section }
            </main>
            <Footer />
            <Toast />
        </ContextProvider<Store>>
    }
}

use wasm_bindgen::JsCast;
