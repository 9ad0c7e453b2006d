//! The footer: the engine version and the privacy note.

use yew::prelude::*;

use crate::app::use_store;
use crate::catalogue;
use crate::i18n::label;

#[component]
pub fn Footer() -> Html {
    let store = use_store();
    let l = store.language;
    html! {
        <footer class="footer">
            <p class="privacy">{ label(catalogue::page::footer_privacy, l) }</p>
            <p>
                { label(catalogue::page::footer_engine, l) }{ " " }
                <code id="engine-version">{ xmpp_federation::ENGINE_VERSION }</code>
                { " · " }{ label(catalogue::page::footer_sources, l) }
            </p>
        </footer>
    }
}
