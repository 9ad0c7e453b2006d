//! The bar over a share link's state while one's own work is kept beside it: it stays until
//! the user chooses what becomes of the two lists. A view of the page's store rather than a
//! component of its own, which would cost the playground a component's worth of bytes.

use xmpp_federation::message::Message;
use yew::prelude::*;

use crate::app::Store;
use crate::catalogue;
use crate::i18n::label;
use crate::state::Action;

/// The bar, or nothing when no share link is shown beside one's own work.
pub fn shared_bar(store: &Store) -> Html {
    let l = store.language;
    if store.own.is_none() {
        return html! {};
    }
    let button = |id: &'static str, text: fn() -> Message, action: Action| {
        let store = store.clone();
        html! {
            <button type="button" {id} onclick={Callback::from(move |_| store.dispatch(action.clone()))}>
                { label(text, l) }
            </button>
        }
    };
    html! {
        <div class="shared-bar" id="shared-bar" role="region" aria-label={label(catalogue::page::shared_link, l)}>
            <p>{ label(catalogue::page::shared_viewing, l) }</p>
            { button("keep-own", catalogue::page::keep_own, Action::KeepOwn) }
            { button("replace-own", catalogue::page::replace_own, Action::ReplaceOwn) }
            { button("add-shared", catalogue::page::add_shared, Action::AddShared) }
        </div>
    }
}
