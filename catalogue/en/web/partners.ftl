## "XMPP Federated Partners": the list, the summary of the selected partner, the editor (New and Edit) and its findings.

partners-title = XMPP Federated Partners
partners-new = New
partners-edit = Edit
partners-delete = Delete
partners-commit = Commit
confirm-delete = Delete the partner { $domain }? Its users can no longer reach yours.
no-partners = No partners yet. Choose New to add one.
primary-domain = Primary domain
primary-domain-hint = The partner's base domain, such as fabrikam.com. It is the partner's identity and cannot change once committed.
partner-type = Partner type
dialback-short = Dialback
column-row = Row
column-methods = Authentication methods
findings-title = Findings
no-method = none: not a valid configuration
verdict-valid = valid
verdict-warning = valid, with a warning
verdict-not-valid = not valid
common-configuration = One of the documentation's common configurations
refused-by-control-panel = refused by the Control Panel
nothing-selected = No partner selected
nothing-selected-hint = Select a partner in the list, or create one with New.
watch-negotiation = Watch the negotiation
partner-domains = Domains
partner-description = Description
no-findings = Nothing to report: the Control Panel would commit this partner.
severity-error = error
severity-warning = warning
severity-note = note
edit-partner = Edit { $domain }
new-partner = New XMPP federated partner
not-saved = Not saved.
editor-partner = Partner
additional-domains = Additional domains
additional-domain = Additional domain { $number }
add-domain = Add domain
remove-domain = Remove { $domain }
editor-negotiation = Negotiation
tls-negotiation = TLS negotiation
sasl-negotiation = SASL negotiation
dialback-negotiation = Support server dialback negotiation
editor-connection = Connection
keep-alive = Keep-alive (-EnableKeepAlive)
connection-limit = Connection limit (-ConnectionLimit)
connection-limit-hint = Empty: the gateway's limit of 20 connections per partner applies.
proxy-fqdn = Partner's proxy FQDN (-ProxyFqdn)
findings-summary = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } · { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    } · { $notes ->
        [one] 1 note
       *[other] { $notes } notes
    }
see-fields = Nothing was committed: the fields marked below have errors. Fix them and commit again; warnings do not block.
partner-selected = selected
partners-error-count = { $count ->
        [one] 1 error
       *[other] { $count } errors
    }
partners-warning-count = { $count ->
        [one] 1 warning
       *[other] { $count } warnings
    }
