//! The "XMPP Federated Partners" page: the list, and the editor for New and Edit.

mod diagnostics;
mod editor;
mod field;
mod list;
mod row_info;
mod summary;

use yew::prelude::*;

use crate::app::use_store;

pub use self::diagnostics::severity_class;
pub use self::list::{methods_text, verdict_class};
pub use self::row_info::RowInfo;

#[component]
pub fn PartnersPage() -> Html {
    let store = use_store();
    html! {
        <section class="partners-page">
            <div class="pane list-pane">
                <list::PartnerList />
            </div>
            <div class="pane detail-pane">
                if store.draft.is_some() {
                    <editor::Editor />
                } else {
                    <summary::PartnerSummary />
                }
            </div>
        </section>
    }
}
