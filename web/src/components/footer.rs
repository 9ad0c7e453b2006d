//! The footer: the engine version and the privacy note.

use yew::prelude::*;

use crate::app::use_store;
use crate::i18n::T;

#[component]
pub fn Footer() -> Html {
    let store = use_store();
    let l = store.language;
    html! {
        <footer class="footer">
            <p class="privacy">{ T::Privacy.text(l) }</p>
            <p>
                { T::Engine.text(l) }{ " " }
                <code id="engine-version">{ xmpp_federation::ENGINE_VERSION }</code>
                { " · " }{ T::Sources.text(l) }
            </p>
        </footer>
    }
}
