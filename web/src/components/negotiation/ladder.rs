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

/// The lanes, left to right; the authoritative server's only when a step reaches it.
pub fn lanes(played: &Played) -> Vec<Party> {
    let mut lanes = vec![Party::Dns, Party::OurProxy, Party::Partner];
    if played
        .trace
        .steps()
        .iter()
        .any(|s| s.to() == Party::Authoritative || s.from() == Party::Authoritative)
    {
        lanes.push(Party::Authoritative);
    }
    lanes
}

pub fn lane(lanes: &[Party], party: Party) -> usize {
    lanes.iter().position(|p| *p == party).unwrap_or(0)
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
    let lanes = lanes(&props.played);
    // A vertical line down the middle of each lane.
    let guides: Vec<String> = (0..lanes.len())
        .map(|i| {
            let centre = (i as f64 + 0.5) * 100.0 / lanes.len() as f64;
            format!(
                "linear-gradient(90deg, transparent calc({centre:.3}% - 1px), var(--border) calc({centre:.3}% - 1px), var(--border) {centre:.3}%, transparent {centre:.3}%)"
            )
        })
        .collect();
    let style = format!("--lanes: {};", lanes.len());
    let steps_style = format!("background-image: {};", guides.join(", "));
    html! {
        <div class="ladder" id="ladder" {style}>
            <div class="lanes" aria-hidden="true">
                { for lanes.iter().map(|party| html! {
                    <div class={classes!("lane-head", party_class(*party))}>
                        <strong>{ party.label(l) }</strong>
                        if let Some(name) = name(*party) { <span>{ name }</span> }
                    </div>
                }) }
            </div>
            <ol class="steps" style={steps_style}>
                { for steps.iter().map(|step| html! {
                    <StepCard key={step.number} step={step.clone()} current={step.number == current}
                              future={current != 0 && step.number > current}
                              failed={Some(step.number) == failed} played={props.played.clone()}
                              lanes={lanes.clone()} />
                }) }
            </ol>
        </div>
    }
}
