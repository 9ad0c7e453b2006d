//! Export the trace: Mermaid (for an issue or a wiki), JSON, or the text ladder.

use std::rc::Rc;

use yew::prelude::*;

use super::Played;
use crate::app::use_store;
use crate::browser;
use crate::catalogue;
use crate::i18n::label;
use crate::state::{Action, NoticeKind};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub played: Rc<Played>,
}

#[component]
pub fn Export(props: &Props) -> Html {
    let store = use_store();
    let l = store.language;
    let played = props.played.clone();
    let mermaid = {
        let played = played.clone();
        Callback::from(move |_| {
            browser::download("negotiation.mmd", "text/plain", &played.trace.to_mermaid(l));
        })
    };
    let json = {
        let played = played.clone();
        Callback::from(move |_| {
            let document = serde_json::json!({
                "engineVersion": xmpp_federation::ENGINE_VERSION,
                "scenario": played.trace.scenario(),
                "trace": played.localized,
            });
            let text = serde_json::to_string_pretty(&document).unwrap_or_default();
            browser::download("negotiation.json", "application/json", &text);
        })
    };
    let text = {
        let played = played.clone();
        Callback::from(move |_| {
            browser::download("negotiation.txt", "text/plain", &played.trace.to_text(l));
        })
    };
    let copy = {
        let played = played.clone();
        let store = store.clone();
        Callback::from(move |_| {
            browser::copy(&played.trace.to_mermaid(l));
            store.dispatch(Action::Notify(
                NoticeKind::Success,
                catalogue::notices::mermaid_copied(),
            ));
        })
    };
    html! {
        <div class="export" role="group" aria-label={label(catalogue::negotiation::export_trace, l)}>
            <span>{ label(catalogue::negotiation::export_trace, l) }</span>
            <button type="button" id="export-mermaid" onclick={mermaid}>{ "Mermaid" }</button>
            <button type="button" id="copy-mermaid" onclick={copy}>{ label(catalogue::negotiation::copy_mermaid, l) }</button>
            <button type="button" id="export-json" onclick={json}>{ "JSON" }</button>
            <button type="button" id="export-text" onclick={text}>{ label(catalogue::negotiation::export_trace_text, l) }</button>
        </div>
    }
}
