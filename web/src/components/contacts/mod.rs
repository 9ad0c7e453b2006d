//! Contact requests by partner type: who can add whom, with the presence subscription stanzas.

use xmpp_federation::Requester;
use xmpp_federation::{PartnerType, simulate_contact};
use yew::prelude::*;

use crate::app::use_store;
use crate::catalogue;
use crate::components::negotiation::ladder_party_class;
use crate::highlight;
use crate::i18n::label;
use crate::state::{Action, ContactSetup};

fn update(store: &crate::app::Store, change: fn(&mut ContactSetup, String)) -> Callback<String> {
    let store = store.clone();
    Callback::from(move |value: String| {
        let mut contact = store.contact.clone();
        change(&mut contact, value);
        store.dispatch(Action::UpdateContact(contact));
    })
}

fn text(e: InputEvent) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>()
        .value()
}

fn checked(e: Event) -> String {
    e.target_unchecked_into::<web_sys::HtmlInputElement>()
        .checked()
        .to_string()
}

#[component]
pub fn ContactsPage() -> Html {
    let store = use_store();
    let l = store.language;
    let Some(partner) = store.selected_partner().cloned() else {
        return html! {
            <section class="contacts-page pane empty-detail">
                <h2>{ label(catalogue::negotiation::no_partner_to_negotiate, l) }</h2>
                <p>{ label(catalogue::negotiation::no_partner_to_negotiate_hint, l) }</p>
            </section>
        };
    };
    let contact = store.contact.clone();
    let on_lync = update(&store, |c, v| c.lync_user = v).reform(text);
    let on_xmpp = update(&store, |c, v| c.xmpp_user = v).reform(text);
    let on_domain = update(&store, |c, v| c.xmpp_domain = v).reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value()
    });
    let on_requester = update(&store, |c, v| {
        c.requester = if v == "lyncUser" {
            Requester::LyncUser
        } else {
            Requester::XmppUser
        };
    })
    .reform(|e: Event| {
        e.target_unchecked_into::<web_sys::HtmlSelectElement>()
            .value()
    });
    let on_access = update(&store, |c, v| c.enable_xmpp_access = v == "true").reform(checked);
    let on_invited = update(&store, |c, v| c.invited_by_lync_user = v == "true").reform(checked);
    let result = store
        .contact_request()
        .map(|r| r.map(|request| simulate_contact(&request, l)));
    let domains: Vec<String> = partner.domains().map(|d| d.to_string()).collect();
    let yes_no = |b: bool| {
        if b {
            label(catalogue::page::answer_yes, l)
        } else {
            label(catalogue::page::answer_no, l)
        }
    };
    html! {
        <section class="contacts-page">
            <div class="pane setup-pane">
                <h2>{ label(catalogue::contacts::contacts_title, l) }</h2>
                <p class="hint">
                    { catalogue::contacts::partner_type_of(&partner.domain).render(l) }{ " " }
                    <strong>{ partner.partner_type.label(l) }</strong>{ ": " }{ partner.partner_type.meaning(l) }
                </p>
                <table class="type-table">
                    <thead><tr><th scope="col">{ label(catalogue::partners::partner_type, l) }</th><th scope="col">{ label(catalogue::contacts::column_meaning, l) }</th></tr></thead>
                    <tbody>
                        { for PartnerType::ALL.iter().map(|t| html! {
                            <tr class={classes!((*t == partner.partner_type).then_some("current"))}>
                                <th scope="row">{ t.label(l) }</th><td>{ t.meaning(l) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
                <div class="grid-2">
                    <div class="field">
                        <label for="lync-user">{ label(catalogue::contacts::lync_user, l) }</label>
                        <input id="lync-user" type="text" value={contact.lync_user.clone()} oninput={on_lync} spellcheck="false" />
                    </div>
                    <div class="field">
                        <label for="xmpp-user">{ label(catalogue::contacts::xmpp_user, l) }</label>
                        <input id="xmpp-user" type="text" value={contact.xmpp_user.clone()} oninput={on_xmpp} spellcheck="false" />
                    </div>
                    <div class="field">
                        <label for="xmpp-domain">{ label(catalogue::contacts::xmpp_domain, l) }</label>
                        <select id="xmpp-domain" onchange={on_domain}>
                            { for domains.iter().map(|d| html! {
                                <option value={d.clone()} selected={contact.xmpp_domain == *d || (contact.xmpp_domain.is_empty() && *d == domains[0])}>{ d }</option>
                            }) }
                            <option value="not-a-partner.example" selected={!contact.xmpp_domain.is_empty() && !domains.contains(&contact.xmpp_domain)}>{ label(catalogue::contacts::not_a_partner, l) }</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="requester">{ label(catalogue::contacts::contact_requester, l) }</label>
                        <select id="requester" onchange={on_requester}>
                            <option value="xmppUser" selected={contact.requester == Requester::XmppUser}>{ label(catalogue::contacts::xmpp_user_adds, l) }</option>
                            <option value="lyncUser" selected={contact.requester == Requester::LyncUser}>{ label(catalogue::contacts::lync_user_adds, l) }</option>
                        </select>
                    </div>
                </div>
                <div class="field checkbox">
                    <input id="xmpp-access" type="checkbox" checked={contact.enable_xmpp_access} onchange={on_access} />
                    <label for="xmpp-access">{ label(catalogue::contacts::enable_xmpp_access, l) }</label>
                </div>
                <div class="field checkbox">
                    <input id="invited" type="checkbox" checked={contact.invited_by_lync_user} onchange={on_invited} />
                    <label for="invited">{ label(catalogue::contacts::invited_first, l) }</label>
                </div>
            </div>
            <div class="pane trace-pane">
                { match result {
                    None => html! {},
                    Some(Err(message)) => html! { <div class="setup-error" role="alert"><p>{ message }</p></div> },
                    Some(Ok(trace)) => html! {
                        <>
                            <div class={classes!("outcome", if trace.outcome.approved { "established" } else { "failed" })} id="contact-outcome" role="status">
                                <div class="outcome-head">
                                    <strong class="headline">{ if trace.outcome.approved { label(catalogue::contacts::contact_approved, l) } else { label(catalogue::contacts::contact_not_approved, l) } }</strong>
                                    <span class="pill">{ label(catalogue::contacts::contact_presence_visible, l) }{ ": " }{ yes_no(trace.outcome.presence_visible) }</span>
                                    <span class="pill">{ label(catalogue::contacts::contact_status_notes, l) }{ ": " }{ yes_no(trace.outcome.status_notes_visible) }</span>
                                    <span class="pill">{ label(catalogue::contacts::contact_messages, l) }{ ": " }{ yes_no(trace.outcome.messages_allowed) }</span>
                                </div>
                                <p class="verdict">{ &trace.explanation }</p>
                            </div>
                            <ol class="stanzas">
                                { for trace.steps.iter().map(|step| html! {
                                    <li class={classes!("stanza", ladder_party_class(step.from))}>
                                        <div class="card-meta">
                                            <span class="number">{ step.number }</span>
                                            <span>{ format!("{} → {}", step.from.label(l), step.to.label(l)) }</span>
                                            <span class="spec">{ step.spec }</span>
                                        </div>
                                        <p>{ &step.summary }</p>
                                        <pre class="xml"><code>{ highlight::xml(&step.xml) }</code></pre>
                                    </li>
                                }) }
                            </ol>
                        </>
                    },
                } }
            </div>
        </section>
    }
}
