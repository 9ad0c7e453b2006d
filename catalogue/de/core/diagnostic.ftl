## Diagnosen: die Befunde der Prüfung. Jeder Code (XF001 …) ist ein Eintrag, benannt nach dem
## Code in Kleinbuchstaben:
##   .summary  ein Satz dazu, was der Code bedeutet, in docs/diagnostics.md
##   .message  was falsch ist: kurz, kleingeschrieben, ohne Schlusspunkt, Eingaben in Backticks
##   .help     die genaue Behebung: ohne Schlusspunkt, als Aufforderung („Setzen Sie …“)
## Attribute wie .message-ambiguous oder .help-no-suggestion sind Varianten eines Codes.
## Text in Backticks, Cmdlet-Namen und -Parameter (-TlsNegotiation), Cmdlet-Werte (`Required`,
## `NotSupported`), Feldnamen (`saslNegotiation`) und Matrixzeilen (M7) bleiben unverändert.

## Der Schweregrad eines Befunds, vor dem Code angezeigt: „Fehler[XF101]“.

diagnostic-severity-error = Fehler
diagnostic-severity-warning = Warnung
diagnostic-severity-info = Hinweis

## Die Arten von Werten, eingesetzt in die Meldung von XF003: „`connectionLimit` muss eine ganze
## Zahl von 0 bis 4294967295 sein, nicht die Zeichenkette `20`“.

diagnostic-kind-text = Text
diagnostic-kind-bool = true oder false
diagnostic-kind-whole-number = eine ganze Zahl von 0 bis 4294967295
diagnostic-kind-list = eine Liste
diagnostic-kind-object = ein Objekt
diagnostic-kind-string = die Zeichenkette `{ $value }`

# Die Behebung, die mehrere Hilfetexte der Matrix-Codes (XF101, XF102, XF103, XF105) enthalten:
# klein mitten im Satz, groß am Satzanfang.
-diagnostic-tls-required = setzen Sie `tlsNegotiation` auf `Required` (-TlsNegotiation Required)
-diagnostic-tls-required-start = Setzen Sie `tlsNegotiation` auf `Required` (-TlsNegotiation Required)

## XF0xx: Die Eingabe lässt sich nicht als Konfiguration lesen.

xf001 =
    .summary = Ein Feld, das das Format nicht kennt; meist ein Tippfehler.
    .message = unbekanntes Feld `{ $field }`
    .help = Meinten Sie `{ $suggestion }`?
    .help-no-suggestion = Entfernen Sie das Feld; die bekannten Felder stehen im Schema

# $allowed ist die Liste der Werte, jeder in Backticks: `Required`, `Optional`, `NotSupported`
xf002 =
    .summary = Ein Wert außerhalb der erlaubten Werte des Felds.
    .message = `{ $value }` ist kein gültiger Wert für `{ $field }`
    .help = Meinten Sie `{ $suggestion }`? Die Werte sind { $allowed }
    .help-no-suggestion = Verwenden Sie einen dieser Werte: { $allowed }

# $expected ist eine der Arten von Werten oben; $found ein Wert in Backticks oder eine Art.
xf003 =
    .summary = Ein Wert der falschen Art, etwa Text, wo eine Zahl stehen muss.
    .message = `{ $field }` muss { $expected } sein, nicht { $found }
    .help-bool = Schreiben Sie `true` oder `false` ohne Anführungszeichen ($true oder $false in PowerShell)
    .help-whole-number = Schreiben Sie die Zahl ohne Anführungszeichen, zum Beispiel `20`
    .help-text = Schreiben Sie den Wert als Zeichenkette in Anführungszeichen
    .help-list = Schreiben Sie eine Liste, zum Beispiel `["corp.fabrikam.com"]`
    .help-object = Schreiben Sie ein Objekt mit benannten Feldern, zum Beispiel `{"{"}"domain": "fabrikam.com"{"}"}`

xf004 =
    .summary = Ein Pflichtfeld fehlt.
    .message = `{ $field }` ist erforderlich
    .help = Ergänzen Sie `{ $field }`, zum Beispiel `"{ $field }": "fabrikam.com"`

xf005 =
    .summary = Ein Feld steht zweimal in einem Eintrag.
    .message = `{ $field }` ist doppelt angegeben
    .help = Behalten Sie nur einen der beiden Werte

# Der Hilfetext ist der eigene Hilfetext des Domänenfehlers.
xf006 =
    .summary = Eine Domäne, die kein brauchbarer DNS-Name ist: eine JID, URL, IP-Adresse, ein Platzhalter oder ein Name, der gegen die DNS- oder IDNA-Regeln verstößt.
    .message = `{ $field }`: { $error }

xf007 =
    .summary = Ein Wert jenseits der Grenzen, die der Leser akzeptiert.
    .message-entries = `{ $field }` hat { $actual ->
        [one] 1 Eintrag
       *[other] { $actual } Einträge
    }; höchstens { $limit } { $limit ->
        [one] wird
       *[other] werden
    } gelesen
    .message-characters = `{ $field }` ist { $actual } Zeichen lang; höchstens { $limit } { $limit ->
        [one] wird
       *[other] werden
    } gelesen
    .help = Teilen Sie die Eingabe in kleinere Dokumente auf oder kürzen Sie den Wert

xf008 =
    .summary = Eine Liste, die Format-List mit `...` gekürzt hat; der eingefügte Text ist unvollständig.
    .message = `{ $property }` wurde von Format-List gekürzt
    .help = Führen Sie `$FormatEnumerationLimit = -1` vor `Get-CsXmppAllowedPartner | Format-List` aus und fügen Sie die Ausgabe erneut ein

xf009 =
    .summary = Eine Format-List-Eigenschaft, die nicht zur Partnerkonfiguration gehört.
    .message = Eigenschaft `{ $property }` gehört nicht zur Partnerkonfiguration und wurde ignoriert
    .help = Nichts zu tun; nur Partnereinstellungen werden gelesen

# $switch ist WhatIf oder InMemory.
xf010 =
    .summary = Ein PowerShell-Befehl mit -WhatIf oder -InMemory, der nichts ändert.
    .message = `{ $command }` hat `-{ $switch }` und ändert daher nichts
    .help = Entfernen Sie `-{ $switch }`, damit der Befehl wirkt

# $character ist der Codepunkt, etwa U+0007.
xf011 =
    .summary = Ein Steuerzeichen in einem Textfeld (C0 außer Tabulator und Zeilenumbrüchen, DEL oder C1), das ein Exportformat nicht darstellen kann oder auf das ein Terminal reagieren würde.
    .message = `{ $field }` enthält das Steuerzeichen { $character }
    .help = Entfernen Sie es: Textfelder sind reiner Text, Tabulatoren und Zeilenumbrüche sind erlaubt

# $argument ist der Name des Parameters ohne Bindestrich, oder ein Wert; $candidates ist eine
# Liste von Parametern, jeder in Backticks.
xf012 =
    .summary = Ein PowerShell-Argument passt zu keinem Parameter, daher würde PowerShell den Befehl nicht ausführen.
    .message = `{ $command }` hat keinen Parameter `-{ $argument }`
    .message-ambiguous = Parameter `-{ $argument }` von `{ $command }` ist mehrdeutig: { $candidates }
    .message-unexpected = `{ $command }` nimmt keinen weiteren Wert an, aber `{ $argument }` ist angegeben
    .message-missing-value = Parameter `-{ $argument }` von `{ $command }` hat keinen Wert
    .message-conflict = `{ $command }` kann nicht `-{ $argument }` und `-{ $other }` zugleich annehmen
    .message-repeated = Parameter `-{ $argument }` von `{ $command }` ist doppelt angegeben
    .message-not-supported = `-{ $argument }` von `{ $command }` übergibt ein Objekt, das nicht gelesen wird
    .message-not-boolean = Parameter `-{ $argument }` von `{ $command }` nimmt `$true` oder `$false` an, keinen Text
    .help = Meinten Sie `-{ $suggestion }`?
    .help-no-suggestion = Entfernen Sie das Argument; Get-Help zeigt die Parameter des Cmdlets
    .help-ambiguous = Schreiben Sie den vollen Namen, etwa `-{ $parameter }`
    .help-unexpected = Entfernen Sie `{ $argument }`, oder nennen Sie seinen Parameter
    .help-missing-value = Schreiben Sie den Wert hinter `-{ $argument }`
    .help-conflict = Behalten Sie nur einen davon; `-{ $argument }` benennt den Partner
    .help-repeated = Behalten Sie einen der beiden Werte; PowerShell verweigert den Befehl
    .help-not-supported = Benennen Sie den Partner mit -Identity und geben Sie jede Einstellung als Parameter an
    .help-not-boolean = Schreiben Sie `-{ $argument } $true` oder `-{ $argument } $false`

## XF1xx: die Aushandlungseinstellungen eines Partners, gemessen an der Lync-Matrix. $row ist
## eine Matrixzeile, etwa M6; $methods nennt die Authentifizierungsmethoden einer Zeile.

xf101 =
    .summary = SASL ist erforderlich oder optional, TLS aber nicht unterstützt (M5, M6, M11, M12); die Systemsteuerung lehnt das Speichern ab.
    .message = SASL ist `{ $sasl }`, TLS aber `NotSupported`: SASL erfordert TLS, und die Systemsteuerung speichert das nicht
    .help = { -diagnostic-tls-required-start }, oder setzen Sie `saslNegotiation` auf `NotSupported` (-SaslNegotiation NotSupported)

xf102 =
    .summary = Eine Matrixzeile „Ungültige Konfiguration“ (M6, M12, M14, M16, M18): Es bleibt keine Authentifizierungsmethode.
    .message-sasl-without-tls = keine gültige Konfiguration ({ $row }): SASL kann ohne TLS nicht laufen, und der Rückruf ist aus, also kann keine Methode den Datenstrom authentifizieren
    .message-sasl-off = keine gültige Konfiguration ({ $row }): Mit SASL `NotSupported` und ausgeschaltetem Rückruf kann keine Methode den Datenstrom authentifizieren
    .help-sasl-without-tls = { -diagnostic-tls-required-start } für SASL über TLS, oder schalten Sie `supportDialbackNegotiation` ein (-SupportDialbackNegotiation $true) für den TCP-Rückruf
    .help-sasl-off = Schalten Sie `supportDialbackNegotiation` ein (-SupportDialbackNegotiation $true, Zeile { $row }: { $methods }), oder aktivieren Sie SASL mit TLS

xf103 =
    .summary = M5 und M11: beim Speichern abgelehnt, obwohl die Matrix ihnen den TCP-Rückruf zuordnet.
    .message = die Matrix ordnet { $row } trotzdem den TCP-Rückruf zu: Wo diese Einstellungen gelten, authentifiziert sich der Partner nur per unverschlüsseltem TCP-Rückruf, und SASL wird nie verwendet
    .help = Um nur den TCP-Rückruf zu behalten, setzen Sie `saslNegotiation` auf `NotSupported` (Zeile M17); um SASL zu nutzen, { -diagnostic-tls-required }

xf104 =
    .summary = M1: Der Rückruf ist eingeschaltet, wird aber nicht ausgeführt, wenn TLS und SASL beide erforderlich sind.
    .message = der Rückruf ist eingeschaltet, wird aber nicht ausgeführt, wenn TLS und SASL beide `Required` sind (M1)
    .help = Um den Rückruf als Ausweichverfahren zu erlauben, setzen Sie `saslNegotiation` auf `Optional` (Zeile M7); um klarzustellen, dass er aus ist, setzen Sie `supportDialbackNegotiation` auf false (Zeile M2)

xf105 =
    .summary = SASL ist aktiv, TLS aber nur optional (M3, M4, M9, M10); Aushandlungen scheitern, wenn der Partner kein TLS anbietet.
    .message-dialback-on = SASL erfordert TLS, aber TLS ist nur `Optional` ({ $row }): Bietet der Partner kein TLS an, kann SASL nicht laufen, und nur der unverschlüsselte TCP-Rückruf bleibt
    .message-dialback-off = SASL erfordert TLS, aber TLS ist nur `Optional` ({ $row }): Bietet der Partner kein TLS an, schlägt die Sitzung fehl
    .help = Sofern der Partner TLS unterstützt, { -diagnostic-tls-required }: Zeile { $row }, { $methods }

xf106 =
    .summary = M7: Die Tabelle der gängigen Konfigurationen (C2) nennt zusätzlich den TCP-Rückruf; dieses Werkzeug folgt der vollständigen Matrix.
    .message = die Tabelle der gängigen Konfigurationen (C2) nennt für diese Einstellungen den TCP-Rückruf, die vollständige Matrix (M7) nicht; bei TLS `Required` wird kein unverschlüsselter Datenstrom verwendet, daher folgt dieses Werkzeug der Matrix
    .help = Nichts zu beheben; bietet der Partner kein TLS an, scheitern diese Einstellungen, statt auf den TCP-Rückruf auszuweichen

## XF2xx: die Einstellungen eines Partners. $domain ist eine Domäne, wie der Benutzer sie
## geschrieben hat, $domain-ascii ihre ASCII-Form (bei den meisten Domänen dieselbe).

# $domain steht schon in Backticks, mit ihrer ASCII-Form daneben, wenn diese abweicht.
xf201 =
    .summary = Eine zusätzliche Domäne wiederholt die primäre oder eine andere zusätzliche Domäne, eventuell in anderer Schreibweise.
    .message-of-primary = zusätzliche Domäne { $domain } wiederholt die primäre Domäne
    .message-twice = zusätzliche Domäne { $domain } ist doppelt aufgeführt
    .help = Entfernen Sie den wiederholten Eintrag (-AdditionalDomains @{"{"}Remove='{ $domain-ascii }'{"}"} entfernt jede Kopie; fügen Sie sie einmal wieder hinzu, wenn sie nicht die primäre Domäne ist)

xf202 =
    .summary = Eine zusätzliche Domäne liegt nicht unterhalb der primären Domäne; das Cmdlet erlaubt das.
    .message = zusätzliche Domäne `{ $domain }` liegt nicht unterhalb der primären Domäne `{ $primary }`
    .help = Nichts zu beheben, wenn der Partner diese Domäne wirklich bedient; sonst entfernen Sie sie

xf203 =
    .summary = Das Verbindungslimit eines Partners liegt über dem PartnerConnectionLimit des Gateways, das es begrenzt.
    .message = Verbindungslimit { $limit } liegt über dem Limit pro Partner des Gateways von { $gateway-limit }, das stattdessen gilt
    .help = Senken Sie `connectionLimit` auf höchstens { $gateway-limit }, oder erhöhen Sie das Limit des Gateways (Set-CsXmppGatewayConfiguration -PartnerConnectionLimit)

xf204 =
    .summary = Ein Verbindungslimit von 0 erlaubt keine Verbindung.
    .message = Verbindungslimit 0 erlaubt keine Verbindung zu diesem Partner
    .help = Entfernen Sie `connectionLimit`, um das Limit pro Partner des Gateways zu verwenden, oder setzen Sie es auf mindestens 1

xf205 =
    .summary = Eine Beschreibung mit mehr als 1024 Zeichen.
    .message = Beschreibung ist { $length } Zeichen lang; die Grenze ist 1024
    .help = Kürzen Sie die Beschreibung auf 1024 Zeichen; längere Notizen gehören woanders hin

xf206 =
    .summary = Der Proxy-FQDN besteht aus einem einzigen Label und ist damit nicht voll qualifiziert.
    .message = Proxy `{ $proxy }` ist kein vollqualifizierter Domänenname
    .help = Geben Sie den vollständigen Namen ein, etwa `{ $proxy }.fabrikam.com`

xf207 =
    .summary = Eine Partnerdomäne mit einem einzigen Label ist über öffentliche DNS-SRV-Einträge nicht auffindbar.
    .message = Domäne `{ $domain }` besteht aus einem einzigen Label und ist im öffentlichen DNS nicht auffindbar
    .help = Geben Sie die vollständige XMPP-Domäne des Partners ein, etwa `fabrikam.com`

# $service ist der Name eines öffentlichen Dienstes, etwa Google Talk.
xf208 =
    .summary = Ein bekannter öffentlicher Dienst mit Aushandlungseinstellungen, die er nicht nutzen kann.
    .message = { $service } föderiert nur über unverschlüsseltes TCP mit Rückruf, diese Einstellungen sind aber { $row }
    .help = Setzen Sie TLS und SASL auf `NotSupported` und schalten Sie den Rückruf ein (-TlsNegotiation NotSupported -SaslNegotiation NotSupported -SupportDialbackNegotiation $true), Zeile M17

xf209 =
    .summary = Ein bekannter öffentlicher Dienst mit eingeschaltetem Keep-Alive, entgegen dem dokumentierten Beispiel.
    .message = Keep-Alive ist für { $service } eingeschaltet; die dokumentierte Einrichtung schaltet es aus
    .help = Setzen Sie `enableKeepAlive` auf false (-EnableKeepAlive $false)

# $partner-type ist ein Cmdlet-Wert: Federated, PublicVerified.
xf210 =
    .summary = Ein bekannter öffentlicher Dienst mit einem Partnertyp, der ihm die Überprüfung seiner Benutzer zutraut.
    .message = { $service } ist ein öffentlicher Dienst, der seine Benutzer nicht überprüft, der Typ ist aber `{ $partner-type }`
    .help = Setzen Sie `partnerType` auf `PublicUnverified` (-PartnerType PublicUnverified)

xf211 =
    .summary = Ein Domänenlabel mischt Schriften, etwa Lateinisch und Kyrillisch (UTS #39).
    .message = Label `{ $label }` von `{ $domain }` mischt Schriften
    .help = Klären Sie mit dem Partner, dass `{ $domain-ascii }` wirklich seine Domäne ist; geben Sie sie aus einer vertrauenswürdigen Quelle neu ein

xf212 =
    .summary = Eine Domäne von Google Talk (gmail.com, googlemail.com): Google hat die XMPP-Server-zu-Server-Föderation am 26. Juni 2017 beendet, der Partner verbindet sich nie.
    .message = Google hat die XMPP-Server-zu-Server-Föderation am 26. Juni 2017 beendet: `{ $domain }` kann keine Verbindung mehr aufbauen
    .help = Entfernen Sie den Partner (Remove-CsXmppAllowedPartner -Identity '{ $domain-ascii }') oder behalten Sie ihn nur zur Dokumentation: Keine Einstellung bringt eine Verbindung zustande
    .help-additional = Entfernen Sie `{ $domain }` aus den zusätzlichen Domänen (-AdditionalDomains @{"{"}Remove='{ $domain-ascii }'{"}"}): Keine Einstellung bringt eine Verbindung zustande

## XF3xx: mehrere Partner zusammen.

xf301 =
    .summary = Eine Domäne wird von zwei Partnern beansprucht; das Routing ist mehrdeutig.
    .message = Domäne `{ $domain }` wird bereits von Partner `{ $claimed-by }` beansprucht
    .help = Behalten Sie `{ $domain }` nur bei einem Partner: Entfernen Sie sie hier oder bei `{ $claimed-by }` (-AdditionalDomains @{"{"}Remove='{ $domain-ascii }'{"}"})

xf302 =
    .summary = Zwei Partner haben dieselbe primäre Domäne (Identität).
    .message = Partner `{ $identity }` ist doppelt aufgeführt
    .message-different-settings = Partner `{ $identity }` ist doppelt aufgeführt, mit unterschiedlichen Einstellungen
    .help = Behalten Sie einen Eintrag für `{ $identity }` und führen Sie die Einstellungen darin zusammen

xf303 =
    .summary = Die eigenen Verbindungslimits der Partner ergeben zusammen mehr als das Gesamtlimit des Gateways.
    .message = die eigenen Verbindungslimits der Partner ergeben zusammen { $sum }, mehr als das Gesamtlimit des Gateways von { $gateway-limit }
    .help = Erhöhen Sie das Limit des Gateways auf { $sum } (Set-CsXmppGatewayConfiguration -ConnectionLimit { $sum }), oder senken Sie die Limits der Partner

# $lookalike ist eine Domäne des Partners $partner.
xf304 =
    .summary = Eine Domäne sieht aus wie die Domäne eines anderen Partners (verwechselbare Skelette nach UTS #39).
    .message = `{ $domain }` ({ $domain-ascii }) sieht aus wie `{ $lookalike }`
    .message-additional-domain = `{ $domain }` ({ $domain-ascii }) sieht aus wie `{ $lookalike }` des Partners `{ $partner }`
    .help = Klären Sie mit dem Partner, dass `{ $domain-ascii }` wirklich ihm gehört; ist es eine Nachahmung, entfernen Sie sie

## XF4xx: die Einstellungen des Gateways.

xf401 =
    .summary = Das Limit pro Partner des Gateways liegt über seinem Gesamtlimit.
    .message = das Limit pro Partner von { $partner-limit } liegt über dem Gesamtlimit von { $total }
    .help = Setzen Sie das Limit pro Partner auf höchstens { $total } (Set-CsXmppGatewayConfiguration -PartnerConnectionLimit)

xf402 =
    .summary = Das Gateway protokolliert den Inhalt jeder Nachricht.
    .message = das Gateway protokolliert den Inhalt jeder Nachricht
    .help = Schalten Sie es aus, sofern keine Richtlinie es verlangt (Set-CsXmppGatewayConfiguration -EnableLoggingAllMessageBodies $false)

xf403 =
    .summary = Ein Zeitlimit oder Intervall des Gateways von 0 Sekunden.
    .message = `{ $field }` beträgt 0 Sekunden
    .help = Entfernen Sie `{ $field }`, um den Standardwert zu verwenden, oder setzen Sie eine Sekundenzahl über 0

## XF5xx: eine Änderung der Konfiguration.

xf501 =
    .summary = Eine Änderung oder Entfernung nennt einen Partner, den es nicht gibt.
    .message = es gibt keinen Partner `{ $identity }`
    .help = Meinten Sie `{ $suggestion }`?
    .help-no-suggestion = Legen Sie den Partner zuerst an (New-CsXmppAllowedPartner)

xf502 =
    .summary = Die primäre Domäne eines neuen Partners ist bereits ein Partner.
    .message = Partner `{ $identity }` existiert bereits
    .help = Bearbeiten Sie stattdessen den vorhandenen Partner (Set-CsXmppAllowedPartner -Identity '{ $identity-ascii }')
