//! The bar over a share link's state while one's own work is kept beside it: it stays until
//! the user chooses what becomes of the two lists. A view of the page's store rather than a
//! component of its own, which would cost the playground a component's worth of bytes.

use yew::prelude::*;

use crate::app::Store;
use crate::i18n::T;
use crate::state::Action;

/// The bar, or nothing when no share link is shown beside one's own work.
pub fn shared_bar(store: &Store) -> Html {
    let l = store.language;
    if store.own.is_none() {
        return html! {};
    }
    let button = |id: &'static str, label: T, action: Action| {
        let store = store.clone();
        html! {
            <button type="button" {id} onclick={Callback::from(move |_| store.dispatch(action.clone()))}>
                { label.text(l) }
            </button>
        }
    };
    html! {
        <div class="shared-bar" id="shared-bar" role="region" aria-label={T::SharedLink.text(l)}>
            <p>{ T::SharedViewing.text(l) }</p>
            { button("keep-own", T::KeepOwn, Action::KeepOwn) }
            { button("replace-own", T::ReplaceOwn, Action::ReplaceOwn) }
            { button("add-shared", T::AddShared, Action::AddShared) }
        </div>
    }
}
