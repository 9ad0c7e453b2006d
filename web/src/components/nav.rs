//! The section tabs.

use yew::prelude::*;

use crate::app::use_store;
use crate::i18n::T;
use crate::state::{Action, Section};

pub fn section_label(section: Section) -> T {
    match section {
        Section::Partners => T::SectionPartners,
        Section::Negotiation => T::SectionNegotiation,
        Section::Matrix => T::SectionMatrix,
        Section::Contacts => T::SectionContacts,
        Section::Transfer => T::SectionTransfer,
    }
}

#[component]
pub fn Nav() -> Html {
    let store = use_store();
    let l = store.language;
    html! {
        <nav class="tabs" role="tablist" aria-label={T::Sections.text(l)}>
            { for Section::ALL.iter().map(|&section| {
                let store = store.clone();
                let selected = store.section == section;
                let onclick = Callback::from(move |_| store.dispatch(Action::Show(section)));
                html! {
                    <button type="button" role="tab" id={format!("tab-{}", section.id())}
                            aria-selected={selected.to_string()}
                            class={classes!("tab", selected.then_some("active"))}
                            {onclick}>
                        { section_label(section).text(l) }
                    </button>
                }
            }) }
        </nav>
    }
}
