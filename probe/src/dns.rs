//! Where a domain's XMPP server listens: the `_xmpp-server._tcp` SRV records, with the
//! RFC 6120 §3.2.2 fallback to the domain's own address on port 5269.

use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use hickory_resolver::TokioResolver;
use hickory_resolver::config::{NameServerConfig, ResolverConfig};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::RData;

use super::ProbeError;
use xmpp_federation::Domain;
use xmpp_federation::s2s::DnsRecord;

/// The default port of server-to-server streams (RFC 6120 §3.2.2).
pub(crate) const DEFAULT_PORT: u16 = 5269;

/// Which name server answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nameserver {
    /// The system's configuration (`/etc/resolv.conf`).
    System,
    /// This server, over UDP and TCP.
    At(SocketAddr),
}

/// One host to try, with its addresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    pub host: String,
    pub port: u16,
    pub addresses: Vec<SocketAddr>,
}

/// What DNS answered for a domain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolution {
    pub record: DnsRecord,
    /// The hosts to try, in order.
    pub targets: Vec<Target>,
    /// Why nothing was found, when the answer was not a clean "does not exist".
    pub error: Option<String>,
}

/// A resolver.
pub(crate) struct Dns {
    resolver: TokioResolver,
}

impl std::fmt::Debug for Dns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Dns")
    }
}

impl Dns {
    pub fn new(nameserver: Nameserver, timeout: Duration) -> Result<Dns, ProbeError> {
        let provider = TokioRuntimeProvider::default();
        let mut builder = match nameserver {
            Nameserver::System => TokioResolver::builder(provider).map_err(|e| {
                ProbeError::Dns(format!("the system's resolver configuration: {e}"))
            })?,
            Nameserver::At(address) => {
                let mut server = NameServerConfig::udp_and_tcp(address.ip());
                for connection in &mut server.connections {
                    connection.port = address.port();
                }
                TokioResolver::builder_with_config(
                    ResolverConfig::from_name_servers(vec![server]),
                    provider,
                )
            }
        };
        let options = builder.options_mut();
        options.timeout = timeout;
        options.attempts = 1;
        let resolver = builder
            .build()
            .map_err(|e| ProbeError::Dns(format!("the resolver: {e}")))?;
        Ok(Dns { resolver })
    }

    /// Resolves `domain` as RFC 6120 §3.2 says: SRV records first; without any, the domain's
    /// own addresses on port 5269; an SRV target of "." means no service (§3.2.1 step 3).
    pub async fn resolve(&self, domain: &Domain) -> Resolution {
        let service = format!("_xmpp-server._tcp.{}.", domain.as_str());
        match self.resolver.srv_lookup(service.as_str()).await {
            Ok(lookup) => {
                let mut records: Vec<(u16, u16, String, u16)> = lookup
                    .answers()
                    .iter()
                    .filter_map(|record| match &record.data {
                        RData::SRV(srv) => {
                            Some((srv.priority, srv.weight, srv.target.to_ascii(), srv.port))
                        }
                        _ => None,
                    })
                    .collect();
                if records.iter().any(|(_, _, target, _)| target == ".") {
                    return Resolution {
                        record: DnsRecord::SrvRoot,
                        targets: Vec::new(),
                        error: None,
                    };
                }
                // Lowest priority first; within one, the heaviest first (a fixed order rather
                // than RFC 2782's weighted random choice, so that runs repeat).
                records.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
                let mut targets = Vec::new();
                for (_, _, host, port) in records {
                    let host = host.trim_end_matches('.').to_owned();
                    let addresses = self.addresses(&host, port).await;
                    targets.push(Target {
                        host,
                        port,
                        addresses,
                    });
                }
                Resolution {
                    record: DnsRecord::Srv,
                    targets,
                    error: None,
                }
            }
            Err(error) if error.is_nx_domain() || error.is_no_records_found() => {
                let addresses = self.addresses(domain.as_str(), DEFAULT_PORT).await;
                if addresses.is_empty() {
                    Resolution {
                        record: DnsRecord::NxDomain,
                        targets: Vec::new(),
                        error: None,
                    }
                } else {
                    Resolution {
                        record: DnsRecord::NoSrv,
                        targets: vec![Target {
                            host: domain.as_str().to_owned(),
                            port: DEFAULT_PORT,
                            addresses,
                        }],
                        error: None,
                    }
                }
            }
            Err(error) => Resolution {
                record: DnsRecord::NxDomain,
                targets: Vec::new(),
                error: Some(error.to_string()),
            },
        }
    }

    async fn addresses(&self, host: &str, port: u16) -> Vec<SocketAddr> {
        if let Ok(ip) = host.parse::<IpAddr>() {
            return vec![SocketAddr::new(ip, port)];
        }
        let name = format!("{host}.");
        match self.resolver.lookup_ip(name.as_str()).await {
            Ok(lookup) => lookup.iter().map(|ip| SocketAddr::new(ip, port)).collect(),
            Err(_) => Vec::new(),
        }
    }
}
