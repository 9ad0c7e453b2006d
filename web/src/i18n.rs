//! The page's own texts are entries of the catalogue (`catalogue/<language>/web/*.ftl`),
//! compiled into `crate::catalogue`. This holds the one helper the components share.

use xmpp_federation::Language;
use xmpp_federation::message::Message;

/// The text of an entry without arguments, such as `label(page::app_title, l)`, in `language`.
///
/// One call per label, rather than building and dropping the message at each of the page's
/// few hundred labels, keeps the WebAssembly small (see tests/web/size.test.mjs).
#[inline(never)]
pub fn label(entry: fn() -> Message, language: Language) -> String {
    entry().render(language)
}
