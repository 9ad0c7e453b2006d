//! The global XMPP gateway settings, as `Set-CsXmppGatewayConfiguration` sets them.

use std::fmt;

use serde::{Serialize, Serializer};

use crate::text::ControlCharacter;

/// The global XMPP gateway settings: the parameters of `Set-CsXmppGatewayConfiguration`, with
/// its documented defaults. There is exactly one such configuration (`-Identity global`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct GatewayConfig {
    /// Total simultaneous connections for all partners (default 1000).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub connection_limit: u32,
    /// Simultaneous connections for a single partner (default 20).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub partner_connection_limit: u32,
    /// Seconds within which a partner must send a keep-alive (default 300).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub keep_alive_interval: u32,
    /// Seconds a partner has to establish a stream (default 60).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub stream_establishment_timeout: u32,
    /// Seconds a stream may be idle before it is closed (default 600).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub stream_inactivity_timeout: u32,
    /// Seconds before a partner must refresh its presence subscription (default 28800).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub subscription_refresh_interval: u32,
    /// The secret for dialback keys (`-DialbackPassphrase`). No default is documented.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dialback_passphrase: Option<Passphrase>,
    /// Whether the content of every message is logged (default false).
    #[cfg_attr(feature = "typescript", tsify(optional))]
    pub enable_logging_all_message_bodies: bool,
}

impl Default for GatewayConfig {
    fn default() -> Self {
        GatewayConfig {
            connection_limit: 1000,
            partner_connection_limit: 20,
            keep_alive_interval: 300,
            stream_establishment_timeout: 60,
            stream_inactivity_timeout: 600,
            subscription_refresh_interval: 28800,
            dialback_passphrase: None,
            enable_logging_all_message_bodies: false,
        }
    }
}

/// The dialback passphrase: a secret, so `Debug` does not show it. Like a
/// [`Description`](crate::Description), it cannot hold control characters.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(String);

impl Passphrase {
    /// Checks and wraps a passphrase.
    pub fn new(secret: impl Into<String>) -> Result<Passphrase, ControlCharacter> {
        let secret = secret.into();
        crate::text::check(&secret)?;
        Ok(Passphrase(secret))
    }

    /// The secret itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(<redacted>)")
    }
}

/// Serialises the secret itself: exports must round-trip the configuration.
impl Serialize for Passphrase {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passphrase_is_redacted_in_debug() {
        let gateway = GatewayConfig {
            dialback_passphrase: Some(Passphrase::new("s3cret").unwrap()),
            ..GatewayConfig::default()
        };
        assert!(!format!("{gateway:?}").contains("s3cret"));
    }
}
