## Why a directory file (JSON, XML, PowerShell commands or Format-List output) could not be
## read. Short, lowercase, the input in backticks.

# Where the error is, before its message.
read-error-position = line { $line }, column { $column }: { $message }
read-error-too-large = document is { $bytes ->
        [one] 1 byte
       *[other] { $bytes } bytes
    }; at most { $limit } are read
read-error-encoding = the file is not UTF-8 or UTF-16 text
read-error-utf32 = the file is UTF-32; save it as UTF-8
read-error-utf16-as-text = the text is UTF-16 read as UTF-8 (every other character is U+0000); save the file as UTF-8
read-error-unknown-format = cannot tell the format: expected JSON, XML, PowerShell commands or Format-List output
# { $format } is JSON, XML, PowerShell or Format-List; { $message } is the reader's own detail, in English.
read-error-syntax = invalid { $format }: { $message }
read-error-too-deep = nesting deeper than { $limit ->
        [one] 1 level
       *[other] { $limit } levels
    }
read-error-too-many-partners = the document has more than { $limit ->
        [one] 1 partner
       *[other] { $limit } partners
    }; split it into documents of at most { $limit }
read-error-doctype = document type declarations are not allowed: the reader never expands entities
read-error-xml-root = root element is `{ $found }`; expected `directory` in namespace `{ $namespace }`
read-error-unsupported-command = command `{ $command }` is not read: only New-, Set- and Remove-CsXmppAllowedPartner and Set-CsXmppGatewayConfiguration are
# { $construct } names what was written, such as "a variable" (in English for now).
read-error-unsupported-syntax = { $construct } is not evaluated: write literal values, one command per partner
