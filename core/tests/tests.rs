//! Integration tests: one binary, a module per area. Fixtures are data files under `fixtures/`
//! and `data/`.

// Helpers outside `#[test]` functions may fail loudly too: this whole crate is test code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod util;

mod api;
mod commit;
mod contacts;
mod diagnostics;
mod domains;
mod format_list;
mod formats;
mod hostile;
mod large;
mod limits;
mod machines;
mod matrix;
mod powershell;
mod s2s;
mod schema;
mod xml;
