//! Notices (a commit, a copied link, a refused import), announced to screen readers.

use yew::prelude::*;

use crate::app::use_store;
use crate::catalogue;
use crate::i18n::label;
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
                    <span>{ notice.text.render(l) }</span>
                    if notice.undo.is_some() {
                        <button type="button" id="undo" onclick={{ let store = store.clone(); Callback::from(move |_| store.dispatch(Action::Undo)) }}>
                            { label(catalogue::page::button_undo, l) }
                        </button>
                    }
                    <button type="button" class="ghost" onclick={dismiss}
                            aria-label={label(catalogue::page::button_dismiss, l)}>{ "×" }</button>
                </div>
            }
        </div>
    }
}
