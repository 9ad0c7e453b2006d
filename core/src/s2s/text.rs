//! The English and German texts of trace steps and outcomes, with their phases and the
//! specification sections they follow.

use super::machine::{NoteKind, Offer, Reason, Restart, Verification};
use super::peer::{Certificate, TlsVersion};
use super::scenario::DnsRecord;
use super::setting::{PeerSetting, SettingName, Side};
use super::trace::{Condition, Kind, Outcome, Party, Phase, Unnamed};
use crate::domain::Domain;
use crate::language::Language;

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

fn offer_list(offer: &Offer, l: Language) -> String {
    let mut items = Vec::new();
    match offer.starttls {
        Some(true) => items.push(l.pick("STARTTLS (required)", "STARTTLS (erforderlich)")),
        Some(false) => items.push("STARTTLS"),
        None => {}
    }
    if offer.external {
        items.push("SASL EXTERNAL");
    }
    if offer.dialback {
        items.push(l.pick("dialback", "Rückruf"));
    }
    items.join(", ")
}

pub(crate) fn summary(kind: &Kind, c: &Context, l: Language) -> String {
    let (i, r) = (&c.initiating, &c.receiving);
    match kind {
        Kind::NotAllowed { domain } => l.pick(
            format!("no XMPP partner claims {domain}: nothing is sent"),
            format!("kein XMPP-Partner beansprucht {domain}: Es wird nichts gesendet"),
        ),
        Kind::Denied { domain } => l.pick(
            format!("opens no stream to {domain}: its access rules deny it"),
            format!("öffnet keinen Datenstrom zu {domain}: Seine Zugriffsregeln verbieten es"),
        ),
        Kind::DnsQuery { domain, .. } => l.pick(
            format!("SRV query for _xmpp-server._tcp.{}", domain.as_str()),
            format!("SRV-Abfrage für _xmpp-server._tcp.{}", domain.as_str()),
        ),
        Kind::DnsAnswer {
            domain,
            record,
            endpoint,
            ..
        } => match (record, endpoint) {
            (DnsRecord::Srv, Some(e)) => l.pick(
                format!("SRV: {}, port {}", e.host, e.port),
                format!("SRV: {}, Port {}", e.host, e.port),
            ),
            (DnsRecord::NoSrv, _) => l.pick(
                format!("no SRV record: {}, port 5269", domain.as_str()),
                format!("kein SRV-Eintrag: {}, Port 5269", domain.as_str()),
            ),
            (DnsRecord::SrvRoot, _) => l.pick(
                "SRV target \".\": no XMPP service".to_owned(),
                "SRV-Ziel \".\": kein XMPP-Dienst".to_owned(),
            ),
            _ => l.pick(
                format!("{} does not exist", domain.as_str()),
                format!("{} existiert nicht", domain.as_str()),
            ),
        },
        Kind::Connect { endpoint, .. } => l.pick(
            format!("TCP connection to {}:{}", endpoint.host, endpoint.port),
            format!("TCP-Verbindung zu {}:{}", endpoint.host, endpoint.port),
        ),
        Kind::Unreachable { domain } => l.pick(
            format!("the authoritative server of {domain} cannot be reached"),
            format!("der autoritative Server von {domain} ist nicht erreichbar"),
        ),
        Kind::ConnectFailed { endpoint, error } => l.pick(
            format!(
                "no TCP connection to {}:{}: {error}",
                endpoint.host, endpoint.port
            ),
            format!(
                "keine TCP-Verbindung zu {}:{}: {error}",
                endpoint.host, endpoint.port
            ),
        ),
        Kind::Timeout { seconds } => l.pick(
            format!("no answer within {seconds} s"),
            format!("keine Antwort innerhalb von {seconds} s"),
        ),
        Kind::TlsError { message } => l.pick(
            format!("TLS handshake fails: {message}"),
            format!("TLS-Handshake scheitert: {message}"),
        ),
        Kind::Unreadable { message } => l.pick(
            format!("unreadable stream: {message}"),
            format!("unlesbarer Datenstrom: {message}"),
        ),
        Kind::Disconnected => l.pick(
            "closes the TCP connection".to_owned(),
            "schließt die TCP-Verbindung".to_owned(),
        ),
        Kind::TlsHandshake { .. } => l.pick("TLS handshake".to_owned(), "TLS-Handshake".to_owned()),
        Kind::TlsVersionRefused { alert: true, .. } => l.pick(
            "TLS handshake fails: no common TLS version (protocol_version alert)".to_owned(),
            "TLS-Handshake scheitert: keine gemeinsame TLS-Version (Alarm protocol_version)"
                .to_owned(),
        ),
        Kind::TlsVersionRefused { alert: false, .. } => l.pick(
            "TLS handshake fails: no common TLS version (connection closed)".to_owned(),
            "TLS-Handshake scheitert: keine gemeinsame TLS-Version (Verbindung geschlossen)"
                .to_owned(),
        ),
        Kind::TlsHandshakeFailed {
            by_initiating,
            status,
            ..
        } => {
            let (judge, owner) = if *by_initiating { (i, r) } else { (r, i) };
            l.pick(
                format!(
                    "TLS handshake fails: {judge} refuses {owner}'s certificate, which {}",
                    status.problem(l)
                ),
                format!(
                    "TLS-Handshake scheitert: {judge} lehnt das Zertifikat von {owner} ab, es {}",
                    status.problem(l)
                ),
            )
        }
        Kind::Machine(note) => match note {
            NoteKind::StreamOpen { restart, .. } => match restart {
                Restart::Initial => l.pick(
                    format!("opens the stream to {r}"),
                    format!("öffnet den Datenstrom zu {r}"),
                ),
                Restart::AfterTls => l.pick(
                    "restarts the stream over TLS".to_owned(),
                    "startet den Datenstrom über TLS neu".to_owned(),
                ),
                Restart::AfterSasl => l.pick(
                    "restarts the stream after SASL".to_owned(),
                    "startet den Datenstrom nach SASL neu".to_owned(),
                ),
            },
            NoteKind::StreamAccept { .. } => l.pick(
                "answers with a new stream id".to_owned(),
                "antwortet mit einer neuen Datenstrom-ID".to_owned(),
            ),
            NoteKind::Features(offer) if offer.complete => l.pick(
                "no more features: negotiation complete".to_owned(),
                "keine weiteren Features: Aushandlung abgeschlossen".to_owned(),
            ),
            NoteKind::Features(offer) if *offer == Offer::default() => l.pick(
                "offers no feature".to_owned(),
                "bietet kein Feature an".to_owned(),
            ),
            NoteKind::Features(offer) => l.pick(
                format!("offers {}", offer_list(offer, l)),
                format!("bietet {} an", offer_list(offer, l)),
            ),
            NoteKind::StartTls { .. } => l.pick("starts TLS".to_owned(), "startet TLS".to_owned()),
            NoteKind::Proceed => l.pick("agrees to TLS".to_owned(), "stimmt TLS zu".to_owned()),
            NoteKind::TlsRefused => l.pick("refuses TLS".to_owned(), "lehnt TLS ab".to_owned()),
            NoteKind::Auth { .. } => l.pick(
                "authenticates with SASL EXTERNAL".to_owned(),
                "authentifiziert sich mit SASL EXTERNAL".to_owned(),
            ),
            NoteKind::SaslSuccess => l.pick(
                "SASL EXTERNAL succeeds".to_owned(),
                "SASL EXTERNAL gelingt".to_owned(),
            ),
            NoteKind::SaslFailure { .. } => l.pick(
                "SASL EXTERNAL fails: not-authorized".to_owned(),
                "SASL EXTERNAL scheitert: not-authorized".to_owned(),
            ),
            NoteKind::DialbackKey { .. } => l.pick(
                "sends the dialback key".to_owned(),
                "sendet den Rückrufschlüssel".to_owned(),
            ),
            NoteKind::DialbackResult(v) => match v {
                Verification::Valid => l.pick(
                    format!("dialback succeeds: {i} is verified"),
                    format!("Rückruf gelingt: {i} ist verifiziert"),
                ),
                Verification::Invalid => l.pick(
                    "dialback fails: the key is invalid".to_owned(),
                    "Rückruf scheitert: Der Schlüssel ist ungültig".to_owned(),
                ),
                Verification::Error(condition) => l.pick(
                    format!("dialback error: {condition}"),
                    format!("Rückruffehler: {condition}"),
                ),
            },
            NoteKind::DialbackDenied => l.pick(
                "dialback error: forbidden (access denied)".to_owned(),
                "Rückruffehler: forbidden (Zugriff verweigert)".to_owned(),
            ),
            NoteKind::VerifyOpen => l.pick(
                "opens a verify-only stream".to_owned(),
                "öffnet einen reinen Prüf-Datenstrom".to_owned(),
            ),
            NoteKind::VerifyRequest { stream_id } => l.pick(
                format!("asks whether the key is valid for stream {stream_id}"),
                format!("fragt, ob der Schlüssel für Datenstrom {stream_id} gültig ist"),
            ),
            NoteKind::VerifyAnswer { valid: true } => l.pick(
                "the key is valid".to_owned(),
                "der Schlüssel ist gültig".to_owned(),
            ),
            NoteKind::VerifyAnswer { valid: false } => l.pick(
                "the key is invalid".to_owned(),
                "der Schlüssel ist ungültig".to_owned(),
            ),
            NoteKind::VerifyClose => l.pick(
                "closes the verify-only stream".to_owned(),
                "schließt den Prüf-Datenstrom".to_owned(),
            ),
            NoteKind::StreamError { condition, .. } => l.pick(
                format!("stream error: {condition}"),
                format!("Datenstromfehler: {condition}"),
            ),
            NoteKind::Close => l.pick(
                "closes the stream".to_owned(),
                "schließt den Datenstrom".to_owned(),
            ),
            NoteKind::Abandon {
                disconnect: false, ..
            } => l.pick(
                "closes the stream without a stream error".to_owned(),
                "schließt den Datenstrom ohne Datenstromfehler".to_owned(),
            ),
            NoteKind::Abandon {
                disconnect: true, ..
            } => l.pick(
                "closes the TCP connection without a word".to_owned(),
                "schließt die TCP-Verbindung ohne ein Wort".to_owned(),
            ),
            NoteKind::Stanza => l.pick(
                "first message on the negotiated stream".to_owned(),
                "erste Nachricht auf dem ausgehandelten Datenstrom".to_owned(),
            ),
            NoteKind::PeerError { condition, .. } => l.pick(
                format!("stream error: {condition}"),
                format!("Datenstromfehler: {condition}"),
            ),
            NoteKind::Unknown { name } => {
                l.pick(format!("sends <{name}/>"), format!("sendet <{name}/>"))
            }
        },
    }
}

fn judged(certificate: Certificate, l: Language) -> String {
    match certificate {
        Certificate::Valid => l.pick("valid".to_owned(), "gültig".to_owned()),
        other => l.pick(
            format!("not valid: it {}", other.problem(l)),
            format!("nicht gültig: Es {}", other.problem(l)),
        ),
    }
}

pub(crate) fn explanation(kind: &Kind, c: &Context, l: Language) -> String {
    let (i, r) = (&c.initiating, &c.receiving);
    match kind {
        Kind::Denied { domain } => l.pick(
            format!(
                "The partner's server has access rules for federation (ejabberd's s2s_access, \
                 Openfire's permission list), and they deny {domain}. It does not even try to \
                 connect: messages to {domain} bounce on its side."
            ),
            format!(
                "Der Partnerserver hat Zugriffsregeln für die Föderation (s2s_access bei \
                 ejabberd, die Berechtigungsliste bei Openfire), und sie verbieten {domain}. Er \
                 versucht nicht einmal, sich zu verbinden: Nachrichten an {domain} kommen bei \
                 ihm zurück."
            ),
        ),
        Kind::NotAllowed { domain } => l.pick(
            format!(
                "Lync lets users reach an XMPP network only if it is an allowed partner. Add \
                 {domain} to this partner's additional domains, or create a partner for it."
            ),
            format!(
                "Lync lässt Benutzer nur XMPP-Netzwerke erreichen, die zugelassene Partner sind. \
                 Fügen Sie {domain} den zusätzlichen Domänen dieses Partners hinzu oder legen Sie \
                 einen Partner dafür an."
            ),
        ),
        Kind::DnsQuery {
            domain,
            authoritative: false,
        } => l.pick(
            format!("The initiating server looks up where the XMPP servers of {domain} listen."),
            format!(
                "Der initiierende Server schlägt nach, wo die XMPP-Server von {domain} lauschen."
            ),
        ),
        Kind::DnsQuery {
            domain,
            authoritative: true,
        } => l.pick(
            format!(
                "To check the dialback key, the receiving server looks up the authoritative \
                 server of the sender domain {domain}."
            ),
            format!(
                "Um den Rückrufschlüssel zu prüfen, schlägt der empfangende Server den \
                 autoritativen Server der Absenderdomäne {domain} nach."
            ),
        ),
        Kind::DnsAnswer {
            domain,
            record: record @ (DnsRecord::SrvRoot | DnsRecord::NxDomain),
            authoritative: true,
            ..
        } => {
            let why = if *record == DnsRecord::SrvRoot {
                l.pick(
                    "has an SRV record with target \".\": no XMPP service",
                    "hat einen SRV-Eintrag mit dem Ziel \".\": kein XMPP-Dienst",
                )
            } else {
                l.pick("does not resolve", "lässt sich nicht auflösen")
            };
            l.pick(
                format!(
                    "The sender domain {domain} {why}, so its authoritative server cannot be \
                     found and the key cannot be checked; the receiving server reports \
                     remote-server-not-found."
                ),
                format!(
                    "Die Absenderdomäne {domain} {why}, daher lässt sich ihr autoritativer Server \
                     nicht finden und der Schlüssel nicht prüfen; der empfangende Server meldet \
                     remote-server-not-found."
                ),
            )
        }
        Kind::DnsAnswer { record, .. } => match record {
            DnsRecord::Srv => l.pick(
                "The SRV record names the host and port to connect to.".to_owned(),
                "Der SRV-Eintrag nennt Host und Port für die Verbindung.".to_owned(),
            ),
            DnsRecord::NoSrv => l.pick(
                "Without an SRV record, the domain's own A or AAAA record is used with the \
                 default port 5269."
                    .to_owned(),
                "Ohne SRV-Eintrag wird der A- oder AAAA-Eintrag der Domäne selbst mit dem \
                 Standardport 5269 verwendet."
                    .to_owned(),
            ),
            DnsRecord::SrvRoot => l.pick(
                "An SRV record with target \".\" means the service is decidedly not available; \
                 the initiating server must not fall back to the A record."
                    .to_owned(),
                "Ein SRV-Eintrag mit dem Ziel \".\" bedeutet, dass der Dienst ausdrücklich nicht \
                 verfügbar ist; der initiierende Server darf nicht auf den A-Eintrag ausweichen."
                    .to_owned(),
            ),
            DnsRecord::NxDomain => l.pick(
                "The domain does not resolve, so there is no server to connect to; stanzas to it \
                 bounce with remote-server-not-found."
                    .to_owned(),
                "Die Domäne lässt sich nicht auflösen, es gibt also keinen Server; Stanzas an sie \
                 kommen mit remote-server-not-found zurück."
                    .to_owned(),
            ),
        },
        Kind::Connect {
            authoritative: false,
            ..
        } => l.pick(
            "The initiating server opens the TCP connection that will carry the stream.".to_owned(),
            "Der initiierende Server öffnet die TCP-Verbindung für den Datenstrom.".to_owned(),
        ),
        Kind::Connect {
            authoritative: true,
            own_stream: false,
            ..
        } => l.pick(
            "A separate connection, used only to check the key.".to_owned(),
            "Eine eigene Verbindung, nur zum Prüfen des Schlüssels.".to_owned(),
        ),
        Kind::Connect {
            authoritative: true,
            own_stream: true,
            ..
        } => l.pick(
            // This connection's context: the receiving server of the main stream initiates it.
            format!(
                "{i} sends its verification request only over an authenticated stream of its \
                 own to {r}: it opens one now and negotiates it like any outgoing stream before \
                 asking. The key can only be checked if this stream \
                 succeeds."
            ),
            format!(
                "{i} sendet seine Prüfanfrage nur über einen eigenen, authentifizierten \
                 Datenstrom zu {r}: Er öffnet jetzt einen und handelt ihn wie jeden ausgehenden \
                 Datenstrom aus, bevor er fragt. Der Schlüssel lässt sich nur prüfen, \
                 wenn dieser Datenstrom gelingt."
            ),
        ),
        Kind::Unreachable { .. } => l.pick(
            "Without the authoritative server the key cannot be checked; the receiving server \
             reports remote-connection-failed, and the sender domain stays unverified."
                .to_owned(),
            "Ohne den autoritativen Server lässt sich der Schlüssel nicht prüfen; der empfangende \
             Server meldet remote-connection-failed, und die Absenderdomäne bleibt unverifiziert."
                .to_owned(),
        ),
        Kind::TlsHandshake {
            initiating_saw,
            receiving_saw,
            unnamed,
        } => {
            let client = match receiving_saw {
                Some(certificate) => l.pick(
                    format!(
                        "{i} presents a certificate, which {r} judges {}",
                        judged(*certificate, l)
                    ),
                    format!(
                        "{i} legt ein Zertifikat vor, das {r} als {} beurteilt",
                        judged(*certificate, l)
                    ),
                ),
                None => l.pick(
                    format!("{i} presents no certificate, so it cannot use SASL EXTERNAL"),
                    format!(
                        "{i} legt kein Zertifikat vor und kann daher SASL EXTERNAL nicht nutzen"
                    ),
                ),
            };
            l.pick(
                format!(
                    "{r} presents its certificate, which {i} judges {}; {client}. The connection is \
                     encrypted from here on, and the stream restarts.",
                    judged(*initiating_saw, l)
                ),
                format!(
                    "{r} legt sein Zertifikat vor, das {i} als {} beurteilt; {client}. Ab hier ist \
                     die Verbindung verschlüsselt, und der Datenstrom beginnt neu.",
                    judged(*initiating_saw, l)
                ),
            ) + &unnamed_text(unnamed.as_ref(), l)
        }
        Kind::TlsVersionRefused {
            by_initiating,
            alert,
            initiating,
            receiving,
        } => {
            let range = |(low, high): &(TlsVersion, TlsVersion)| {
                if low == high {
                    low.to_string()
                } else {
                    format!("{low} to {}", high.name())
                }
            };
            let refuser = if *by_initiating { i } else { r };
            let (how_en, how_de) = if *alert {
                (
                    "with a protocol_version alert",
                    "mit dem Alarm protocol_version",
                )
            } else {
                (
                    "by closing the connection, without an alert",
                    "durch Schließen der Verbindung, ohne Alarm",
                )
            };
            l.pick(
                format!(
                    "{i} speaks {}, {r} speaks {}: there is no version both speak, and {refuser} \
                     ends the handshake {how_en}. TLS 1.0 and 1.1 are deprecated (RFC 8996); \
                     every implementation must speak TLS 1.2 (RFC 9325). A Lync Server 2013 or \
                     Skype for Business 2015 Edge server speaks TLS 1.2 once Windows' and \
                     .NET's TLS 1.2 updates are in place.",
                    range(initiating),
                    range(receiving)
                ),
                format!(
                    "{i} spricht {}, {r} spricht {}: Es gibt keine Version, die beide sprechen, \
                     und {refuser} beendet den Handshake {how_de}. TLS 1.0 und 1.1 sind veraltet \
                     (RFC 8996); jede Implementierung muss TLS 1.2 sprechen (RFC 9325). Ein \
                     Edge-Server von Lync Server 2013 oder Skype for Business 2015 spricht TLS \
                     1.2, sobald die TLS-1.2-Updates für Windows und .NET installiert sind.",
                    range(initiating),
                    range(receiving)
                ),
            )
        }
        Kind::TlsHandshakeFailed {
            by_initiating,
            status,
            unnamed,
        } => {
            let (judge, owner) = if *by_initiating { (i, r) } else { (r, i) };
            let names = unnamed_text(unnamed.as_ref(), l);
            l.pick(
                format!(
                    "{judge} validates certificates strictly, and {owner}'s certificate {}: \
                     \"the validating entity MUST unilaterally terminate the session\". The \
                     failure is at the TLS layer, so the TCP connection ends without a closing \
                     stream tag.",
                    status.problem(l)
                ),
                format!(
                    "{judge} prüft Zertifikate streng, und das Zertifikat von {owner} {}: Die \
                     prüfende Seite muss die Sitzung einseitig beenden. Der Fehler liegt in der \
                     TLS-Schicht, daher endet die TCP-Verbindung ohne schließendes \
                     Datenstrom-Tag.",
                    status.problem(l)
                ),
            ) + &names
        }
        Kind::ConnectFailed { .. } => l.pick(
            "Nothing accepted the connection at this address: the server is down, a firewall \
             drops port 5269, or DNS points to the wrong host. The next address DNS gave is \
             tried, if there is one."
                .to_owned(),
            "An dieser Adresse nahm nichts die Verbindung an: Der Server läuft nicht, eine \
             Firewall verwirft Port 5269, oder DNS zeigt auf den falschen Host. Die nächste \
             Adresse aus dem DNS wird versucht, falls es eine gibt."
                .to_owned(),
        ),
        Kind::Timeout { .. } => l.pick(
            "The other side sent nothing more within the time limit. A server waiting for \
             something it never gets (such as a dialback verification that cannot complete) \
             closes the stream only after its own timeout, often minutes later."
                .to_owned(),
            "Die Gegenseite hat innerhalb der Frist nichts mehr gesendet. Ein Server, der auf \
             etwas wartet, das nie kommt (etwa eine Rückrufprüfung, die nicht gelingen kann), \
             schließt den Datenstrom erst nach seiner eigenen Frist, oft Minuten später."
                .to_owned(),
        ),
        Kind::TlsError { .. } => l.pick(
            "The TLS handshake did not complete, so the stream cannot go on: the two sides share \
             no protocol version or cipher, or one of them refused the other's certificate."
                .to_owned(),
            "Der TLS-Handshake wurde nicht abgeschlossen, daher kann der Datenstrom nicht \
             weitergehen: Die Seiten haben keine gemeinsame Protokollversion oder \
             Verschlüsselung, oder eine hat das Zertifikat der anderen abgelehnt."
                .to_owned(),
        ),
        Kind::Unreadable { .. } => l.pick(
            "What arrived is not a well-formed XML stream, so nothing after it can be read."
                .to_owned(),
            "Was ankam, ist kein wohlgeformter XML-Datenstrom, daher lässt sich nichts danach \
             lesen."
                .to_owned(),
        ),
        Kind::Disconnected => l.pick(
            "The TCP connection ended; nothing more can arrive on it.".to_owned(),
            "Die TCP-Verbindung ist beendet; auf ihr kann nichts mehr ankommen.".to_owned(),
        ),
        Kind::Machine(note) => machine_explanation(note, c, l),
    }
}

fn machine_explanation(note: &NoteKind, c: &Context, l: Language) -> String {
    let (i, r) = (&c.initiating, &c.receiving);
    match note {
        NoteKind::StreamOpen { restart, dialback } => {
            let declared = if *dialback {
                l.pick(
                    " It declares the dialback namespace because it supports dialback.",
                    " Er deklariert den Rückruf-Namensraum, weil er den Rückruf unterstützt.",
                )
            } else {
                ""
            };
            let main = match restart {
                Restart::Initial => l.pick(
                    format!("{i} opens an XML stream to {r}."),
                    format!("{i} öffnet einen XML-Datenstrom zu {r}."),
                ),
                Restart::AfterTls => l.pick(
                    "After TLS, the initiating server sends a new stream header without closing \
                     the old stream; everything learned before TLS is discarded."
                        .to_owned(),
                    "Nach TLS sendet der initiierende Server einen neuen Datenstrom-Header, ohne den \
                     alten zu schließen; alles vor TLS Gelernte wird verworfen."
                        .to_owned(),
                ),
                Restart::AfterSasl => l.pick(
                    "After SASL, the stream restarts once more.".to_owned(),
                    "Nach SASL beginnt der Datenstrom noch einmal neu.".to_owned(),
                ),
            };
            format!("{main}{declared}")
        }
        NoteKind::StreamAccept { dialback, .. } => {
            let declared = if *dialback {
                l.pick(
                    " It declares the dialback namespace.",
                    " Er deklariert den Rückruf-Namensraum.",
                )
            } else {
                l.pick(
                    " It does not declare the dialback namespace: it does not accept dialback.",
                    " Er deklariert den Rückruf-Namensraum nicht: Er akzeptiert keinen Rückruf.",
                )
            };
            let main = l.pick(
                "The receiving server answers with its own header and a new, unpredictable \
                 stream id; dialback keys are bound to this id.",
                "Der empfangende Server antwortet mit eigenem Header und einer neuen, \
                 unvorhersehbaren Datenstrom-ID; Rückrufschlüssel werden an diese ID gebunden.",
            );
            format!("{main}{declared}")
        }
        NoteKind::Features(offer) => {
            let mut parts: Vec<&str> = Vec::new();
            if offer.complete {
                parts.push(l.pick(
                    "An empty features element: the initiating server is authenticated and may \
                     send stanzas.",
                    "Ein leeres Features-Element: Der initiierende Server ist authentifiziert und \
                     darf Stanzas senden.",
                ));
            }
            if offer.starttls == Some(true) && !offer.dialback && !offer.external {
                parts.push(l.pick(
                    "TLS is mandatory, so nothing else is offered before it.",
                    "TLS ist verpflichtend, daher wird vorher nichts anderes angeboten.",
                ));
            } else if offer.starttls == Some(true) {
                parts.push(l.pick(
                    "TLS is mandatory; what else is offered only counts once the stream is \
                     encrypted.",
                    "TLS ist verpflichtend; was sonst angeboten wird, zählt erst, wenn der \
                     Datenstrom verschlüsselt ist.",
                ));
            } else if offer.starttls == Some(false) {
                parts.push(l.pick(
                    "TLS is offered but not required.",
                    "TLS wird angeboten, aber nicht verlangt.",
                ));
            }
            if offer.external {
                parts.push(l.pick(
                    "SASL EXTERNAL is offered because the initiating server presented a \
                     certificate from a trusted chain.",
                    "SASL EXTERNAL wird angeboten, weil der initiierende Server ein Zertifikat aus \
                     einer vertrauenswürdigen Kette vorgelegt hat.",
                ));
            }
            if offer.dialback && offer.dialback_errors {
                parts.push(l.pick(
                    "Dialback is offered, with graceful error handling.",
                    "Der Rückruf wird angeboten, mit Fehlerbehandlung.",
                ));
            } else if offer.dialback {
                parts.push(l.pick(
                    "Dialback is offered, without announcing error handling: a dialback error \
                     ends the stream.",
                    "Der Rückruf wird angeboten, ohne Fehlerbehandlung anzukündigen: Ein \
                     Rückruffehler beendet den Datenstrom.",
                ));
            }
            if parts.is_empty() {
                parts.push(l.pick(
                    "Nothing is offered that could authenticate the initiating server.",
                    "Es wird nichts angeboten, das den initiierenden Server authentifizieren könnte.",
                ));
            }
            parts.join(" ")
        }
        NoteKind::StartTls { offered: true } => l.pick(
            "The receiving server offers STARTTLS, and the initiating server's policy uses it."
                .to_owned(),
            "Der empfangende Server bietet STARTTLS an, und die Richtlinie des initiierenden \
             Servers nutzt es."
                .to_owned(),
        ),
        NoteKind::StartTls { offered: false } => l.pick(
            "STARTTLS is not offered, but the initiating server requires TLS and tries anyway, \
             which defends against stripping attacks."
                .to_owned(),
            "STARTTLS wird nicht angeboten, aber der initiierende Server verlangt TLS und \
             versucht es trotzdem; das schützt vor Stripping-Angriffen."
                .to_owned(),
        ),
        NoteKind::Proceed => l.pick(
            "TLS begins right after this element.".to_owned(),
            "TLS beginnt direkt nach diesem Element.".to_owned(),
        ),
        NoteKind::TlsRefused => l.pick(
            "The receiving server cannot do TLS (it does not support it, or has no certificate), \
             so it answers with a failure and closes the stream."
                .to_owned(),
            "Der empfangende Server kann kein TLS (er unterstützt es nicht oder hat kein \
             Zertifikat), antwortet daher mit einem Fehler und schließt den Datenstrom."
                .to_owned(),
        ),
        NoteKind::Auth { identity: None } => l.pick(
            "The initiating server asks to be authenticated by the certificate it presented in \
             TLS; \"=\" means it gives no separate authorisation identity."
                .to_owned(),
            "Der initiierende Server bittet um Authentifizierung über das in TLS vorgelegte \
             Zertifikat; \"=\" bedeutet, dass er keine eigene Autorisierungsidentität angibt."
                .to_owned(),
        ),
        NoteKind::Auth { identity: Some(identity) } => l.pick(
            format!(
                "The initiating server asks to be authenticated by the certificate it presented \
                 in TLS, naming {identity} as authorisation identity (base64); RFC 6120 §6.3.8 \
                 lets it, though a server acting for itself need not."
            ),
            format!(
                "Der initiierende Server bittet um Authentifizierung über das in TLS vorgelegte \
                 Zertifikat und nennt {identity} als Autorisierungsidentität (base64); RFC 6120 \
                 §6.3.8 erlaubt das, nötig ist es für einen Server in eigener Sache nicht."
            ),
        ),
        NoteKind::SaslSuccess => l.pick(
            format!("The certificate is valid for {i}; the stream restarts once more."),
            format!("Das Zertifikat ist für {i} gültig; der Datenstrom beginnt noch einmal neu."),
        ),
        NoteKind::SaslFailure { stays_open: true } => l.pick(
            format!(
                "The certificate does not authenticate {i} (XEP-0178 §3 step 11b). The stream \
                 stays open, so the initiating server can still try dialback."
            ),
            format!(
                "Das Zertifikat authentifiziert {i} nicht (XEP-0178 §3 Schritt 11b). Der \
                 Datenstrom bleibt offen, der initiierende Server kann also noch den Rückruf \
                 versuchen."
            ),
        ),
        NoteKind::SaslFailure { stays_open: false } => l.pick(
            format!(
                "The certificate does not authenticate {i} (XEP-0178 §3 step 11b), and the \
                 receiving server does not use dialback, so it closes the stream."
            ),
            format!(
                "Das Zertifikat authentifiziert {i} nicht (XEP-0178 §3 Schritt 11b), und der \
                 empfangende Server nutzt keinen Rückruf, daher schließt er den Datenstrom."
            ),
        ),
        NoteKind::DialbackKey { stream_id } => l.pick(
            format!(
                "The key is HMAC-SHA256 over \"{} {} {stream_id}\" with the SHA-256 of the \
                 initiating server's secret: it binds the sender domain to this stream.",
                r.as_str(),
                i.as_str()
            ),
            format!(
                "Der Schlüssel ist HMAC-SHA256 über \"{} {} {stream_id}\" mit dem SHA-256 des \
                 Geheimnisses des initiierenden Servers: Er bindet die Absenderdomäne an diesen \
                 Datenstrom.",
                r.as_str(),
                i.as_str()
            ),
        ),
        NoteKind::DialbackResult(Verification::Valid) => l.pick(
            format!("The authoritative server confirmed the key: {i} may now send stanzas to {r}."),
            format!("Der autoritative Server hat den Schlüssel bestätigt: {i} darf nun Stanzas an {r} senden."),
        ),
        NoteKind::DialbackResult(Verification::Invalid) => l.pick(
            "The authoritative server did not confirm the key, so the receiving server closes \
             the stream; queued stanzas bounce with internal-server-error."
                .to_owned(),
            "Der autoritative Server hat den Schlüssel nicht bestätigt, daher schließt der \
             empfangende Server den Datenstrom; wartende Stanzas kommen mit \
             internal-server-error zurück."
                .to_owned(),
        ),
        NoteKind::DialbackResult(Verification::Error(condition)) => l.pick(
            format!(
                "The key could not be checked ({condition}). The stream stays open, but the \
                 sender domain is not verified, and queued stanzas bounce."
            ),
            format!(
                "Der Schlüssel konnte nicht geprüft werden ({condition}). Der Datenstrom bleibt \
                 offen, die Absenderdomäne ist aber nicht verifiziert, und wartende Stanzas \
                 kommen zurück."
            ),
        ),
        NoteKind::DialbackDenied => l.pick(
            format!(
                "{r} does not check the key: its access rules deny {i}, and it says so with a \
                 forbidden dialback error (XEP-0220 §2.5)."
            ),
            format!(
                "{r} prüft den Schlüssel nicht: Seine Zugriffsregeln verbieten {i}, und er \
                 antwortet mit dem Rückruffehler forbidden (XEP-0220 §2.5)."
            ),
        ),
        NoteKind::VerifyOpen => l.pick(
            format!(
                "The receiving server connects to the authoritative server of {i}; a stream used \
                 only to verify a key needs no TLS."
            ),
            format!(
                "Der empfangende Server verbindet sich mit dem autoritativen Server von {i}; ein \
                 Datenstrom nur zur Schlüsselprüfung braucht kein TLS."
            ),
        ),
        NoteKind::VerifyRequest { .. } => l.pick(
            "The request carries the key and the id of the stream the receiving server opened \
             towards the initiating server."
                .to_owned(),
            "Die Anfrage enthält den Schlüssel und die ID des Datenstroms, den der empfangende \
             Server zum initiierenden Server geöffnet hat."
                .to_owned(),
        ),
        NoteKind::VerifyAnswer { valid: true } => l.pick(
            "The authoritative server recomputes the key from its secret and the request's \
             domains and stream id, and it matches."
                .to_owned(),
            "Der autoritative Server berechnet den Schlüssel aus seinem Geheimnis und den \
             Domänen und der Datenstrom-ID der Anfrage neu, und er stimmt überein."
                .to_owned(),
        ),
        NoteKind::VerifyAnswer { valid: false } => l.pick(
            "The recomputed key differs: the authoritative server has another secret, or does \
             not know the stream."
                .to_owned(),
            "Der neu berechnete Schlüssel weicht ab: Der autoritative Server hat ein anderes \
             Geheimnis oder kennt den Datenstrom nicht."
                .to_owned(),
        ),
        NoteKind::VerifyClose => l.pick(
            "The verify-only stream is closed right after the answer.".to_owned(),
            "Der Prüf-Datenstrom wird direkt nach der Antwort geschlossen.".to_owned(),
        ),
        NoteKind::StreamError { reason, .. } => reason_explanation(*reason, c, l),
        NoteKind::Abandon { reason, disconnect } => {
            let how = if *disconnect {
                l.pick(
                    "It closes the TCP connection without a stream error or even a closing tag, \
                     so the other side learns nothing of why: ",
                    "Er schließt die TCP-Verbindung ohne Datenstromfehler und ohne schließendes \
                     Tag, die Gegenseite erfährt also nicht, warum: ",
                )
            } else {
                l.pick(
                    "It closes the stream without a stream error, so the other side learns \
                     nothing of why: ",
                    "Er schließt den Datenstrom ohne Datenstromfehler, die Gegenseite erfährt \
                     also nicht, warum: ",
                )
            };
            format!("{how}{}", reason_explanation(*reason, c, l))
        }
        NoteKind::Close => l.pick(
            "The closing stream tag ends the stream.".to_owned(),
            "Das schließende Datenstrom-Tag beendet den Datenstrom.".to_owned(),
        ),
        NoteKind::PeerError { text, .. } => match text {
            Some(text) => l.pick(
                format!("The other side ended the stream, saying: \"{text}\""),
                format!("Die Gegenseite hat den Datenstrom beendet mit: \"{text}\""),
            ),
            None => l.pick(
                "The other side ended the stream without giving a reason in words.".to_owned(),
                "Die Gegenseite hat den Datenstrom ohne Begründung in Worten beendet.".to_owned(),
            ),
        },
        NoteKind::Unknown { .. } => l.pick(
            "An element outside stream negotiation; it does not change the outcome.".to_owned(),
            "Ein Element außerhalb der Aushandlung; es ändert das Ergebnis nicht.".to_owned(),
        ),
        NoteKind::Stanza => l.pick(
            format!(
                "The stream is authenticated: stanzas from {i} to {r} flow. The other direction \
                 needs a stream of its own."
            ),
            format!(
                "Der Datenstrom ist authentifiziert: Stanzas von {i} an {r} fließen. Die \
                 Gegenrichtung braucht einen eigenen Datenstrom."
            ),
        ),
    }
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
    l.pick(
        format!(
            " The certificate for {domain} names {list}, but not {domain}: the other side \
             expects the XMPP domain itself (RFC 6120 §13.7.1.2; a wildcard covers one label \
             only, RFC 6125 §6.4.3). Reissue it with {domain} as a subject alternative name."
        ),
        format!(
            " Das Zertifikat für {domain} nennt {list}, aber nicht {domain}: Die Gegenseite \
             erwartet die XMPP-Domäne selbst (RFC 6120 §13.7.1.2; ein Platzhalter deckt nur ein \
             Label ab, RFC 6125 §6.4.3). Stellen Sie es mit {domain} als alternativem \
             Antragstellernamen neu aus."
        ),
    )
}

/// Why a server ends a stream, in plain words.
fn reason_explanation(reason: Reason, c: &Context, l: Language) -> String {
    let (i, r) = (&c.initiating, &c.receiving);
    match reason {
        Reason::TlsNotSupported => l.pick(
            "The receiving server makes TLS mandatory, and the initiating server does not \
             support it."
                .to_owned(),
            "Der empfangende Server macht TLS verpflichtend, und der initiierende Server \
             unterstützt es nicht."
                .to_owned(),
        ),
        Reason::NoViableMethod => l.pick(
            "Nothing offered is an authentication method the initiating server uses: neither \
             SASL EXTERNAL nor dialback. It gives up."
                .to_owned(),
            "Nichts Angebotenes ist eine Authentifizierungsmethode, die der initiierende \
             Server nutzt: weder SASL EXTERNAL noch der Rückruf. Er gibt auf."
                .to_owned(),
        ),
        Reason::TlsWithoutCertificate => l.pick(
            "The receiving server requires TLS but has no certificate to offer it with, so it \
             can accept no stream at all: a misconfiguration."
                .to_owned(),
            "Der empfangende Server verlangt TLS, hat aber kein Zertifikat, um es anzubieten, \
             und kann daher keinen Datenstrom annehmen: eine Fehlkonfiguration."
                .to_owned(),
        ),
        Reason::NothingToOffer => l.pick(
            "The receiving server has no way to authenticate the initiating server: SASL \
             EXTERNAL needs a certificate it accepts for that domain, and dialback is not \
             used. It closes the stream instead of letting it time out (RFC 6120 §6.4.5)."
                .to_owned(),
            "Der empfangende Server kann den initiierenden Server nicht authentifizieren: SASL \
             EXTERNAL braucht ein Zertifikat, das er für diese Domäne akzeptiert, und der \
             Rückruf wird nicht genutzt. Er schließt den Datenstrom, statt ihn auslaufen zu \
             lassen (RFC 6120 §6.4.5)."
                .to_owned(),
        ),
        Reason::SecureAuth { status } => l.pick(
            format!(
                "The receiving server requires a valid certificate (secure authentication, \
                 no dialback), and the initiating server's certificate {}.",
                status.problem(l)
            ),
            format!(
                "Der empfangende Server verlangt ein gültiges Zertifikat (sichere \
                 Authentifizierung, kein Rückruf), und das Zertifikat des initiierenden \
                 Servers {}.",
                status.problem(l)
            ),
        ),
        Reason::DialbackWithoutTls => l.pick(
            "The receiving server requires TLS before dialback, and the stream is not \
             encrypted: it could not offer TLS (it has no certificate), or the initiating \
             server did not start it."
                .to_owned(),
            "Der empfangende Server verlangt TLS vor dem Rückruf, und der Datenstrom ist \
             nicht verschlüsselt: Er konnte kein TLS anbieten (er hat kein Zertifikat), oder \
             der initiierende Server hat es nicht gestartet."
                .to_owned(),
        ),
        Reason::DialbackDisabled => l.pick(
            "The receiving server does not accept dialback.".to_owned(),
            "Der empfangende Server akzeptiert keinen Rückruf.".to_owned(),
        ),
        Reason::NotAllowed => l.pick(
            format!("{i} is not an allowed XMPP partner of {r}, so the stream is refused."),
            format!("{i} ist kein zugelassener XMPP-Partner von {r}, daher wird der Datenstrom abgelehnt."),
        ),
        Reason::EncryptionRequired {
            authenticated: true,
        } => l.pick(
            "The stream was authenticated without TLS, but the server requires encryption. It \
             checks that only at this point, so the dialback that just succeeded is wasted."
                .to_owned(),
            "Der Datenstrom wurde ohne TLS authentifiziert, der Server verlangt aber \
             Verschlüsselung. Er prüft das erst an dieser Stelle, der eben gelungene Rückruf \
             ist also vergebens."
                .to_owned(),
        ),
        Reason::EncryptionRequired {
            authenticated: false,
        } => l.pick(
            "The server requires encryption, but this stream is not encrypted, and nothing \
             else offered can be used."
                .to_owned(),
            "Der Server verlangt Verschlüsselung, dieser Datenstrom ist aber nicht \
             verschlüsselt, und auch sonst ist nichts Angebotenes nutzbar."
                .to_owned(),
        ),
        Reason::DialbackRefused => l.pick(
            format!(
                "The authoritative server did not confirm the key of {i}, so {i} ends the \
                 stream."
            ),
            format!(
                "Der autoritative Server hat den Schlüssel von {i} nicht bestätigt, daher \
                 beendet {i} den Datenstrom."
            ),
        ),
        Reason::VerificationTimedOut => l.pick(
            format!(
                "{r} could not verify the key of {i}: the stream it opened to the \
                 authoritative server of {i} to carry the verification failed (see the \
                 verification steps). Prosody leaves the unauthenticated stream waiting and \
                 closes it after s2s_timeout, 90 seconds by default."
            ),
            format!(
                "{r} konnte den Schlüssel von {i} nicht prüfen: Der Datenstrom, den er zum \
                 autoritativen Server von {i} geöffnet hat, um die Prüfung zu übertragen, ist \
                 gescheitert (siehe die Prüfschritte). Prosody lässt den nicht \
                 authentifizierten Datenstrom warten und schließt ihn nach s2s_timeout, \
                 standardmäßig 90 Sekunden."
            ),
        ),
        Reason::HostUnknown => l.pick(
            "The stream is addressed to a domain the receiving server does not serve."
                .to_owned(),
            "Der Datenstrom ist an eine Domäne adressiert, die der empfangende Server nicht \
             bedient."
                .to_owned(),
        ),
        Reason::TlsNotOffered => l.pick(
            format!(
                "{i} requires TLS, and {r} did not offer STARTTLS. Unlike RFC 7590 §3.1 asks, {i} \
                 does not try it anyway."
            ),
            format!(
                "{i} verlangt TLS, und {r} hat STARTTLS nicht angeboten. Anders als RFC 7590 §3.1 \
                 es verlangt, versucht {i} es nicht trotzdem."
            ),
        ),
        Reason::CertificateRejected { status } => l.pick(
            format!(
                "{i} validates certificates strictly and does not accept the certificate of {r}, \
                 which {}. It checks only once the stream over TLS has started, and then closes \
                 it.",
                status.problem(l)
            ),
            format!(
                "{i} prüft Zertifikate streng und akzeptiert das Zertifikat von {r} nicht: Es \
                 {}. Er prüft erst, wenn der Datenstrom über TLS begonnen hat, und schließt ihn \
                 dann.",
                status.problem(l)
            ),
        ),
        Reason::Denied => l.pick(
            format!(
                "{r} authenticated {i}, but its access rules deny {i}: it refuses the first \
                 stanza and ends the stream. Nothing from {i} gets through."
            ),
            format!(
                "{r} hat {i} authentifiziert, aber seine Zugriffsregeln verbieten {i}: Er weist \
                 die erste Stanza ab und beendet den Datenstrom. Nichts von {i} kommt durch."
            ),
        ),
        Reason::TlsDisabled => l.pick(
            format!("{r} does not do TLS and refuses the request to start it."),
            format!("{r} unterstützt kein TLS und lehnt die Bitte ab, es zu starten."),
        ),
        Reason::AfterDialbackError => l.pick(
            format!(
                "After the dialback error, {r} ends the stream as well, although XEP-0220 §2.5 \
                 lets it stay open."
            ),
            format!(
                "Nach dem Rückruffehler beendet {r} auch den Datenstrom, obwohl XEP-0220 §2.5 \
                 ihn offen lassen würde."
            ),
        ),
        Reason::AnsweredAs => l.pick(
            format!(
                "The server that {i} reached for {r} answers as another domain (RFC 6120 \
                 §4.7.1): it is not set up as {r}'s server, or something else answers at its \
                 address. {i} refuses to go on with it. The partner's server must answer as \
                 {r}, its XMPP domain."
            ),
            format!(
                "Der Server, den {i} für {r} erreicht hat, antwortet als eine andere Domäne \
                 (RFC 6120 §4.7.1): Er ist nicht als Server von {r} eingerichtet, oder unter \
                 seiner Adresse antwortet etwas anderes. {i} bricht ab. Der Server des Partners \
                 muss als {r} antworten, seine XMPP-Domäne."
            ),
        ),
        Reason::Unexpected => l.pick(
            "The other side sent something the protocol does not allow at this point (the \
             error's text names it). The stream ends here; the fault is the sender's, not a \
             setting's."
                .to_owned(),
            "Die Gegenseite hat etwas gesendet, das das Protokoll an dieser Stelle nicht \
             erlaubt (der Text des Fehlers nennt es). Der Datenstrom endet hier; der Fehler \
             liegt beim Absender, nicht an einer Einstellung."
                .to_owned(),
        ),
    }
}

pub(crate) fn condition(condition: &Condition, l: Language) -> String {
    match condition {
        Condition::NotAllowed => l.pick(
            "not an allowed XMPP partner".to_owned(),
            "kein zugelassener XMPP-Partner".to_owned(),
        ),
        Condition::Denied => l.pick(
            "the partner's server denies our domain".to_owned(),
            "der Partnerserver verbietet unsere Domäne".to_owned(),
        ),
        Condition::Dns { record } => match record {
            DnsRecord::SrvRoot => l.pick(
                "DNS says the XMPP service is not available".to_owned(),
                "laut DNS ist der XMPP-Dienst nicht verfügbar".to_owned(),
            ),
            _ => l.pick(
                "the domain does not exist in DNS".to_owned(),
                "die Domäne existiert im DNS nicht".to_owned(),
            ),
        },
        Condition::StreamError { condition } => l.pick(
            format!("stream error {condition}"),
            format!("Datenstromfehler {condition}"),
        ),
        Condition::TlsVersion => l.pick(
            "no TLS version both sides speak".to_owned(),
            "keine TLS-Version, die beide Seiten sprechen".to_owned(),
        ),
        Condition::TlsFailure => l.pick(
            "the receiving server refused TLS".to_owned(),
            "der empfangende Server hat TLS abgelehnt".to_owned(),
        ),
        Condition::CertificateRejected { certificate, of } => {
            let whose = match of {
                Party::OurProxy => l.pick(
                    "our XMPP proxy's certificate",
                    "das Zertifikat unseres XMPP-Proxys",
                ),
                Party::Partner => l.pick(
                    "the partner server's certificate",
                    "das Zertifikat des Partnerservers",
                ),
                Party::Authoritative | Party::Dns => l.pick(
                    "the authoritative server's certificate",
                    "das Zertifikat des autoritativen Servers",
                ),
            };
            l.pick(
                format!("{whose} was rejected: it {}", certificate.problem(l)),
                format!("{whose} wurde abgelehnt: Es {}", certificate.problem(l)),
            )
        }
        Condition::SaslFailure { condition } => l.pick(
            format!("SASL failed: {condition}"),
            format!("SASL gescheitert: {condition}"),
        ),
        Condition::DialbackInvalid => l.pick(
            "the dialback key is invalid".to_owned(),
            "der Rückrufschlüssel ist ungültig".to_owned(),
        ),
        Condition::DialbackError { condition } => l.pick(
            format!("dialback error {condition}"),
            format!("Rückruffehler {condition}"),
        ),
        Condition::ConnectionClosed => l.pick(
            "the connection was closed".to_owned(),
            "die Verbindung wurde geschlossen".to_owned(),
        ),
        Condition::Unreachable { error } => l.pick(
            format!("no TCP connection could be opened ({error})"),
            format!("keine TCP-Verbindung möglich ({error})"),
        ),
        Condition::Timeout { seconds } => l.pick(
            format!("no answer within {seconds} s"),
            format!("keine Antwort innerhalb von {seconds} s"),
        ),
        Condition::TlsError { message } => l.pick(
            format!("the TLS handshake failed ({message})"),
            format!("der TLS-Handshake ist gescheitert ({message})"),
        ),
        Condition::Unreadable { message } => l.pick(
            format!("the stream is not well-formed XML ({message})"),
            format!("der Datenstrom ist kein wohlgeformtes XML ({message})"),
        ),
        Condition::Stalled { steps } => l.pick(
            format!("the simulation reached no outcome after {steps} steps"),
            format!("die Simulation kam nach {steps} Schritten zu keinem Ergebnis"),
        ),
        Condition::AnsweredAs { expected, answered } => l.pick(
            format!(
                "the server reached for {expected} answered as `{}`",
                answered.escape_debug()
            ),
            format!(
                "der für {expected} erreichte Server antwortete als `{}`",
                answered.escape_debug()
            ),
        ),
        Condition::Misdriven { input } => l.pick(
            format!("a machine was fed {input} where it cannot take it"),
            format!("eine Maschine bekam {input}, wo sie es nicht annehmen kann"),
        ),
    }
}

/// Who is at fault, or that the simulator is.
pub(crate) fn fault(fault: Option<Side>, l: Language) -> &'static str {
    match fault {
        Some(s) => side(s, l),
        None => l.pick(
            "nobody: an internal error of the simulator, please report it with the scenario",
            "niemand: ein interner Fehler des Simulators, bitte mit dem Szenario melden",
        ),
    }
}

pub(crate) fn side(side: Side, l: Language) -> &'static str {
    match side {
        Side::Ours => l.pick("our configuration", "unsere Konfiguration"),
        Side::Partner => l.pick("the partner", "der Partner"),
        Side::Environment => l.pick("the environment", "die Umgebung"),
    }
}

/// The outcome in one sentence; `detail` follows the failure's condition.
pub(crate) fn verdict(outcome: &Outcome, detail: &str, l: Language) -> String {
    match (&outcome.method, outcome.level, &outcome.failure) {
        (Some(method), Some(level), _) => l.pick(
            format!(
                "Established with {}; federation level: {} (XEP-0238).",
                method.label(l),
                level.label(l),
            ),
            format!(
                "Aufgebaut mit {}; Föderationsstufe: {} (XEP-0238).",
                method.label(l),
                level.label(l),
            ),
        ),
        (_, _, Some(failure)) => {
            let fix = match &failure.fix {
                Some(fix) if fix.change.name == SettingName::Ours(PeerSetting::Accepts) => l.pick(
                    format!(
                        " Fix: add {} to {} ({}), for {}.",
                        fix.change.value,
                        fix.change.name,
                        side(fix.change.side(), l),
                        fix.method.label(l)
                    ),
                    format!(
                        " Behebung: {} zu {} hinzufügen ({}), für {}.",
                        fix.change.value,
                        fix.change.name,
                        side(fix.change.side(), l),
                        fix.method.label(l)
                    ),
                ),
                Some(fix) => l.pick(
                    format!(
                        " Fix: set {} to {} ({}), for {}.",
                        fix.change.name,
                        fix.change.value,
                        side(fix.change.side(), l),
                        fix.method.label(l)
                    ),
                    format!(
                        " Behebung: {} auf {} setzen ({}), für {}.",
                        fix.change.name,
                        fix.change.value,
                        side(fix.change.side(), l),
                        fix.method.label(l)
                    ),
                ),
                None => l.pick(
                    " No single change fixes it.".to_owned(),
                    " Keine einzelne Änderung behebt es.".to_owned(),
                ),
            };
            l.pick(
                format!(
                    "Failed at step {}: {}.{detail} At fault: {}.{fix}",
                    failure.step,
                    condition(&failure.condition, l),
                    fault(failure.fault, l)
                ),
                format!(
                    "Gescheitert bei Schritt {}: {}.{detail} Ursache: {}.{fix}",
                    failure.step,
                    condition(&failure.condition, l),
                    fault(failure.fault, l)
                ),
            )
        }
        _ => String::new(),
    }
}
