## The probe's text report (`xmpp-federation probe`): a heading with both domains and the
## direction, the partner's policy and our settings (the `name=value` list after the colon is
## passed in and stays as it is), the features each side offered, the partner's certificate, and
## whether the simulator predicted what was observed.

# The first line. `$ours` and `$partner` are domains.
probe-heading = Probe: { $ours } ⇄ { $partner } ({ $direction ->
        [outbound] outbound
       *[inbound] inbound
    })
# `$settings` is a list such as `tls=Required sasl=Optional dialback=true …`.
probe-partner-policy = Partner policy ({ $source ->
        [given] as given
       *[inferred] inferred from what it offered
    }): { $settings }
# `$settings` is a list such as `tlsNegotiation=Required saslNegotiation=Optional …`.
probe-our-settings = Our settings: { $settings }

## The features each side offered, one line per features element.

probe-features-offered = Features offered:
# `$from` and `$to` name the parties (such as "our XMPP proxy"); `$features` is the list of
# features, such as "STARTTLS (required), SASL EXTERNAL, dialback".
probe-offer = { $from } -> { $to }, { $stage ->
        [initial] initial
        [afterTls] after TLS
       *[afterSasl] after SASL
    }: { $features }
probe-offer-starttls-required = STARTTLS (required)
probe-offer-dialback = dialback
# An offer with no features at all.
probe-offer-nothing = nothing

## The partner's certificate. `$status` is how it was judged (such as "valid").

probe-certificate = Certificate of { $domain }: { $status }
# `$names` is the list of the certificate's subject alternative names.
probe-certificate-names = names: { $names }
# `$from` and `$until` are dates and times.
probe-certificate-valid = valid: { $from } – { $until }
probe-certificate-matches = matches { $domain }: { $matches ->
        [yes] yes
       *[no] no
    }

## The observed steps, the prediction and whether they agree.

probe-observed = Observed:
# `$verdict` is the predicted outcome, such as "Established with SASL over TLS; federation level: …".
probe-predicted = Predicted: { $verdict }
probe-agreement-exact = The simulator predicted this negotiation exactly.
probe-agreement-steps-differ = The outcome is as predicted, but the steps differ:
probe-agreement-outcome-differs = The outcome differs from the prediction:
# A step where observation and prediction differ: `$connection` names the connection (such as
# `Main`), `$position` counts its steps from 1; `$observed` and `$predicted` are the steps in
# compared form, or `-` when there is none.
probe-difference = { $connection } #{ $position }: observed { $observed } / predicted { $predicted }
