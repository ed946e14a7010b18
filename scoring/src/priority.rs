//! Ranking of the measures to take: every applicable control below its target.

use std::cmp::Reverse;

use serde::Serialize;

use crate::input::DomainInput;

/// A control below its target, with its place in the action plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Priority {
    /// Control id.
    pub control: String,
    /// Domain id of the control.
    pub domain: String,
    /// The level the control counts as now (0 for "don't know" and unanswered).
    pub level: u8,
    /// The level to reach.
    pub target: u8,
    /// Target minus level.
    pub gap: u8,
    /// Weight of the control in its domain.
    pub weight: u32,
    /// Critical controls come first.
    pub critical: bool,
    /// 1 for the first measure to take.
    pub rank: usize,
}

/// Every applicable control below its target, ranked: critical controls first, then by
/// weight × gap (largest first), then by control id. Deterministic.
pub(crate) fn rank_priorities(domains: &[DomainInput]) -> Vec<Priority> {
    let mut priorities: Vec<Priority> = domains
        .iter()
        .flat_map(|domain| {
            domain.controls.iter().filter_map(move |control| {
                let level = control.effective_level()?;
                (level < control.target).then(|| Priority {
                    control: control.id.clone(),
                    domain: domain.id.clone(),
                    level,
                    target: control.target,
                    gap: control.target - level,
                    weight: control.weight,
                    critical: control.critical,
                    rank: 0,
                })
            })
        })
        .collect();
    priorities.sort_by(|a, b| {
        let key = |p: &Priority| (Reverse(p.critical), Reverse(p.weight * u32::from(p.gap)));
        key(a).cmp(&key(b)).then_with(|| a.control.cmp(&b.control))
    });
    for (index, priority) in priorities.iter_mut().enumerate() {
        priority.rank = index + 1;
    }
    priorities
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{ControlInput, ControlState};

    fn control(id: &str, weight: u32, critical: bool, target: u8, level: u8) -> ControlInput {
        ControlInput {
            id: id.to_owned(),
            weight,
            critical,
            target,
            state: ControlState::Level(level),
            cap: None,
        }
    }

    #[test]
    fn critical_first_then_weight_times_gap_then_id() {
        let domains = [DomainInput {
            id: "d".to_owned(),
            weight: 1,
            controls: vec![
                control("D-05", 1, false, 4, 0), // 1 × 4 = 4
                control("D-04", 3, false, 3, 1), // 3 × 2 = 6
                control("D-03", 1, true, 3, 2),  // critical, 1 × 1
                control("D-02", 2, false, 3, 1), // 2 × 2 = 4, ties with D-05, id first
                control("D-01", 3, false, 3, 3), // at target: not a priority
            ],
        }];
        let priorities = rank_priorities(&domains);
        let ranked: Vec<(&str, usize)> = priorities
            .iter()
            .map(|p| (p.control.as_str(), p.rank))
            .collect();
        let ids: Vec<&str> = ranked.iter().map(|(c, _)| *c).collect();
        assert_eq!(ids, vec!["D-03", "D-04", "D-02", "D-05"]);
        assert_eq!(
            ranked.iter().map(|(_, r)| *r).collect::<Vec<_>>(),
            vec![1, 2, 3, 4]
        );
    }

    #[test]
    fn not_applicable_controls_are_never_priorities() {
        let domains = [DomainInput {
            id: "d".to_owned(),
            weight: 1,
            controls: vec![ControlInput {
                id: "D-01".to_owned(),
                weight: 3,
                critical: true,
                target: 3,
                state: ControlState::NotApplicable,
                cap: None,
            }],
        }];
        assert!(rank_priorities(&domains).is_empty());
    }
}
