## The authentication methods, in the words of the Lync matrix.

authentication-sasl-over-tls = SASL over TLS
authentication-tls-dialback = TLS Dialback
authentication-tcp-dialback = TCP Dialback

## The note of each row of the Lync matrix (TLS, SASL and dialback settings of a partner), in
## our own words. Rows with the same note share an entry.

matrix-note-dialback-unused = Dialback is switched on but does not operate when TLS and SASL are both required.
matrix-note-certificate-only = Encrypted and certificate-authenticated streams only.
matrix-note-tls-optional-tcp-dialback = SASL needs TLS, and TLS is only optional: when the partner does not offer TLS, only TCP dialback is left.
matrix-note-tls-optional-fails = SASL needs TLS, and TLS is only optional: when the partner does not offer TLS, the session fails.
matrix-note-sasl-without-tls = SASL cannot run without TLS; only TCP dialback is left, and the Control Panel refuses to save SASL without TLS.
matrix-note-sasl-without-tls-no-dialback = Not valid: SASL cannot run without TLS, and dialback is off.
matrix-note-sasl-or-tls-dialback = SASL over TLS when the partner offers SASL, otherwise dialback over TLS.
matrix-note-tls-dialback = Dialback over an encrypted stream.
matrix-note-no-method = Not valid: either SASL or dialback must be enabled.
matrix-note-any-dialback = Dialback over TLS or plain TCP, whichever the partner negotiates.
matrix-note-tcp-dialback-only = Unencrypted TCP dialback is the only method.
