//! `cargo xtask dist` and `cargo xtask serve`: the playground as a static folder (`web/dist`)
//! that can be hosted anywhere, and a local server for it on http://127.0.0.1:8080.

use std::fs;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use crate::{pkg, root};

/// The files of `web/static` copied into the folder as they are.
const STATIC: &[&str] = &["index.html", "style.css", "boot.js", "favicon.svg"];

/// What a browser downloads for the page, gzip-compressed.
pub struct Transfer {
    pub wasm: usize,
    pub js: usize,
    pub css: usize,
    pub html: usize,
}

impl Transfer {
    pub fn total(&self) -> usize {
        self.wasm + self.js + self.css + self.html
    }
}

pub fn dist_dir() -> PathBuf {
    root().join("web/dist")
}

/// Builds the playground into `web/dist` and reports its transfer size.
pub fn dist() -> Result<Transfer, String> {
    let input = pkg::compile("xmpp-federation-web", "xmpp-federation-web")?;
    let out = dist_dir();
    pkg::clean(&out)?;
    pkg::bindings(&input, &out, "app", pkg::Target::Web)?;
    pkg::optimise(&out.join("app_bg.wasm"))?;
    for name in STATIC {
        let from = root().join("web/static").join(name);
        fs::copy(&from, out.join(name)).map_err(|e| format!("{}: {e}", from.display()))?;
    }
    let size = |name: &str| pkg::gzip_len(&out.join(name));
    let transfer = Transfer {
        wasm: size("app_bg.wasm")?,
        js: size("app.js")? + size("boot.js")?,
        css: size("style.css")?,
        html: size("index.html")?,
    };
    eprintln!(
        "xtask: web/dist written; transfer {:.1} KiB gzip (wasm {:.1}, JS {:.1}, CSS {:.1}, HTML {:.1})",
        kib(transfer.total()),
        kib(transfer.wasm),
        kib(transfer.js),
        kib(transfer.css),
        kib(transfer.html)
    );
    Ok(transfer)
}

fn kib(bytes: usize) -> f64 {
    bytes as f64 / 1024.0
}

/// Serves `folder` on `address` until the process ends. `tower-http`'s `ServeDir` gives every
/// file its type (`application/wasm` for the module) and refuses paths outside the folder.
pub fn serve(folder: &Path, address: SocketAddr) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|e| format!("cannot listen on {address}: {e}"))?;
        let bound = listener.local_addr().map_err(|e| e.to_string())?;
        eprintln!(
            "xtask: serving {} on http://{bound}/ (Ctrl+C stops)",
            folder.display()
        );
        axum::serve(listener, router(folder))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| format!("server: {e}"))
    })
}

/// The routes: every file of the folder, `index.html` for `/`.
pub fn router(folder: &Path) -> axum::Router {
    axum::Router::new().fallback_service(tower_http::services::ServeDir::new(folder))
}

/// Starts serving `folder` on a free port of 127.0.0.1 in the background, for the browser tests;
/// returns the address. The server ends with the process.
pub fn serve_in_background(folder: &Path) -> Result<SocketAddr, String> {
    let std_listener = std::net::TcpListener::bind("127.0.0.1:0")
        .map_err(|e| format!("cannot listen on a free port: {e}"))?;
    std_listener
        .set_nonblocking(true)
        .map_err(|e| e.to_string())?;
    let address = std_listener.local_addr().map_err(|e| e.to_string())?;
    let folder = folder.to_path_buf();
    std::thread::spawn(move || {
        let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        else {
            return;
        };
        runtime.block_on(async move {
            if let Ok(listener) = tokio::net::TcpListener::from_std(std_listener) {
                let _ = axum::serve(listener, router(&folder)).await;
            }
        });
    });
    Ok(address)
}
