//! One step: the arrow between two lanes with its summary, and the card with the XML, the
//! explanation, the setting that caused it and the specification section.

use std::rc::Rc;

use xmpp_federation::s2s::LocalizedStep;
use yew::prelude::*;

use super::Played;
use super::ladder::{lane, party_class};
use super::outcome::FixButton;
use crate::app::use_store;
use crate::browser;
use crate::catalogue;
use crate::highlight;
use crate::i18n::label;
use crate::state::persist;
use crate::state::{Action, NoticeKind};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub step: LocalizedStep,
    pub current: bool,
    /// Not reached yet while stepping: shown dimmed.
    pub future: bool,
    pub failed: bool,
    pub played: Rc<Played>,
    pub lanes: Vec<xmpp_federation::s2s::Party>,
}

#[component]
pub fn StepCard(props: &Props) -> Html {
    let store = use_store();
    let l = store.language;
    let step = &props.step;
    // A card opens when its step becomes the current one (or is the failing one), and its
    // button opens and closes it.
    let open = use_state(|| props.current || (props.failed && !props.future));
    let expanded = !props.future && (*open || props.failed);
    let node = use_node_ref();
    {
        let node = node.clone();
        let open = open.clone();
        use_effect_with(props.current, move |current| {
            if *current {
                open.set(true);
                if let Some(element) = node.cast::<web_sys::Element>() {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    element.scroll_into_view_with_scroll_into_view_options(&options);
                }
            }
        });
    }
    let (from, to) = (lane(&props.lanes, step.from), lane(&props.lanes, step.to));
    let (left, right) = (from.min(to), from.max(to));
    // From lane centre to lane centre: half a lane in from each end of the span.
    let span = right - left + 1;
    let inset = 100.0 / (2.0 * span as f64);
    let span_style = format!("--from: {}; --to: {};", left + 1, right + 2);
    let arrow_style = format!("margin: 0 {inset:.3}%;");
    let toggle = {
        let open = open.clone();
        let store = store.clone();
        let number = step.number;
        let current = props.current;
        Callback::from(move |_| {
            if current {
                open.set(!*open);
            } else {
                open.set(true);
                store.dispatch(Action::Step(number));
            }
        })
    };
    let copy_link = {
        let store = store.clone();
        let number = step.number;
        Callback::from(move |_| {
            let link = format!(
                "{}#{}&step-{number}",
                browser::base_url(),
                persist::encode(&store)
            );
            browser::copy(&link);
            store.dispatch(Action::Notify(
                NoticeKind::Success,
                catalogue::notices::step_link_copied(),
            ));
        })
    };
    let failure = props
        .failed
        .then(|| props.played.localized.outcome.failure.clone())
        .flatten();
    html! {
        <li id={format!("step-{}", step.number)} ref={node}
            class={classes!("step", party_class(step.from), props.current.then_some("current"),
                            props.failed.then_some("failed"), step.encrypted.then_some("encrypted"),
                            props.future.then_some("future"))}
            aria-current={props.current.then_some("step")}>
            <button type="button" class="arrow-row" onclick={toggle} aria-expanded={expanded.to_string()}
                    aria-controls={format!("step-{}-card", step.number)} style={span_style} title={step.summary.clone()}>
                <span class="arrow-label">
                    <span class="number">{ step.number }</span>
                    <span class="visually-hidden">{ format!("{} → {}: ", step.from.label(l), step.to.label(l)) }</span>
                    <span class="label">{ &step.summary }</span>
                    if step.encrypted { <crate::components::icon::Icon name={crate::components::icon::Name::Lock} label={label(catalogue::negotiation::trace_encrypted, l)} /> }
                </span>
                <span class={classes!("arrow", if to >= from { "right" } else { "left" }, (from == to).then_some("self"))}
                      style={arrow_style} aria-hidden="true"></span>
            </button>
            if expanded {
                <div class="card" id={format!("step-{}-card", step.number)}>
                    <div class="card-meta">
                        <span class="phase">{ step.phase.label(l) }</span>
                        <span>{ format!("{} → {}", step.from.label(l), step.to.label(l)) }</span>
                        if let Some(id) = &step.stream_id { <span class="stream-id">{ label(catalogue::negotiation::trace_stream, l) }{ " " }<code>{ id }</code></span> }
                        <span class={classes!("channel", step.encrypted.then_some("encrypted"))}>
                            { if step.encrypted { label(catalogue::negotiation::trace_encrypted, l) } else { label(catalogue::negotiation::trace_plaintext, l) } }
                        </span>
                    </div>
                    if let Some(xml) = &step.xml {
                        <pre class="xml" tabindex="0" aria-label={label(catalogue::negotiation::xml_on_the_wire, l)}><code>{ highlight::xml(xml) }</code></pre>
                    }
                    <p class="explanation">{ &step.explanation }</p>
                    <dl class="card-facts">
                        if let Some(cause) = &step.cause {
                            <dt>{ label(catalogue::negotiation::trace_caused_by, l) }</dt>
                            <dd><code>{ format!("{}={}", cause.name, cause.value) }</code>{ format!(" ({})", cause.side().label(l)) }</dd>
                        }
                        <dt>{ label(catalogue::negotiation::trace_specification, l) }</dt>
                        <dd>{ step.spec }</dd>
                    </dl>
                    if let Some(failure) = failure {
                        <div class="fault" role="alert">
                            <strong>{ label(catalogue::negotiation::trace_at_fault, l) }{ " " }{ failure.fault_label(l) }</strong>
                            { " — " }{ failure.condition.describe(l) }
                            if let Some(fix) = failure.fix { <FixButton {fix} /> }
                        </div>
                    }
                    <button type="button" class="link" onclick={copy_link}>{ label(catalogue::negotiation::copy_step_link, l) }</button>
                </div>
            }
        </li>
    }
}
