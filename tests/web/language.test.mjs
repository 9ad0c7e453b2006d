// Languages: the browser's language by default, a switch, and every text translated,
// diagnostics and trace texts from the core included.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertClean, openPlayground, screenshot, text, withBrowser } from "../playground.mjs";

test("German from the browser's language, and the switch", () =>
  withBrowser(async (browser) => {
    const session = await openPlayground(browser, { locale: "de-DE" });
    const { page } = session;
    assert.equal(await page.getAttribute("html", "lang"), "de");
    assert.equal(await text(page, "#tab-partners"), "XMPP-Verbundpartner");
    // A finding from the core, in German.
    await page.click('#partner-table tr[data-domain="litwareinc.com"]');
    assert.match(await text(page, "#diagnostics"), /SASL erfordert TLS/);
    await page.click("#tab-negotiation");
    await page.click("#step-reset");
    assert.match(await text(page, "#step-1 .card"), /Der initiierende Server/);
    await screenshot(page, "negotiation-de");
    await page.selectOption("#language", "en");
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await text(page, "#tab-partners"), "XMPP Federated Partners");
    assert.match(await text(page, "#step-1 .card"), /The initiating server/);
    assertClean(session);
  }));
