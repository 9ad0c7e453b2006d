## „Kontakte“: wer wen hinzufügen kann.

contacts-title = Wer wen hinzufügen kann
partner-type-of = Partnertyp von { $domain }:
column-meaning = Bedeutung für Kontakte
lync-user = Lync-Benutzer
xmpp-user = XMPP-Benutzer
xmpp-domain = Domäne des XMPP-Benutzers
not-a-partner = eine Domäne, die kein Partner beansprucht
contact-requester = Wer fügt wen hinzu
xmpp-user-adds = der XMPP-Benutzer fügt den Lync-Benutzer hinzu
lync-user-adds = der Lync-Benutzer fügt den XMPP-Benutzer hinzu
enable-xmpp-access = Die Richtlinie für externen Zugriff des Lync-Benutzers hat EnableXmppAccess
invited-first = Der Lync-Benutzer hat den XMPP-Benutzer bereits eingeladen
contact-approved = Zugestimmt
contact-not-approved = Nicht zugestimmt
contact-presence-visible = Anwesenheit sichtbar
contact-status-notes = Statusnotizen
contact-messages = Nachrichten
