## Diagnostics: the findings of the validator. Each code (XF001 …) is one entry, keyed by the
## code in lowercase:
##   .summary  one sentence on what the code means, shown in docs/diagnostics.md
##   .message  what is wrong: short, lowercase, no final period, user input in backticks
##   .help     the exact fix: no final period
## Attributes such as .message-ambiguous or .help-no-suggestion are the variants of one code.
## Text in backticks, cmdlet names and parameters (-TlsNegotiation), cmdlet values (`Required`,
## `NotSupported`), field names (`saslNegotiation`) and matrix rows (M7) stay as they are.

## The severity of a finding, shown before the code: "error[XF101]".

diagnostic-severity-error = error
diagnostic-severity-warning = warning
diagnostic-severity-info = info

## The kinds of values, inserted into the message of XF003: "`connectionLimit` must be a whole
## number from 0 to 4294967295, not the string `20`".

diagnostic-kind-text = text
diagnostic-kind-bool = true or false
diagnostic-kind-whole-number = a whole number from 0 to 4294967295
diagnostic-kind-list = a list
diagnostic-kind-object = an object
diagnostic-kind-string = the string `{ $value }`

# The fix that several help texts of the matrix codes (XF101, XF102, XF103, XF105) contain.
-diagnostic-tls-required = set `tlsNegotiation` to `Required` (-TlsNegotiation Required)

## XF0xx: the input cannot be read as a configuration.

xf001 =
    .summary = A field the format does not have; usually a typo.
    .message = unknown field `{ $field }`
    .help = did you mean `{ $suggestion }`?
    .help-no-suggestion = remove the field; see the schema for the known fields

# $allowed is the list of values, each in backticks: `Required`, `Optional`, `NotSupported`
xf002 =
    .summary = A value outside the field's allowed values.
    .message = `{ $value }` is not a valid value for `{ $field }`
    .help = did you mean `{ $suggestion }`? The values are { $allowed }
    .help-no-suggestion = use one of { $allowed }

# $expected is one of the kinds of values above; $found is a value in backticks, or a kind.
xf003 =
    .summary = A value of the wrong kind, such as text where a number belongs.
    .message = `{ $field }` must be { $expected }, not { $found }
    .help-bool = write `true` or `false` without quotes ($true or $false in PowerShell)
    .help-whole-number = write the number without quotes, for example `20`
    .help-text = write the value as a quoted string
    .help-list = write a list, for example `["corp.fabrikam.com"]`
    .help-object = write an object with named fields, for example `{"{"}"domain": "fabrikam.com"{"}"}`

xf004 =
    .summary = A required field is missing.
    .message = `{ $field }` is required
    .help = add `{ $field }`, for example `"{ $field }": "fabrikam.com"`

xf005 =
    .summary = A field is given twice in one entry.
    .message = `{ $field }` is given twice
    .help = keep one of the two values

# The help text is the domain error's own help.
xf006 =
    .summary = A domain that is not a usable DNS name: a JID, URL, IP address, wildcard, or a name that breaks the DNS or IDNA rules.
    .message = `{ $field }`: { $error }

xf007 =
    .summary = A value beyond the bounds the reader accepts.
    .message-entries = `{ $field }` has { $actual ->
        [one] 1 entry
       *[other] { $actual } entries
    }; at most { $limit } { $limit ->
        [one] is
       *[other] are
    } read
    .message-characters = `{ $field }` is { $actual ->
        [one] 1 character
       *[other] { $actual } characters
    } long; at most { $limit } { $limit ->
        [one] is
       *[other] are
    } read
    .help = split the input into smaller documents, or shorten the value

xf008 =
    .summary = A list that Format-List cut short with `...`; the pasted text is incomplete.
    .message = `{ $property }` was cut short by Format-List
    .help = run `$FormatEnumerationLimit = -1` before `Get-CsXmppAllowedPartner | Format-List`, then paste the output again

xf009 =
    .summary = A Format-List property that is not part of a partner configuration.
    .message = property `{ $property }` is not part of a partner configuration and was ignored
    .help = nothing to do; only partner settings are read

# $switch is WhatIf or InMemory.
xf010 =
    .summary = A PowerShell command with -WhatIf or -InMemory, which changes nothing.
    .message = `{ $command }` has `-{ $switch }`, so it changes nothing
    .help = remove `-{ $switch }` for the command to take effect

# $character is the code point, such as U+0007.
xf011 =
    .summary = A control character in a text field (C0 other than tab and line breaks, DEL or C1), which an export format cannot carry or a terminal would act on.
    .message = `{ $field }` contains the control character { $character }
    .help = remove it: text fields are plain text, where tabs and line breaks are fine

# $argument is the parameter's name without its dash, or a value; $candidates is a list of
# parameters, each in backticks.
xf012 =
    .summary = A PowerShell argument binds to no parameter, so PowerShell would not run the command.
    .message = `{ $command }` has no parameter `-{ $argument }`
    .message-ambiguous = parameter `-{ $argument }` of `{ $command }` is ambiguous: { $candidates }
    .message-unexpected = `{ $command }` takes no further value, but `{ $argument }` is given
    .message-missing-value = parameter `-{ $argument }` of `{ $command }` has no value
    .message-conflict = `{ $command }` cannot take both `-{ $argument }` and `-{ $other }`
    .message-repeated = parameter `-{ $argument }` of `{ $command }` is given twice
    .message-not-supported = `-{ $argument }` of `{ $command }` passes an object, which is not read
    .message-not-boolean = parameter `-{ $argument }` of `{ $command }` takes `$true` or `$false`, not text
    .help = did you mean `-{ $suggestion }`?
    .help-no-suggestion = remove the argument; Get-Help shows the cmdlet's parameters
    .help-ambiguous = write the full name, such as `-{ $parameter }`
    .help-unexpected = remove `{ $argument }`, or name its parameter
    .help-missing-value = write the value after `-{ $argument }`
    .help-conflict = keep only one of them; `-{ $argument }` names the partner
    .help-repeated = keep one of the two values; PowerShell refuses to run the command
    .help-not-supported = name the partner with -Identity and give each setting as a parameter
    .help-not-boolean = write `-{ $argument } $true` or `-{ $argument } $false`

## XF1xx: the negotiation settings of a partner, against the Lync matrix. $row is a matrix row,
## such as M6; $methods lists the authentication methods of a row.

xf101 =
    .summary = SASL is Required or Optional while TLS is NotSupported (M5, M6, M11, M12); the Control Panel refuses to commit it.
    .message = SASL is `{ $sasl }` but TLS is `NotSupported`: SASL requires TLS, and the Control Panel does not save this
    .help = { -diagnostic-tls-required }, or set `saslNegotiation` to `NotSupported` (-SaslNegotiation NotSupported)

xf102 =
    .summary = A "Not Valid Configuration" row of the matrix (M6, M12, M14, M16, M18): no authentication method is left.
    .message-sasl-without-tls = not a valid configuration ({ $row }): SASL cannot run without TLS, and dialback is off, so no method can authenticate the stream
    .message-sasl-off = not a valid configuration ({ $row }): with SASL `NotSupported` and dialback off, no method can authenticate the stream
    .help-sasl-without-tls = { -diagnostic-tls-required } for SASL over TLS, or turn on `supportDialbackNegotiation` (-SupportDialbackNegotiation $true) for TCP dialback
    .help-sasl-off = turn on `supportDialbackNegotiation` (-SupportDialbackNegotiation $true, row { $row }: { $methods }), or enable SASL with TLS

xf103 =
    .summary = M5 and M11: refused at commit, yet the matrix still gives them TCP dialback.
    .message = the matrix still gives { $row } TCP dialback: where these settings are in place, the partner authenticates only by unencrypted TCP dialback and SASL is never used
    .help = to keep TCP dialback only, set `saslNegotiation` to `NotSupported` (row M17); to use SASL, { -diagnostic-tls-required }

xf104 =
    .summary = M1: dialback is on but does not operate when TLS and SASL are both Required.
    .message = dialback is on but does not operate when TLS and SASL are both `Required` (M1)
    .help = to allow dialback as a fallback, set `saslNegotiation` to `Optional` (row M7); to state that it is off, set `supportDialbackNegotiation` to false (row M2)

xf105 =
    .summary = SASL is on while TLS is only Optional (M3, M4, M9, M10); negotiations fail when the partner offers no TLS.
    .message-dialback-on = SASL requires TLS, but TLS is only `Optional` ({ $row }): when the partner offers no TLS, SASL cannot run and only unencrypted TCP dialback is left
    .message-dialback-off = SASL requires TLS, but TLS is only `Optional` ({ $row }): when the partner offers no TLS, the session fails
    .help = if the partner supports TLS, { -diagnostic-tls-required }: row { $row }, { $methods }

xf106 =
    .summary = M7: the common-configurations table (C2) also lists TCP dialback; this tool follows the complete matrix.
    .message = the common-configurations table (C2) lists TCP dialback for these settings, the complete matrix (M7) does not; with TLS `Required` no unencrypted stream is used, so this tool follows the matrix
    .help = nothing to fix; if the partner offers no TLS, these settings fail rather than fall back to TCP dialback

## XF2xx: one partner's settings. $domain is a domain as the user wrote it, $domain-ascii its
## ASCII form (the same for most domains).

# $domain is in backticks already, with its ASCII form beside it when that differs.
xf201 =
    .summary = An additional domain repeats the primary domain or another additional domain, possibly in another case or script form.
    .message-of-primary = additional domain { $domain } repeats the primary domain
    .message-twice = additional domain { $domain } is listed twice
    .help = remove the repeated entry (-AdditionalDomains @{"{"}Remove='{ $domain-ascii }'{"}"} removes every copy; add it back once if it is not the primary domain)

xf202 =
    .summary = An additional domain is not below the primary domain; the cmdlet allows it.
    .message = additional domain `{ $domain }` is not below the primary domain `{ $primary }`
    .help = nothing to fix if the partner really serves this domain; otherwise remove it

xf203 =
    .summary = A partner's connection limit is above the gateway's PartnerConnectionLimit, which caps it.
    .message = connection limit { $limit } is above the gateway's per-partner limit of { $gateway-limit }, which applies instead
    .help = lower `connectionLimit` to { $gateway-limit } or less, or raise the gateway's limit (Set-CsXmppGatewayConfiguration -PartnerConnectionLimit)

xf204 =
    .summary = A partner's connection limit of 0 allows no connection.
    .message = connection limit 0 allows no connection to this partner
    .help = remove `connectionLimit` to use the gateway's per-partner limit, or set it to at least 1

xf205 =
    .summary = A description longer than 1024 characters.
    .message = description is { $length ->
        [one] 1 character
       *[other] { $length } characters
    } long; the limit is 1024
    .help = shorten the description to 1024 characters; keep longer notes elsewhere

xf206 =
    .summary = The proxy FQDN has a single label, so it is not fully qualified.
    .message = proxy `{ $proxy }` is not a fully qualified domain name
    .help = enter the full name, such as `{ $proxy }.fabrikam.com`

xf207 =
    .summary = A partner domain with a single label cannot be found through public DNS SRV records.
    .message = domain `{ $domain }` has a single label and cannot be found in public DNS
    .help = enter the partner's full XMPP domain, such as `fabrikam.com`

# $service is the name of a public service, such as Google Talk.
xf208 =
    .summary = A known public service with negotiation settings it cannot use.
    .message = { $service } federates only over unencrypted TCP with dialback, but these settings are { $row }
    .help = set TLS and SASL to `NotSupported` and dialback on (-TlsNegotiation NotSupported -SaslNegotiation NotSupported -SupportDialbackNegotiation $true), row M17

xf209 =
    .summary = A known public service with keep-alive on, against the documented example.
    .message = keep-alive is on for { $service }; the documented setup turns it off
    .help = set `enableKeepAlive` to false (-EnableKeepAlive $false)

# $partner-type is a cmdlet value: Federated, PublicVerified.
xf210 =
    .summary = A known public service with a partner type that trusts it to verify its users.
    .message = { $service } is a public service that does not verify its users, but the type is `{ $partner-type }`
    .help = set `partnerType` to `PublicUnverified` (-PartnerType PublicUnverified)

xf211 =
    .summary = A domain label mixes scripts, such as Latin and Cyrillic (UTS #39).
    .message = label `{ $label }` of `{ $domain }` mixes scripts
    .help = check with the partner that `{ $domain-ascii }` is really their domain; retype it from a trusted source

xf212 =
    .summary = A Google Talk domain (gmail.com, googlemail.com): Google ended XMPP server-to-server federation on 26 June 2017, so the partner never connects.
    .message = Google ended XMPP server-to-server federation on 26 June 2017: `{ $domain }` cannot connect any more
    .help = remove the partner (Remove-CsXmppAllowedPartner -Identity '{ $domain-ascii }'), or keep it only as a record: no setting makes it connect
    .help-additional = remove `{ $domain }` from the additional domains (-AdditionalDomains @{"{"}Remove='{ $domain-ascii }'{"}"}): no setting makes it connect

## XF3xx: several partners together.

xf301 =
    .summary = A domain is claimed by two partners, so routing to it is ambiguous.
    .message = domain `{ $domain }` is already claimed by partner `{ $claimed-by }`
    .help = keep `{ $domain }` in one partner only: remove it here, or from `{ $claimed-by }` (-AdditionalDomains @{"{"}Remove='{ $domain-ascii }'{"}"})

xf302 =
    .summary = Two partners have the same primary domain (identity).
    .message = partner `{ $identity }` is listed twice
    .message-different-settings = partner `{ $identity }` is listed twice, with different settings
    .help = keep one entry for `{ $identity }` and merge the settings into it

xf303 =
    .summary = The partners' own connection limits add up to more than the gateway's total.
    .message = the partners' own connection limits add up to { $sum }, more than the gateway's total of { $gateway-limit }
    .help = raise the gateway's limit to { $sum } (Set-CsXmppGatewayConfiguration -ConnectionLimit { $sum }), or lower the partners' limits

# $lookalike is a domain of the partner $partner.
xf304 =
    .summary = A domain looks like another partner's domain (UTS #39 confusable skeletons).
    .message = `{ $domain }` ({ $domain-ascii }) looks like `{ $lookalike }`
    .message-additional-domain = `{ $domain }` ({ $domain-ascii }) looks like `{ $lookalike }` of partner `{ $partner }`
    .help = check with the partner that `{ $domain-ascii }` is really theirs; if it is a lookalike, remove it

## XF4xx: the gateway's settings.

xf401 =
    .summary = The gateway's per-partner limit is above its total limit.
    .message = the per-partner limit of { $partner-limit } is above the total limit of { $total }
    .help = set the per-partner limit to { $total } or less (Set-CsXmppGatewayConfiguration -PartnerConnectionLimit)

xf402 =
    .summary = The gateway logs the content of every message.
    .message = the gateway logs the content of every message
    .help = turn it off unless policy requires it (Set-CsXmppGatewayConfiguration -EnableLoggingAllMessageBodies $false)

xf403 =
    .summary = A gateway timeout or interval of 0 seconds.
    .message = `{ $field }` is 0 seconds
    .help = remove `{ $field }` to use the default, or set a number of seconds above 0

## XF5xx: a change to the configuration.

xf501 =
    .summary = An edit or removal names a partner that does not exist.
    .message = there is no partner `{ $identity }`
    .help = did you mean `{ $suggestion }`?
    .help-no-suggestion = create the partner first (New-CsXmppAllowedPartner)

xf502 =
    .summary = A new partner's primary domain is already a partner.
    .message = partner `{ $identity }` already exists
    .help = edit the existing partner instead (Set-CsXmppAllowedPartner -Identity '{ $identity-ascii }')
