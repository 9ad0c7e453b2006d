// The negotiation: stepping through a Prosody-default partner's TLS dialback, and a failing
// case fixed with one click.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertClean, openPlayground, screenshot, text, withBrowser } from "../playground.mjs";

test("a Prosody-default partner negotiates TLS dialback, step by step", () =>
  withBrowser(async (browser) => {
    const session = await openPlayground(browser);
    const { page } = session;
    await page.click("#tab-negotiation");
    await page.selectOption("#negotiated-partner", "adatum.com");
    await page.selectOption("#server-preset", "prosody");
    // Our Edge certificate is self-signed: Prosody keeps the encryption and verifies us by
    // dialback (RFC 7590 §3.4).
    await page.selectOption("#our-certificate", "SelfSigned");
    await page.waitForFunction(() => /TLS Dialback/.test(document.querySelector("#outcome")?.textContent ?? ""));
    await page.click("#step-reset");
    assert.match(await text(page, "#step-position"), /^Step 1 of (\d+)$/);
    const total = Number((await text(page, "#step-position")).match(/of (\d+)/)[1]);
    assert.ok(total > 20, `${total} steps`);
    // The arrow keys step; the current card shows its XML, explanation, cause and section.
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    assert.equal(await text(page, "#step-position"), `Step 6 of ${total}`);
    const card = page.locator("#step-6 .card");
    assert.match(await card.locator(".xml").textContent(), /<stream:features><starttls/);
    assert.match(await card.textContent(), /RFC 6120 §5\.4\.1/);
    assert.match(await card.textContent(), /tls=Required/);
    await page.keyboard.press("ArrowLeft");
    assert.equal(await text(page, "#step-position"), `Step 5 of ${total}`);
    await page.click("#step-forward");
    await page.click("#step-back");
    assert.equal(await text(page, "#step-position"), `Step 5 of ${total}`);
    // The dialback key step carries the real HMAC over the post-TLS stream id.
    await page.click("#step-all");
    const key = page.locator(".step .label", { hasText: "sends the dialback key" });
    await key.click();
    const keyCard = page.locator(".step.current .card");
    assert.match(await keyCard.locator(".xml").textContent(), /<db:result from="contoso\.com" to="adatum\.com">[0-9a-f]{64}<\/db:result>/);
    assert.match(await text(page, "#outcome"), /encrypted/);
    await screenshot(page, "negotiation");
    // Play runs on to the end by itself.
    await page.click("#step-reset");
    await page.click("#play");
    await page.waitForFunction((total) => document.querySelector("#step-position")?.textContent === `Step 3 of ${total}`, total, { timeout: 10_000 });
    await page.click("#play");
    assertClean(session);
  }));

test("a failing negotiation says who is at fault, and Apply fix makes it work", () =>
  withBrowser(async (browser) => {
    const session = await openPlayground(browser);
    const { page } = session;
    await page.click("#tab-negotiation");
    // Our gmail.com entry (TLS Not Supported) against a Prosody server, which requires TLS.
    await page.selectOption("#negotiated-partner", "gmail.com");
    await page.selectOption("#server-preset", "prosody");
    await page.waitForSelector("#outcome.failed");
    assert.match(await text(page, "#outcome"), /unsupported-feature/);
    assert.equal(await text(page, "#fault"), "our configuration");
    await screenshot(page, "negotiation-failed");
    await page.click("#outcome .apply-fix");
    await page.waitForSelector("#outcome.established");
    assert.match(await text(page, "#outcome"), /TLS Dialback/);
    assert.match(await text(page, "#notice"), /tlsNegotiation=Required/);
    assert.equal(await page.evaluate(() => document.activeElement?.id), "outcome");
    // The fix is in the editor, unsaved, until the admin commits it.
    await page.click("#tab-partners");
    assert.equal(await page.inputValue("#field-tls"), "Required");
    assert.match(await text(page, '#partner-table tr[data-domain="gmail.com"]'), /M17/);
    await page.click("#commit");
    await page.waitForFunction(() => /M13/.test(document.querySelector('#partner-table tr[data-domain="gmail.com"]')?.textContent ?? ""));
    assertClean(session);
  }));

test("a step has a deep link", () =>
  withBrowser(async (browser) => {
    const session = await openPlayground(browser, { hash: "#step-4" });
    const { page } = session;
    await page.waitForSelector("#step-4.current .card");
    assert.match(await text(page, "#step-position"), /^Step 4 of/);
    assertClean(session);
  }));
