//! The translation table of the page's own labels, in English and German. Texts about partners,
//! diagnostics, the matrix and the trace come from the core, already in the chosen language.
//! A `{}` in a text is filled in by the caller, in order.

use xmpp_federation::Language;

macro_rules! texts {
    ($($key:ident => $en:literal, $de:literal;)*) => {
        /// A label of the page.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum T {
            $($key,)*
        }

        impl T {
            /// Every label, for the test that both languages are complete.
            #[cfg(test)]
            pub const ALL: &'static [T] = &[$(T::$key,)*];

            /// The label in `language`.
            pub fn text(self, language: Language) -> String {
                let (en, de) = match self {
                    $(T::$key => ($en, $de),)*
                };
                language.pick(en, de).to_owned()
            }
        }
    };
}

texts! {
    AppTitle => "XMPP federation playground", "XMPP-Föderation: Playground";
    Tagline => "Lync and Skype for Business XMPP federated partners: validate them, and watch them negotiate.",
        "XMPP-Verbundpartner von Lync und Skype for Business: prüfen und beim Aushandeln zusehen.";
    SkipToContent => "Skip to content", "Zum Inhalt springen";
    Language => "Language", "Sprache";
    Theme => "Theme", "Farbschema";
    ThemeSystem => "as the system", "wie das System";
    ThemeLight => "light", "hell";
    ThemeDark => "dark", "dunkel";
    Share => "Copy share link", "Link zum Teilen kopieren";
    LinkCopied => "Share link copied. It holds the whole state; nothing is stored on a server.",
        "Link kopiert. Er enthält den ganzen Zustand; nichts wird auf einem Server gespeichert.";
    Sections => "Sections", "Bereiche";
    SectionPartners => "XMPP Federated Partners", "XMPP-Verbundpartner";
    SectionNegotiation => "Negotiation", "Aushandlung";
    SectionMatrix => "Matrix", "Matrix";
    SectionContacts => "Contacts", "Kontakte";
    SectionTransfer => "Import and export", "Import und Export";
    Privacy => "Everything runs in your browser. No request leaves this page for any other host: no analytics, no fonts or scripts from elsewhere. Your work is kept in this browser's local storage and in the links you share.",
        "Alles läuft in Ihrem Browser. Keine Anfrage verlässt diese Seite zu einem anderen Host: keine Analyse, keine Schriften oder Skripte von anderswo. Ihre Arbeit bleibt im lokalen Speicher dieses Browsers und in den Links, die Sie teilen.";
    Engine => "Engine", "Engine";
    Sources => "Rules from the Lync Server 2013 documentation, RFC 6120, XEP-0178, XEP-0220 and XEP-0185.",
        "Regeln aus der Dokumentation zu Lync Server 2013, RFC 6120, XEP-0178, XEP-0220 und XEP-0185.";
    Dismiss => "Dismiss", "Schließen";
    PartnersTitle => "XMPP Federated Partners", "XMPP-Verbundpartner";
    New => "New", "Neu";
    Edit => "Edit", "Bearbeiten";
    Delete => "Delete", "Löschen";
    Cancel => "Cancel", "Abbrechen";
    Commit => "Commit", "Commit";
    ConfirmDelete => "Delete the partner {}? Its users can no longer reach yours.",
        "Den Partner {} löschen? Seine Benutzer erreichen Ihre dann nicht mehr.";
    Deleted => "{} was deleted.", "{} wurde gelöscht.";
    NoPartners => "No partners yet. Choose New to add one.", "Noch keine Partner. Wählen Sie Neu, um einen hinzuzufügen.";
    PrimaryDomain => "Primary domain", "Primäre Domäne";
    PrimaryDomainHint => "The partner's base domain, such as fabrikam.com. It is the partner's identity and cannot change once committed.",
        "Die Basisdomäne des Partners, etwa fabrikam.com. Sie ist die Identität des Partners und ändert sich nach dem Commit nicht mehr.";
    PartnerType => "Partner type", "Partnertyp";
    DialbackShort => "Dialback", "Rückruf";
    Row => "Row", "Zeile";
    Methods => "Authentication methods", "Authentifizierungsmethoden";
    Findings => "Findings", "Befunde";
    True => "True", "True";
    False => "False", "False";
    Errors => "errors", "Fehler";
    Warnings => "warnings", "Warnungen";
    NoMethod => "none: not a valid configuration", "keine: keine gültige Konfiguration";
    VerdictValid => "valid", "gültig";
    VerdictWarning => "valid, with a warning", "gültig, mit Warnung";
    VerdictNotValid => "not valid", "nicht gültig";
    CommonConfiguration => "One of the documentation's common configurations", "Eine der üblichen Konfigurationen der Dokumentation";
    RefusedByControlPanel => "refused by the Control Panel", "von der Systemsteuerung abgelehnt";
    NothingSelected => "No partner selected", "Kein Partner ausgewählt";
    NothingSelectedHint => "Select a partner in the list, or create one with New.", "Wählen Sie einen Partner in der Liste aus, oder legen Sie mit Neu einen an.";
    WatchNegotiation => "Watch the negotiation", "Aushandlung ansehen";
    Domains => "Domains", "Domänen";
    Description => "Description", "Beschreibung";
    NoFindings => "Nothing to report: the Control Panel would commit this partner.", "Nichts zu melden: Die Systemsteuerung würde diesen Partner übernehmen.";
    Error => "error", "Fehler";
    Warning => "warning", "Warnung";
    Info => "note", "Hinweis";
    EditPartner => "Edit {}", "{} bearbeiten";
    NewPartner => "New XMPP federated partner", "Neuer XMPP-Verbundpartner";
    NotSaved => "Not saved.", "Nicht gespeichert.";
    CommitRefused => "Commit refused (errors: {}). Nothing was saved.", "Commit abgelehnt (Fehler: {}). Nichts wurde gespeichert.";
    Committed => "{} committed.", "{} übernommen.";
    Partner => "Partner", "Partner";
    AdditionalDomains => "Additional domains", "Zusätzliche Domänen";
    AdditionalDomain => "Additional domain", "Zusätzliche Domäne";
    AddDomain => "Add domain", "Domäne hinzufügen";
    RemoveDomain => "Remove {}", "{} entfernen";
    Negotiation => "Negotiation", "Aushandlung";
    TlsNegotiation => "TLS negotiation", "TLS-Aushandlung";
    SaslNegotiation => "SASL negotiation", "SASL-Aushandlung";
    DialbackNegotiation => "Support server dialback negotiation", "Serverrückruf-Aushandlung unterstützen";
    Connection => "Connection", "Verbindung";
    KeepAlive => "Keep-alive (-EnableKeepAlive)", "Keep-Alive (-EnableKeepAlive)";
    ConnectionLimit => "Connection limit (-ConnectionLimit)", "Verbindungslimit (-ConnectionLimit)";
    ConnectionLimitHint => "Empty: the gateway's limit of 20 connections per partner applies.", "Leer: Es gilt das Limit des Gateways von 20 Verbindungen je Partner.";
    ProxyFqdn => "Partner's proxy FQDN (-ProxyFqdn)", "FQDN des Partner-Proxys (-ProxyFqdn)";
    RowLoaded => "Row {} loaded into the editor (XMPP Federated Partners); Commit there to keep it.", "Zeile {} in den Editor geladen (XMPP-Verbundpartner); dort mit Commit übernehmen.";
    FixApplied => "Fix applied: {}. The negotiation was played again.", "Behebung angewendet: {}. Die Aushandlung wurde erneut abgespielt.";
    FixAppliedToDraft => "Fix applied in the editor: {}. The negotiation plays the unsaved entry; Commit it to keep it.",
        "Behebung im Editor angewendet: {}. Die Aushandlung spielt den nicht gespeicherten Eintrag; übernehmen Sie ihn mit Commit.";
    SharedLink => "Shared link", "Geteilter Link";
    SharedViewing => "You are viewing a shared link. Your own list is kept and comes back on a reload until you choose.",
        "Sie sehen einen geteilten Link. Ihre eigene Liste bleibt erhalten und kommt beim Neuladen zurück, bis Sie wählen.";
    KeepOwn => "Keep my own list", "Meine eigene Liste behalten";
    ReplaceOwn => "Replace my list with the shared one", "Meine Liste durch die geteilte ersetzen";
    AddShared => "Add the shared partners to mine", "Die geteilten Partner zu meinen hinzufügen";
    SharedAdded => "Shared partners added to your list: {}.", "Zu Ihrer Liste hinzugefügte geteilte Partner: {}.";
    SharedRefused => "Not added, as Commit refuses them beside yours: {}.", "Nicht hinzugefügt, da Commit sie neben Ihren ablehnt: {}.";
    Undo => "Undo", "Rückgängig";
    Undone => "Undone.", "Rückgängig gemacht.";
    FindingsSummary => "{} errors · {} warnings · {} notes", "{} Fehler · {} Warnungen · {} Hinweise";
    SeeFields => "Nothing was committed: the fields marked below have errors. Fix them and commit again; warnings do not block.",
        "Nichts wurde übernommen: Die unten markierten Felder enthalten Fehler. Beheben Sie sie und führen Sie Commit erneut aus; Warnungen blockieren nicht.";
    ConfirmReplace => "Replace all {} partners of the list?", "Alle {} Partner der Liste ersetzen?";
    Line => "line {}", "Zeile {}";
    MatrixVerdictRefused => "the matrix lists it, but the Control Panel refuses to commit it", "die Matrix führt sie, aber die Systemsteuerung übernimmt sie nicht";
    CommonExplained => "C1 to C4 mark the documentation's four common configurations.", "C1 bis C4 markieren die vier üblichen Konfigurationen der Dokumentation.";
    Selected => "selected", "ausgewählt";
    NoPartnerToNegotiate => "No partner yet", "Noch kein Partner";
    NoPartnerToNegotiateHint => "Create a partner first: the negotiation plays its settings against a partner's server.",
        "Legen Sie zuerst einen Partner an: Die Aushandlung spielt seine Einstellungen gegen den Server eines Partners durch.";
    PartnerEntry => "Our entry for the partner", "Unser Eintrag für den Partner";
    UsingDraft => "The unsaved changes to {} are played.", "Die nicht gespeicherten Änderungen an {} werden durchgespielt.";
    ScenarioIncomplete => "The negotiation cannot be played yet.", "Die Aushandlung lässt sich noch nicht abspielen.";
    PartnerServer => "The partner's server", "Der Server des Partners";
    Server => "Server", "Server";
    CustomPolicy => "A policy of my own", "Eine eigene Richtlinie";
    PresetModified => "Changed from the preset.", "Gegenüber der Vorlage geändert.";
    HistoricalPresets => "No longer federating", "Föderiert nicht mehr";
    KnownAs => "How the simulator knows this server:", "Woher der Simulator diesen Server kennt:";
    HistoricalPreset => "Historical: this service no longer federates; the negotiation shows how it once did.",
        "Historisch: Dieser Dienst föderiert nicht mehr; die Aushandlung zeigt, wie er es einst tat.";
    ServerOptions => "The server's own options for this policy", "Die eigenen Optionen des Servers für diese Richtlinie";
    Certificate => "Certificate", "Zertifikat";
    ServerDomain => "Domain of the partner's server", "Domäne des Partnerservers";
    OtherDomain => "another domain (not claimed by the partner)", "eine andere Domäne (nicht vom Partner beansprucht)";
    DialbackEnabled => "Server dialback enabled", "Serverrückruf aktiviert";
    StrictValidation => "Ends the session on an invalid certificate (strict validation)", "Beendet die Sitzung bei ungültigem Zertifikat (strenge Prüfung)";
    OurSide => "Our side", "Unsere Seite";
    OurDomain => "Our domain", "Unsere Domäne";
    EdgeCertificate => "Edge server certificate", "Zertifikat des Edgeservers";
    Conditions => "Conditions", "Bedingungen";
    Direction => "Direction", "Richtung";
    AuthoritativeReachable => "The authoritative server can be reached", "Der autoritative Server ist erreichbar";
    KeyVerifies => "The authoritative server confirms the dialback key", "Der autoritative Server bestätigt den Rückrufschlüssel";
    TraceControls => "Trace controls", "Steuerung der Ablaufverfolgung";
    Reset => "First step", "Erster Schritt";
    StepBack => "Step back", "Schritt zurück";
    StepForward => "Step forward", "Schritt vor";
    Play => "Play", "Abspielen";
    Pause => "Pause", "Pause";
    ShowAll => "Show all", "Alle zeigen";
    AllSteps => "All {} steps", "Alle {} Schritte";
    StepOf => "Step {} of {}", "Schritt {} von {}";
    KeysHint => "← → step, Home/End", "← → Schritt, Pos1/Ende";
    StreamId => "stream", "Datenstrom";
    Encrypted => "encrypted", "verschlüsselt";
    Plaintext => "plain TCP", "unverschlüsseltes TCP";
    XmlOnTheWire => "The XML on the wire", "Das XML auf der Leitung";
    CausedBy => "Caused by", "Ausgelöst durch";
    Specification => "Specification", "Spezifikation";
    AtFault => "At fault:", "Ursache bei:";
    CopyStepLink => "Copy a link to this step", "Link zu diesem Schritt kopieren";
    StepLinkCopied => "Link to this step copied.", "Link zu diesem Schritt kopiert.";
    ApplyFix => "Apply fix", "Behebung anwenden";
    Established => "Established", "Aufgebaut";
    Failed => "Failed", "Gescheitert";
    CertificateAuthenticated => "authenticated by certificate", "per Zertifikat authentifiziert";
    DomainVerified => "domain verified by dialback", "Domäne per Rückruf verifiziert";
    FederationLevel => "Federation level", "Föderationsstufe";
    GoToStep => "Go to step {}", "Zu Schritt {}";
    NoSingleFix => "No single change fixes it.", "Keine einzelne Änderung behebt es.";
    ExportTrace => "Export the trace:", "Ablauf exportieren:";
    CopyMermaid => "Copy Mermaid", "Mermaid kopieren";
    MermaidCopied => "Mermaid diagram copied.", "Mermaid-Diagramm kopiert.";
    Text => "Text", "Text";
    MatrixTitle => "Negotiation matrix", "Aushandlungsmatrix";
    MatrixIntro => "All 18 combinations of TLS, SASL and dialback, and the authentication methods each can end with, as the simulator finds them. The current settings' row is marked; choose a row to load its settings into the editor.",
        "Alle 18 Kombinationen aus TLS, SASL und Rückruf und die Authentifizierungsmethoden, mit denen jede enden kann, wie der Simulator sie findet. Die Zeile der aktuellen Einstellungen ist markiert; wählen Sie eine Zeile, um ihre Einstellungen in den Editor zu laden.";
    Verdict => "Verdict", "Bewertung";
    Note => "Note", "Anmerkung";
    LoadRow => "Load these settings into the editor", "Diese Einstellungen in den Editor laden";
    ContactsTitle => "Who can add whom", "Wer wen hinzufügen kann";
    PartnerTypeOf => "Partner type of {}:", "Partnertyp von {}:";
    Meaning => "What it means for contacts", "Bedeutung für Kontakte";
    LyncUser => "Lync user", "Lync-Benutzer";
    XmppUser => "XMPP user", "XMPP-Benutzer";
    XmppDomain => "XMPP user's domain", "Domäne des XMPP-Benutzers";
    NotAPartner => "a domain no partner claims", "eine Domäne, die kein Partner beansprucht";
    Requester => "Who adds whom", "Wer fügt wen hinzu";
    XmppUserAdds => "the XMPP user adds the Lync user", "der XMPP-Benutzer fügt den Lync-Benutzer hinzu";
    LyncUserAdds => "the Lync user adds the XMPP user", "der Lync-Benutzer fügt den XMPP-Benutzer hinzu";
    EnableXmppAccess => "The Lync user's external access policy has EnableXmppAccess", "Die Richtlinie für externen Zugriff des Lync-Benutzers hat EnableXmppAccess";
    InvitedFirst => "The Lync user has already invited the XMPP user", "Der Lync-Benutzer hat den XMPP-Benutzer bereits eingeladen";
    Approved => "Approved", "Zugestimmt";
    NotApproved => "Not approved", "Nicht zugestimmt";
    PresenceVisible => "presence visible", "Anwesenheit sichtbar";
    StatusNotes => "status notes", "Statusnotizen";
    Messages => "messages", "Nachrichten";
    Yes => "yes", "ja";
    No => "no", "nein";
    Import => "Import", "Import";
    ImportHint => "Paste or choose a partner list: JSON, XML, a PowerShell script of New-/Set-CsXmppAllowedPartner, or the output of Get-CsXmppAllowedPartner | Format-List. The format is detected.",
        "Fügen Sie eine Partnerliste ein oder wählen Sie eine Datei: JSON, XML, ein PowerShell-Skript mit New-/Set-CsXmppAllowedPartner oder die Ausgabe von Get-CsXmppAllowedPartner | Format-List. Das Format wird erkannt.";
    PasteDocument => "Partner list", "Partnerliste";
    ReadDocument => "Read", "Lesen";
    ChooseFile => "Choose a file…", "Datei auswählen…";
    Unreadable => "The document cannot be read.", "Das Dokument lässt sich nicht lesen.";
    ReadAs => "Read as {}.", "Gelesen als {}.";
    ImportCounts => "Partner entries: {}. Errors: {}. Warnings: {}.", "Partnereinträge: {}. Fehler: {}. Warnungen: {}.";
    ImportRefused => "Not imported: an import replaces the list as one commit, and Commit would refuse these partners. Fix them in the document and read it again; your list is unchanged.",
        "Nicht importiert: Ein Import ersetzt die Liste als ein Commit, und Commit würde diese Partner ablehnen. Beheben Sie sie im Dokument und lesen Sie es erneut; Ihre Liste bleibt unverändert.";
    ExportRefused => "Not exported: Commit would refuse these partners, so the export would not be a list Lync accepts. Fix them under XMPP Federated Partners.",
        "Nicht exportiert: Commit würde diese Partner ablehnen, daher wäre der Export keine Liste, die Lync annimmt. Beheben Sie sie unter XMPP-Verbundpartner.";
    ReplaceList => "Replace the list with these {} partners", "Die Liste durch diese {} Partner ersetzen";
    Imported => "Partners imported: {}.", "Importierte Partner: {}.";
    Export => "Export", "Export";
    Format => "Format", "Format";
    Download => "Download", "Herunterladen";
    Copy => "Copy", "Kopieren";
    Copied => "Copied.", "Kopiert.";
    SelectedPowerShell => "PowerShell for the selected partner", "PowerShell für den ausgewählten Partner";
    CopyPowerShell => "Copy PowerShell", "PowerShell kopieren";
    LinkUnreadable => "This share link could not be read; your current work is kept.", "Dieser Link ließ sich nicht lesen; Ihre aktuelle Arbeit bleibt erhalten.";
    LinkTooLong => "It is longer than any link the playground writes.", "Er ist länger als jeder Link, den der Playground schreibt.";
    LinkDamaged => "It is damaged or incomplete; copy it again.", "Er ist beschädigt oder unvollständig; kopieren Sie ihn erneut.";
    LinkNotState => "It does not hold a playground state.", "Er enthält keinen Zustand des Playgrounds.";
    LinkVersion => "It was made by a later version of the playground (format {}).", "Er stammt von einer neueren Version des Playgrounds (Format {}).";
    LinkDropped => "Partners of the link left out, as Commit would refuse them: {}.", "Partner des Links ausgelassen, da Commit sie ablehnen würde: {}.";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_exists_in_both_languages() {
        for key in T::ALL {
            let en = key.text(Language::English);
            let de = key.text(Language::German);
            assert!(!en.is_empty() && !de.is_empty(), "{key:?}");
            assert_eq!(
                en.matches("{}").count(),
                de.matches("{}").count(),
                "{key:?}"
            );
        }
    }
}
