## Notices: the messages that appear for a moment at the bottom of the page after an action.

link-copied = Share link copied. It holds the whole state; nothing is stored on a server.
notice-deleted = { $domain } was deleted.
commit-refused = Commit refused ({ $errors ->
        [one] 1 error
       *[other] errors: { $errors }
    }). Nothing was saved.
notice-committed = { $domain } committed.
row-loaded = Row { $row } loaded into the editor (XMPP Federated Partners); Commit there to keep it.
fix-applied = Fix applied: { $fix }. The negotiation was played again.
fix-applied-to-draft = Fix applied in the editor: { $fix }. The negotiation plays the unsaved entry; Commit it to keep it.
shared-added = { $count ->
        [one] Shared partner added to your list: 1.
       *[other] Shared partners added to your list: { $count }.
    }
notice-undone = Undone.
step-link-copied = Link to this step copied.
mermaid-copied = Mermaid diagram copied.
notice-imported = { $count ->
        [one] Partner imported: 1.
       *[other] Partners imported: { $count }.
    }
notice-copied = Copied.
link-unreadable = This share link could not be read; your current work is kept. { $reason }
link-too-long = It is longer than any link the playground writes.
link-damaged = It is damaged or incomplete; copy it again.
link-not-state = It does not hold a playground state. ({ $detail })
link-version = It was made by a later version of the playground (format { $version }).
link-dropped = Partners of the link left out, as Commit would refuse them: { $partners }.
notice-shared-added-refused = { $count ->
        [one] Shared partner added to your list: 1.
       *[other] Shared partners added to your list: { $count }.
    } Not added, as Commit refuses them beside yours: { $partners }.
