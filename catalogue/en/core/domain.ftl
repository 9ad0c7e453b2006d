## Why a partner's domain was refused (.message: short, lowercase, the input in backticks)
## and the exact fix (.help). Shown under the domain field and in the validator's report.

domain-error-empty =
    .message = domain is empty
    .help = enter the partner's XMPP domain, for example `fabrikam.com`
domain-error-whitespace =
    .message = domain `{ $input }` contains whitespace
    .help = remove the spaces and line breaks
domain-error-url =
    .message = `{ $input }` is a URL, not a domain
    .help = enter only the host name, without scheme, port or path
domain-error-jid =
    .message = `{ $input }` is an XMPP address, not a domain
    .help = enter the domain part of the address
domain-error-wildcard =
    .message = `{ $input }` contains a wildcard
    .help = list each domain explicitly: the primary domain, and each subdomain as an additional domain
domain-error-ip-literal =
    .message = `{ $input }` is an IP address, not a domain
    .help = enter the domain that appears in the partner's XMPP addresses; DNS SRV records lead from it to the servers
domain-error-numeric-top-level =
    .message = `{ $input }`: the last label `{ $label }` is all digits; a top-level domain has letters
    .help = check the last label: enter the partner's full XMPP domain, ending in its top-level domain, for example `fabrikam.com`
# .help-suggestion: when the host part is a valid domain, which the help suggests.
domain-error-port =
    .message = `{ $input }` contains a port
    .help = remove `:{ $port }`: the port comes from the DNS SRV record
    .help-suggestion = remove `:{ $port }`: the port comes from the DNS SRV record (5269 by default); use `{ $domain }`
domain-error-empty-label =
    .message = `{ $input }` has an empty label
    .help = remove the extra dot: labels are separated by single dots
domain-error-invalid-character =
    .message = `{ $input }` contains `{ $character }`, which is not allowed in a domain
    .help = use only letters, digits and hyphens in each label
domain-error-symbol =
    .message = `{ $input }` contains the symbol `{ $character }`, which XMPP domains cannot contain
    .help = remove the symbol: XMPP domains are internationalised domain names under IDNA2008 (RFC 7622), which allow letters, digits and hyphens
domain-error-hyphen-position =
    .message = label `{ $label }` starts or ends with a hyphen
    .help = remove the hyphen at the start or end of the label
domain-error-label-too-long =
    .message = label `{ $label }` is { $length ->
        [one] 1 character
       *[other] { $length } characters
    } long; DNS allows 63
    .help = shorten the label to at most 63 characters (in its `xn--` form for internationalised names)
domain-error-too-long =
    .message = domain is { $length ->
        [one] 1 character
       *[other] { $length } characters
    } long; DNS allows 253
    .help = shorten the domain to at most 253 characters
domain-error-idna =
    .message = `{ $input }` is not a valid internationalised domain name
    .help = remove symbols and disallowed characters, and do not mix right-to-left and left-to-right text in one label (UTS #46)

# A help text above (whitespace, URL, XMPP address), followed by the domain the input seems to
# mean.
domain-use-suggestion = { $help }: use `{ $domain }`
