## Der Kontaktsimulator: eine Zeile je Presence-Stanza zwischen einem Lync-Benutzer und einem
## XMPP-Benutzer ({ $from } und { $to } sind ihre Adressen).

contact-step-subscribe = { $from } fügt { $to } hinzu und bittet, die Anwesenheit zu sehen
contact-step-gateway-approves = das Gateway stimmt für { $from } zu: { $to } darf die Anwesenheit sehen
contact-step-approves = { $from } stimmt zu: { $to } darf die Anwesenheit sehen
contact-step-presence-with-note = Anwesenheit von { $from }, mit der Statusnotiz
contact-step-presence-without-note = Anwesenheit von { $from }, ohne die Statusnotiz
contact-step-presence = Anwesenheit von { $from }

# Die Beispiel-Statusnotiz des Lync-Benutzers, in einer Presence-Stanza gesendet.
contact-status-note-example = Bis 15 Uhr in einer Besprechung

## Das Ergebnis einer Kontaktanfrage, unter ihren Stanzas: Jede der vier Stellen ist ja oder nein.

contact-outcome = Zugestimmt: { $approved }; Anwesenheit sichtbar: { $presence }; Statusnotizen sichtbar: { $notes }; Nachrichten erlaubt: { $messages }.
contact-answer-yes = ja
contact-answer-no = nein

## Warum die Kontaktanfrage so endete ({ $domain } ist die XMPP-Domäne des Partners).

contact-reason-not-allowed-partner = { $domain } ist kein zugelassener XMPP-Partner: Fügen Sie die Domäne als Partner oder als zusätzliche Domäne eines Partners hinzu, bevor ihre Benutzer Kontakte sein können.
contact-reason-xmpp-access-disabled = Die Richtlinie für externen Zugriff des Lync-Benutzers aktiviert XMPP nicht: Setzen Sie `Set-CsExternalAccessPolicy -EnableXmppAccess $true` für die Richtlinie des Benutzers.
contact-reason-lync-user-invites = Ein Lync-Benutzer darf Kontakte jedes zugelassenen Partners hinzufügen; der Kontakt sieht dann seine Anwesenheit, Statusnotizen nur bei einem Verbundpartner.
contact-reason-federated-trusted = Verbund: Kontakte eines vertrauenswürdigen Partners dürfen Lync-Benutzer ohne Autorisierung hinzufügen, ihre Anwesenheit und Statusnotizen sehen und ihnen schreiben.
contact-reason-public-verified = Öffentlich überprüft: Der Anbieter überprüft seine Benutzer, daher dürfen sie Lync-Benutzer ohne Autorisierung hinzufügen und ihnen schreiben; Statusnotizen sehen sie nie.
contact-reason-invited-first = Öffentlich nicht überprüft, aber der Lync-Benutzer hat diesen Kontakt zuerst eingeladen und ihn damit autorisiert; Statusnotizen sieht er nie.
contact-reason-not-invited = Öffentlich nicht überprüft: Die Anfrage bleibt offen, denn ein Kontakt kann einen Lync-Benutzer erst hinzufügen, nachdem dieser ihn eingeladen hat. Der Lync-Benutzer muss den Kontakt zuerst hinzufügen.
