// Import and export keep the Commit rules: a list with a partner Commit would refuse is not
// imported, and not exported, and the message names the partner, where it is and the fix.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertClean, openPlayground, screenshot, text, withBrowser } from "../playground.mjs";

const FABRIKAM = 'New-CsXmppAllowedPartner -Identity "fabrikam.com" -SaslNegotiation Optional -PartnerType Federated';
// M6: TLS Not Supported, SASL Required, no dialback. The Control Panel refuses it at Commit.
const NORTHWIND = 'New-CsXmppAllowedPartner -Identity "northwind.example" -TlsNegotiation NotSupported -SaslNegotiation Required -SupportDialbackNegotiation $false';

test("an imported PowerShell script with a partner Commit refuses is not imported", () =>
  withBrowser(async (browser) => {
    const session = await openPlayground(browser);
    const { page } = session;
    await page.click("#tab-transfer");
    await page.fill("#import-text", `${FABRIKAM}\n${NORTHWIND}`);
    await page.click("#import-read");
    await page.waitForSelector("#import-refused");
    const refused = await text(page, "#import-refused");
    assert.match(refused, /Not imported/);
    assert.match(refused, /northwind\.example/);
    assert.match(refused, /line 2/i);
    assert.match(refused, /M6/);
    assert.match(refused, /SASL requires TLS/);
    assert.doesNotMatch(refused, /fabrikam\.com/);
    assert.ok(await page.isDisabled("#import-replace"), "Replace is not offered");
    await screenshot(page, "import-refused");
    // The list is as it was.
    await page.click("#tab-partners");
    assert.equal(await page.locator("#partner-table tbody tr").count(), 4);
    assert.equal(await page.locator('#partner-table tr[data-domain="northwind.example"]').count(), 0);

    // Fixed in the script (TLS Required), it is imported.
    await page.click("#tab-transfer");
    await page.fill("#import-text", `${FABRIKAM}\n${NORTHWIND.replace("-TlsNegotiation NotSupported", "-TlsNegotiation Required")}`);
    await page.click("#import-read");
    assert.equal(await page.locator("#import-refused").count(), 0);
    await page.click("#import-replace");
    await page.click("#import-confirm");
    await page.click("#tab-partners");
    assert.equal(await page.locator("#partner-table tbody tr").count(), 2);
    assert.equal(await page.locator('#partner-table tr[data-domain="northwind.example"]').count(), 1);
    assertClean(session);
  }));

test("export refuses a list with a partner Commit refuses, naming the partner and the field", () =>
  withBrowser(async (browser) => {
    const session = await openPlayground(browser);
    const { page } = session;
    // The example list has Litware: TLS Not Supported with SASL Required (M5).
    await page.click("#tab-transfer");
    const refused = await text(page, "#export-refused");
    assert.match(refused, /Not exported/);
    assert.match(refused, /litwareinc\.com/);
    assert.match(refused, /saslNegotiation/);
    assert.doesNotMatch(await page.inputValue("#export-text"), /litwareinc/);
    assert.ok(await page.isDisabled("#export-download"));
    assert.ok(await page.isDisabled("#export-copy"));
    await screenshot(page, "export-refused");
    // Without it, the list exports.
    await page.click("#tab-partners");
    await page.click('#partner-table tr[data-domain="litwareinc.com"]');
    await page.click("#delete-partner");
    await page.click("#confirm-delete");
    await page.waitForFunction(() => !document.querySelector('#partner-table tr[data-domain="litwareinc.com"]'));
    await page.click("#tab-transfer");
    assert.equal(await page.locator("#export-refused").count(), 0);
    assert.match(await page.inputValue("#export-text"), /New-CsXmppAllowedPartner -Identity 'adatum\.com'/);
    assert.ok(!(await page.isDisabled("#export-download")));
    assertClean(session);
  }));
