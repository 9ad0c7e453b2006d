//! The findings about a partner: counts by severity, then each with its code, message and fix.
//! In the editor, clicking one moves the focus to its field.

use xmpp_federation::{LocalizedDiagnostic, Severity};
use yew::prelude::*;

use crate::app::use_store;
use crate::catalogue;
use crate::i18n::label;
use crate::state::Action;
use crate::state::draft::Field;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub diagnostics: Vec<LocalizedDiagnostic>,
    /// Whether clicking a finding focuses its field (in the editor).
    pub interactive: bool,
}

pub fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

#[component]
pub fn DiagnosticList(props: &Props) -> Html {
    let store = use_store();
    let l = store.language;
    let count = |s: Severity| props.diagnostics.iter().filter(|d| d.severity == s).count();
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let summary = catalogue::partners::findings_summary(errors, warnings, infos).render(l);
    html! {
        <section class="diagnostics" aria-labelledby="diagnostics-title" id="diagnostics">
            <h3 id="diagnostics-title">
                { label(catalogue::partners::findings_title, l) }
                <span class="counts" aria-live="polite" id="diagnostic-counts">
                    <span class="counts-text">{ summary }</span>
                </span>
            </h3>
            if props.diagnostics.is_empty() {
                <p class="empty ok">{ label(catalogue::partners::no_findings, l) }</p>
            } else {
                <ul class="diagnostic-list">
                    { for props.diagnostics.iter().map(|d| {
                        let field = Field::from_path(&d.path);
                        let onclick = {
                            let store = store.clone();
                            let interactive = props.interactive;
                            Callback::from(move |_| {
                                if let (true, Some(field)) = (interactive, field) {
                                    store.dispatch(Action::Focus(field.id()));
                                }
                            })
                        };
                        let item = html! {
                            <>
                                <span class={classes!("severity", severity_class(d.severity))}>{ severity_label(d.severity, l) }</span>
                                <code class="code">{ d.code.as_str() }</code>
                                if !d.path.is_empty() { <span class="path">{ &d.path }</span> }
                                <span class="message">{ crate::highlight::message(&d.message) }</span>
                                <span class="help">{ "→ " }{ crate::highlight::message(&d.help) }</span>
                            </>
                        };
                        html! {
                            <li class={classes!("diagnostic", severity_class(d.severity))} data-code={d.code.as_str().to_owned()}>
                                if props.interactive && field.is_some() {
                                    <button type="button" class="diagnostic-button" {onclick}>{ item }</button>
                                } else {
                                    <div>{ item }</div>
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
        </section>
    }
}

pub fn severity_label(severity: Severity, l: xmpp_federation::Language) -> String {
    match severity {
        Severity::Error => label(catalogue::partners::severity_error, l),
        Severity::Warning => label(catalogue::partners::severity_warning, l),
        Severity::Info => label(catalogue::partners::severity_note, l),
    }
}
