//! `xmpp-federation probe`: the negotiation against a real server, beside the simulator's
//! prediction.

use std::fs;
use std::io::{self, Write};
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, ValueEnum};
use serde_json::json;
use xmpp_federation::message::Arg;
use xmpp_federation::s2s::{Direction, Scenario, Semantics};
use xmpp_federation::{Domain, ENGINE_VERSION, Negotiation, PartnerConfig, visible};
use xmpp_federation_probe::{Identity, Nameserver, ProbeOptions, Timeouts, Trust, probe};

use super::catalogue::probe as text;
use super::{CLEAN, ERRORS, Output, UNUSABLE, read_document, read_request, render};

/// The probe's arguments.
#[derive(Args)]
pub struct ProbeArgs {
    /// The partner domain to reach, such as fabrikam.com (not needed with --scenario)
    partner: Option<String>,
    /// Our domain, such as contoso.com (not needed with --scenario)
    #[arg(long)]
    ours: Option<String>,
    /// A scenario file: our domain and entry for the partner, the partner server's known
    /// policy and the direction; the probe plays it for real and compares
    #[arg(long, value_name = "FILE", conflicts_with_all = ["partner", "ours"])]
    scenario: Option<String>,
    /// Read our entry for the partner from this partner list (any format `validate` reads)
    #[arg(long, value_name = "FILE")]
    partners: Option<String>,
    /// Our entry's TlsNegotiation (overrides the list; default Required)
    #[arg(long, value_enum)]
    tls: Option<NegotiationArg>,
    /// Our entry's SaslNegotiation (overrides the list; default Required)
    #[arg(long, value_enum)]
    sasl: Option<NegotiationArg>,
    /// Our entry's SupportDialbackNegotiation (overrides the list; default true)
    #[arg(long)]
    dialback: Option<bool>,
    /// Who opens the stream: we do (outbound), or we wait for the partner's connection on
    /// --listen (inbound)
    #[arg(long, value_enum, default_value_t = DirectionArg::Outbound)]
    direction: DirectionArg,
    /// Our certificate chain (PEM); without one we cannot offer TLS or use SASL EXTERNAL
    #[arg(long, value_name = "FILE", requires = "key")]
    cert: Option<PathBuf>,
    /// The private key of --cert (PEM)
    #[arg(long, value_name = "FILE", requires = "cert")]
    key: Option<PathBuf>,
    /// Trust these CA certificates (PEM) instead of the built-in Mozilla roots
    #[arg(long, value_name = "FILE")]
    ca: Option<PathBuf>,
    /// End the handshake on a partner certificate we do not accept
    #[arg(long)]
    strict: bool,
    /// Ask this DNS server (IP or IP:PORT) instead of the system's
    #[arg(long, value_name = "ADDRESS")]
    dns: Option<String>,
    /// Connect here instead of asking DNS: `IP:PORT` for the partner's domain, or
    /// `DOMAIN=IP:PORT` for any domain (repeat for several)
    #[arg(long, value_name = "[DOMAIN=]IP:PORT")]
    connect: Vec<String>,
    /// Whose rules our side follows: Lync's, or a generic XMPP server's with the entry's
    /// settings as its policy
    #[arg(long, value_enum, default_value_t = SemanticsArg::Lync)]
    semantics: SemanticsArg,
    /// Listen here as our domain's server, for the partner's dialback verification (and its
    /// stream, inbound); our domain's SRV record must lead here
    #[arg(long, value_name = "IP:PORT")]
    listen: Option<SocketAddr>,
    /// Seconds to wait for each answer
    #[arg(long, value_name = "SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=600))]
    timeout: u64,
    /// Seconds the whole probe may take
    #[arg(long, value_name = "SECONDS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=3600))]
    total: u64,
    /// Output format
    #[arg(long, value_enum, default_value_t = Output::Text)]
    format: Output,
}

#[derive(Clone, Copy, ValueEnum)]
enum NegotiationArg {
    Required,
    Optional,
    NotSupported,
}

impl From<NegotiationArg> for Negotiation {
    fn from(value: NegotiationArg) -> Negotiation {
        match value {
            NegotiationArg::Required => Negotiation::Required,
            NegotiationArg::Optional => Negotiation::Optional,
            NegotiationArg::NotSupported => Negotiation::NotSupported,
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum SemanticsArg {
    Lync,
    Xmpp,
    Prosody,
    Ejabberd,
    Openfire,
    Openfire48,
    Openfire47,
}

impl From<SemanticsArg> for Semantics {
    fn from(value: SemanticsArg) -> Semantics {
        match value {
            SemanticsArg::Lync => Semantics::Lync,
            SemanticsArg::Xmpp => Semantics::Xmpp,
            SemanticsArg::Prosody => Semantics::Prosody,
            SemanticsArg::Ejabberd => Semantics::Ejabberd,
            SemanticsArg::Openfire => Semantics::Openfire,
            SemanticsArg::Openfire48 => Semantics::Openfire48,
            SemanticsArg::Openfire47 => Semantics::Openfire47,
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum DirectionArg {
    Outbound,
    Inbound,
}

/// Runs the probe. Exit status 0 when the stream is established, 1 when it is not, 2 when the
/// options or files are unusable.
pub fn run(args: ProbeArgs, style: render::Style) -> u8 {
    let fail = |message: String| {
        eprintln!("{}", render::error_line(&message, style));
        UNUSABLE
    };
    let options = match options(&args, style) {
        Ok(options) => options,
        Err(Some(message)) => return fail(message),
        Err(None) => return UNUSABLE,
    };
    let report = match probe(&options) {
        Ok(report) => report,
        Err(error) => return fail(error.to_string()),
    };
    let text = match args.format {
        Output::Text => report.to_text(style.language),
        Output::Json => {
            let document = json!({
                "engineVersion": ENGINE_VERSION,
                "report": report.localize(style.language),
            });
            serde_json::to_string_pretty(&document).unwrap_or_default() + "\n"
        }
    };
    let _ = io::stdout().write_all(text.as_bytes());
    if report.observed.outcome().established {
        CLEAN
    } else {
        ERRORS
    }
}

/// The probe's options from the arguments; `Err(None)` when the error was already printed.
fn options(args: &ProbeArgs, style: render::Style) -> Result<ProbeOptions, Option<String>> {
    let l = style.language;
    let domain = |text: &str, option: Arg| {
        Domain::parse(text).map_err(|e| {
            Some(text::cli_probe_bad_domain(option, visible(text), e.message(l)).render(l))
        })
    };
    let mut options = if let Some(file) = &args.scenario {
        let scenario = read_request(file, Scenario::from_json, style).map_err(|_| None)?;
        let mut options = ProbeOptions::new(
            scenario.ours.domain.clone(),
            scenario.partner_config.clone(),
        );
        options.partner = scenario.partner.domain.clone();
        options.direction = scenario.direction;
        options.strict_certificate_validation = scenario.ours.strict_certificate_validation;
        options.dialback_passphrase = scenario
            .ours
            .dialback_passphrase
            .as_ref()
            .map(|p| p.passphrase().clone());
        options.semantics = scenario.ours.semantics;
        options.partner_policy = Some(scenario.partner);
        options
    } else {
        let (Some(partner), Some(ours)) = (&args.partner, &args.ours) else {
            return Err(Some(text::cli_probe_needs_partner().render(l)));
        };
        let partner = domain(partner, text::cli_probe_partner_domain().into())?;
        let ours = domain(ours, "--ours".into())?;
        let mut config = PartnerConfig::new(partner.clone());
        if let Some(file) = &args.partners {
            let document = read_document(file, None).map_err(|(failure, error)| {
                Some(super::failure_text(
                    &failure,
                    error.as_ref(),
                    style.language,
                ))
            })?;
            let directory = document.directory();
            config = directory.partner_for(&partner).cloned().ok_or_else(|| {
                Some(text::cli_probe_unclaimed(visible(file), &partner).render(l))
            })?;
        }
        let mut options = ProbeOptions::new(ours, config);
        options.partner = partner;
        options.direction = match args.direction {
            DirectionArg::Outbound => Direction::Outbound,
            DirectionArg::Inbound => Direction::Inbound,
        };
        options
    };
    if let Some(tls) = args.tls {
        options.partner_config.tls_negotiation = tls.into();
    }
    if let Some(sasl) = args.sasl {
        options.partner_config.sasl_negotiation = sasl.into();
    }
    if let Some(dialback) = args.dialback {
        options.partner_config.support_dialback_negotiation = dialback;
    }
    options.strict_certificate_validation |= args.strict;
    if let (Some(cert), Some(key)) = (&args.cert, &args.key) {
        let chain = fs::read(cert).map_err(|e| Some(format!("{}: {e}", cert.display())))?;
        let key_pem = fs::read(key).map_err(|e| Some(format!("{}: {e}", key.display())))?;
        options.identity =
            Some(Identity::from_pem(&chain, &key_pem).map_err(|e| Some(e.to_string()))?);
    }
    if let Some(ca) = &args.ca {
        let pem = fs::read(ca).map_err(|e| Some(format!("{}: {e}", ca.display())))?;
        options.trust = Trust::from_pem(&pem).map_err(|e| Some(e.to_string()))?;
    }
    if let Some(dns) = &args.dns {
        let address = dns
            .parse::<SocketAddr>()
            .or_else(|_| dns.parse::<IpAddr>().map(|ip| SocketAddr::new(ip, 53)))
            .map_err(|_| Some(text::cli_probe_bad_dns(visible(dns)).render(l)))?;
        options.nameserver = Nameserver::At(address);
    }
    for connect in &args.connect {
        let (domain_text, address_text) = match connect.split_once('=') {
            Some((domain, address)) => (Some(domain), address),
            None => (None, connect.as_str()),
        };
        let address = address_text
            .parse::<SocketAddr>()
            .map_err(|_| Some(text::cli_probe_bad_connect(visible(connect)).render(l)))?;
        let domain = match domain_text {
            Some(text) => domain(text, "--connect".into())?,
            None => options.partner.clone(),
        };
        options.addresses.insert(domain, address);
    }
    if args.semantics != SemanticsArg::Lync {
        options.semantics = args.semantics.into();
    }
    options.listen = args.listen;
    options.timeouts = Timeouts {
        connect: Duration::from_secs(args.timeout),
        answer: Duration::from_secs(args.timeout),
        total: Duration::from_secs(args.total),
    };
    if options.direction == Direction::Inbound && options.listen.is_none() {
        return Err(Some(text::cli_probe_inbound_needs_listen().render(l)));
    }
    Ok(options)
}
