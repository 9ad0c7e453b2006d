//! The texts of trace steps and outcomes, from the catalogue (`catalogue/*/core/trace.ftl`),
//! with their phases and the specification sections they follow.

use std::borrow::Cow;

use super::machine::{NoteKind, Offer, Reason, Restart, Verification};
use super::peer::{Certificate, TlsVersion};
use super::scenario::DnsRecord;
use super::setting::{PeerSetting, SettingName, Side};
use super::trace::{Condition, Kind, Outcome, Party, Phase, Unnamed};
use crate::catalogue::trace as text;
use crate::domain::Domain;
use crate::language::Language;
use crate::message::{Arg, Message};

/// Who initiates and who receives, for the texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// The initiating server's domain.
    pub initiating: Domain,
    /// The receiving server's domain.
    pub receiving: Domain,
    /// Whether our side initiates.
    pub ours_initiating: bool,
}

impl Context {
    /// Our domain (`ours`) or the other side's, on a connection that our side opened
    /// (`ours_initiating`) or accepted.
    pub fn for_party(&self, ours_initiating: bool, ours: bool) -> Domain {
        if ours == ours_initiating {
            self.initiating.clone()
        } else {
            self.receiving.clone()
        }
    }
}

pub(crate) fn phase(kind: &Kind) -> Phase {
    match kind {
        Kind::NotAllowed { .. }
        | Kind::Denied { .. }
        | Kind::DnsQuery { .. }
        | Kind::DnsAnswer { .. }
        | Kind::Connect { .. } => Phase::Connection,
        Kind::Unreachable { .. } => Phase::Dialback,
        Kind::ConnectFailed { .. } | Kind::Timeout { .. } | Kind::Disconnected => Phase::Connection,
        Kind::Unreadable { .. } => Phase::Close,
        Kind::TlsError { .. } => Phase::Tls,
        Kind::TlsHandshake { .. }
        | Kind::TlsHandshakeFailed { .. }
        | Kind::TlsVersionRefused { .. } => Phase::Tls,
        Kind::Machine(note) => match note {
            NoteKind::StreamOpen { .. } | NoteKind::StreamAccept { .. } | NoteKind::Features(_) => {
                Phase::Stream
            }
            NoteKind::StartTls { .. } | NoteKind::Proceed | NoteKind::TlsRefused => Phase::Tls,
            NoteKind::Auth { .. } | NoteKind::SaslSuccess | NoteKind::SaslFailure { .. } => {
                Phase::Sasl
            }
            NoteKind::DialbackKey { .. }
            | NoteKind::DialbackResult(_)
            | NoteKind::DialbackDenied
            | NoteKind::VerifyOpen
            | NoteKind::VerifyRequest { .. }
            | NoteKind::VerifyAnswer { .. }
            | NoteKind::VerifyClose => Phase::Dialback,
            NoteKind::StreamError { .. }
            | NoteKind::PeerError { .. }
            | NoteKind::Close
            | NoteKind::Abandon { .. } => Phase::Close,
            NoteKind::Stanza | NoteKind::Unknown { .. } => Phase::Stanzas,
        },
    }
}

pub(crate) fn spec(kind: &Kind) -> &'static str {
    match kind {
        Kind::NotAllowed { .. } => "Lync Server 2013: New-CsXmppAllowedPartner",
        Kind::Denied { .. } => "RFC 6120 §13.14",
        Kind::DnsQuery {
            authoritative: false,
            ..
        } => "RFC 6120 §3.2.1",
        Kind::DnsQuery {
            authoritative: true,
            ..
        } => "XEP-0220 §1.4 (step 2)",
        Kind::DnsAnswer {
            record,
            authoritative: true,
            ..
        } => match record {
            DnsRecord::Srv | DnsRecord::NoSrv => "XEP-0220 §2.1.2, RFC 6120 §3.2",
            DnsRecord::SrvRoot | DnsRecord::NxDomain => "XEP-0220 §2.5",
        },
        Kind::DnsAnswer { record, .. } => match record {
            DnsRecord::Srv => "RFC 6120 §3.2.1",
            DnsRecord::NoSrv => "RFC 6120 §3.2.2",
            DnsRecord::SrvRoot => "RFC 6120 §3.2.1 step 3",
            DnsRecord::NxDomain => "RFC 6120 §10.4.3",
        },
        Kind::Connect {
            authoritative: false,
            ..
        } => "RFC 6120 §3.2.1",
        Kind::Connect {
            authoritative: true,
            ..
        } => "XEP-0220 §2.1.2",
        Kind::Unreachable { .. } => "XEP-0220 §2.5",
        Kind::ConnectFailed { .. } => "RFC 6120 §3.2.1 step 8",
        Kind::Timeout { .. } => "RFC 6120 §4.6.2",
        Kind::TlsError { .. } => "RFC 6120 §5.4.3.2",
        Kind::Unreadable { .. } => "RFC 6120 §4.9.3.13",
        Kind::Disconnected => "RFC 6120 §4.4",
        Kind::TlsHandshake { .. } => "RFC 6120 §5.4.3, §13.7.2",
        Kind::TlsHandshakeFailed { .. } => "RFC 6120 §13.7.2, §5.4.3.2",
        Kind::TlsVersionRefused { .. } => "RFC 8446 §4.1.3, RFC 8996, RFC 9325 §3.1.1",
        Kind::Machine(note) => match note {
            NoteKind::StreamOpen { restart, .. } => match restart {
                Restart::Initial => "RFC 6120 §4.7.1",
                Restart::AfterTls => "RFC 6120 §5.4.3.3",
                Restart::AfterSasl => "RFC 6120 §6.4.6",
            },
            NoteKind::StreamAccept { restart, .. } => match restart {
                Restart::Initial => "RFC 6120 §4.7.2",
                Restart::AfterTls | Restart::AfterSasl => "RFC 6120 §4.3.3",
            },
            NoteKind::Features(offer) if offer.complete => "RFC 6120 §6.4.6",
            NoteKind::Features(offer) if offer.starttls.is_some() => "RFC 6120 §5.4.1",
            NoteKind::Features(offer) if offer.external => "RFC 6120 §6.4.1, XEP-0178 §3",
            NoteKind::Features(_) => "RFC 6120 §4.3.2, XEP-0220 §2.4.2",
            NoteKind::StartTls { offered: true } => "RFC 6120 §5.4.2.1",
            NoteKind::StartTls { offered: false } => "RFC 7590 §3.1",
            NoteKind::Proceed => "RFC 6120 §5.4.2.3",
            NoteKind::TlsRefused => "RFC 6120 §5.4.2.2",
            NoteKind::Auth { .. } => "RFC 6120 §6.4.2, XEP-0178 §3",
            NoteKind::SaslSuccess => "RFC 6120 §6.4.6",
            NoteKind::SaslFailure { .. } => "RFC 6120 §6.4.5, XEP-0178 §3",
            NoteKind::DialbackKey { .. } => "XEP-0220 §2.1.1, XEP-0185 §2",
            NoteKind::DialbackResult(Verification::Error(_)) => "XEP-0220 §2.5",
            NoteKind::DialbackResult(_) => "XEP-0220 §2.2.1",
            NoteKind::DialbackDenied => "XEP-0220 §2.5",
            NoteKind::VerifyOpen | NoteKind::VerifyClose => "XEP-0220 §2.1.2",
            NoteKind::VerifyRequest { .. } => "XEP-0220 §2.1.2",
            NoteKind::VerifyAnswer { .. } => "XEP-0220 §2.2.2",
            NoteKind::StreamError { condition, .. } | NoteKind::PeerError { condition, .. } => {
                match *condition {
                    "unsupported-feature" => "RFC 6120 §4.9.3.23",
                    "not-authorized" => "RFC 6120 §4.9.3.12",
                    "policy-violation" => "RFC 6120 §4.9.3.14",
                    "host-unknown" => "RFC 6120 §4.9.3.6",
                    "improper-addressing" => "RFC 6120 §4.9.3.7",
                    "connection-timeout" => "RFC 6120 §4.9.3.4",
                    "undefined-condition" => "RFC 6120 §4.9.3.21",
                    _ => "RFC 6120 §4.9",
                }
            }
            NoteKind::Close
            | NoteKind::Abandon {
                disconnect: false, ..
            } => "RFC 6120 §4.4",
            NoteKind::Abandon {
                disconnect: true, ..
            } => "RFC 6120 §4.9.1.1",
            NoteKind::Stanza => "RFC 6120 §8.1, §4.5",
            NoteKind::Unknown { .. } => "RFC 6120 §4.3.2",
        },
    }
}

/// A domain in its ASCII form, as DNS and the dialback key use it.
fn ascii(domain: &Domain) -> String {
    domain.as_str().to_owned()
}

/// How a side refuses a TLS version, as the catalogue's select word.
fn ending(alert: bool) -> &'static str {
    if alert { "alert" } else { "closed" }
}

fn offer_list(offer: &Offer, l: Language) -> String {
    let mut items: Vec<Cow<'static, str>> = Vec::new();
    match offer.starttls {
        Some(true) => items.push(text::offer_starttls_required().text(l)),
        Some(false) => items.push(Cow::Borrowed("STARTTLS")),
        None => {}
    }
    if offer.external {
        items.push(Cow::Borrowed("SASL EXTERNAL"));
    }
    if offer.dialback {
        items.push(text::offer_dialback().text(l));
    }
    items.join(", ")
}

pub(crate) fn summary(kind: &Kind, c: &Context, l: Language) -> String {
    let (i, r) = (&c.initiating, &c.receiving);
    let message = match kind {
        Kind::NotAllowed { domain } => text::step_not_allowed_summary(domain),
        Kind::Denied { domain } => text::step_denied_summary(domain),
        Kind::DnsQuery { domain, .. } => text::step_dns_query_summary(ascii(domain)),
        Kind::DnsAnswer {
            domain,
            record,
            endpoint,
            ..
        } => match (record, endpoint) {
            (DnsRecord::Srv, Some(e)) => text::step_dns_srv_summary(&e.host, e.port),
            (DnsRecord::NoSrv, _) => text::step_dns_no_srv_summary(ascii(domain)),
            (DnsRecord::SrvRoot, _) => text::step_dns_srv_root_summary(),
            _ => text::step_dns_nxdomain_summary(ascii(domain)),
        },
        Kind::Connect { endpoint, .. } => text::step_connect_summary(&endpoint.host, endpoint.port),
        Kind::Unreachable { domain } => text::step_unreachable_summary(domain),
        Kind::ConnectFailed { endpoint, error } => {
            text::step_connect_failed_summary(&endpoint.host, endpoint.port, error)
        }
        Kind::Timeout { seconds } => text::step_timeout_summary(*seconds),
        Kind::TlsError { message } => text::step_tls_error_summary(message),
        Kind::Unreadable { message } => text::step_unreadable_summary(message),
        Kind::Disconnected => text::step_disconnected_summary(),
        Kind::TlsHandshake { .. } => text::step_tls_handshake_summary(),
        Kind::TlsVersionRefused { alert, .. } => {
            text::step_tls_version_refused_summary(ending(*alert))
        }
        Kind::TlsHandshakeFailed {
            by_initiating,
            status,
            ..
        } => {
            let (judge, owner) = if *by_initiating { (i, r) } else { (r, i) };
            text::step_tls_handshake_failed_summary(judge, owner, status.problem(l))
        }
        Kind::Machine(note) => match note {
            NoteKind::StreamOpen { restart, .. } => match restart {
                Restart::Initial => text::step_stream_open_summary(r),
                Restart::AfterTls => text::step_stream_restart_tls_summary(),
                Restart::AfterSasl => text::step_stream_restart_sasl_summary(),
            },
            NoteKind::StreamAccept { .. } => text::step_stream_accept_summary(),
            NoteKind::Features(offer) if offer.complete => text::step_features_complete_summary(),
            NoteKind::Features(offer) if *offer == Offer::default() => {
                text::step_features_none_summary()
            }
            NoteKind::Features(offer) => text::step_features_summary(offer_list(offer, l)),
            NoteKind::StartTls { .. } => text::step_starttls_summary(),
            NoteKind::Proceed => text::step_proceed_summary(),
            NoteKind::TlsRefused => text::step_tls_refused_summary(),
            NoteKind::Auth { .. } => text::step_auth_summary(),
            NoteKind::SaslSuccess => text::step_sasl_success_summary(),
            NoteKind::SaslFailure { .. } => text::step_sasl_failure_summary(),
            NoteKind::DialbackKey { .. } => text::step_dialback_key_summary(),
            NoteKind::DialbackResult(v) => match v {
                Verification::Valid => text::step_dialback_valid_summary(i),
                Verification::Invalid => text::step_dialback_invalid_summary(),
                Verification::Error(condition) => text::step_dialback_error_summary(*condition),
            },
            NoteKind::DialbackDenied => text::step_dialback_denied_summary(),
            NoteKind::VerifyOpen => text::step_verify_open_summary(),
            NoteKind::VerifyRequest { stream_id } => text::step_verify_request_summary(stream_id),
            NoteKind::VerifyAnswer { valid: true } => text::step_verify_valid_summary(),
            NoteKind::VerifyAnswer { valid: false } => text::step_verify_invalid_summary(),
            NoteKind::VerifyClose => text::step_verify_close_summary(),
            NoteKind::StreamError { condition, .. } | NoteKind::PeerError { condition, .. } => {
                text::step_stream_error_summary(*condition)
            }
            NoteKind::Close => text::step_close_summary(),
            NoteKind::Abandon {
                disconnect: false, ..
            } => text::step_abandon_summary(),
            NoteKind::Abandon {
                disconnect: true, ..
            } => text::step_abandon_disconnect_summary(),
            NoteKind::Stanza => text::step_stanza_summary(),
            NoteKind::Unknown { name } => text::step_unknown_summary(name),
        },
    };
    message.render(l)
}

fn judged(certificate: Certificate, l: Language) -> Message {
    match certificate {
        Certificate::Valid => text::step_judged_valid(),
        other => text::step_judged_not_valid(other.problem(l)),
    }
}

pub(crate) fn explanation(kind: &Kind, c: &Context, l: Language) -> String {
    let (i, r) = (&c.initiating, &c.receiving);
    let message = match kind {
        Kind::Denied { domain } => text::step_denied_explanation(domain),
        Kind::NotAllowed { domain } => text::step_not_allowed_explanation(domain),
        Kind::DnsQuery {
            domain,
            authoritative: false,
        } => text::step_dns_query_explanation(domain),
        Kind::DnsQuery {
            domain,
            authoritative: true,
        } => text::step_dns_query_authoritative_explanation(domain),
        Kind::DnsAnswer {
            domain,
            record: record @ (DnsRecord::SrvRoot | DnsRecord::NxDomain),
            authoritative: true,
            ..
        } => {
            let record = if *record == DnsRecord::SrvRoot {
                "srv-root"
            } else {
                "nxdomain"
            };
            text::step_dns_authoritative_missing_explanation(domain, record)
        }
        Kind::DnsAnswer { record, .. } => match record {
            DnsRecord::Srv => text::step_dns_srv_explanation(),
            DnsRecord::NoSrv => text::step_dns_no_srv_explanation(),
            DnsRecord::SrvRoot => text::step_dns_srv_root_explanation(),
            DnsRecord::NxDomain => text::step_dns_nxdomain_explanation(),
        },
        Kind::Connect {
            authoritative: false,
            ..
        } => text::step_connect_explanation(),
        Kind::Connect {
            authoritative: true,
            own_stream: false,
            ..
        } => text::step_connect_verify_explanation(),
        Kind::Connect {
            authoritative: true,
            own_stream: true,
            ..
        } => {
            // This connection's context: the receiving server of the main stream initiates it.
            text::step_connect_verify_own_stream_explanation(i, r)
        }
        Kind::Unreachable { .. } => text::step_unreachable_explanation(),
        Kind::TlsHandshake {
            initiating_saw,
            receiving_saw,
            ..
        } => {
            let client = match receiving_saw {
                Some(certificate) => {
                    text::step_tls_handshake_client_certificate(i, r, judged(*certificate, l))
                }
                None => text::step_tls_handshake_client_no_certificate(i),
            };
            text::step_tls_handshake_explanation(r, i, judged(*initiating_saw, l), client)
        }
        Kind::TlsVersionRefused {
            by_initiating,
            alert,
            initiating,
            receiving,
        } => {
            let range = |(low, high): &(TlsVersion, TlsVersion)| -> Arg {
                if low == high {
                    Arg::display(low)
                } else {
                    text::step_tls_version_range(Arg::display(low), high.name()).into()
                }
            };
            let refuser = if *by_initiating { i } else { r };
            text::step_tls_version_refused_explanation(
                i,
                range(initiating),
                r,
                range(receiving),
                refuser,
                ending(*alert),
            )
        }
        Kind::TlsHandshakeFailed {
            by_initiating,
            status,
            ..
        } => {
            let (judge, owner) = if *by_initiating { (i, r) } else { (r, i) };
            text::step_tls_handshake_failed_explanation(judge, owner, status.problem(l))
        }
        Kind::ConnectFailed { .. } => text::step_connect_failed_explanation(),
        Kind::Timeout { .. } => text::step_timeout_explanation(),
        Kind::TlsError { .. } => text::step_tls_error_explanation(),
        Kind::Unreadable { .. } => text::step_unreadable_explanation(),
        Kind::Disconnected => text::step_disconnected_explanation(),
        Kind::Machine(note) => return machine_explanation(note, c, l),
    };
    let unnamed = match kind {
        Kind::TlsHandshake { unnamed, .. } | Kind::TlsHandshakeFailed { unnamed, .. } => {
            unnamed_text(unnamed.as_ref(), l)
        }
        _ => String::new(),
    };
    message.render(l) + &unnamed
}

fn machine_explanation(note: &NoteKind, c: &Context, l: Language) -> String {
    let (i, r) = (&c.initiating, &c.receiving);
    let message = match note {
        NoteKind::StreamOpen { restart, dialback } => {
            let main = match restart {
                Restart::Initial => text::step_stream_open_explanation(i, r),
                Restart::AfterTls => text::step_stream_restart_tls_explanation(),
                Restart::AfterSasl => text::step_stream_restart_sasl_explanation(),
            };
            let mut out = main.render(l);
            if *dialback {
                out.push_str(&text::step_stream_declares_dialback().text(l));
            }
            return out;
        }
        NoteKind::StreamAccept { dialback, .. } => {
            let declared = if *dialback {
                text::step_stream_accept_declares_dialback()
            } else {
                text::step_stream_accept_no_dialback()
            };
            return text::step_stream_accept_explanation().render(l) + &declared.text(l);
        }
        NoteKind::Features(offer) => return features_explanation(offer, l),
        NoteKind::StartTls { offered: true } => text::step_starttls_explanation(),
        NoteKind::StartTls { offered: false } => text::step_starttls_explanation_not_offered(),
        NoteKind::Proceed => text::step_proceed_explanation(),
        NoteKind::TlsRefused => text::step_tls_refused_explanation(),
        NoteKind::Auth { identity: None } => text::step_auth_explanation(),
        NoteKind::Auth {
            identity: Some(identity),
        } => text::step_auth_explanation_identity(identity),
        NoteKind::SaslSuccess => text::step_sasl_success_explanation(i),
        NoteKind::SaslFailure { stays_open: true } => {
            text::step_sasl_failure_explanation_stays_open(i)
        }
        NoteKind::SaslFailure { stays_open: false } => {
            text::step_sasl_failure_explanation_closes(i)
        }
        NoteKind::DialbackKey { stream_id } => {
            text::step_dialback_key_explanation(ascii(r), ascii(i), stream_id)
        }
        NoteKind::DialbackResult(Verification::Valid) => {
            text::step_dialback_valid_explanation(i, r)
        }
        NoteKind::DialbackResult(Verification::Invalid) => {
            text::step_dialback_invalid_explanation()
        }
        NoteKind::DialbackResult(Verification::Error(condition)) => {
            text::step_dialback_error_explanation(*condition)
        }
        NoteKind::DialbackDenied => text::step_dialback_denied_explanation(r, i),
        NoteKind::VerifyOpen => text::step_verify_open_explanation(i),
        NoteKind::VerifyRequest { .. } => text::step_verify_request_explanation(),
        NoteKind::VerifyAnswer { valid: true } => text::step_verify_valid_explanation(),
        NoteKind::VerifyAnswer { valid: false } => text::step_verify_invalid_explanation(),
        NoteKind::VerifyClose => text::step_verify_close_explanation(),
        NoteKind::StreamError { reason, .. } => reason_explanation(*reason, c, l),
        NoteKind::Abandon { reason, disconnect } => {
            let reason = reason_explanation(*reason, c, l);
            if *disconnect {
                text::step_abandon_disconnect_explanation(reason)
            } else {
                text::step_abandon_explanation(reason)
            }
        }
        NoteKind::Close => text::step_close_explanation(),
        NoteKind::PeerError { text: words, .. } => match words {
            Some(words) => text::step_peer_error_explanation_text(words),
            None => text::step_peer_error_explanation(),
        },
        NoteKind::Unknown { .. } => text::step_unknown_explanation(),
        NoteKind::Stanza => text::step_stanza_explanation(i, r),
    };
    message.render(l)
}

/// What a features element offers and why: the sentences that apply, in order.
fn features_explanation(offer: &Offer, l: Language) -> String {
    let mut parts: Vec<Message> = Vec::new();
    if offer.complete {
        parts.push(text::step_features_complete_explanation());
    }
    if offer.starttls == Some(true) && !offer.dialback && !offer.external {
        parts.push(text::step_features_tls_only());
    } else if offer.starttls == Some(true) {
        parts.push(text::step_features_tls_first());
    } else if offer.starttls == Some(false) {
        parts.push(text::step_features_tls_optional());
    }
    if offer.external {
        parts.push(text::step_features_external());
    }
    if offer.dialback && offer.dialback_errors {
        parts.push(text::step_features_dialback_errors());
    } else if offer.dialback {
        parts.push(text::step_features_dialback());
    }
    if parts.is_empty() {
        parts.push(text::step_features_nothing());
    }
    parts
        .iter()
        .map(|part| part.text(l))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Which names a certificate has and which it lacks, when they are known.
fn unnamed_text(unnamed: Option<&Unnamed>, l: Language) -> String {
    let Some(Unnamed { domain, names }) = unnamed else {
        return String::new();
    };
    let list = names
        .iter()
        .map(|n| n.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    text::step_certificate_unnamed(domain, list).render(l)
}

/// Why a server ends a stream, in plain words.
fn reason_explanation(reason: Reason, c: &Context, l: Language) -> Message {
    let (i, r) = (&c.initiating, &c.receiving);
    match reason {
        Reason::TlsNotSupported => text::reason_tls_not_supported(),
        Reason::NoViableMethod => text::reason_no_viable_method(),
        Reason::TlsWithoutCertificate => text::reason_tls_without_certificate(),
        Reason::NothingToOffer => text::reason_nothing_to_offer(),
        Reason::SecureAuth { status } => text::reason_secure_auth(status.problem(l)),
        Reason::DialbackWithoutTls => text::reason_dialback_without_tls(),
        Reason::DialbackDisabled => text::reason_dialback_disabled(),
        Reason::NotAllowed => text::reason_not_allowed(i, r),
        Reason::EncryptionRequired {
            authenticated: true,
        } => text::reason_encryption_required_after_authentication(),
        Reason::EncryptionRequired {
            authenticated: false,
        } => text::reason_encryption_required(),
        Reason::DialbackRefused => text::reason_dialback_refused(i),
        Reason::VerificationTimedOut => text::reason_verification_timed_out(r, i),
        Reason::HostUnknown => text::reason_host_unknown(),
        Reason::TlsNotOffered => text::reason_tls_not_offered(i, r),
        Reason::CertificateRejected { status } => {
            text::reason_certificate_rejected(i, r, status.problem(l))
        }
        Reason::Denied => text::reason_denied(r, i),
        Reason::TlsDisabled => text::reason_tls_disabled(r),
        Reason::AfterDialbackError => text::reason_after_dialback_error(r),
        Reason::AnsweredAs => text::reason_answered_as(i, r),
        Reason::Unexpected => text::reason_unexpected(),
    }
}

pub(crate) fn condition(condition: &Condition, l: Language) -> String {
    condition_message(condition, l).render(l)
}

fn condition_message(condition: &Condition, l: Language) -> Message {
    match condition {
        Condition::NotAllowed => text::condition_not_allowed(),
        Condition::Denied => text::condition_denied(),
        Condition::Dns { record } => match record {
            DnsRecord::SrvRoot => text::condition_dns_srv_root(),
            _ => text::condition_dns_nxdomain(),
        },
        Condition::StreamError { condition } => text::condition_stream_error(condition),
        Condition::TlsVersion => text::condition_tls_version(),
        Condition::TlsFailure => text::condition_tls_failure(),
        Condition::CertificateRejected { certificate, of } => {
            let of = match of {
                Party::OurProxy => "our-proxy",
                Party::Partner => "partner",
                Party::Authoritative | Party::Dns => "authoritative",
            };
            text::condition_certificate_rejected(of, certificate.problem(l))
        }
        Condition::SaslFailure { condition } => text::condition_sasl_failure(condition),
        Condition::DialbackInvalid => text::condition_dialback_invalid(),
        Condition::DialbackError { condition } => text::condition_dialback_error(condition),
        Condition::ConnectionClosed => text::condition_connection_closed(),
        Condition::Unreachable { error } => text::condition_unreachable(error),
        Condition::Timeout { seconds } => text::condition_timeout(*seconds),
        Condition::TlsError { message } => text::condition_tls_error(message),
        Condition::Unreadable { message } => text::condition_unreadable(message),
        Condition::Stalled { steps } => text::condition_stalled(*steps),
        Condition::AnsweredAs { expected, answered } => {
            text::condition_answered_as(expected, answered.escape_debug().to_string())
        }
        Condition::Misdriven { input } => text::condition_misdriven(input),
    }
}

fn side_message(side: Side) -> Message {
    match side {
        Side::Ours => text::fault_ours(),
        Side::Partner => text::fault_partner(),
        Side::Environment => text::fault_environment(),
    }
}

fn fault_message(fault: Option<Side>) -> Message {
    match fault {
        Some(side) => side_message(side),
        None => text::fault_simulator(),
    }
}

/// Who is at fault, or that the simulator is.
pub(crate) fn fault(fault: Option<Side>, l: Language) -> Cow<'static, str> {
    fault_message(fault).text(l)
}

pub(crate) fn side(side: Side, l: Language) -> Cow<'static, str> {
    side_message(side).text(l)
}

/// The outcome in one sentence; `detail` follows the failure's condition.
pub(crate) fn verdict(outcome: &Outcome, detail: &str, l: Language) -> String {
    match (&outcome.method, outcome.level, &outcome.failure) {
        (Some(method), Some(level), _) => {
            text::verdict_established(method.label(l), level.label(l)).render(l)
        }
        (_, _, Some(failure)) => {
            let fix = match &failure.fix {
                Some(fix) if fix.change.name == SettingName::Ours(PeerSetting::Accepts) => {
                    text::verdict_fix_add(
                        Arg::display(&fix.change.value),
                        Arg::display(&fix.change.name),
                        side_message(fix.change.side()),
                        fix.method.label(l),
                    )
                }
                Some(fix) => text::verdict_fix_set(
                    Arg::display(&fix.change.name),
                    Arg::display(&fix.change.value),
                    side_message(fix.change.side()),
                    fix.method.label(l),
                ),
                None => text::verdict_fix_none(),
            };
            text::verdict_failed(
                failure.step,
                condition_message(&failure.condition, l),
                detail.to_owned(),
                fault_message(failure.fault),
                fix,
            )
            .render(l)
        }
        _ => String::new(),
    }
}
