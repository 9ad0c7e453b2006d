## Errors on one line: "error: <file>: <message>". The label is coloured red on a terminal.

cli-error = error

## `validate`: a line per partner, its diagnostics, and the counts at the end.

# A partner whose domain could not be read at all.
cli-no-domain = (no domain)
# A partner for which no authentication method would work.
cli-no-method = no method
# Whether the Control Panel would save the partner.
cli-commit = commit: { $allowed ->
        [yes] yes
       *[no] no
    }
# Where a diagnostic points in the file.
cli-diagnostic-line = line { $line }
# Before a diagnostic's help text.
cli-help = help:
# The heading of the diagnostics that concern no single partner.
cli-gateway-and-directory = Gateway and directory
# The last line of a file's report: the partners, then the findings by severity.
cli-report-counts = { $partners ->
        [one] 1 partner
       *[other] { $partners } partners
    }: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }, { $infos ->
        [one] 1 note
       *[other] { $infos } notes
    }

## `matrix`: the column headings, and the verdict of each row.

cli-matrix-row = Row
cli-matrix-dialback = Dialback
cli-matrix-expected-methods = Expected methods
cli-matrix-verdict = Verdict
# A row with no authentication method: the Lync documentation's words.
cli-matrix-not-valid-configuration = Not Valid Configuration
cli-matrix-valid = valid
cli-matrix-warning = warning
cli-matrix-not-valid = not valid
# Added after the verdict, after a comma: "warning, refused at commit".
cli-matrix-refused-at-commit = refused at commit

## `presets`: under each server's name, its policy. `$tls` and `$sasl` are the cmdlet values
## (Required, Optional, NotSupported).

cli-preset-policy = TLS { $tls }, SASL { $sasl }, dialback { $dialback ->
        [yes] yes
       *[no] no
    }, strict certificate validation { $strict ->
        [yes] yes
       *[no] no
    }
cli-preset-historical = historical: the service no longer federates
