//! The 18 rows of the negotiation matrix, computed by the core, with the current settings' row
//! highlighted. Clicking a row loads its settings into the editor.

use xmpp_federation::{MatrixRow, RowVerdict};
use yew::prelude::*;

use crate::app::use_store;
use crate::components::partners::RowInfo;
use crate::i18n::T;
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
    let bool_text = |b: bool| if b { T::True.text(l) } else { T::False.text(l) };
    html! {
        <section class="matrix-page pane">
            <div class="pane-head">
                <h2>{ T::MatrixTitle.text(l) }</h2>
            </div>
            <p class="intro">{ T::MatrixIntro.text(l) }{ " " }{ T::CommonExplained.text(l) }</p>
            if let Some(row) = current { <RowInfo {row} /> }
            <div class="table-scroll">
            <table class="matrix" id="matrix">
                <caption class="visually-hidden">{ T::MatrixTitle.text(l) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ T::Row.text(l) }</th>
                        <th scope="col">{ "TLS" }</th>
                        <th scope="col">{ "SASL" }</th>
                        <th scope="col">{ T::DialbackShort.text(l) }</th>
                        <th scope="col">{ T::Methods.text(l) }</th>
                        <th scope="col">{ T::Verdict.text(l) }</th>
                        <th scope="col">{ T::Note.text(l) }</th>
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
                            RowVerdict::Valid => T::VerdictValid.text(l),
                            RowVerdict::Warning => T::VerdictWarning.text(l),
                            RowVerdict::NotValid => T::VerdictNotValid.text(l),
                        };
                        html! {
                            <tr class={classes!(crate::components::partners::verdict_class(row), is_current.then_some("current"))}
                                tabindex="0" data-row={row.name()} aria-current={is_current.then_some("true")}
                                title={T::LoadRow.text(l)} {onclick} {onkeydown}>
                                <th scope="row">{ row.name() }
                                    if let Some(common) = summary.common { <span class="common">{ format!(" {common}") }</span> }
                                </th>
                                <td>{ summary.tls_negotiation.label(l) }</td>
                                <td>{ summary.sasl_negotiation.label(l) }</td>
                                <td>{ bool_text(summary.support_dialback_negotiation) }</td>
                                <td>{ crate::components::partners::methods_text(summary.expected_methods, l) }</td>
                                <td>
                                    if row.refused_but_negotiable() {
                                        <span class="refused">{ T::MatrixVerdictRefused.text(l) }</span>
                                    } else {
                                        { verdict }
                                        if summary.refused_by_control_panel {
                                            <span class="refused">{ format!(" · {}", T::RefusedByControlPanel.text(l)) }</span>
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
