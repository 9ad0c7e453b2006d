## The parties of a negotiation, as the trace's columns and ladder name them.

party-our-proxy = our XMPP proxy
party-partner = partner server
party-authoritative = authoritative server

## The phases of a negotiation that a trace step belongs to (TLS, SASL and Stanzas are the
## same in every language and are not here).

phase-connection = connection
phase-stream = stream
phase-dialback = dialback
phase-close = end of stream

## How far a federation that works can be trusted.

federation-level-verified = verified
federation-level-encrypted = encrypted
federation-level-trusted = trusted

## Added to the verdict when a certificate was refused for its names: the names it has
## (comma-separated) and the domain it should have named.

verdict-certificate-names = It names { $names }, not { $domain }.

## The direction of a scenario: who writes to whom.

direction-outbound = our users write to the partner's
direction-inbound = the partner's users write to ours

## What DNS answers for a domain's server (SRV) query, in the scenario's controls.

dns-record-srv = SRV record
dns-record-no-srv = no SRV (A record, port 5269)
dns-record-srv-root = SRV target "." (no service)
dns-record-nx-domain = domain does not exist

## The trace as text (a ladder) and as a sequence diagram. The cause is the setting that
## caused a step, followed by whose it is (our configuration, the partner, the environment).

ladder-cause = cause: { $cause } ({ $side })
diagram-encrypted-from-here = encrypted from here on
