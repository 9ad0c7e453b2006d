## „XMPP-Verbundpartner“: die Liste, die Übersicht des ausgewählten Partners, der Editor (Neu und Bearbeiten) und seine Befunde.

partners-title = XMPP-Verbundpartner
partners-new = Neu
partners-edit = Bearbeiten
partners-delete = Löschen
partners-commit = Commit
confirm-delete = Den Partner { $domain } löschen? Seine Benutzer erreichen Ihre dann nicht mehr.
no-partners = Noch keine Partner. Wählen Sie Neu, um einen hinzuzufügen.
primary-domain = Primäre Domäne
primary-domain-hint = Die Basisdomäne des Partners, etwa fabrikam.com. Sie ist die Identität des Partners und ändert sich nach dem Commit nicht mehr.
partner-type = Partnertyp
dialback-short = Rückruf
column-row = Zeile
column-methods = Authentifizierungsmethoden
findings-title = Befunde
no-method = keine: keine gültige Konfiguration
verdict-valid = gültig
verdict-warning = gültig, mit Warnung
verdict-not-valid = nicht gültig
common-configuration = Eine der üblichen Konfigurationen der Dokumentation
refused-by-control-panel = von der Systemsteuerung abgelehnt
nothing-selected = Kein Partner ausgewählt
nothing-selected-hint = Wählen Sie einen Partner in der Liste aus, oder legen Sie mit Neu einen an.
watch-negotiation = Aushandlung ansehen
partner-domains = Domänen
partner-description = Beschreibung
no-findings = Nichts zu melden: Die Systemsteuerung würde diesen Partner übernehmen.
severity-error = Fehler
severity-warning = Warnung
severity-note = Hinweis
edit-partner = { $domain } bearbeiten
new-partner = Neuer XMPP-Verbundpartner
not-saved = Nicht gespeichert.
editor-partner = Partner
additional-domains = Zusätzliche Domänen
additional-domain = Zusätzliche Domäne { $number }
add-domain = Domäne hinzufügen
remove-domain = { $domain } entfernen
editor-negotiation = Aushandlung
tls-negotiation = TLS-Aushandlung
sasl-negotiation = SASL-Aushandlung
dialback-negotiation = Serverrückruf-Aushandlung unterstützen
editor-connection = Verbindung
keep-alive = Keep-Alive (-EnableKeepAlive)
connection-limit = Verbindungslimit (-ConnectionLimit)
connection-limit-hint = Leer: Es gilt das Limit des Gateways von 20 Verbindungen je Partner.
proxy-fqdn = FQDN des Partner-Proxys (-ProxyFqdn)
findings-summary = { $errors } Fehler · { $warnings ->
        [one] 1 Warnung
       *[other] { $warnings } Warnungen
    } · { $notes ->
        [one] 1 Hinweis
       *[other] { $notes } Hinweise
    }
see-fields = Nichts wurde übernommen: Die unten markierten Felder enthalten Fehler. Beheben Sie sie und führen Sie Commit erneut aus; Warnungen blockieren nicht.
partner-selected = ausgewählt
partners-error-count = { $count } Fehler
partners-warning-count = { $count ->
        [one] 1 Warnung
       *[other] { $count } Warnungen
    }
