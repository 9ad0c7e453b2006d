//! The playground's entry point: the page itself lives in the library, so that the state, the
//! share-link codec among it, is reachable natively by the tests and the fuzz targets.

#![forbid(unsafe_code)]

fn main() {
    xmpp_federation_web::start();
}
