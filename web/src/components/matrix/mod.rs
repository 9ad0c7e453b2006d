//! The 18 rows of the negotiation matrix, computed by the core, with the current settings' row
//! highlighted. Clicking a row loads its settings into the editor.

use xmpp_federation::{MatrixRow, RowVerdict};
use yew::prelude::*;

use crate::app::use_store;
use crate::catalogue;
use crate::components::partners::RowInfo;
use crate::i18n::label;
use crate::state::Action;

#[component]
pub fn MatrixPage() -> Html {
    let store = use_store();
    let l = store.language;
    let current = store
        .draft
        .as_ref()
        .map(|d| {
            MatrixRow::classify(
                d.tls_negotiation,
                d.sasl_negotiation,
                d.support_dialback_negotiation,
            )
        })
        .or_else(|| store.selected_partner().map(|p| p.matrix_row()));
    let rows = use_memo(l, |l| MatrixRow::ALL.map(|row| row.summary(*l)));
    let bool_text = |b: bool| {
        if b {
            label(catalogue::page::value_true, l)
        } else {
            label(catalogue::page::value_false, l)
        }
    };
    html! {
        <section class="matrix-page pane">
            <div class="pane-head">
                <h2>{ label(catalogue::matrix::matrix_title, l) }</h2>
            </div>
            <p class="intro">{ label(catalogue::matrix::matrix_intro, l) }{ " " }{ label(catalogue::matrix::common_explained, l) }</p>
            if let Some(row) = current { <RowInfo {row} /> }
            <div class="table-scroll">
            <table class="matrix" id="matrix">
                <caption class="visually-hidden">{ label(catalogue::matrix::matrix_title, l) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ label(catalogue::partners::column_row, l) }</th>
                        <th scope="col">{ "TLS" }</th>
                        <th scope="col">{ "SASL" }</th>
                        <th scope="col">{ label(catalogue::partners::dialback_short, l) }</th>
                        <th scope="col">{ label(catalogue::partners::column_methods, l) }</th>
                        <th scope="col">{ label(catalogue::matrix::column_verdict, l) }</th>
                        <th scope="col">{ label(catalogue::matrix::column_note, l) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().map(|summary| {
                        let row = summary.row;
                        let is_current = current == Some(row);
                        let onclick = {
                            let store = store.clone();
                            Callback::from(move |_| store.dispatch(Action::LoadRow(row)))
                        };
                        let onkeydown = {
                            let store = store.clone();
                            Callback::from(move |e: KeyboardEvent| {
                                if e.key() == "Enter" || e.key() == " " {
                                    e.prevent_default();
                                    store.dispatch(Action::LoadRow(row));
                                }
                            })
                        };
                        let verdict = match summary.verdict {
                            RowVerdict::Valid => label(catalogue::partners::verdict_valid, l),
                            RowVerdict::Warning => label(catalogue::partners::verdict_warning, l),
                            RowVerdict::NotValid => label(catalogue::partners::verdict_not_valid, l),
                        };
                        html! {
                            <tr class={classes!(crate::components::partners::verdict_class(row), is_current.then_some("current"))}
                                tabindex="0" data-row={row.name()} aria-current={is_current.then_some("true")}
                                title={label(catalogue::matrix::load_row, l)} {onclick} {onkeydown}>
                                <th scope="row">{ row.name() }
                                    if let Some(common) = summary.common { <span class="common">{ format!(" {common}") }</span> }
                                </th>
                                <td>{ summary.tls_negotiation.label(l) }</td>
                                <td>{ summary.sasl_negotiation.label(l) }</td>
                                <td>{ bool_text(summary.support_dialback_negotiation) }</td>
                                <td>{ crate::components::partners::methods_text(summary.expected_methods, l) }</td>
                                <td>
                                    if row.refused_but_negotiable() {
                                        <span class="refused">{ label(catalogue::matrix::matrix_verdict_refused, l) }</span>
                                    } else {
                                        { verdict }
                                        if summary.refused_by_control_panel {
                                            <span class="refused">{ format!(" · {}", label(catalogue::partners::refused_by_control_panel, l)) }</span>
                                        }
                                    }
                                </td>
                                <td class="note">{ summary.note.clone() }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            </div>
        </section>
    }
}
