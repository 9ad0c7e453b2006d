//! Contact requests by partner type: the documented rules as a table, the stanzas on the wire,
//! and the example requests as reviewed snapshots.

use quick_xml::Reader;
use quick_xml::events::Event;
use xmpp_federation::s2s::Party;
use xmpp_federation::{
    ContactReason, ContactRequest, Domain, Language, Localpart, PartnerConfig, PartnerType,
    Requester, simulate_contact,
};

use crate::util::{check_snapshot, json_examples};

fn request(
    partner_type: PartnerType,
    requester: Requester,
    invited: bool,
    access: bool,
    allowed: bool,
) -> ContactRequest {
    let mut config = PartnerConfig::new(Domain::parse("fabrikam.com").unwrap());
    config.partner_type = partner_type;
    config
        .additional_domains
        .push(Domain::parse("research.fabrikam.com").unwrap());
    let xmpp_domain = if allowed {
        "research.fabrikam.com"
    } else {
        "other.example"
    };
    serde_json::from_value(serde_json::json!({
        "ourDomain": "contoso.com",
        "lyncUser": "alice",
        "partnerConfig": config,
        "xmppDomain": xmpp_domain,
        "xmppUser": "bob",
        "requester": requester,
        "enableXmppAccess": access,
        "invitedByLyncUser": invited,
    }))
    .unwrap()
}

/// The rules, in words (Lync Server 2013, "Configure XMPP gateway" and "Create or edit XMPP
/// partner configuration"):
/// 1. Nothing works for a domain that no partner claims, or for a Lync user whose external
///    access policy lacks `EnableXmppAccess`.
/// 2. A Lync user may add a contact of any allowed partner.
/// 3. Federated and PublicVerified contacts may add Lync users and message them without
///    authorisation.
/// 4. A PublicUnverified contact can add a Lync user, or message them, only after that user has
///    invited them.
/// 5. Only Federated contacts see status notes.
#[test]
fn partner_types_decide_who_may_add_whom() {
    use ContactReason::*;
    use PartnerType::*;
    use Requester::*;
    // (type, requester, invited, access, allowed) => (approved, notes, messages, reason)
    let cases = [
        (
            (Federated, XmppUser, false, true, true),
            (true, true, true, FederatedTrusted),
        ),
        (
            (PartnerType::PublicVerified, XmppUser, false, true, true),
            (true, false, true, ContactReason::PublicVerified),
        ),
        (
            (PublicUnverified, XmppUser, false, true, true),
            (false, false, false, NotInvited),
        ),
        (
            (PublicUnverified, XmppUser, true, true, true),
            (true, false, true, InvitedFirst),
        ),
        (
            (Federated, LyncUser, false, true, true),
            (true, true, true, LyncUserInvites),
        ),
        (
            (PartnerType::PublicVerified, LyncUser, false, true, true),
            (true, false, true, LyncUserInvites),
        ),
        (
            (PublicUnverified, LyncUser, false, true, true),
            (true, false, true, LyncUserInvites),
        ),
        (
            (Federated, XmppUser, false, false, true),
            (false, false, false, XmppAccessDisabled),
        ),
        (
            (Federated, LyncUser, true, false, true),
            (false, false, false, XmppAccessDisabled),
        ),
        (
            (Federated, XmppUser, false, true, false),
            (false, false, false, NotAllowedPartner),
        ),
        (
            (PublicUnverified, LyncUser, false, true, false),
            (false, false, false, NotAllowedPartner),
        ),
    ];
    for ((partner_type, requester, invited, access, allowed), expected) in cases {
        let name = format!(
            "{partner_type:?} {requester:?} invited={invited} access={access} allowed={allowed}"
        );
        let trace = simulate_contact(
            &request(partner_type, requester, invited, access, allowed),
            Language::English,
        );
        let o = &trace.outcome;
        assert_eq!(
            (
                o.approved,
                o.status_notes_visible,
                o.messages_allowed,
                o.reason
            ),
            expected,
            "{name}"
        );
        assert_eq!(o.presence_visible, o.approved, "{name}");
        // The stanzas agree with the outcome: an approval is a `subscribed` from our side, and
        // a status note travels only to Federated contacts.
        let approved_on_wire = trace
            .steps
            .iter()
            .any(|s| s.from == Party::OurProxy && s.xml.contains("type=\"subscribed\""));
        assert_eq!(approved_on_wire, o.approved, "{name}");
        let note_on_wire = trace.steps.iter().any(|s| s.xml.contains("<status>"));
        assert_eq!(note_on_wire, o.status_notes_visible, "{name}");
        // Where the partner is not allowed, no stanza crosses at all.
        if !allowed {
            assert!(trace.steps.is_empty(), "{name}");
        }
        for step in &trace.steps {
            let mut reader = Reader::from_str(&step.xml);
            reader.config_mut().check_end_names = true;
            loop {
                match reader.read_event() {
                    Ok(Event::Eof) => break,
                    Ok(_) => {}
                    Err(e) => panic!("{name}: {e}: {}", step.xml),
                }
            }
            assert!(step.xml.starts_with("<presence from=\""), "{name}");
        }
    }
}

#[test]
fn an_invited_request_comes_first_from_the_lync_side() {
    let trace = simulate_contact(
        &request(
            PartnerType::PublicUnverified,
            Requester::LyncUser,
            false,
            true,
            true,
        ),
        Language::German,
    );
    let first = &trace.steps[0];
    assert_eq!((first.from, first.to), (Party::OurProxy, Party::Partner));
    assert_eq!(
        first.xml,
        "<presence from=\"alice@contoso.com\" to=\"bob@research.fabrikam.com\" type=\"subscribe\"/>"
    );
    assert!(first.summary.contains("fügt"), "{}", first.summary);
}

#[test]
fn user_names_are_address_parts() {
    assert_eq!(Localpart::parse("Bob").unwrap().as_str(), "bob");
    for (input, fragment) in [
        ("", "empty"),
        ("bob@gmail.com", "`@`"),
        ("bob smith", "` `"),
        ("a/b", "`/`"),
    ] {
        let error = Localpart::parse(input).unwrap_err().to_string();
        assert!(error.contains(fragment), "{input}: {error}");
    }
    assert!(Localpart::parse(&"a".repeat(1024)).is_err());
    assert!(Localpart::parse(&"a".repeat(1023)).is_ok());
    let error = serde_json::from_str::<ContactRequest>(
        r#"{"ourDomain": "contoso.com", "lyncUser": "alice@contoso.com", "xmppDomain": "gmail.com",
            "xmppUser": "bob", "requester": "lyncUser", "enableXmppAccess": true}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(error.contains("before `@`"), "{error}");
}

/// The example requests, as text reviewed by eye.
#[test]
fn example_requests_match_their_snapshots() {
    let all: Vec<(String, ContactRequest)> = json_examples("examples/contacts");
    assert!(all.len() >= 3);
    for (name, request) in all {
        let trace = simulate_contact(&request, Language::English);
        check_snapshot(
            &format!("contacts/{name}.txt"),
            &trace.to_text(Language::English),
        );
    }
}
