//! The playground's state and the reducer that changes it. Every rule is the core's: the state
//! only holds what the user entered and asks the core what it means.

pub mod admit;
pub mod draft;
pub mod persist;
pub mod setup;

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use xmpp_federation::message::{Arg, Message};
use xmpp_federation::s2s::{Scenario, Setting, Side};
use xmpp_federation::{
    ADMIN_GROUP, Change, Code, CommitError, ContactRequest, Directory, Document, Format, Language,
    LocalizedDiagnostic, MatrixRow, PartnerConfig, Principal, Requester,
};
use yew::Reducible;

use self::draft::{Draft, DraftCheck, Field};
use self::setup::{Server, Setup, SetupError};
use crate::catalogue::notices;

/// The example directory loaded on first start.
pub const EXAMPLE: &str = include_str!("../../../examples/playground-partners.json");

/// The sections of the page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Section {
    #[default]
    Partners,
    Negotiation,
    Matrix,
    Contacts,
    Transfer,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Partners,
        Section::Negotiation,
        Section::Matrix,
        Section::Contacts,
        Section::Transfer,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Section::Partners => "partners",
            Section::Negotiation => "negotiation",
            Section::Matrix => "matrix",
            Section::Contacts => "contacts",
            Section::Transfer => "transfer",
        }
    }
}

/// The colour theme: the system's, or chosen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }
}

/// A contact request as the playground edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactSetup {
    pub lync_user: String,
    pub xmpp_user: String,
    /// The XMPP user's domain; empty for the partner's primary domain.
    pub xmpp_domain: String,
    pub requester: Requester,
    pub enable_xmpp_access: bool,
    pub invited_by_lync_user: bool,
}

impl Default for ContactSetup {
    fn default() -> Self {
        ContactSetup {
            lync_user: "alice".into(),
            xmpp_user: "bob".into(),
            xmpp_domain: String::new(),
            requester: Requester::XmppUser,
            enable_xmpp_access: true,
            invited_by_lync_user: false,
        }
    }
}

/// A message shown for a moment (or until dismissed), with an undo when it reports a change
/// the user may regret. The text is kept as a message of the catalogue, with its arguments, and
/// rendered in the page's language when shown: switching the language translates it too.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: Message,
    pub undo: Option<Undo>,
}

/// What an undo brings back.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// The partner list before an import or a delete.
    Directory(Directory),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Success,
    Warning,
    Error,
}

/// What the last Commit said, shown above the editor.
#[derive(Debug, Clone, PartialEq)]
pub enum CommitOutcome {
    /// Refused: the codes of the errors that block it. Nothing was saved.
    Refused(Vec<Code>),
}

/// The playground's state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub language: Language,
    pub theme: Theme,
    pub section: Section,
    /// The committed partner list.
    pub directory: Directory,
    /// The partner the negotiation, matrix and contacts are about.
    pub selected: Option<String>,
    /// The editor, when New or Edit is open.
    pub draft: Option<Draft>,
    pub commit: Option<CommitOutcome>,
    /// A partner waiting for the delete to be confirmed.
    pub pending_delete: Option<String>,
    pub setup: Setup,
    /// The trace step shown, from 1; 0 before the first.
    pub step: usize,
    pub playing: bool,
    pub contact: ContactSetup,
    pub notice: Option<Notice>,
    /// The id of an element to move the focus to after the next render (a field from a
    /// finding, the list after a delete, ...).
    pub focus: Option<String>,
    /// Bumped whenever focus is requested, so that the same element can be asked for twice.
    pub focus_serial: u32,
    /// While a share link is shown: the user's own work, which autosave keeps (so a reload
    /// brings it back) until the user keeps it, replaces it or adds the shared partners to it.
    pub own: Option<Box<State>>,
}

/// The principal the playground commits as: an administrator, as the Control Panel requires.
fn principal() -> Principal {
    Principal::new("playground").with_group(ADMIN_GROUP)
}

impl State {
    /// The first start: the example directory, its first partner selected.
    pub fn initial(language: Language) -> State {
        let directory = Document::parse(EXAMPLE, Format::Json)
            .map(|d| d.directory())
            .unwrap_or_default();
        let selected = directory.partners().first().map(|p| p.domain.to_string());
        State {
            language,
            theme: Theme::System,
            section: Section::Partners,
            directory,
            selected,
            draft: None,
            commit: None,
            pending_delete: None,
            setup: Setup::default(),
            step: 0,
            playing: false,
            contact: ContactSetup::default(),
            notice: None,
            focus: None,
            focus_serial: 0,
            own: None,
        }
    }

    /// A share link's state, its partner list under the Commit rules, and the partners left
    /// out by name.
    pub fn restore(saved: persist::Saved) -> Result<(State, Vec<String>), persist::LinkError> {
        let (directory, left_out) = persist::directory(&saved)?;
        Ok((State::saved(saved, directory), left_out))
    }

    /// One's own autosaved state, every partner that reads kept.
    pub fn reload(saved: persist::Saved) -> Result<State, persist::LinkError> {
        let directory = persist::own_directory(&saved)?;
        Ok(State::saved(saved, directory))
    }

    fn saved(saved: persist::Saved, directory: Directory) -> State {
        let selected = saved
            .selected
            .filter(|s| directory.partners().iter().any(|p| p.domain.as_str() == s))
            .or_else(|| directory.partners().first().map(|p| p.domain.to_string()));
        State {
            language: saved.language,
            theme: saved.theme,
            section: saved.section,
            directory,
            selected,
            draft: saved.draft,
            commit: None,
            pending_delete: None,
            setup: saved.setup,
            step: saved.step,
            playing: false,
            contact: saved.contact,
            notice: None,
            focus: None,
            focus_serial: 0,
            own: None,
        }
    }

    /// The selected committed partner.
    pub fn selected_partner(&self) -> Option<&PartnerConfig> {
        let selected = self.selected.as_deref()?;
        self.directory
            .partners()
            .iter()
            .find(|p| p.domain.as_str() == selected)
    }

    /// What the validator says about the open draft.
    pub fn draft_check(&self) -> Option<DraftCheck> {
        self.draft
            .as_ref()
            .map(|d| draft::check(&self.directory, d, self.language))
    }

    /// The partner entry the negotiation plays with: the open draft when its fields read
    /// without errors (so edits show at once), otherwise the selected partner.
    pub fn negotiated_partner(&self) -> Option<(PartnerConfig, bool)> {
        if let Some(config) = self.draft_check().and_then(|c| c.config) {
            return Some((config, true));
        }
        self.selected_partner().map(|p| (p.clone(), false))
    }

    /// The scenario of the negotiation section.
    pub fn scenario(&self) -> Option<Result<Scenario, SetupError>> {
        let (partner, _) = self.negotiated_partner()?;
        Some(self.setup.scenario(&partner, self.language))
    }

    /// The contact request of the contacts section, read by the core.
    pub fn contact_request(&self) -> Option<Result<ContactRequest, String>> {
        let partner = self.selected_partner()?;
        let xmpp_domain = if self.contact.xmpp_domain.trim().is_empty() {
            partner.domain.to_string()
        } else {
            self.contact.xmpp_domain.trim().to_owned()
        };
        let request = serde_json::json!({
            "ourDomain": self.setup.our_domain,
            "lyncUser": self.contact.lync_user,
            "partnerConfig": partner,
            "xmppDomain": xmpp_domain,
            "xmppUser": self.contact.xmpp_user,
            "requester": self.contact.requester,
            "enableXmppAccess": self.contact.enable_xmpp_access,
            "invitedByLyncUser": self.contact.invited_by_lync_user,
        });
        Some(ContactRequest::from_json(&request.to_string()).map_err(|e| e.message(self.language)))
    }

    /// The number of steps of the current trace (0 without one).
    pub fn trace_len(&self) -> usize {
        match self.scenario() {
            Some(Ok(scenario)) => xmpp_federation::s2s::simulate(&scenario).steps().len(),
            _ => 0,
        }
    }

    fn notify(&mut self, kind: NoticeKind, text: Message) {
        self.notice = Some(Notice {
            kind,
            text,
            undo: None,
        });
    }

    fn focus(&mut self, id: impl Into<String>) {
        self.focus = Some(id.into());
        self.focus_serial += 1;
    }

    /// Commits the open draft as the Control Panel does: refused, with nothing kept, while it
    /// has an error; warnings do not block.
    fn commit(&mut self) {
        let Some(draft) = self.draft.clone() else {
            return;
        };
        let check = draft::check(&self.directory, &draft, self.language);
        let errors: Vec<LocalizedDiagnostic> = check
            .partner
            .as_ref()
            .map(|p| {
                p.diagnostics
                    .iter()
                    .filter(|d| d.severity == xmpp_federation::Severity::Error)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        let config = match (check.config, errors.is_empty()) {
            (Some(config), true) => config,
            _ => {
                self.refuse(errors);
                return;
            }
        };
        let identity = config.domain.to_string();
        let change = draft::change(&draft, config);
        match self.directory.commit(&principal(), &[change]) {
            Ok(_) => {
                self.draft = None;
                self.commit = None;
                self.selected = Some(identity.clone());
                let text = notices::notice_committed(&identity);
                self.notify(NoticeKind::Success, text);
                self.focus(format!("partner-{identity}"));
            }
            Err(CommitError::Refused { blocking, .. }) => {
                let errors = blocking.iter().map(|d| d.localize(self.language)).collect();
                self.refuse(errors);
            }
            Err(error) => self.notify(NoticeKind::Error, error.message()),
        }
    }

    fn refuse(&mut self, errors: Vec<LocalizedDiagnostic>) {
        self.notify(NoticeKind::Warning, notices::commit_refused(errors.len()));
        // The first blocking field takes the focus.
        if let Some(field) = errors.iter().find_map(|d| Field::from_path(&d.path)) {
            self.focus(field.id());
        }
        self.commit = Some(CommitOutcome::Refused(
            errors.iter().map(|d| d.code).collect(),
        ));
    }

    /// Adds the shared partners, each as its own commit: one that is already here unchanged
    /// is skipped, one that Commit refuses beside ours (the same domain, say) is named.
    fn add(&mut self, shared: &Directory) {
        let mut added = 0usize;
        let mut refused = Vec::new();
        for partner in shared.partners() {
            if self.directory.partners().contains(partner) {
                continue;
            }
            match self
                .directory
                .commit(&principal(), &[Change::New(partner.clone())])
            {
                Ok(_) => added += 1,
                Err(_) => refused.push(partner.domain.to_string()),
            }
        }
        let (kind, text) = if refused.is_empty() {
            (NoticeKind::Success, notices::shared_added(added))
        } else {
            let refused = refused.join(", ");
            let text = notices::notice_shared_added_refused(added, refused);
            (NoticeKind::Warning, text)
        };
        self.notify(kind, text);
        if self.selected_partner().is_none() {
            self.selected = self
                .directory
                .partners()
                .first()
                .map(|p| p.domain.to_string());
        }
    }

    /// Applies a failed negotiation's fix: to our partner entry (the draft, or a commit), to
    /// the partner's server, or to the conditions.
    fn apply_fix(&mut self, change: &Setting) {
        let Some(Ok(scenario)) = self.scenario() else {
            return;
        };
        let Ok(fixed) = scenario.apply(change) else {
            return;
        };
        let ours_changed =
            change.side() == Side::Ours && fixed.partner_config != scenario.partner_config;
        if ours_changed {
            // Our entry changes in the editor, as a draft the user commits when satisfied; the
            // negotiation plays the draft at once.
            let config = fixed.partner_config.clone();
            let mode = match &self.draft {
                Some(draft) => draft.mode.clone(),
                None => draft::Mode::Edit {
                    identity: config.domain.to_string(),
                },
            };
            let mut draft = Draft::edit(&config);
            draft.mode = mode;
            self.draft = Some(draft);
            self.commit = None;
        }
        let preset = self.setup.server.preset;
        self.setup.absorb(&fixed);
        self.setup.server.preset = preset;
        self.step = self.trace_len();
        let fix = Arg::display(change);
        let text = if ours_changed {
            notices::fix_applied_to_draft(fix)
        } else {
            notices::fix_applied(fix)
        };
        self.notify(NoticeKind::Success, text);
        self.focus("outcome");
    }
}

/// What can happen to the state.
#[derive(Debug, Clone)]
pub enum Action {
    SetLanguage(Language),
    SetTheme(Theme),
    Show(Section),
    Select(String),
    NewPartner,
    EditPartner(String),
    UpdateDraft(Draft),
    CancelDraft,
    Commit,
    AskDelete(String),
    ConfirmDelete,
    CancelDelete,
    /// Loads a matrix row's settings into the editor.
    LoadRow(MatrixRow),
    UpdateSetup(Setup),
    /// Chooses a preset for the partner's server.
    ChoosePreset(Option<xmpp_federation::s2s::Preset>),
    ApplyFix(Setting),
    /// Shows step `n`, clamped to the trace.
    Step(usize),
    /// Moves by this many steps; playback stops at the last.
    Advance(isize),
    Play(bool),
    UpdateContact(ContactSetup),
    /// Replaces the partner list (an import), with the message to show.
    Replace(Directory, Message),
    /// Shows a share link's state, with a message; one's own work, when it differs, is kept
    /// beside it until one of the three choices below.
    Restore(Box<State>, Option<Message>),
    /// Back to one's own work; the shared state is closed.
    KeepOwn,
    /// The shared state becomes one's own work.
    ReplaceOwn,
    /// One's own work, with the shared partners that Commit takes added to it.
    AddShared,
    /// Brings back what the notice's undo holds.
    Undo,
    Notify(NoticeKind, Message),
    DismissNotice,
    Focus(String),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::SetLanguage(language) => state.language = language,
            Action::SetTheme(theme) => state.theme = theme,
            Action::Show(section) => state.section = section,
            Action::Select(identity) => {
                state.selected = Some(identity);
                state.step = 0;
                state.playing = false;
            }
            Action::NewPartner => {
                state.draft = Some(Draft::new_partner());
                state.commit = None;
                state.section = Section::Partners;
                state.focus(Field::Domain.id());
            }
            Action::EditPartner(identity) => {
                if let Some(partner) = state
                    .directory
                    .partners()
                    .iter()
                    .find(|p| p.domain.as_str() == identity)
                {
                    state.draft = Some(Draft::edit(partner));
                    state.selected = Some(identity);
                    state.commit = None;
                    state.section = Section::Partners;
                    state.focus(Field::Description.id());
                }
            }
            Action::UpdateDraft(draft) => {
                state.draft = Some(draft);
                state.commit = None;
            }
            Action::CancelDraft => {
                state.draft = None;
                state.commit = None;
                state.focus("new-partner");
            }
            Action::Commit => state.commit(),
            Action::AskDelete(identity) => {
                state.pending_delete = Some(identity);
                state.focus("confirm-delete");
            }
            Action::CancelDelete => {
                state.pending_delete = None;
                state.focus("delete-partner");
            }
            Action::ConfirmDelete => {
                if let Some(identity) = state.pending_delete.take()
                    && let Ok(domain) = xmpp_federation::Domain::parse(&identity)
                {
                    let before = state.directory.clone();
                    match state
                        .directory
                        .commit(&principal(), &[Change::Remove(domain)])
                    {
                        Ok(_) => {
                            if state.selected.as_deref() == Some(identity.as_str()) {
                                state.selected = state
                                    .directory
                                    .partners()
                                    .first()
                                    .map(|p| p.domain.to_string());
                            }
                            if state.draft.as_ref().and_then(Draft::identity) == Some(&identity) {
                                state.draft = None;
                            }
                            state.notice = Some(Notice {
                                kind: NoticeKind::Success,
                                text: notices::notice_deleted(&identity),
                                undo: Some(Undo::Directory(before)),
                            });
                            state.focus("new-partner");
                        }
                        Err(error) => state.notify(NoticeKind::Error, error.message()),
                    }
                }
            }
            Action::LoadRow(row) => {
                let mut draft = match (&state.draft, state.selected_partner()) {
                    (Some(draft), _) => draft.clone(),
                    (None, Some(partner)) => Draft::edit(partner),
                    (None, None) => Draft::new_partner(),
                };
                draft.tls_negotiation = row.tls();
                draft.sasl_negotiation = row.sasl();
                draft.support_dialback_negotiation = row.dialback();
                state.draft = Some(draft);
                state.commit = None;
                state.notify(NoticeKind::Success, notices::row_loaded(row.name()));
            }
            Action::UpdateSetup(setup) => {
                state.setup = setup;
                state.step = 0;
                state.playing = false;
            }
            Action::ChoosePreset(preset) => {
                state.setup.server = match preset {
                    Some(preset) => Server::preset(preset),
                    None => Server {
                        preset: None,
                        ..state.setup.server.clone()
                    },
                };
                state.step = 0;
                state.playing = false;
            }
            Action::ApplyFix(change) => state.apply_fix(&change),
            Action::Step(step) => state.step = step.min(state.trace_len()),
            Action::Advance(by) => {
                let last = state.trace_len();
                let next = state
                    .step
                    .min(last)
                    .saturating_add_signed(by)
                    .clamp(1, last.max(1));
                state.step = next.min(last);
                if state.playing && next >= last {
                    state.playing = false;
                }
            }
            Action::Play(playing) => {
                state.playing = playing;
                if playing && state.step >= state.trace_len() {
                    state.step = 1;
                }
            }
            Action::UpdateContact(contact) => state.contact = contact,
            Action::Replace(directory, message) => {
                let before = std::mem::replace(&mut state.directory, directory);
                state.selected = state
                    .directory
                    .partners()
                    .first()
                    .map(|p| p.domain.to_string());
                state.draft = None;
                state.commit = None;
                state.step = 0;
                state.notice = Some(Notice {
                    kind: NoticeKind::Success,
                    text: message,
                    undo: Some(Undo::Directory(before)),
                });
            }
            Action::Restore(restored, message) => {
                let theme = state.theme;
                let own = state.own.take().map_or(state, |own| *own);
                state = *restored;
                state.theme = theme;
                let differs = own.directory != state.directory || own.draft != state.draft;
                state.own = differs.then(|| Box::new(own));
                state.notice = message.map(|text| Notice {
                    kind: NoticeKind::Warning,
                    text,
                    undo: None,
                });
            }
            Action::KeepOwn | Action::AddShared => {
                if let Some(own) = state.own.take() {
                    let theme = state.theme;
                    let shared = std::mem::replace(&mut state, *own);
                    state.theme = theme;
                    // A notice from before the link was opened is over.
                    state.notice = None;
                    if matches!(action, Action::AddShared) {
                        state.add(&shared.directory);
                    }
                }
            }
            Action::ReplaceOwn => state.own = None,
            Action::Undo => {
                if let Some(undo) = state.notice.take().and_then(|n| n.undo) {
                    let Undo::Directory(directory) = undo;
                    state.directory = directory;
                    if state.selected_partner().is_none() {
                        state.selected = state
                            .directory
                            .partners()
                            .first()
                            .map(|p| p.domain.to_string());
                    }
                    state.notify(NoticeKind::Success, notices::notice_undone());
                }
            }
            Action::Notify(kind, text) => state.notify(kind, text),
            Action::DismissNotice => state.notice = None,
            Action::Focus(id) => state.focus(id),
        }
        Rc::new(state)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_partner(mut state: State, domain: &str) -> State {
        let partner = PartnerConfig::new(xmpp_federation::Domain::parse(domain).unwrap());
        state
            .directory
            .commit(&principal(), &[Change::New(partner)])
            .unwrap();
        state
    }

    fn has(state: &State, domain: &str) -> bool {
        state
            .directory
            .partners()
            .iter()
            .any(|p| p.domain.as_str() == domain)
    }

    /// A share link is shown beside one's own work until a choice, and each choice does what
    /// it says; one's own work is never lost without "replace".
    #[test]
    fn a_share_link_keeps_ones_own_work_until_a_choice() {
        let own = with_partner(State::initial(Language::English), "mine.example");
        let shared = with_partner(State::initial(Language::English), "theirs.example");
        let open = || Rc::new(own.clone()).reduce(Action::Restore(Box::new(shared.clone()), None));

        let viewing = open();
        assert!(has(&viewing, "theirs.example") && !has(&viewing, "mine.example"));
        assert_eq!(viewing.own.as_deref(), Some(&own));
        // A second link opened on top keeps the same own work.
        let again = viewing
            .clone()
            .reduce(Action::Restore(Box::new(shared.clone()), None));
        assert_eq!(again.own.as_deref(), Some(&own));

        let kept = open().reduce(Action::KeepOwn);
        assert!(kept.own.is_none() && has(&kept, "mine.example") && !has(&kept, "theirs.example"));
        let added = open().reduce(Action::AddShared);
        assert!(
            added.own.is_none() && has(&added, "mine.example") && has(&added, "theirs.example")
        );
        let replaced = open().reduce(Action::ReplaceOwn);
        assert!(replaced.own.is_none() && !has(&replaced, "mine.example"));

        // The same work: nothing to choose.
        let same = Rc::new(own.clone()).reduce(Action::Restore(Box::new(own.clone()), None));
        assert!(same.own.is_none());
    }

    /// The notices keep their message, not a text: the language chosen after the notice came is
    /// the one it is shown in, and a count of one is said in the singular.
    #[test]
    fn notices_are_drawn_in_the_language_of_the_moment() {
        let state = Rc::new(State::initial(Language::English));
        let deleted = state
            .reduce(Action::AskDelete("gmail.com".into()))
            .reduce(Action::ConfirmDelete);
        let notice = deleted.notice.as_ref().unwrap();
        assert_eq!(
            notice.text.render(Language::English),
            "gmail.com was deleted."
        );
        let german = deleted.reduce(Action::SetLanguage(Language::German));
        let notice = german.notice.as_ref().unwrap();
        assert_eq!(
            notice.text.render(Language::German),
            "gmail.com wurde gelöscht."
        );

        // A connection limit that is not a number: one error, refused at Commit.
        let mut draft = Draft::new_partner();
        draft.domain = "northwind.example".into();
        draft.connection_limit = "many".into();
        let refused = Rc::new(State::initial(Language::English))
            .reduce(Action::UpdateDraft(draft))
            .reduce(Action::Commit);
        let Some(CommitOutcome::Refused(codes)) = &refused.commit else {
            panic!("not refused: {:?}", refused.commit);
        };
        assert_eq!(codes.len(), 1, "{codes:?}");
        let text = &refused.notice.as_ref().unwrap().text;
        assert_eq!(
            text.render(Language::English),
            "Commit refused (1 error). Nothing was saved."
        );
        assert_eq!(
            text.render(Language::German),
            "Commit abgelehnt (1 Fehler). Nichts wurde gespeichert."
        );
        assert_eq!(
            notices::commit_refused(2usize).render(Language::English),
            "Commit refused (errors: 2). Nothing was saved."
        );
    }

    /// A commit the core refuses for want of rights says so in the page's language.
    #[test]
    fn a_commit_error_is_a_message_in_both_languages() {
        let error = CommitError::NotAuthorized {
            principal: "reader".into(),
        };
        assert_eq!(error.message().render(Language::English), error.to_string());
        assert!(
            error
                .message()
                .render(Language::German)
                .starts_with("`reader` darf keinen Commit")
        );
    }
}
