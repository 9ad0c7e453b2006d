//! The list of partners, with New, Edit and Delete, as in the Control Panel.

use xmpp_federation::Severity;
use yew::prelude::*;

use crate::app::use_store;
use crate::catalogue;
use crate::i18n::label;
use crate::state::Action;

#[component]
pub fn PartnerList() -> Html {
    let store = use_store();
    let l = store.language;
    let report = use_memo(store.directory.clone(), |directory| directory.validate());
    let selected = store.selected.clone();
    let on_new = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::NewPartner))
    };
    let on_edit = {
        let store = store.clone();
        let selected = selected.clone();
        Callback::from(move |_| {
            if let Some(identity) = selected.clone() {
                store.dispatch(Action::EditPartner(identity));
            }
        })
    };
    let on_delete = {
        let store = store.clone();
        let selected = selected.clone();
        Callback::from(move |_| {
            if let Some(identity) = selected.clone() {
                store.dispatch(Action::AskDelete(identity));
            }
        })
    };
    let confirm = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::ConfirmDelete))
    };
    let cancel = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::CancelDelete))
    };
    let partners = store.directory.partners();
    html! {
        <>
            <div class="pane-head">
                <h2>{ label(catalogue::partners::partners_title, l) }</h2>
                <div class="toolbar" role="toolbar" aria-label={label(catalogue::partners::partners_title, l)}>
                    <button type="button" id="new-partner" class="primary" onclick={on_new}>{ label(catalogue::partners::partners_new, l) }</button>
                    <button type="button" id="edit-partner" onclick={on_edit} disabled={selected.is_none()}>{ label(catalogue::partners::partners_edit, l) }</button>
                    <button type="button" id="delete-partner" class="danger" onclick={on_delete} disabled={selected.is_none()}>{ label(catalogue::partners::partners_delete, l) }</button>
                </div>
            </div>
            if let Some(identity) = &store.pending_delete {
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-delete-text">
                    <p id="confirm-delete-text">{ catalogue::partners::confirm_delete(identity).render(l) }</p>
                    <button type="button" id="confirm-delete" class="danger" onclick={confirm}>{ label(catalogue::partners::partners_delete, l) }</button>
                    <button type="button" onclick={cancel}>{ label(catalogue::page::button_cancel, l) }</button>
                </div>
            }
            if partners.is_empty() {
                <p class="empty">{ label(catalogue::partners::no_partners, l) }</p>
            } else {
                <div class="table-scroll">
                <table class="partner-table" id="partner-table">
                    <caption class="visually-hidden">{ label(catalogue::partners::partners_title, l) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ label(catalogue::partners::primary_domain, l) }</th>
                            <th scope="col">{ label(catalogue::partners::partner_type, l) }</th>
                            <th scope="col" class="settings">{ "TLS · SASL · " }{ label(catalogue::partners::dialback_short, l) }</th>
                            <th scope="col">{ label(catalogue::partners::column_row, l) }</th>
                            <th scope="col" class="methods">{ label(catalogue::partners::column_methods, l) }</th>
                            <th scope="col">{ label(catalogue::partners::findings_title, l) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for partners.iter().enumerate().map(|(index, partner)| {
                            let identity = partner.domain.to_string();
                            let is_selected = selected.as_deref() == Some(identity.as_str());
                            let row = partner.matrix_row();
                            let findings = report.partners().get(index).map(|p| p.diagnostics().to_vec()).unwrap_or_default();
                            let errors = findings.iter().filter(|d| d.severity() == Severity::Error).count();
                            let warnings = findings.iter().filter(|d| d.severity() == Severity::Warning).count();
                            let onclick = {
                                let store = store.clone();
                                let identity = identity.clone();
                                Callback::from(move |_| store.dispatch(Action::Select(identity.clone())))
                            };
                            let ondblclick = {
                                let store = store.clone();
                                let identity = identity.clone();
                                Callback::from(move |_| store.dispatch(Action::EditPartner(identity.clone())))
                            };
                            let onkeydown = {
                                let store = store.clone();
                                let identity = identity.clone();
                                Callback::from(move |event: KeyboardEvent| {
                                    match event.key().as_str() {
                                        "Enter" => store.dispatch(Action::EditPartner(identity.clone())),
                                        " " => { event.prevent_default(); store.dispatch(Action::Select(identity.clone())) }
                                        _ => {}
                                    }
                                })
                            };
                            html! {
                                <tr class={classes!(is_selected.then_some("selected"))} id={format!("partner-{identity}")}
                                    tabindex="0" aria-current={is_selected.then_some("true")}
                                    data-domain={identity.clone()} {onclick} {ondblclick} {onkeydown}>
                                    <th scope="row">
                                        <span class="domain">{ partner.domain.unicode() }</span>
                                        if is_selected { <span class="visually-hidden">{ format!(" ({})", label(catalogue::partners::partner_selected, l)) }</span> }
                                        if partner.domain.is_internationalized() { <span class="domain-ascii">{ partner.domain.as_str() }</span> }
                                        if !partner.additional_domains.is_empty() {
                                            <span class="more">{ format!(" +{}", partner.additional_domains.len()) }</span>
                                        }
                                    </th>
                                    <td>{ partner.partner_type.label(l) }</td>
                                    <td class="settings">
                                        { partner.tls_negotiation.label(l) }{ " · " }
                                        { partner.sasl_negotiation.label(l) }{ " · " }
                                        { if partner.support_dialback_negotiation { label(catalogue::page::value_true, l) } else { label(catalogue::page::value_false, l) } }
                                    </td>
                                    <td><span class={classes!("row-badge", verdict_class(row))}>{ row.name() }</span></td>
                                    <td class="methods">{ methods_text(row.expected_methods(), l) }</td>
                                    <td>
                                        if errors > 0 { <span class="count error" title={catalogue::partners::partners_error_count(errors).render(l)}>{ format!("{errors} ✕") }</span> }
                                        if warnings > 0 { <span class="count warning" title={catalogue::partners::partners_warning_count(warnings).render(l)}>{ format!("{warnings} ⚠") }</span> }
                                        if errors == 0 && warnings == 0 { <span class="count ok">{ "✓" }</span> }
                                    </td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                </div>
            }
        </>
    }
}

/// The CSS class of a row's verdict.
pub fn verdict_class(row: xmpp_federation::MatrixRow) -> &'static str {
    match row.verdict() {
        xmpp_federation::RowVerdict::Valid => "valid",
        xmpp_federation::RowVerdict::Warning => "warning",
        xmpp_federation::RowVerdict::NotValid => "invalid",
    }
}

/// The methods of a row, or "none".
pub fn methods_text(methods: xmpp_federation::MethodSet, l: xmpp_federation::Language) -> String {
    if methods.is_empty() {
        label(catalogue::partners::no_method, l)
    } else {
        methods.labels(l)
    }
}
