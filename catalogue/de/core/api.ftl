## Fehler der JavaScript-API (das npm-Paket und der Spielplatz) zu ihren Argumenten.

# { $name } ist der Name des Arguments, etwa `directory`.
api-missing-argument = `{ $name }` fehlt: Übergeben Sie es als erstes Argument
api-directory-too-large = das Verzeichnis ist { $bytes ->
        [one] 1 Byte
       *[other] { $bytes } Bytes
    } groß; höchstens { $limit } werden gelesen
api-partner-not-object = `partner` muss ein Objekt sein, etwa {"{"}"domain": "fabrikam.com"{"}"}

## Fehler einer Simulationsanfrage (JSON), bevor sie simuliert wird.

request-too-large = die Anfrage ist { $bytes ->
        [one] 1 Byte
       *[other] { $bytes } Bytes
    } groß; höchstens { $limit } werden gelesen: Entfernen Sie, was die Simulation nicht braucht
# { $detail } ist der eigene Text des JSON-Lesers, auf Englisch.
request-invalid-json = kein gültiges JSON: { $detail }
