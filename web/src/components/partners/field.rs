//! One labelled field of the editor, with its findings right under it.

use xmpp_federation::LocalizedDiagnostic;
use yew::prelude::*;

use super::diagnostics::severity_class;
use crate::state::draft::Field;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub field: Field,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<Html>,
    /// The findings about this field.
    pub diagnostics: Vec<LocalizedDiagnostic>,
    pub children: Html,
}

#[component]
pub fn FieldRow(props: &Props) -> Html {
    let id = props.field.id();
    let worst = props
        .diagnostics
        .iter()
        .map(|d| d.severity)
        .min()
        .map(severity_class);
    html! {
        <div class={classes!("field", worst)}>
            <label for={id.clone()}>{ &props.label }</label>
            { props.children.clone() }
            if let Some(hint) = &props.hint {
                <div class="hint">{ hint.clone() }</div>
            }
            if !props.diagnostics.is_empty() {
                <ul class="field-diagnostics" id={format!("{id}-findings")}>
                    { for props.diagnostics.iter().map(|d| html! {
                        <li class={severity_class(d.severity)}>
                            <code>{ d.code.as_str() }</code>{ " " }{ crate::highlight::message(&d.message) }
                            <span class="help">{ " → " }{ crate::highlight::message(&d.help) }</span>
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}
