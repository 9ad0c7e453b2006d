// Sharing and persistence: a share link holds the whole state; a hostile link gives a message
// and a working page; a reload keeps everything.
import { test } from "node:test";
import assert from "node:assert/strict";
import { deflateRawSync } from "node:zlib";
import { assertClean, openPlayground, screenshot, text, withBrowser } from "../playground.mjs";

test("a share link round trip", () =>
  withBrowser(async (browser) => {
    const first = await openPlayground(browser);
    const { page } = first;
    await page.selectOption("#language", "de");
    await page.click("#tab-negotiation");
    await page.selectOption("#negotiated-partner", "gmail.com");
    await page.selectOption("#server-preset", "googleTalk");
    await page.click("#share");
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /#s=[A-Za-z0-9_-]+$/);
    assertClean(first);

    // A fresh browser profile, nothing saved: the link alone brings the state.
    const second = await openPlayground(browser, { hash: link.slice(link.indexOf("#")) });
    const other = second.page;
    assert.equal(await other.getAttribute("html", "lang"), "de");
    assert.equal(await other.getAttribute("#tab-negotiation", "aria-selected"), "true");
    assert.equal(await other.inputValue("#negotiated-partner"), "gmail.com");
    assert.equal(await other.inputValue("#server-preset"), "googleTalk");
    assert.match(await text(other, "#outcome"), /TCP-Rückruf|TCP Dialback/);
    // The link is taken out of the address bar once read.
    assert.doesNotMatch(await other.evaluate(() => location.hash), /s=/);
    assertClean(second);
  }));

test("a share link never destroys one's own list: it is shown beside it until the user chooses", () =>
  withBrowser(async (browser) => {
    const sharer = await openPlayground(browser);
    await sharer.page.click("#new-partner");
    await sharer.page.fill("#field-domain", "theirs.example");
    await sharer.page.click("#commit");
    await sharer.page.waitForSelector('#partner-table tr[data-domain="theirs.example"]');
    await sharer.page.click("#share");
    const link = await sharer.page.evaluate(() => navigator.clipboard.readText());
    await sharer.context.close();

    const session = await openPlayground(browser);
    const { page } = session;
    const rows = (domain) => page.locator(`#partner-table tr[data-domain="${domain}"]`).count();
    await page.click("#new-partner");
    await page.fill("#field-domain", "mine.example");
    await page.click("#commit");
    await page.waitForSelector('#partner-table tr[data-domain="mine.example"]');

    // Opening the link shows the shared list, clearly marked, with a bar that does not go away.
    await page.goto(link);
    await page.waitForSelector("#shared-bar");
    assert.match(await text(page, "#shared-bar"), /You are viewing a shared link/);
    await screenshot(page, "shared-link");
    assert.equal(await rows("theirs.example"), 1);
    assert.equal(await rows("mine.example"), 0);
    assert.doesNotMatch(await page.evaluate(() => location.hash), /s=/);
    await page.waitForTimeout(16_000);
    assert.equal(await page.locator("#shared-bar").count(), 1, "the bar outlives any notice");
    // A reload, any time later, brings back one's own list: the link did not overwrite it.
    await page.reload();
    await page.waitForSelector("html[data-boot=ready]");
    assert.equal(await page.locator("#shared-bar").count(), 0);
    assert.equal(await rows("mine.example"), 1);
    assert.equal(await rows("theirs.example"), 0);

    // Keep my own list.
    await page.goto(link);
    await page.waitForSelector("#shared-bar");
    await page.click("#keep-own");
    assert.equal(await page.locator("#shared-bar").count(), 0);
    assert.equal(await rows("mine.example"), 1);
    assert.equal(await rows("theirs.example"), 0);

    // Add the shared partners to mine: both, and kept over a reload.
    await page.goto(link);
    await page.waitForSelector("#shared-bar");
    await page.click("#add-shared");
    assert.equal(await page.locator("#shared-bar").count(), 0);
    assert.match(await text(page, "#notice"), /added to your list: 1/);
    assert.equal(await rows("mine.example"), 1);
    assert.equal(await rows("theirs.example"), 1);
    await page.reload();
    await page.waitForSelector("html[data-boot=ready]");
    assert.equal(await rows("mine.example"), 1);
    assert.equal(await rows("theirs.example"), 1);

    // Replace my list with the shared one: only then is one's own list gone, also after a reload.
    await page.goto(link);
    await page.waitForSelector("#shared-bar");
    await page.click("#replace-own");
    assert.equal(await page.locator("#shared-bar").count(), 0);
    assert.equal(await rows("mine.example"), 0);
    await page.reload();
    await page.waitForSelector("html[data-boot=ready]");
    assert.equal(await rows("mine.example"), 0);
    assert.equal(await rows("theirs.example"), 1);
    assertClean(session);
  }));

test("a share link opened on a fresh page, or equal to one's own work, just opens", () =>
  withBrowser(async (browser) => {
    const session = await openPlayground(browser);
    const { page } = session;
    // Litware's M5 entry would be left out of the link (Commit refuses it), so it goes first.
    await page.click('#partner-table tr[data-domain="litwareinc.com"]');
    await page.click("#delete-partner");
    await page.click("#confirm-delete");
    await page.waitForFunction(() => !document.querySelector('#partner-table tr[data-domain="litwareinc.com"]'));
    await page.click("#share");
    const link = await page.evaluate(() => navigator.clipboard.readText());
    // The same work: nothing to choose.
    await page.goto(link);
    await page.waitForFunction(() => !/s=/.test(location.hash));
    assert.equal(await page.locator("#shared-bar").count(), 0);
    assertClean(session);
  }));

test("hostile share links give a clear message, never a broken page", () =>
  withBrowser(async (browser) => {
    const valid = (json) => deflateRawSync(Buffer.from(json)).toString("base64url");
    const links = {
      garbage: "#s=%%%not-base64%%%",
      truncated: "#s=eJzLSM3JyVcozy_KSQEAGgQEXQ",
      notState: `#s=${valid('{"hello": "world"}')}`,
      laterVersion: `#s=${valid('{"v": 99, "language": "en", "directory": {}}')}`,
      bomb: `#s=${deflateRawSync(Buffer.alloc(5 * 1024 * 1024, 32)).toString("base64url")}`,
      huge: `#s=${"A".repeat(300_000)}`,
      badPartner: `#s=${valid(JSON.stringify({ v: 1, language: "en", directory: { partners: [{ domain: "user@evil.example" }, { domain: "ok.example" }] } }))}`,
      // M6: Commit refuses it, so a link does not bring it in either.
      refusedPartner: `#s=${valid(JSON.stringify({ v: 1, language: "en", directory: { partners: [{ domain: "ok.example" }, { domain: "m6.example", tlsNegotiation: "NotSupported", saslNegotiation: "Required", supportDialbackNegotiation: false }] } }))}`,
    };
    for (const [name, hash] of Object.entries(links)) {
      const session = await openPlayground(browser, { hash });
      const { page } = session;
      await page.waitForSelector("#notice", { timeout: 10_000 });
      const notice = await text(page, "#notice");
      if (name === "badPartner" || name === "refusedPartner") {
        const left = name === "badPartner" ? /user@evil\.example/ : /m6\.example \(M6\)/;
        assert.match(notice, /left out, as Commit would refuse them/, name);
        assert.match(notice, left, name);
        assert.equal(await page.locator('#partner-table tr[data-domain="ok.example"]').count(), 1);
        assert.equal(await page.locator("#partner-table tbody tr").count(), 1, name);
      } else {
        assert.match(notice, /share link could not be read/, `${name}: ${notice}`);
        // The page works: the example list is there and the tabs answer.
        assert.equal(await page.locator("#partner-table tbody tr").count(), 4, name);
        await page.click("#tab-matrix");
        assert.equal(await page.locator("#matrix tbody tr").count(), 18, name);
      }
      if (name === "laterVersion") assert.match(notice, /later version/);
      if (name === "garbage") await screenshot(page, "hostile-link");
      assertClean(session);
      await session.context.close();
    }
  }));

test("a reload keeps the state", () =>
  withBrowser(async (browser) => {
    const session = await openPlayground(browser);
    const { page } = session;
    await page.click("#new-partner");
    await page.fill("#field-domain", "contoso-partner.example");
    await page.selectOption("#field-sasl", "Optional");
    await page.click("#commit");
    await page.waitForSelector('#partner-table tr[data-domain="contoso-partner.example"]');
    await page.click("#theme");
    // An unsaved draft is kept too.
    await page.click("#new-partner");
    await page.fill("#field-domain", "half-typed.exam");
    await page.reload();
    await page.waitForSelector("html[data-boot=ready]");
    assert.equal(await page.locator('#partner-table tr[data-domain="contoso-partner.example"]').count(), 1);
    assert.equal(await page.inputValue("#field-domain"), "half-typed.exam");
    assert.equal(await page.getAttribute("html", "data-theme"), "light");
    assertClean(session);
  }));
