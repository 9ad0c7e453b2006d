//! The conditions of a negotiation as the playground edits them, and the scenario they make.

use serde::{Deserialize, Serialize};
use xmpp_federation::s2s::{Certificate, Direction, DnsRecord, Peer, Preset, Scenario, Semantics};
use xmpp_federation::{Domain, Negotiation, PartnerConfig};

/// The partner's server: a preset's policy, possibly changed field by field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Server {
    /// The preset the policy came from; `None` for a policy of the user's own.
    pub preset: Option<Preset>,
    pub tls: Negotiation,
    pub sasl: Negotiation,
    pub dialback: bool,
    pub certificate: Certificate,
    pub strict_certificate_validation: bool,
}

impl Server {
    /// A preset's policy.
    pub fn preset(preset: Preset) -> Server {
        let peer = preset.summary().policy;
        Server {
            preset: Some(preset),
            tls: peer.tls,
            sasl: peer.sasl,
            dialback: peer.dialback,
            certificate: peer.certificate,
            strict_certificate_validation: peer.strict_certificate_validation,
        }
    }

    /// Whether the policy still is the preset's.
    pub fn is_preset(&self) -> bool {
        self.preset.is_some_and(|p| Server::preset(p) == *self)
    }

    fn peer(&self, domain: Domain) -> Peer {
        let mut peer = match self.preset {
            Some(preset) => preset.peer(domain),
            None => Peer::new(domain),
        };
        peer.tls = self.tls;
        peer.sasl = self.sasl;
        peer.dialback = self.dialback;
        peer.certificate = self.certificate;
        peer.strict_certificate_validation = self.strict_certificate_validation;
        if self.preset.is_none() {
            peer.semantics = Semantics::Xmpp;
        }
        peer
    }
}

/// Everything about a negotiation besides our partner entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Setup {
    /// Our SIP and XMPP domain.
    pub our_domain: String,
    pub our_certificate: Certificate,
    pub our_strict_certificate_validation: bool,
    pub server: Server,
    /// The domain the partner's server speaks for; empty for the partner's primary domain.
    pub server_domain: String,
    pub direction: Direction,
    pub dns_ours: DnsRecord,
    pub dns_partner: DnsRecord,
    pub authoritative_reachable: bool,
    pub dialback_key_verifies: bool,
    pub seed: u64,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            our_domain: "contoso.com".into(),
            our_certificate: Certificate::Valid,
            our_strict_certificate_validation: false,
            server: Server::preset(Preset::Prosody),
            server_domain: String::new(),
            direction: Direction::Outbound,
            dns_ours: DnsRecord::Srv,
            dns_partner: DnsRecord::Srv,
            authoritative_reachable: true,
            dialback_key_verifies: true,
            seed: 1,
        }
    }
}

/// Why a setup makes no scenario: a domain that does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupError {
    /// `ourDomain` or `serverDomain`.
    pub field: &'static str,
    pub message: String,
}

impl Setup {
    /// The partner server's domain for this partner entry.
    pub fn server_domain<'a>(&'a self, partner: &'a PartnerConfig) -> String {
        if self.server_domain.trim().is_empty() {
            partner.domain.to_string()
        } else {
            self.server_domain.trim().to_owned()
        }
    }

    /// The scenario: our entry for the partner, the partner's server and the conditions.
    pub fn scenario(
        &self,
        partner: &PartnerConfig,
        language: xmpp_federation::Language,
    ) -> Result<Scenario, SetupError> {
        let ours = Domain::parse(&self.our_domain).map_err(|e| SetupError {
            field: "ourDomain",
            message: format!("{}; {}", e.message(language), e.help(language)),
        })?;
        let server = Domain::parse(&self.server_domain(partner)).map_err(|e| SetupError {
            field: "serverDomain",
            message: format!("{}; {}", e.message(language), e.help(language)),
        })?;
        let mut scenario = Scenario::new(
            ours.clone(),
            partner.clone(),
            self.server.peer(server.clone()),
            self.direction,
        );
        scenario.ours.certificate = self.our_certificate;
        scenario.ours.strict_certificate_validation = self.our_strict_certificate_validation;
        if self.dns_ours != DnsRecord::Srv {
            scenario.environment.dns.insert(ours, self.dns_ours);
        }
        if self.dns_partner != DnsRecord::Srv {
            scenario.environment.dns.insert(server, self.dns_partner);
        }
        scenario.environment.authoritative_reachable = self.authoritative_reachable;
        scenario.environment.dialback_key_verifies = self.dialback_key_verifies;
        scenario.seed = self.seed;
        Ok(scenario)
    }

    /// Takes over what a changed scenario says about the partner's server and the conditions
    /// (after a fix was applied); our partner entry is the caller's to take.
    pub fn absorb(&mut self, scenario: &Scenario) {
        self.our_certificate = scenario.ours.certificate;
        self.our_strict_certificate_validation = scenario.ours.strict_certificate_validation;
        let peer = &scenario.partner;
        self.server.tls = peer.tls;
        self.server.sasl = peer.sasl;
        self.server.dialback = peer.dialback;
        self.server.certificate = peer.certificate;
        self.server.strict_certificate_validation = peer.strict_certificate_validation;
        self.dns_ours = scenario.environment.dns_for(&scenario.ours.domain);
        self.dns_partner = scenario.environment.dns_for(&peer.domain);
        self.authoritative_reachable = scenario.environment.authoritative_reachable;
        self.dialback_key_verifies = scenario.environment.dialback_key_verifies;
    }
}
