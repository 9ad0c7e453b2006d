## Die Beteiligten einer Aushandlung, wie die Spalten und die Leiter des Ablaufs sie nennen.

party-our-proxy = unser XMPP-Proxy
party-partner = Partnerserver
party-authoritative = autoritativer Server

## Die Phasen einer Aushandlung, zu denen ein Schritt des Ablaufs gehört (TLS, SASL und
## Stanzas sind in jeder Sprache gleich und stehen nicht hier).

phase-connection = Verbindung
phase-stream = Datenstrom
phase-dialback = Rückruf
phase-close = Datenstromende

## Wie weit einer funktionierenden Föderation vertraut werden kann.

federation-level-verified = verifiziert
federation-level-encrypted = verschlüsselt
federation-level-trusted = vertrauenswürdig

## Wird an das Ergebnis angehängt, wenn ein Zertifikat wegen seiner Namen abgelehnt wurde: die
## Namen, die es enthält (durch Komma getrennt), und die Domäne, die es hätte nennen sollen.

verdict-certificate-names = Es nennt { $names }, nicht { $domain }.

## Die Richtung eines Szenarios: wer wem schreibt.

direction-outbound = unsere Benutzer schreiben denen des Partners
direction-inbound = die Benutzer des Partners schreiben unseren

## Was DNS auf die Serverabfrage (SRV) einer Domäne antwortet, in den Einstellungen des Szenarios.

dns-record-srv = SRV-Eintrag
dns-record-no-srv = kein SRV (A-Eintrag, Port 5269)
dns-record-srv-root = SRV-Ziel "." (kein Dienst)
dns-record-nx-domain = Domäne existiert nicht

## Der Ablauf als Text (eine Leiter) und als Sequenzdiagramm. Die Ursache ist die Einstellung,
## die einen Schritt verursacht hat, gefolgt davon, wessen sie ist (unsere Konfiguration, der
## Partner, die Umgebung).

ladder-cause = Ursache: { $cause } ({ $side })
diagram-encrypted-from-here = ab hier verschlüsselt
