// The npm package in a plain `<script type="module">` page, in a real browser: the entry loads
// the wasm next to it and every call answers.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ORIGIN, launch, open } from "../browser.mjs";

const PAGE = `<!doctype html>
<meta charset="utf-8">
<title>embedding</title>
<script type="module">
  import { engineVersion, validatePartner, simulate, renderTrace } from "/pkg/dist/index.js";
  const partner = validatePartner({ domain: "gmail.com", tlsNegotiation: "NotSupported" }, { language: "de" });
  const scenario = { ours: { domain: "contoso.com" },
    partnerConfig: { domain: "fabrikam.com", saslNegotiation: "Optional" },
    partner: { preset: "prosody", domain: "fabrikam.com" }, direction: "outbound" };
  const cyclic = {}; cyclic.self = cyclic;
  window.result = {
    version: engineVersion(),
    partner,
    trace: simulate(scenario),
    mermaid: renderTrace(scenario, { format: "mermaid" }),
    junk: validatePartner(cyclic),
  };
</script>`;

test("a <script type=module> page embeds the package", async () => {
  const browser = await launch();
  try {
    const { page, outside, errors } = await open(browser, { pages: { "/embed.html": PAGE } });
    await page.goto(`${ORIGIN}/embed.html`);
    await page.waitForFunction(() => window.result !== undefined, null, { timeout: 30_000 });
    const result = await page.evaluate(() => window.result);
    assert.deepEqual(errors, []);
    assert.deepEqual(outside, []);
    assert.match(result.version, /^\d+\.\d+\.\d+/);
    assert.equal(result.partner.type, "success");
    assert.equal(result.partner.partner.matrixRow, "M5");
    assert.match(result.partner.partner.diagnostics[0].message, /Systemsteuerung/);
    assert.equal(result.trace.type, "success");
    assert.equal(result.trace.trace.outcome.method, "SaslOverTls");
    assert.match(result.mermaid.text, /^sequenceDiagram/);
    assert.equal(result.junk.type, "failure");
    assert.equal(result.junk.errors[0].code, "notJson");
  } finally {
    await browser.close();
  }
});
