//! Real TLS with `rustls`: our certificate, the roots we trust, and verifiers that judge the
//! other side's certificate as the simulator's [`Certificate`] statuses, then let the machine's
//! policy decide whether the handshake goes on (RFC 6120 §13.7.2).

use std::fmt;
use std::sync::{Arc, Mutex};

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::{WebPkiServerVerifier, verify_server_cert_signed_by_trust_anchor};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use rustls::server::{ParsedCertificate, WebPkiClientVerifier};
use rustls::{
    CertificateError, DigitallySignedStruct, DistinguishedName, Error, RootCertStore,
    SignatureScheme,
};
use serde::Serialize;

use super::ProbeError;
use xmpp_federation::Domain;
use xmpp_federation::s2s::Certificate;

/// A certificate chain and its private key: what our side presents.
#[derive(Clone)]
pub struct Identity {
    chain: Vec<CertificateDer<'static>>,
    key: Arc<PrivateKeyDer<'static>>,
}

impl fmt::Debug for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Identity")
            .field("certificates", &self.chain.len())
            .finish_non_exhaustive()
    }
}

impl Identity {
    /// Reads a PEM certificate chain (end entity first) and a PEM private key.
    pub fn from_pem(chain: &[u8], key: &[u8]) -> Result<Identity, ProbeError> {
        let chain = CertificateDer::pem_slice_iter(chain)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| ProbeError::Certificate(format!("the certificate file: {e}")))?;
        if chain.is_empty() {
            return Err(ProbeError::Certificate(
                "the certificate file holds no certificate".to_owned(),
            ));
        }
        let key = PrivateKeyDer::from_pem_slice(key)
            .map_err(|e| ProbeError::Certificate(format!("the key file: {e}")))?;
        Ok(Identity {
            chain,
            key: Arc::new(key),
        })
    }

    fn key(&self) -> PrivateKeyDer<'static> {
        self.key.clone_key()
    }
}

/// The certificate authorities we trust.
#[derive(Debug, Clone)]
pub enum Trust {
    /// Mozilla's roots, as the `webpki-roots` crate ships them.
    Mozilla,
    /// These roots only (PEM), such as a private CA.
    Roots(Vec<CertificateDer<'static>>),
}

impl Trust {
    /// Reads roots from PEM text.
    pub fn from_pem(pem: &[u8]) -> Result<Trust, ProbeError> {
        let roots = CertificateDer::pem_slice_iter(pem)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| ProbeError::Certificate(format!("the CA file: {e}")))?;
        if roots.is_empty() {
            return Err(ProbeError::Certificate(
                "the CA file holds no certificate".to_owned(),
            ));
        }
        Ok(Trust::Roots(roots))
    }

    fn store(&self) -> Result<RootCertStore, ProbeError> {
        let mut store = RootCertStore::empty();
        match self {
            Trust::Mozilla => store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
            Trust::Roots(roots) => {
                for root in roots {
                    store.add(root.clone()).map_err(|e| {
                        ProbeError::Certificate(format!("a CA certificate is unusable: {e}"))
                    })?;
                }
            }
        }
        Ok(store)
    }
}

/// What a side saw of the other's certificate in one handshake.
#[derive(Debug, Clone)]
pub(crate) struct Seen {
    pub status: Certificate,
    pub chain: Vec<CertificateDer<'static>>,
}

/// Where a verifier leaves what it saw, for the driver to read after the handshake.
pub(crate) type SeenSlot = Arc<Mutex<Option<Seen>>>;

/// Whether the policy refuses a certificate in the handshake: the machine's `judge`.
pub(crate) type Judge = Arc<dyn Fn(Certificate) -> bool + Send + Sync>;

/// The roots, provider and identity, built once per probe.
#[derive(Clone)]
pub(crate) struct Tls {
    provider: Arc<CryptoProvider>,
    roots: Arc<RootCertStore>,
    identity: Option<Identity>,
}

impl fmt::Debug for Tls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tls")
            .field("roots", &self.roots.len())
            .field("identity", &self.identity)
            .finish()
    }
}

impl Tls {
    pub fn new(trust: &Trust, identity: Option<Identity>) -> Result<Tls, ProbeError> {
        Ok(Tls {
            provider: Arc::new(rustls::crypto::ring::default_provider()),
            roots: Arc::new(trust.store()?),
            identity,
        })
    }

    /// Whether we have a certificate to present.
    pub fn has_identity(&self) -> bool {
        self.identity.is_some()
    }

    /// Our own certificate as our roots judge it for our domain: what the prediction assumes
    /// the partner sees.
    pub fn judge_own(&self, domain: &Domain) -> Certificate {
        let Some(identity) = &self.identity else {
            return Certificate::Missing;
        };
        let Some((end_entity, intermediates)) = identity.chain.split_first() else {
            return Certificate::Missing;
        };
        self.judge_server(end_entity, intermediates, domain, UnixTime::now())
    }

    fn algorithms(&self) -> WebPkiSupportedAlgorithms {
        self.provider.signature_verification_algorithms
    }

    /// A certificate presented by a server, judged against our roots and the XMPP domain
    /// (RFC 6120 §13.7.2.1: the domain, not the host the SRV record names).
    fn judge_server(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        domain: &Domain,
        now: UnixTime,
    ) -> Certificate {
        let Ok(parsed) = ParsedCertificate::try_from(end_entity) else {
            return Certificate::UntrustedCa;
        };
        if let Err(error) = verify_server_cert_signed_by_trust_anchor(
            &parsed,
            &self.roots,
            intermediates,
            now,
            self.algorithms().all,
        ) {
            return classify(&error, end_entity);
        }
        name_status(&parsed, domain)
    }

    /// A client configuration whose verifier records what it saw and refuses what `judge`
    /// refuses.
    pub fn client(
        &self,
        judge: Judge,
        seen: SeenSlot,
    ) -> Result<Arc<rustls::ClientConfig>, ProbeError> {
        let inner =
            WebPkiServerVerifier::builder_with_provider(self.roots.clone(), self.provider.clone())
                .build()
                .map_err(|e| ProbeError::Certificate(format!("the trusted roots: {e}")))?;
        let verifier = Arc::new(ServerJudge {
            tls: self.clone(),
            inner,
            verdict: Verdict { judge, seen },
        });
        let builder = rustls::ClientConfig::builder_with_provider(self.provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| ProbeError::Certificate(e.to_string()))?
            .dangerous()
            .with_custom_certificate_verifier(verifier);
        let mut config = match &self.identity {
            Some(identity) => builder
                .with_client_auth_cert(identity.chain.clone(), identity.key())
                .map_err(|e| ProbeError::Certificate(format!("our certificate: {e}")))?,
            None => builder.with_no_client_auth(),
        };
        // XEP-0368: the protocol of server-to-server streams.
        config.alpn_protocols = vec![b"xmpp-server".to_vec()];
        Ok(Arc::new(config))
    }

    /// A server configuration that asks for the client's certificate without requiring one
    /// (RFC 6120 §13.7.1.2), judged for `expected` (the domain the stream header claimed).
    pub fn server(
        &self,
        expected: Option<Domain>,
        judge: Judge,
        seen: SeenSlot,
    ) -> Result<Arc<rustls::ServerConfig>, ProbeError> {
        let Some(identity) = &self.identity else {
            return Err(ProbeError::Certificate(
                "TLS needs a certificate to present; give one with --cert and --key".to_owned(),
            ));
        };
        let inner =
            WebPkiClientVerifier::builder_with_provider(self.roots.clone(), self.provider.clone())
                .allow_unauthenticated()
                .build()
                .map_err(|e| ProbeError::Certificate(format!("the trusted roots: {e}")))?;
        let verifier = Arc::new(ClientJudge {
            tls: self.clone(),
            inner,
            expected,
            verdict: Verdict { judge, seen },
        });
        let config = rustls::ServerConfig::builder_with_provider(self.provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| ProbeError::Certificate(e.to_string()))?
            .with_client_cert_verifier(verifier)
            .with_single_cert(identity.chain.clone(), identity.key())
            .map_err(|e| ProbeError::Certificate(format!("our certificate: {e}")))?;
        Ok(Arc::new(config))
    }
}

/// The error a refusal ends the handshake with, so that the other side gets the alert that
/// says why: `certificate_expired`, `unknown_ca` or `bad_certificate` (RFC 8446 §6.2).
fn refusal(status: Certificate) -> Error {
    Error::InvalidCertificate(match status {
        Certificate::Expired => CertificateError::Expired,
        Certificate::SelfSigned | Certificate::UntrustedCa | Certificate::IncompleteChain => {
            CertificateError::UnknownIssuer
        }
        Certificate::NameMismatch => CertificateError::NotValidForName,
        Certificate::Valid | Certificate::Missing => {
            CertificateError::ApplicationVerificationFailure
        }
    })
}

/// The status an error of chain validation stands for.
fn classify(error: &Error, end_entity: &CertificateDer<'_>) -> Certificate {
    match error {
        Error::InvalidCertificate(
            CertificateError::Expired | CertificateError::ExpiredContext { .. },
        ) => Certificate::Expired,
        Error::InvalidCertificate(
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
        ) => Certificate::NameMismatch,
        // A certificate that issued itself is self-signed, whatever else the chain check found
        // first: webpki refuses one marked as a CA (as `openssl req -x509` makes them) as a CA
        // used as an end entity before it looks for an issuer.
        Error::InvalidCertificate(_) if self_issued(end_entity) => Certificate::SelfSigned,
        _ => Certificate::UntrustedCa,
    }
}

fn name_status(parsed: &ParsedCertificate<'_>, domain: &Domain) -> Certificate {
    let Ok(name) = ServerName::try_from(domain.as_str().to_owned()) else {
        return Certificate::NameMismatch;
    };
    match rustls::client::verify_server_name(parsed, &name) {
        Ok(()) => Certificate::Valid,
        Err(_) => Certificate::NameMismatch,
    }
}

/// Whether a certificate names itself as its issuer.
fn self_issued(certificate: &CertificateDer<'_>) -> bool {
    x509_parser::parse_x509_certificate(certificate.as_ref())
        .map(|(_, c)| c.subject().as_raw() == c.issuer().as_raw())
        .unwrap_or(false)
}

/// What a verifier does with its judgement: records it for the driver, and refuses the
/// handshake where the policy refuses the certificate.
struct Verdict {
    judge: Judge,
    seen: SeenSlot,
}

impl Verdict {
    fn conclude(
        &self,
        status: Certificate,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
    ) -> Result<(), Error> {
        let chain = std::iter::once(end_entity)
            .chain(intermediates)
            .map(|c| c.clone().into_owned())
            .collect();
        if let Ok(mut slot) = self.seen.lock() {
            *slot = Some(Seen { status, chain });
        }
        if (self.judge)(status) {
            Err(refusal(status))
        } else {
            Ok(())
        }
    }
}

/// Verifies the receiving server's certificate as the initiating side.
struct ServerJudge {
    tls: Tls,
    inner: Arc<WebPkiServerVerifier>,
    verdict: Verdict,
}

impl fmt::Debug for ServerJudge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ServerJudge")
    }
}

impl ServerCertVerifier for ServerJudge {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, Error> {
        let status = match Domain::parse(&server_name.to_str()) {
            Ok(domain) => self
                .tls
                .judge_server(end_entity, intermediates, &domain, now),
            Err(_) => Certificate::NameMismatch,
        };
        self.verdict
            .conclude(status, end_entity, intermediates)
            .map(|()| ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// Verifies the initiating server's certificate as the receiving side.
struct ClientJudge {
    tls: Tls,
    inner: Arc<dyn ClientCertVerifier>,
    expected: Option<Domain>,
    verdict: Verdict,
}

impl fmt::Debug for ClientJudge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ClientJudge")
    }
}

impl ClientCertVerifier for ClientJudge {
    fn offer_client_auth(&self) -> bool {
        true
    }

    fn client_auth_mandatory(&self) -> bool {
        false
    }

    fn root_hint_subjects(&self) -> &[DistinguishedName] {
        self.inner.root_hint_subjects()
    }

    fn verify_client_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        now: UnixTime,
    ) -> Result<ClientCertVerified, Error> {
        // Servers present their server certificate as client certificate; one that is valid
        // for either purpose is accepted, as XMPP servers do (Prosody ignores the purpose).
        let status = match self
            .inner
            .verify_client_cert(end_entity, intermediates, now)
        {
            Ok(_) => match (ParsedCertificate::try_from(end_entity), &self.expected) {
                (Ok(parsed), Some(domain)) => name_status(&parsed, domain),
                (Ok(_), None) => Certificate::Valid,
                (Err(_), _) => Certificate::UntrustedCa,
            },
            Err(Error::InvalidCertificate(
                CertificateError::InvalidPurpose | CertificateError::InvalidPurposeContext { .. },
            )) => match &self.expected {
                Some(domain) => self
                    .tls
                    .judge_server(end_entity, intermediates, domain, now),
                None => Certificate::Valid,
            },
            Err(error) => classify(&error, end_entity),
        };
        self.verdict
            .conclude(status, end_entity, intermediates)
            .map(|()| ClientCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}

/// A certificate the other side presented, as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct CertificateDetails {
    /// Whose certificate it is: the domain it had to be valid for.
    pub domain: Domain,
    /// The status as we judged it.
    pub status: Certificate,
    /// Whether a name in it matches the domain (RFC 6125), whatever the chain.
    pub matches_domain: bool,
    /// The end entity's subject.
    pub subject: String,
    /// Its issuer.
    pub issuer: String,
    /// Its subject alternative names: `DNS:`, `xmppAddr:` (RFC 6120 §13.7.1.4), `SRV:` (RFC 4985).
    pub subject_alternative_names: Vec<String>,
    /// The start of its validity, RFC 3339.
    pub not_before: String,
    /// The end of its validity, RFC 3339.
    pub not_after: String,
    /// The chain as presented, end entity first: subject and issuer of each.
    pub chain: Vec<ChainEntry>,
}

/// One certificate of a presented chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChainEntry {
    /// Its subject.
    pub subject: String,
    /// Its issuer.
    pub issuer: String,
}

/// The OID of `id-on-xmppAddr` (RFC 6120 §13.7.1.4).
const XMPP_ADDR: &str = "1.3.6.1.5.5.7.8.5";
/// The OID of `id-on-dnsSRV` (RFC 4985).
const DNS_SRV: &str = "1.3.6.1.5.5.7.8.7";

/// The details of a seen chain, or `None` when the end entity cannot be parsed.
pub(crate) fn details(seen: &Seen, domain: &Domain) -> Option<CertificateDetails> {
    use x509_parser::extensions::GeneralName;
    let end_entity = seen.chain.first()?;
    let (_, parsed) = x509_parser::parse_x509_certificate(end_entity.as_ref()).ok()?;
    let mut names = Vec::new();
    if let Ok(Some(extension)) = parsed.subject_alternative_name() {
        for name in &extension.value.general_names {
            names.push(match name {
                GeneralName::DNSName(dns) => format!("DNS:{dns}"),
                GeneralName::IPAddress(bytes) => format!("IP:{}", ip_text(bytes)),
                GeneralName::URI(uri) => format!("URI:{uri}"),
                GeneralName::RFC822Name(mail) => format!("email:{mail}"),
                GeneralName::OtherName(oid, value) => {
                    let text = other_name_text(value);
                    match oid.to_id_string().as_str() {
                        XMPP_ADDR => format!("xmppAddr:{text}"),
                        DNS_SRV => format!("SRV:{text}"),
                        other => format!("otherName({other}):{text}"),
                    }
                }
                other => format!("{other}"),
            });
        }
    }
    let matches_domain = ParsedCertificate::try_from(end_entity)
        .map(|p| name_status(&p, domain) == Certificate::Valid)
        .unwrap_or(false);
    let validity = parsed.validity();
    let chain = seen
        .chain
        .iter()
        .filter_map(|c| x509_parser::parse_x509_certificate(c.as_ref()).ok())
        .map(|(_, c)| ChainEntry {
            subject: c.subject().to_string(),
            issuer: c.issuer().to_string(),
        })
        .collect();
    Some(CertificateDetails {
        domain: domain.clone(),
        status: seen.status,
        matches_domain,
        subject: parsed.subject().to_string(),
        issuer: parsed.issuer().to_string(),
        subject_alternative_names: names,
        not_before: rfc3339(&validity.not_before),
        not_after: rfc3339(&validity.not_after),
        chain,
    })
}

fn rfc3339(time: &x509_parser::time::ASN1Time) -> String {
    time.to_datetime()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| time.to_string())
}

fn ip_text(bytes: &[u8]) -> String {
    match bytes.len() {
        4 => std::net::Ipv4Addr::new(bytes[0], bytes[1], bytes[2], bytes[3]).to_string(),
        16 => {
            let mut octets = [0u8; 16];
            octets.copy_from_slice(bytes);
            std::net::Ipv6Addr::from(octets).to_string()
        }
        _ => format!("{bytes:02x?}"),
    }
}

/// The text of an otherName value: a UTF8String or IA5String inside an explicit tag.
fn other_name_text(value: &[u8]) -> String {
    // [0] EXPLICIT, then the string's tag and length; short forms only, as names are short.
    let inner = match value {
        [0xa0, _, rest @ ..] => rest,
        other => other,
    };
    match inner {
        [0x0c | 0x16, length, rest @ ..] if usize::from(*length) <= rest.len() => {
            String::from_utf8_lossy(&rest[..usize::from(*length)]).into_owned()
        }
        _ => format!("{value:02x?}"),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// A self-signed certificate for `fabrikam.example`, marked as a CA when `ca`.
    fn self_signed(ca: bool) -> CertificateDer<'static> {
        let mut params =
            rcgen::CertificateParams::new(vec!["fabrikam.example".to_owned()]).unwrap();
        if ca {
            params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        }
        let key = rcgen::KeyPair::generate().unwrap();
        params.self_signed(&key).unwrap().der().clone()
    }

    #[test]
    fn a_self_signed_certificate_is_called_self_signed_whatever_the_chain_check_says() {
        let other = Error::InvalidCertificate(CertificateError::Other(rustls::OtherError(
            std::sync::Arc::new(std::io::Error::other("CaUsedAsEndEntity")),
        )));
        for certificate in [self_signed(false), self_signed(true)] {
            let unknown = Error::InvalidCertificate(CertificateError::UnknownIssuer);
            assert_eq!(classify(&unknown, &certificate), Certificate::SelfSigned);
            assert_eq!(classify(&other, &certificate), Certificate::SelfSigned);
            let expired = Error::InvalidCertificate(CertificateError::Expired);
            assert_eq!(classify(&expired, &certificate), Certificate::Expired);
        }
    }
}
