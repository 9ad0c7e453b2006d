## A certificate's state, as the simulator's controls and the trace name it (the label), and
## how a server words its problem after "Your server's certificate" (.problem).

certificate-status-valid = valid
    .problem = is valid
certificate-status-missing = none
    .problem = is missing
certificate-status-expired = expired
    .problem = has expired
certificate-status-self-signed = self-signed
    .problem = is self-signed
certificate-status-untrusted-ca = untrusted CA
    .problem = is not trusted
certificate-status-incomplete-chain = incomplete chain
    .problem = comes without its intermediate certificate
certificate-status-name-mismatch = wrong name
    .problem = is not valid for this name

## The server presets of the simulator: their names in the server picker.

preset-lync = Lync / Skype for Business (defaults)
preset-google-talk = Google Talk (historical: federation ended in 2017)
preset-prosody = Prosody (defaults)
preset-prosody-secure-auth = Prosody with s2s_secure_auth
preset-ejabberd = ejabberd (example configuration)
preset-openfire = Openfire 5.1 (defaults)
preset-openfire-4-8 = Openfire 4.8 and 4.9 (defaults)
preset-openfire-4-7 = Openfire 4.7 (defaults)
preset-tigase = Tigase (defaults)

## How the simulator knows a preset's behaviour, shown beside its name.

provenance-proven = proven against the real server
provenance-source = modelled from source
provenance-documentation = modelled from documentation

## What exactly a preset's behaviour is known from.

preset-known-from-prosody = tests/interop: Debian 12's prosody 0.12.3, every step compared
preset-known-from-ejabberd = tests/interop: Debian 12's ejabberd 23.01, every step compared
preset-known-from-openfire = Openfire's source, tag v5.1.1 (docs/profiles.md)
preset-known-from-openfire-4-8 = Openfire's source, tag v4.8.0 (docs/profiles.md)
preset-known-from-openfire-4-7 = Openfire's source, tag v4.7.5 (docs/profiles.md)
preset-known-from-lync = Lync Server 2013 documentation: XMPP federated partners
preset-known-from-tigase = Tigase's documentation and option names
