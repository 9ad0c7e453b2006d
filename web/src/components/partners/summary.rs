//! The selected partner at a glance, when the editor is closed.

use yew::prelude::*;

use super::RowInfo;
use super::diagnostics::DiagnosticList;
use crate::app::use_store;
use crate::catalogue;
use crate::i18n::label;
use crate::state::{Action, Section};

/// The partner's findings with paths relative to it (`tlsNegotiation`, not
/// `partners[0].tlsNegotiation`).
fn relative(
    partner: &xmpp_federation::LocalizedPartner,
) -> Vec<xmpp_federation::LocalizedDiagnostic> {
    let prefix = format!("{}.", partner.path);
    partner
        .diagnostics
        .iter()
        .cloned()
        .map(|mut d| {
            if let Some(rest) = d.path.strip_prefix(&prefix) {
                d.path = rest.to_owned();
            }
            d
        })
        .collect()
}

#[component]
pub fn PartnerSummary() -> Html {
    let store = use_store();
    let l = store.language;
    let report = use_memo((store.directory.clone(), l), |(directory, l)| {
        directory.validate().localize(*l)
    });
    let Some(partner) = store.selected_partner().cloned() else {
        return html! {
            <div class="empty-detail">
                <h2>{ label(catalogue::partners::nothing_selected, l) }</h2>
                <p>{ label(catalogue::partners::nothing_selected_hint, l) }</p>
            </div>
        };
    };
    let localized = report
        .partners
        .iter()
        .find(|p| p.domain.as_deref() == Some(partner.domain.as_str()))
        .cloned();
    let on_edit = {
        let store = store.clone();
        let identity = partner.domain.to_string();
        Callback::from(move |_| store.dispatch(Action::EditPartner(identity.clone())))
    };
    let on_negotiate = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::Show(Section::Negotiation)))
    };
    let domains: Vec<String> = partner.domains().map(|d| d.unicode().to_string()).collect();
    html! {
        <div class="summary">
            <div class="pane-head">
                <h2>{ partner.domain.unicode() }
                    if partner.domain.is_internationalized() { <span class="domain-ascii">{ partner.domain.as_str() }</span> }
                </h2>
                <div class="toolbar">
                    <button type="button" onclick={on_edit}>{ label(catalogue::partners::partners_edit, l) }</button>
                    <button type="button" class="primary" onclick={on_negotiate}>{ label(catalogue::partners::watch_negotiation, l) }</button>
                </div>
            </div>
            <dl class="facts">
                <dt>{ label(catalogue::partners::partner_domains, l) }</dt><dd>{ domains.join(", ") }</dd>
                <dt>{ label(catalogue::partners::partner_type, l) }</dt>
                <dd>{ partner.partner_type.label(l) }<p class="hint">{ partner.partner_type.meaning(l) }</p></dd>
                if !partner.description.is_empty() {
                    <dt>{ label(catalogue::partners::partner_description, l) }</dt><dd>{ partner.description.as_str() }</dd>
                }
            </dl>
            <RowInfo row={partner.matrix_row()} />
            if let Some(localized) = localized {
                <DiagnosticList diagnostics={relative(&localized)} interactive={false} />
            }
        </div>
    }
}
