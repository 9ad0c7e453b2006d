## Warum eine Partnerdomäne abgelehnt wurde (.message: kurz, die Eingabe in Backticks) und die
## genaue Abhilfe (.help). Angezeigt unter dem Domänenfeld und im Bericht der Prüfung.

domain-error-empty =
    .message = Domäne ist leer
    .help = Geben Sie die XMPP-Domäne des Partners ein, zum Beispiel `fabrikam.com`
domain-error-whitespace =
    .message = Domäne `{ $input }` enthält Leerraum
    .help = Entfernen Sie Leerzeichen und Zeilenumbrüche
domain-error-url =
    .message = `{ $input }` ist eine URL, keine Domäne
    .help = Geben Sie nur den Hostnamen ein, ohne Schema, Port oder Pfad
domain-error-jid =
    .message = `{ $input }` ist eine XMPP-Adresse, keine Domäne
    .help = Geben Sie den Domänenteil der Adresse ein
domain-error-wildcard =
    .message = `{ $input }` enthält einen Platzhalter
    .help = Führen Sie jede Domäne einzeln auf: die primäre Domäne und jede Unterdomäne als zusätzliche Domäne
domain-error-ip-literal =
    .message = `{ $input }` ist eine IP-Adresse, keine Domäne
    .help = Geben Sie die Domäne ein, die in den XMPP-Adressen des Partners steht; DNS-SRV-Einträge führen von ihr zu den Servern
domain-error-numeric-top-level =
    .message = `{ $input }`: Das letzte Label `{ $label }` besteht nur aus Ziffern; eine Top-Level-Domäne enthält Buchstaben
    .help = Prüfen Sie das letzte Label: Geben Sie die vollständige XMPP-Domäne des Partners ein, endend auf ihre Top-Level-Domäne, zum Beispiel `fabrikam.com`
# .help-suggestion: wenn der Hostteil eine gültige Domäne ist, die die Hilfe vorschlägt.
domain-error-port =
    .message = `{ $input }` enthält einen Port
    .help = Entfernen Sie `:{ $port }`: Der Port ergibt sich aus dem DNS-SRV-Eintrag
    .help-suggestion = Entfernen Sie `:{ $port }`: Der Port ergibt sich aus dem DNS-SRV-Eintrag (standardmäßig 5269); verwenden Sie `{ $domain }`
domain-error-empty-label =
    .message = `{ $input }` enthält ein leeres Label
    .help = Entfernen Sie den überzähligen Punkt: Labels werden durch einzelne Punkte getrennt
domain-error-invalid-character =
    .message = `{ $input }` enthält `{ $character }`, das in einer Domäne nicht erlaubt ist
    .help = Verwenden Sie in jedem Label nur Buchstaben, Ziffern und Bindestriche
domain-error-symbol =
    .message = `{ $input }` enthält das Symbol `{ $character }`, das XMPP-Domänen nicht enthalten können
    .help = Entfernen Sie das Symbol: XMPP-Domänen sind internationalisierte Domänennamen nach IDNA2008 (RFC 7622), die Buchstaben, Ziffern und Bindestriche erlauben
domain-error-hyphen-position =
    .message = Label `{ $label }` beginnt oder endet mit einem Bindestrich
    .help = Entfernen Sie den Bindestrich am Anfang oder Ende des Labels
domain-error-label-too-long =
    .message = Label `{ $label }` ist { $length ->
        [one] 1 Zeichen
       *[other] { $length } Zeichen
    } lang; DNS erlaubt 63
    .help = Kürzen Sie das Label auf höchstens 63 Zeichen (bei internationalisierten Namen in der `xn--`-Form)
domain-error-too-long =
    .message = Domäne ist { $length ->
        [one] 1 Zeichen
       *[other] { $length } Zeichen
    } lang; DNS erlaubt 253
    .help = Kürzen Sie die Domäne auf höchstens 253 Zeichen

domain-error-idna =
    .message = `{ $input }` ist kein gültiger internationalisierter Domänenname
    .help = Entfernen Sie Symbole und unzulässige Zeichen, und mischen Sie in einem Label keine rechts- und linksläufige Schrift (UTS #46)

# Eine der Hilfen oben (Leerraum, URL, XMPP-Adresse), gefolgt von der Domäne, die die Eingabe
# vermutlich meint.
domain-use-suggestion = { $help }: Verwenden Sie `{ $domain }`
