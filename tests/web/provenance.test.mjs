// The partner-server chooser says how the simulator knows each preset: proven against the real
// server, modelled from source, or from documentation; Google Talk is marked historical.
import { test } from "node:test";
import assert from "node:assert/strict";
import { assertClean, openPlayground, screenshot, text, withBrowser } from "../playground.mjs";

/** Chooses a preset and waits until the provenance block names `expected`. */
async function choose(page, preset, expected) {
  await page.selectOption("#server-preset", preset);
  await page.waitForFunction(
    (source) => new RegExp(source).test(document.querySelector("#server-provenance")?.textContent ?? ""),
    expected.source,
  );
  return text(page, "#server-provenance");
}

test("each preset says how it is known, in English and German", () =>
  withBrowser(async (browser) => {
    const session = await openPlayground(browser);
    const { page } = session;
    await page.click("#tab-negotiation");
    await page.selectOption("#negotiated-partner", "adatum.com");

    let shown = await choose(page, "prosody", /proven against the real server/);
    assert.match(shown, /tests\/interop: Debian 12's prosody/);
    assert.doesNotMatch(shown, /Historical/);
    shown = await choose(page, "openfire", /modelled from source/);
    assert.match(shown, /tag v5\.1/);
    shown = await choose(page, "tigase", /modelled from documentation/);
    assert.doesNotMatch(shown, /proven|source/);

    // Each option carries its provenance; Google Talk sits in a group of its own, marked.
    assert.match(await text(page, '#server-preset option[value="prosody"]'), /^Prosody \(defaults\) — proven against the real server$/);
    assert.match(await text(page, '#server-preset option[value="openfire47"]'), /— modelled from source$/);
    assert.equal(await page.locator('#server-preset optgroup option[value="googleTalk"]').count(), 1);
    assert.equal(await page.locator("#server-preset optgroup option").count(), 1);
    assert.equal(await page.getAttribute("#server-preset optgroup", "label"), "No longer federating");
    shown = await choose(page, "googleTalk", /modelled from documentation/);
    assert.match(shown, /Historical: this service no longer federates/);
    await screenshot(page, "negotiation-provenance");

    // A policy of one's own is known from nobody.
    await page.selectOption("#server-preset", "custom");
    await page.waitForSelector("#server-provenance", { state: "detached" });

    // German: the labels come from the core, in the chosen language.
    await page.selectOption("#language", "de");
    shown = await choose(page, "prosody", /am echten Server nachgewiesen/);
    assert.match(shown, /Woher der Simulator diesen Server kennt/);
    shown = await choose(page, "openfire48", /aus dem Quelltext modelliert/);
    shown = await choose(page, "tigase", /aus der Dokumentation modelliert/);
    assert.match(await text(page, '#server-preset option[value="prosody"]'), /^Prosody \(Standard\) — am echten Server nachgewiesen$/);
    assert.equal(await page.getAttribute("#server-preset optgroup", "label"), "Föderiert nicht mehr");
    shown = await choose(page, "googleTalk", /Historisch: Dieser Dienst föderiert nicht mehr/);
    assertClean(session);
  }));
