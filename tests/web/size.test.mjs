// The playground's transfer size: wasm, JavaScript, CSS and HTML, gzip-compressed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { root } from "../browser.mjs";

/** The budget in bytes of gzip; see the README for what they are spent on. */
export const BUDGET = 525 * 1024;

test("the playground stays within its transfer budget", (t) => {
  const dist = path.join(root, "web", "dist");
  let total = 0;
  for (const file of ["app_bg.wasm", "app.js", "boot.js", "style.css", "index.html", "favicon.svg"]) {
    const size = gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
    t.diagnostic(`${file}: ${(size / 1024).toFixed(1)} KiB gzip`);
    total += size;
  }
  t.diagnostic(`total: ${(total / 1024).toFixed(1)} KiB gzip`);
  assert.ok(total <= BUDGET, `${total} bytes gzip is over the budget of ${BUDGET}`);
});
