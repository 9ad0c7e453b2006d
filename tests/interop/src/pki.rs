//! The test certificates: a CA, and for each domain a valid certificate, an expired one, a
//! self-signed one and one for the wrong name, written as PEM files.

use std::fs;
use std::path::{Path, PathBuf};

use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose,
};
use time::{Duration, OffsetDateTime};

/// A certificate as a server presents it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cert {
    Valid,
    Expired,
    SelfSigned,
    WrongName,
}

impl Cert {
    pub fn name(self) -> &'static str {
        match self {
            Cert::Valid => "valid",
            Cert::Expired => "expired",
            Cert::SelfSigned => "self-signed",
            Cert::WrongName => "wrong-name",
        }
    }

    /// The status the simulator gives it.
    pub fn status(self) -> xmpp_federation::s2s::Certificate {
        use xmpp_federation::s2s::Certificate;
        match self {
            Cert::Valid => Certificate::Valid,
            Cert::Expired => Certificate::Expired,
            Cert::SelfSigned => Certificate::SelfSigned,
            Cert::WrongName => Certificate::NameMismatch,
        }
    }
}

/// Where a certificate and its key are.
#[derive(Debug, Clone)]
pub struct Files {
    pub certificate: PathBuf,
    pub key: PathBuf,
}

/// The CA and every certificate.
#[derive(Debug)]
pub struct Pki {
    pub ca: PathBuf,
    dir: PathBuf,
}

impl Pki {
    /// Creates the CA in `dir`.
    pub fn create(dir: &Path) -> Result<Pki, String> {
        fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        let ca = dir.join("ca.pem");
        let (params, key) = ca_params()?;
        let certificate = params.self_signed(&key).map_err(|e| e.to_string())?;
        fs::write(&ca, certificate.pem()).map_err(|e| e.to_string())?;
        fs::write(dir.join("ca.key"), key.serialize_pem()).map_err(|e| e.to_string())?;
        Ok(Pki {
            ca,
            dir: dir.to_owned(),
        })
    }

    /// Writes a certificate for `domains` in the given state.
    pub fn issue(&self, domains: &[&str], cert: Cert) -> Result<Files, String> {
        let domain = domains.first().copied().unwrap_or("example.test");
        let stem = format!("{domain}-{}", cert.name());
        let files = Files {
            certificate: self.dir.join(format!("{stem}.crt")),
            key: self.dir.join(format!("{stem}.key")),
        };
        if files.certificate.exists() {
            return Ok(files);
        }
        let names: Vec<String> = match cert {
            Cert::WrongName => vec![format!("other-{domain}")],
            _ => domains.iter().map(|d| (*d).to_owned()).collect(),
        };
        let name = names[0].clone();
        let mut params = CertificateParams::new(names).map_err(|e| e.to_string())?;
        params.distinguished_name = DistinguishedName::new();
        params.distinguished_name.push(DnType::CommonName, name);
        // Servers present one certificate both as TLS server and as TLS client.
        params.extended_key_usages = vec![
            ExtendedKeyUsagePurpose::ServerAuth,
            ExtendedKeyUsagePurpose::ClientAuth,
        ];
        let now = OffsetDateTime::now_utc();
        if cert == Cert::Expired {
            params.not_before = now - Duration::days(60);
            params.not_after = now - Duration::days(30);
        } else {
            params.not_before = now - Duration::days(1);
            params.not_after = now + Duration::days(30);
        }
        let key = KeyPair::generate().map_err(|e| e.to_string())?;
        let certificate = if cert == Cert::SelfSigned {
            params.self_signed(&key).map_err(|e| e.to_string())?
        } else {
            let (ca_params, ca_key) = self.ca()?;
            let issuer = Issuer::new(ca_params, ca_key);
            params.signed_by(&key, &issuer).map_err(|e| e.to_string())?
        };
        fs::write(&files.certificate, certificate.pem()).map_err(|e| e.to_string())?;
        fs::write(&files.key, key.serialize_pem()).map_err(|e| e.to_string())?;
        Ok(files)
    }

    /// A CA of its own that signed nothing of the suite's: trusting it alone trusts none of
    /// the suite's certificates.
    pub fn other_ca(&self) -> Result<PathBuf, String> {
        let path = self.dir.join("other-ca.pem");
        if !path.exists() {
            let (mut params, key) = ca_params()?;
            params.distinguished_name = DistinguishedName::new();
            params.distinguished_name.push(
                DnType::CommonName,
                "an authority unrelated to the interop suite",
            );
            let certificate = params.self_signed(&key).map_err(|e| e.to_string())?;
            fs::write(&path, certificate.pem()).map_err(|e| e.to_string())?;
        }
        Ok(path)
    }

    fn ca(&self) -> Result<(CertificateParams, KeyPair), String> {
        let pem = fs::read_to_string(self.dir.join("ca.key")).map_err(|e| e.to_string())?;
        let key = KeyPair::from_pem(&pem).map_err(|e| e.to_string())?;
        let (params, _) = ca_params()?;
        Ok((params, key))
    }
}

fn ca_params() -> Result<(CertificateParams, KeyPair), String> {
    let mut params = CertificateParams::new(Vec::<String>::new()).map_err(|e| e.to_string())?;
    params.distinguished_name = DistinguishedName::new();
    params
        .distinguished_name
        .push(DnType::CommonName, "xmpp-federation interop test CA");
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let now = OffsetDateTime::now_utc();
    params.not_before = now - Duration::days(90);
    params.not_after = now + Duration::days(90);
    let key = KeyPair::generate().map_err(|e| e.to_string())?;
    Ok((params, key))
}
