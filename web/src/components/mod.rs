//! The page's components, one per file, in folders that mirror the page.

pub mod contacts;
pub mod footer;
pub mod header;
pub mod icon;
pub mod io;
pub mod matrix;
pub mod nav;
pub mod negotiation;
pub mod partners;
pub mod shared_bar;
pub mod toast;
