//! The real servers of the interop suite: dnsmasq for DNS and Prosody as the partner (ejabberd
//! is in `ejabberd.rs`), each a child process inside the suite's network namespace.

use std::fs;
use std::net::{SocketAddr, TcpStream, UdpSocket};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::pki::{Cert, Files, Pki};

/// The partner's domain, with an SRV record.
pub const PARTNER: &str = "partner.example";
/// The partner's second domain, served by the same Prosody, without an SRV record.
pub const PARTNER_NO_SRV: &str = "nosrv.example";
/// Our domain: its SRV record leads to the probe's listener.
pub const OURS: &str = "lync.example";
/// Where the partner's server (Prosody or ejabberd) listens.
pub const PARTNER_ADDRESS: &str = "127.0.0.1";
/// A second partner domain, served by a second server, for two real servers federating.
pub const OTHER: &str = "other.example";
/// Where that second server listens.
pub const OTHER_ADDRESS: &str = "127.0.0.3";
/// Where the probe listens as our domain's server.
pub const PROBE_ADDRESS: &str = "127.0.0.2:5269";

/// A child process that is killed when dropped.
#[derive(Debug)]
pub struct Process {
    name: &'static str,
    child: Child,
    log: PathBuf,
}

impl Process {
    pub fn new(name: &'static str, child: Child, log: PathBuf) -> Process {
        Process { name, child, log }
    }

    /// Its whole log.
    pub fn log(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// The end of its log, for a failure report.
    pub fn log_tail(&self) -> String {
        let text = fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(60)..].join("\n")
    }

    pub fn exited(&mut self) -> Option<String> {
        match self.child.try_wait() {
            Ok(Some(status)) => {
                let stderr =
                    fs::read_to_string(self.log.with_extension("stderr")).unwrap_or_default();
                Some(format!(
                    "{} exited ({status}): {stderr}{}",
                    self.name,
                    self.log_tail()
                ))
            }
            _ => None,
        }
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where a server's standard error goes: beside its log.
pub fn stderr_file(log: &Path) -> Result<fs::File, String> {
    fs::File::create(log.with_extension("stderr")).map_err(|e| e.to_string())
}

/// Starts dnsmasq with the suite's records, answering only for `.example`. (Not `.test`:
/// libunbound, which Prosody resolves with, answers that special-use domain itself.)
pub fn dnsmasq(dir: &Path) -> Result<Process, String> {
    let log = dir.join("dnsmasq.log");
    let records = [
        format!("--srv-host=_xmpp-server._tcp.{PARTNER},xmpp.{PARTNER},5269"),
        format!("--host-record=xmpp.{PARTNER},{PARTNER_ADDRESS}"),
        format!("--host-record={PARTNER},{PARTNER_ADDRESS}"),
        format!("--host-record={PARTNER_NO_SRV},{PARTNER_ADDRESS}"),
        format!("--srv-host=_xmpp-server._tcp.{OURS},xmpp.{OURS},5269"),
        format!("--host-record=xmpp.{OURS},127.0.0.2"),
        format!("--srv-host=_xmpp-server._tcp.{OTHER},xmpp.{OTHER},5269"),
        format!("--host-record=xmpp.{OTHER},{OTHER_ADDRESS}"),
    ];
    let child = Command::new("dnsmasq")
        .args([
            "--keep-in-foreground",
            "--no-resolv",
            "--no-hosts",
            "--no-daemon",
            "--listen-address=127.0.0.1",
            "--bind-interfaces",
            "--port=53",
            "--local=/example/",
            "--log-queries",
        ])
        .arg(format!("--log-facility={}", log.display()))
        .args(&records)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        // A file, not a pipe nobody reads: a full pipe would stall the server.
        .stderr(stderr_file(&log)?)
        .spawn()
        .map_err(|e| format!("cannot start dnsmasq: {e}"))?;
    let mut process = Process {
        name: "dnsmasq",
        child,
        log,
    };
    // Up when port 53 is taken.
    let deadline = Instant::now() + Duration::from_secs(10);
    while UdpSocket::bind("127.0.0.1:53").is_ok() {
        if let Some(error) = process.exited() {
            return Err(error);
        }
        if Instant::now() > deadline {
            return Err("dnsmasq did not bind port 53 within 10 s".to_owned());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(process)
}

/// One Prosody configuration: the values of `../shared/reference/xmpp-s2s.md` §4.1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ProsodyConfig {
    /// `s2s_require_encryption`.
    pub require_encryption: bool,
    /// `s2s_allow_encryption`: `false` leaves Prosody without TLS for s2s.
    pub allow_encryption: bool,
    /// `s2s_secure_auth`.
    pub secure_auth: bool,
    /// `"dialback"` in `modules_enabled`.
    pub dialback: bool,
    /// The certificate of both its domains.
    pub certificate: Cert,
}

impl ProsodyConfig {
    /// Prosody's defaults with a valid certificate.
    pub const DEFAULTS: ProsodyConfig = ProsodyConfig {
        require_encryption: true,
        allow_encryption: true,
        secure_auth: false,
        dialback: true,
        certificate: Cert::Valid,
    };

    /// A short name: the options that differ from the defaults.
    pub fn name(&self) -> String {
        let mut parts = Vec::new();
        if !self.require_encryption {
            parts.push("s2s_require_encryption=false".to_owned());
        }
        if !self.allow_encryption {
            parts.push("s2s_allow_encryption=false".to_owned());
        }
        if self.secure_auth {
            parts.push("s2s_secure_auth=true".to_owned());
        }
        if !self.dialback {
            parts.push("no dialback".to_owned());
        }
        if self.certificate != Cert::Valid {
            parts.push(format!("{} certificate", self.certificate.name()));
        }
        if parts.is_empty() {
            "defaults".to_owned()
        } else {
            parts.join(", ")
        }
    }

    /// The configuration file.
    fn render(&self, dir: &Path, files: &Files, pki: &Pki, site: &Site) -> String {
        let dir = dir.display();
        let mut modules = vec!["tls", "saslauth", "admin_shell", "ping"];
        if self.dialback {
            modules.push("dialback");
        }
        let modules = modules
            .iter()
            .map(|m| format!("\"{m}\""))
            .collect::<Vec<_>>()
            .join(", ");
        format!(
            r#"-- Generated by the xmpp-federation interop suite: {name}
run_as_root = true
pidfile = "{dir}/prosody.pid"
data_path = "{dir}/data"
admin_socket = "{dir}/prosody.sock"
log = {{ debug = "{dir}/prosody.log" }}
interfaces = {{ "{address}" }}
c2s_ports = {{ 5222 }}
s2s_ports = {{ 5269 }}
modules_enabled = {{ {modules} }}
modules_disabled = {{ "offline", "c2s" }}
s2s_require_encryption = {require}
s2s_allow_encryption = {allow}
s2s_secure_auth = {secure}
-- Unauthenticated streams end here instead of after 90 s.
s2s_timeout = 4
s2s_close_timeout = 1
use_ipv6 = false
ssl = {{
    certificate = "{certificate}";
    key = "{key}";
    cafile = "{ca}";
}}
{hosts}
"#,
            address = site.address,
            hosts = site
                .hosts
                .iter()
                .map(|h| format!("VirtualHost \"{h}\""))
                .collect::<Vec<_>>()
                .join("\n"),
            name = self.name(),
            require = self.require_encryption,
            allow = self.allow_encryption,
            secure = self.secure_auth,
            certificate = files.certificate.display(),
            key = files.key.display(),
            ca = pki.ca.display(),
        )
    }
}

/// Where a server runs and the domains it serves.
#[derive(Debug, Clone, Copy)]
pub struct Site {
    pub address: &'static str,
    pub hosts: &'static [&'static str],
}

impl Site {
    /// The partner of the cases: both of its domains at the partner's address.
    pub const PARTNER: Site = Site {
        address: PARTNER_ADDRESS,
        hosts: &[PARTNER, PARTNER_NO_SRV],
    };
    /// A second server, for two real servers federating with each other.
    pub const OTHER: Site = Site {
        address: OTHER_ADDRESS,
        hosts: &[OTHER],
    };
}

/// A running Prosody.
#[derive(Debug)]
pub struct Prosody {
    pub process: Process,
    pub config_file: PathBuf,
}

impl Prosody {
    /// Starts Prosody with `config` in `dir`, and waits until it accepts s2s connections.
    pub fn start(config: &ProsodyConfig, dir: &Path, pki: &Pki) -> Result<Prosody, String> {
        Prosody::start_at(config, dir, pki, &Site::PARTNER)
    }

    /// Starts Prosody with `config` for the domains and address of `site`.
    pub fn start_at(
        config: &ProsodyConfig,
        dir: &Path,
        pki: &Pki,
        site: &Site,
    ) -> Result<Prosody, String> {
        let _ = fs::remove_dir_all(dir);
        fs::create_dir_all(dir.join("data")).map_err(|e| e.to_string())?;
        // One certificate for both domains, in the configured state.
        let files = pki.issue(site.hosts, config.certificate)?;
        let config_file = dir.join("prosody.cfg.lua");
        fs::write(&config_file, config.render(dir, &files, pki, site))
            .map_err(|e| e.to_string())?;
        let log = dir.join("prosody.log");
        let child = Command::new("prosody")
            .arg("--config")
            .arg(&config_file)
            .arg("-F")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr_file(&log)?)
            .spawn()
            .map_err(|e| format!("cannot start prosody: {e}"))?;
        let mut process = Process {
            name: "prosody",
            child,
            log,
        };
        let address: SocketAddr = format!("{}:5269", site.address)
            .parse()
            .map_err(|e| format!("{e}"))?;
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok() {
                break;
            }
            if let Some(error) = process.exited() {
                return Err(error);
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "prosody did not listen on {address} within 15 s\n{}",
                    process.log_tail()
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(Prosody {
            process,
            config_file,
        })
    }

    /// Makes Prosody open a stream to our domain: an XEP-0199 ping from its domain, sent
    /// through its admin shell. Returns at once; the ping's answer does not matter.
    pub fn ping_ours(&self, from: &str) -> Result<Child, String> {
        self.ping(from, OURS)
    }

    /// Makes Prosody open a stream from `from` to `to`, with an XEP-0199 ping through its admin
    /// shell. Returns at once.
    pub fn ping(&self, from: &str, to: &str) -> Result<Child, String> {
        Command::new("prosodyctl")
            .arg("--config")
            .arg(&self.config_file)
            .arg("shell")
            .arg(format!("xmpp:ping('{from}', '{to}', 10)"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot run prosodyctl: {e}"))
    }
}
