//! The cases: Prosody and ejabberd configurations crossed with our side's settings and
//! certificate, in both directions, and with the partner's SRV record present and absent.

use std::time::Duration;

use xmpp_federation::s2s::{Certificate, Direction, Peer, Semantics};
use xmpp_federation::{AuthenticationMethod, Domain, Negotiation, PartnerConfig};
use xmpp_federation_probe::{Identity, Nameserver, ProbeOptions, Timeouts, Trust};

use crate::ejabberd::{Dialback, EjabberdConfig, Starttls};
use crate::pki::{Cert, Pki};
use crate::servers::{OURS, PARTNER, PARTNER_NO_SRV, PROBE_ADDRESS, ProsodyConfig};

/// The partner's server and its configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Server {
    Prosody(ProsodyConfig),
    Ejabberd(EjabberdConfig),
}

impl Server {
    /// The server and the options that differ from its defaults: `prosody defaults`,
    /// `ejabberd s2s_use_starttls=required`.
    pub fn name(&self) -> String {
        match self {
            Server::Prosody(config) => format!("prosody {}", config.name()),
            Server::Ejabberd(config) => format!("ejabberd {}", config.name()),
        }
    }
}

/// Our side: the partner entry's settings and the Edge server's certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ours {
    pub tls: Negotiation,
    pub sasl: Negotiation,
    pub dialback: bool,
    /// `None`: no certificate.
    pub certificate: Option<Cert>,
}

impl Ours {
    fn name(&self) -> String {
        let certificate = match self.certificate {
            Some(cert) => format!("{} certificate", cert.name()),
            None => "no certificate".to_owned(),
        };
        format!(
            "ours tls={} sasl={} dialback={} {certificate}",
            self.tls.name(),
            self.sasl.name(),
            self.dialback
        )
    }
}

/// What a case must end with, written down independently of the simulator: an anchor that
/// catches the simulator and the probe being wrong in the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Established(AuthenticationMethod),
    Fails,
}

/// One interop case.
#[derive(Debug, Clone)]
pub struct Case {
    pub server: Server,
    pub ours: Ours,
    /// The partner domain probed: with an SRV record or without.
    pub partner: &'static str,
    pub direction: Direction,
    /// Part of the subset `cargo xtask test` runs.
    pub ci: bool,
    pub expect: Option<Expect>,
}

impl Case {
    pub fn name(&self) -> String {
        let direction = match self.direction {
            Direction::Outbound => "outbound",
            Direction::Inbound => "inbound",
        };
        let srv = if self.partner == PARTNER_NO_SRV {
            ", no SRV record"
        } else {
            ""
        };
        format!(
            "{} × {} ({direction}{srv})",
            self.server.name(),
            self.ours.name()
        )
    }

    /// The partner server's policy, from its configuration (`xmpp-s2s.md` §6.1 for Prosody,
    /// `docs/simulation.md` for ejabberd).
    pub fn partner_policy(&self) -> Result<Peer, String> {
        let domain = Domain::parse(self.partner).map_err(|e| e.to_string())?;
        let p = match &self.server {
            Server::Prosody(p) => p,
            Server::Ejabberd(e) => return Ok(ejabberd_policy(e, domain)),
        };
        let mut peer = Peer::new(domain);
        // s2s_secure_auth implies s2s_require_encryption (mod_tls).
        let require = p.require_encryption || p.secure_auth;
        peer.tls = match (p.allow_encryption, require) {
            (true, true) => Negotiation::Required,
            (true, false) => Negotiation::Optional,
            // Required, but without TLS: the policy that cannot be met.
            (false, true) => Negotiation::Required,
            (false, false) => Negotiation::NotSupported,
        };
        peer.certificate = if p.allow_encryption {
            p.certificate.status()
        } else {
            Certificate::Missing
        };
        peer.sasl = if p.secure_auth {
            Negotiation::Required
        } else {
            Negotiation::Optional
        };
        peer.dialback = p.dialback;
        peer.strict_certificate_validation = false;
        peer.semantics = Semantics::Prosody;
        Ok(peer)
    }

    /// The probe's options for this case.
    pub fn options(&self, pki: &Pki) -> Result<ProbeOptions, String> {
        let partner = Domain::parse(self.partner).map_err(|e| e.to_string())?;
        let mut config = PartnerConfig::new(partner.clone());
        config.tls_negotiation = self.ours.tls;
        config.sasl_negotiation = self.ours.sasl;
        config.support_dialback_negotiation = self.ours.dialback;
        // Our entry claims both of the partner's domains.
        let other = if self.partner == PARTNER {
            PARTNER_NO_SRV
        } else {
            PARTNER
        };
        config
            .additional_domains
            .push(Domain::parse(other).map_err(|e| e.to_string())?);
        let mut options =
            ProbeOptions::new(Domain::parse(OURS).map_err(|e| e.to_string())?, config);
        options.partner = partner;
        options.direction = self.direction;
        if let Some(cert) = self.ours.certificate {
            let files = pki.issue(&[OURS], cert)?;
            let chain = std::fs::read(&files.certificate).map_err(|e| e.to_string())?;
            let key = std::fs::read(&files.key).map_err(|e| e.to_string())?;
            options.identity = Some(Identity::from_pem(&chain, &key).map_err(|e| e.to_string())?);
        }
        let ca = std::fs::read(&pki.ca).map_err(|e| e.to_string())?;
        options.trust = Trust::from_pem(&ca).map_err(|e| e.to_string())?;
        options.nameserver = Nameserver::System;
        options.listen = Some(PROBE_ADDRESS.parse().map_err(|e| format!("{e}"))?);
        options.timeouts = Timeouts {
            connect: Duration::from_secs(5),
            // Longer than Prosody's s2s_timeout, so that its own timeout is seen.
            answer: Duration::from_secs(8),
            total: Duration::from_secs(30),
        };
        options.partner_policy = Some(self.partner_policy()?);
        options.our_certificate_judged = self.our_certificate_judged();
        if let (Server::Ejabberd(e), Direction::Inbound) = (&self.server, self.direction)
            && !e.allows_ours
        {
            // ejabberd opens no stream to a domain it denies: wait a little, not the whole
            // limit, to see nothing come.
            options.timeouts.total = Duration::from_secs(3);
        }
        Ok(options)
    }

    /// Our certificate as the partner's server judges it, where it trusts other roots than the
    /// probe: ejabberd with an unrelated `s2s_cafile` trusts none of the suite's certificates.
    pub fn our_certificate_judged(&self) -> Option<Certificate> {
        match (&self.server, self.ours.certificate) {
            // OpenSSL reports an expired certificate before it looks for the issuer.
            (Server::Ejabberd(e), Some(cert)) if !e.trusts_our_ca => Some(match cert {
                Cert::SelfSigned => Certificate::SelfSigned,
                Cert::Expired => Certificate::Expired,
                _ => Certificate::UntrustedCa,
            }),
            _ => None,
        }
    }
}

/// ejabberd's policy from its options, as the interop suite found them to act.
pub fn ejabberd_policy(config: &EjabberdConfig, domain: Domain) -> Peer {
    let mut peer = Peer::new(domain);
    peer.tls = match config.starttls {
        Starttls::False => Negotiation::NotSupported,
        Starttls::Optional => Negotiation::Optional,
        Starttls::Required => Negotiation::Required,
    };
    peer.certificate = config.certificate.status();
    // ejabberd has no switch for SASL EXTERNAL: it offers it on every encrypted stream.
    peer.sasl = Negotiation::Optional;
    peer.dialback = config.dialback != Dialback::NotLoaded;
    // mod_s2s_dialback's access rule decides whether ejabberd checks the certificates of the
    // servers it connects to: it skips the check for those the rule allows (all, by default);
    // without the module it checks them all (mod_s2s_dialback.erl lines 293-299).
    peer.strict_certificate_validation = config.dialback != Dialback::Loaded;
    peer.semantics = Semantics::Ejabberd;
    if !config.allows_ours {
        peer.denied_domains = vec![Domain::parse(OURS).unwrap_or_else(|_| peer.domain.clone())];
    }
    peer
}

const fn ours(
    tls: Negotiation,
    sasl: Negotiation,
    dialback: bool,
    certificate: Option<Cert>,
) -> Ours {
    Ours {
        tls,
        sasl,
        dialback,
        certificate,
    }
}

use Negotiation::{NotSupported, Optional, Required};

/// Lync's defaults: row M1.
const LYNC_DEFAULTS: Ours = ours(Required, Required, true, Some(Cert::Valid));
/// The usual entry for an XMPP server: TLS required, SASL optional, dialback.
const TYPICAL: Ours = ours(Required, Optional, true, Some(Cert::Valid));
/// Everything optional.
const OPTIONAL: Ours = ours(Optional, Optional, true, Some(Cert::Valid));
/// The Google Talk entry: TCP dialback only, no certificate.
const PLAIN: Ours = ours(NotSupported, NotSupported, true, None);
/// Secure authentication: TLS and SASL required, no dialback.
const SECURE: Ours = ours(Required, Required, false, Some(Cert::Valid));

/// Our side's entries, the same against every server: Lync's defaults, the usual entry, all
/// optional, the Google Talk entry, secure authentication, our certificate expired,
/// self-signed, for the wrong name, and no certificate.
const SIDES: [Ours; 9] = [
    LYNC_DEFAULTS,
    TYPICAL,
    OPTIONAL,
    PLAIN,
    SECURE,
    ours(Required, Optional, true, Some(Cert::Expired)),
    ours(Required, Optional, true, Some(Cert::SelfSigned)),
    ours(Required, Optional, true, Some(Cert::WrongName)),
    ours(Optional, Optional, true, None),
];

/// Every case. `ci` marks the representative subset.
pub fn all() -> Vec<Case> {
    let mut cases = prosody_cases();
    cases.extend(ejabberd_cases());
    cases
}

/// Prosody's configurations: every one with every entry of ours, both ways.
fn prosody_cases() -> Vec<Case> {
    let defaults = ProsodyConfig::DEFAULTS;
    let configs = [
        defaults,
        ProsodyConfig {
            require_encryption: false,
            ..defaults
        },
        ProsodyConfig {
            allow_encryption: false,
            require_encryption: false,
            ..defaults
        },
        ProsodyConfig {
            allow_encryption: false,
            ..defaults
        },
        ProsodyConfig {
            secure_auth: true,
            ..defaults
        },
        ProsodyConfig {
            dialback: false,
            ..defaults
        },
        ProsodyConfig {
            certificate: Cert::Expired,
            ..defaults
        },
        ProsodyConfig {
            certificate: Cert::SelfSigned,
            ..defaults
        },
        ProsodyConfig {
            certificate: Cert::WrongName,
            ..defaults
        },
        ProsodyConfig {
            certificate: Cert::SelfSigned,
            secure_auth: true,
            ..defaults
        },
        // Nothing to authenticate with: no TLS and no dialback.
        ProsodyConfig {
            allow_encryption: false,
            require_encryption: false,
            dialback: false,
            ..defaults
        },
    ];
    let sides = SIDES;
    let mut cases = Vec::new();
    for (c, prosody) in configs.iter().enumerate() {
        for (s, side) in sides.iter().enumerate() {
            for direction in [Direction::Outbound, Direction::Inbound] {
                // The subset: every configuration with the usual entry both ways and with the
                // Google Talk entry outbound; every entry against Prosody's defaults outbound;
                // and each behaviour the simulator had to learn from Prosody (its words for a
                // self-signed or missing certificate under s2s_secure_auth, dialback before its
                // late encryption check).
                let outbound = direction == Direction::Outbound;
                let ci = s == 1
                    || (c == 0 && outbound)
                    || (s == 3 && outbound)
                    || (s == 6 && outbound && c < 2)
                    || ((s == 6 || s == 8) && outbound && c == 4)
                    || (s == 2 && !outbound && c == 3)
                    || (s == 3 && c == 10);
                cases.push(Case {
                    server: Server::Prosody(*prosody),
                    ours: *side,
                    partner: PARTNER,
                    direction,
                    ci,
                    expect: anchor(prosody, side, direction),
                });
            }
        }
    }
    // SRV absent: the partner's second domain has only an A record.
    for side in [TYPICAL, PLAIN] {
        for prosody in [defaults, configs[1]] {
            cases.push(Case {
                server: Server::Prosody(prosody),
                ours: side,
                partner: PARTNER_NO_SRV,
                direction: Direction::Outbound,
                ci: true,
                expect: None,
            });
        }
    }
    cases
}

/// ejabberd's configurations (`xmpp-s2s.md` §4.2): `s2s_use_starttls` false, optional and
/// required; `mod_s2s_dialback` loaded, not loaded, and with an access rule that denies our
/// domain; `s2s_cafile` trusting the suite's CA or not; `s2s_access` allowing or denying our
/// domain; and its certificate valid, expired, self-signed or for the wrong name.
fn ejabberd_cases() -> Vec<Case> {
    let example = EjabberdConfig::EXAMPLE;
    let configs = [
        example,
        EjabberdConfig {
            starttls: Starttls::Required,
            ..example
        },
        EjabberdConfig {
            starttls: Starttls::False,
            ..example
        },
        EjabberdConfig {
            dialback: Dialback::NotLoaded,
            ..example
        },
        // The old `required_trusted`: certificates only.
        EjabberdConfig {
            starttls: Starttls::Required,
            dialback: Dialback::NotLoaded,
            ..example
        },
        EjabberdConfig {
            dialback: Dialback::DeniesOurs,
            ..example
        },
        EjabberdConfig {
            trusts_our_ca: false,
            ..example
        },
        EjabberdConfig {
            allows_ours: false,
            ..example
        },
        EjabberdConfig {
            certificate: Cert::Expired,
            ..example
        },
        EjabberdConfig {
            certificate: Cert::SelfSigned,
            ..example
        },
        EjabberdConfig {
            certificate: Cert::WrongName,
            ..example
        },
        EjabberdConfig {
            starttls: Starttls::Required,
            trusts_our_ca: false,
            ..example
        },
        // Nothing to authenticate with before TLS, and no TLS.
        EjabberdConfig {
            starttls: Starttls::False,
            dialback: Dialback::NotLoaded,
            ..example
        },
    ];
    let mut cases = Vec::new();
    for (c, config) in configs.iter().enumerate() {
        for (s, side) in SIDES.iter().enumerate() {
            for direction in [Direction::Outbound, Direction::Inbound] {
                // The subset: every configuration with the usual entry both ways, every entry
                // against the example configuration outbound, and the Google Talk entry
                // outbound everywhere.
                let outbound = direction == Direction::Outbound;
                let ci = s == 1 || (c == 0 && outbound) || (s == 3 && outbound);
                cases.push(Case {
                    server: Server::Ejabberd(*config),
                    ours: *side,
                    partner: PARTNER,
                    direction,
                    ci,
                    expect: None,
                });
            }
        }
    }
    cases
}

/// Outcomes known without the simulator, from Prosody's documentation and code.
fn anchor(prosody: &ProsodyConfig, side: &Ours, direction: Direction) -> Option<Expect> {
    let defaults = ProsodyConfig::DEFAULTS;
    match (prosody, side, direction) {
        // Valid certificates both ways and SASL allowed: SASL EXTERNAL ("the best case").
        (p, s, _) if *p == defaults && *s == TYPICAL => {
            Some(Expect::Established(AuthenticationMethod::SaslOverTls))
        }
        // Prosody requires encryption by default; a side without TLS cannot federate.
        (p, s, _) if *p == defaults && *s == PLAIN => Some(Expect::Fails),
        // Without required encryption, plain dialback works.
        (p, s, Direction::Outbound)
            if *s == PLAIN && !p.require_encryption && p.allow_encryption && p.dialback =>
        {
            Some(Expect::Established(AuthenticationMethod::TcpDialback))
        }
        // Our certificate self-signed: Prosody offers no SASL EXTERNAL and falls back to
        // dialback over TLS ("fall back to dialback if the certificate is not trusted").
        (p, s, Direction::Outbound)
            if *p == defaults && *s == ours(Required, Optional, true, Some(Cert::SelfSigned)) =>
        {
            Some(Expect::Established(AuthenticationMethod::TlsDialback))
        }
        _ => None,
    }
}
