## Der Textbericht der Prüfung (`xmpp-federation probe`): eine Überschrift mit beiden Domänen und
## der Richtung, die Richtlinie des Partners und unsere Einstellungen (die `name=wert`-Liste nach
## dem Doppelpunkt wird übergeben und bleibt, wie sie ist), die Features, die jede Seite
## angeboten hat, das Zertifikat des Partners und ob der Simulator das Beobachtete vorhergesagt hat.

# Die erste Zeile. `$ours` und `$partner` sind Domänen.
probe-heading = Prüfung: { $ours } ⇄ { $partner } ({ $direction ->
        [outbound] ausgehend
       *[inbound] eingehend
    })
# `$settings` ist eine Liste wie `tls=Required sasl=Optional dialback=true …`.
probe-partner-policy = Richtlinie des Partners ({ $source ->
        [given] wie angegeben
       *[inferred] erschlossen aus seinen Angeboten
    }): { $settings }
# `$settings` ist eine Liste wie `tlsNegotiation=Required saslNegotiation=Optional …`.
probe-our-settings = Unsere Einstellungen: { $settings }

## Die Features, die jede Seite angeboten hat, eine Zeile je Features-Element.

probe-features-offered = Angebotene Features:
# `$from` und `$to` nennen die Beteiligten (etwa „unser Edge-Server“); `$features` ist die Liste
# der Features, etwa „STARTTLS (erforderlich), SASL EXTERNAL, Rückruf“.
probe-offer = { $from } -> { $to }, { $stage ->
        [initial] zu Beginn
        [afterTls] nach TLS
       *[afterSasl] nach SASL
    }: { $features }
probe-offer-starttls-required = STARTTLS (erforderlich)
probe-offer-dialback = Rückruf
# Ein Angebot ganz ohne Features.
probe-offer-nothing = nichts

## Das Zertifikat des Partners. `$status` ist seine Bewertung (etwa „gültig“).

probe-certificate = Zertifikat von { $domain }: { $status }
# `$names` ist die Liste der alternativen Namen des Zertifikats (Subject Alternative Names).
probe-certificate-names = Namen: { $names }
# `$from` und `$until` sind Datum und Uhrzeit.
probe-certificate-valid = gültig: { $from } – { $until }
probe-certificate-matches = passt zu { $domain }: { $matches ->
        [yes] ja
       *[no] nein
    }

## Die beobachteten Schritte, die Vorhersage und ob sie übereinstimmen.

probe-observed = Beobachtet:
# `$verdict` ist das vorhergesagte Ergebnis, etwa „Aufgebaut mit SASL über TLS; …“.
probe-predicted = Vorhergesagt: { $verdict }
probe-agreement-exact = Der Simulator hat diese Aushandlung genau vorhergesagt.
probe-agreement-steps-differ = Das Ergebnis ist wie vorhergesagt, die Schritte weichen aber ab:
probe-agreement-outcome-differs = Das Ergebnis weicht von der Vorhersage ab:
# Ein Schritt, in dem Beobachtung und Vorhersage abweichen: `$connection` nennt die Verbindung
# (etwa `Main`), `$position` zählt ihre Schritte ab 1; `$observed` und `$predicted` sind die
# Schritte in verglichener Form, oder `-`, wenn es keinen gibt.
probe-difference = { $connection } #{ $position }: beobachtet { $observed } / vorhergesagt { $predicted }
