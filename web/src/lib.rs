//! The playground: configure XMPP federated partners, see what the validator says, and watch
//! the server-to-server negotiation with a partner's server step by step.
//!
//! Every rule and every domain text comes from the core (`xmpp-federation`); this crate holds
//! the state (a reducer) and the page's components (one per file, in folders that mirror the page).
//! The page's own texts come from the catalogue (`catalogue/<language>/web/*.ftl`), compiled into
//! `catalogue/`.

#![forbid(unsafe_code)]

mod app;
mod browser;
mod catalogue;
mod components;
mod highlight;
mod i18n;
pub mod state;

/// Renders the playground into the page's `#app` element (or the body when there is none).
pub fn start() {
    // The page has a root of its own, next to the boot screen that boot.js removes.
    match gloo::utils::document().get_element_by_id("app") {
        Some(root) => yew::Renderer::<app::App>::with_root(root).render(),
        None => yew::Renderer::<app::App>::new().render(),
    };
}

#[cfg(test)]
mod tests {
    /// Every text of the page exists in every language, with the same placeholders.
    #[test]
    fn every_text_of_the_page_exists_in_every_language() {
        assert_eq!(
            xmpp_federation::message::check(crate::catalogue::ENTRIES),
            Ok(())
        );
    }
}
