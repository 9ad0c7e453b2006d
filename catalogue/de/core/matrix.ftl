## Die Authentifizierungsmethoden, in den Worten der Lync-Matrix.

authentication-sasl-over-tls = SASL über TLS
authentication-tls-dialback = TLS-Rückruf
authentication-tcp-dialback = TCP-Rückruf

## Die Anmerkung zu jeder Zeile der Lync-Matrix (TLS-, SASL- und Rückruf-Einstellungen eines
## Partners), in unseren eigenen Worten. Zeilen mit derselben Anmerkung teilen einen Eintrag.

matrix-note-dialback-unused = Der Rückruf ist eingeschaltet, wird aber nicht ausgeführt, wenn TLS und SASL beide erforderlich sind.
matrix-note-certificate-only = Nur verschlüsselte, per Zertifikat authentifizierte Datenströme.
matrix-note-tls-optional-tcp-dialback = SASL benötigt TLS, und TLS ist nur optional: Bietet der Partner kein TLS an, bleibt nur der TCP-Rückruf.
matrix-note-tls-optional-fails = SASL benötigt TLS, und TLS ist nur optional: Bietet der Partner kein TLS an, schlägt die Sitzung fehl.
matrix-note-sasl-without-tls = SASL kann ohne TLS nicht laufen; nur der TCP-Rückruf bleibt, und die Systemsteuerung speichert SASL ohne TLS nicht.
matrix-note-sasl-without-tls-no-dialback = Ungültig: SASL kann ohne TLS nicht laufen, und der Rückruf ist ausgeschaltet.
matrix-note-sasl-or-tls-dialback = SASL über TLS, wenn der Partner SASL anbietet, sonst Rückruf über TLS.
matrix-note-tls-dialback = Rückruf über einen verschlüsselten Datenstrom.
matrix-note-no-method = Ungültig: Entweder SASL oder der Rückruf muss aktiviert sein.
matrix-note-any-dialback = Rückruf über TLS oder unverschlüsseltes TCP, je nachdem, was der Partner aushandelt.
matrix-note-tcp-dialback-only = Unverschlüsselter TCP-Rückruf ist die einzige Methode.
