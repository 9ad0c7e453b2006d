//! The English and German texts of every diagnostic, side by side.
//!
//! Messages are short, lowercase, without a final period, with user input in backticks. Help
//! texts say the exact fix, with the cmdlet parameter where there is one.

use super::{BindingProblem, Code, Detail, Expected, Found, Unit};
use crate::language::Language;
use crate::matrix::MatrixRow;
use crate::settings::Negotiation;

pub(super) fn summary(code: Code, l: Language) -> &'static str {
    match code {
        Code::UnknownField => l.pick(
            "A field the format does not have; usually a typo.",
            "Ein Feld, das das Format nicht kennt; meist ein Tippfehler.",
        ),
        Code::InvalidValue => l.pick(
            "A value outside the field's allowed values.",
            "Ein Wert außerhalb der erlaubten Werte des Felds.",
        ),
        Code::WrongType => l.pick(
            "A value of the wrong kind, such as text where a number belongs.",
            "Ein Wert der falschen Art, etwa Text, wo eine Zahl stehen muss.",
        ),
        Code::MissingField => l.pick("A required field is missing.", "Ein Pflichtfeld fehlt."),
        Code::DuplicateField => l.pick(
            "A field is given twice in one entry.",
            "Ein Feld steht zweimal in einem Eintrag.",
        ),
        Code::InvalidDomain => l.pick(
            "A domain that is not a usable DNS name: a JID, URL, IP address, wildcard, or a name \
             that breaks the DNS or IDNA rules.",
            "Eine Domäne, die kein brauchbarer DNS-Name ist: eine JID, URL, IP-Adresse, ein \
             Platzhalter oder ein Name, der gegen die DNS- oder IDNA-Regeln verstößt.",
        ),
        Code::LimitExceeded => l.pick(
            "A value beyond the bounds the reader accepts.",
            "Ein Wert jenseits der Grenzen, die der Leser akzeptiert.",
        ),
        Code::TruncatedList => l.pick(
            "A list that Format-List cut short with `...`; the pasted text is incomplete.",
            "Eine Liste, die Format-List mit `...` gekürzt hat; der eingefügte Text ist \
             unvollständig.",
        ),
        Code::IgnoredProperty => l.pick(
            "A Format-List property that is not part of a partner configuration.",
            "Eine Format-List-Eigenschaft, die nicht zur Partnerkonfiguration gehört.",
        ),
        Code::CommandNotApplied => l.pick(
            "A PowerShell command with -WhatIf or -InMemory, which changes nothing.",
            "Ein PowerShell-Befehl mit -WhatIf oder -InMemory, der nichts ändert.",
        ),
        Code::ControlCharacter => l.pick(
            "A control character in a text field (C0 other than tab and line breaks, DEL or C1), \
             which an export format cannot carry or a terminal would act on.",
            "Ein Steuerzeichen in einem Textfeld (C0 außer Tabulator und Zeilenumbrüchen, DEL \
             oder C1), das ein Exportformat nicht darstellen kann oder auf das ein Terminal \
             reagieren würde.",
        ),
        Code::ParameterBinding => l.pick(
            "A PowerShell argument binds to no parameter, so PowerShell would not run the command.",
            "Ein PowerShell-Argument passt zu keinem Parameter, daher würde PowerShell den Befehl \
             nicht ausführen.",
        ),
        Code::SaslRequiresTls => l.pick(
            "SASL is Required or Optional while TLS is NotSupported (M5, M6, M11, M12); the \
             Control Panel refuses to commit it.",
            "SASL ist erforderlich oder optional, TLS aber nicht unterstützt (M5, M6, M11, M12); \
             die Systemsteuerung lehnt das Speichern ab.",
        ),
        Code::NoAuthenticationMethod => l.pick(
            "A \"Not Valid Configuration\" row of the matrix (M6, M12, M14, M16, M18): no \
             authentication method is left.",
            "Eine Matrixzeile „Ungültige Konfiguration“ (M6, M12, M14, M16, M18): Es bleibt \
             keine Authentifizierungsmethode.",
        ),
        Code::MatrixTcpDialbackOnly => l.pick(
            "M5 and M11: refused at commit, yet the matrix still gives them TCP dialback.",
            "M5 und M11: beim Speichern abgelehnt, obwohl die Matrix ihnen den TCP-Rückruf \
             zuordnet.",
        ),
        Code::DialbackInoperative => l.pick(
            "M1: dialback is on but does not operate when TLS and SASL are both Required.",
            "M1: Der Rückruf ist eingeschaltet, wird aber nicht ausgeführt, wenn TLS und SASL \
             beide erforderlich sind.",
        ),
        Code::SaslWithOptionalTls => l.pick(
            "SASL is on while TLS is only Optional (M3, M4, M9, M10); negotiations fail when \
             the partner offers no TLS.",
            "SASL ist aktiv, TLS aber nur optional (M3, M4, M9, M10); Aushandlungen scheitern, \
             wenn der Partner kein TLS anbietet.",
        ),
        Code::CommonTableDiffers => l.pick(
            "M7: the common-configurations table (C2) also lists TCP dialback; this tool follows \
             the complete matrix.",
            "M7: Die Tabelle der gängigen Konfigurationen (C2) nennt zusätzlich den TCP-Rückruf; \
             dieses Werkzeug folgt der vollständigen Matrix.",
        ),
        Code::DuplicateAdditionalDomain => l.pick(
            "An additional domain repeats the primary domain or another additional domain, \
             possibly in another case or script form.",
            "Eine zusätzliche Domäne wiederholt die primäre oder eine andere zusätzliche Domäne, \
             eventuell in anderer Schreibweise.",
        ),
        Code::AdditionalDomainOutsidePrimary => l.pick(
            "An additional domain is not below the primary domain; the cmdlet allows it.",
            "Eine zusätzliche Domäne liegt nicht unterhalb der primären Domäne; das Cmdlet \
             erlaubt das.",
        ),
        Code::ConnectionLimitAboveGateway => l.pick(
            "A partner's connection limit is above the gateway's PartnerConnectionLimit, which \
             caps it.",
            "Das Verbindungslimit eines Partners liegt über dem PartnerConnectionLimit des \
             Gateways, das es begrenzt.",
        ),
        Code::ConnectionLimitZero => l.pick(
            "A partner's connection limit of 0 allows no connection.",
            "Ein Verbindungslimit von 0 erlaubt keine Verbindung.",
        ),
        Code::DescriptionTooLong => l.pick(
            "A description longer than 1024 characters.",
            "Eine Beschreibung mit mehr als 1024 Zeichen.",
        ),
        Code::ProxyNotFullyQualified => l.pick(
            "The proxy FQDN has a single label, so it is not fully qualified.",
            "Der Proxy-FQDN besteht aus einem einzigen Label und ist damit nicht voll \
             qualifiziert.",
        ),
        Code::SingleLabelDomain => l.pick(
            "A partner domain with a single label cannot be found through public DNS SRV \
             records.",
            "Eine Partnerdomäne mit einem einzigen Label ist über öffentliche DNS-SRV-Einträge \
             nicht auffindbar.",
        ),
        Code::PublicServiceNegotiation => l.pick(
            "A known public service with negotiation settings it cannot use.",
            "Ein bekannter öffentlicher Dienst mit Aushandlungseinstellungen, die er nicht \
             nutzen kann.",
        ),
        Code::PublicServiceKeepAlive => l.pick(
            "A known public service with keep-alive on, against the documented example.",
            "Ein bekannter öffentlicher Dienst mit eingeschaltetem Keep-Alive, entgegen dem \
             dokumentierten Beispiel.",
        ),
        Code::PublicServicePartnerType => l.pick(
            "A known public service with a partner type that trusts it to verify its users.",
            "Ein bekannter öffentlicher Dienst mit einem Partnertyp, der ihm die Überprüfung \
             seiner Benutzer zutraut.",
        ),
        Code::MixedScriptDomain => l.pick(
            "A domain label mixes scripts, such as Latin and Cyrillic (UTS #39).",
            "Ein Domänenlabel mischt Schriften, etwa Lateinisch und Kyrillisch (UTS #39).",
        ),
        Code::GoogleFederationEnded => l.pick(
            "A Google Talk domain (gmail.com, googlemail.com): Google ended XMPP \
             server-to-server federation on 26 June 2017, so the partner never connects.",
            "Eine Domäne von Google Talk (gmail.com, googlemail.com): Google hat die \
             XMPP-Server-zu-Server-Föderation am 26. Juni 2017 beendet, der Partner verbindet \
             sich nie.",
        ),
        Code::DomainClaimedTwice => l.pick(
            "A domain is claimed by two partners, so routing to it is ambiguous.",
            "Eine Domäne wird von zwei Partnern beansprucht; das Routing ist mehrdeutig.",
        ),
        Code::DuplicatePartner => l.pick(
            "Two partners have the same primary domain (identity).",
            "Zwei Partner haben dieselbe primäre Domäne (Identität).",
        ),
        Code::ConnectionLimitsExceedGateway => l.pick(
            "The partners' own connection limits add up to more than the gateway's total.",
            "Die eigenen Verbindungslimits der Partner ergeben zusammen mehr als das \
             Gesamtlimit des Gateways.",
        ),
        Code::ConfusableDomain => l.pick(
            "A domain looks like another partner's domain (UTS #39 confusable skeletons).",
            "Eine Domäne sieht aus wie die Domäne eines anderen Partners (verwechselbare \
             Skelette nach UTS #39).",
        ),
        Code::PartnerLimitAboveTotal => l.pick(
            "The gateway's per-partner limit is above its total limit.",
            "Das Limit pro Partner des Gateways liegt über seinem Gesamtlimit.",
        ),
        Code::MessageBodyLogging => l.pick(
            "The gateway logs the content of every message.",
            "Das Gateway protokolliert den Inhalt jeder Nachricht.",
        ),
        Code::ZeroInterval => l.pick(
            "A gateway timeout or interval of 0 seconds.",
            "Ein Zeitlimit oder Intervall des Gateways von 0 Sekunden.",
        ),
        Code::UnknownPartner => l.pick(
            "An edit or removal names a partner that does not exist.",
            "Eine Änderung oder Entfernung nennt einen Partner, den es nicht gibt.",
        ),
        Code::PartnerExists => l.pick(
            "A new partner's primary domain is already a partner.",
            "Die primäre Domäne eines neuen Partners ist bereits ein Partner.",
        ),
    }
}

fn expected(expected: Expected, l: Language) -> &'static str {
    match expected {
        Expected::Text => l.pick("text", "Text"),
        Expected::Bool => l.pick("true or false", "true oder false"),
        Expected::WholeNumber => l.pick(
            "a whole number from 0 to 4294967295",
            "eine ganze Zahl von 0 bis 4294967295",
        ),
        Expected::List => l.pick("a list", "eine Liste"),
        Expected::Object => l.pick("an object", "ein Objekt"),
    }
}

/// A domain in backticks, with its ASCII form beside an internationalised one.
fn shown(domain: &crate::domain::Domain) -> String {
    if domain.is_internationalized() {
        format!("`{domain}` ({})", domain.as_str())
    } else {
        format!("`{domain}`")
    }
}

fn found(found: &Found, l: Language) -> String {
    match found {
        Found::Null => "`null`".to_owned(),
        Found::Bool(b) => format!("`{b}`"),
        Found::Number(n) | Found::Text(n) => format!("`{n}`"),
        Found::String(s) => l.pick(
            format!("the string `{s}`"),
            format!("die Zeichenkette `{s}`"),
        ),
        Found::List => l.pick("a list", "eine Liste").to_owned(),
        Found::Object => l.pick("an object", "ein Objekt").to_owned(),
    }
}

fn quoted_list(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn message(detail: &Detail, l: Language) -> String {
    match detail {
        Detail::UnknownField { field, .. } => l.pick(
            format!("unknown field `{field}`"),
            format!("unbekanntes Feld `{field}`"),
        ),
        Detail::InvalidValue { field, value, .. } => l.pick(
            format!("`{value}` is not a valid value for `{field}`"),
            format!("`{value}` ist kein gültiger Wert für `{field}`"),
        ),
        Detail::WrongType {
            field,
            expected: e,
            found: f,
        } => l.pick(
            format!("`{field}` must be {}, not {}", expected(*e, l), found(f, l)),
            format!("`{field}` muss {} sein, nicht {}", expected(*e, l), found(f, l)),
        ),
        Detail::MissingField { field } => l.pick(
            format!("`{field}` is required"),
            format!("`{field}` ist erforderlich"),
        ),
        Detail::DuplicateField { field } => l.pick(
            format!("`{field}` is given twice"),
            format!("`{field}` ist doppelt angegeben"),
        ),
        Detail::InvalidDomain { field, error } => l.pick(
            format!("`{field}`: {}", error.message(l)),
            format!("`{field}`: {}", error.message(l)),
        ),
        Detail::LimitExceeded {
            field,
            limit,
            actual,
            unit,
        } => match unit {
            Unit::Entries => l.pick(
                format!("`{field}` has {actual} entries; at most {limit} are read"),
                format!("`{field}` hat {actual} Einträge; höchstens {limit} werden gelesen"),
            ),
            Unit::Characters => l.pick(
                format!("`{field}` is {actual} characters long; at most {limit} are read"),
                format!("`{field}` ist {actual} Zeichen lang; höchstens {limit} werden gelesen"),
            ),
        },
        Detail::TruncatedList { property } => l.pick(
            format!("`{property}` was cut short by Format-List"),
            format!("`{property}` wurde von Format-List gekürzt"),
        ),
        Detail::IgnoredProperty { property } => l.pick(
            format!("property `{property}` is not part of a partner configuration and was ignored"),
            format!(
                "Eigenschaft `{property}` gehört nicht zur Partnerkonfiguration und wurde \
                 ignoriert"
            ),
        ),
        Detail::CommandNotApplied { command, switch } => l.pick(
            format!("`{command}` has `-{switch}`, so it changes nothing"),
            format!("`{command}` hat `-{switch}` und ändert daher nichts"),
        ),
        Detail::ControlCharacter { field, character } => l.pick(
            format!(
                "`{field}` contains the control character {}",
                crate::text::unicode_name(*character)
            ),
            format!(
                "`{field}` enthält das Steuerzeichen {}",
                crate::text::unicode_name(*character)
            ),
        ),
        Detail::ParameterBinding {
            command,
            argument,
            problem,
        } => match problem {
            BindingProblem::Unknown(_) => l.pick(
                format!("`{command}` has no parameter `-{argument}`"),
                format!("`{command}` hat keinen Parameter `-{argument}`"),
            ),
            BindingProblem::Ambiguous(candidates) => {
                let list = candidates
                    .iter()
                    .map(|c| format!("`-{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                l.pick(
                    format!("parameter `-{argument}` of `{command}` is ambiguous: {list}"),
                    format!("Parameter `-{argument}` von `{command}` ist mehrdeutig: {list}"),
                )
            }
            BindingProblem::Unexpected => l.pick(
                format!("`{command}` takes no further value, but `{argument}` is given"),
                format!("`{command}` nimmt keinen weiteren Wert an, aber `{argument}` ist angegeben"),
            ),
            BindingProblem::MissingValue => l.pick(
                format!("parameter `-{argument}` of `{command}` has no value"),
                format!("Parameter `-{argument}` von `{command}` hat keinen Wert"),
            ),
            BindingProblem::Conflict(other) => l.pick(
                format!("`{command}` cannot take both `-{argument}` and `-{other}`"),
                format!("`{command}` kann nicht `-{argument}` und `-{other}` zugleich annehmen"),
            ),
            BindingProblem::Repeated => l.pick(
                format!("parameter `-{argument}` of `{command}` is given twice"),
                format!("Parameter `-{argument}` von `{command}` ist doppelt angegeben"),
            ),
            BindingProblem::NotSupported => l.pick(
                format!("`-{argument}` of `{command}` passes an object, which is not read"),
                format!("`-{argument}` von `{command}` übergibt ein Objekt, das nicht gelesen wird"),
            ),
            BindingProblem::NotBoolean => l.pick(
                format!("parameter `-{argument}` of `{command}` takes `$true` or `$false`, not text"),
                format!(
                    "Parameter `-{argument}` von `{command}` nimmt `$true` oder `$false` an, keinen \
                     Text"
                ),
            ),
        },
        Detail::SaslRequiresTls { sasl } => l.pick(
            format!(
                "SASL is `{sasl}` but TLS is `NotSupported`: SASL requires TLS, and the Control \
                 Panel does not save this"
            ),
            format!(
                "SASL ist `{sasl}`, TLS aber `NotSupported`: SASL erfordert TLS, und die \
                 Systemsteuerung speichert das nicht"
            ),
        ),
        Detail::NoAuthenticationMethod { row } => {
            if row.sasl().is_supported() {
                l.pick(
                    format!(
                        "not a valid configuration ({row}): SASL cannot run without TLS, and \
                         dialback is off, so no method can authenticate the stream"
                    ),
                    format!(
                        "keine gültige Konfiguration ({row}): SASL kann ohne TLS nicht laufen, \
                         und der Rückruf ist aus, also kann keine Methode den Datenstrom \
                         authentifizieren"
                    ),
                )
            } else {
                l.pick(
                    format!(
                        "not a valid configuration ({row}): with SASL `NotSupported` and \
                         dialback off, no method can authenticate the stream"
                    ),
                    format!(
                        "keine gültige Konfiguration ({row}): Mit SASL `NotSupported` und \
                         ausgeschaltetem Rückruf kann keine Methode den Datenstrom \
                         authentifizieren"
                    ),
                )
            }
        }
        Detail::MatrixTcpDialbackOnly { row } => l.pick(
            format!(
                "the matrix still gives {row} TCP dialback: where these settings are in place, \
                 the partner authenticates only by unencrypted TCP dialback and SASL is never \
                 used"
            ),
            format!(
                "die Matrix ordnet {row} trotzdem den TCP-Rückruf zu: Wo diese Einstellungen \
                 gelten, authentifiziert sich der Partner nur per unverschlüsseltem TCP-Rückruf, \
                 und SASL wird nie verwendet"
            ),
        ),
        Detail::DialbackInoperative => l.pick(
            "dialback is on but does not operate when TLS and SASL are both `Required` (M1)"
                .to_owned(),
            "der Rückruf ist eingeschaltet, wird aber nicht ausgeführt, wenn TLS und SASL beide \
             `Required` sind (M1)"
                .to_owned(),
        ),
        Detail::SaslWithOptionalTls { row } => {
            if row.dialback() {
                l.pick(
                    format!(
                        "SASL requires TLS, but TLS is only `Optional` ({row}): when the partner \
                         offers no TLS, SASL cannot run and only unencrypted TCP dialback is left"
                    ),
                    format!(
                        "SASL erfordert TLS, aber TLS ist nur `Optional` ({row}): Bietet der \
                         Partner kein TLS an, kann SASL nicht laufen, und nur der \
                         unverschlüsselte TCP-Rückruf bleibt"
                    ),
                )
            } else {
                l.pick(
                    format!(
                        "SASL requires TLS, but TLS is only `Optional` ({row}): when the partner \
                         offers no TLS, the session fails"
                    ),
                    format!(
                        "SASL erfordert TLS, aber TLS ist nur `Optional` ({row}): Bietet der \
                         Partner kein TLS an, schlägt die Sitzung fehl"
                    ),
                )
            }
        }
        Detail::CommonTableDiffers => l.pick(
            "the common-configurations table (C2) lists TCP dialback for these settings, the \
             complete matrix (M7) does not; with TLS `Required` no unencrypted stream is used, \
             so this tool follows the matrix"
                .to_owned(),
            "die Tabelle der gängigen Konfigurationen (C2) nennt für diese Einstellungen den \
             TCP-Rückruf, die vollständige Matrix (M7) nicht; bei TLS `Required` wird kein \
             unverschlüsselter Datenstrom verwendet, daher folgt dieses Werkzeug der Matrix"
                .to_owned(),
        ),
        Detail::DuplicateAdditionalDomain { domain, of_primary } => {
            let shown = shown(domain);
            if *of_primary {
                l.pick(
                    format!("additional domain {shown} repeats the primary domain"),
                    format!("zusätzliche Domäne {shown} wiederholt die primäre Domäne"),
                )
            } else {
                l.pick(
                    format!("additional domain {shown} is listed twice"),
                    format!("zusätzliche Domäne {shown} ist doppelt aufgeführt"),
                )
            }
        }
        Detail::AdditionalDomainOutsidePrimary { domain, primary } => l.pick(
            format!("additional domain `{domain}` is not below the primary domain `{primary}`"),
            format!(
                "zusätzliche Domäne `{domain}` liegt nicht unterhalb der primären Domäne \
                 `{primary}`"
            ),
        ),
        Detail::ConnectionLimitAboveGateway {
            limit,
            gateway_limit,
        } => l.pick(
            format!(
                "connection limit {limit} is above the gateway's per-partner limit of \
                 {gateway_limit}, which applies instead"
            ),
            format!(
                "Verbindungslimit {limit} liegt über dem Limit pro Partner des Gateways von \
                 {gateway_limit}, das stattdessen gilt"
            ),
        ),
        Detail::ConnectionLimitZero => l.pick(
            "connection limit 0 allows no connection to this partner".to_owned(),
            "Verbindungslimit 0 erlaubt keine Verbindung zu diesem Partner".to_owned(),
        ),
        Detail::DescriptionTooLong { length } => l.pick(
            format!("description is {length} characters long; the limit is 1024"),
            format!("Beschreibung ist {length} Zeichen lang; die Grenze ist 1024"),
        ),
        Detail::ProxyNotFullyQualified { proxy } => l.pick(
            format!("proxy `{proxy}` is not a fully qualified domain name"),
            format!("Proxy `{proxy}` ist kein vollqualifizierter Domänenname"),
        ),
        Detail::SingleLabelDomain { domain } => l.pick(
            format!("domain `{domain}` has a single label and cannot be found in public DNS"),
            format!(
                "Domäne `{domain}` besteht aus einem einzigen Label und ist im öffentlichen DNS \
                 nicht auffindbar"
            ),
        ),
        Detail::PublicServiceNegotiation { service, row } => l.pick(
            format!(
                "{service} federates only over unencrypted TCP with dialback, but these settings \
                 are {row}"
            ),
            format!(
                "{service} föderiert nur über unverschlüsseltes TCP mit Rückruf, diese \
                 Einstellungen sind aber {row}"
            ),
        ),
        Detail::PublicServiceKeepAlive { service } => l.pick(
            format!("keep-alive is on for {service}; the documented setup turns it off"),
            format!(
                "Keep-Alive ist für {service} eingeschaltet; die dokumentierte Einrichtung \
                 schaltet es aus"
            ),
        ),
        Detail::PublicServicePartnerType {
            service,
            partner_type,
        } => l.pick(
            format!("{service} is a public service that does not verify its users, but the type is `{partner_type}`"),
            format!(
                "{service} ist ein öffentlicher Dienst, der seine Benutzer nicht überprüft, der \
                 Typ ist aber `{partner_type}`"
            ),
        ),
        Detail::MixedScriptDomain { domain, label } => l.pick(
            format!("label `{label}` of `{domain}` mixes scripts"),
            format!("Label `{label}` von `{domain}` mischt Schriften"),
        ),
        Detail::GoogleFederationEnded { domain, .. } => l.pick(
            format!(
                "Google ended XMPP server-to-server federation on 26 June 2017: `{domain}` cannot \
                 connect any more"
            ),
            format!(
                "Google hat die XMPP-Server-zu-Server-Föderation am 26. Juni 2017 beendet: \
                 `{domain}` kann keine Verbindung mehr aufbauen"
            ),
        ),
        Detail::DomainClaimedTwice { domain, claimed_by } => l.pick(
            format!("domain `{domain}` is already claimed by partner `{claimed_by}`"),
            format!("Domäne `{domain}` wird bereits von Partner `{claimed_by}` beansprucht"),
        ),
        Detail::DuplicatePartner {
            identity,
            identical,
        } => {
            if *identical {
                l.pick(
                    format!("partner `{identity}` is listed twice"),
                    format!("Partner `{identity}` ist doppelt aufgeführt"),
                )
            } else {
                l.pick(
                    format!("partner `{identity}` is listed twice, with different settings"),
                    format!(
                        "Partner `{identity}` ist doppelt aufgeführt, mit unterschiedlichen \
                         Einstellungen"
                    ),
                )
            }
        }
        Detail::ConnectionLimitsExceedGateway { sum, gateway_limit } => l.pick(
            format!(
                "the partners' own connection limits add up to {sum}, more than the gateway's \
                 total of {gateway_limit}"
            ),
            format!(
                "die eigenen Verbindungslimits der Partner ergeben zusammen {sum}, mehr als das \
                 Gesamtlimit des Gateways von {gateway_limit}"
            ),
        ),
        Detail::ConfusableDomain {
            domain,
            lookalike,
            lookalike_partner,
        } => {
            let owner = if lookalike == lookalike_partner {
                String::new()
            } else {
                l.pick(
                    format!(" of partner `{lookalike_partner}`"),
                    format!(" des Partners `{lookalike_partner}`"),
                )
            };
            l.pick(
                format!(
                    "`{domain}` ({}) looks like `{lookalike}`{owner}",
                    domain.as_str()
                ),
                format!(
                    "`{domain}` ({}) sieht aus wie `{lookalike}`{owner}",
                    domain.as_str()
                ),
            )
        }
        Detail::PartnerLimitAboveTotal {
            partner_limit,
            total,
        } => l.pick(
            format!(
                "the per-partner limit of {partner_limit} is above the total limit of {total}"
            ),
            format!("das Limit pro Partner von {partner_limit} liegt über dem Gesamtlimit von {total}"),
        ),
        Detail::MessageBodyLogging => l.pick(
            "the gateway logs the content of every message".to_owned(),
            "das Gateway protokolliert den Inhalt jeder Nachricht".to_owned(),
        ),
        Detail::ZeroInterval { field } => l.pick(
            format!("`{field}` is 0 seconds"),
            format!("`{field}` beträgt 0 Sekunden"),
        ),
        Detail::UnknownPartner { identity, .. } => l.pick(
            format!("there is no partner `{identity}`"),
            format!("es gibt keinen Partner `{identity}`"),
        ),
        Detail::PartnerExists { identity } => l.pick(
            format!("partner `{identity}` already exists"),
            format!("Partner `{identity}` existiert bereits"),
        ),
    }
}

/// The parameter that sets a field in `Set-CsXmppAllowedPartner`.
fn tls_fix(value: Negotiation, l: Language) -> String {
    l.pick(
        format!("set `tlsNegotiation` to `{value}` (-TlsNegotiation {value})"),
        format!("setzen Sie `tlsNegotiation` auf `{value}` (-TlsNegotiation {value})"),
    )
}

fn capitalize(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => text,
    }
}

pub(super) fn help(detail: &Detail, l: Language) -> String {
    match detail {
        Detail::UnknownField { suggestion, .. } => match suggestion {
            Some(known) => l.pick(
                format!("did you mean `{known}`?"),
                format!("Meinten Sie `{known}`?"),
            ),
            None => l.pick(
                "remove the field; see the schema for the known fields".to_owned(),
                "Entfernen Sie das Feld; die bekannten Felder stehen im Schema".to_owned(),
            ),
        },
        Detail::InvalidValue {
            allowed,
            suggestion,
            ..
        } => {
            let list = quoted_list(allowed);
            match suggestion {
                Some(best) => l.pick(
                    format!("did you mean `{best}`? The values are {list}"),
                    format!("Meinten Sie `{best}`? Die Werte sind {list}"),
                ),
                None => l.pick(
                    format!("use one of {list}"),
                    format!("Verwenden Sie einen dieser Werte: {list}"),
                ),
            }
        }
        Detail::WrongType { expected: e, .. } => match e {
            Expected::Bool => l.pick(
                "write `true` or `false` without quotes ($true or $false in PowerShell)".to_owned(),
                "Schreiben Sie `true` oder `false` ohne Anführungszeichen ($true oder $false in \
                 PowerShell)"
                    .to_owned(),
            ),
            Expected::WholeNumber => l.pick(
                "write the number without quotes, for example `20`".to_owned(),
                "Schreiben Sie die Zahl ohne Anführungszeichen, zum Beispiel `20`".to_owned(),
            ),
            Expected::Text => l.pick(
                "write the value as a quoted string".to_owned(),
                "Schreiben Sie den Wert als Zeichenkette in Anführungszeichen".to_owned(),
            ),
            Expected::List => l.pick(
                "write a list, for example `[\"corp.fabrikam.com\"]`".to_owned(),
                "Schreiben Sie eine Liste, zum Beispiel `[\"corp.fabrikam.com\"]`".to_owned(),
            ),
            Expected::Object => l.pick(
                "write an object with named fields, for example `{\"domain\": \"fabrikam.com\"}`"
                    .to_owned(),
                "Schreiben Sie ein Objekt mit benannten Feldern, zum Beispiel `{\"domain\": \
                 \"fabrikam.com\"}`"
                    .to_owned(),
            ),
        },
        Detail::MissingField { field } => l.pick(
            format!("add `{field}`, for example `\"{field}\": \"fabrikam.com\"`"),
            format!("Ergänzen Sie `{field}`, zum Beispiel `\"{field}\": \"fabrikam.com\"`"),
        ),
        Detail::DuplicateField { .. } => l.pick(
            "keep one of the two values".to_owned(),
            "Behalten Sie nur einen der beiden Werte".to_owned(),
        ),
        Detail::InvalidDomain { error, .. } => error.help(l),
        Detail::LimitExceeded { .. } => l.pick(
            "split the input into smaller documents, or shorten the value".to_owned(),
            "Teilen Sie die Eingabe in kleinere Dokumente auf oder kürzen Sie den Wert".to_owned(),
        ),
        Detail::TruncatedList { .. } => l.pick(
            "run `$FormatEnumerationLimit = -1` before `Get-CsXmppAllowedPartner | Format-List`, \
             then paste the output again"
                .to_owned(),
            "Führen Sie `$FormatEnumerationLimit = -1` vor `Get-CsXmppAllowedPartner | \
             Format-List` aus und fügen Sie die Ausgabe erneut ein"
                .to_owned(),
        ),
        Detail::IgnoredProperty { .. } => l.pick(
            "nothing to do; only partner settings are read".to_owned(),
            "Nichts zu tun; nur Partnereinstellungen werden gelesen".to_owned(),
        ),
        Detail::CommandNotApplied { switch, .. } => l.pick(
            format!("remove `-{switch}` for the command to take effect"),
            format!("Entfernen Sie `-{switch}`, damit der Befehl wirkt"),
        ),
        Detail::ControlCharacter { .. } => l.pick(
            "remove it: text fields are plain text, where tabs and line breaks are fine".to_owned(),
            "Entfernen Sie es: Textfelder sind reiner Text, Tabulatoren und Zeilenumbrüche sind \
             erlaubt"
                .to_owned(),
        ),
        Detail::ParameterBinding {
            argument, problem, ..
        } => match problem {
            BindingProblem::Unknown(Some(known)) => l.pick(
                format!("did you mean `-{known}`?"),
                format!("Meinten Sie `-{known}`?"),
            ),
            BindingProblem::Unknown(None) => l.pick(
                "remove the argument; Get-Help shows the cmdlet's parameters".to_owned(),
                "Entfernen Sie das Argument; Get-Help zeigt die Parameter des Cmdlets".to_owned(),
            ),
            BindingProblem::Ambiguous(candidates) => l.pick(
                format!("write the full name, such as `-{}`", candidates[0]),
                format!("Schreiben Sie den vollen Namen, etwa `-{}`", candidates[0]),
            ),
            BindingProblem::Unexpected => l.pick(
                format!("remove `{argument}`, or name its parameter"),
                format!("Entfernen Sie `{argument}`, oder nennen Sie seinen Parameter"),
            ),
            BindingProblem::MissingValue => l.pick(
                format!("write the value after `-{argument}`"),
                format!("Schreiben Sie den Wert hinter `-{argument}`"),
            ),
            BindingProblem::Conflict(_) => l.pick(
                format!("keep only one of them; `-{argument}` names the partner"),
                format!("Behalten Sie nur einen davon; `-{argument}` benennt den Partner"),
            ),
            BindingProblem::Repeated => l.pick(
                "keep one of the two values; PowerShell refuses to run the command".to_owned(),
                "Behalten Sie einen der beiden Werte; PowerShell verweigert den Befehl".to_owned(),
            ),
            BindingProblem::NotSupported => l.pick(
                "name the partner with -Identity and give each setting as a parameter".to_owned(),
                "Benennen Sie den Partner mit -Identity und geben Sie jede Einstellung als \
                 Parameter an"
                    .to_owned(),
            ),
            BindingProblem::NotBoolean => l.pick(
                format!("write `-{argument} $true` or `-{argument} $false`"),
                format!("Schreiben Sie `-{argument} $true` oder `-{argument} $false`"),
            ),
        },
        Detail::SaslRequiresTls { .. } => l.pick(
            format!(
                "{}, or set `saslNegotiation` to `NotSupported` (-SaslNegotiation NotSupported)",
                tls_fix(Negotiation::Required, l)
            ),
            format!(
                "{}, oder setzen Sie `saslNegotiation` auf `NotSupported` (-SaslNegotiation \
                 NotSupported)",
                capitalize(tls_fix(Negotiation::Required, l))
            ),
        ),
        Detail::NoAuthenticationMethod { row } => {
            if row.sasl().is_supported() {
                // M6, M12: TLS is NotSupported, so SASL cannot run.
                l.pick(
                    format!(
                        "{} for SASL over TLS, or turn on `supportDialbackNegotiation` \
                         (-SupportDialbackNegotiation $true) for TCP dialback",
                        tls_fix(Negotiation::Required, l)
                    ),
                    format!(
                        "{} für SASL über TLS, oder schalten Sie `supportDialbackNegotiation` \
                         ein (-SupportDialbackNegotiation $true) für den TCP-Rückruf",
                        capitalize(tls_fix(Negotiation::Required, l))
                    ),
                )
            } else {
                let with_dialback = MatrixRow::classify(row.tls(), row.sasl(), true);
                l.pick(
                    format!(
                        "turn on `supportDialbackNegotiation` (-SupportDialbackNegotiation $true, \
                         row {with_dialback}: {}), or enable SASL with TLS",
                        with_dialback.expected_methods().labels(l)
                    ),
                    format!(
                        "Schalten Sie `supportDialbackNegotiation` ein \
                         (-SupportDialbackNegotiation $true, Zeile {with_dialback}: {}), oder \
                         aktivieren Sie SASL mit TLS",
                        with_dialback.expected_methods().labels(l)
                    ),
                )
            }
        }
        Detail::MatrixTcpDialbackOnly { .. } => l.pick(
            format!(
                "to keep TCP dialback only, set `saslNegotiation` to `NotSupported` (row M17); \
                 to use SASL, {}",
                tls_fix(Negotiation::Required, l)
            ),
            format!(
                "Um nur den TCP-Rückruf zu behalten, setzen Sie `saslNegotiation` auf \
                 `NotSupported` (Zeile M17); um SASL zu nutzen, {}",
                tls_fix(Negotiation::Required, l)
            ),
        ),
        Detail::DialbackInoperative => l.pick(
            "to allow dialback as a fallback, set `saslNegotiation` to `Optional` (row M7); to \
             state that it is off, set `supportDialbackNegotiation` to false (row M2)"
                .to_owned(),
            "Um den Rückruf als Ausweichverfahren zu erlauben, setzen Sie `saslNegotiation` auf \
             `Optional` (Zeile M7); um klarzustellen, dass er aus ist, setzen Sie \
             `supportDialbackNegotiation` auf false (Zeile M2)"
                .to_owned(),
        ),
        Detail::SaslWithOptionalTls { row } => {
            let target = MatrixRow::classify(Negotiation::Required, row.sasl(), row.dialback());
            l.pick(
                format!(
                    "if the partner supports TLS, {}: row {target}, {}",
                    tls_fix(Negotiation::Required, l),
                    target.expected_methods().labels(l)
                ),
                format!(
                    "Sofern der Partner TLS unterstützt, {}: Zeile {target}, {}",
                    tls_fix(Negotiation::Required, l),
                    target.expected_methods().labels(l)
                ),
            )
        }
        Detail::CommonTableDiffers => l.pick(
            "nothing to fix; if the partner offers no TLS, these settings fail rather than fall \
             back to TCP dialback"
                .to_owned(),
            "Nichts zu beheben; bietet der Partner kein TLS an, scheitern diese Einstellungen, \
             statt auf den TCP-Rückruf auszuweichen"
                .to_owned(),
        ),
        Detail::DuplicateAdditionalDomain { domain, .. } => l.pick(
            format!(
                "remove the repeated entry (-AdditionalDomains @{{Remove='{}'}} removes every \
                 copy; add it back once if it is not the primary domain)",
                domain.as_str()
            ),
            format!(
                "Entfernen Sie den wiederholten Eintrag (-AdditionalDomains @{{Remove='{}'}} \
                 entfernt jede Kopie; fügen Sie sie einmal wieder hinzu, wenn sie nicht die \
                 primäre Domäne ist)",
                domain.as_str()
            ),
        ),
        Detail::AdditionalDomainOutsidePrimary { .. } => l.pick(
            "nothing to fix if the partner really serves this domain; otherwise remove it"
                .to_owned(),
            "Nichts zu beheben, wenn der Partner diese Domäne wirklich bedient; sonst entfernen \
             Sie sie"
                .to_owned(),
        ),
        Detail::ConnectionLimitAboveGateway { gateway_limit, .. } => l.pick(
            format!(
                "lower `connectionLimit` to {gateway_limit} or less, or raise the gateway's \
                 limit (Set-CsXmppGatewayConfiguration -PartnerConnectionLimit)"
            ),
            format!(
                "Senken Sie `connectionLimit` auf höchstens {gateway_limit}, oder erhöhen Sie das \
                 Limit des Gateways (Set-CsXmppGatewayConfiguration -PartnerConnectionLimit)"
            ),
        ),
        Detail::ConnectionLimitZero => l.pick(
            "remove `connectionLimit` to use the gateway's per-partner limit, or set it to at \
             least 1"
                .to_owned(),
            "Entfernen Sie `connectionLimit`, um das Limit pro Partner des Gateways zu \
             verwenden, oder setzen Sie es auf mindestens 1"
                .to_owned(),
        ),
        Detail::DescriptionTooLong { .. } => l.pick(
            "shorten the description to 1024 characters; keep longer notes elsewhere".to_owned(),
            "Kürzen Sie die Beschreibung auf 1024 Zeichen; längere Notizen gehören woanders hin"
                .to_owned(),
        ),
        Detail::ProxyNotFullyQualified { proxy } => l.pick(
            format!("enter the full name, such as `{proxy}.fabrikam.com`"),
            format!("Geben Sie den vollständigen Namen ein, etwa `{proxy}.fabrikam.com`"),
        ),
        Detail::SingleLabelDomain { .. } => l.pick(
            "enter the partner's full XMPP domain, such as `fabrikam.com`".to_owned(),
            "Geben Sie die vollständige XMPP-Domäne des Partners ein, etwa `fabrikam.com`"
                .to_owned(),
        ),
        Detail::PublicServiceNegotiation { .. } => l.pick(
            "set TLS and SASL to `NotSupported` and dialback on (-TlsNegotiation NotSupported \
             -SaslNegotiation NotSupported -SupportDialbackNegotiation $true), row M17"
                .to_owned(),
            "Setzen Sie TLS und SASL auf `NotSupported` und schalten Sie den Rückruf ein \
             (-TlsNegotiation NotSupported -SaslNegotiation NotSupported \
             -SupportDialbackNegotiation $true), Zeile M17"
                .to_owned(),
        ),
        Detail::PublicServiceKeepAlive { .. } => l.pick(
            "set `enableKeepAlive` to false (-EnableKeepAlive $false)".to_owned(),
            "Setzen Sie `enableKeepAlive` auf false (-EnableKeepAlive $false)".to_owned(),
        ),
        Detail::PublicServicePartnerType { .. } => l.pick(
            "set `partnerType` to `PublicUnverified` (-PartnerType PublicUnverified)".to_owned(),
            "Setzen Sie `partnerType` auf `PublicUnverified` (-PartnerType PublicUnverified)"
                .to_owned(),
        ),
        Detail::MixedScriptDomain { domain, .. } => l.pick(
            format!(
                "check with the partner that `{}` is really their domain; retype it from a \
                 trusted source",
                domain.as_str()
            ),
            format!(
                "Klären Sie mit dem Partner, dass `{}` wirklich seine Domäne ist; geben Sie sie \
                 aus einer vertrauenswürdigen Quelle neu ein",
                domain.as_str()
            ),
        ),
        Detail::GoogleFederationEnded {
            domain,
            additional: false,
        } => l.pick(
            format!(
                "remove the partner (Remove-CsXmppAllowedPartner -Identity '{}'), or keep it \
                 only as a record: no setting makes it connect",
                domain.as_str()
            ),
            format!(
                "Entfernen Sie den Partner (Remove-CsXmppAllowedPartner -Identity '{}') oder \
                 behalten Sie ihn nur zur Dokumentation: Keine Einstellung bringt eine \
                 Verbindung zustande",
                domain.as_str()
            ),
        ),
        Detail::GoogleFederationEnded {
            domain,
            additional: true,
        } => l.pick(
            format!(
                "remove `{domain}` from the additional domains (-AdditionalDomains \
                 @{{Remove='{}'}}): no setting makes it connect",
                domain.as_str()
            ),
            format!(
                "Entfernen Sie `{domain}` aus den zusätzlichen Domänen (-AdditionalDomains \
                 @{{Remove='{}'}}): Keine Einstellung bringt eine Verbindung zustande",
                domain.as_str()
            ),
        ),
        Detail::DomainClaimedTwice { domain, claimed_by } => l.pick(
            format!(
                "keep `{domain}` in one partner only: remove it here, or from `{claimed_by}` \
                 (-AdditionalDomains @{{Remove='{}'}})",
                domain.as_str()
            ),
            format!(
                "Behalten Sie `{domain}` nur bei einem Partner: Entfernen Sie sie hier oder bei \
                 `{claimed_by}` (-AdditionalDomains @{{Remove='{}'}})",
                domain.as_str()
            ),
        ),
        Detail::DuplicatePartner { identity, .. } => l.pick(
            format!("keep one entry for `{identity}` and merge the settings into it"),
            format!(
                "Behalten Sie einen Eintrag für `{identity}` und führen Sie die Einstellungen \
                 darin zusammen"
            ),
        ),
        Detail::ConnectionLimitsExceedGateway { sum, .. } => l.pick(
            format!(
                "raise the gateway's limit to {sum} (Set-CsXmppGatewayConfiguration \
                 -ConnectionLimit {sum}), or lower the partners' limits"
            ),
            format!(
                "Erhöhen Sie das Limit des Gateways auf {sum} (Set-CsXmppGatewayConfiguration \
                 -ConnectionLimit {sum}), oder senken Sie die Limits der Partner"
            ),
        ),
        Detail::ConfusableDomain { domain, .. } => l.pick(
            format!(
                "check with the partner that `{}` is really theirs; if it is a lookalike, \
                 remove it",
                domain.as_str()
            ),
            format!(
                "Klären Sie mit dem Partner, dass `{}` wirklich ihm gehört; ist es eine \
                 Nachahmung, entfernen Sie sie",
                domain.as_str()
            ),
        ),
        Detail::PartnerLimitAboveTotal { total, .. } => l.pick(
            format!(
                "set the per-partner limit to {total} or less (Set-CsXmppGatewayConfiguration \
                 -PartnerConnectionLimit)"
            ),
            format!(
                "Setzen Sie das Limit pro Partner auf höchstens {total} \
                 (Set-CsXmppGatewayConfiguration -PartnerConnectionLimit)"
            ),
        ),
        Detail::MessageBodyLogging => l.pick(
            "turn it off unless policy requires it (Set-CsXmppGatewayConfiguration \
             -EnableLoggingAllMessageBodies $false)"
                .to_owned(),
            "Schalten Sie es aus, sofern keine Richtlinie es verlangt \
             (Set-CsXmppGatewayConfiguration -EnableLoggingAllMessageBodies $false)"
                .to_owned(),
        ),
        Detail::ZeroInterval { field } => l.pick(
            format!("remove `{field}` to use the default, or set a number of seconds above 0"),
            format!(
                "Entfernen Sie `{field}`, um den Standardwert zu verwenden, oder setzen Sie eine \
                 Sekundenzahl über 0"
            ),
        ),
        Detail::UnknownPartner { suggestion, .. } => match suggestion {
            Some(known) => l.pick(
                format!("did you mean `{known}`?"),
                format!("Meinten Sie `{known}`?"),
            ),
            None => l.pick(
                "create the partner first (New-CsXmppAllowedPartner)".to_owned(),
                "Legen Sie den Partner zuerst an (New-CsXmppAllowedPartner)".to_owned(),
            ),
        },
        Detail::PartnerExists { identity } => l.pick(
            format!(
                "edit the existing partner instead (Set-CsXmppAllowedPartner -Identity '{}')",
                identity.as_str()
            ),
            format!(
                "Bearbeiten Sie stattdessen den vorhandenen Partner (Set-CsXmppAllowedPartner \
                 -Identity '{}')",
                identity.as_str()
            ),
        ),
    }
}
