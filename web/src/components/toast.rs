//! Notices (a commit, a copied link, a refused import), announced to screen readers.

use yew::prelude::*;

use crate::app::use_store;
use crate::i18n::T;
use crate::state::{Action, NoticeKind};

#[component]
pub fn Toast() -> Html {
    let store = use_store();
    let l = store.language;
    let dismiss = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::DismissNotice))
    };
    html! {
        <div class="toast-region" role="status" aria-live="polite" aria-atomic="true">
            if let Some(notice) = &store.notice {
                <div class={classes!("toast", match notice.kind {
                        NoticeKind::Success => "success",
                        NoticeKind::Warning => "warning",
                        NoticeKind::Error => "error",
                    })} id="notice">
                    <span>{ &notice.text }</span>
                    if notice.undo.is_some() {
                        <button type="button" id="undo" onclick={{ let store = store.clone(); Callback::from(move |_| store.dispatch(Action::Undo)) }}>
                            { T::Undo.text(l) }
                        </button>
                    }
                    <button type="button" class="ghost" onclick={dismiss}
                            aria-label={T::Dismiss.text(l)}>{ "×" }</button>
                </div>
            }
        </div>
    }
}
