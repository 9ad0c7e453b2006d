// A TypeScript console embedding the validator and the simulator. `tsc --noEmit` checks it
// against the package's declarations during the tests.
import {
  type Answer,
  type LocalizedTrace,
  type PartnerConfig,
  type Provenance,
  type Scenario,
  presets,
  simulate,
  validatePartner,
} from "xmpp-federation";

const partner: PartnerConfig = {
  domain: "fabrikam.com",
  additionalDomains: ["corp.fabrikam.com"],
  partnerType: "Federated",
  saslNegotiation: "Optional",
};

const validation = validatePartner(partner, { language: "de" });
if (validation.type === "success") {
  const row: string | null = validation.partner.matrixRow;
  for (const diagnostic of validation.partner.diagnostics) {
    const line: string = `${diagnostic.code} ${diagnostic.severity}: ${diagnostic.message} (${diagnostic.help})`;
    console.log(row, line);
  }
} else {
  for (const error of validation.errors) console.error(error.code, error.field, error.message);
}

const scenario: Scenario = {
  ours: { domain: "contoso.com", certificate: "SelfSigned" },
  partnerConfig: partner,
  partner: { preset: "prosody", domain: "fabrikam.com" },
  direction: "outbound",
  environment: { dns: { "contoso.com": "noSrv" } },
};

function describe(answer: Answer<{ trace: LocalizedTrace }>): string {
  if (answer.type === "failure") return answer.errors.map((e) => e.message).join("; ");
  const { outcome, steps } = answer.trace;
  const fix = outcome.failure?.fix;
  return [
    `${steps.length} steps`,
    outcome.method ?? "no method",
    outcome.level ?? "",
    fix ? `fix: ${fix.change.name}=${fix.change.value}` : "",
  ].join(" ");
}

console.log(describe(simulate(scenario)));

// How the simulator knows each partner server, and which no longer federate.
const known = presets();
if (known.type === "success") {
  for (const preset of known.presets) {
    const provenance: Provenance = preset.provenance;
    const historical: boolean = preset.historical;
    console.log(`${preset.id}: ${provenance} (${preset.knownFrom})${historical ? ", historical" : ""}`);
  }
}
