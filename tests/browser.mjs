// Debian's Chromium, driven by playwright-core, on pages served from the repository through
// request interception: the browser asks `http://xmpp-federation.test/...`, and the files come
// from disk with their real content types. Any request for another host is refused and recorded,
// so a test can assert that a page reaches nothing outside.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { chromium } from "playwright-core";

export const ORIGIN = "http://xmpp-federation.test";
export const root = fileURLToPath(new URL("../", import.meta.url));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".png": "image/png",
};

/** The flags Chromium needs as root in a sandbox without a network. */
export const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: FLAGS,
    headless: true,
  });
}

/**
 * A page whose requests to ORIGIN are served from `folder` (relative to the repository), with
 * `pages` giving the text of extra paths. Returns the page and the list of outside requests.
 */
export async function open(browser, { folder = ".", pages = {} } = {}) {
  const context = await browser.newContext();
  const outside = [];
  await context.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      outside.push(url.href);
      return route.abort("blockedbyclient");
    }
    if (url.pathname in pages) {
      return route.fulfill({ status: 200, contentType: TYPES[".html"], body: pages[url.pathname] });
    }
    const file = path.join(root, folder, decodeURIComponent(url.pathname));
    if (!file.startsWith(path.join(root, folder))) return route.fulfill({ status: 403 });
    try {
      const body = await readFile(file);
      const type = TYPES[path.extname(file)] ?? "application/octet-stream";
      return route.fulfill({ status: 200, contentType: type, body });
    } catch {
      return route.fulfill({ status: 404, body: "not found" });
    }
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, context, outside, errors };
}
