## Fehler in einer Zeile: „Fehler: <Datei>: <Meldung>“. Im Terminal ist die Bezeichnung rot.

cli-error = Fehler

## `validate`: eine Zeile je Partner, seine Befunde und am Ende die Anzahlen.

# Ein Partner, dessen Domäne gar nicht gelesen werden konnte.
cli-no-domain = (keine Domäne)
# Ein Partner, für den keine Authentifizierungsmethode funktionieren würde.
cli-no-method = keine Methode
# Ob die Systemsteuerung den Partner speichern würde.
cli-commit = speicherbar: { $allowed ->
        [yes] ja
       *[no] nein
    }
# Wohin ein Befund in der Datei zeigt.
cli-diagnostic-line = Zeile { $line }
# Vor dem Hilfetext eines Befunds.
cli-help = Hilfe:
# Die Überschrift der Befunde, die keinen einzelnen Partner betreffen.
cli-gateway-and-directory = Gateway und Verzeichnis
# Die letzte Zeile des Berichts zu einer Datei: die Partner, dann die Befunde nach Schweregrad.
cli-report-counts = { $partners } Partner: { $errors } Fehler, { $warnings ->
        [one] 1 Warnung
       *[other] { $warnings } Warnungen
    }, { $infos ->
        [one] 1 Hinweis
       *[other] { $infos } Hinweise
    }

## `matrix`: die Spaltenüberschriften und die Bewertung jeder Zeile.

cli-matrix-row = Zeile
cli-matrix-dialback = Rückruf
cli-matrix-expected-methods = Erwartete Methoden
cli-matrix-verdict = Bewertung
# Eine Zeile ohne Authentifizierungsmethode.
cli-matrix-not-valid-configuration = Ungültige Konfiguration
cli-matrix-valid = gültig
cli-matrix-warning = Warnung
cli-matrix-not-valid = ungültig
# Nach der Bewertung, nach einem Komma: „Warnung, beim Speichern abgelehnt“.
cli-matrix-refused-at-commit = beim Speichern abgelehnt

## `presets`: unter dem Namen jedes Servers seine Richtlinie. `$tls` und `$sasl` sind die
## Cmdlet-Werte (Required, Optional, NotSupported).

cli-preset-policy = TLS { $tls }, SASL { $sasl }, Dialback { $dialback ->
        [yes] ja
       *[no] nein
    }, strenge Zertifikatsprüfung { $strict ->
        [yes] ja
       *[no] nein
    }
cli-preset-historical = historisch: der Dienst föderiert nicht mehr
