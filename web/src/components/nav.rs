//! The section tabs.

use xmpp_federation::message::Message;
use yew::prelude::*;

use crate::app::use_store;
use crate::catalogue;
use crate::i18n::label;
use crate::state::{Action, Section};

pub fn section_label(section: Section) -> fn() -> Message {
    match section {
        Section::Partners => catalogue::page::section_partners,
        Section::Negotiation => catalogue::page::section_negotiation,
        Section::Matrix => catalogue::page::section_matrix,
        Section::Contacts => catalogue::page::section_contacts,
        Section::Transfer => catalogue::page::section_transfer,
    }
}

#[component]
pub fn Nav() -> Html {
    let store = use_store();
    let l = store.language;
    html! {
        <nav class="tabs" role="tablist" aria-label={label(catalogue::page::nav_sections, l)}>
            { for Section::ALL.iter().map(|&section| {
                let store = store.clone();
                let selected = store.section == section;
                let onclick = {
                    let store = store.clone();
                    Callback::from(move |_| store.dispatch(Action::Show(section)))
                };
                // The tabs pattern: one tab stop, the arrow keys move between tabs.
                let onkeydown = {
                    let store = store.clone();
                    Callback::from(move |event: KeyboardEvent| {
                        let index = Section::ALL.iter().position(|s| *s == section).unwrap_or(0);
                        let count = Section::ALL.len();
                        let next = match event.key().as_str() {
                            "ArrowRight" => (index + 1) % count,
                            "ArrowLeft" => (index + count - 1) % count,
                            "Home" => 0,
                            "End" => count - 1,
                            _ => return,
                        };
                        event.prevent_default();
                        let target = Section::ALL[next];
                        store.dispatch(Action::Show(target));
                        store.dispatch(Action::Focus(format!("tab-{}", target.id())));
                    })
                };
                html! {
                    <button type="button" role="tab" id={format!("tab-{}", section.id())}
                            aria-selected={selected.to_string()} aria-controls="main"
                            tabindex={if selected { "0" } else { "-1" }}
                            class={classes!("tab", selected.then_some("active"))}
                            {onclick} {onkeydown}>
                        { label(section_label(section), l) }
                    </button>
                }
            }) }
        </nav>
    }
}
