## Meldungen: die Nachrichten, die nach einer Aktion kurz unten auf der Seite erscheinen.

link-copied = Link kopiert. Er enthält den ganzen Zustand; nichts wird auf einem Server gespeichert.
notice-deleted = { $domain } wurde gelöscht.
commit-refused = Commit abgelehnt ({ $errors ->
        [one] 1 Fehler
       *[other] Fehler: { $errors }
    }). Nichts wurde gespeichert.
notice-committed = { $domain } übernommen.
row-loaded = Zeile { $row } in den Editor geladen (XMPP-Verbundpartner); dort mit Commit übernehmen.
fix-applied = Behebung angewendet: { $fix }. Die Aushandlung wurde erneut abgespielt.
fix-applied-to-draft = Behebung im Editor angewendet: { $fix }. Die Aushandlung spielt den nicht gespeicherten Eintrag; übernehmen Sie ihn mit Commit.
shared-added = { $count ->
        [one] Zu Ihrer Liste hinzugefügter geteilter Partner: 1.
       *[other] Zu Ihrer Liste hinzugefügte geteilte Partner: { $count }.
    }
notice-undone = Rückgängig gemacht.
step-link-copied = Link zu diesem Schritt kopiert.
mermaid-copied = Mermaid-Diagramm kopiert.
notice-imported = { $count ->
        [one] Importierter Partner: 1.
       *[other] Importierte Partner: { $count }.
    }
notice-copied = Kopiert.
link-unreadable = Dieser Link ließ sich nicht lesen; Ihre aktuelle Arbeit bleibt erhalten. { $reason }
link-too-long = Er ist länger als jeder Link, den der Playground schreibt.
link-damaged = Er ist beschädigt oder unvollständig; kopieren Sie ihn erneut.
link-not-state = Er enthält keinen Zustand des Playgrounds. ({ $detail })
link-version = Er stammt von einer neueren Version des Playgrounds (Format { $version }).
link-dropped = Partner des Links ausgelassen, da Commit sie ablehnen würde: { $partners }.
notice-shared-added-refused = { $count ->
        [one] Zu Ihrer Liste hinzugefügter geteilter Partner: 1.
       *[other] Zu Ihrer Liste hinzugefügte geteilte Partner: { $count }.
    } Nicht hinzugefügt, da Commit sie neben Ihren ablehnt: { $partners }.
