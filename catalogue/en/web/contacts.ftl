## "Contacts": who can add whom.

contacts-title = Who can add whom
partner-type-of = Partner type of { $domain }:
column-meaning = What it means for contacts
lync-user = Lync user
xmpp-user = XMPP user
xmpp-domain = XMPP user's domain
not-a-partner = a domain no partner claims
contact-requester = Who adds whom
xmpp-user-adds = the XMPP user adds the Lync user
lync-user-adds = the Lync user adds the XMPP user
enable-xmpp-access = The Lync user's external access policy has EnableXmppAccess
invited-first = The Lync user has already invited the XMPP user
contact-approved = Approved
contact-not-approved = Not approved
contact-presence-visible = presence visible
contact-status-notes = status notes
contact-messages = messages
