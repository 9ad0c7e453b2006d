## `probe`: was an seinen Optionen falsch ist, ausgegeben, bevor er läuft. Optionsnamen (--ours,
## --scenario, --listen …) und die Formen IP:PORT und DOMAIN=IP:PORT bleiben, wie sie sind.

cli-probe-needs-partner = Geben Sie die Partnerdomäne und --ours an, oder --scenario
# $option ist die Option oder das Argument mit der Domäne: „die Partnerdomäne“, „--ours“ oder
# „--connect“; $problem sagt, was daran falsch ist.
cli-probe-bad-domain = { $option } `{ $text }`: { $problem }
cli-probe-partner-domain = die Partnerdomäne
cli-probe-unclaimed = { $file }: Kein Partnereintrag beansprucht `{ $partner }`
cli-probe-bad-dns = --dns `{ $text }`: Geben Sie eine IP-Adresse an, mit :PORT, wenn nicht 53
cli-probe-bad-connect = --connect `{ $text }`: Geben Sie IP:PORT oder DOMAIN=IP:PORT an
cli-probe-inbound-needs-listen = --direction inbound wartet auf die Verbindung des Partners: Geben Sie --listen an
