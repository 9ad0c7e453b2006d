## `export`: warum nichts geschrieben wurde.

# `$file` ist die angegebene Datei; `$errors` zählt die Fehler (oben gezeigt), die den Export verhindern.
cli-export-not-exported = { $file }: nicht exportiert: Beheben Sie { $errors ->
        [one] den 1 Fehler
       *[other] die { $errors } Fehler
    } oben, damit kein Partner verloren geht
cli-export-since-needs-powershell = --since schreibt PowerShell-Änderungen: Verwenden Sie --to powershell
