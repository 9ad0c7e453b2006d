## Warum eine Verzeichnisdatei (JSON, XML, PowerShell-Befehle oder Format-List-Ausgabe) nicht
## gelesen werden konnte. Kurz, die Eingabe in Backticks.

# Wo der Fehler ist, vor seiner Meldung.
read-error-position = Zeile { $line }, Spalte { $column }: { $message }
read-error-too-large = Dokument hat { $bytes ->
        [one] 1 Byte
       *[other] { $bytes } Bytes
    }; höchstens { $limit } werden gelesen
read-error-encoding = die Datei ist kein UTF-8- oder UTF-16-Text
read-error-utf32 = die Datei ist UTF-32-kodiert; speichern Sie sie als UTF-8
read-error-utf16-as-text = der Text ist UTF-16, als UTF-8 gelesen (jedes zweite Zeichen ist U+0000); speichern Sie die Datei als UTF-8
read-error-unknown-format = Format nicht erkennbar: erwartet werden JSON, XML, PowerShell-Befehle oder Format-List-Ausgabe
# { $format } ist JSON, XML, PowerShell oder Format-List; { $message } ist die Meldung des Lesers, auf Englisch.
read-error-syntax = ungültiges { $format }: { $message }
read-error-too-deep = Verschachtelung tiefer als { $limit ->
        [one] 1 Ebene
       *[other] { $limit } Ebenen
    }
read-error-too-many-partners = das Dokument hat mehr als { $limit } Partner; teilen Sie es in Dokumente mit höchstens { $limit } auf
read-error-doctype = Dokumenttyp-Deklarationen sind nicht erlaubt: Der Leser expandiert nie Entitäten
read-error-xml-root = Wurzelelement ist `{ $found }`; erwartet wird `directory` im Namensraum `{ $namespace }`
read-error-unsupported-command = Befehl `{ $command }` wird nicht gelesen: nur New-, Set- und Remove-CsXmppAllowedPartner sowie Set-CsXmppGatewayConfiguration
# { $construct } nennt, was geschrieben wurde, bislang auf Englisch, etwa „a variable“.
read-error-unsupported-syntax = { $construct } wird nicht ausgewertet: Schreiben Sie feste Werte, einen Befehl pro Partner
