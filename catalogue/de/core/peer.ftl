## Der Zustand eines Zertifikats, wie die Bedienelemente des Simulators und der Ablauf ihn
## nennen (die Beschriftung), und wie ein Server sein Problem nach „Das Zertifikat Ihres
## Servers“ beschreibt (.problem).

certificate-status-valid = gültig
    .problem = ist gültig
certificate-status-missing = keines
    .problem = fehlt
certificate-status-expired = abgelaufen
    .problem = ist abgelaufen
certificate-status-self-signed = selbstsigniert
    .problem = ist selbstsigniert
certificate-status-untrusted-ca = nicht vertrauenswürdige CA
    .problem = ist nicht vertrauenswürdig
certificate-status-incomplete-chain = unvollständige Kette
    .problem = kommt ohne sein Zwischenzertifikat
certificate-status-name-mismatch = falscher Name
    .problem = ist für diesen Namen nicht gültig

## Die Servervorlagen des Simulators: ihre Namen in der Serverauswahl.

preset-lync = Lync / Skype for Business (Standard)
preset-google-talk = Google Talk (historisch: Föderation 2017 beendet)
preset-prosody = Prosody (Standard)
preset-prosody-secure-auth = Prosody mit s2s_secure_auth
preset-ejabberd = ejabberd (Beispielkonfiguration)
preset-openfire = Openfire 5.1 (Standard)
preset-openfire-4-8 = Openfire 4.8 und 4.9 (Standard)
preset-openfire-4-7 = Openfire 4.7 (Standard)
preset-tigase = Tigase (Standard)

## Woher der Simulator das Verhalten einer Vorlage kennt, neben ihrem Namen angezeigt.

provenance-proven = am echten Server nachgewiesen
provenance-source = aus dem Quelltext modelliert
provenance-documentation = aus der Dokumentation modelliert

## Woraus genau das Verhalten einer Vorlage bekannt ist.

preset-known-from-prosody = tests/interop: prosody 0.12.3 aus Debian 12, jeder Schritt verglichen
preset-known-from-ejabberd = tests/interop: ejabberd 23.01 aus Debian 12, jeder Schritt verglichen
preset-known-from-openfire = Quelltext von Openfire, Tag v5.1.1 (docs/profiles.md)
preset-known-from-openfire-4-8 = Quelltext von Openfire, Tag v4.8.0 (docs/profiles.md)
preset-known-from-openfire-4-7 = Quelltext von Openfire, Tag v4.7.5 (docs/profiles.md)
preset-known-from-lync = Dokumentation von Lync Server 2013: XMPP-Verbundpartner
preset-known-from-tigase = Dokumentation und Optionsnamen von Tigase
