## `export`: why nothing was written.

# `$file` is the file given; `$errors` counts the errors (shown above) that refuse the export.
cli-export-not-exported = { $file }: not exported: fix the { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } above so that no partner is dropped
cli-export-since-needs-powershell = --since writes PowerShell changes: use --to powershell
