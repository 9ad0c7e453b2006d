// The partner server presets, with the option values they stand for.
import { test } from "node:test";
import assert from "node:assert/strict";
import { presets, simulate } from "xmpp-federation";
import { success } from "./helpers.mjs";

test("every preset has a policy and real server options", () => {
  const list = success(presets()).presets;
  assert.deepEqual(
    list.map((p) => p.id),
    ["lync", "googleTalk", "prosody", "prosodySecureAuth", "ejabberd", "openfire", "openfire48", "openfire47", "tigase"],
  );
  for (const preset of list) {
    assert.ok(preset.label.length > 0);
    assert.ok(preset.options.length > 0, preset.id);
    assert.ok(["Required", "Optional", "NotSupported"].includes(preset.policy.tls));
  }
  const prosody = list.find((p) => p.id === "prosody");
  assert.deepEqual(prosody.options[0], { name: "s2s_require_encryption", value: "true" });
});

test("every preset says how it is known, and Google Talk is historical", () => {
  const list = success(presets()).presets;
  const byId = Object.fromEntries(list.map((p) => [p.id, p]));
  assert.equal(byId.prosody.provenance, "proven");
  assert.match(byId.prosody.knownFrom, /tests\/interop/);
  assert.equal(byId.openfire.provenance, "source");
  assert.match(byId.openfire.knownFrom, /v5\.1/);
  assert.equal(byId.tigase.provenance, "documentation");
  for (const preset of list) {
    assert.ok(["proven", "source", "documentation"].includes(preset.provenance), preset.id);
    assert.ok(preset.knownFrom.length > 0, preset.id);
    assert.equal(typeof preset.historical, "boolean", preset.id);
  }
  assert.deepEqual(
    list.filter((p) => p.historical).map((p) => p.id),
    ["googleTalk"],
  );
  // The name and how it is known follow the language asked for.
  const german = Object.fromEntries(
    success(presets({ language: "de" })).presets.map((p) => [p.id, p]),
  );
  assert.match(german.openfire.knownFrom, /^Quelltext von Openfire/);
  assert.match(german.googleTalk.label, /historisch/);
  assert.equal(german.prosody.provenance, "proven");
});

test("each preset negotiates with Lync's recommended settings (M7)", () => {
  for (const { id } of success(presets()).presets) {
    const { trace } = success(
      simulate({
        ours: { domain: "contoso.com" },
        partnerConfig: { domain: "partner.example", saslNegotiation: "Optional" },
        partner: { preset: id, domain: "partner.example" },
        direction: "inbound",
      }),
    );
    assert.ok(trace.steps.length > 3, id);
    assert.ok(trace.verdict.length > 0, id);
  }
});
