//! Our side and the conditions between the servers: our certificate, the direction, DNS, the
//! authoritative server and the dialback key.

use xmpp_federation::PartnerConfig;
use xmpp_federation::s2s::{Certificate, Direction, DnsRecord};
use yew::prelude::*;

use super::server::{certificate, checked, select_value, setter};
use crate::app::use_store;
use crate::catalogue;
use crate::i18n::label;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub partner: PartnerConfig,
}

fn dns(value: &str) -> DnsRecord {
    DnsRecord::ALL
        .into_iter()
        .find(|r| r.name() == value)
        .unwrap_or(DnsRecord::Srv)
}

#[component]
pub fn Conditions(props: &Props) -> Html {
    let store = use_store();
    let l = store.language;
    let setup = store.setup.clone();
    let on_our_domain =
        setter(&store, |s, v| s.our_domain = v.to_owned()).reform(|e: InputEvent| {
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .value()
        });
    let on_our_certificate =
        setter(&store, |s, v| s.our_certificate = certificate(v)).reform(select_value);
    let on_our_strict = setter(&store, |s, v| {
        s.our_strict_certificate_validation = v == "true"
    })
    .reform(checked);
    let on_direction = setter(&store, |s, v| {
        s.direction = if v == "inbound" {
            Direction::Inbound
        } else {
            Direction::Outbound
        }
    })
    .reform(select_value);
    let on_dns_ours = setter(&store, |s, v| s.dns_ours = dns(v)).reform(select_value);
    let on_dns_partner = setter(&store, |s, v| s.dns_partner = dns(v)).reform(select_value);
    let on_reachable =
        setter(&store, |s, v| s.authoritative_reachable = v == "true").reform(checked);
    let on_key = setter(&store, |s, v| s.dialback_key_verifies = v == "true").reform(checked);
    let server_domain = setup.server_domain(&props.partner);
    let dns_select = |id: &'static str, value: DnsRecord, onchange: Callback<Event>| {
        html! {
            <select {id} {onchange}>
                { for DnsRecord::ALL.iter().map(|r| html! {
                    <option value={r.name()} selected={*r == value}>{ r.label(l) }</option>
                }) }
            </select>
        }
    };
    html! {
        <>
            <fieldset class="ours">
                <legend>{ label(catalogue::negotiation::our_side, l) }</legend>
                <div class="grid-2">
                    <div class="field">
                        <label for="our-domain">{ label(catalogue::negotiation::our_domain, l) }</label>
                        <input id="our-domain" type="text" value={setup.our_domain.clone()} oninput={on_our_domain} spellcheck="false" />
                    </div>
                    <div class="field">
                        <label for="our-certificate">{ label(catalogue::negotiation::edge_certificate, l) }</label>
                        <select id="our-certificate" onchange={on_our_certificate}>
                            { for Certificate::ALL.iter().map(|c| html! {
                                <option value={c.name()} selected={*c == setup.our_certificate}>{ c.label(l) }</option>
                            }) }
                        </select>
                    </div>
                </div>
                <div class="field checkbox">
                    <input id="our-strict" type="checkbox" checked={setup.our_strict_certificate_validation} onchange={on_our_strict} />
                    <label for="our-strict">{ label(catalogue::negotiation::strict_validation, l) }</label>
                </div>
            </fieldset>
            <fieldset class="conditions">
                <legend>{ label(catalogue::negotiation::negotiation_conditions, l) }</legend>
                <div class="field">
                    <label for="direction">{ label(catalogue::negotiation::negotiation_direction, l) }</label>
                    <select id="direction" onchange={on_direction}>
                        { for Direction::ALL.iter().map(|d| html! {
                            <option value={if *d == Direction::Inbound { "inbound" } else { "outbound" }}
                                    selected={*d == setup.direction}>{ d.label(l) }</option>
                        }) }
                    </select>
                </div>
                <div class="grid-2">
                    <div class="field">
                        <label for="dns-ours">{ format!("DNS {}", setup.our_domain) }</label>
                        { dns_select("dns-ours", setup.dns_ours, on_dns_ours) }
                    </div>
                    <div class="field">
                        <label for="dns-partner">{ format!("DNS {server_domain}") }</label>
                        { dns_select("dns-partner", setup.dns_partner, on_dns_partner) }
                    </div>
                </div>
                <div class="field checkbox">
                    <input id="authoritative-reachable" type="checkbox" checked={setup.authoritative_reachable} onchange={on_reachable} />
                    <label for="authoritative-reachable">{ label(catalogue::negotiation::authoritative_reachable, l) }</label>
                </div>
                <div class="field checkbox">
                    <input id="key-verifies" type="checkbox" checked={setup.dialback_key_verifies} onchange={on_key} />
                    <label for="key-verifies">{ label(catalogue::negotiation::key_verifies, l) }</label>
                </div>
            </fieldset>
        </>
    }
}
