## "Import and export": reading a partner list, and writing one.

import-confirm-replace = { $count ->
        [one] Replace the 1 partner of the list?
       *[other] Replace all { $count } partners of the list?
    }
document-line = line { $line }
import-title = Import
import-hint = Paste or choose a partner list: JSON, XML, a PowerShell script of New-/Set-CsXmppAllowedPartner, or the output of Get-CsXmppAllowedPartner | Format-List. The format is detected.
import-paste = Partner list
import-read = Read
import-choose-file = Choose a file…
import-unreadable = The document cannot be read.
import-read-as = Read as { $format }.
import-counts = { $entries ->
        [one] Partner entry
       *[other] Partner entries
    }: { $entries }. { $errors ->
        [one] Error
       *[other] Errors
    }: { $errors }. { $warnings ->
        [one] Warning
       *[other] Warnings
    }: { $warnings }.
import-refused = Not imported: an import replaces the list as one commit, and Commit would refuse these partners. Fix them in the document and read it again; your list is unchanged.
export-refused = Not exported: Commit would refuse these partners, so the export would not be a list Lync accepts. Fix them under XMPP Federated Partners.
import-replace-list = { $count ->
        [one] Replace the list with this 1 partner
       *[other] Replace the list with these { $count } partners
    }
export-title = Export
export-format = Format
export-download = Download
export-copy = Copy
selected-power-shell = PowerShell for the selected partner
copy-power-shell = Copy PowerShell
