//! ejabberd as the partner: Debian's ejabberd 23.01, started as an instance of the suite's own
//! (its own configuration, spool, log and cookie), without Erlang distribution: `erl` runs
//! ejabberd directly, with no node name and no epmd. The package's own service stays off.
//!
//! Its HTTP API (`send_message`) makes it open a stream to our domain, for the inbound cases.

use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::pki::{Cert, Pki};
use crate::servers::{OURS, PARTNER, PARTNER_ADDRESS, PARTNER_NO_SRV, Process, stderr_file};

/// Where Debian's package keeps ejabberd's code: `/usr/lib/<architecture>/ejabberd-<version>/ebin`
/// (its dependencies are in Erlang's own library folder).
fn ebin() -> Result<std::path::PathBuf, String> {
    let lib = Path::new("/usr/lib");
    let entries = fs::read_dir(lib).map_err(|e| format!("{}: {e}", lib.display()))?;
    for entry in entries.flatten() {
        let Ok(inner) = fs::read_dir(entry.path()) else {
            continue;
        };
        for candidate in inner.flatten() {
            let ebin = candidate.path().join("ebin");
            if candidate
                .file_name()
                .to_string_lossy()
                .starts_with("ejabberd-")
                && ebin.join("ejabberd.app").is_file()
            {
                return Ok(ebin);
            }
        }
    }
    Err("ejabberd's code is not installed (apt-get install ejabberd)".to_owned())
}
/// The HTTP API, for the inbound cases.
const API_PORT: u16 = 5280;

/// `s2s_use_starttls`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Starttls {
    False,
    Optional,
    Required,
}

impl Starttls {
    fn name(self) -> &'static str {
        match self {
            Starttls::False => "false",
            Starttls::Optional => "optional",
            Starttls::Required => "required",
        }
    }
}

/// `mod_s2s_dialback`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dialback {
    /// Loaded with its default `access: all`.
    Loaded,
    NotLoaded,
    /// Loaded with an `access` rule that denies our domain.
    DeniesOurs,
}

/// One ejabberd configuration: the options of `xmpp-s2s.md` §4.2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EjabberdConfig {
    pub starttls: Starttls,
    pub dialback: Dialback,
    /// `s2s_cafile`: the suite's CA (true), or an unrelated one.
    pub trusts_our_ca: bool,
    /// `s2s_access`: allows our domain (true), or denies it.
    pub allows_ours: bool,
    /// The certificate of its domains.
    pub certificate: Cert,
}

impl EjabberdConfig {
    /// ejabberd as its example configuration ships it (`ejabberd.yml.example`: STARTTLS
    /// optional, mod_s2s_dialback loaded), with a valid certificate.
    pub const EXAMPLE: EjabberdConfig = EjabberdConfig {
        starttls: Starttls::Optional,
        dialback: Dialback::Loaded,
        trusts_our_ca: true,
        allows_ours: true,
        certificate: Cert::Valid,
    };

    /// A short name: the options that differ from the example configuration.
    pub fn name(&self) -> String {
        let mut parts = Vec::new();
        if self.starttls != Starttls::Optional {
            parts.push(format!("s2s_use_starttls={}", self.starttls.name()));
        }
        match self.dialback {
            Dialback::Loaded => {}
            Dialback::NotLoaded => parts.push("no mod_s2s_dialback".to_owned()),
            Dialback::DeniesOurs => parts.push("mod_s2s_dialback access denies ours".to_owned()),
        }
        if !self.trusts_our_ca {
            parts.push("s2s_cafile other CA".to_owned());
        }
        if !self.allows_ours {
            parts.push("s2s_access denies ours".to_owned());
        }
        if self.certificate != Cert::Valid {
            parts.push(format!("{} certificate", self.certificate.name()));
        }
        if parts.is_empty() {
            "example".to_owned()
        } else {
            parts.join(", ")
        }
    }

    /// The configuration file.
    fn render(&self, certificate: &Path, ca: &Path, cafile: &Path) -> String {
        let mut acl = String::new();
        let mut rules = String::new();
        let mut access = String::new();
        if !self.allows_ours {
            acl.push_str(&format!("  ours:\n    server: [\"{OURS}\"]\n"));
            rules.push_str("  s2s_rule:\n    deny: ours\n    allow: all\n");
            access.push_str("s2s_access: s2s_rule\n");
        }
        let dialback = match self.dialback {
            Dialback::Loaded => "  mod_s2s_dialback: {}\n".to_owned(),
            Dialback::NotLoaded => String::new(),
            Dialback::DeniesOurs => {
                if self.allows_ours {
                    acl.push_str(&format!("  ours:\n    server: [\"{OURS}\"]\n"));
                }
                rules.push_str("  dialback_rule:\n    deny: ours\n    allow: all\n");
                "  mod_s2s_dialback:\n    access: dialback_rule\n".to_owned()
            }
        };
        let rules = if rules.is_empty() {
            String::new()
        } else {
            format!("access_rules:\n{rules}")
        };
        format!(
            r#"# Generated by the xmpp-federation interop suite: {name}
hosts: ["{PARTNER}", "{PARTNER_NO_SRV}"]
loglevel: info
hide_sensitive_log_data: false
certfiles:
  - "{certificate}"
ca_file: "{ca}"
s2s_cafile: "{cafile}"
s2s_use_starttls: {starttls}
negotiation_timeout: 6
outgoing_s2s_timeout: 3
s2s_dns_timeout: 2
s2s_dns_retries: 1
s2s_max_retry_delay: 1
s2s_queue_type: ram
{access}acl:
  loopback:
    ip: ["127.0.0.0/8"]
{acl}{rules}listen:
  - port: 5269
    ip: "{PARTNER_ADDRESS}"
    module: ejabberd_s2s_in
  - port: {API_PORT}
    ip: "{PARTNER_ADDRESS}"
    module: ejabberd_http
    request_handlers:
      /api: mod_http_api
api_permissions:
  "the suite":
    from: [mod_http_api]
    who:
      acl: loopback
    what: [send_message, stop_s2s_connections]
modules:
  mod_admin_extra: {{}}
{dialback}"#,
            name = self.name(),
            certificate = certificate.display(),
            ca = ca.display(),
            cafile = cafile.display(),
            starttls = self.starttls.name(),
        )
    }
}

/// A running ejabberd.
#[derive(Debug)]
pub struct Ejabberd {
    pub process: Process,
}

impl Ejabberd {
    /// Starts ejabberd with `config` in `dir`, and waits until it accepts s2s connections.
    pub fn start(config: &EjabberdConfig, dir: &Path, pki: &Pki) -> Result<Ejabberd, String> {
        let _ = fs::remove_dir_all(dir);
        for sub in ["spool", "log", "home", "msgs"] {
            fs::create_dir_all(dir.join(sub)).map_err(|e| e.to_string())?;
        }
        // ejabberd reads the certificate and its key from one file.
        let files = pki.issue(&[PARTNER, PARTNER_NO_SRV], config.certificate)?;
        let pem = dir.join("partner.pem");
        let mut both = fs::read_to_string(&files.certificate).map_err(|e| e.to_string())?;
        both.push_str(&fs::read_to_string(&files.key).map_err(|e| e.to_string())?);
        fs::write(&pem, both).map_err(|e| e.to_string())?;
        let cafile = if config.trusts_our_ca {
            pki.ca.clone()
        } else {
            pki.other_ca()?
        };
        let config_file = dir.join("ejabberd.yml");
        fs::write(&config_file, config.render(&pem, &pki.ca, &cafile))
            .map_err(|e| e.to_string())?;
        // Its own cookie: the node never joins a cluster, but Erlang reads one at start.
        let cookie = format!("xf{}", std::process::id());
        let log = dir.join("log").join("ejabberd.log");
        let quoted = |path: &Path| format!("\"{}\"", path.display());
        let child = Command::new("erl")
            .current_dir(dir)
            .env("HOME", dir.join("home"))
            .env("ERL_CRASH_DUMP", dir.join("log").join("erl_crash.dump"))
            .env("ERL_CRASH_DUMP_BYTES", "0")
            // An empty folder: no translations to load.
            .env("EJABBERD_MSGS_PATH", dir.join("msgs"))
            .env_remove("ERL_LIBS")
            .env_remove("ERL_FLAGS")
            .env_remove("ERL_AFLAGS")
            .env_remove("ERL_ZFLAGS")
            .env_remove("ERL_INETRC")
            .env_remove("EJABBERD_CONFIG_PATH")
            .args(["-noshell", "-noinput", "+Bd", "-start_epmd", "false"])
            .args(["-setcookie", &cookie, "-pa"])
            .arg(ebin()?)
            .args(["-ejabberd", "config", &quoted(&config_file)])
            .args(["log_path", &quoted(&log)])
            .args(["-mnesia", "dir", &quoted(&dir.join("spool"))])
            .args(["-sasl", "sasl_error_logger", "false", "-s", "ejabberd"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(stderr_file(&log)?)
            .spawn()
            .map_err(|e| format!("cannot start ejabberd (erl): {e}"))?;
        let mut process = Process::new("ejabberd", child, log);
        let address: SocketAddr = format!("{PARTNER_ADDRESS}:5269")
            .parse()
            .map_err(|e| format!("{e}"))?;
        let api: SocketAddr = format!("{PARTNER_ADDRESS}:{API_PORT}")
            .parse()
            .map_err(|e| format!("{e}"))?;
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            // The API listener starts after the s2s one: both are up when it answers.
            if TcpStream::connect_timeout(&api, Duration::from_millis(200)).is_ok()
                && TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_ok()
            {
                break;
            }
            if let Some(error) = process.exited() {
                return Err(error);
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "ejabberd did not listen on {address} within 30 s\n{}",
                    process.log_tail()
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Ok(Ejabberd { process })
    }

    /// Makes ejabberd open a stream to our domain: a message from its domain, through its HTTP
    /// API. Returns once the API has taken it.
    pub fn send_to_ours(&self, from: &str) -> Result<(), String> {
        let body = format!(
            r#"{{"type":"chat","from":"{from}","to":"user@{OURS}","subject":"","body":"interop"}}"#
        );
        self.api("send_message", &body).map(|_| ())
    }

    /// Forgets every s2s connection and the failures it remembers, between cases.
    pub fn reset(&self) -> Result<(), String> {
        self.api("stop_s2s_connections", "{}").map(|_| ())
    }

    /// One call of the HTTP API: the response body.
    fn api(&self, command: &str, body: &str) -> Result<String, String> {
        let address = format!("{PARTNER_ADDRESS}:{API_PORT}");
        let mut stream = TcpStream::connect(&address).map_err(|e| format!("{address}: {e}"))?;
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .map_err(|e| e.to_string())?;
        let request = format!(
            "POST /api/{command} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        stream
            .write_all(request.as_bytes())
            .map_err(|e| format!("{command}: {e}"))?;
        let mut response = String::new();
        stream
            .read_to_string(&mut response)
            .map_err(|e| format!("{command}: {e}"))?;
        if response.starts_with("HTTP/1.1 200") {
            Ok(response)
        } else {
            Err(format!(
                "{command}: {}",
                response.lines().next().unwrap_or("")
            ))
        }
    }

    /// The log, for a failure report.
    pub fn log_tail(&self) -> String {
        self.process.log_tail()
    }
}
