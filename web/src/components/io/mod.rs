//! Import and export: JSON, XML and PowerShell (and `Format-List` text on import), by paste,
//! file picker or download; and the PowerShell of the selected partner.

use std::rc::Rc;

use gloo::file::File;
use gloo::file::callbacks::FileReader;
use xmpp_federation::message::Message;
use xmpp_federation::{
    Directory, Document, Format, GatewayConfig, Language, LocalizedDiagnostic, ReadError, Severity,
    decode,
};
use yew::prelude::*;

use crate::app::use_store;
use crate::browser;
use crate::catalogue;
use crate::i18n::label;
use crate::state::admit::{Refused, admit, export_refusals};
use crate::state::{Action, NoticeKind};

/// What was given to read: a pasted or chosen document's text, or a file that is not text.
/// What reading it gives is worked out when the page is drawn, in the page's language.
#[derive(Debug, Clone, PartialEq)]
enum Input {
    Text(Rc<str>),
    /// Neither UTF-8 nor UTF-16.
    Undecodable(ReadError),
    /// The browser could not read the file; its own message.
    Unreadable(String),
}

/// What reading a pasted or chosen document gave.
#[derive(Debug, Clone, PartialEq)]
enum Read {
    Failed(String),
    Ready {
        format: Format,
        directory: Rc<Directory>,
        entries: usize,
        errors: usize,
        warnings: usize,
        /// The errors and warnings, with where they are.
        findings: Rc<Vec<LocalizedDiagnostic>>,
        /// The partners Commit would refuse: while there is one, nothing is imported.
        refused: Rc<Vec<Refused>>,
    },
}

/// Partners Commit would refuse, each with where it is, its row and the fix.
fn refusals(id: &'static str, intro: fn() -> Message, refused: &[Refused], l: Language) -> Html {
    html! {
        <div class="setup-error" role="alert" {id}>
            <strong>{ label(intro, l) }</strong>
            <ul>{ for refused.iter().map(|r| html! { <li data-domain={r.name.clone()}>{ r.text(l) }</li> }) }</ul>
        </div>
    }
}

/// The format's name as people write it.
fn format_name(format: Format) -> &'static str {
    match format {
        Format::Json => "JSON",
        Format::Xml => "XML",
        Format::PowerShell => "PowerShell",
        Format::FormatList => "Format-List",
        _ => format.name(),
    }
}

fn read(text: &str, language: Language) -> Read {
    match Document::parse_detected(text) {
        Err(error) => Read::Failed(match error.position() {
            Some(p) => format!(
                "{}: {}",
                catalogue::transfer::document_line(p.line).render(language),
                error.message(language)
            ),
            None => error.message(language),
        }),
        Ok(document) => {
            let report = document.validate();
            let count = |s: Severity| report.diagnostics().filter(|d| d.severity() == s).count();
            let findings = report
                .diagnostics()
                .filter(|d| d.severity() != Severity::Info)
                .map(|d| d.localize(language))
                .collect();
            // An import is one commit of the whole list, under the same rules.
            let (directory, refused) = admit(&document, language);
            Read::Ready {
                format: document.format(),
                directory: Rc::new(directory),
                refused: Rc::new(refused),
                entries: document.len(),
                errors: count(Severity::Error),
                warnings: count(Severity::Warning),
                findings: Rc::new(findings),
            }
        }
    }
}

#[component]
pub fn TransferPage() -> Html {
    let store = use_store();
    let l = store.language;
    let pasted = use_state(String::new);
    let input = use_state(|| None::<Input>);
    let result = use_memo(((*input).clone(), l), |(input, l)| {
        input.as_ref().map(|input| match input {
            Input::Text(text) => read(text, *l),
            Input::Undecodable(error) => Read::Failed(error.message(*l)),
            Input::Unreadable(message) => Read::Failed(message.clone()),
        })
    });
    let reader = use_mut_ref(|| None::<FileReader>);
    let export_format = use_state(|| Format::PowerShell);
    let confirming = use_state(|| false);

    let on_paste = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| {
            pasted.set(
                e.target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                    .value(),
            );
        })
    };
    let on_read = {
        let pasted = pasted.clone();
        let input = input.clone();
        Callback::from(move |_| input.set(Some(Input::Text(pasted.as_str().into()))))
    };
    let on_file = {
        let input = input.clone();
        let pasted = pasted.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let picker = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let Some(file) = picker.files().and_then(|files| files.get(0)) else {
                return;
            };
            let file = File::from(file);
            let input = input.clone();
            let pasted = pasted.clone();
            // Read as bytes: the core decodes UTF-8 and UTF-16 (Format-List files from Windows).
            let task = gloo::file::callbacks::read_as_bytes(&file, move |bytes| match bytes {
                Ok(bytes) => match decode(&bytes) {
                    Ok(text) => {
                        input.set(Some(Input::Text(text.as_str().into())));
                        pasted.set(text);
                    }
                    Err(error) => input.set(Some(Input::Undecodable(error))),
                },
                Err(error) => input.set(Some(Input::Unreadable(error.to_string()))),
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let on_ask = {
        let confirming = confirming.clone();
        Callback::from(move |_| confirming.set(true))
    };
    let on_replace = {
        let store = store.clone();
        let input = input.clone();
        let result = result.clone();
        let confirming = confirming.clone();
        Callback::from(move |_| {
            confirming.set(false);
            if let Some(Read::Ready {
                directory, refused, ..
            }) = (*result).clone()
                && refused.is_empty()
            {
                let message = catalogue::notices::notice_imported(directory.partners().len());
                store.dispatch(Action::Replace((*directory).clone(), message));
                input.set(None);
            }
        })
    };
    // An export is refused, as the command-line tool refuses one, while Commit would refuse a
    // partner of the list.
    let export_refused = export_refusals(&store.directory, l);
    let exported = match *export_format {
        _ if !export_refused.is_empty() => String::new(),
        Format::Json => store.directory.to_json(),
        Format::Xml => store.directory.to_xml(),
        _ => store.directory.to_powershell(),
    };
    let (file_name, mime) = match *export_format {
        Format::Json => ("xmpp-partners.json", "application/json"),
        Format::Xml => ("xmpp-partners.xml", "application/xml"),
        _ => ("xmpp-partners.ps1", "text/plain"),
    };
    let on_format = {
        let export_format = export_format.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            export_format.set(match value.as_str() {
                "json" => Format::Json,
                "xml" => Format::Xml,
                _ => Format::PowerShell,
            });
        })
    };
    let on_download = {
        let text = exported.clone();
        Callback::from(move |_| browser::download(file_name, mime, &text))
    };
    let on_copy = {
        let text = exported.clone();
        let store = store.clone();
        Callback::from(move |_| {
            browser::copy(&text);
            store.dispatch(Action::Notify(
                NoticeKind::Success,
                catalogue::notices::notice_copied(),
            ));
        })
    };
    let selected_powershell = store
        .selected_partner()
        .filter(|p| !export_refused.iter().any(|r| r.name == p.domain.as_str()))
        .map(|partner| {
            Directory::from_partners(GatewayConfig::default(), vec![partner.clone()])
                .to_powershell()
        });
    let on_copy_partner = {
        let store = store.clone();
        let text = selected_powershell.clone().unwrap_or_default();
        Callback::from(move |_| {
            browser::copy(&text);
            store.dispatch(Action::Notify(
                NoticeKind::Success,
                catalogue::notices::notice_copied(),
            ));
        })
    };
    html! {
        <section class="transfer-page">
            <div class="pane">
                <h2>{ label(catalogue::transfer::import_title, l) }</h2>
                <p class="hint">{ label(catalogue::transfer::import_hint, l) }</p>
                <div class="field">
                    <label for="import-text">{ label(catalogue::transfer::import_paste, l) }</label>
                    <textarea id="import-text" class="code" rows="10" spellcheck="false" value={(*pasted).clone()} oninput={on_paste}
                              placeholder={"New-CsXmppAllowedPartner -Identity \"fabrikam.com\" -SaslNegotiation Optional"} />
                </div>
                <div class="toolbar">
                    <button type="button" id="import-read" class="primary" onclick={on_read}>{ label(catalogue::transfer::import_read, l) }</button>
                    <label class="file-button">
                        <input id="import-file" type="file" accept=".json,.xml,.ps1,.txt" onchange={on_file} />
                        <span>{ label(catalogue::transfer::import_choose_file, l) }</span>
                    </label>
                </div>
                { match (*result).clone() {
                    None => html! {},
                    Some(Read::Failed(message)) => html! {
                        <div class="setup-error" role="alert" id="import-result"><strong>{ label(catalogue::transfer::import_unreadable, l) }</strong><p>{ message }</p></div>
                    },
                    Some(Read::Ready { format, directory, entries, errors, warnings, findings, refused }) => html! {
                        <div class="import-result" id="import-result" role="status">
                            <p>{ catalogue::transfer::import_read_as(format_name(format)).render(l) }</p>
                            <p>{ catalogue::transfer::import_counts(entries, errors, warnings).render(l) }</p>
                            if !refused.is_empty() {
                                { refusals("import-refused", catalogue::transfer::import_refused, &refused, l) }
                            }
                            if !findings.is_empty() {
                                <ul class="import-findings">
                                    { for findings.iter().take(50).map(|d| html! {
                                        <li class={crate::components::partners::severity_class(d.severity)}>
                                            if let Some(p) = d.position { <span class="where">{ catalogue::transfer::document_line(p.line).render(l) }</span> }
                                            <code>{ d.code.as_str() }</code>{ " " }<span class="path">{ &d.path }</span>{ " " }
                                            { crate::highlight::message(&d.message) }
                                        </li>
                                    }) }
                                </ul>
                            }
                            if *confirming {
                                <div class="confirm" role="alertdialog" aria-labelledby="confirm-replace-text">
                                    <p id="confirm-replace-text">{ catalogue::transfer::import_confirm_replace(store.directory.partners().len()).render(l) }</p>
                                    <button type="button" id="import-confirm" class="primary" onclick={on_replace}>
                                        { catalogue::transfer::import_replace_list(directory.partners().len()).render(l) }
                                    </button>
                                    <button type="button" onclick={{ let confirming = confirming.clone(); Callback::from(move |_| confirming.set(false)) }}>{ label(catalogue::page::button_cancel, l) }</button>
                                </div>
                            } else {
                                <button type="button" id="import-replace" class="primary" onclick={on_ask}
                                        disabled={directory.partners().is_empty() || !refused.is_empty()}>
                                    { catalogue::transfer::import_replace_list(directory.partners().len()).render(l) }
                                </button>
                            }
                        </div>
                    },
                } }
            </div>
            <div class="pane">
                <h2>{ label(catalogue::transfer::export_title, l) }</h2>
                <div class="toolbar">
                    <label for="export-format">{ label(catalogue::transfer::export_format, l) }</label>
                    <select id="export-format" onchange={on_format}>
                        <option value="powershell" selected={*export_format == Format::PowerShell}>{ "PowerShell" }</option>
                        <option value="json" selected={*export_format == Format::Json}>{ "JSON" }</option>
                        <option value="xml" selected={*export_format == Format::Xml}>{ "XML" }</option>
                    </select>
                    <button type="button" id="export-download" onclick={on_download} disabled={!export_refused.is_empty()}>{ label(catalogue::transfer::export_download, l) }</button>
                    <button type="button" id="export-copy" onclick={on_copy} disabled={!export_refused.is_empty()}>{ label(catalogue::transfer::export_copy, l) }</button>
                </div>
                if !export_refused.is_empty() {
                    { refusals("export-refused", catalogue::transfer::export_refused, &export_refused, l) }
                }
                <textarea id="export-text" class="code" rows="14" readonly=true spellcheck="false" value={exported}
                          aria-label={label(catalogue::transfer::export_title, l)} />
                if let Some(powershell) = selected_powershell {
                    <h3>{ label(catalogue::transfer::selected_power_shell, l) }</h3>
                    <pre class="code" id="selected-powershell"><code>{ powershell }</code></pre>
                    <button type="button" id="copy-powershell" onclick={on_copy_partner}>{ label(catalogue::transfer::copy_power_shell, l) }</button>
                }
            </div>
        </section>
    }
}
