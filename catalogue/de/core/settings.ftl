## Die Cmdlet-Werte der Partnereinstellungen, wie die Systemsteuerung sie beschriftet, und was
## jeder Partnertyp für Kontakte bedeutet.

negotiation-required = Erforderlich
negotiation-optional = Optional
negotiation-not-supported = Nicht unterstützt

partner-type-federated = Verbund
    .meaning = Vertrauenswürdig: Kontakte des Partners können Lync-Benutzer ohne vorherige Autorisierung hinzufügen, ihre Anwesenheit und Statusnotizen sehen und ihnen Nachrichten senden.
partner-type-public-verified = Öffentlich überprüft
    .meaning = Der Anbieter überprüft seine Benutzer: Kontakte des Partners können Lync-Benutzer ohne Autorisierung hinzufügen und ihnen schreiben, sehen aber nie Statusnotizen.
partner-type-public-unverified = Öffentlich nicht überprüft
    .meaning = Kein überprüfbares Vertrauen: Ein Kontakt des Partners erreicht einen Lync-Benutzer erst, nachdem dieser ihn eingeladen hat.
