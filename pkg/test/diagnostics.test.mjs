// Every diagnostic code: its fixture, read through the package, produces it, with texts in
// English and German.
import { test } from "node:test";
import assert from "node:assert/strict";
import { importDocument, validatePartner } from "xmpp-federation";
import { files, read, success } from "./helpers.mjs";

const FORMAT = { ".json": "json", ".xml": "xml", ".ps1": "powerShell", ".txt": "formatList" };
const fixtures = files("core/tests/fixtures/diagnostics", "");
const documented = [...read("docs/diagnostics.md").matchAll(/^## (XF\d{3})/gm)].map((m) => m[1]);

test("every documented code has a fixture", () => {
  assert.ok(documented.length >= 38, `${documented.length} codes in docs/diagnostics.md`);
  const codes = fixtures.map((file) => file.split("/").pop().split(".")[0]);
  assert.deepEqual([...codes].sort(), [...documented].sort());
});

for (const file of fixtures) {
  const code = file.split("/").pop().split(".")[0];
  const extension = file.slice(file.lastIndexOf("."));
  test(`${code} is produced by its fixture`, () => {
    for (const language of ["en", "de"]) {
      const { report, format } = success(
        importDocument(read(file), { format: FORMAT[extension], language }),
      );
      assert.equal(format, FORMAT[extension]);
      const all = [...report.diagnostics, ...report.partners.flatMap((p) => p.diagnostics)];
      const found = all.filter((d) => d.code === code);
      assert.ok(found.length > 0, `${code} not produced: ${JSON.stringify(all.map((d) => d.code))}`);
      for (const d of found) {
        assert.ok(d.message.length > 0 && d.help.length > 0);
        assert.ok(["error", "warning", "info"].includes(d.severity));
      }
    }
  });
}

test("a single partner is validated with paths relative to it", () => {
  const { partner } = success(
    validatePartner({ domain: "litwareinc.com", tlsNegotiation: "NotSupported", saslNegotiation: "Required" }),
  );
  assert.equal(partner.matrixRow, "M5");
  assert.equal(partner.commitAllowed, false);
  assert.deepEqual(partner.expectedMethods, ["TcpDialback"]);
  const xf101 = partner.diagnostics.find((d) => d.code === "XF101");
  assert.equal(xf101.path, "saslNegotiation");
  assert.match(xf101.help, /tlsNegotiation/);
});

test("an unknown field is named with the nearest known one", () => {
  const { partner } = success(validatePartner({ domain: "fabrikam.com", tlsNegociation: "Optional" }));
  assert.equal(partner.commitAllowed, false);
  const unknown = partner.diagnostics.find((d) => d.code === "XF001");
  assert.equal(unknown.path, "tlsNegociation");
  assert.match(unknown.help, /tlsNegotiation/);
});
