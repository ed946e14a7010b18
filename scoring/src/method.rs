//! The constants of the scoring method, named as `docs/scoring.md` names them.

/// The top of the maturity scale: 0 nothing, 1 initial, 2 partial, 3 defined and applied,
/// 4 managed and checked.
pub const MAX_LEVEL: u8 = 4;

/// The lowest score (0–100, after rounding) that earns levels 1, 2, 3 and 4.
///
/// A score is the weighted mean level × 25, so level *n* is reached when the mean answer is at
/// least *n* − 0.2: 20 → 1, 45 → 2, 70 → 3, 95 → 4.
pub const LEVEL_THRESHOLDS: [f64; 4] = [20.0, 45.0, 70.0, 95.0];

/// A critical control answered at this level or below caps its domain.
pub const CRITICAL_FAILURE_LEVEL: u8 = 1;

/// The highest level a domain can have while one of its critical controls fails.
pub const CAPPED_DOMAIN_LEVEL: u8 = 1;

/// The highest overall level while any domain is capped.
pub const CAPPED_OVERALL_LEVEL: u8 = 2;

/// The maturity level (0–4) that a score (0–100) earns, before any cap.
pub fn level_for_score(score: f64) -> u8 {
    LEVEL_THRESHOLDS
        .iter()
        .take_while(|threshold| score >= **threshold)
        .count() as u8
}

/// Rounds a score to one decimal, the precision every output shows.
pub(crate) fn round_score(score: f64) -> f64 {
    (score * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_map_scores_to_levels() {
        assert_eq!(level_for_score(0.0), 0);
        assert_eq!(level_for_score(19.9), 0);
        assert_eq!(level_for_score(20.0), 1);
        assert_eq!(level_for_score(44.9), 1);
        assert_eq!(level_for_score(45.0), 2);
        assert_eq!(level_for_score(69.9), 2);
        assert_eq!(level_for_score(70.0), 3);
        assert_eq!(level_for_score(94.9), 3);
        assert_eq!(level_for_score(95.0), 4);
        assert_eq!(level_for_score(100.0), 4);
    }

    #[test]
    fn rounding_keeps_one_decimal() {
        assert_eq!(round_score(66.666_666), 66.7);
        assert_eq!(round_score(12.04), 12.0);
    }
}

#[cfg(test)]
mod documented {
    //! `docs/scoring.md` states these constants in words; keep the two in step.

    const DOC: &str = include_str!("../../docs/scoring.md");

    #[test]
    fn the_method_annex_states_the_thresholds_and_caps() {
        for words in [
            "0 below 20; 1 from 20; 2 from 45; 3 from 70;\n4 from 95",
            "caps its domain's level at 1",
            "overall level\nis at most 2",
            "0 en dessous de 20 ; 1 à partir de 20 ;\n2 à partir de 45 ; 3 à partir de 70 ; 4 à partir de 95",
        ] {
            assert!(
                DOC.contains(words),
                "docs/scoring.md no longer says: {words}"
            );
        }
        assert_eq!(super::LEVEL_THRESHOLDS, [20.0, 45.0, 70.0, 95.0]);
        assert_eq!(super::CAPPED_DOMAIN_LEVEL, 1);
        assert_eq!(super::CAPPED_OVERALL_LEVEL, 2);
    }
}
