//! Small services of the browser: downloads, the clipboard, the URL fragment, local storage,
//! the preferred language.

use wasm_bindgen::JsCast;
use xmpp_federation::Language;

/// Offers `text` as a file download.
pub fn download(filename: &str, mime: &str, text: &str) {
    let Some(document) = gloo::utils::window().document() else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(anchor) = document.create_element("a")
        && let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlAnchorElement>()
    {
        anchor.set_href(&url);
        anchor.set_download(filename);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Copies `text` to the clipboard; the promise's result is not awaited.
pub fn copy(text: &str) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    let _ = clipboard.write_text(text);
}

/// The URL fragment without `#`.
pub fn fragment() -> String {
    gloo::utils::window()
        .location()
        .hash()
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_owned()
}

/// Replaces the fragment without adding a history entry.
pub fn set_fragment(fragment: &str) {
    let window = gloo::utils::window();
    if let Ok(history) = window.history() {
        let url = if fragment.is_empty() {
            let location = window.location();
            format!(
                "{}{}",
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            )
        } else {
            format!("#{fragment}")
        };
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The page's address without the fragment.
pub fn base_url() -> String {
    let href = gloo::utils::window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// The language the browser prefers: German for `de*`, English otherwise.
pub fn preferred_language() -> Language {
    gloo::utils::window()
        .navigator()
        .language()
        .and_then(|tag| tag.parse().ok())
        .unwrap_or_default()
}

/// Reads the saved state's text from local storage.
pub fn load(key: &str) -> Option<String> {
    gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()?
        .get_item(key)
        .ok()
        .flatten()
}

/// Writes the saved state's text to local storage; a full or disabled storage is ignored.
pub fn save(key: &str, text: &str) {
    if let Ok(Some(storage)) = gloo::utils::window().local_storage() {
        let _ = storage.set_item(key, text);
    }
}

/// Moves the focus to the element with this id, and scrolls it into view.
pub fn focus(id: &str) {
    if let Some(element) = gloo::utils::document().get_element_by_id(id)
        && let Ok(element) = element.dyn_into::<web_sys::HtmlElement>()
    {
        let _ = element.focus();
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// Sets an attribute of the `<html>` element (`lang`, `data-theme`).
pub fn set_root_attribute(name: &str, value: &str) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute(name, value);
    }
}

/// Whether the arrow keys step through the trace: the focus is on the page itself, in the
/// ladder or on its controls, and not in a field, a menu or the tabs.
pub fn stepping_keys() -> bool {
    let Some(active) = gloo::utils::document().active_element() else {
        return true;
    };
    if matches!(active.tag_name().as_str(), "BODY" | "MAIN") {
        return true;
    }
    active
        .closest("#ladder, .controls")
        .ok()
        .flatten()
        .is_some()
        && !matches!(active.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA")
}
