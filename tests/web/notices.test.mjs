// Notices and other texts that carry data are kept as messages of the catalogue and drawn in
// the page's language: switching the language translates a notice that is already shown, the
// import result and the counts, and switching back brings the English again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertClean, openPlayground, text, withBrowser } from "../playground.mjs";

const FABRIKAM = 'New-CsXmppAllowedPartner -Identity "fabrikam.com" -SaslNegotiation Optional -PartnerType Federated';

test("a notice that is shown follows the language switch, and back", () =>
  withBrowser(async (browser) => {
    const session = await openPlayground(browser);
    const { page } = session;
    // A delete: a notice with an undo, which stays long enough to switch the language.
    await page.click('#partner-table tr[data-domain="gmail.com"]');
    await page.click("#delete-partner");
    await page.click("#confirm-delete");
    await page.waitForSelector("#notice");
    assert.equal(await text(page, "#notice span"), "gmail.com was deleted.");
    assert.equal(await text(page, "#undo"), "Undo");

    await page.selectOption("#language", "de");
    await page.waitForFunction(() => document.documentElement.lang === "de");
    assert.equal(await text(page, "#notice span"), "gmail.com wurde gelöscht.");
    assert.equal(await text(page, "#undo"), "Rückgängig");
    assert.equal(await page.getAttribute("#notice button.ghost", "aria-label"), "Schließen");
    assert.equal(await text(page, "#tab-partners"), "XMPP-Verbundpartner");
    assert.equal(await text(page, "#new-partner"), "Neu");

    await page.selectOption("#language", "en");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal(await text(page, "#notice span"), "gmail.com was deleted.");
    assert.equal(await text(page, "#undo"), "Undo");
    assert.equal(await text(page, "#tab-partners"), "XMPP Federated Partners");

    // The undo still brings the partner back, and says so in the language of the moment.
    await page.selectOption("#language", "de");
    await page.click("#undo");
    await page.waitForSelector('#partner-table tr[data-domain="gmail.com"]');
    assert.equal(await text(page, "#notice span"), "Rückgängig gemacht.");
    assertClean(session);
  }));

test("a refused commit's notice and the editor's texts follow the language", () =>
  withBrowser(async (browser) => {
    const session = await openPlayground(browser);
    const { page } = session;
    await page.click("#new-partner");
    await page.fill("#field-domain", "northwind.example");
    // A connection limit that is not a number: one error.
    await page.fill("#field-connection-limit", "many");
    await page.click("#commit");
    await page.waitForSelector("#commit-refused");
    // One blocking error: no "errors: 1".
    assert.equal(await text(page, "#notice span"), "Commit refused (1 error). Nothing was saved.");
    assert.match(await text(page, "#diagnostic-counts"), /^1 error · /);

    await page.selectOption("#language", "de");
    await page.waitForFunction(() => document.documentElement.lang === "de");
    assert.equal(await text(page, "#notice span"), "Commit abgelehnt (1 Fehler). Nichts wurde gespeichert.");
    assert.match(await text(page, "#commit-refused"), /Nicht gespeichert/);
    assert.match(await text(page, "#diagnostic-counts"), /^1 Fehler · /);
    assert.equal(await text(page, "#editor-title"), "Neuer XMPP-Verbundpartner");

    await page.selectOption("#language", "en");
    assert.equal(await text(page, "#notice span"), "Commit refused (1 error). Nothing was saved.");
    assertClean(session);
  }));

test("an import's result, its counts and its notice follow the language, in the singular", () =>
  withBrowser(async (browser) => {
    const session = await openPlayground(browser);
    const { page } = session;
    await page.click("#tab-transfer");
    await page.fill("#import-text", FABRIKAM);
    await page.click("#import-read");
    await page.waitForSelector("#import-replace");
    assert.match(await text(page, "#import-result"), /Read as PowerShell\./);
    assert.match(await text(page, "#import-result"), /Partner entry: 1\./);
    assert.equal(await text(page, "#import-replace"), "Replace the list with this 1 partner");

    await page.selectOption("#language", "de");
    await page.waitForFunction(() => document.documentElement.lang === "de");
    assert.match(await text(page, "#import-result"), /Gelesen als PowerShell\./);
    assert.match(await text(page, "#import-result"), /Partnereintrag: 1\./);
    assert.equal(await text(page, "#import-replace"), "Die Liste durch diesen 1 Partner ersetzen");
    await page.click("#import-replace");
    // Four partners in the list today.
    assert.equal(await text(page, "#confirm-replace-text"), "Alle 4 Partner der Liste ersetzen?");
    await page.click("#import-confirm");
    await page.waitForSelector("#notice");
    assert.equal(await text(page, "#notice span"), "Importierter Partner: 1.");

    await page.selectOption("#language", "en");
    await page.waitForFunction(() => document.documentElement.lang === "en");
    assert.equal(await text(page, "#notice span"), "Partner imported: 1.");
    assertClean(session);
  }));
