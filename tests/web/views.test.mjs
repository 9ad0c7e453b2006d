// Every view, in both themes and on a phone: no request for another host, no page error, and
// the screenshots of the main views.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertClean, openPlayground, screenshot, text, withBrowser } from "../playground.mjs";

const SECTIONS = ["partners", "negotiation", "matrix", "contacts", "transfer"];

test("every section, dark theme and phone size, with nothing fetched from elsewhere", () =>
  withBrowser(async (browser) => {
    const dark = await openPlayground(browser, { colorScheme: "dark" });
    for (const section of SECTIONS) {
      await dark.page.click(`#tab-${section}`);
      assert.equal(await dark.page.getAttribute(`#tab-${section}`, "aria-selected"), "true");
      await screenshot(dark.page, `${section}-dark`);
    }
    assert.match(await text(dark.page, "#engine-version"), /^\d+\.\d+\.\d+/);
    assertClean(dark);

    const phone = await openPlayground(browser, { viewport: { width: 390, height: 844 } });
    for (const section of SECTIONS) {
      await phone.page.click(`#tab-${section}`);
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${section} overflows the phone screen by ${overflow}px`);
    }
    await phone.page.click("#tab-negotiation");
    await screenshot(phone.page, "negotiation-phone");
    assertClean(phone);
  }));

test("contacts: a PublicUnverified contact waits for the Lync user's invitation", () =>
  withBrowser(async (browser) => {
    const session = await openPlayground(browser);
    const { page } = session;
    await page.click('#partner-table tr[data-domain="gmail.com"]');
    await page.click("#tab-contacts");
    assert.match(await text(page, "#contact-outcome"), /Not approved/);
    await page.check("#invited");
    assert.match(await text(page, "#contact-outcome"), /Approved/);
    assert.match(await text(page, ".stanzas"), /type="subscribed"/);
    await screenshot(page, "contacts");
    assertClean(session);
  }));

test("import and export: paste a PowerShell script, replace the list, copy PowerShell", () =>
  withBrowser(async (browser) => {
    const session = await openPlayground(browser);
    const { page } = session;
    await page.click("#tab-transfer");
    await page.fill("#import-text", 'New-CsXmppAllowedPartner -Identity "fabrikam.com" -SaslNegotiation Optional -PartnerType Federated\nNew-CsXmppAllowedPartner gmail.com -TlsNegotiation NotSupported -SaslNegotiation NotSupported -EnableKeepAlive $false');
    await page.click("#import-read");
    assert.match(await text(page, "#import-result"), /powershell/i);
    await page.click("#import-replace");
    await page.click("#import-confirm");
    await page.click("#tab-partners");
    assert.equal(await page.locator("#partner-table tbody tr").count(), 2);
    // An import can be undone from its notice.
    await page.click("#undo");
    assert.equal(await page.locator("#partner-table tbody tr").count(), 4);
    await page.click("#tab-transfer");
    await page.fill("#import-text", 'New-CsXmppAllowedPartner -Identity "fabrikam.com" -SaslNegotiation Optional -PartnerType Federated\nNew-CsXmppAllowedPartner gmail.com -TlsNegotiation NotSupported -SaslNegotiation NotSupported -EnableKeepAlive $false');
    await page.click("#import-read");
    await page.click("#import-replace");
    await page.click("#import-confirm");
    await page.click("#tab-transfer");
    assert.match(await page.inputValue("#export-text"), /New-CsXmppAllowedPartner -Identity 'fabrikam\.com'/);
    await page.click("#copy-powershell");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /New-CsXmppAllowedPartner/);
    await screenshot(page, "transfer");
    // Download as XML, and read the file back through the file picker.
    await page.selectOption("#export-format", "xml");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#export-download")]);
    assert.equal(download.suggestedFilename(), "xmpp-partners.xml");
    const file = await download.path();
    await page.setInputFiles("#import-file", file);
    await page.waitForFunction(() => /xml/i.test(document.querySelector("#import-result")?.textContent ?? ""));
    assert.match(await text(page, "#import-result"), /Partner entries: 2/);
    assertClean(session);
  }));
