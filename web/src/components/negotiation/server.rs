//! The partner's server: a preset (with the server options it stands for and how the simulator
//! knows it) or a policy of the user's own, its certificate, and the domain it speaks for.

use xmpp_federation::s2s::{Certificate, Preset};
use xmpp_federation::{Negotiation, PartnerConfig};
use yew::prelude::*;

use crate::app::use_store;
use crate::catalogue;
use crate::i18n::label;
use crate::state::Action;
use crate::state::setup::Setup;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub partner: PartnerConfig,
}

/// A callback that changes the setup with `change`, given the control's value.
pub fn setter(store: &crate::app::Store, change: fn(&mut Setup, &str)) -> Callback<String> {
    let store = store.clone();
    Callback::from(move |value: String| {
        let mut setup = store.setup.clone();
        change(&mut setup, &value);
        store.dispatch(Action::UpdateSetup(setup));
    })
}

pub fn select_value(event: Event) -> String {
    event
        .target_unchecked_into::<web_sys::HtmlSelectElement>()
        .value()
}

pub fn checked(event: Event) -> String {
    event
        .target_unchecked_into::<web_sys::HtmlInputElement>()
        .checked()
        .to_string()
}

pub fn negotiation(value: &str) -> Negotiation {
    Negotiation::ALL
        .into_iter()
        .find(|n| n.name() == value)
        .unwrap_or(Negotiation::Optional)
}

pub fn certificate(value: &str) -> Certificate {
    Certificate::ALL
        .into_iter()
        .find(|c| c.name() == value)
        .unwrap_or(Certificate::Valid)
}

#[component]
pub fn ServerPicker(props: &Props) -> Html {
    let store = use_store();
    let l = store.language;
    let server = store.setup.server.clone();
    let on_preset = {
        let store = store.clone();
        Callback::from(move |e: Event| {
            let value = select_value(e);
            let preset = Preset::ALL.into_iter().find(|p| p.id() == value);
            store.dispatch(Action::ChoosePreset(preset));
        })
    };
    let on_tls = setter(&store, |s, v| s.server.tls = negotiation(v)).reform(select_value);
    let on_sasl = setter(&store, |s, v| s.server.sasl = negotiation(v)).reform(select_value);
    let on_dialback = setter(&store, |s, v| s.server.dialback = v == "true").reform(checked);
    let on_certificate =
        setter(&store, |s, v| s.server.certificate = certificate(v)).reform(select_value);
    let on_strict = setter(&store, |s, v| {
        s.server.strict_certificate_validation = v == "true"
    })
    .reform(checked);
    let on_domain = setter(&store, |s, v| s.server_domain = v.to_owned()).reform(select_value);
    let on_domain_text =
        setter(&store, |s, v| s.server_domain = v.to_owned()).reform(|e: InputEvent| {
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value()
        });
    let summary = server.preset.map(|p| p.summary_in(l));
    let domains: Vec<String> = props.partner.domains().map(|d| d.to_string()).collect();
    let current_domain = store.setup.server_domain(&props.partner);
    let listed = domains.contains(&current_domain);
    let modified = server.preset.is_some() && !server.is_preset();
    let historical = server.preset.is_some_and(Preset::historical);
    // Each option says how its server is known; services that no longer federate come last, in
    // a group of their own.
    let option = |p: &Preset| {
        let label = format!("{} — {}", p.label_in(l), p.provenance().label(l));
        html! {
            <option value={p.id()} selected={server.preset == Some(*p)}>{ label }</option>
        }
    };
    html! {
        <fieldset class="server">
            <legend>{ label(catalogue::negotiation::partner_server, l) }</legend>
            <div class={classes!("field", historical.then_some("warning"))}>
                <label for="server-preset">{ label(catalogue::negotiation::server_choice, l) }</label>
                <select id="server-preset" onchange={on_preset}>
                    { for Preset::ALL.iter().filter(|p| !p.historical()).map(option) }
                    <optgroup label={label(catalogue::negotiation::historical_presets, l)}>
                        { for Preset::ALL.iter().filter(|p| p.historical()).map(option) }
                    </optgroup>
                    <option value="custom" selected={server.preset.is_none()}>{ label(catalogue::negotiation::custom_policy, l) }</option>
                </select>
                if modified {
                    <p class="hint">{ label(catalogue::negotiation::preset_modified, l) }</p>
                }
            </div>
            if let Some(summary) = &summary {
                <div id="server-provenance" class="provenance">
                    <p>{ label(catalogue::negotiation::known_as, l) }{ " " }<strong>{ summary.provenance.label(l) }</strong></p>
                    <p class="hint">{ summary.known_from.clone() }</p>
                    if summary.historical {
                        <p class="hint"><strong>{ label(catalogue::negotiation::historical_preset, l) }</strong></p>
                    }
                </div>
            }
            if let Some(summary) = summary {
                <details class="server-options">
                    <summary>{ label(catalogue::negotiation::server_options, l) }</summary>
                    <dl>
                        { for summary.options.iter().map(|o| html! {
                            <><dt><code>{ o.name }</code></dt><dd><code>{ o.value }</code></dd></>
                        }) }
                    </dl>
                </details>
            }
            <div class="grid-2">
                <div class="field">
                    <label for="server-tls">{ "TLS" }</label>
                    <select id="server-tls" onchange={on_tls}>
                        { for Negotiation::ALL.iter().map(|n| html! {
                            <option value={n.name()} selected={*n == server.tls}>{ n.label(l) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="server-sasl">{ "SASL EXTERNAL" }</label>
                    <select id="server-sasl" onchange={on_sasl}>
                        { for Negotiation::ALL.iter().map(|n| html! {
                            <option value={n.name()} selected={*n == server.sasl}>{ n.label(l) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="server-certificate">{ label(catalogue::negotiation::server_certificate, l) }</label>
                    <select id="server-certificate" onchange={on_certificate}>
                        { for Certificate::ALL.iter().map(|c| html! {
                            <option value={c.name()} selected={*c == server.certificate}>{ c.label(l) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="server-domain">{ label(catalogue::negotiation::server_domain, l) }</label>
                    <select id="server-domain" onchange={on_domain}>
                        { for domains.iter().map(|d| html! {
                            <option value={d.clone()} selected={*d == current_domain}>{ d }</option>
                        }) }
                        <option value="other.example" selected={!listed}>{ label(catalogue::negotiation::other_domain, l) }</option>
                    </select>
                    if !listed {
                        <input id="server-domain-text" type="text" value={current_domain.clone()} oninput={on_domain_text}
                               aria-label={label(catalogue::negotiation::server_domain, l)} spellcheck="false" />
                    }
                </div>
            </div>
            <div class="field checkbox">
                <input id="server-dialback" type="checkbox" checked={server.dialback} onchange={on_dialback} />
                <label for="server-dialback">{ label(catalogue::negotiation::dialback_enabled, l) }</label>
            </div>
            <div class="field checkbox">
                <input id="server-strict" type="checkbox" checked={server.strict_certificate_validation} onchange={on_strict} />
                <label for="server-strict">{ label(catalogue::negotiation::strict_validation, l) }</label>
            </div>
        </fieldset>
    }
}
