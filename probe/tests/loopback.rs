//! The probe against itself on loopback: one probe waits for the stream (inbound) as the partner,
//! another opens it (outbound), each serving as its domain's authoritative server. Real TCP,
//! real TLS with generated certificates, real dialback keys; no DNS (`addresses`) and no root.
//! The interop suite (`tests/interop`) runs the probe against real Prosody.

// Helpers outside `#[test]` functions may fail loudly too: this whole file is test code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::net::{SocketAddr, TcpListener};
use std::time::Duration;

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose,
};
use xmpp_federation::s2s::{Certificate, Condition, Direction, Peer, Semantics};
use xmpp_federation::{AuthenticationMethod, Domain, Language, Negotiation, PartnerConfig};
use xmpp_federation_probe::{Identity, ProbeOptions, ProbeReport, Timeouts, Trust, probe};

const OURS: &str = "contoso.test";
const PARTNER: &str = "fabrikam.test";

struct Pki {
    ca_pem: String,
    ca_params: CertificateParams,
    ca_key: KeyPair,
}

impl Pki {
    fn new() -> Pki {
        let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
        params.distinguished_name = DistinguishedName::new();
        params
            .distinguished_name
            .push(DnType::CommonName, "probe test CA");
        params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        params.key_usages = vec![KeyUsagePurpose::KeyCertSign];
        let key = KeyPair::generate().unwrap();
        let ca_pem = params.self_signed(&key).unwrap().pem();
        Pki {
            ca_pem,
            ca_params: params,
            ca_key: key,
        }
    }

    /// A certificate for `domain`, valid unless `expired`.
    fn identity(&self, domain: &str, expired: bool) -> Identity {
        let mut params = CertificateParams::new(vec![domain.to_owned()]).unwrap();
        params.distinguished_name = DistinguishedName::new();
        params.distinguished_name.push(DnType::CommonName, domain);
        params.extended_key_usages = vec![
            ExtendedKeyUsagePurpose::ServerAuth,
            ExtendedKeyUsagePurpose::ClientAuth,
        ];
        let now = time::OffsetDateTime::now_utc();
        if expired {
            params.not_before = now - time::Duration::days(20);
            params.not_after = now - time::Duration::days(10);
        }
        let key = KeyPair::generate().unwrap();
        let issuer = Issuer::from_params(&self.ca_params, &self.ca_key);
        let certificate = params.signed_by(&key, &issuer).unwrap();
        Identity::from_pem(certificate.pem().as_bytes(), key.serialize_pem().as_bytes()).unwrap()
    }

    fn trust(&self) -> Trust {
        Trust::from_pem(self.ca_pem.as_bytes()).unwrap()
    }
}

fn free_port() -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap()
}

struct Side {
    sasl: Negotiation,
    expired: bool,
    strict: bool,
}

/// Runs the partner's probe (inbound, waiting) and ours (outbound) against each other.
fn run(ours: Side, partner: Side) -> (ProbeReport, ProbeReport) {
    let pki = Pki::new();
    let (our_address, partner_address) = (free_port(), free_port());
    let (our_domain, partner_domain) = (
        Domain::parse(OURS).unwrap(),
        Domain::parse(PARTNER).unwrap(),
    );
    let addresses: BTreeMap<Domain, SocketAddr> = [
        (our_domain.clone(), our_address),
        (partner_domain.clone(), partner_address),
    ]
    .into();
    let timeouts = Timeouts {
        connect: Duration::from_secs(5),
        answer: Duration::from_secs(5),
        total: Duration::from_secs(20),
    };
    let options = |me: &Domain, them: &Domain, side: &Side, listen: SocketAddr| {
        let mut config = PartnerConfig::new(them.clone());
        config.sasl_negotiation = side.sasl;
        let mut options = ProbeOptions::new(me.clone(), config);
        options.identity = Some(pki.identity(me.as_str(), side.expired));
        options.trust = pki.trust();
        options.listen = Some(listen);
        options.addresses = addresses.clone();
        options.timeouts = timeouts;
        options.strict_certificate_validation = side.strict;
        options
    };
    // Each knows the other's policy: Lync's rules with the other's settings.
    let policy = |domain: &Domain, side: &Side| {
        let mut config = PartnerConfig::new(domain.clone());
        config.sasl_negotiation = side.sasl;
        let certificate = if side.expired {
            Certificate::Expired
        } else {
            Certificate::Valid
        };
        let mut peer = Peer::lync(domain.clone(), &config, certificate, side.strict);
        peer.semantics = Semantics::Lync;
        peer
    };
    let mut theirs = options(&partner_domain, &our_domain, &partner, partner_address);
    theirs.direction = Direction::Inbound;
    theirs.partner_policy = Some(policy(&our_domain, &ours));
    let mut mine = options(&our_domain, &partner_domain, &ours, our_address);
    mine.partner_policy = Some(policy(&partner_domain, &partner));
    let waiting = std::thread::spawn(move || probe(&theirs).unwrap());
    std::thread::sleep(Duration::from_millis(200));
    let report = probe(&mine).unwrap();
    (report, waiting.join().unwrap())
}

fn assert_agrees(report: &ProbeReport) {
    let text = report.to_text(Language::English);
    assert!(report.agreement.outcome, "{text}");
    assert!(report.agreement.steps, "{text}");
}

#[test]
fn valid_certificates_give_sasl_external_both_ends() {
    let side = || Side {
        sasl: Negotiation::Optional,
        expired: false,
        strict: false,
    };
    let (ours, theirs) = run(side(), side());
    assert_eq!(
        ours.observed.outcome().method,
        Some(AuthenticationMethod::SaslOverTls)
    );
    assert_eq!(
        theirs.observed.outcome().method,
        Some(AuthenticationMethod::SaslOverTls)
    );
    assert_agrees(&ours);
    assert_agrees(&theirs);
    let certificate = ours.certificate.as_ref().unwrap();
    assert_eq!(certificate.status, Certificate::Valid);
    assert!(certificate.matches_domain);
    assert!(
        certificate
            .subject_alternative_names
            .contains(&format!("DNS:{PARTNER}"))
    );
    // The report reads in both languages and serialises.
    assert!(ours.to_text(Language::German).contains("Beobachtet:"));
    let json = serde_json::to_value(ours.localize(Language::English)).unwrap();
    assert_eq!(json["observed"]["outcome"]["method"], "SaslOverTls");
    assert_eq!(json["partnerPolicy"], "given");
}

#[test]
fn an_expired_certificate_falls_back_to_dialback_verified_by_our_listener() {
    let (ours, theirs) = run(
        Side {
            sasl: Negotiation::Optional,
            expired: true,
            strict: false,
        },
        Side {
            sasl: Negotiation::Optional,
            expired: false,
            strict: false,
        },
    );
    assert_eq!(
        ours.observed.outcome().method,
        Some(AuthenticationMethod::TlsDialback)
    );
    assert_agrees(&ours);
    assert_agrees(&theirs);
    // The partner checked our key on a verify-only stream to our listener.
    let verification = theirs
        .observed
        .steps()
        .iter()
        .filter_map(|s| s.xml())
        .filter(|x| x.contains("<db:verify"))
        .count();
    assert_eq!(verification, 2, "{}", theirs.to_text(Language::English));
}

#[test]
fn strict_validation_ends_the_handshake() {
    let (ours, _) = run(
        Side {
            sasl: Negotiation::Optional,
            expired: true,
            strict: false,
        },
        Side {
            sasl: Negotiation::Optional,
            expired: false,
            strict: true,
        },
    );
    let failure = ours.observed.outcome().failure.as_ref().unwrap();
    assert_eq!(
        failure.condition,
        Condition::CertificateRejected {
            certificate: Certificate::Expired,
            of: xmpp_federation::s2s::Party::OurProxy,
        },
        "{}",
        ours.to_text(Language::English)
    );
    assert!(
        ours.agreement.outcome,
        "{}",
        ours.to_text(Language::English)
    );
}

#[test]
fn bad_options_are_refused_before_anything_is_sent() {
    let partner = Domain::parse(PARTNER).unwrap();
    let mut options = ProbeOptions::new(Domain::parse(OURS).unwrap(), PartnerConfig::new(partner));
    options.direction = Direction::Inbound;
    let error = probe(&options).unwrap_err();
    assert!(error.to_string().contains("--listen"), "{error}");
    assert!(Identity::from_pem(b"not pem", b"").is_err());
    assert!(Trust::from_pem(b"").is_err());
}

#[test]
fn a_refused_connection_proposes_no_fix_from_another_failure() {
    let partner = Domain::parse(PARTNER).unwrap();
    let mut config = PartnerConfig::new(partner.clone());
    config.tls_negotiation = Negotiation::Required;
    let mut options = ProbeOptions::new(Domain::parse(OURS).unwrap(), config);
    // A port nothing listens on: the connection is refused.
    options.addresses = [(partner, free_port())].into();
    options.timeouts = Timeouts {
        connect: Duration::from_secs(5),
        answer: Duration::from_secs(5),
        total: Duration::from_secs(10),
    };
    // Our own certificate is missing, so the prediction for the inferred partner fails on it.
    let report = probe(&options).unwrap();
    let failure = report.observed.outcome().failure.clone().unwrap();
    assert!(
        matches!(failure.condition, Condition::Unreachable { .. }),
        "{:?}",
        failure.condition
    );
    assert_eq!(failure.fix, None, "{}", report.to_text(Language::English));
    // The prediction failed otherwise, with a fix of its own, which used to be offered here.
    let predicted = report.prediction.outcome().failure.clone().unwrap();
    assert_ne!(predicted.condition, failure.condition);
    assert!(predicted.fix.is_some());
}
