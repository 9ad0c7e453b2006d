## Schritte des Ablaufprotokolls: Jeder Schritt einer Aushandlung hat eine kurze Zusammenfassung (eine Zeile, klein geschrieben, nach dem Pfeil zwischen den beiden Beteiligten) und eine Erklärung (ganze Sätze, unter dem XML). { $initiating } ist die Domäne des Servers, der den Datenstrom öffnet, { $receiving } die des Servers, der ihn annimmt.

## Bevor etwas gesendet wird: die Liste zugelassener Partner in Lync, die Zugriffsregeln des Partners.

step-not-allowed =
    .summary = kein XMPP-Partner beansprucht { $domain }: Es wird nichts gesendet
    .explanation = Lync lässt Benutzer nur XMPP-Netzwerke erreichen, die zugelassene Partner sind. Fügen Sie { $domain } den zusätzlichen Domänen dieses Partners hinzu oder legen Sie einen Partner dafür an.
step-denied =
    .summary = öffnet keinen Datenstrom zu { $domain }: Seine Zugriffsregeln verbieten es
    .explanation = Der Partnerserver hat Zugriffsregeln für die Föderation (s2s_access bei ejabberd, die Berechtigungsliste bei Openfire), und sie verbieten { $domain }. Er versucht nicht einmal, sich zu verbinden: Nachrichten an { $domain } kommen bei ihm zurück.

## DNS: wo die Server einer Domäne lauschen (SRV-Einträge, RFC 6120 §3.2).

step-dns-query =
    .summary = SRV-Abfrage für _xmpp-server._tcp.{ $domain }
    .explanation = Der initiierende Server schlägt nach, wo die XMPP-Server von { $domain } lauschen.
# Der empfangende Server sucht den autoritativen Server, um einen Rückrufschlüssel zu prüfen.
step-dns-query-authoritative =
    .explanation = Um den Rückrufschlüssel zu prüfen, schlägt der empfangende Server den autoritativen Server der Absenderdomäne { $domain } nach.
step-dns-srv =
    .summary = SRV: { $host }, Port { $port }
    .explanation = Der SRV-Eintrag nennt Host und Port für die Verbindung.
step-dns-no-srv =
    .summary = kein SRV-Eintrag: { $domain }, Port 5269
    .explanation = Ohne SRV-Eintrag wird der A- oder AAAA-Eintrag der Domäne selbst mit dem Standardport 5269 verwendet.
step-dns-srv-root =
    .summary = SRV-Ziel ".": kein XMPP-Dienst
    .explanation = Ein SRV-Eintrag mit dem Ziel "." bedeutet, dass der Dienst ausdrücklich nicht verfügbar ist; der initiierende Server darf nicht auf den A-Eintrag ausweichen.
step-dns-nxdomain =
    .summary = { $domain } existiert nicht
    .explanation = Die Domäne lässt sich nicht auflösen, es gibt also keinen Server; Stanzas an sie kommen mit remote-server-not-found zurück.
# Der autoritative Server der Absenderdomäne lässt sich nicht finden: Laut DNS hat sie keinen XMPP-Dienst (srv-root), oder die Domäne lässt sich nicht auflösen.
step-dns-authoritative-missing =
    .explanation = Die Absenderdomäne { $domain } { $record ->
        [srv-root] hat einen SRV-Eintrag mit dem Ziel ".": kein XMPP-Dienst
       *[nxdomain] lässt sich nicht auflösen
    }, daher lässt sich ihr autoritativer Server nicht finden und der Schlüssel nicht prüfen; der empfangende Server meldet remote-server-not-found.

## TCP-Verbindungen.

step-connect =
    .summary = TCP-Verbindung zu { $host }:{ $port }
    .explanation = Der initiierende Server öffnet die TCP-Verbindung für den Datenstrom.
# Eine Verbindung des empfangenden Servers zum autoritativen Server, um einen Rückrufschlüssel zu prüfen.
step-connect-verify =
    .explanation = Eine eigene Verbindung, nur zum Prüfen des Schlüssels.
# Dasselbe, wenn der empfangende Server seine Prüfanfrage nur über einen eigenen, vollständigen Datenstrom sendet.
step-connect-verify-own-stream =
    .explanation = { $initiating } sendet seine Prüfanfrage nur über einen eigenen, authentifizierten Datenstrom zu { $receiving }: Er öffnet jetzt einen und handelt ihn wie jeden ausgehenden Datenstrom aus, bevor er fragt. Der Schlüssel lässt sich nur prüfen, wenn dieser Datenstrom gelingt.
step-unreachable =
    .summary = der autoritative Server von { $domain } ist nicht erreichbar
    .explanation = Ohne den autoritativen Server lässt sich der Schlüssel nicht prüfen; der empfangende Server meldet remote-connection-failed, und die Absenderdomäne bleibt unverifiziert.
step-connect-failed =
    .summary = keine TCP-Verbindung zu { $host }:{ $port }: { $error }
    .explanation = An dieser Adresse nahm nichts die Verbindung an: Der Server läuft nicht, eine Firewall verwirft Port 5269, oder DNS zeigt auf den falschen Host. Die nächste Adresse aus dem DNS wird versucht, falls es eine gibt.
step-timeout =
    .summary = keine Antwort innerhalb von { $seconds } s
    .explanation = Die Gegenseite hat innerhalb der Frist nichts mehr gesendet. Ein Server, der auf etwas wartet, das nie kommt (etwa eine Rückrufprüfung, die nicht gelingen kann), schließt den Datenstrom erst nach seiner eigenen Frist, oft Minuten später.
step-disconnected =
    .summary = schließt die TCP-Verbindung
    .explanation = Die TCP-Verbindung ist beendet; auf ihr kann nichts mehr ankommen.
step-unreadable =
    .summary = unlesbarer Datenstrom: { $message }
    .explanation = Was ankam, ist kein wohlgeformter XML-Datenstrom, daher lässt sich nichts danach lesen.

## TLS: der Handshake und die Zertifikate, die jede Seite vorlegt.

step-tls-error =
    .summary = TLS-Handshake scheitert: { $message }
    .explanation = Der TLS-Handshake wurde nicht abgeschlossen, daher kann der Datenstrom nicht weitergehen: Die Seiten haben keine gemeinsame Protokollversion oder Verschlüsselung, oder eine hat das Zertifikat der anderen abgelehnt.
# { $judged } ist step-judged-valid oder step-judged-not-valid; { $client } ist .client-certificate oder .client-no-certificate.
step-tls-handshake =
    .summary = TLS-Handshake
    .explanation = { $receiving } legt sein Zertifikat vor, das { $initiating } als { $judged } beurteilt; { $client }. Ab hier ist die Verbindung verschlüsselt, und der Datenstrom beginnt neu.
    .client-certificate = { $initiating } legt ein Zertifikat vor, das { $receiving } als { $judged } beurteilt
    .client-no-certificate = { $initiating } legt kein Zertifikat vor und kann daher SASL EXTERNAL nicht nutzen
# Wie eine Seite das Zertifikat der anderen beurteilt; { $problem } sagt, was daran falsch ist.
step-judged-valid = gültig
step-judged-not-valid = nicht gültig: Es { $problem }
# Die beiden Seiten haben keine gemeinsame TLS-Version; { $ending } ist „alert“, wenn die ablehnende Seite den Alarm protocol_version sendet, „closed“, wenn sie nur die Verbindung schließt. { $initiating-versions } ist eine Version oder ein Bereich (step-tls-version-range); { $refuser } ist die ablehnende Domäne.
step-tls-version-refused =
    .summary = TLS-Handshake scheitert: keine gemeinsame TLS-Version ({ $ending ->
        [alert] Alarm protocol_version
       *[closed] Verbindung geschlossen
    })
    .explanation = { $initiating } spricht { $initiating-versions }, { $receiving } spricht { $receiving-versions }: Es gibt keine Version, die beide sprechen, und { $refuser } beendet den Handshake { $ending ->
        [alert] mit dem Alarm protocol_version
       *[closed] durch Schließen der Verbindung, ohne Alarm
    }. TLS 1.0 und 1.1 sind veraltet (RFC 8996); jede Implementierung muss TLS 1.2 sprechen (RFC 9325). Ein Edge-Server von Lync Server 2013 oder Skype for Business 2015 spricht TLS 1.2, sobald die TLS-1.2-Updates für Windows und .NET installiert sind.
# Die TLS-Versionen, die ein Server spricht, etwa „TLS 1.0 bis 1.1“.
step-tls-version-range = { $low } bis { $high }
# { $judge } lehnt das Zertifikat von { $owner } ab.
step-tls-handshake-failed =
    .summary = TLS-Handshake scheitert: { $judge } lehnt das Zertifikat von { $owner } ab, es { $problem }
    .explanation = { $judge } prüft Zertifikate streng, und das Zertifikat von { $owner } { $problem }: Die prüfende Seite muss die Sitzung einseitig beenden. Der Fehler liegt in der TLS-Schicht, daher endet die TCP-Verbindung ohne schließendes Datenstrom-Tag.
# Wird an die Erklärung eines TLS-Schritts angehängt, wenn einem Zertifikat die XMPP-Domäne fehlt; { $names } zählt die Namen auf, die es hat.
step-certificate-unnamed = {" "}Das Zertifikat für { $domain } nennt { $names }, aber nicht { $domain }: Die Gegenseite erwartet die XMPP-Domäne selbst (RFC 6120 §13.7.1.2; ein Platzhalter deckt nur ein Label ab, RFC 6125 §6.4.3). Stellen Sie es mit { $domain } als alternativem Antragstellernamen neu aus.

## Der XML-Datenstrom und seine Features (RFC 6120 §4).

step-stream-open =
    .summary = öffnet den Datenstrom zu { $receiving }
    .explanation = { $initiating } öffnet einen XML-Datenstrom zu { $receiving }.
step-stream-restart-tls =
    .summary = startet den Datenstrom über TLS neu
    .explanation = Nach TLS sendet der initiierende Server einen neuen Datenstrom-Header, ohne den alten zu schließen; alles vor TLS Gelernte wird verworfen.
step-stream-restart-sasl =
    .summary = startet den Datenstrom nach SASL neu
    .explanation = Nach SASL beginnt der Datenstrom noch einmal neu.
# Wird an die Erklärung jedes der drei Schritte oben angehängt.
step-stream-declares-dialback = {" "}Er deklariert den Rückruf-Namensraum, weil er den Rückruf unterstützt.
step-stream-accept =
    .summary = antwortet mit einer neuen Datenstrom-ID
    .explanation = Der empfangende Server antwortet mit eigenem Header und einer neuen, unvorhersehbaren Datenstrom-ID; Rückrufschlüssel werden an diese ID gebunden.
    .declares-dialback = {" "}Er deklariert den Rückruf-Namensraum.
    .no-dialback = {" "}Er deklariert den Rückruf-Namensraum nicht: Er akzeptiert keinen Rückruf.
step-features-complete =
    .summary = keine weiteren Features: Aushandlung abgeschlossen
    .explanation = Ein leeres Features-Element: Der initiierende Server ist authentifiziert und darf Stanzas senden.
step-features-none =
    .summary = bietet kein Feature an
# { $offer } zählt auf, was angeboten wird, etwa „STARTTLS, SASL EXTERNAL, Rückruf“. Die Erklärung besteht aus den zutreffenden Sätzen unten.
step-features =
    .summary = bietet { $offer } an
    .tls-only = TLS ist verpflichtend, daher wird vorher nichts anderes angeboten.
    .tls-first = TLS ist verpflichtend; was sonst angeboten wird, zählt erst, wenn der Datenstrom verschlüsselt ist.
    .tls-optional = TLS wird angeboten, aber nicht verlangt.
    .external = SASL EXTERNAL wird angeboten, weil der initiierende Server ein Zertifikat aus einer vertrauenswürdigen Kette vorgelegt hat.
    .dialback-errors = Der Rückruf wird angeboten, mit Fehlerbehandlung.
    .dialback = Der Rückruf wird angeboten, ohne Fehlerbehandlung anzukündigen: Ein Rückruffehler beendet den Datenstrom.
    .nothing = Es wird nichts angeboten, das den initiierenden Server authentifizieren könnte.
# Einträge der Liste angebotener Features.
offer-starttls-required = STARTTLS (erforderlich)
offer-dialback = Rückruf

## STARTTLS und SASL EXTERNAL.

step-starttls =
    .summary = startet TLS
    .explanation = Der empfangende Server bietet STARTTLS an, und die Richtlinie des initiierenden Servers nutzt es.
    .explanation-not-offered = STARTTLS wird nicht angeboten, aber der initiierende Server verlangt TLS und versucht es trotzdem; das schützt vor Stripping-Angriffen.
step-proceed =
    .summary = stimmt TLS zu
    .explanation = TLS beginnt direkt nach diesem Element.
step-tls-refused =
    .summary = lehnt TLS ab
    .explanation = Der empfangende Server kann kein TLS (er unterstützt es nicht oder hat kein Zertifikat), antwortet daher mit einem Fehler und schließt den Datenstrom.
step-auth =
    .summary = authentifiziert sich mit SASL EXTERNAL
    .explanation = Der initiierende Server bittet um Authentifizierung über das in TLS vorgelegte Zertifikat; "=" bedeutet, dass er keine eigene Autorisierungsidentität angibt.
    .explanation-identity = Der initiierende Server bittet um Authentifizierung über das in TLS vorgelegte Zertifikat und nennt { $identity } als Autorisierungsidentität (base64); RFC 6120 §6.3.8 erlaubt das, nötig ist es für einen Server in eigener Sache nicht.
step-sasl-success =
    .summary = SASL EXTERNAL gelingt
    .explanation = Das Zertifikat ist für { $initiating } gültig; der Datenstrom beginnt noch einmal neu.
step-sasl-failure =
    .summary = SASL EXTERNAL scheitert: not-authorized
    .explanation-stays-open = Das Zertifikat authentifiziert { $initiating } nicht (XEP-0178 §3 Schritt 11b). Der Datenstrom bleibt offen, der initiierende Server kann also noch den Rückruf versuchen.
    .explanation-closes = Das Zertifikat authentifiziert { $initiating } nicht (XEP-0178 §3 Schritt 11b), und der empfangende Server nutzt keinen Rückruf, daher schließt er den Datenstrom.

## Rückruf (XEP-0220).

step-dialback-key =
    .summary = sendet den Rückrufschlüssel
    .explanation = Der Schlüssel ist HMAC-SHA256 über "{ $receiving-ascii } { $initiating-ascii } { $stream-id }" mit dem SHA-256 des Geheimnisses des initiierenden Servers: Er bindet die Absenderdomäne an diesen Datenstrom.
step-dialback-valid =
    .summary = Rückruf gelingt: { $initiating } ist verifiziert
    .explanation = Der autoritative Server hat den Schlüssel bestätigt: { $initiating } darf nun Stanzas an { $receiving } senden.
step-dialback-invalid =
    .summary = Rückruf scheitert: Der Schlüssel ist ungültig
    .explanation = Der autoritative Server hat den Schlüssel nicht bestätigt, daher schließt der empfangende Server den Datenstrom; wartende Stanzas kommen mit internal-server-error zurück.
step-dialback-error =
    .summary = Rückruffehler: { $condition }
    .explanation = Der Schlüssel konnte nicht geprüft werden ({ $condition }). Der Datenstrom bleibt offen, die Absenderdomäne ist aber nicht verifiziert, und wartende Stanzas kommen zurück.
step-dialback-denied =
    .summary = Rückruffehler: forbidden (Zugriff verweigert)
    .explanation = { $receiving } prüft den Schlüssel nicht: Seine Zugriffsregeln verbieten { $initiating }, und er antwortet mit dem Rückruffehler forbidden (XEP-0220 §2.5).
step-verify-open =
    .summary = öffnet einen reinen Prüf-Datenstrom
    .explanation = Der empfangende Server verbindet sich mit dem autoritativen Server von { $initiating }; ein Datenstrom nur zur Schlüsselprüfung braucht kein TLS.
step-verify-request =
    .summary = fragt, ob der Schlüssel für Datenstrom { $stream-id } gültig ist
    .explanation = Die Anfrage enthält den Schlüssel und die ID des Datenstroms, den der empfangende Server zum initiierenden Server geöffnet hat.
step-verify-valid =
    .summary = der Schlüssel ist gültig
    .explanation = Der autoritative Server berechnet den Schlüssel aus seinem Geheimnis und den Domänen und der Datenstrom-ID der Anfrage neu, und er stimmt überein.
step-verify-invalid =
    .summary = der Schlüssel ist ungültig
    .explanation = Der neu berechnete Schlüssel weicht ab: Der autoritative Server hat ein anderes Geheimnis oder kennt den Datenstrom nicht.
step-verify-close =
    .summary = schließt den Prüf-Datenstrom
    .explanation = Der Prüf-Datenstrom wird direkt nach der Antwort geschlossen.

## Das Ende eines Datenstroms und die erste Stanza.

# Auch die Zusammenfassung eines Datenstromfehlers, den die Gegenseite sendet. Die Erklärung ist einer der reason-…-Texte.
step-stream-error =
    .summary = Datenstromfehler: { $condition }
step-peer-error =
    .explanation-text = Die Gegenseite hat den Datenstrom beendet mit: "{ $text }"
    .explanation = Die Gegenseite hat den Datenstrom ohne Begründung in Worten beendet.
step-close =
    .summary = schließt den Datenstrom
    .explanation = Das schließende Datenstrom-Tag beendet den Datenstrom.
# { $reason } ist einer der reason-…-Texte.
step-abandon =
    .summary = schließt den Datenstrom ohne Datenstromfehler
    .explanation = Er schließt den Datenstrom ohne Datenstromfehler, die Gegenseite erfährt also nicht, warum: { $reason }
step-abandon-disconnect =
    .summary = schließt die TCP-Verbindung ohne ein Wort
    .explanation = Er schließt die TCP-Verbindung ohne Datenstromfehler und ohne schließendes Tag, die Gegenseite erfährt also nicht, warum: { $reason }
step-stanza =
    .summary = erste Nachricht auf dem ausgehandelten Datenstrom
    .explanation = Der Datenstrom ist authentifiziert: Stanzas von { $initiating } an { $receiving } fließen. Die Gegenrichtung braucht einen eigenen Datenstrom.
step-unknown =
    .summary = sendet <{ $name }/>
    .explanation = Ein Element außerhalb der Aushandlung; es ändert das Ergebnis nicht.

## Warum ein Server einen Datenstrom beendet: die Erklärung eines Datenstromfehlers oder eines ohne Fehler geschlossenen Datenstroms.

reason-tls-not-supported = Der empfangende Server macht TLS verpflichtend, und der initiierende Server unterstützt es nicht.
reason-no-viable-method = Nichts Angebotenes ist eine Authentifizierungsmethode, die der initiierende Server nutzt: weder SASL EXTERNAL noch der Rückruf. Er gibt auf.
reason-tls-without-certificate = Der empfangende Server verlangt TLS, hat aber kein Zertifikat, um es anzubieten, und kann daher keinen Datenstrom annehmen: eine Fehlkonfiguration.
reason-nothing-to-offer = Der empfangende Server kann den initiierenden Server nicht authentifizieren: SASL EXTERNAL braucht ein Zertifikat, das er für diese Domäne akzeptiert, und der Rückruf wird nicht genutzt. Er schließt den Datenstrom, statt ihn auslaufen zu lassen (RFC 6120 §6.4.5).
reason-secure-auth = Der empfangende Server verlangt ein gültiges Zertifikat (sichere Authentifizierung, kein Rückruf), und das Zertifikat des initiierenden Servers { $problem }.
reason-dialback-without-tls = Der empfangende Server verlangt TLS vor dem Rückruf, und der Datenstrom ist nicht verschlüsselt: Er konnte kein TLS anbieten (er hat kein Zertifikat), oder der initiierende Server hat es nicht gestartet.
reason-dialback-disabled = Der empfangende Server akzeptiert keinen Rückruf.
reason-not-allowed = { $initiating } ist kein zugelassener XMPP-Partner von { $receiving }, daher wird der Datenstrom abgelehnt.
reason-encryption-required-after-authentication = Der Datenstrom wurde ohne TLS authentifiziert, der Server verlangt aber Verschlüsselung. Er prüft das erst an dieser Stelle, der eben gelungene Rückruf ist also vergebens.
reason-encryption-required = Der Server verlangt Verschlüsselung, dieser Datenstrom ist aber nicht verschlüsselt, und auch sonst ist nichts Angebotenes nutzbar.
reason-dialback-refused = Der autoritative Server hat den Schlüssel von { $initiating } nicht bestätigt, daher beendet { $initiating } den Datenstrom.
reason-verification-timed-out = { $receiving } konnte den Schlüssel von { $initiating } nicht prüfen: Der Datenstrom, den er zum autoritativen Server von { $initiating } geöffnet hat, um die Prüfung zu übertragen, ist gescheitert (siehe die Prüfschritte). Prosody lässt den nicht authentifizierten Datenstrom warten und schließt ihn nach s2s_timeout, standardmäßig 90 Sekunden.
reason-host-unknown = Der Datenstrom ist an eine Domäne adressiert, die der empfangende Server nicht bedient.
reason-tls-not-offered = { $initiating } verlangt TLS, und { $receiving } hat STARTTLS nicht angeboten. Anders als RFC 7590 §3.1 es verlangt, versucht { $initiating } es nicht trotzdem.
reason-certificate-rejected = { $initiating } prüft Zertifikate streng und akzeptiert das Zertifikat von { $receiving } nicht: Es { $problem }. Er prüft erst, wenn der Datenstrom über TLS begonnen hat, und schließt ihn dann.
reason-denied = { $receiving } hat { $initiating } authentifiziert, aber seine Zugriffsregeln verbieten { $initiating }: Er weist die erste Stanza ab und beendet den Datenstrom. Nichts von { $initiating } kommt durch.
reason-tls-disabled = { $receiving } unterstützt kein TLS und lehnt die Bitte ab, es zu starten.
reason-after-dialback-error = Nach dem Rückruffehler beendet { $receiving } auch den Datenstrom, obwohl XEP-0220 §2.5 ihn offen lassen würde.
reason-answered-as = Der Server, den { $initiating } für { $receiving } erreicht hat, antwortet als eine andere Domäne (RFC 6120 §4.7.1): Er ist nicht als Server von { $receiving } eingerichtet, oder unter seiner Adresse antwortet etwas anderes. { $initiating } bricht ab. Der Server des Partners muss als { $receiving } antworten, seine XMPP-Domäne.
reason-unexpected = Die Gegenseite hat etwas gesendet, das das Protokoll an dieser Stelle nicht erlaubt (der Text des Fehlers nennt es). Der Datenstrom endet hier; der Fehler liegt beim Absender, nicht an einer Einstellung.

## Warum eine Aushandlung gescheitert ist, in wenigen Worten: die Bedingung des Ergebnisses, in „Gescheitert bei Schritt 3: …“.

condition-not-allowed = kein zugelassener XMPP-Partner
condition-denied = der Partnerserver verbietet unsere Domäne
condition-dns-srv-root = laut DNS ist der XMPP-Dienst nicht verfügbar
condition-dns-nxdomain = die Domäne existiert im DNS nicht
condition-stream-error = Datenstromfehler { $condition }
condition-tls-version = keine TLS-Version, die beide Seiten sprechen
condition-tls-failure = der empfangende Server hat TLS abgelehnt
# { $of } ist, wessen Zertifikat es ist: „our-proxy“ (unser Proxy), „partner“ oder „authoritative“ (autoritativer Server).
condition-certificate-rejected = { $of ->
        [our-proxy] das Zertifikat unseres XMPP-Proxys
        [partner] das Zertifikat des Partnerservers
       *[authoritative] das Zertifikat des autoritativen Servers
    } wurde abgelehnt: Es { $problem }
condition-sasl-failure = SASL gescheitert: { $condition }
condition-dialback-invalid = der Rückrufschlüssel ist ungültig
condition-dialback-error = Rückruffehler { $condition }
condition-connection-closed = die Verbindung wurde geschlossen
condition-unreachable = keine TCP-Verbindung möglich ({ $error })
condition-timeout = keine Antwort innerhalb von { $seconds } s
condition-tls-error = der TLS-Handshake ist gescheitert ({ $message })
condition-unreadable = der Datenstrom ist kein wohlgeformtes XML ({ $message })
condition-stalled = die Simulation kam nach { $steps ->
        [one] 1 Schritt
       *[other] { $steps } Schritten
    } zu keinem Ergebnis
condition-answered-as = der für { $expected } erreichte Server antwortete als `{ $answered }`
condition-misdriven = eine Maschine bekam { $input }, wo sie es nicht annehmen kann

## Wer die Ursache ist: nach „Ursache:“ und in Klammern nach einer Behebung oder einem Grund.

fault-ours = unsere Konfiguration
fault-partner = der Partner
fault-environment = die Umgebung
fault-simulator = niemand: ein interner Fehler des Simulators, bitte mit dem Szenario melden

## Das Ergebnis in einem Satz, unter dem Ablaufprotokoll.

# { $method } ist die Authentifizierungsmethode, { $level } die Föderationsstufe.
verdict-established = Aufgebaut mit { $method }; Föderationsstufe: { $level } (XEP-0238).
# { $detail } ist leer oder ein Satz, der mit einem Leerzeichen beginnt; { $fix } ist einer der verdict-fix-…-Texte.
verdict-failed = Gescheitert bei Schritt { $step }: { $condition }.{ $detail } Ursache: { $fault }.{ $fix }
# { $setting } ist der Name einer Einstellung, { $value } ihr Wert, { $side } einer der fault-…-Texte.
verdict-fix-add = {" "}Behebung: { $value } zu { $setting } hinzufügen ({ $side }), für { $method }.
verdict-fix-set = {" "}Behebung: { $setting } auf { $value } setzen ({ $side }), für { $method }.
verdict-fix-none = {" "}Keine einzelne Änderung behebt es.
