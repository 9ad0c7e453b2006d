//! The editor of New and Edit: every field of the partner, live findings at each field and in a
//! panel, the matrix row of the settings, and Commit as the Control Panel does it.

use xmpp_federation::{LocalizedDiagnostic, MatrixRow, Negotiation, PartnerType};
use yew::prelude::*;

use super::RowInfo;
use super::diagnostics::DiagnosticList;
use super::field::FieldRow;
use crate::app::use_store;
use crate::catalogue;
use crate::i18n::label;
use crate::state::draft::{Draft, Field, Mode};
use crate::state::{Action, CommitOutcome};

fn value_of(event: &Event) -> String {
    let target = event.target_unchecked_into::<web_sys::HtmlInputElement>();
    target.value()
}

fn input_value(event: &InputEvent) -> String {
    event
        .target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

fn negotiation(value: &str) -> Negotiation {
    Negotiation::ALL
        .into_iter()
        .find(|n| n.name() == value)
        .unwrap_or(Negotiation::Required)
}

#[component]
pub fn Editor() -> Html {
    let store = use_store();
    let l = store.language;
    let Some(draft) = store.draft.clone() else {
        return html! {};
    };
    let check = use_memo(
        (store.directory.clone(), draft.clone(), l),
        |(directory, draft, l)| crate::state::draft::check(directory, draft, *l),
    );
    let diagnostics: Vec<LocalizedDiagnostic> = check
        .partner
        .as_ref()
        .map(|p| p.diagnostics.clone())
        .unwrap_or_default();
    // A finding belongs to its own field and to the fields it names as involved.
    let at = |field: Field| -> Vec<LocalizedDiagnostic> {
        diagnostics
            .iter()
            .filter(|d| {
                Field::from_path(&d.path) == Some(field)
                    || d.related.iter().any(|r| Field::from_path(r) == Some(field))
            })
            .cloned()
            .collect()
    };
    let described = |field: Field| -> Option<String> {
        (!at(field).is_empty()).then(|| format!("{}-findings", field.id()))
    };
    let invalid = |field: Field| -> String { (!at(field).is_empty()).to_string() };
    let update = {
        let store = store.clone();
        let draft = draft.clone();
        move |change: fn(&mut Draft, String)| {
            let store = store.clone();
            let draft = draft.clone();
            move |value: String| {
                let mut next = draft.clone();
                change(&mut next, value);
                store.dispatch(Action::UpdateDraft(next));
            }
        }
    };
    let on_domain = {
        let set = update(|d, v| d.domain = v);
        Callback::from(move |e: InputEvent| set(input_value(&e)))
    };
    let on_description = {
        let set = update(|d, v| d.description = v);
        Callback::from(move |e: InputEvent| {
            set(e
                .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                .value())
        })
    };
    let on_partner_type = {
        let set = update(|d, v| {
            d.partner_type = PartnerType::ALL
                .into_iter()
                .find(|t| t.name() == v)
                .unwrap_or(d.partner_type);
        });
        Callback::from(move |e: Event| set(value_of(&e)))
    };
    let on_tls = {
        let set = update(|d, v| d.tls_negotiation = negotiation(&v));
        Callback::from(move |e: Event| set(value_of(&e)))
    };
    let on_sasl = {
        let set = update(|d, v| d.sasl_negotiation = negotiation(&v));
        Callback::from(move |e: Event| set(value_of(&e)))
    };
    let on_dialback = {
        let set = update(|d, v| d.support_dialback_negotiation = v == "true");
        Callback::from(move |e: Event| set(value_of(&e)))
    };
    let on_keep_alive = {
        let set = update(|d, v| d.enable_keep_alive = v == "true");
        Callback::from(move |e: Event| {
            let checked = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            set(checked.to_string())
        })
    };
    let on_limit = {
        let set = update(|d, v| d.connection_limit = v);
        Callback::from(move |e: InputEvent| set(input_value(&e)))
    };
    let on_proxy = {
        let set = update(|d, v| d.proxy_fqdn = v);
        Callback::from(move |e: InputEvent| set(input_value(&e)))
    };
    let on_add_domain = {
        let store = store.clone();
        let draft = draft.clone();
        Callback::from(move |_| {
            let mut next = draft.clone();
            next.additional_domains.push(String::new());
            let field = Field::AdditionalDomain(next.additional_domains.len() - 1);
            store.dispatch(Action::UpdateDraft(next));
            store.dispatch(Action::Focus(field.id()));
        })
    };
    let on_commit = {
        let store = store.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            store.dispatch(Action::Commit);
        })
    };
    let on_cancel = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::CancelDraft))
    };
    let editing = matches!(draft.mode, Mode::Edit { .. });
    let row = MatrixRow::classify(
        draft.tls_negotiation,
        draft.sasl_negotiation,
        draft.support_dialback_negotiation,
    );
    // What each choice would make of the row.
    let option_row = |tls: Negotiation, sasl: Negotiation, dialback: bool| {
        MatrixRow::classify(tls, sasl, dialback).name()
    };
    let title = if editing {
        catalogue::partners::edit_partner(&draft.domain).render(l)
    } else {
        label(catalogue::partners::new_partner, l)
    };
    html! {
        <form class="editor" id="editor" onsubmit={on_commit} novalidate=true
              aria-labelledby="editor-title">
            <div class="pane-head">
                <h2 id="editor-title">{ title }</h2>
                <div class="toolbar">
                    <button type="submit" id="commit" class="primary">{ label(catalogue::partners::partners_commit, l) }</button>
                    <button type="button" id="cancel" onclick={on_cancel}>{ label(catalogue::page::button_cancel, l) }</button>
                </div>
            </div>
            if let Some(CommitOutcome::Refused(codes)) = &store.commit {
                <div class="commit-refused" role="alert" id="commit-refused">
                    <strong>{ label(catalogue::partners::not_saved, l) }</strong>{ " " }{ label(catalogue::partners::see_fields, l) }
                    <span class="codes">{ for codes.iter().map(|code| html! { <code>{ code.as_str() }</code> }) }</span>
                </div>
            }
            <fieldset>
                <legend>{ label(catalogue::partners::editor_partner, l) }</legend>
                <FieldRow field={Field::Domain} label={label(catalogue::partners::primary_domain, l)} diagnostics={at(Field::Domain)}
                          hint={Some(html!{ { label(catalogue::partners::primary_domain_hint, l) } })}>
                    <input id={Field::Domain.id()} type="text" value={draft.domain.clone()} oninput={on_domain}
                           readonly={editing} autocomplete="off" spellcheck="false" placeholder="fabrikam.com"
                           aria-invalid={invalid(Field::Domain)} aria-describedby={described(Field::Domain)} />
                </FieldRow>
                <FieldRow field={Field::Description} label={label(catalogue::partners::partner_description, l)} diagnostics={at(Field::Description)}>
                    <textarea id={Field::Description.id()} rows="2" value={draft.description.clone()} oninput={on_description} />
                </FieldRow>
                <div class="field">
                    <span class="label" id="additional-label">{ label(catalogue::partners::additional_domains, l) }</span>
                    <ul class="domain-list" aria-labelledby="additional-label">
                        { for draft.additional_domains.iter().enumerate().map(|(i, domain)| {
                            let field = Field::AdditionalDomain(i);
                            let found = at(field);
                            let oninput = {
                                let store = store.clone();
                                let draft = draft.clone();
                                Callback::from(move |e: InputEvent| {
                                    let mut next = draft.clone();
                                    if let Some(slot) = next.additional_domains.get_mut(i) {
                                        *slot = input_value(&e);
                                    }
                                    store.dispatch(Action::UpdateDraft(next));
                                })
                            };
                            let remove = {
                                let store = store.clone();
                                let draft = draft.clone();
                                Callback::from(move |_| {
                                    let mut next = draft.clone();
                                    if i < next.additional_domains.len() {
                                        next.additional_domains.remove(i);
                                    }
                                    store.dispatch(Action::UpdateDraft(next));
                                })
                            };
                            html! {
                                <li>
                                    <FieldRow {field} label={catalogue::partners::additional_domain(i + 1).render(l)} diagnostics={found.clone()}>
                                        <div class="with-button">
                                            <input id={field.id()} type="text" value={domain.clone()} {oninput}
                                                   autocomplete="off" spellcheck="false" placeholder="corp.fabrikam.com"
                                                   aria-invalid={(!found.is_empty()).to_string()}
                                                   aria-describedby={(!found.is_empty()).then(|| format!("{}-findings", field.id()))} />
                                            <button type="button" class="ghost" onclick={remove}
                                                    aria-label={catalogue::partners::remove_domain(domain).render(l)}>{ "✕" }</button>
                                        </div>
                                    </FieldRow>
                                </li>
                            }
                        }) }
                    </ul>
                    <button type="button" id="add-domain" onclick={on_add_domain}>{ label(catalogue::partners::add_domain, l) }</button>
                </div>
                <FieldRow field={Field::PartnerType} label={label(catalogue::partners::partner_type, l)} diagnostics={at(Field::PartnerType)}
                          hint={Some(html!{ { draft.partner_type.meaning(l) } })}>
                    <select id={Field::PartnerType.id()} onchange={on_partner_type} aria-describedby={described(Field::PartnerType)}>
                        { for PartnerType::ALL.iter().map(|t| html! {
                            <option value={t.name()} selected={*t == draft.partner_type}>{ t.label(l) }</option>
                        }) }
                    </select>
                </FieldRow>
            </fieldset>
            <fieldset>
                <legend>{ label(catalogue::partners::editor_negotiation, l) }</legend>
                <div class="negotiation-fields">
                    <FieldRow field={Field::Tls} label={label(catalogue::partners::tls_negotiation, l)} diagnostics={at(Field::Tls)}>
                        <select id={Field::Tls.id()} onchange={on_tls} aria-invalid={invalid(Field::Tls)} aria-describedby={described(Field::Tls)}>
                            { for Negotiation::ALL.iter().map(|n| html! {
                                <option value={n.name()} selected={*n == draft.tls_negotiation}>
                                    { format!("{} ({})", n.label(l), option_row(*n, draft.sasl_negotiation, draft.support_dialback_negotiation)) }
                                </option>
                            }) }
                        </select>
                    </FieldRow>
                    <FieldRow field={Field::Sasl} label={label(catalogue::partners::sasl_negotiation, l)} diagnostics={at(Field::Sasl)}>
                        <select id={Field::Sasl.id()} onchange={on_sasl} aria-invalid={invalid(Field::Sasl)} aria-describedby={described(Field::Sasl)}>
                            { for Negotiation::ALL.iter().map(|n| html! {
                                <option value={n.name()} selected={*n == draft.sasl_negotiation}>
                                    { format!("{} ({})", n.label(l), option_row(draft.tls_negotiation, *n, draft.support_dialback_negotiation)) }
                                </option>
                            }) }
                        </select>
                    </FieldRow>
                    <FieldRow field={Field::Dialback} label={label(catalogue::partners::dialback_negotiation, l)} diagnostics={at(Field::Dialback)}>
                        <select id={Field::Dialback.id()} onchange={on_dialback} aria-invalid={invalid(Field::Dialback)} aria-describedby={described(Field::Dialback)}>
                            { for [true, false].iter().map(|&b| html! {
                                <option value={b.to_string()} selected={b == draft.support_dialback_negotiation}>
                                    { format!("{} ({})", if b { label(catalogue::page::value_true, l) } else { label(catalogue::page::value_false, l) },
                                              option_row(draft.tls_negotiation, draft.sasl_negotiation, b)) }
                                </option>
                            }) }
                        </select>
                    </FieldRow>
                </div>
                <RowInfo {row} />
            </fieldset>
            <fieldset>
                <legend>{ label(catalogue::partners::editor_connection, l) }</legend>
                <div class="field checkbox">
                    <input id={Field::KeepAlive.id()} type="checkbox" checked={draft.enable_keep_alive} onchange={on_keep_alive} />
                    <label for={Field::KeepAlive.id()}>{ label(catalogue::partners::keep_alive, l) }</label>
                </div>
                <FieldRow field={Field::ConnectionLimit} label={label(catalogue::partners::connection_limit, l)} diagnostics={at(Field::ConnectionLimit)}
                          hint={Some(html!{ { label(catalogue::partners::connection_limit_hint, l) } })}>
                    <input id={Field::ConnectionLimit.id()} type="text" inputmode="numeric" value={draft.connection_limit.clone()}
                           oninput={on_limit} placeholder="20" aria-invalid={invalid(Field::ConnectionLimit)} aria-describedby={described(Field::ConnectionLimit)} />
                </FieldRow>
                <FieldRow field={Field::ProxyFqdn} label={label(catalogue::partners::proxy_fqdn, l)} diagnostics={at(Field::ProxyFqdn)}>
                    <input id={Field::ProxyFqdn.id()} type="text" value={draft.proxy_fqdn.clone()} oninput={on_proxy}
                           autocomplete="off" spellcheck="false" placeholder="xmpp.fabrikam.com"
                           aria-invalid={invalid(Field::ProxyFqdn)} aria-describedby={described(Field::ProxyFqdn)} />
                </FieldRow>
            </fieldset>
            <DiagnosticList diagnostics={diagnostics.clone()} interactive={true} />
        </form>
    }
}
