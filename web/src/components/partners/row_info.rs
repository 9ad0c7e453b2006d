//! Where a partner's negotiation settings fall in the matrix: the row, the methods it allows,
//! and the matrix's verdict and note.

use xmpp_federation::{MatrixRow, RowVerdict};
use yew::prelude::*;

use super::list::{methods_text, verdict_class};
use crate::app::use_store;
use crate::catalogue;
use crate::i18n::label;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub row: MatrixRow,
}

#[component]
pub fn RowInfo(props: &Props) -> Html {
    let store = use_store();
    let l = store.language;
    let summary = props.row.summary(l);
    let verdict = match summary.verdict {
        RowVerdict::Valid => label(catalogue::partners::verdict_valid, l),
        RowVerdict::Warning => label(catalogue::partners::verdict_warning, l),
        RowVerdict::NotValid => label(catalogue::partners::verdict_not_valid, l),
    };
    html! {
        <div class={classes!("row-info", verdict_class(props.row))} id="row-info">
            <div class="row-info-head">
                <span class={classes!("row-badge", verdict_class(props.row))}>{ props.row.name() }</span>
                <strong>{ methods_text(summary.expected_methods, l) }</strong>
                <span class="verdict">{ verdict }</span>
                if let Some(common) = summary.common {
                    <span class="common" title={label(catalogue::partners::common_configuration, l)}>{ common }</span>
                }
                if summary.refused_by_control_panel {
                    <span class="refused">{ label(catalogue::partners::refused_by_control_panel, l) }</span>
                }
            </div>
            <p class="note">{ summary.note }</p>
        </div>
    }
}
