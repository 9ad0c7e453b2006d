// A directory of 100,000 partners, validated as an object and imported as text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { importDocument, validateDirectory } from "xmpp-federation";
import { success } from "./helpers.mjs";

export function directory(n) {
  const values = ["Required", "Optional", "NotSupported"];
  const partners = [];
  for (let i = 0; i < n; i++) {
    partners.push({
      domain: `partner${i}.example`,
      additionalDomains: [`xmpp.partner${i}.example`, `im.partner${i}.example`],
      description: `Partner ${i}`,
      tlsNegotiation: values[i % 2],
      saslNegotiation: values[Math.floor(i / 2) % 3],
      connectionLimit: 10,
    });
  }
  return { partners };
}

test("100,000 partners", () => {
  const big = directory(100_000);
  const { report } = success(validateDirectory(big));
  assert.equal(report.summary.partners, 100_000);
  assert.equal(report.partners[99_999].domain, "partner99999.example");
  assert.ok(report.partners.every((p) => p.matrixRow !== null));
  const imported = success(importDocument(JSON.stringify(big)));
  assert.equal(imported.directory.partners.length, 100_000);
  assert.deepEqual(imported.report.summary, report.summary);
});
