//! Dialback keys (XEP-0185 §2, reused by XEP-0220 §2.1.1).
//!
//! ```text
//! key = HMAC-SHA256( hex(SHA256(secret)), receiving ' ' originating ' ' stream-id )
//! ```
//!
//! The HMAC key is the lowercase hexadecimal string of SHA-256 of the secret, not the raw
//! digest; the output is lowercase hexadecimal.

use std::fmt::Write;

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// The dialback key that the originating (initiating) server sends for the stream `stream_id`
/// that the receiving server opened towards it.
pub(crate) fn key(secret: &str, receiving: &str, originating: &str, stream_id: &str) -> String {
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
    secret: &str,
    receiving: &str,
    originating: &str,
    stream_id: &str,
    presented: &str,
) -> bool {
    let expected = key(secret, receiving, originating, stream_id);
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
                "s3cr3tf0rd14lb4ck",
                "montague.example",
                "capulet.example",
                "D60000229F"
            ),
            "b4835385f37fe2895af6c196b59097b16862406db80559900d96bf6fa7d23df3"
        );
        assert_eq!(
            key(
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
        let k = key("secret", "b.example", "a.example", "ID2");
        assert!(verify(
            "secret",
            "b.example",
            "a.example",
            "ID2",
            &format!("\n  {k}\n")
        ));
        assert!(!verify("other", "b.example", "a.example", "ID2", &k));
        assert!(!verify("secret", "b.example", "a.example", "ID1", &k));
        assert!(!verify("secret", "a.example", "b.example", "ID2", &k));
        assert!(!verify("secret", "b.example", "a.example", "ID2", "short"));
    }
}
