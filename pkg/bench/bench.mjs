// The package's calls in Node: the workloads of core/benches/api.rs, through WebAssembly.
// `cargo xtask bench` runs it after the native benchmarks; `node pkg/bench/bench.mjs` alone
// needs `cargo xtask pkg` first.
import { readFileSync } from "node:fs";
import { simulate, validateDirectory, validatePartner } from "xmpp-federation";

function directory(n) {
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

/** The median time of `f` over enough runs to fill about a second, after a warm-up. */
function measure(name, f, budgetMs = 1000) {
  for (let i = 0; i < 3; i++) f();
  const times = [];
  const start = performance.now();
  while (performance.now() - start < budgetMs || times.length < 5) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const shown = median < 1 ? `${(median * 1000).toFixed(1)} µs` : `${median.toFixed(2)} ms`;
  console.log(`${name.padEnd(40)} ${shown.padStart(12)}   (${times.length} runs)`);
}

const partner = { domain: "fabrikam.com", additionalDomains: ["corp.fabrikam.com"], saslNegotiation: "Optional" };
measure("api/validatePartner", () => validatePartner(partner));
for (const n of [1_000, 100_000]) {
  const d = directory(n);
  measure(`api/validateDirectory/${n}`, () => validateDirectory(d), n > 10_000 ? 5000 : 1000);
}
for (const name of ["a-sasl-over-tls", "b-tls-dialback"]) {
  const scenario = JSON.parse(
    readFileSync(new URL(`../../examples/scenarios/${name}.json`, import.meta.url), "utf8"),
  );
  measure(`api/simulate/${name}`, () => simulate(scenario));
}
