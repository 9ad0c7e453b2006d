//! The Lync negotiation matrix: the 18 combinations of TLS, SASL and dialback, the authentication
//! methods each can use, and whether the Control Panel commits it.
//!
//! Source: "Negotiation settings for XMPP federated partners in Lync Server 2013", table 2 ("XMPP
//! Federation Negotiation Methods Matrix - Complete") and table 1 ("Common XMPP Federation
//! Negotiation Methods"), and the SASL-requires-TLS rule of "Create or edit XMPP partner
//! configuration in Lync Server 2013".

use std::borrow::Cow;
use std::fmt;

use serde::ser::SerializeSeq;
use serde::{Deserialize, Serialize, Serializer};

use crate::catalogue::matrix as text;
use crate::language::Language;
use crate::settings::Negotiation;

/// A way a server-to-server stream gets authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum AuthenticationMethod {
    /// SASL EXTERNAL with the certificate presented during TLS (RFC 6120 §6, XEP-0178).
    SaslOverTls,
    /// Server dialback (XEP-0220) on a TLS-encrypted stream.
    TlsDialback,
    /// Server dialback (XEP-0220) on an unencrypted TCP stream.
    TcpDialback,
}

impl AuthenticationMethod {
    /// All methods, strongest first.
    pub const ALL: [AuthenticationMethod; 3] = [
        AuthenticationMethod::SaslOverTls,
        AuthenticationMethod::TlsDialback,
        AuthenticationMethod::TcpDialback,
    ];

    /// The identifier used in JSON: `SaslOverTls`, `TlsDialback` or `TcpDialback`.
    pub fn name(self) -> &'static str {
        match self {
            AuthenticationMethod::SaslOverTls => "SaslOverTls",
            AuthenticationMethod::TlsDialback => "TlsDialback",
            AuthenticationMethod::TcpDialback => "TcpDialback",
        }
    }

    /// The words the Lync matrix uses: "SASL over TLS", "TLS Dialback", "TCP Dialback".
    pub fn label(self, language: Language) -> Cow<'static, str> {
        match self {
            AuthenticationMethod::SaslOverTls => text::authentication_sasl_over_tls(),
            AuthenticationMethod::TlsDialback => text::authentication_tls_dialback(),
            AuthenticationMethod::TcpDialback => text::authentication_tcp_dialback(),
        }
        .text(language)
    }

    fn bit(self) -> u8 {
        match self {
            AuthenticationMethod::SaslOverTls => 1,
            AuthenticationMethod::TlsDialback => 2,
            AuthenticationMethod::TcpDialback => 4,
        }
    }
}

impl fmt::Display for AuthenticationMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of authentication methods, iterated strongest first. Serialises as a JSON array.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct MethodSet(u8);

impl MethodSet {
    /// The empty set.
    pub const EMPTY: MethodSet = MethodSet(0);

    /// Whether the set holds `method`.
    pub fn contains(self, method: AuthenticationMethod) -> bool {
        self.0 & method.bit() != 0
    }

    /// Adds `method`.
    pub fn insert(&mut self, method: AuthenticationMethod) {
        self.0 |= method.bit();
    }

    /// Whether the set is empty.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The number of methods.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The methods, strongest first.
    pub fn iter(self) -> impl Iterator<Item = AuthenticationMethod> {
        AuthenticationMethod::ALL
            .into_iter()
            .filter(move |m| self.contains(*m))
    }

    /// The labels joined the way the matrix writes them: "SASL over TLS, TLS Dialback".
    pub fn labels(self, language: Language) -> String {
        self.iter()
            .map(|m| m.label(language))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl FromIterator<AuthenticationMethod> for MethodSet {
    fn from_iter<I: IntoIterator<Item = AuthenticationMethod>>(iter: I) -> Self {
        let mut set = MethodSet::EMPTY;
        for method in iter {
            set.insert(method);
        }
        set
    }
}

impl fmt::Debug for MethodSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl Serialize for MethodSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for method in self.iter() {
            seq.serialize_element(&method)?;
        }
        seq.end()
    }
}

/// How the complete matrix judges a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
pub enum RowVerdict {
    /// A valid row without a warning.
    Valid,
    /// A valid row that carries a warning in the matrix.
    Warning,
    /// "Not Valid Configuration": no authentication method is left.
    NotValid,
}

macro_rules! matrix_rows {
    ($($row:ident = $n:literal: $tls:ident, $sasl:ident, $dialback:literal;)*) => {
        /// A row of the complete negotiation matrix: one combination of `TlsNegotiation`,
        /// `SaslNegotiation` and `SupportDialbackNegotiation`.
        ///
        /// Rows are numbered as in the source: SASL varies slowest, then TLS, then dialback
        /// (`True` before `False`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
        pub enum MatrixRow {
            $(
                #[doc = concat!("TLS `", stringify!($tls), "`, SASL `", stringify!($sasl),
                    "`, dialback `", stringify!($dialback), "`.")]
                $row,
            )*
        }

        impl MatrixRow {
            /// All 18 rows in source order.
            pub const ALL: [MatrixRow; 18] = [$(MatrixRow::$row),*];

            /// The row number, 1 to 18.
            pub fn number(self) -> u8 {
                match self { $(MatrixRow::$row => $n),* }
            }

            /// The row's `TlsNegotiation`.
            pub fn tls(self) -> Negotiation {
                match self { $(MatrixRow::$row => Negotiation::$tls),* }
            }

            /// The row's `SaslNegotiation`.
            pub fn sasl(self) -> Negotiation {
                match self { $(MatrixRow::$row => Negotiation::$sasl),* }
            }

            /// The row's `SupportDialbackNegotiation`.
            pub fn dialback(self) -> bool {
                match self { $(MatrixRow::$row => $dialback),* }
            }
        }
    };
}

matrix_rows! {
    M1 = 1: Required, Required, true;
    M2 = 2: Required, Required, false;
    M3 = 3: Optional, Required, true;
    M4 = 4: Optional, Required, false;
    M5 = 5: NotSupported, Required, true;
    M6 = 6: NotSupported, Required, false;
    M7 = 7: Required, Optional, true;
    M8 = 8: Required, Optional, false;
    M9 = 9: Optional, Optional, true;
    M10 = 10: Optional, Optional, false;
    M11 = 11: NotSupported, Optional, true;
    M12 = 12: NotSupported, Optional, false;
    M13 = 13: Required, NotSupported, true;
    M14 = 14: Required, NotSupported, false;
    M15 = 15: Optional, NotSupported, true;
    M16 = 16: Optional, NotSupported, false;
    M17 = 17: NotSupported, NotSupported, true;
    M18 = 18: NotSupported, NotSupported, false;
}

impl MatrixRow {
    /// The row for a combination of settings.
    pub fn classify(tls: Negotiation, sasl: Negotiation, dialback: bool) -> MatrixRow {
        let index = position(sasl) * 6 + position(tls) * 2 + usize::from(!dialback);
        MatrixRow::ALL[index]
    }

    /// The short name, `M1` to `M18`.
    pub fn name(self) -> &'static str {
        const NAMES: [&str; 18] = [
            "M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "M10", "M11", "M12", "M13",
            "M14", "M15", "M16", "M17", "M18",
        ];
        NAMES[usize::from(self.number() - 1)]
    }

    /// The authentication methods the row can end with ("Expected Authentication Method").
    /// Empty for the five "Not Valid Configuration" rows.
    ///
    /// They come from the simulator: the row is played against partner servers of every
    /// policy, and the methods that occur are collected (computed once per process). The tests
    /// check the result against the Lync matrix, row by row. In words, the rows come out as:
    ///
    /// - SASL runs only inside TLS, so SASL over TLS needs both supported;
    /// - dialback over TLS needs TLS supported and dialback on, and does not operate when TLS and
    ///   SASL are both `Required` (M1);
    /// - dialback over plain TCP needs dialback on and TLS not `Required`.
    ///
    /// The common-configurations table lists TCP dialback for C2 (TLS `Required`, SASL
    /// `Optional`, dialback on), while the complete matrix gives the same settings (M7) only
    /// SASL over TLS and TLS dialback. We follow the matrix, and so does the simulation: with TLS
    /// `Required` the proxy never runs an unencrypted stream, so TCP dialback cannot happen.
    /// Diagnostic XF106 tells users about the difference.
    pub fn expected_methods(self) -> MethodSet {
        crate::s2s::row_methods(self)
    }

    /// How the complete matrix judges the row: "Not Valid Configuration" when no method is left,
    /// a warning for M1 and for SASL without guaranteed TLS (M3, M4, M5, M9, M10, M11).
    pub fn verdict(self) -> RowVerdict {
        if self.expected_methods().is_empty() {
            RowVerdict::NotValid
        } else if self.dialback_inoperative() || self.sasl_without_required_tls() {
            RowVerdict::Warning
        } else {
            RowVerdict::Valid
        }
    }

    /// Whether the Control Panel refuses to commit the row: SASL `Required` or `Optional` with
    /// TLS `NotSupported` (M5, M6, M11, M12). "SASL must have TLS support and your changes are
    /// not saved."
    pub fn refused_by_control_panel(self) -> bool {
        self.sasl().is_supported() && self.tls() == Negotiation::NotSupported
    }

    /// Whether dialback is switched on but "will not operate" because TLS and SASL are both
    /// `Required` (M1). Like the methods, this comes from the machines: it is the rule our
    /// proxy's policy follows in the simulation, asked of the row.
    pub fn dialback_inoperative(self) -> bool {
        crate::s2s::row_dialback_inoperative(self)
    }

    /// Whether the Control Panel refuses the row although the matrix gives it a method, TCP
    /// dialback (M5 and M11).
    pub fn refused_but_negotiable(self) -> bool {
        self.refused_by_control_panel() && !self.expected_methods().is_empty()
    }

    /// Whether SASL is on while TLS is not `Required`: "SASL requires TLS. Allowing TLS to be
    /// optional may result in failed session negotiations."
    pub fn sasl_without_required_tls(self) -> bool {
        self.sasl().is_supported() && self.tls() != Negotiation::Required
    }

    /// The row's name in the common-configurations table (`C1` to `C4`), if it is one of them.
    pub fn common_name(self) -> Option<&'static str> {
        match self {
            MatrixRow::M2 => Some("C1"),
            MatrixRow::M7 => Some("C2"),
            MatrixRow::M9 => Some("C3"),
            MatrixRow::M17 => Some("C4"),
            _ => None,
        }
    }

    /// The matrix's note for the row, in our own words.
    pub fn note(self, language: Language) -> Cow<'static, str> {
        match self {
            MatrixRow::M1 => text::matrix_note_dialback_unused(),
            MatrixRow::M2 | MatrixRow::M8 => text::matrix_note_certificate_only(),
            MatrixRow::M3 | MatrixRow::M9 => text::matrix_note_tls_optional_tcp_dialback(),
            MatrixRow::M4 | MatrixRow::M10 => text::matrix_note_tls_optional_fails(),
            MatrixRow::M5 | MatrixRow::M11 => text::matrix_note_sasl_without_tls(),
            MatrixRow::M6 | MatrixRow::M12 => text::matrix_note_sasl_without_tls_no_dialback(),
            MatrixRow::M7 => text::matrix_note_sasl_or_tls_dialback(),
            MatrixRow::M13 => text::matrix_note_tls_dialback(),
            MatrixRow::M14 | MatrixRow::M16 | MatrixRow::M18 => text::matrix_note_no_method(),
            MatrixRow::M15 => text::matrix_note_any_dialback(),
            MatrixRow::M17 => text::matrix_note_tcp_dialback_only(),
        }
        .text(language)
    }
}

fn position(value: Negotiation) -> usize {
    match value {
        Negotiation::Required => 0,
        Negotiation::Optional => 1,
        Negotiation::NotSupported => 2,
    }
}

impl fmt::Display for MatrixRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_inverts_the_row_settings() {
        for row in MatrixRow::ALL {
            assert_eq!(
                MatrixRow::classify(row.tls(), row.sasl(), row.dialback()),
                row
            );
            assert_eq!(row.name(), format!("M{}", row.number()));
        }
    }

    #[test]
    fn cmdlet_defaults_are_m1() {
        assert_eq!(
            MatrixRow::classify(Negotiation::Required, Negotiation::Required, true),
            MatrixRow::M1
        );
    }
}

/// A row of the matrix with everything said about it, in one language: what `xmpp-federation
/// matrix --format json` and the WebAssembly package's `matrix` return.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct RowSummary {
    /// The row, `M1` to `M18`.
    pub row: MatrixRow,
    /// Its `TlsNegotiation`.
    pub tls_negotiation: Negotiation,
    /// Its `SaslNegotiation`.
    pub sasl_negotiation: Negotiation,
    /// Its `SupportDialbackNegotiation`.
    pub support_dialback_negotiation: bool,
    /// The authentication methods it can end with.
    pub expected_methods: MethodSet,
    /// How the matrix judges it.
    pub verdict: RowVerdict,
    /// Whether the Control Panel refuses to commit it.
    pub refused_by_control_panel: bool,
    /// Its name in the common-configurations table, `C1` to `C4`.
    pub common: Option<&'static str>,
    /// The matrix's note, in our words.
    pub note: String,
}

impl MatrixRow {
    /// The row with everything said about it, in one language.
    pub fn summary(self, language: Language) -> RowSummary {
        RowSummary {
            row: self,
            tls_negotiation: self.tls(),
            sasl_negotiation: self.sasl(),
            support_dialback_negotiation: self.dialback(),
            expected_methods: self.expected_methods(),
            verdict: self.verdict(),
            refused_by_control_panel: self.refused_by_control_panel(),
            common: self.common_name(),
            note: self.note(language).into_owned(),
        }
    }
}
