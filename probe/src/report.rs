//! What a probe found: the observed trace, the partner's policy (given or inferred), the
//! simulator's prediction for the same conditions, and where the two differ.

use std::fmt::Write;

use serde::Serialize;

use super::ProbeOptions;
use super::catalogue::report as text;
use super::compare;
use super::end::Finished;
use super::run::certificate_details;
use super::session::Observed;
use super::tls::CertificateDetails;
use xmpp_federation::Language;
use xmpp_federation::{visible, visible_unbounded};

use xmpp_federation::s2s::machine::{NoteKind, Restart};

use xmpp_federation::Domain;
use xmpp_federation::Negotiation;
use xmpp_federation::s2s::Kind;
use xmpp_federation::s2s::xml::{Element, StreamEvent, StreamParser, ns};
use xmpp_federation::s2s::{
    Certificate, Connection, Direction, Failure, LocalizedTrace, Outcome, Party, Peer, Scenario,
    Semantics, Side, Step, TlsVersion, Trace, simulate,
};

/// Where the partner's policy in the report comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PolicySource {
    /// Given with the probe's options: the server's configuration is known.
    Given,
    /// Read from what the server offered and did; settings it never showed keep their
    /// defaults.
    Inferred,
}

/// One features element, as offered at one stage of one stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FeatureOffer {
    /// The connection.
    pub connection: Connection,
    /// Who offered.
    pub from: Party,
    /// To whom.
    pub to: Party,
    /// `initial`, `afterTls` or `afterSasl`.
    pub stage: &'static str,
    /// `Some(true)` for STARTTLS with `<required/>`, `Some(false)` without.
    pub starttls: Option<bool>,
    /// The SASL mechanisms.
    pub mechanisms: Vec<String>,
    /// Whether the dialback feature is offered (XEP-0220 §2.4).
    pub dialback: bool,
    /// Every other feature, by element name.
    pub other: Vec<String>,
}

impl FeatureOffer {
    pub(crate) fn read(
        connection: Connection,
        from: Party,
        to: Party,
        stage: Restart,
        features: &Element,
    ) -> FeatureOffer {
        let mechanisms = features
            .find("mechanisms", ns::SASL)
            .map(|m| {
                m.elements()
                    .map(|x| x.text_content().trim().to_owned())
                    .collect()
            })
            .unwrap_or_default();
        FeatureOffer {
            connection,
            from,
            to,
            stage: match stage {
                Restart::Initial => "initial",
                Restart::AfterTls => "afterTls",
                Restart::AfterSasl => "afterSasl",
            },
            starttls: features
                .find("starttls", ns::TLS)
                .map(|s| s.find("required", ns::TLS).is_some()),
            mechanisms,
            dialback: features.find("dialback", ns::DIALBACK_FEATURE).is_some(),
            other: features
                .elements()
                .filter(|e| {
                    !e.is("starttls", ns::TLS)
                        && !e.is("mechanisms", ns::SASL)
                        && !e.is("dialback", ns::DIALBACK_FEATURE)
                })
                .map(|e| e.local.clone())
                .collect(),
        }
    }

    fn describe(&self, language: Language) -> String {
        let l = language;
        let mut items = Vec::new();
        match self.starttls {
            Some(true) => items.push(text::probe_offer_starttls_required().render(l)),
            Some(false) => items.push("STARTTLS".to_owned()),
            None => {}
        }
        for mechanism in &self.mechanisms {
            items.push(format!("SASL {}", visible(mechanism)));
        }
        if self.dialback {
            items.push(text::probe_offer_dialback().render(l));
        }
        items.extend(self.other.iter().map(|name| visible(name)));
        if items.is_empty() {
            text::probe_offer_nothing().render(l)
        } else {
            items.join(", ")
        }
    }
}

/// A place where the observed steps and the predicted ones differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Difference {
    /// The connection.
    pub connection: Connection,
    /// The position among that connection's compared steps, from 1.
    pub position: usize,
    /// The observed step, in compared form; `None` when the prediction has more steps.
    pub observed: Option<String>,
    /// The predicted step, in compared form; `None` when the observation has more steps.
    pub predicted: Option<String>,
}

/// Whether the observation and the prediction agree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Agreement {
    /// Whether both established the stream with the same method, or both failed with the same
    /// condition.
    pub outcome: bool,
    /// Whether every connection carried the same steps, in the same order, up to the outcome:
    /// the same elements with the same attributes and text, except stream ids, dialback keys
    /// and whitespace. DNS lookups and TCP closes of the partner's own are not observable
    /// and not compared.
    pub steps: bool,
    /// Where the steps differ.
    pub differences: Vec<Difference>,
}

/// What a probe found.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ProbeReport {
    /// The conditions: our settings and certificate, the partner's policy, the direction and
    /// what DNS answered.
    pub scenario: Scenario,
    /// Where the partner's policy comes from.
    pub partner_policy: PolicySource,
    /// What happened on the wire.
    pub observed: Trace,
    /// What the simulator predicts for the same conditions.
    pub prediction: Trace,
    /// Every features element, by connection and stage.
    pub offers: Vec<FeatureOffer>,
    /// The partner's certificate, if TLS ran.
    pub certificate: Option<CertificateDetails>,
    /// The TLS version and cipher suite of every connection that ran TLS.
    pub tls: Vec<TlsSession>,
    /// Where observation and prediction agree.
    pub agreement: Agreement,
}

/// What TLS one connection negotiated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TlsSession {
    /// Which connection.
    pub connection: Connection,
    /// The party that opened it.
    pub from: Party,
    /// The party that accepted it.
    pub to: Party,
    /// The TLS version, such as `TLS 1.3`.
    pub version: String,
    /// The cipher suite, such as `TLS13_AES_256_GCM_SHA384`.
    pub cipher_suite: String,
}

/// A [`ProbeReport`] in one language, ready to serialise as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct LocalizedProbeReport {
    /// The conditions.
    pub scenario: Scenario,
    /// Where the partner's policy comes from.
    pub partner_policy: PolicySource,
    /// Every features element.
    pub offers: Vec<FeatureOffer>,
    /// The partner's certificate.
    pub certificate: Option<CertificateDetails>,
    /// What TLS each connection negotiated.
    pub tls: Vec<TlsSession>,
    /// What happened.
    pub observed: LocalizedTrace,
    /// What the simulator predicts.
    pub prediction: LocalizedTrace,
    /// Where they agree.
    pub agreement: Agreement,
}

impl ProbeReport {
    /// The report with its texts in one language.
    pub fn localize(&self, language: Language) -> LocalizedProbeReport {
        LocalizedProbeReport {
            scenario: self.scenario.clone(),
            partner_policy: self.partner_policy,
            offers: self.offers.clone(),
            certificate: self.certificate.clone(),
            tls: self.tls.clone(),
            observed: self.observed.localize(language),
            prediction: self.prediction.localize(language),
            agreement: self.agreement.clone(),
        }
    }

    /// The report as text: conditions, offers, certificate, the observed ladder, the
    /// prediction and the agreement.
    pub fn to_text(&self, language: Language) -> String {
        let l = language;
        let s = &self.scenario;
        let mut out = String::new();
        let direction = match s.direction {
            Direction::Outbound => "outbound",
            Direction::Inbound => "inbound",
        };
        let heading = text::probe_heading(&s.ours.domain, &s.partner.domain, direction);
        let _ = writeln!(out, "{}", heading.render(l));
        let p = &s.partner;
        let source = match self.partner_policy {
            PolicySource::Given => "given",
            PolicySource::Inferred => "inferred",
        };
        // The settings by their scenario names and values: the same in every language.
        let policy = format!(
            "tls={} sasl={} dialback={} certificate={} strictCertificateValidation={}",
            p.tls.name(),
            p.sasl.name(),
            p.dialback,
            p.certificate.name(),
            p.strict_certificate_validation,
        );
        let _ = writeln!(
            out,
            "{}",
            text::probe_partner_policy(source, policy).render(l)
        );
        let c = &s.partner_config;
        let settings = format!(
            "tlsNegotiation={} saslNegotiation={} supportDialbackNegotiation={} certificate={}",
            c.tls_negotiation.name(),
            c.sasl_negotiation.name(),
            c.support_dialback_negotiation,
            s.ours.certificate.name(),
        );
        let _ = writeln!(out, "{}", text::probe_our_settings(settings).render(l));
        if !self.offers.is_empty() {
            let _ = writeln!(out, "\n{}", text::probe_features_offered().text(l));
            for offer in &self.offers {
                let line = text::probe_offer(
                    offer.from.label(l),
                    offer.to.label(l),
                    offer.stage,
                    offer.describe(l),
                );
                let _ = writeln!(out, "  {}", line.render(l));
            }
        }
        if !self.tls.is_empty() {
            let _ = writeln!(out, "\nTLS:");
            for session in &self.tls {
                let _ = writeln!(
                    out,
                    "  {} -> {}: {}, {}",
                    session.from.label(l),
                    session.to.label(l),
                    session.version,
                    session.cipher_suite
                );
            }
        }
        if let Some(certificate) = &self.certificate {
            let heading = text::probe_certificate(&certificate.domain, certificate.status.label(l));
            let _ = writeln!(out, "\n{}", heading.render(l));
            let _ = writeln!(out, "  subject: {}", certificate.subject);
            let _ = writeln!(out, "  issuer: {}", certificate.issuer);
            let names =
                text::probe_certificate_names(certificate.subject_alternative_names.join(", "));
            let _ = writeln!(out, "  {}", names.render(l));
            let valid =
                text::probe_certificate_valid(&certificate.not_before, &certificate.not_after);
            let _ = writeln!(out, "  {}", valid.render(l));
            let matches = if certificate.matches_domain {
                "yes"
            } else {
                "no"
            };
            let matches = text::probe_certificate_matches(&certificate.domain, matches);
            let _ = writeln!(out, "  {}", matches.render(l));
            for (index, entry) in certificate.chain.iter().enumerate() {
                let _ = writeln!(out, "  chain {index}: {} ← {}", entry.subject, entry.issuer);
            }
        }
        let _ = writeln!(out, "\n{}", text::probe_observed().text(l));
        out.push_str(&self.observed.to_text(l));
        let predicted = text::probe_predicted(self.prediction.verdict(l));
        let _ = writeln!(out, "\n{}", predicted.render(l));
        let a = &self.agreement;
        let verdict = match (a.outcome, a.steps) {
            (true, true) => text::probe_agreement_exact(),
            (true, false) => text::probe_agreement_steps_differ(),
            (false, _) => text::probe_agreement_outcome_differs(),
        };
        let _ = writeln!(out, "{}", verdict.text(l));
        for d in &a.differences {
            let difference = text::probe_difference(
                format!("{:?}", d.connection),
                d.position,
                d.observed.clone().unwrap_or_else(|| "-".to_owned()),
                d.predicted.clone().unwrap_or_else(|| "-".to_owned()),
            );
            let _ = writeln!(out, "  {}", difference.render(l));
        }
        shown_lines(&out)
    }
}

/// Builds the report once every connection has ended.
pub(crate) fn build(
    options: &ProbeOptions,
    own: Certificate,
    observed: Observed,
    finished: Finished,
) -> ProbeReport {
    let Observed {
        steps,
        offers,
        certificate,
        dns,
        tls,
    } = observed;
    let mut steps = steps.into_steps();
    mark_own_streams(&mut steps);
    let mut scenario = Scenario::new(
        options.ours.clone(),
        options.partner_config.clone(),
        Peer::new(options.partner.clone()),
        options.direction,
    );
    scenario.ours.certificate = own;
    scenario.ours.strict_certificate_validation = options.strict_certificate_validation;
    scenario.ours.semantics = options.semantics;
    // The probe speaks TLS 1.2 and 1.3 (rustls), whatever our Edge server speaks.
    scenario.ours.min_tls_version = TlsVersion::Tls12;
    scenario.ours.max_tls_version = TlsVersion::Tls13;
    for (domain, record) in dns {
        scenario.environment.dns.entry(domain).or_insert(record);
    }
    let seen = certificate.as_ref().map(|(seen, _)| seen.status);
    let (partner, source) = match &options.partner_policy {
        Some(policy) => (policy.clone(), PolicySource::Given),
        None => (
            infer(options, &steps, &offers, seen),
            PolicySource::Inferred,
        ),
    };
    scenario.partner = partner;
    let prediction = simulate(&scenario);

    let outcome = match &finished {
        Finished::Done(done) => {
            let receiving_certificate = match options.direction {
                Direction::Outbound => seen.unwrap_or(Certificate::Missing),
                Direction::Inbound => own,
            };
            Outcome::established(done, receiving_certificate)
        }
        Finished::Failed { step, failure } => {
            let predicted = prediction.outcome().failure.as_ref();
            let fault = match predicted {
                Some(p) if p.condition == failure.condition => p.fault,
                _ => scenario.fault(failure, Side::Ours),
            };
            let encrypted = steps
                .iter()
                .any(|s| s.connection() == Connection::Main && s.encrypted());
            Outcome::failed(
                encrypted,
                Failure::new(
                    *step,
                    failure.condition.clone(),
                    fault,
                    // The prediction's fix is for the prediction's failure: it is offered only
                    // when the server failed the same way.
                    predicted
                        .filter(|p| p.condition == failure.condition)
                        .and_then(|p| p.fix.clone()),
                ),
            )
        }
        Finished::Verified(_) => Outcome::undecided(),
    };
    let observed = Trace::new(scenario.clone(), steps, outcome);
    let agreement = compare::agreement(&observed, &prediction, &options.addresses);
    let certificate = certificate.and_then(|(seen, domain)| certificate_details(&seen, &domain));
    ProbeReport {
        scenario,
        partner_policy: source,
        observed,
        prediction,
        offers,
        certificate,
        tls,
        agreement,
    }
}

/// A partner connection to our authoritative server that negotiated like a stream of its own
/// (TLS, SASL, a dialback key of its own) rather than only asking for a verification.
fn mark_own_streams(steps: &mut [Step]) {
    for connection in [Connection::Verification, Connection::NestedVerification] {
        let own = steps.iter().any(|s| {
            s.connection() == connection
                && s.from() == Party::Partner
                && matches!(
                    s.kind(),
                    Kind::Machine(
                        NoteKind::StartTls { .. }
                            | NoteKind::Auth { .. }
                            | NoteKind::DialbackKey { .. }
                    )
                )
        });
        for step in steps.iter_mut().filter(|s| s.connection() == connection) {
            if let Kind::Connect { own_stream, .. } = step.kind_mut() {
                *own_stream = own;
            }
        }
    }
}

/// The partner's policy, as far as its offers and actions show it.
fn infer(
    options: &ProbeOptions,
    steps: &[Step],
    offers: &[FeatureOffer],
    seen: Option<Certificate>,
) -> Peer {
    let mut peer = Peer::new(options.partner.clone());
    // Prosody shows itself: of all the profiles, only its dialback feature comes without
    // `<errors/>`. Other servers are read by RFC 6120's rules.
    let prosody = steps
        .iter()
        .filter(|s| s.from() == Party::Partner)
        .any(|s| match &s.kind() {
            Kind::Machine(NoteKind::Features(offer)) => offer.dialback && !offer.dialback_errors,
            _ => false,
        });
    peer.semantics = if prosody {
        Semantics::Prosody
    } else {
        Semantics::Xmpp
    };
    let from_partner = |s: &&Step| s.connection() == Connection::Main && s.from() == Party::Partner;
    // The domain the partner's server answered our stream as, when it is not the partner's.
    peer.answers_as = steps
        .iter()
        .filter(from_partner)
        .find(|s| matches!(s.kind(), Kind::Machine(NoteKind::StreamAccept { .. })))
        .and_then(|s| answered_as(s.xml()?))
        .filter(|domain| *domain != options.partner);
    let partner_notes: Vec<&NoteKind> = steps
        .iter()
        .filter(from_partner)
        .filter_map(|s| match &s.kind() {
            Kind::Machine(note) => Some(note),
            _ => None,
        })
        .collect();
    let partner_offers: Vec<&FeatureOffer> = offers
        .iter()
        .filter(|o| o.connection == Connection::Main && o.from == Party::Partner)
        .collect();
    match options.direction {
        Direction::Outbound => {
            if let Some(first) = partner_offers.iter().find(|o| o.stage == "initial") {
                peer.tls = match first.starttls {
                    Some(true) => Negotiation::Required,
                    Some(false) => Negotiation::Optional,
                    None => Negotiation::NotSupported,
                };
            }
            let after_tls: Vec<_> = partner_offers
                .iter()
                .filter(|o| o.stage == "afterTls")
                .collect();
            if let Some(offer) = after_tls.first() {
                let external = offer.mechanisms.iter().any(|m| m == "EXTERNAL");
                peer.sasl = if external && !offer.dialback {
                    Negotiation::Required
                } else {
                    Negotiation::Optional
                };
            }
            peer.dialback = partner_offers.iter().any(|o| o.dialback)
                || steps.iter().any(|s| {
                    from_partner(&s)
                        && matches!(
                            s.kind(),
                            Kind::Machine(NoteKind::StreamAccept { dialback: true, .. })
                        )
                });
        }
        Direction::Inbound => {
            let started_tls = partner_notes.iter().find_map(|n| match n {
                NoteKind::StartTls { offered } => Some(*offered),
                _ => None,
            });
            peer.tls = match started_tls {
                Some(false) => Negotiation::Required,
                Some(true) => Negotiation::Optional,
                None => Negotiation::NotSupported,
            };
            peer.dialback = partner_notes.iter().any(|n| {
                matches!(
                    n,
                    NoteKind::DialbackKey { .. } | NoteKind::StreamOpen { dialback: true, .. }
                )
            });
        }
    }
    if partner_notes.iter().any(|n| {
        matches!(n, NoteKind::PeerError { condition: "not-authorized", text: Some(t) } if t.contains("certificate"))
    }) {
        peer.sasl = Negotiation::Required;
    }
    peer.certificate = match (seen, peer.tls) {
        (Some(status), _) => status,
        (None, Negotiation::NotSupported) => Certificate::Missing,
        (None, _) => Certificate::Valid,
    };
    peer.strict_certificate_validation = steps.iter().any(|s| {
        matches!(s.kind(), Kind::TlsHandshakeFailed { .. })
            && s.cause().is_some_and(|c| c.side() == Side::Partner)
    });
    peer
}

/// The `from` of a response stream header, as a domain.
fn answered_as(header: &str) -> Option<Domain> {
    let mut parser = StreamParser::new();
    match parser.feed(header).ok()?.into_iter().next()? {
        StreamEvent::Header(header) => Domain::parse(header.get("from")?).ok(),
        _ => None,
    }
}

/// The report's text with every character that could steer a terminal escaped, line by line:
/// server texts, certificate names and feature names all come from the partner.
fn shown_lines(text: &str) -> String {
    text.split('\n')
        .map(visible_unbounded)
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(mechanisms: &[&str], other: &[&str]) -> FeatureOffer {
        FeatureOffer {
            connection: Connection::Main,
            from: Party::Partner,
            to: Party::OurProxy,
            stage: "initial",
            starttls: None,
            mechanisms: mechanisms.iter().map(|m| (*m).to_owned()).collect(),
            dialback: false,
            other: other.iter().map(|o| (*o).to_owned()).collect(),
        }
    }

    #[test]
    fn every_text_of_the_report_is_in_every_language_with_every_argument() {
        assert_eq!(
            xmpp_federation::message::check(crate::catalogue::ENTRIES),
            Ok(())
        );
    }

    #[test]
    fn report_text_shows_steering_characters_escaped() {
        // A server's stream-error text or a certificate name, as the report shows it.
        let text = shown_lines("Observed:\n  error: \u{1b}]0;pwned\u{7} \u{202e}txt.exe\n");
        assert_eq!(
            text,
            "Observed:\n  error: \\u{1b}]0;pwned\\u{7} \\u{202e}txt.exe\n"
        );
    }

    #[test]
    fn offered_features_are_shown_escaped_and_bounded() {
        let long = "m".repeat(100_000);
        let text = offer(&["PLAIN\u{1b}[2J", &long], &["x\u{9b}y"]).describe(Language::English);
        assert!(!text.chars().any(char::is_control), "{text}");
        assert!(text.contains("PLAIN\\u{1b}[2J"), "{text}");
        assert!(text.contains("x\\u{9b}y"), "{text}");
        assert!(text.len() < 1_000, "{} bytes", text.len());
    }
}
