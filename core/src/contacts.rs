//! Contact requests across the federation, by partner type: who may add whom, played out as the
//! presence subscription stanzas the XMPP gateway and the partner's server exchange (RFC 6121
//! §3).
//!
//! The rules are the Lync documentation's ("Configure XMPP gateway on Lync Server 2013", and the
//! partner type of "Create or edit XMPP partner configuration"):
//!
//! - a Lync user reaches XMPP contacts only when the user's external access policy has
//!   `EnableXmppAccess`, and only contacts of an allowed partner;
//! - a Lync user may invite a contact of any allowed partner;
//! - contacts of a `Federated` or `PublicVerified` partner may add Lync users and message them
//!   without the Lync user's authorisation; only `Federated` contacts see status notes;
//! - a `PublicUnverified` contact can add a Lync user only after that user has invited them.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalogue::contacts as text;
use crate::domain::Domain;
use crate::language::Language;
use crate::partner::PartnerConfig;
use crate::request::RequestError;
use crate::s2s::Party;
use crate::s2s::xml::{Element, ns};
use crate::settings::PartnerType;

/// The longest localpart, in bytes (RFC 7622 §3.3.1).
const MAX_LOCALPART_BYTES: usize = 1023;

/// The part of an address before `@` (RFC 7622 §3.3): a user name, checked and lowercased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(transparent)]
pub struct Localpart(String);

impl Localpart {
    /// Checks a user name: 1 to 1023 bytes, no spaces or control characters, and none of
    /// `" & ' / : < > @`, which RFC 7622 §3.3.1 excludes.
    ///
    /// ```
    /// use xmpp_federation::Localpart;
    /// assert_eq!(Localpart::parse("Alice")?.as_str(), "alice");
    /// assert!(Localpart::parse("alice@contoso.com").is_err());
    /// # Ok::<(), xmpp_federation::LocalpartError>(())
    /// ```
    pub fn parse(input: &str) -> Result<Localpart, LocalpartError> {
        if input.is_empty() {
            return Err(LocalpartError::Empty);
        }
        if input.len() > MAX_LOCALPART_BYTES {
            return Err(LocalpartError::TooLong { bytes: input.len() });
        }
        if let Some(character) = input
            .chars()
            .find(|c| c.is_whitespace() || c.is_control() || "\"&'/:<>@".contains(*c))
        {
            return Err(LocalpartError::Forbidden {
                input: input.to_owned(),
                character,
            });
        }
        Ok(Localpart(input.to_lowercase()))
    }

    /// The user name.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Localpart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Localpart {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Localpart::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Why a string is not a user name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LocalpartError {
    /// Nothing was entered.
    #[error("the user name is empty: give the part of the address before `@`")]
    Empty,
    /// Longer than RFC 7622 allows.
    #[error("the user name is {bytes} bytes long; an address allows at most 1023")]
    TooLong {
        /// Its length.
        bytes: usize,
    },
    /// A character an address part cannot hold.
    #[error(
        "user name `{input}` contains `{}`: give only the part of the address before `@`, without spaces or any of \" & ' / : < > @",
        character.escape_debug()
    )]
    Forbidden {
        /// The input as written.
        input: String,
        /// The first character that is not allowed.
        character: char,
    },
}

/// Who asks to add the other as a contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Requester {
    /// The Lync user adds (invites) the XMPP user.
    LyncUser,
    /// The XMPP user adds the Lync user.
    XmppUser,
}

/// A contact request between a Lync user and a user of an XMPP network.
///
/// ```
/// use xmpp_federation::{ContactReason, ContactRequest, Language, simulate_contact};
///
/// let request: ContactRequest = serde_json::from_str(r#"{
///     "ourDomain": "contoso.com", "lyncUser": "alice",
///     "partnerConfig": { "domain": "gmail.com" },
///     "xmppDomain": "gmail.com", "xmppUser": "bob",
///     "requester": "xmppUser", "enableXmppAccess": true
/// }"#)?;
/// let trace = simulate_contact(&request, Language::English);
/// // Public unverified (the cmdlet default): Bob cannot add Alice before she invites him.
/// assert!(!trace.outcome.approved);
/// assert_eq!(trace.outcome.reason, ContactReason::NotInvited);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct ContactRequest {
    /// Our SIP and XMPP domain.
    pub our_domain: Domain,
    /// The Lync user.
    pub lync_user: Localpart,
    /// The XMPP Federated Partners entry that claims the XMPP user's domain; none when no entry
    /// does.
    #[serde(default)]
    pub partner_config: Option<PartnerConfig>,
    /// The XMPP user's domain.
    pub xmpp_domain: Domain,
    /// The XMPP user.
    pub xmpp_user: Localpart,
    /// Who asks.
    pub requester: Requester,
    /// Whether the Lync user's external access policy has `EnableXmppAccess`
    /// (`Set-CsExternalAccessPolicy -EnableXmppAccess $true`).
    pub enable_xmpp_access: bool,
    /// Whether the Lync user has already invited (added) the XMPP user.
    #[serde(default)]
    pub invited_by_lync_user: bool,
}

impl ContactRequest {
    /// Reads a contact request file. Unknown fields are refused, and every error names its
    /// field.
    pub fn from_json(text: &str) -> Result<ContactRequest, RequestError> {
        crate::request::from_json(text)
    }

    /// The partner type that applies: that of the partner entry, when it claims the XMPP user's
    /// domain as its primary or an additional domain.
    pub fn partner_type(&self) -> Option<PartnerType> {
        self.partner_config
            .as_ref()
            .filter(|c| c.domains().any(|d| *d == self.xmpp_domain))
            .map(|c| c.partner_type)
    }
}

/// Why a contact request ends as it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum ContactReason {
    /// The XMPP user's domain is not an allowed partner.
    NotAllowedPartner,
    /// The Lync user's external access policy does not enable XMPP.
    XmppAccessDisabled,
    /// A Lync user may always add a contact of an allowed partner.
    LyncUserInvites,
    /// `Federated`: the partner's contacts may add Lync users without authorisation.
    FederatedTrusted,
    /// `PublicVerified`: the provider verifies its users, who may add Lync users.
    PublicVerified,
    /// `PublicUnverified`, after the Lync user's invitation.
    InvitedFirst,
    /// `PublicUnverified`, without an invitation from the Lync user.
    NotInvited,
}

/// How a contact request ends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ContactOutcome {
    /// Whether the XMPP user's subscription to the Lync user's presence is approved.
    pub approved: bool,
    /// Whether the XMPP user sees the Lync user's presence.
    pub presence_visible: bool,
    /// Whether the XMPP user sees the Lync user's status notes (`Federated` only).
    pub status_notes_visible: bool,
    /// Whether the XMPP user may send the Lync user instant messages.
    pub messages_allowed: bool,
    /// Why.
    pub reason: ContactReason,
}

/// One presence stanza of a contact request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ContactStep {
    /// The step's number, from 1.
    pub number: usize,
    /// Who sends.
    pub from: Party,
    /// Who receives.
    pub to: Party,
    /// The stanza, exactly as on the wire.
    pub xml: String,
    /// What it does.
    pub summary: String,
    /// The specification section it follows.
    pub spec: &'static str,
}

/// The stanzas of a contact request and how it ends, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ContactTrace {
    /// The stanzas, in order.
    pub steps: Vec<ContactStep>,
    /// The outcome.
    pub outcome: ContactOutcome,
    /// The outcome and its reason, in plain words.
    pub explanation: String,
}

impl ContactTrace {
    /// The trace as text: one block per stanza, then the explanation.
    pub fn to_text(&self, language: Language) -> String {
        let mut out = String::new();
        for step in &self.steps {
            out.push_str(&format!(
                "{:>3}  {} -> {}: {}\n       {}\n       {}\n",
                step.number,
                step.from.label(language),
                step.to.label(language),
                step.summary,
                step.xml,
                step.spec,
            ));
        }
        let o = &self.outcome;
        let yes_no = |value: bool| {
            if value {
                text::contact_answer_yes()
            } else {
                text::contact_answer_no()
            }
        };
        out.push_str(
            &text::contact_outcome(
                yes_no(o.approved),
                yes_no(o.presence_visible),
                yes_no(o.status_notes_visible),
                yes_no(o.messages_allowed),
            )
            .render(language),
        );
        out.push('\n');
        out.push_str(&self.explanation);
        out.push('\n');
        out
    }
}

/// The stanzas of one request, as they are recorded.
struct Stanzas<'a> {
    lync: String,
    xmpp: String,
    steps: Vec<ContactStep>,
    language: Language,
    request: &'a ContactRequest,
}

impl Stanzas<'_> {
    /// A presence stanza from the Lync user (through our gateway and proxy) or from the XMPP
    /// user (through the partner's server).
    fn presence(&mut self, from_lync: bool, kind: Option<&str>, status: Option<&str>) {
        let (from, to, from_party, to_party) = if from_lync {
            (&self.lync, &self.xmpp, Party::OurProxy, Party::Partner)
        } else {
            (&self.xmpp, &self.lync, Party::Partner, Party::OurProxy)
        };
        let mut element = Element::inherit("presence", ns::SERVER)
            .attr("from", from)
            .attr("to", to);
        if let Some(kind) = kind {
            element = element.attr("type", kind);
        }
        if let Some(status) = status {
            element = element.child(Element::inherit("status", ns::SERVER).text(status));
        }
        let summary = match (kind, from_lync) {
            (Some("subscribe"), _) => text::contact_step_subscribe(from, to),
            (Some("subscribed"), true) => text::contact_step_gateway_approves(from, to),
            (Some("subscribed"), false) => text::contact_step_approves(from, to),
            (_, true) if status.is_some() => text::contact_step_presence_with_note(from),
            (_, true) => text::contact_step_presence_without_note(from),
            (_, false) => text::contact_step_presence(from),
        }
        .render(self.language);
        let spec = match kind {
            Some("subscribe") => "RFC 6121 §3.1.1",
            Some("subscribed") => "RFC 6121 §3.1.5",
            _ => "RFC 6121 §4.2",
        };
        self.steps.push(ContactStep {
            number: self.steps.len() + 1,
            from: from_party,
            to: to_party,
            xml: element.to_xml(),
            summary,
            spec,
        });
    }

    /// The Lync user's presence as the XMPP user's partner type lets them see it.
    fn lync_presence(&mut self, partner_type: PartnerType) {
        let note = (partner_type == PartnerType::Federated)
            .then(|| text::contact_status_note_example().text(self.language));
        self.presence(true, None, note.as_deref());
    }

    fn outcome(
        &self,
        approved: bool,
        partner_type: PartnerType,
        reason: ContactReason,
    ) -> ContactOutcome {
        let messages = match partner_type {
            PartnerType::Federated | PartnerType::PublicVerified => true,
            PartnerType::PublicUnverified => approved,
        };
        ContactOutcome {
            approved,
            presence_visible: approved,
            status_notes_visible: approved && partner_type == PartnerType::Federated,
            messages_allowed: messages && self.request.enable_xmpp_access,
            reason,
        }
    }
}

/// Plays a contact request out: the presence stanzas, how it ends, and why.
pub fn simulate_contact(request: &ContactRequest, language: Language) -> ContactTrace {
    let mut stanzas = Stanzas {
        lync: format!("{}@{}", request.lync_user, request.our_domain),
        xmpp: format!("{}@{}", request.xmpp_user, request.xmpp_domain),
        steps: Vec::new(),
        language,
        request,
    };
    let refused = |reason| ContactOutcome {
        approved: false,
        presence_visible: false,
        status_notes_visible: false,
        messages_allowed: false,
        reason,
    };
    let outcome = match (request.partner_type(), request.requester) {
        // "Users can only communicate with an XMPP network if that network has been configured
        // as an allowed partner": the stream itself is refused, so no stanza arrives.
        (None, _) => refused(ContactReason::NotAllowedPartner),
        // The Lync client does not offer XMPP contacts to a user without XMPP access.
        (Some(_), Requester::LyncUser) if !request.enable_xmpp_access => {
            refused(ContactReason::XmppAccessDisabled)
        }
        // The request arrives, and the gateway does not pass it to the user.
        (Some(_), Requester::XmppUser) if !request.enable_xmpp_access => {
            stanzas.presence(false, Some("subscribe"), None);
            refused(ContactReason::XmppAccessDisabled)
        }
        (Some(partner_type), Requester::LyncUser) => {
            // The Lync user subscribes to the contact's presence, the contact approves, and the
            // contact's usual mutual subscription is approved because the Lync user added them.
            stanzas.presence(true, Some("subscribe"), None);
            stanzas.presence(false, Some("subscribed"), None);
            stanzas.presence(false, None, None);
            stanzas.presence(false, Some("subscribe"), None);
            stanzas.presence(true, Some("subscribed"), None);
            stanzas.lync_presence(partner_type);
            stanzas.outcome(true, partner_type, ContactReason::LyncUserInvites)
        }
        (Some(partner_type), Requester::XmppUser) => {
            stanzas.presence(false, Some("subscribe"), None);
            let reason = match partner_type {
                PartnerType::Federated => ContactReason::FederatedTrusted,
                PartnerType::PublicVerified => ContactReason::PublicVerified,
                PartnerType::PublicUnverified if request.invited_by_lync_user => {
                    ContactReason::InvitedFirst
                }
                PartnerType::PublicUnverified => ContactReason::NotInvited,
            };
            if reason == ContactReason::NotInvited {
                // No answer: the request stays pending until the Lync user adds the contact
                // (RFC 6121 §3.1.3 lets a server keep an inbound subscription pending).
                stanzas.outcome(false, partner_type, reason)
            } else {
                stanzas.presence(true, Some("subscribed"), None);
                stanzas.lync_presence(partner_type);
                stanzas.outcome(true, partner_type, reason)
            }
        }
    };
    let explanation = explain(&outcome, request, language);
    ContactTrace {
        steps: stanzas.steps,
        outcome,
        explanation,
    }
}

fn explain(outcome: &ContactOutcome, request: &ContactRequest, l: Language) -> String {
    match outcome.reason {
        ContactReason::NotAllowedPartner => {
            text::contact_reason_not_allowed_partner(&request.xmpp_domain)
        }
        ContactReason::XmppAccessDisabled => text::contact_reason_xmpp_access_disabled(),
        ContactReason::LyncUserInvites => text::contact_reason_lync_user_invites(),
        ContactReason::FederatedTrusted => text::contact_reason_federated_trusted(),
        ContactReason::PublicVerified => text::contact_reason_public_verified(),
        ContactReason::InvitedFirst => text::contact_reason_invited_first(),
        ContactReason::NotInvited => text::contact_reason_not_invited(),
    }
    .render(l)
}
