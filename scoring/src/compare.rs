//! Progress between two assessments of the same organisation (the six-month re-assessment):
//! score deltas, controls that rose or fell, measures done and still open.

use serde::Serialize;

use crate::assess::assess;
use crate::input::DomainInput;

/// Two scores and their difference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Delta {
    /// Domain id, or `overall`.
    pub id: String,
    /// Score before (0–100), `None` when not applicable then.
    pub before: Option<f64>,
    /// Score now.
    pub after: Option<f64>,
    /// `after − before`, one decimal, when both exist.
    pub delta: Option<f64>,
    /// Level before.
    pub level_before: Option<u8>,
    /// Level now.
    pub level_after: Option<u8>,
}

/// A control whose level changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ControlChange {
    /// Control id.
    pub control: String,
    /// Domain id.
    pub domain: String,
    /// Level before (0 for "don't know").
    pub before: u8,
    /// Level now.
    pub after: u8,
}

/// What changed between two assessments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The overall index.
    pub overall: Delta,
    /// Each domain, in the order of the new assessment.
    pub domains: Vec<Delta>,
    /// Controls whose level rose.
    pub improved: Vec<ControlChange>,
    /// Controls whose level fell.
    pub regressed: Vec<ControlChange>,
    /// Measures of last time now done: below target then, at or above it now.
    pub measures_done: Vec<String>,
    /// Measures of last time still below target.
    pub still_open: Vec<String>,
    /// Controls below target now that were not last time.
    pub new_measures: Vec<String>,
}

fn delta(id: &str, before: (Option<f64>, Option<u8>), after: (Option<f64>, Option<u8>)) -> Delta {
    Delta {
        id: id.to_owned(),
        before: before.0,
        after: after.0,
        delta: before
            .0
            .zip(after.0)
            .map(|(b, a)| crate::method::round_score(a - b)),
        level_before: before.1,
        level_after: after.1,
    }
}

/// Compares the assessment `before` with the assessment `after`. Controls are matched by id;
/// a control not applicable at either time is neither improved nor regressed.
pub fn compare(before: &[DomainInput], after: &[DomainInput]) -> Comparison {
    let (old, new) = (assess(before), assess(after));
    let overall = delta(
        "overall",
        (old.overall.score, old.overall.level),
        (new.overall.score, new.overall.level),
    );
    let domains = new
        .domains
        .iter()
        .map(|domain| {
            let previous = old.domains.iter().find(|d| d.id == domain.id);
            delta(
                &domain.id,
                previous.map_or((None, None), |d| (d.score, d.level)),
                (domain.score, domain.level),
            )
        })
        .collect();
    let level_before = |id: &str| {
        before
            .iter()
            .flat_map(|d| &d.controls)
            .find(|c| c.id == id)
            .and_then(|c| c.effective_level())
    };
    let mut improved = Vec::new();
    let mut regressed = Vec::new();
    for domain in after {
        for control in &domain.controls {
            let (Some(was), Some(is)) = (level_before(&control.id), control.effective_level())
            else {
                continue;
            };
            let change = ControlChange {
                control: control.id.clone(),
                domain: domain.id.clone(),
                before: was,
                after: is,
            };
            if is > was {
                improved.push(change);
            } else if is < was {
                regressed.push(change);
            }
        }
    }
    let open_now: Vec<&str> = new.priorities.iter().map(|p| p.control.as_str()).collect();
    let open_then: Vec<&str> = old.priorities.iter().map(|p| p.control.as_str()).collect();
    let applicable_now = |id: &str| {
        after
            .iter()
            .flat_map(|d| &d.controls)
            .any(|c| c.id == id && c.effective_level().is_some())
    };
    Comparison {
        overall,
        domains,
        improved,
        regressed,
        measures_done: old
            .priorities
            .iter()
            .filter(|p| !open_now.contains(&p.control.as_str()) && applicable_now(&p.control))
            .map(|p| p.control.clone())
            .collect(),
        still_open: new
            .priorities
            .iter()
            .filter(|p| open_then.contains(&p.control.as_str()))
            .map(|p| p.control.clone())
            .collect(),
        new_measures: new
            .priorities
            .iter()
            .filter(|p| !open_then.contains(&p.control.as_str()))
            .map(|p| p.control.clone())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{ControlInput, ControlState};

    fn domain(id: &str, levels: &[(&str, ControlState)]) -> DomainInput {
        DomainInput {
            id: id.to_owned(),
            weight: 1,
            controls: levels
                .iter()
                .map(|(id, state)| ControlInput {
                    id: (*id).to_owned(),
                    weight: 1,
                    critical: false,
                    target: 3,
                    state: *state,
                    cap: None,
                })
                .collect(),
        }
    }

    #[test]
    fn some_domains_rise_and_one_falls() {
        use ControlState::{Level, Unknown};
        let before = [
            domain("sauvegardes", &[("BAK-01", Level(1)), ("BAK-02", Unknown)]),
            domain("acces", &[("IAM-01", Level(3)), ("IAM-02", Level(1))]),
            domain("reseau", &[("NET-01", Level(4))]),
        ];
        let after = [
            domain("sauvegardes", &[("BAK-01", Level(3)), ("BAK-02", Level(2))]),
            domain("acces", &[("IAM-01", Level(3)), ("IAM-02", Level(4))]),
            domain("reseau", &[("NET-01", Level(2))]),
        ];
        let comparison = compare(&before, &after);
        let find = |id: &str| comparison.domains.iter().find(|d| d.id == id).unwrap();
        assert_eq!(find("sauvegardes").before, Some(12.5));
        assert_eq!(find("sauvegardes").after, Some(62.5));
        assert_eq!(find("sauvegardes").delta, Some(50.0));
        assert_eq!(find("acces").delta, Some(37.5));
        assert_eq!(find("reseau").delta, Some(-50.0));
        assert_eq!(find("reseau").level_before, Some(4));
        assert_eq!(find("reseau").level_after, Some(2));
        let ids = |changes: &[ControlChange]| {
            changes
                .iter()
                .map(|c| c.control.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(&comparison.improved),
            vec!["BAK-01", "BAK-02", "IAM-02"]
        );
        assert_eq!(ids(&comparison.regressed), vec!["NET-01"]);
        assert_eq!(comparison.measures_done, vec!["BAK-01", "IAM-02"]);
        assert_eq!(comparison.still_open, vec!["BAK-02"]);
        assert_eq!(comparison.new_measures, vec!["NET-01"]);
        assert_eq!(comparison.overall.before, Some(54.2));
        assert_eq!(comparison.overall.after, Some(66.7));
        assert_eq!(comparison.overall.delta, Some(12.5));
    }

    #[test]
    fn comparing_an_assessment_with_itself_changes_nothing() {
        let same = [domain("a", &[("A-01", ControlState::Level(2))])];
        let comparison = compare(&same, &same);
        assert_eq!(comparison.overall.delta, Some(0.0));
        assert!(comparison.improved.is_empty() && comparison.regressed.is_empty());
        assert!(comparison.measures_done.is_empty());
        assert_eq!(comparison.still_open, vec!["A-01"]);
    }
}
