## Warum ein Commit der Partnerliste nicht stattfand (CommitError): vom Playground und vom
## Kommandozeilenwerkzeug gezeigt, wenn Commit ablehnt.

directory-commit-not-authorized = `{ $principal }` darf keinen Commit ausführen: Die Mitgliedschaft in RTCUniversalServerAdmins oder die Rolle CsAdministrator ist erforderlich
directory-commit-refused = Commit abgelehnt: { $errors } Fehler in den Änderungen
