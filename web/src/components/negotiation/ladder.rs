//! The ladder: a lane per party, one arrow and card per step, coloured by the sending side.
//! Steps after the current one stay hidden until they are reached.

use std::rc::Rc;

use xmpp_federation::s2s::Party;
use yew::prelude::*;

use super::Played;
use super::step_card::StepCard;
use crate::app::use_store;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub played: Rc<Played>,
}

/// The lanes, left to right.
pub const LANES: [Party; 4] = [
    Party::Dns,
    Party::OurProxy,
    Party::Partner,
    Party::Authoritative,
];

pub fn lane(party: Party) -> usize {
    LANES.iter().position(|p| *p == party).unwrap_or(0)
}

pub fn party_class(party: Party) -> &'static str {
    match party {
        Party::OurProxy => "ours",
        Party::Partner => "partner",
        Party::Authoritative => "authoritative",
        Party::Dns => "dns",
    }
}

#[component]
pub fn Ladder(props: &Props) -> Html {
    let store = use_store();
    let l = store.language;
    let steps = &props.played.localized.steps;
    let current = store.step.min(steps.len());
    let failed = props
        .played
        .localized
        .outcome
        .failure
        .as_ref()
        .map(|f| f.step);
    let scenario = props.played.trace.scenario();
    let name = |party: Party| match party {
        Party::OurProxy => Some(scenario.ours.domain.to_string()),
        Party::Partner => Some(scenario.partner.domain.to_string()),
        Party::Authoritative => props
            .played
            .trace
            .steps()
            .iter()
            .any(|s| s.to() == Party::Authoritative)
            .then(|| match scenario.direction {
                xmpp_federation::s2s::Direction::Outbound => scenario.ours.domain.to_string(),
                xmpp_federation::s2s::Direction::Inbound => scenario.partner.domain.to_string(),
            }),
        Party::Dns => None,
    };
    html! {
        <div class="ladder" id="ladder">
            <div class="lanes" aria-hidden="true">
                { for LANES.iter().map(|party| html! {
                    <div class={classes!("lane-head", party_class(*party))}>
                        <strong>{ party.label(l) }</strong>
                        if let Some(name) = name(*party) { <span>{ name }</span> }
                    </div>
                }) }
            </div>
            <ol class="steps">
                { for steps.iter().filter(|s| current == 0 || s.number <= current).map(|step| html! {
                    <StepCard step={step.clone()} current={step.number == current}
                              failed={Some(step.number) == failed} played={props.played.clone()} />
                }) }
            </ol>
        </div>
    }
}
