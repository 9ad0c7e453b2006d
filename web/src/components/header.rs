//! The header: the product, the language switch, the theme toggle and the share link.

use xmpp_federation::Language;
use yew::prelude::*;

use crate::app::use_store;
use crate::browser;
use crate::catalogue;
use crate::components::icon::{Icon, Name};
use crate::i18n::label;
use crate::state::persist;
use crate::state::{Action, NoticeKind, Theme};

#[component]
pub fn Header() -> Html {
    let store = use_store();
    let l = store.language;
    let on_language = {
        let store = store.clone();
        Callback::from(move |event: Event| {
            let value = event
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            if let Ok(language) = value.parse::<Language>() {
                store.dispatch(Action::SetLanguage(language));
            }
        })
    };
    let on_theme = {
        let store = store.clone();
        Callback::from(move |_| store.dispatch(Action::SetTheme(store.theme.next())))
    };
    let on_share = {
        let store = store.clone();
        Callback::from(move |_| {
            let link = format!("{}#{}", browser::base_url(), persist::encode(&store));
            browser::copy(&link);
            store.dispatch(Action::Notify(
                NoticeKind::Success,
                catalogue::notices::link_copied(),
            ));
        })
    };
    let theme_label = match store.theme {
        Theme::System => catalogue::page::theme_system(),
        Theme::Light => catalogue::page::theme_light(),
        Theme::Dark => catalogue::page::theme_dark(),
    };
    let theme_label = catalogue::page::theme_label(theme_label).render(l);
    html! {
        <header class="header">
            <div class="brand">
                <svg class="logo" viewBox="0 0 32 32" aria-hidden="true">
                    <circle cx="8" cy="16" r="5" />
                    <circle cx="24" cy="16" r="5" />
                    <path d="M13 14h6M13 18h6" />
                </svg>
                <div>
                    <h1>{ label(catalogue::page::app_title, l) }</h1>
                    <p class="tagline">{ label(catalogue::page::app_tagline, l) }</p>
                </div>
            </div>
            <div class="header-tools">
                <label class="compact">
                    <span class="visually-hidden">{ label(catalogue::page::language_label, l) }</span>
                    <select id="language" onchange={on_language} aria-label={label(catalogue::page::language_label, l)}>
                        <option value="en" selected={l == Language::English}>{ "English" }</option>
                        <option value="de" selected={l == Language::German}>{ "Deutsch" }</option>
                    </select>
                </label>
                <button type="button" class="ghost" id="theme" onclick={on_theme}
                        aria-label={theme_label.clone()} title={theme_label}>
                    <Icon name={match store.theme { Theme::System => Name::System, Theme::Light => Name::Sun, Theme::Dark => Name::Moon }} />
                </button>
                <button type="button" class="primary" id="share" onclick={on_share}>
                    { label(catalogue::page::share_link, l) }
                </button>
            </div>
        </header>
    }
}
