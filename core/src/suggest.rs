//! "Did you mean" suggestions.

/// The candidate closest to `input`, if one is close enough to be a plausible typo. Case is
/// ignored, and an exact match ignoring case always wins.
pub(crate) fn closest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    const THRESHOLD: f64 = 0.6;
    let wanted = input.to_lowercase();
    let mut best: Option<(f64, &'a str)> = None;
    for candidate in candidates {
        let lower = candidate.to_lowercase();
        if lower == wanted {
            return Some(candidate);
        }
        let score = strsim::normalized_damerau_levenshtein(&wanted, &lower);
        if score >= THRESHOLD && best.is_none_or(|(s, _)| score > s) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_typos_and_case() {
        let fields = ["tlsNegotiation", "saslNegotiation", "domain"];
        assert_eq!(closest("tlsNegociation", fields), Some("tlsNegotiation"));
        assert_eq!(closest("TLSNEGOTIATION", fields), Some("tlsNegotiation"));
        assert_eq!(closest("colour", fields), None);
        let values = ["Required", "Optional", "NotSupported"];
        assert_eq!(closest("Requried", values), Some("Required"));
        assert_eq!(closest("not supported", values), Some("NotSupported"));
    }
}
