// Import and export round trips: JSON, XML and PowerShell.
import { test } from "node:test";
import assert from "node:assert/strict";
import { exportDirectory, importDocument, validateDirectory } from "xmpp-federation";
import { read, success } from "./helpers.mjs";

const sample = read("examples/contoso-partners.json");

test("a directory survives JSON, XML and PowerShell", () => {
  const original = success(importDocument(sample));
  assert.equal(original.format, "json");
  assert.equal(original.report.summary.partners, 5);
  for (const format of ["json", "xml", "powerShell"]) {
    const { text } = success(exportDirectory(original.directory, { format }));
    const again = success(importDocument(text));
    assert.equal(again.format, format);
    assert.deepEqual(again.directory, original.directory, format);
    assert.deepEqual(
      again.report.partners.map((p) => [p.domain, p.matrixRow, p.commitAllowed]),
      original.report.partners.map((p) => [p.domain, p.matrixRow, p.commitAllowed]),
      format,
    );
  }
});

test("PowerShell exports are printable ASCII", () => {
  const directory = {
    partners: [{ domain: "fabrikam.com", description: "Peña; Start-Process calc", saslNegotiation: "Optional" }],
  };
  const { text } = success(exportDirectory(directory, { format: "powerShell" }));
  assert.match(text, /^[\x09\x0a\x0d\x20-\x7e]*$/);
  const back = success(importDocument(text, { format: "powerShell" }));
  assert.equal(back.directory.partners[0].description, "Peña; Start-Process calc");
});

test("an export refuses to drop a partner with errors in its fields", () => {
  const answer = exportDirectory(
    { partners: [{ domain: "fabrikam.com" }, { domain: "user@contoso.com" }] },
    { format: "json" },
  );
  assert.equal(answer.type, "failure");
  assert.equal(answer.errors[0].code, "notExported");
  assert.equal(answer.errors[0].field, "partners[1].domain");
});

test("validateDirectory reports partners against each other", () => {
  const { report } = success(validateDirectory(JSON.parse(sample), { language: "de" }));
  const tailspin = report.partners.find((p) => p.domain === "tailspintoys.com");
  assert.ok(tailspin.diagnostics.some((d) => d.code === "XF301"));
  assert.ok(tailspin.diagnostics.every((d) => /[äöüß]|Sie|die|der/.test(d.message + d.help)));
});

test("unreadable documents say where", () => {
  const answer = importDocument('{"partners": [1,,]}', { format: "json" });
  assert.equal(answer.type, "failure");
  assert.equal(answer.errors[0].code, "unreadable");
  assert.equal(answer.errors[0].line, 1);
  assert.equal(importDocument("hello").errors[0].code, "unknownFormat");
});
