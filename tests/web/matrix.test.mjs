// The matrix: all 18 rows from the core, the current row marked, a click loads a row.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertClean, openPlayground, screenshot, text, withBrowser } from "../playground.mjs";

test("clicking a matrix row loads its settings into the editor", () =>
  withBrowser(async (browser) => {
    const session = await openPlayground(browser);
    const { page } = session;
    await page.click("#tab-matrix");
    assert.equal(await page.locator("#matrix tbody tr").count(), 18);
    // adatum.com (selected first) is M7.
    assert.equal(await page.getAttribute("#matrix tr.current", "data-row"), "M7");
    assert.match(await text(page, '#matrix tr[data-row="M6"]'), /not valid/);
    await screenshot(page, "matrix");
    await page.click('#matrix tr[data-row="M13"]');
    // The row is marked as the current one, and the editor holds its settings.
    await page.waitForSelector('#matrix tr.current[data-row="M13"]');
    assert.match(await text(page, "#notice"), /M13/);
    await page.click("#tab-partners");
    await page.waitForSelector("#editor");
    assert.equal(await page.inputValue("#field-tls"), "Required");
    assert.equal(await page.inputValue("#field-sasl"), "NotSupported");
    assert.equal(await page.inputValue("#field-dialback"), "true");
    assert.equal(await text(page, "#row-info .row-badge"), "M13");
    assert.match(await text(page, "#notice"), /M13/);
    assertClean(session);
  }));
