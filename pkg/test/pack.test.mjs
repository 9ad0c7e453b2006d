// The package as a consumer gets it: `npm pack`, installed into an empty project, then used from
// an ES module, from CommonJS, and from TypeScript (type-checked with `tsc --noEmit`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pkg } from "./helpers.mjs";

function run(command, args, cwd) {
  try {
    return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    throw new Error(`${command} ${args.join(" ")} failed:\n${error.stdout}\n${error.stderr}`);
  }
}

test("the packed tarball installs and works from ESM, CommonJS and TypeScript", () => {
  const work = mkdtempSync(path.join(tmpdir(), "xmpp-federation-consumer-"));
  try {
    const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", work], pkg));
    const tarball = path.join(work, packed[0].filename);
    const listed = packed[0].files.map((f) => f.path);
    for (const file of ["package.json", "README.md", "dist/index.js", "dist/index.node.mjs",
      "dist/node/xmpp_federation.js", "dist/node/xmpp_federation.d.ts",
      "dist/node/xmpp_federation_bg.wasm", "dist/web/xmpp_federation.js",
      "dist/web/xmpp_federation_bg.wasm"]) {
      assert.ok(listed.includes(file), `${file} is not in the tarball`);
    }
    assert.ok(!listed.some((f) => f.startsWith("src/") || f.startsWith("test/")), listed.join(" "));

    const project = path.join(work, "consumer");
    cpSync(path.join(pkg, "examples"), project, { recursive: true });
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
    run("npm", ["install", "--no-audit", "--no-fund", "--offline", tarball], project);

    const esm = run("node", ["esm.mjs"], project);
    assert.match(esm, /^gmail\.com M17 TCP Dialback only$/m);
    const cjs = run("node", ["cjs.cjs"], project);
    assert.match(cjs, /^litwareinc\.com M5 commit: no XF101$/m);

    const tsc = path.join(pkg, "node_modules", "typescript", "bin", "tsc");
    run("node", [tsc, "--noEmit", "-p", "tsconfig.json"], project);
    // The declarations the consumer checked against have no `any` on the public surface.
    const declarations = readFileSync(
      path.join(project, "node_modules/xmpp-federation/dist/node/xmpp_federation.d.ts"), "utf8");
    const code = declarations.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    assert.doesNotMatch(code, /\bany\b/);
    assert.match(code, /export function validatePartner\(partner: PartnerConfig/);
    assert.match(code, /export type Provenance = "proven" \| "source" \| "documentation";/);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
