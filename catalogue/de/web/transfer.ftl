## „Import und Export“: eine Partnerliste lesen und schreiben.

import-confirm-replace = { $count ->
        [one] Den 1 Partner der Liste ersetzen?
       *[other] Alle { $count } Partner der Liste ersetzen?
    }
document-line = Zeile { $line }
import-title = Import
import-hint = Fügen Sie eine Partnerliste ein oder wählen Sie eine Datei: JSON, XML, ein PowerShell-Skript mit New-/Set-CsXmppAllowedPartner oder die Ausgabe von Get-CsXmppAllowedPartner | Format-List. Das Format wird erkannt.
import-paste = Partnerliste
import-read = Lesen
import-choose-file = Datei auswählen…
import-unreadable = Das Dokument lässt sich nicht lesen.
import-read-as = Gelesen als { $format }.
import-counts = { $entries ->
        [one] Partnereintrag
       *[other] Partnereinträge
    }: { $entries }. Fehler: { $errors }. { $warnings ->
        [one] Warnung
       *[other] Warnungen
    }: { $warnings }.
import-refused = Nicht importiert: Ein Import ersetzt die Liste als ein Commit, und Commit würde diese Partner ablehnen. Beheben Sie sie im Dokument und lesen Sie es erneut; Ihre Liste bleibt unverändert.
export-refused = Nicht exportiert: Commit würde diese Partner ablehnen, daher wäre der Export keine Liste, die Lync annimmt. Beheben Sie sie unter XMPP-Verbundpartner.
import-replace-list = { $count ->
        [one] Die Liste durch diesen 1 Partner ersetzen
       *[other] Die Liste durch diese { $count } Partner ersetzen
    }
export-title = Export
export-format = Format
export-download = Herunterladen
export-copy = Kopieren
selected-power-shell = PowerShell für den ausgewählten Partner
copy-power-shell = PowerShell kopieren
