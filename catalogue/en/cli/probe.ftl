## `probe`: what is wrong with its options, printed before it runs. Option names (--ours,
## --scenario, --listen …) and the forms IP:PORT and DOMAIN=IP:PORT stay as they are.

cli-probe-needs-partner = give the partner domain and --ours, or --scenario
# $option is the option or the argument that holds the domain: "the partner domain", "--ours"
# or "--connect"; $problem says what is wrong with it.
cli-probe-bad-domain = { $option } `{ $text }`: { $problem }
cli-probe-partner-domain = the partner domain
cli-probe-unclaimed = { $file }: no partner entry claims `{ $partner }`
cli-probe-bad-dns = --dns `{ $text }`: give an IP address, with :PORT if not 53
cli-probe-bad-connect = --connect `{ $text }`: give IP:PORT or DOMAIN=IP:PORT
cli-probe-inbound-needs-listen = --direction inbound waits for the partner's connection: give --listen
