//! `cargo xtask pkg`: builds the core for WebAssembly and writes the npm package's generated
//! files into `pkg/dist/`: the `web` bindings (browsers, bundlers, `<script type="module">`),
//! the `nodejs` bindings (`require`), and small entry modules that load the wasm.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use wasm_bindgen_cli_support::Bindgen;

use crate::tools::{ensure_npm, ensure_wasm_target};
use crate::{cargo, root, run};

/// The stem of the generated files: `xmpp_federation.js`, `xmpp_federation_bg.wasm`.
const STEM: &str = "xmpp_federation";

/// The WebAssembly features of this toolchain's output that `wasm-opt` must accept.
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Sizes of the built wasm.
pub struct Sizes {
    pub raw: usize,
    pub gzip: usize,
}

pub fn dist() -> PathBuf {
    root().join("pkg/dist")
}

/// Builds the package: wasm, bindings, `wasm-opt`, entry modules. Returns the wasm's sizes.
pub fn build() -> Result<Sizes, String> {
    let input = compile("xmpp-federation-wasm", "xmpp_federation_wasm")?;
    let dist = dist();
    clean(&dist)?;
    bindings(&input, &dist.join("web"), STEM, Target::Web)?;
    bindings(&input, &dist.join("node"), STEM, Target::Node)?;
    for folder in ["web", "node"] {
        optimise(&dist.join(folder).join(format!("{STEM}_bg.wasm")))?;
    }
    // The CommonJS bindings sit in an ES module package: mark their folder.
    write(
        &dist.join("node/package.json"),
        "{\n  \"type\": \"commonjs\"\n}\n",
    )?;
    let names = exported_functions(&dist.join(format!("node/{STEM}.d.ts")))?;
    write(&dist.join("index.js"), &browser_entry(&names))?;
    write(&dist.join("index.node.mjs"), &node_entry(&names))?;
    let wasm = dist.join(format!("web/{STEM}_bg.wasm"));
    let sizes = Sizes {
        raw: fs::metadata(&wasm)
            .map_err(|e| format!("{}: {e}", wasm.display()))?
            .len() as usize,
        gzip: gzip_len(&wasm)?,
    };
    eprintln!(
        "xtask: pkg/dist written; wasm {} bytes, {:.1} KiB gzip",
        sizes.raw,
        sizes.gzip as f64 / 1024.0
    );
    Ok(sizes)
}

/// Compiles a workspace crate for the browser (profile `wasm`), with the tools the steps after
/// it need; returns the module's path.
pub fn compile(package: &str, file_stem: &str) -> Result<PathBuf, String> {
    ensure_wasm_target()?;
    ensure_npm("pkg", ".bin/wasm-opt")?;
    run(
        &cargo(),
        &[
            "build",
            "--package",
            package,
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm",
        ],
        &[],
    )?;
    Ok(root().join(format!(
        "target/wasm32-unknown-unknown/wasm/{file_stem}.wasm"
    )))
}

/// Empties a generated folder.
pub fn clean(folder: &Path) -> Result<(), String> {
    if folder.exists() {
        fs::remove_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq)]
pub enum Target {
    Web,
    Node,
}

/// The JavaScript bindings of `input`, named `stem`, with TypeScript declarations for the
/// package (Node) and without for the playground's own module (Web, stem `app`).
pub fn bindings(input: &Path, out: &Path, stem: &str, target: Target) -> Result<(), String> {
    let mut bindgen = Bindgen::new();
    bindgen
        .input_path(input)
        .out_name(stem)
        .typescript(stem == STEM);
    // Without this, the web target's `init()` has no default path to load the wasm from.
    bindgen.omit_default_module_path(false);
    let configured = match target {
        Target::Web => bindgen.web(true),
        Target::Node => bindgen.nodejs(true),
    };
    configured
        .map_err(|e| format!("wasm-bindgen: {e:#}"))?
        .generate(out)
        .map_err(|e| format!("wasm-bindgen: {e:#}"))
}

/// `wasm-opt -Oz` from the npm package `binaryen` (Debian's is too old for this toolchain).
pub fn optimise(wasm: &Path) -> Result<(), String> {
    let tool = root().join("pkg/node_modules/.bin/wasm-opt");
    let path = wasm.to_string_lossy().into_owned();
    let mut args: Vec<&str> = vec!["-Oz", "--strip-debug", "--strip-producers"];
    args.extend(WASM_FEATURES);
    args.extend([path.as_str(), "-o", path.as_str()]);
    run(&tool.to_string_lossy(), &args, &[])
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The functions the bindings export, read from their declarations.
fn exported_functions(declarations: &Path) -> Result<Vec<String>, String> {
    let text =
        fs::read_to_string(declarations).map_err(|e| format!("{}: {e}", declarations.display()))?;
    let names: Vec<String> = text
        .lines()
        .filter_map(|line| line.strip_prefix("export function "))
        .filter_map(|rest| rest.split('(').next())
        .map(str::to_owned)
        .collect();
    if names.is_empty() {
        return Err(format!("{} declares no functions", declarations.display()));
    }
    Ok(names)
}

/// The entry for browsers, bundlers and `<script type="module">`: loads the wasm next to it
/// with top-level await, then exports the functions.
fn browser_entry(names: &[String]) -> String {
    format!(
        "// Generated by `cargo xtask pkg`. Loads the WebAssembly module, then exports the API.\n\
         import init, {{ {list} }} from \"./web/{STEM}.js\";\n\n\
         await init({{ module_or_path: new URL(\"./web/{STEM}_bg.wasm\", import.meta.url) }});\n\n\
         export {{ {list} }};\n",
        list = names.join(", ")
    )
}

/// The entry for Node's `import`: the CommonJS bindings, which load the wasm synchronously.
fn node_entry(names: &[String]) -> String {
    let mut text = format!(
        "// Generated by `cargo xtask pkg`. Node's `import` of the CommonJS bindings.\n\
         import {{ createRequire }} from \"node:module\";\n\n\
         const api = createRequire(import.meta.url)(\"./node/{STEM}.js\");\n\n"
    );
    for name in names {
        text.push_str(&format!("export const {name} = api.{name};\n"));
    }
    text
}

/// The gzip size of a file, measured as the package's size test measures it (Node's zlib,
/// level 9), so that the number reported here is the number the budget is checked against.
pub fn gzip_len(path: &Path) -> Result<usize, String> {
    let output = Command::new("node")
        .args([
            "-e",
            "const z=require('node:zlib'),f=require('node:fs');\
             process.stdout.write(String(z.gzipSync(f.readFileSync(process.argv[1]),{level:9}).length))",
        ])
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run node: {e}"))?;
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .map_err(|e| format!("measuring the gzip size: {e}"))
}
