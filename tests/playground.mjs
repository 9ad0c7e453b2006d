// The playground as `cargo xtask test` serves it (PLAYGROUND_URL): a fresh browser context per
// test, every request for another host refused and recorded, and screenshots of the views
// under tests/output/screenshots/.
import { mkdirSync } from "node:fs";
import path from "node:path";
import assert from "node:assert/strict";
import { launch, root } from "./browser.mjs";

export const URL_BASE = process.env.PLAYGROUND_URL;
const screenshots = path.join(root, "tests", "output", "screenshots");

/** Opens the playground in a fresh context; `options.url` adds a fragment or a path. */
export async function openPlayground(browser, { hash = "", locale = "en-US", viewport, colorScheme = "light" } = {}) {
  assert.ok(URL_BASE, "PLAYGROUND_URL is not set: run these tests with `cargo xtask test`");
  const origin = new URL(URL_BASE).origin;
  const context = await browser.newContext({
    locale,
    viewport: viewport ?? { width: 1400, height: 1000 },
    colorScheme,
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const outside = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith("data:") || url.startsWith("blob:")) {
      return route.continue();
    }
    outside.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  await page.goto(`${URL_BASE}${hash}`);
  await page.waitForSelector("html[data-boot=ready]", { timeout: 30_000 });
  return { context, page, outside, errors };
}

/** The checks every test ends with: no request left for another host, and no error. */
export function assertClean({ outside, errors }) {
  assert.deepEqual(outside, [], "requests to other hosts");
  assert.deepEqual(errors, [], "page errors");
}

export async function screenshot(page, name) {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

/** Runs `body` with a browser that is closed afterwards. */
export async function withBrowser(body) {
  const browser = await launch();
  try {
    await body(browser);
  } finally {
    await browser.close();
  }
}

export async function text(page, selector) {
  return (await page.locator(selector).first().textContent()) ?? "";
}
