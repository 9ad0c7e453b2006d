//! `cargo run -p xtask-catalogue -- [--check] [--stats]`: what `cargo xtask catalogue` does,
//! for when the crates that use the catalogue do not compile yet (a new key is written to the
//! catalogue, and generated, before the code calls it).

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    match xtask_catalogue::command(&root, &args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("catalogue: {message}");
            ExitCode::FAILURE
        }
    }
}
