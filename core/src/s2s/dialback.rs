//! Dialback keys (XEP-0185 §2, reused by XEP-0220 §2.1.1).
//!
//! ```text
//! key = HMAC-SHA256( hex(SHA256(secret)), receiving ' ' originating ' ' stream-id )
//! ```
//!
//! The HMAC key is the lowercase hexadecimal string of SHA-256 of the secret, not the raw
//! digest; the output is lowercase hexadecimal.
//!
//! Openfire computes its keys otherwise: the hexadecimal SHA-1 of the stream id followed by its
//! secret, without the domains (`auth/AuthFactory.java` lines 195-200, Openfire v4.8.0). Only
//! the server that made a key checks it, so both forms interoperate.

use std::fmt::Write;

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

use super::profile::DialbackKey;

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// The dialback key that the originating (initiating) server sends for the stream `stream_id`
/// that the receiving server opened towards it.
pub(crate) fn key(
    algorithm: DialbackKey,
    secret: &str,
    receiving: &str,
    originating: &str,
    stream_id: &str,
) -> String {
    if algorithm == DialbackKey::Sha1 {
        let mut digest = sha1::Sha1::new();
        digest.update(stream_id.as_bytes());
        digest.update(secret.as_bytes());
        return hex(&digest.finalize());
    }
    let hashed_secret = hex(&Sha256::digest(secret.as_bytes()));
    // INVARIANT: HMAC accepts keys of any length.
    #[allow(clippy::expect_used)]
    let mut mac = Hmac::<Sha256>::new_from_slice(hashed_secret.as_bytes())
        .expect("HMAC takes keys of any length");
    mac.update(receiving.as_bytes());
    mac.update(b" ");
    mac.update(originating.as_bytes());
    mac.update(b" ");
    mac.update(stream_id.as_bytes());
    hex(&mac.finalize().into_bytes())
}

/// Whether `presented` is the key the secret gives, compared in constant time.
pub(crate) fn verify(
    algorithm: DialbackKey,
    secret: &str,
    receiving: &str,
    originating: &str,
    stream_id: &str,
    presented: &str,
) -> bool {
    let expected = key(algorithm, secret, receiving, originating, stream_id);
    let presented = presented.trim().as_bytes();
    expected.len() == presented.len()
        && expected
            .as_bytes()
            .iter()
            .zip(presented)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// XEP-0185 §3.
    #[test]
    fn xep_0185_example() {
        assert_eq!(
            key(
                DialbackKey::Xep0185,
                "s3cr3tf0rd14lb4ck",
                "xmpp.example.com",
                "example.org",
                "D60000229F"
            ),
            "37c69b1cf07a3f67c04a5ef5902fa5114f2c76fe4a2686482ba5b89323075643"
        );
    }

    /// XEP-0220 §2.1.1 (Example 1) and §2.2.2 (Example 5).
    #[test]
    fn xep_0220_examples() {
        assert_eq!(
            key(
                DialbackKey::Xep0185,
                "s3cr3tf0rd14lb4ck",
                "montague.example",
                "capulet.example",
                "D60000229F"
            ),
            "b4835385f37fe2895af6c196b59097b16862406db80559900d96bf6fa7d23df3"
        );
        assert_eq!(
            key(
                DialbackKey::Xep0185,
                "d14lb4ck43v3r",
                "capulet.example",
                "montague.example",
                "417GAF25"
            ),
            "225cc5aa6a071133249d25fef42ae516fc7a86c523aa1c6980a7f73e784c972d"
        );
    }

    #[test]
    fn verification_needs_the_same_secret_domains_and_stream() {
        let k = key(
            DialbackKey::Xep0185,
            "secret",
            "b.example",
            "a.example",
            "ID2",
        );
        assert!(verify(
            DialbackKey::Xep0185,
            "secret",
            "b.example",
            "a.example",
            "ID2",
            &format!("\n  {k}\n")
        ));
        assert!(!verify(
            DialbackKey::Xep0185,
            "other",
            "b.example",
            "a.example",
            "ID2",
            &k
        ));
        assert!(!verify(
            DialbackKey::Xep0185,
            "secret",
            "b.example",
            "a.example",
            "ID1",
            &k
        ));
        assert!(!verify(
            DialbackKey::Xep0185,
            "secret",
            "a.example",
            "b.example",
            "ID2",
            &k
        ));
        assert!(!verify(
            DialbackKey::Xep0185,
            "secret",
            "b.example",
            "a.example",
            "ID2",
            "short"
        ));
    }

    /// Openfire's keys: SHA-1 of the stream id and the secret, checked the same way.
    #[test]
    fn openfire_keys_are_sha1_of_stream_id_and_secret() {
        // SHA-1 of "ID2secret", computed independently.
        let k = key(DialbackKey::Sha1, "secret", "b.example", "a.example", "ID2");
        assert_eq!(k, "6655999f2909d9540bf3abe668627496ace77a62");
        assert!(verify(DialbackKey::Sha1, "secret", "x", "y", "ID2", &k));
        assert!(!verify(DialbackKey::Sha1, "secret", "x", "y", "ID1", &k));
        assert!(!verify(
            DialbackKey::Xep0185,
            "secret",
            "b.example",
            "a.example",
            "ID2",
            &k
        ));
    }
}
