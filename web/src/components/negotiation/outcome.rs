//! The outcome banner: established with which method, encryption and XEP-0238 level; or where
//! it failed, who is at fault, and the one-click fix.

use std::rc::Rc;

use xmpp_federation::s2s::{FederationLevel, Fix};
use yew::prelude::*;

use super::Played;
use crate::app::use_store;
use crate::catalogue;
use crate::i18n::label;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub played: Rc<Played>,
}

#[derive(Properties, PartialEq)]
pub struct FixProps {
    pub fix: Fix,
}

/// "Apply fix": changes the setting and plays the negotiation again.
#[component]
pub fn FixButton(props: &FixProps) -> Html {
    let store = use_store();
    let l = store.language;
    let change = props.fix.change.clone();
    let onclick = {
        let store = store.clone();
        let change = change.clone();
        Callback::from(move |_| store.dispatch(Action::ApplyFix(change.clone())))
    };
    html! {
        <button type="button" class="primary apply-fix" {onclick}>
            { label(catalogue::negotiation::apply_fix, l) }{ ": " }
            <code>{ format!("{}={}", change.name, change.value) }</code>
            { format!(" ({}) → {}", change.side().label(l), props.fix.method.label(l)) }
        </button>
    }
}

fn level_class(level: FederationLevel) -> &'static str {
    match level {
        FederationLevel::Verified => "verified",
        FederationLevel::Encrypted => "encrypted",
        FederationLevel::Trusted => "trusted",
    }
}

#[component]
pub fn OutcomeBanner(props: &Props) -> Html {
    let store = use_store();
    let l = store.language;
    let outcome = &props.played.localized.outcome;
    let (class, headline) = if outcome.established {
        (
            "established",
            label(catalogue::negotiation::playground_established, l),
        )
    } else {
        (
            "failed",
            label(catalogue::negotiation::playground_failed, l),
        )
    };
    html! {
        <div class={classes!("outcome", class)} id="outcome" role="status" tabindex="-1">
            <div class="outcome-head">
                <strong class="headline">{ headline }</strong>
                if let Some(method) = outcome.method {
                    <span class="pill method">{ method.label(l) }</span>
                }
                <span class={classes!("pill", outcome.encrypted.then_some("encrypted"))}>
                    { if outcome.encrypted { label(catalogue::negotiation::trace_encrypted, l) } else { label(catalogue::negotiation::trace_plaintext, l) } }
                </span>
                if outcome.established {
                    <span class="pill">{ if outcome.authenticated { label(catalogue::negotiation::certificate_authenticated, l) } else { label(catalogue::negotiation::domain_verified, l) } }</span>
                }
                if let Some(level) = outcome.level {
                    <span class={classes!("pill", "level", level_class(level))} title="XEP-0238">
                        { label(catalogue::negotiation::federation_level, l) }{ ": " }{ level.label(l) }
                    </span>
                }
            </div>
            <p class="verdict" id="verdict">{ &props.played.localized.verdict }</p>
            if let Some(failure) = &outcome.failure {
                <div class="failure">
                    <a href={format!("#step-{}", failure.step)} class="link"
                       onclick={{ let store = store.clone(); let step = failure.step;
                                  Callback::from(move |e: MouseEvent| { e.prevent_default(); store.dispatch(Action::Step(step)); }) }}>
                        { catalogue::negotiation::go_to_step(failure.step).render(l) }
                    </a>
                    { " · " }{ label(catalogue::negotiation::trace_at_fault, l) }{ " " }<strong id="fault">{ failure.fault_label(l) }</strong>
                    if let Some(fix) = failure.fix.clone() {
                        <FixButton {fix} />
                    } else {
                        <span class="hint">{ label(catalogue::negotiation::no_single_fix, l) }</span>
                    }
                </div>
            }
        </div>
    }
}
