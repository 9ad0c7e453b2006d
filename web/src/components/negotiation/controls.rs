//! Step back, play, step forward, reset, show all; the arrow keys do the same.

use yew::prelude::*;

use crate::app::use_store;
use crate::components::icon::{Icon, Name};
use crate::i18n::T;
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
        T::AllSteps.text(l).replace("{}", &n.to_string())
    } else {
        T::StepOf
            .text(l)
            .replacen("{}", &step.to_string(), 1)
            .replacen("{}", &n.to_string(), 1)
    };
    html! {
        <div class="controls" role="toolbar" aria-label={T::TraceControls.text(l)}>
            <button type="button" id="step-reset" class="icon" onclick={reset} title={T::Reset.text(l)} aria-label={T::Reset.text(l)}><Icon name={Name::First} /></button>
            <button type="button" id="step-back" class="icon" onclick={back} disabled={step <= 1} title={T::StepBack.text(l)} aria-label={T::StepBack.text(l)}><Icon name={Name::Back} /></button>
            <button type="button" id="play" class="primary icon" onclick={play} aria-pressed={store.playing.to_string()}
                    title={if store.playing { T::Pause.text(l) } else { T::Play.text(l) }}
                    aria-label={if store.playing { T::Pause.text(l) } else { T::Play.text(l) }}>
                <Icon name={if store.playing { Name::Pause } else { Name::Play }} />
            </button>
            <button type="button" id="step-forward" class="icon" onclick={forward} disabled={step >= n && step != 0} title={T::StepForward.text(l)} aria-label={T::StepForward.text(l)}><Icon name={Name::Forward} /></button>
            <button type="button" id="step-all" onclick={all} title={T::ShowAll.text(l)}>{ T::ShowAll.text(l) }</button>
            <span class="position" id="step-position" aria-live="polite">{ position }</span>
            <span class="keys hint">{ T::KeysHint.text(l) }</span>
        </div>
    }
}
