// All 18 rows of the negotiation matrix, compared with the Lync documentation's table as data.
import { test } from "node:test";
import assert from "node:assert/strict";
import { matrix, matrixRow } from "xmpp-federation";
import { read, success } from "./helpers.mjs";

const METHOD = {
  "SASL over TLS": "SaslOverTls",
  "TLS Dialback": "TlsDialback",
  "TCP Dialback": "TcpDialback",
};
const NEGOTIATION = { Required: "Required", Optional: "Optional", "Not Supported": "NotSupported" };
const VERDICT = { valid: "Valid", warning: "Warning", "not valid": "NotValid" };

const documented = read("core/tests/data/negotiation-matrix.tsv")
  .split("\n")
  .filter((line) => line.startsWith("M"))
  .map((line) => {
    const [row, tls, sasl, dialback, expected, marking] = line.split("\t");
    return {
      row,
      tlsNegotiation: NEGOTIATION[tls],
      saslNegotiation: NEGOTIATION[sasl],
      supportDialbackNegotiation: dialback === "True",
      expectedMethods:
        expected === "Not Valid Configuration" ? [] : expected.split(", ").map((m) => METHOD[m]),
      verdict: VERDICT[marking],
    };
  });

test("the matrix has the documented 18 rows, methods and verdicts", () => {
  assert.equal(documented.length, 18);
  const { rows } = success(matrix());
  assert.equal(rows.length, 18);
  for (const [index, expected] of documented.entries()) {
    const row = rows[index];
    assert.equal(row.row, expected.row);
    assert.equal(row.tlsNegotiation, expected.tlsNegotiation, row.row);
    assert.equal(row.saslNegotiation, expected.saslNegotiation, row.row);
    assert.equal(row.supportDialbackNegotiation, expected.supportDialbackNegotiation, row.row);
    assert.deepEqual(row.expectedMethods, expected.expectedMethods, row.row);
    assert.equal(row.verdict, expected.verdict, row.row);
    assert.ok(row.note.length > 0, row.row);
  }
});

test("matrixRow places every combination of settings in its row", () => {
  for (const expected of documented) {
    const { row } = success(
      matrixRow({
        tlsNegotiation: expected.tlsNegotiation,
        saslNegotiation: expected.saslNegotiation,
        supportDialbackNegotiation: expected.supportDialbackNegotiation,
      }),
    );
    assert.equal(row.row, expected.row);
    assert.deepEqual(row.expectedMethods, expected.expectedMethods);
  }
  // The cmdlet defaults are row M1, and a whole partner entry may be passed.
  assert.equal(success(matrixRow({})).row.row, "M1");
  assert.equal(success(matrixRow({ domain: "gmail.com", tlsNegotiation: "NotSupported", saslNegotiation: "NotSupported" })).row.row, "M17");
});

test("the matrix speaks German", () => {
  const english = success(matrix()).rows[0].note;
  const german = success(matrix({ language: "de" })).rows[0].note;
  assert.notEqual(english, german);
  assert.match(german, /Rückruf/);
});
