//! From control states to domain and overall scores, levels and caps.

use serde::Serialize;

use crate::input::{ControlState, DomainInput};
use crate::method::{
    CAPPED_DOMAIN_LEVEL, CAPPED_OVERALL_LEVEL, CRITICAL_FAILURE_LEVEL, MAX_LEVEL, level_for_score,
    round_score,
};
use crate::priority::{Priority, rank_priorities};

/// The whole result of scoring an audit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// The overall index and level.
    pub overall: Overall,
    /// One result per domain, in the order given.
    pub domains: Vec<DomainResult>,
    /// Every applicable control below its target, best first to work on.
    pub priorities: Vec<Priority>,
    /// Controls answered "don't know" or not answered yet (both count as level 0), in order.
    pub unknown: Vec<String>,
    /// The part of `unknown` that was not answered at all.
    pub unanswered: Vec<String>,
}

/// The overall index: the weighted mean of the applicable domains' scores.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overall {
    /// 0–100 with one decimal; `None` when no domain applies.
    pub score: Option<f64>,
    /// 0–4; `None` when no domain applies.
    pub level: Option<u8>,
    /// True when at least one domain is capped, which holds the overall level at 2 at most.
    pub capped: bool,
}

/// The result of one domain.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DomainResult {
    /// Domain id.
    pub id: String,
    /// Weight of the domain in the overall score.
    pub weight: u32,
    /// False when every control of the domain is not applicable: it is then shown as such, not as 0.
    pub applicable: bool,
    /// 0–100 with one decimal; `None` when the domain is not applicable.
    pub score: Option<f64>,
    /// 0–4 after the critical cap; `None` when the domain is not applicable.
    pub level: Option<u8>,
    /// Applicable controls that have an answer ("don't know" included).
    pub answered: usize,
    /// Applicable controls of the domain.
    pub total: usize,
    /// Controls left out as not applicable.
    pub not_applicable: usize,
    /// True when a critical control answered at level ≤ 1 caps the domain's level at 1.
    pub capped: bool,
    /// The critical controls that cap it.
    pub capped_by: Vec<String>,
}

/// Scores an audit. Deterministic: the same input always gives the same output.
pub fn assess(domains: &[DomainInput]) -> Assessment {
    let results: Vec<DomainResult> = domains.iter().map(assess_domain).collect();
    let overall = overall(&results);
    let mut unknown = Vec::new();
    let mut unanswered = Vec::new();
    for control in domains.iter().flat_map(|domain| &domain.controls) {
        match control.state {
            ControlState::Unknown => unknown.push(control.id.clone()),
            ControlState::Unanswered => {
                unknown.push(control.id.clone());
                unanswered.push(control.id.clone());
            }
            ControlState::Level(_) | ControlState::NotApplicable => {}
        }
    }
    Assessment {
        overall,
        domains: results,
        priorities: rank_priorities(domains),
        unknown,
        unanswered,
    }
}

fn assess_domain(domain: &DomainInput) -> DomainResult {
    let mut weighted_levels = 0.0;
    let mut weights = 0.0;
    let mut answered = 0;
    let mut total = 0;
    let mut not_applicable = 0;
    let mut capped_by = Vec::new();
    for control in &domain.controls {
        let Some(level) = control.effective_level() else {
            not_applicable += 1;
            continue;
        };
        total += 1;
        if control.state != ControlState::Unanswered {
            answered += 1;
        }
        weighted_levels += f64::from(control.weight) * f64::from(level);
        weights += f64::from(control.weight);
        if control.critical && level <= CRITICAL_FAILURE_LEVEL {
            capped_by.push(control.id.clone());
        }
    }
    let applicable = weights > 0.0;
    let score =
        applicable.then(|| round_score(weighted_levels / weights / f64::from(MAX_LEVEL) * 100.0));
    let capped = !capped_by.is_empty();
    let level = score.map(|score| {
        let level = level_for_score(score);
        if capped {
            level.min(CAPPED_DOMAIN_LEVEL)
        } else {
            level
        }
    });
    DomainResult {
        id: domain.id.clone(),
        weight: domain.weight,
        applicable,
        score,
        level,
        answered,
        total,
        not_applicable,
        capped,
        capped_by,
    }
}

fn overall(domains: &[DomainResult]) -> Overall {
    let mut weighted_scores = 0.0;
    let mut weights = 0.0;
    for domain in domains {
        if let Some(score) = domain.score
            && domain.weight > 0
        {
            weighted_scores += f64::from(domain.weight) * score;
            weights += f64::from(domain.weight);
        }
    }
    let capped = domains.iter().any(|domain| domain.capped);
    let score = (weights > 0.0).then(|| round_score(weighted_scores / weights));
    let level = score.map(|score| {
        let level = level_for_score(score);
        if capped {
            level.min(CAPPED_OVERALL_LEVEL)
        } else {
            level
        }
    });
    Overall {
        score,
        level,
        capped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::ControlInput;

    fn control(id: &str, weight: u32, critical: bool, state: ControlState) -> ControlInput {
        ControlInput {
            id: id.to_owned(),
            weight,
            critical,
            target: 3,
            state,
            cap: None,
        }
    }

    fn domain(id: &str, weight: u32, controls: Vec<ControlInput>) -> DomainInput {
        DomainInput {
            id: id.to_owned(),
            weight,
            controls,
        }
    }

    #[test]
    fn domain_score_is_the_weighted_mean_of_levels() {
        let result = assess(&[domain(
            "sauvegardes",
            3,
            vec![
                control("BAK-01", 3, false, ControlState::Level(4)),
                control("BAK-02", 1, false, ControlState::Level(0)),
            ],
        )]);
        // (3×4 + 1×0) / 4 / 4 × 100 = 75
        assert_eq!(result.domains[0].score, Some(75.0));
        assert_eq!(result.domains[0].level, Some(3));
        assert_eq!(result.overall.score, Some(75.0));
    }

    #[test]
    fn overall_is_the_weighted_mean_of_domain_scores() {
        let result = assess(&[
            domain(
                "a",
                3,
                vec![control("A-01", 1, false, ControlState::Level(4))],
            ),
            domain(
                "b",
                1,
                vec![control("B-01", 1, false, ControlState::Level(0))],
            ),
        ]);
        assert_eq!(result.overall.score, Some(75.0));
    }

    #[test]
    fn critical_failure_caps_the_domain_and_the_overall_level() {
        let result = assess(&[domain(
            "sauvegardes",
            3,
            vec![
                control("BAK-01", 3, false, ControlState::Level(4)),
                control("BAK-02", 3, false, ControlState::Level(4)),
                control("BAK-03", 3, false, ControlState::Level(4)),
                control("BAK-04", 1, true, ControlState::Level(1)),
            ],
        )]);
        let domain = &result.domains[0];
        assert_eq!(domain.score, Some(92.5));
        assert_eq!(domain.level, Some(1));
        assert!(domain.capped);
        assert_eq!(domain.capped_by, vec!["BAK-04".to_owned()]);
        assert_eq!(result.overall.level, Some(2));
        assert!(result.overall.capped);
    }

    #[test]
    fn unknown_and_unanswered_count_as_zero_and_are_listed() {
        let result = assess(&[domain(
            "acces",
            2,
            vec![
                control("IAM-01", 1, false, ControlState::Level(4)),
                control("IAM-02", 1, false, ControlState::Unknown),
                control("IAM-03", 1, false, ControlState::Unanswered),
            ],
        )]);
        assert_eq!(result.domains[0].score, Some(33.3));
        assert_eq!(result.domains[0].answered, 2);
        assert_eq!(result.domains[0].total, 3);
        assert_eq!(result.unknown, vec!["IAM-02", "IAM-03"]);
        assert_eq!(result.unanswered, vec!["IAM-03"]);
    }

    #[test]
    fn a_domain_with_nothing_applicable_is_not_scored_and_not_counted() {
        let result = assess(&[
            domain(
                "a",
                1,
                vec![control("A-01", 1, false, ControlState::Level(2))],
            ),
            domain(
                "developpement",
                3,
                vec![control("DEV-01", 1, true, ControlState::NotApplicable)],
            ),
        ]);
        let dev = &result.domains[1];
        assert!(!dev.applicable);
        assert_eq!(dev.score, None);
        assert_eq!(dev.level, None);
        assert_eq!(dev.not_applicable, 1);
        assert_eq!(result.overall.score, Some(50.0));
    }

    #[test]
    fn nothing_applicable_anywhere_gives_no_overall_score() {
        let result = assess(&[domain(
            "a",
            1,
            vec![control("A-01", 1, false, ControlState::NotApplicable)],
        )]);
        assert_eq!(result.overall.score, None);
        assert_eq!(result.overall.level, None);
    }
}
