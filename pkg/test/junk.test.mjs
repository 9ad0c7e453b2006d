// Whatever JavaScript passes in, every function answers with a tagged result: it never throws,
// and the module keeps working afterwards (a panic in wasm would kill it for the whole page).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as api from "xmpp-federation";
import { read, success } from "./helpers.mjs";

function junk() {
  const cyclic = { domain: "fabrikam.com" };
  cyclic.self = cyclic;
  let deep = {};
  const top = deep;
  for (let i = 0; i < 100_000; i++) {
    deep.a = {};
    deep = deep.a;
  }
  let deepArray = [];
  const topArray = deepArray;
  for (let i = 0; i < 300; i++) {
    deepArray.push([]);
    deepArray = deepArray[0];
  }
  const throwingProxy = new Proxy({}, {
    ownKeys() {
      throw new Error("ownKeys");
    },
    get() {
      throw new Error("get");
    },
  });
  const getter = {};
  Object.defineProperty(getter, "domain", { enumerable: true, get() { throw new Error("getter"); } });
  return {
    undefined: undefined,
    null: null,
    true: true,
    zero: 0,
    negative: -1,
    NaN: NaN,
    infinity: Infinity,
    huge: 1e308,
    bigint: 12n,
    symbol: Symbol("x"),
    function: () => 1,
    emptyString: "",
    string: "fabrikam.com",
    loneSurrogate: "\ud800",
    nul: "a\u0000b",
    hugeString: "a".repeat(70_000_000),
    hugeObjectString: { domain: "x".repeat(5_000_000) },
    emptyArray: [],
    nestedArrays: topArray,
    emptyObject: {},
    noPrototype: Object.create(null),
    cyclic,
    deep: top,
    throwingProxy,
    getter,
    throwingToJSON: { toJSON() { throw new Error("toJSON"); } },
    map: new Map([["domain", "fabrikam.com"]]),
    date: new Date(0),
    typedArray: new Uint8Array(16),
    wrongTypes: { domain: 42, tlsNegotiation: ["Required"], additionalDomains: "x", partners: 3 },
    manyKeys: Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])),
    bigNumbers: { seed: 2 ** 64, domain: "fabrikam.com" },
  };
}

const functions = Object.entries(api).filter(([name, f]) => typeof f === "function" && name !== "engineVersion");

test("every function is covered", () => {
  assert.deepEqual(
    functions.map(([name]) => name).sort(),
    ["applySetting", "exportDirectory", "importDocument", "matrix", "matrixRow", "presets",
      "renderTrace", "simulate", "simulateContact", "validateDirectory", "validatePartner"],
  );
});

test("junk in any argument gives a tagged answer, never an exception", () => {
  const values = Object.entries(junk());
  for (const [name, f] of functions) {
    for (let position = 0; position < 3; position++) {
      for (const [label, value] of values) {
        const args = [undefined, undefined, undefined];
        args[position] = value;
        let answer;
        assert.doesNotThrow(() => {
          answer = f(...args);
        }, `${name} threw on ${label} at argument ${position}`);
        assert.ok(
          answer && (answer.type === "success" || answer.type === "failure"),
          `${name}(${label} at ${position}) gave ${String(answer)}`,
        );
        if (answer.type === "failure") {
          assert.ok(answer.errors.length > 0);
          for (const error of answer.errors) {
            assert.equal(typeof error.code, "string");
            assert.ok(error.message.length > 0, `${name}(${label}): empty message`);
          }
        }
      }
    }
  }
});

test("specific junk gives the specific failure", () => {
  const j = junk();
  assert.equal(api.validatePartner(j.cyclic).errors[0].code, "notJson");
  assert.equal(api.validatePartner(j.deep).errors[0].code, "notJson");
  assert.equal(api.validatePartner(j.bigint).errors[0].code, "notJson");
  assert.equal(api.validatePartner(j.getter).errors[0].code, "notJson");
  assert.equal(api.validatePartner(undefined).errors[0].code, "missingArgument");
  assert.equal(api.validatePartner(j.string).errors[0].code, "invalidValue");
  assert.equal(api.importDocument(j.hugeString).errors[0].code, "tooLarge");
  assert.equal(api.validateDirectory(j.nestedArrays).errors[0].code, "unreadable");
  assert.equal(api.simulate(j.wrongTypes).errors[0].code, "invalidValue");
  assert.equal(api.matrix({ langauge: "de" }).errors[0].code, "invalidValue");
});

test("the module still works after all of that", () => {
  const { partner } = success(api.validatePartner({ domain: "fabrikam.com", saslNegotiation: "Optional" }));
  assert.equal(partner.matrixRow, "M7");
  const directory = JSON.parse(read("examples/contoso-partners.json"));
  assert.equal(success(api.validateDirectory(directory)).report.summary.partners, 5);
});
