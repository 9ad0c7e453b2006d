//! The negotiation: the partner's server and the conditions on one side, the trace as a ladder
//! between our XMPP proxy, the partner's server, its authoritative server and DNS on the other.

mod conditions;
mod controls;
mod export;
mod ladder;
mod outcome;
mod server;
mod step_card;

use std::rc::Rc;

use xmpp_federation::s2s::{LocalizedTrace, Trace, simulate};
use yew::prelude::*;

use crate::app::use_store;
use crate::catalogue;
use crate::i18n::label;
use crate::state::Action;

pub use self::ladder::party_class as ladder_party_class;

/// The trace and its texts in the page's language, shared by the parts of the page.
#[derive(Debug, PartialEq)]
pub struct Played {
    pub trace: Trace,
    pub localized: LocalizedTrace,
}

#[component]
pub fn NegotiationPage() -> Html {
    let store = use_store();
    let l = store.language;
    let scenario = store.scenario();
    let played = use_memo((scenario.clone(), l), |(scenario, l)| {
        scenario
            .as_ref()
            .and_then(|s| s.as_ref().ok())
            .map(|scenario| {
                let trace = simulate(scenario);
                let localized = trace.localize(*l);
                Rc::new(Played { trace, localized })
            })
    });
    let Some((partner, from_draft)) = store.negotiated_partner() else {
        return html! {
            <section class="negotiation-page empty-detail">
                <h2>{ label(catalogue::negotiation::no_partner_to_negotiate, l) }</h2>
                <p>{ label(catalogue::negotiation::no_partner_to_negotiate_hint, l) }</p>
            </section>
        };
    };
    let on_partner = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            store.dispatch(Action::Select(value));
        })
    };
    let selected = store.selected.clone().unwrap_or_default();
    html! {
        <section class="negotiation-page" aria-labelledby="negotiation-title">
            <h2 id="negotiation-title" class="visually-hidden">{ label(catalogue::partners::editor_negotiation, l) }</h2>
            <div class="pane setup-pane">
                <div class="field">
                    <label for="negotiated-partner">{ label(catalogue::negotiation::partner_entry, l) }</label>
                    <select id="negotiated-partner" onchange={on_partner}>
                        { for store.directory.partners().iter().map(|p| html! {
                            <option value={p.domain.to_string()} selected={p.domain.as_str() == selected}>
                                { p.domain.unicode() }
                            </option>
                        }) }
                    </select>
                    if from_draft {
                        <p class="hint draft-note">{ catalogue::negotiation::using_draft(&partner.domain).render(l) }</p>
                    }
                </div>
                <server::ServerPicker partner={partner.clone()} />
                <conditions::Conditions partner={partner.clone()} />
            </div>
            <div class="pane trace-pane">
                { match (&scenario, (*played).clone()) {
                    (Some(Err(error)), _) => html! {
                        <div class="setup-error" role="alert">
                            <strong>{ label(catalogue::negotiation::scenario_incomplete, l) }</strong>
                            <p>{ &error.message }</p>
                        </div>
                    },
                    (_, Some(played)) => html! {
                        <>
                            <outcome::OutcomeBanner played={played.clone()} />
                            <controls::Controls steps={played.localized.steps.len()} />
                            <ladder::Ladder played={played.clone()} />
                            <export::Export played={played} />
                        </>
                    },
                    _ => html! {},
                } }
            </div>
        </section>
    }
}
