//! Step back, play, step forward, reset, show all; the arrow keys do the same.

use yew::prelude::*;

use crate::app::use_store;
use crate::catalogue;
use crate::components::icon::{Icon, Name};
use crate::i18n::label;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The number of steps.
    pub steps: usize,
}

#[component]
pub fn Controls(props: &Props) -> Html {
    let store = use_store();
    let l = store.language;
    let n = props.steps;
    let step = store.step.min(n);
    let dispatch = |action: fn() -> Action| {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(action()))
    };
    let back = dispatch(|| Action::Advance(-1));
    let forward = dispatch(|| Action::Advance(1));
    let reset = dispatch(|| Action::Step(1));
    let all = dispatch(|| Action::Step(0));
    let play = {
        let store = store.clone();
        let playing = store.playing;
        Callback::from(move |_| store.dispatch(Action::Play(!playing)))
    };
    let position = if step == 0 {
        catalogue::negotiation::trace_all_steps(n).render(l)
    } else {
        catalogue::negotiation::trace_step_of(step, n).render(l)
    };
    html! {
        <div class="controls" role="toolbar" aria-label={label(catalogue::negotiation::trace_controls, l)}>
            <button type="button" id="step-reset" class="icon" onclick={reset} title={label(catalogue::negotiation::step_first, l)} aria-label={label(catalogue::negotiation::step_first, l)}><Icon name={Name::First} /></button>
            <button type="button" id="step-back" class="icon" onclick={back} disabled={step <= 1} title={label(catalogue::negotiation::trace_step_back, l)} aria-label={label(catalogue::negotiation::trace_step_back, l)}><Icon name={Name::Back} /></button>
            <button type="button" id="play" class="primary icon" onclick={play} aria-pressed={store.playing.to_string()}
                    title={if store.playing { label(catalogue::negotiation::trace_pause, l) } else { label(catalogue::negotiation::trace_play, l) }}
                    aria-label={if store.playing { label(catalogue::negotiation::trace_pause, l) } else { label(catalogue::negotiation::trace_play, l) }}>
                <Icon name={if store.playing { Name::Pause } else { Name::Play }} />
            </button>
            <button type="button" id="step-forward" class="icon" onclick={forward} disabled={step >= n && step != 0} title={label(catalogue::negotiation::trace_step_forward, l)} aria-label={label(catalogue::negotiation::trace_step_forward, l)}><Icon name={Name::Forward} /></button>
            <button type="button" id="step-all" onclick={all} title={label(catalogue::negotiation::trace_show_all, l)}>{ label(catalogue::negotiation::trace_show_all, l) }</button>
            <span class="position" id="step-position" aria-live="polite">{ position }</span>
            <span class="keys hint">{ label(catalogue::negotiation::trace_keys_hint, l) }</span>
        </div>
    }
}
