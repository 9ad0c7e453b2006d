## Errors of the JavaScript API (the npm package and the playground) about its arguments.

# { $name } is the argument's name, such as `directory`.
api-missing-argument = `{ $name }` is missing: pass it as the first argument
api-directory-too-large = the directory is { $bytes ->
        [one] 1 byte
       *[other] { $bytes } bytes
    }; at most { $limit } are read
api-partner-not-object = `partner` must be an object such as {"{"}"domain": "fabrikam.com"{"}"}

## Errors of a simulation request (JSON) before it is simulated.

request-too-large = the request is { $bytes ->
        [one] 1 byte
       *[other] { $bytes } bytes
    }; at most { $limit } are read: remove what the simulation does not need
# { $detail } is the JSON reader's own text, in English.
request-invalid-json = not valid JSON: { $detail }
