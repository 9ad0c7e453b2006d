// Conversion can throw anything, not only an `Error`: `throw null`, a Proxy whose trap throws
// `undefined`, an object whose `message` getter throws. Every such argument gives a `notJson`
// failure naming the argument, and the module keeps working however often it happens (a value
// thrown through the wasm would leave its stack unwound and poison it for the whole page).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as api from "xmpp-federation";
import { success } from "./helpers.mjs";

/** Arguments whose conversion to JSON throws something other than an `Error`. */
const triggers = {
  "toJSON throws null": () => ({ toJSON() { throw null; } }),
  "toJSON throws undefined": () => ({ toJSON() { throw undefined; } }),
  "toJSON throws a string": () => ({ toJSON() { throw "broken"; } }),
  "toJSON throws a number": () => ({ toJSON() { throw 1; } }),
  "Proxy trap throws undefined": () =>
    new Proxy({}, { ownKeys() { throw undefined; }, get() { throw undefined; } }),
  "message getter throws": () => ({
    toJSON() {
      throw { get message() { throw 1; } };
    },
  }),
  "message is not a string": () => ({ toJSON() { throw { message: 42 }; } }),
  "a revoked Proxy": () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  },
};

/** A normal call works: the module is not poisoned. */
function stillWorks() {
  const { partner } = success(api.validatePartner({ domain: "fabrikam.com", saslNegotiation: "Optional" }));
  assert.equal(partner.matrixRow, "M7");
}

/** The failure every trigger must give for the argument `name`. */
function assertNotJson(answer, name, label) {
  assert.equal(answer?.type, "failure", `${label}: ${JSON.stringify(answer)}`);
  const [error] = answer.errors;
  assert.equal(error.code, "notJson", `${label}: ${JSON.stringify(error)}`);
  assert.equal(error.field, name, label);
  assert.match(error.message, new RegExp(`^\`${name}\` is not JSON data: .+`), label);
}

for (const [label, make] of Object.entries(triggers)) {
  test(`a conversion that fails with ${label} is a notJson failure`, () => {
    let answer;
    assert.doesNotThrow(() => {
      answer = api.validatePartner(make());
    }, label);
    assertNotJson(answer, "partner", label);
    assertNotJson(api.matrix(make()), "options", label);
    assertNotJson(api.applySetting({}, make()), "setting", label);
    stillWorks();
  });

  test(`10,000 conversions that fail with ${label} leave the module working`, () => {
    const value = make();
    for (let i = 0; i < 10_000; i++) {
      const answer = api.validatePartner(value);
      if (answer?.errors?.[0]?.code !== "notJson") {
        assert.fail(`call ${i}: ${JSON.stringify(answer)}`);
      }
    }
    stillWorks();
  });
}

test("the thrown value is named in the message", () => {
  const messages = Object.fromEntries(
    Object.entries(triggers).map(([label, make]) => [label, api.validatePartner(make()).errors[0].message]),
  );
  assert.match(messages["toJSON throws null"], /`null`/);
  assert.match(messages["toJSON throws undefined"], /`undefined`/);
  assert.match(messages["toJSON throws a string"], /broken/);
  assert.match(messages["message getter throws"], /object/);
  assert.equal(
    api.validatePartner({ toJSON() { throw new Error("toJSON"); } }).errors[0].message,
    "`partner` is not JSON data: toJSON",
  );
});

test("a call from inside a conversion is a failure, not a second entry into the module", () => {
  let inner;
  const outer = api.validatePartner({
    toJSON() {
      inner = api.validatePartner({ domain: "fabrikam.com" });
      return { domain: "fabrikam.com", saslNegotiation: "Optional" };
    },
  });
  assert.equal(inner.type, "failure");
  assert.equal(inner.errors[0].code, "notJson");
  assert.match(inner.errors[0].message, /while another call was converting/);
  assert.equal(success(outer).partner.matrixRow, "M7");
  stillWorks();
});

test("a toJSON that calls the package with its own object is refused, not recursed", () => {
  let conversions = 0;
  const self = {
    toJSON() {
      conversions += 1;
      return api.validatePartner(self);
    },
  };
  for (let i = 0; i < 10_000; i++) {
    conversions = 0;
    const answer = api.validatePartner(self);
    assert.equal(answer.type, "success", JSON.stringify(answer));
    assert.equal(conversions, 1, `call ${i}: the package was entered ${conversions} times`);
  }
  stillWorks();
});

test("re-entrant calls near the stack limit leave the module working", () => {
  const reentrant = {
    toJSON() {
      return api.validatePartner({ toJSON() { return api.matrix({ language: "de" }); } });
    },
  };
  for (let round = 0; round < 20; round++) {
    // Recurses to the limit; on the way back every frame calls the package, so the calls start
    // at every depth near the limit. At the very limit the call may throw `RangeError` before
    // it reaches the module; that is JavaScript's, not the package's, and is caught here.
    const recurse = (depth) => {
      try {
        return recurse(depth + 1);
      } catch {
        try {
          return api.validatePartner(reentrant);
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
          return undefined;
        }
      }
    };
    recurse(0);
  }
  stillWorks();
  for (let i = 0; i < 10_000; i++) api.validatePartner(reentrant);
  stillWorks();
});
