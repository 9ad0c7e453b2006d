## The contact simulator: a line per presence stanza between a Lync user and an XMPP user
## ({ $from } and { $to } are their addresses).

contact-step-subscribe = { $from } adds { $to } and asks to see their presence
contact-step-gateway-approves = the gateway approves for { $from }: { $to } may see the presence
contact-step-approves = { $from } approves: { $to } may see the presence
contact-step-presence-with-note = { $from }'s presence, with the status note
contact-step-presence-without-note = { $from }'s presence, without the status note
contact-step-presence = { $from }'s presence

# The example status note of the Lync user, sent in a presence stanza.
contact-status-note-example = In a meeting until 3 pm

## The outcome of a contact request, below its stanzas: each of the four places is yes or no.

contact-outcome = Approved: { $approved }; presence visible: { $presence }; status notes visible: { $notes }; messages allowed: { $messages }.
contact-answer-yes = yes
contact-answer-no = no

## Why the contact request ended as it did ({ $domain } is the partner's XMPP domain).

contact-reason-not-allowed-partner = { $domain } is not an allowed XMPP partner: add it as a partner, or as an additional domain of one, before its users can be contacts.
contact-reason-xmpp-access-disabled = The Lync user's external access policy does not enable XMPP: set `Set-CsExternalAccessPolicy -EnableXmppAccess $true` on the user's policy.
contact-reason-lync-user-invites = A Lync user may add a contact of any allowed partner; the contact then sees the Lync user's presence, and status notes only when the partner is Federated.
contact-reason-federated-trusted = Federated: contacts of a trusted partner may add Lync users, see their presence and status notes, and message them without authorisation.
contact-reason-public-verified = Public verified: the provider verifies its users, so they may add and message Lync users without authorisation; they never see status notes.
contact-reason-invited-first = Public unverified, but the Lync user invited this contact first, which authorises it; it never sees status notes.
contact-reason-not-invited = Public unverified: the request stays pending, because a contact can add a Lync user only after that user has invited them. The Lync user has to add the contact first.
