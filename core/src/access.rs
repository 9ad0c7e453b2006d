//! Who may change the partner list (seed step 1).

use serde::Serialize;

/// The group whose members may change Lync configuration.
pub const ADMIN_GROUP: &str = "RTCUniversalServerAdmins";
/// The role-based access control role that may change Lync configuration.
pub const ADMIN_ROLE: &str = "CsAdministrator";

/// What a principal may do with the partner list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum Access {
    /// Create, edit, delete and commit partners.
    Commit,
    /// View partners and run validations only.
    ReadOnly,
}

/// The user an embedding console acts for: their group memberships and Lync RBAC roles.
///
/// Only a member of `RTCUniversalServerAdmins` or a holder of the `CsAdministrator` role may
/// commit ("Create or edit XMPP partner configuration", step 1); every other role, such as
/// `CsViewOnlyAdministrator` or `CsUserAdministrator`, may only read. Names compare without
/// regard to case, and a domain prefix (`CONTOSO\RTCUniversalServerAdmins`) or a distinguished
/// name (`CN=RTCUniversalServerAdmins,OU=...`) is reduced to the plain name.
///
/// ```
/// use xmpp_federation::{Access, Principal};
///
/// let admin = Principal::new("kim").with_group(r"CONTOSO\RTCUniversalServerAdmins");
/// assert_eq!(admin.access(), Access::Commit);
/// let viewer = Principal::new("lee").with_role("CsViewOnlyAdministrator");
/// assert_eq!(viewer.access(), Access::ReadOnly);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Principal {
    name: String,
    groups: Vec<String>,
    roles: Vec<String>,
}

impl Principal {
    /// A principal with no groups or roles.
    pub fn new(name: impl Into<String>) -> Principal {
        Principal {
            name: name.into(),
            groups: Vec::new(),
            roles: Vec::new(),
        }
    }

    /// Adds a group membership.
    #[must_use]
    pub fn with_group(mut self, group: impl Into<String>) -> Principal {
        self.groups.push(group.into());
        self
    }

    /// Adds an RBAC role.
    #[must_use]
    pub fn with_role(mut self, role: impl Into<String>) -> Principal {
        self.roles.push(role.into());
        self
    }

    /// The principal's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What the principal may do.
    pub fn access(&self) -> Access {
        let is = |names: &[String], wanted: &str| {
            names
                .iter()
                .any(|n| plain_name(n).eq_ignore_ascii_case(wanted))
        };
        if is(&self.groups, ADMIN_GROUP) || is(&self.roles, ADMIN_ROLE) {
            Access::Commit
        } else {
            Access::ReadOnly
        }
    }
}

/// `CONTOSO\Name`, `CN=Name,OU=...` and `Name@contoso.com` all become `Name`.
fn plain_name(name: &str) -> &str {
    let name = name.trim();
    let name = name.rsplit('\\').next().unwrap_or(name);
    let name = match name.get(..3) {
        Some(prefix) if prefix.eq_ignore_ascii_case("CN=") => {
            name[3..].split(',').next().unwrap_or_default()
        }
        _ => name,
    };
    name.split('@').next().unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_admin_group_and_role_may_commit() {
        assert_eq!(
            Principal::new("a").with_role("CsAdministrator").access(),
            Access::Commit
        );
        assert_eq!(
            Principal::new("a")
                .with_group("CN=RTCUniversalServerAdmins,OU=Groups,DC=contoso,DC=com")
                .access(),
            Access::Commit
        );
        assert_eq!(
            Principal::new("a")
                .with_group("rtcuniversalserveradmins")
                .access(),
            Access::Commit
        );
        for role in [
            "CsServerAdministrator",
            "CsUserAdministrator",
            "CsViewOnlyAdministrator",
            "CsHelpDesk",
            "CsAdministrators",
        ] {
            assert_eq!(
                Principal::new("a").with_role(role).access(),
                Access::ReadOnly,
                "{role}"
            );
        }
        assert_eq!(
            Principal::new("a")
                .with_group("RTCUniversalUserAdmins")
                .access(),
            Access::ReadOnly
        );
        assert_eq!(Principal::new("a").access(), Access::ReadOnly);
    }
}
