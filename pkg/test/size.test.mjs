// The size budget of the package's WebAssembly, gzip-compressed as a web server would send it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { pkg } from "./helpers.mjs";

/** The budget, in bytes of gzip: see pkg/README.md for what the bytes are spent on. */
export const BUDGET = 390 * 1024;

test("the wasm stays within its gzip budget", (t) => {
  for (const folder of ["web", "node"]) {
    const wasm = readFileSync(path.join(pkg, "dist", folder, "xmpp_federation_bg.wasm"));
    const gzip = gzipSync(wasm, { level: 9 }).length;
    t.diagnostic(`${folder}: ${wasm.length} bytes, ${(gzip / 1024).toFixed(1)} KiB gzip`);
    assert.ok(gzip <= BUDGET, `${folder}: ${gzip} bytes gzip is over the budget of ${BUDGET}`);
  }
});
