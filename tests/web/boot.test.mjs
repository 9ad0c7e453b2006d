// When WebAssembly cannot load, the page says so clearly instead of staying blank.
import { test } from "node:test";
import assert from "node:assert/strict";
import { URL_BASE } from "../playground.mjs";
import { launch } from "../browser.mjs";

test("a clear screen when the WebAssembly module cannot load", async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext();
    await context.route("**/*.wasm", (route) => route.abort("failed"));
    const page = await context.newPage();
    await page.goto(URL_BASE);
    await page.waitForSelector("html[data-boot=failed]", { timeout: 15_000 });
    const message = await page.locator('#boot [data-state="failed"]').textContent();
    assert.match(message, /could not start/);
    assert.match(message, /konnte nicht starten/);
    assert.equal(await page.locator('#boot [data-state="loading"]').isHidden(), true);
  } finally {
    await browser.close();
  }
});
