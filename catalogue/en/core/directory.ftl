## Why a commit of the partner list did not happen (CommitError): shown by the playground and
## the command-line tool when Commit refuses.

directory-commit-not-authorized = `{ $principal }` may not commit: membership in RTCUniversalServerAdmins or the CsAdministrator role is required
directory-commit-refused = commit refused: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } in the changes
