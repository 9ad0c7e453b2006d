// Starts the playground, or says clearly why it cannot: no WebAssembly, or a module that does
// not load. Nothing else runs outside the WebAssembly module.
const boot = document.getElementById("boot");

function fail(reason) {
  boot.querySelector('[data-state="loading"]').hidden = true;
  const failed = boot.querySelector('[data-state="failed"]');
  failed.hidden = false;
  if (reason) failed.querySelector("[data-reason]").textContent = ` (${reason})`;
  document.documentElement.dataset.boot = "failed";
}

if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
  fail("WebAssembly is not available");
} else {
  import("./app.js")
    .then((module) => module.default({ module_or_path: new URL("./app_bg.wasm", import.meta.url) }))
    .then(() => {
      boot.remove();
      document.documentElement.dataset.boot = "ready";
    })
    .catch((error) => fail(String(error && error.message ? error.message : error)));
}
