## Trace steps: each step of a negotiation trace has a short summary (one line, lowercase, after the arrow between the two parties) and an explanation (full sentences, below the XML). { $initiating } is the domain of the server that opens the stream, { $receiving } the domain of the server that accepts it.

## Before anything is sent: Lync's list of allowed partners, the partner's access rules.

step-not-allowed =
    .summary = no XMPP partner claims { $domain }: nothing is sent
    .explanation = Lync lets users reach an XMPP network only if it is an allowed partner. Add { $domain } to this partner's additional domains, or create a partner for it.
step-denied =
    .summary = opens no stream to { $domain }: its access rules deny it
    .explanation = The partner's server has access rules for federation (ejabberd's s2s_access, Openfire's permission list), and they deny { $domain }. It does not even try to connect: messages to { $domain } bounce on its side.

## DNS: where the servers of a domain listen (SRV records, RFC 6120 §3.2).

step-dns-query =
    .summary = SRV query for _xmpp-server._tcp.{ $domain }
    .explanation = The initiating server looks up where the XMPP servers of { $domain } listen.
# The receiving server looks up the authoritative server, to check a dialback key.
step-dns-query-authoritative =
    .explanation = To check the dialback key, the receiving server looks up the authoritative server of the sender domain { $domain }.
step-dns-srv =
    .summary = SRV: { $host }, port { $port }
    .explanation = The SRV record names the host and port to connect to.
step-dns-no-srv =
    .summary = no SRV record: { $domain }, port 5269
    .explanation = Without an SRV record, the domain's own A or AAAA record is used with the default port 5269.
step-dns-srv-root =
    .summary = SRV target ".": no XMPP service
    .explanation = An SRV record with target "." means the service is decidedly not available; the initiating server must not fall back to the A record.
step-dns-nxdomain =
    .summary = { $domain } does not exist
    .explanation = The domain does not resolve, so there is no server to connect to; stanzas to it bounce with remote-server-not-found.
# The authoritative server of the sender domain cannot be found: DNS says it has no XMPP service (srv-root), or the domain does not resolve.
step-dns-authoritative-missing =
    .explanation = The sender domain { $domain } { $record ->
        [srv-root] has an SRV record with target ".": no XMPP service
       *[nxdomain] does not resolve
    }, so its authoritative server cannot be found and the key cannot be checked; the receiving server reports remote-server-not-found.

## TCP connections.

step-connect =
    .summary = TCP connection to { $host }:{ $port }
    .explanation = The initiating server opens the TCP connection that will carry the stream.
# A connection of the receiving server to the authoritative server, to check a dialback key.
step-connect-verify =
    .explanation = A separate connection, used only to check the key.
# The same, when the receiving server sends its verification request only over a full stream of its own.
step-connect-verify-own-stream =
    .explanation = { $initiating } sends its verification request only over an authenticated stream of its own to { $receiving }: it opens one now and negotiates it like any outgoing stream before asking. The key can only be checked if this stream succeeds.
step-unreachable =
    .summary = the authoritative server of { $domain } cannot be reached
    .explanation = Without the authoritative server the key cannot be checked; the receiving server reports remote-connection-failed, and the sender domain stays unverified.
step-connect-failed =
    .summary = no TCP connection to { $host }:{ $port }: { $error }
    .explanation = Nothing accepted the connection at this address: the server is down, a firewall drops port 5269, or DNS points to the wrong host. The next address DNS gave is tried, if there is one.
step-timeout =
    .summary = no answer within { $seconds } s
    .explanation = The other side sent nothing more within the time limit. A server waiting for something it never gets (such as a dialback verification that cannot complete) closes the stream only after its own timeout, often minutes later.
step-disconnected =
    .summary = closes the TCP connection
    .explanation = The TCP connection ended; nothing more can arrive on it.
step-unreadable =
    .summary = unreadable stream: { $message }
    .explanation = What arrived is not a well-formed XML stream, so nothing after it can be read.

## TLS: the handshake and the certificates each side presents.

step-tls-error =
    .summary = TLS handshake fails: { $message }
    .explanation = The TLS handshake did not complete, so the stream cannot go on: the two sides share no protocol version or cipher, or one of them refused the other's certificate.
# { $judged } is step-judged-valid or step-judged-not-valid; { $client } is .client-certificate or .client-no-certificate.
step-tls-handshake =
    .summary = TLS handshake
    .explanation = { $receiving } presents its certificate, which { $initiating } judges { $judged }; { $client }. The connection is encrypted from here on, and the stream restarts.
    .client-certificate = { $initiating } presents a certificate, which { $receiving } judges { $judged }
    .client-no-certificate = { $initiating } presents no certificate, so it cannot use SASL EXTERNAL
# How one side judges the other's certificate; { $problem } says what is wrong with it.
step-judged-valid = valid
step-judged-not-valid = not valid: it { $problem }
# The two sides share no TLS version; { $ending } is "alert" when the refusing side sends a protocol_version alert, "closed" when it just closes the connection. { $initiating-versions } is a version or a range (step-tls-version-range); { $refuser } is the domain that refuses.
step-tls-version-refused =
    .summary = TLS handshake fails: no common TLS version ({ $ending ->
        [alert] protocol_version alert
       *[closed] connection closed
    })
    .explanation = { $initiating } speaks { $initiating-versions }, { $receiving } speaks { $receiving-versions }: there is no version both speak, and { $refuser } ends the handshake { $ending ->
        [alert] with a protocol_version alert
       *[closed] by closing the connection, without an alert
    }. TLS 1.0 and 1.1 are deprecated (RFC 8996); every implementation must speak TLS 1.2 (RFC 9325). A Lync Server 2013 or Skype for Business 2015 Edge server speaks TLS 1.2 once Windows' and .NET's TLS 1.2 updates are in place.
# The TLS versions a server speaks, such as "TLS 1.0 to 1.1".
step-tls-version-range = { $low } to { $high }
# { $judge } refuses the certificate of { $owner }.
step-tls-handshake-failed =
    .summary = TLS handshake fails: { $judge } refuses { $owner }'s certificate, which { $problem }
    .explanation = { $judge } validates certificates strictly, and { $owner }'s certificate { $problem }: "the validating entity MUST unilaterally terminate the session". The failure is at the TLS layer, so the TCP connection ends without a closing stream tag.
# Added to the explanation of a TLS step when a certificate lacks the XMPP domain; { $names } lists the names it has.
step-certificate-unnamed = {" "}The certificate for { $domain } names { $names }, but not { $domain }: the other side expects the XMPP domain itself (RFC 6120 §13.7.1.2; a wildcard covers one label only, RFC 6125 §6.4.3). Reissue it with { $domain } as a subject alternative name.

## The XML stream and its features (RFC 6120 §4).

step-stream-open =
    .summary = opens the stream to { $receiving }
    .explanation = { $initiating } opens an XML stream to { $receiving }.
step-stream-restart-tls =
    .summary = restarts the stream over TLS
    .explanation = After TLS, the initiating server sends a new stream header without closing the old stream; everything learned before TLS is discarded.
step-stream-restart-sasl =
    .summary = restarts the stream after SASL
    .explanation = After SASL, the stream restarts once more.
# Added to the explanation of any of the three steps above.
step-stream-declares-dialback = {" "}It declares the dialback namespace because it supports dialback.
step-stream-accept =
    .summary = answers with a new stream id
    .explanation = The receiving server answers with its own header and a new, unpredictable stream id; dialback keys are bound to this id.
    .declares-dialback = {" "}It declares the dialback namespace.
    .no-dialback = {" "}It does not declare the dialback namespace: it does not accept dialback.
step-features-complete =
    .summary = no more features: negotiation complete
    .explanation = An empty features element: the initiating server is authenticated and may send stanzas.
step-features-none =
    .summary = offers no feature
# { $offer } lists what is offered, such as "STARTTLS, SASL EXTERNAL, dialback". The explanation is made of the sentences below that apply.
step-features =
    .summary = offers { $offer }
    .tls-only = TLS is mandatory, so nothing else is offered before it.
    .tls-first = TLS is mandatory; what else is offered only counts once the stream is encrypted.
    .tls-optional = TLS is offered but not required.
    .external = SASL EXTERNAL is offered because the initiating server presented a certificate from a trusted chain.
    .dialback-errors = Dialback is offered, with graceful error handling.
    .dialback = Dialback is offered, without announcing error handling: a dialback error ends the stream.
    .nothing = Nothing is offered that could authenticate the initiating server.
# Items of the list of features offered.
offer-starttls-required = STARTTLS (required)
offer-dialback = dialback

## STARTTLS and SASL EXTERNAL.

step-starttls =
    .summary = starts TLS
    .explanation = The receiving server offers STARTTLS, and the initiating server's policy uses it.
    .explanation-not-offered = STARTTLS is not offered, but the initiating server requires TLS and tries anyway, which defends against stripping attacks.
step-proceed =
    .summary = agrees to TLS
    .explanation = TLS begins right after this element.
step-tls-refused =
    .summary = refuses TLS
    .explanation = The receiving server cannot do TLS (it does not support it, or has no certificate), so it answers with a failure and closes the stream.
step-auth =
    .summary = authenticates with SASL EXTERNAL
    .explanation = The initiating server asks to be authenticated by the certificate it presented in TLS; "=" means it gives no separate authorisation identity.
    .explanation-identity = The initiating server asks to be authenticated by the certificate it presented in TLS, naming { $identity } as authorisation identity (base64); RFC 6120 §6.3.8 lets it, though a server acting for itself need not.
step-sasl-success =
    .summary = SASL EXTERNAL succeeds
    .explanation = The certificate is valid for { $initiating }; the stream restarts once more.
step-sasl-failure =
    .summary = SASL EXTERNAL fails: not-authorized
    .explanation-stays-open = The certificate does not authenticate { $initiating } (XEP-0178 §3 step 11b). The stream stays open, so the initiating server can still try dialback.
    .explanation-closes = The certificate does not authenticate { $initiating } (XEP-0178 §3 step 11b), and the receiving server does not use dialback, so it closes the stream.

## Dialback (XEP-0220).

step-dialback-key =
    .summary = sends the dialback key
    .explanation = The key is HMAC-SHA256 over "{ $receiving-ascii } { $initiating-ascii } { $stream-id }" with the SHA-256 of the initiating server's secret: it binds the sender domain to this stream.
step-dialback-valid =
    .summary = dialback succeeds: { $initiating } is verified
    .explanation = The authoritative server confirmed the key: { $initiating } may now send stanzas to { $receiving }.
step-dialback-invalid =
    .summary = dialback fails: the key is invalid
    .explanation = The authoritative server did not confirm the key, so the receiving server closes the stream; queued stanzas bounce with internal-server-error.
step-dialback-error =
    .summary = dialback error: { $condition }
    .explanation = The key could not be checked ({ $condition }). The stream stays open, but the sender domain is not verified, and queued stanzas bounce.
step-dialback-denied =
    .summary = dialback error: forbidden (access denied)
    .explanation = { $receiving } does not check the key: its access rules deny { $initiating }, and it says so with a forbidden dialback error (XEP-0220 §2.5).
step-verify-open =
    .summary = opens a verify-only stream
    .explanation = The receiving server connects to the authoritative server of { $initiating }; a stream used only to verify a key needs no TLS.
step-verify-request =
    .summary = asks whether the key is valid for stream { $stream-id }
    .explanation = The request carries the key and the id of the stream the receiving server opened towards the initiating server.
step-verify-valid =
    .summary = the key is valid
    .explanation = The authoritative server recomputes the key from its secret and the request's domains and stream id, and it matches.
step-verify-invalid =
    .summary = the key is invalid
    .explanation = The recomputed key differs: the authoritative server has another secret, or does not know the stream.
step-verify-close =
    .summary = closes the verify-only stream
    .explanation = The verify-only stream is closed right after the answer.

## The end of a stream, and the first stanza.

# Also the summary of a stream error that the other side sends. The explanation is one of the reason-… texts.
step-stream-error =
    .summary = stream error: { $condition }
step-peer-error =
    .explanation-text = The other side ended the stream, saying: "{ $text }"
    .explanation = The other side ended the stream without giving a reason in words.
step-close =
    .summary = closes the stream
    .explanation = The closing stream tag ends the stream.
# { $reason } is one of the reason-… texts.
step-abandon =
    .summary = closes the stream without a stream error
    .explanation = It closes the stream without a stream error, so the other side learns nothing of why: { $reason }
step-abandon-disconnect =
    .summary = closes the TCP connection without a word
    .explanation = It closes the TCP connection without a stream error or even a closing tag, so the other side learns nothing of why: { $reason }
step-stanza =
    .summary = first message on the negotiated stream
    .explanation = The stream is authenticated: stanzas from { $initiating } to { $receiving } flow. The other direction needs a stream of its own.
step-unknown =
    .summary = sends <{ $name }/>
    .explanation = An element outside stream negotiation; it does not change the outcome.

## Why a server ends a stream: the explanation of a stream error or of a stream closed without one.

reason-tls-not-supported = The receiving server makes TLS mandatory, and the initiating server does not support it.
reason-no-viable-method = Nothing offered is an authentication method the initiating server uses: neither SASL EXTERNAL nor dialback. It gives up.
reason-tls-without-certificate = The receiving server requires TLS but has no certificate to offer it with, so it can accept no stream at all: a misconfiguration.
reason-nothing-to-offer = The receiving server has no way to authenticate the initiating server: SASL EXTERNAL needs a certificate it accepts for that domain, and dialback is not used. It closes the stream instead of letting it time out (RFC 6120 §6.4.5).
reason-secure-auth = The receiving server requires a valid certificate (secure authentication, no dialback), and the initiating server's certificate { $problem }.
reason-dialback-without-tls = The receiving server requires TLS before dialback, and the stream is not encrypted: it could not offer TLS (it has no certificate), or the initiating server did not start it.
reason-dialback-disabled = The receiving server does not accept dialback.
reason-not-allowed = { $initiating } is not an allowed XMPP partner of { $receiving }, so the stream is refused.
reason-encryption-required-after-authentication = The stream was authenticated without TLS, but the server requires encryption. It checks that only at this point, so the dialback that just succeeded is wasted.
reason-encryption-required = The server requires encryption, but this stream is not encrypted, and nothing else offered can be used.
reason-dialback-refused = The authoritative server did not confirm the key of { $initiating }, so { $initiating } ends the stream.
reason-verification-timed-out = { $receiving } could not verify the key of { $initiating }: the stream it opened to the authoritative server of { $initiating } to carry the verification failed (see the verification steps). Prosody leaves the unauthenticated stream waiting and closes it after s2s_timeout, 90 seconds by default.
reason-host-unknown = The stream is addressed to a domain the receiving server does not serve.
reason-tls-not-offered = { $initiating } requires TLS, and { $receiving } did not offer STARTTLS. Unlike RFC 7590 §3.1 asks, { $initiating } does not try it anyway.
reason-certificate-rejected = { $initiating } validates certificates strictly and does not accept the certificate of { $receiving }, which { $problem }. It checks only once the stream over TLS has started, and then closes it.
reason-denied = { $receiving } authenticated { $initiating }, but its access rules deny { $initiating }: it refuses the first stanza and ends the stream. Nothing from { $initiating } gets through.
reason-tls-disabled = { $receiving } does not do TLS and refuses the request to start it.
reason-after-dialback-error = After the dialback error, { $receiving } ends the stream as well, although XEP-0220 §2.5 lets it stay open.
reason-answered-as = The server that { $initiating } reached for { $receiving } answers as another domain (RFC 6120 §4.7.1): it is not set up as { $receiving }'s server, or something else answers at its address. { $initiating } refuses to go on with it. The partner's server must answer as { $receiving }, its XMPP domain.
reason-unexpected = The other side sent something the protocol does not allow at this point (the error's text names it). The stream ends here; the fault is the sender's, not a setting's.

## Why a negotiation failed, in a few words: the outcome's condition, in "Failed at step 3: …".

condition-not-allowed = not an allowed XMPP partner
condition-denied = the partner's server denies our domain
condition-dns-srv-root = DNS says the XMPP service is not available
condition-dns-nxdomain = the domain does not exist in DNS
condition-stream-error = stream error { $condition }
condition-tls-version = no TLS version both sides speak
condition-tls-failure = the receiving server refused TLS
# { $of } is whose certificate it is: "our-proxy", "partner" or "authoritative".
condition-certificate-rejected = { $of ->
        [our-proxy] our XMPP proxy's certificate
        [partner] the partner server's certificate
       *[authoritative] the authoritative server's certificate
    } was rejected: it { $problem }
condition-sasl-failure = SASL failed: { $condition }
condition-dialback-invalid = the dialback key is invalid
condition-dialback-error = dialback error { $condition }
condition-connection-closed = the connection was closed
condition-unreachable = no TCP connection could be opened ({ $error })
condition-timeout = no answer within { $seconds } s
condition-tls-error = the TLS handshake failed ({ $message })
condition-unreadable = the stream is not well-formed XML ({ $message })
condition-stalled = the simulation reached no outcome after { $steps ->
        [one] 1 step
       *[other] { $steps } steps
    }
condition-answered-as = the server reached for { $expected } answered as `{ $answered }`
condition-misdriven = a machine was fed { $input } where it cannot take it

## Who is at fault: after "At fault:", and in parentheses after a fix or a cause.

fault-ours = our configuration
fault-partner = the partner
fault-environment = the environment
fault-simulator = nobody: an internal error of the simulator, please report it with the scenario

## The outcome in one sentence, below the trace.

# { $method } is the authentication method, { $level } the federation level.
verdict-established = Established with { $method }; federation level: { $level } (XEP-0238).
# { $detail } is empty or a sentence that starts with a space; { $fix } is one of the verdict-fix-… texts.
verdict-failed = Failed at step { $step }: { $condition }.{ $detail } At fault: { $fault }.{ $fix }
# { $setting } is a setting's name, { $value } its value, { $side } a fault-… text.
verdict-fix-add = {" "}Fix: add { $value } to { $setting } ({ $side }), for { $method }.
verdict-fix-set = {" "}Fix: set { $setting } to { $value } ({ $side }), for { $method }.
verdict-fix-none = {" "}No single change fixes it.
