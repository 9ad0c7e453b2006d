// Simulations through the package: every example scenario gives the trace the core's reviewed
// snapshot shows, fixes apply, and contact requests end by partner type.
import { test } from "node:test";
import assert from "node:assert/strict";
import { applySetting, renderTrace, simulate, simulateContact } from "xmpp-federation";
import { files, read, success } from "./helpers.mjs";

const scenarios = files("examples/scenarios", ".json").map((file) => ({
  name: file.split("/").pop().replace(".json", ""),
  scenario: JSON.parse(read(file)),
}));

test("there are example scenarios for the canonical traces", () => {
  assert.ok(scenarios.length >= 12);
});

for (const { name, scenario } of scenarios) {
  test(`${name}: the trace is the reviewed snapshot`, () => {
    const { text } = success(renderTrace(scenario, { format: "text" }));
    assert.equal(text, read(`core/tests/snapshots/traces/${name}.txt`));
    const { trace } = success(simulate(scenario));
    assert.equal(trace.steps.length, text.split("\n").filter((l) => /^\s*\d+ {2}/.test(l)).length);
    const { outcome } = trace;
    if (outcome.established) {
      assert.ok(outcome.method && outcome.level && outcome.failure === null, name);
    } else {
      const { failure } = outcome;
      assert.ok(failure.step >= 1 && failure.step <= trace.steps.length, name);
      assert.ok(["ours", "partner", "environment"].includes(failure.fault));
      if (failure.fix) {
        // The fix, applied, makes the negotiation succeed with the promised method.
        const fixed = success(applySetting(scenario, failure.fix.change)).scenario;
        const again = success(simulate(fixed)).trace.outcome;
        assert.equal(again.established, true, name);
        assert.equal(again.method, failure.fix.method, name);
      }
    }
    for (const step of trace.steps) {
      assert.ok(step.summary && step.explanation && step.spec, `${name} step ${step.number}`);
    }
  });
}

test("traces render as Mermaid and in German", () => {
  const { scenario } = scenarios[0];
  const mermaid = success(renderTrace(scenario, { format: "mermaid" })).text;
  assert.match(mermaid, /^sequenceDiagram\n/);
  assert.equal(mermaid, read("core/tests/snapshots/traces/a-sasl-over-tls.mmd"));
  const german = success(renderTrace(scenario, { format: "text", language: "de" })).text;
  assert.equal(german, read("core/tests/snapshots/traces/a-sasl-over-tls.de.txt"));
});

test("a bad scenario names the field", () => {
  const answer = simulate({
    ours: { domain: "contoso.com" },
    partnerConfig: { domain: "fabrikam.com" },
    partner: { preset: "prosody", domain: "fabrikam.com", certificate: "Broken" },
    direction: "outbound",
  });
  assert.equal(answer.type, "failure");
  assert.equal(answer.errors[0].code, "invalidValue");
  assert.equal(answer.errors[0].field, "scenario.partner.certificate");
  assert.match(answer.errors[0].message, /unknown variant `Broken`/);
});

test("contact requests end by partner type", () => {
  for (const file of files("examples/contacts", ".json")) {
    const name = file.split("/").pop().replace(".json", "");
    const { trace } = success(simulateContact(JSON.parse(read(file))));
    const text = read(`core/tests/snapshots/contacts/${name}.txt`);
    assert.match(text, new RegExp(`Approved: ${trace.outcome.approved ? "yes" : "no"}`), name);
    for (const step of trace.steps) {
      assert.ok(text.includes(step.xml), `${name}: ${step.xml}`);
    }
  }
});
