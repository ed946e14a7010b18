//! The scoring rules of `docs/scoring.md`, checked as properties over random audits.

use proptest::prelude::*;
use scoring::{ControlInput, ControlState, DomainInput, assess};

fn state() -> impl Strategy<Value = ControlState> {
    prop_oneof![
        6 => (0u8..=4).prop_map(ControlState::Level),
        1 => Just(ControlState::Unknown),
        1 => Just(ControlState::Unanswered),
        1 => Just(ControlState::NotApplicable),
    ]
}

fn audit() -> impl Strategy<Value = Vec<DomainInput>> {
    prop::collection::vec(
        (
            1u32..=3,
            prop::collection::vec((1u32..=3, any::<bool>(), 0u8..=4, state()), 1..8),
        ),
        1..14,
    )
    .prop_map(|domains| {
        domains
            .into_iter()
            .enumerate()
            .map(|(d, (weight, controls))| DomainInput {
                id: format!("domain-{d:02}"),
                weight,
                controls: controls
                    .into_iter()
                    .enumerate()
                    .map(|(c, (weight, critical, target, state))| ControlInput {
                        id: format!("D{d:02}-{c:02}"),
                        weight,
                        critical,
                        target,
                        state,
                        cap: None,
                    })
                    .collect(),
            })
            .collect()
    })
}

fn with_all_states(mut domains: Vec<DomainInput>, state: ControlState) -> Vec<DomainInput> {
    for control in domains.iter_mut().flat_map(|d| &mut d.controls) {
        control.state = state;
    }
    domains
}

/// Picks the control at `index` (modulo the count) and returns its (domain, control) position.
fn position(domains: &[DomainInput], index: usize) -> (usize, usize) {
    let all: Vec<(usize, usize)> = domains
        .iter()
        .enumerate()
        .flat_map(|(d, domain)| (0..domain.controls.len()).map(move |c| (d, c)))
        .collect();
    all[index % all.len()]
}

fn scores(domains: &[DomainInput]) -> (Vec<Option<f64>>, Option<f64>) {
    let result = assess(domains);
    (
        result.domains.iter().map(|d| d.score).collect(),
        result.overall.score,
    )
}

proptest! {
    #[test]
    fn all_answers_at_the_top_give_100_and_level_4(domains in audit()) {
        let result = assess(&with_all_states(domains, ControlState::Level(4)));
        prop_assert_eq!(result.overall.score, Some(100.0));
        prop_assert_eq!(result.overall.level, Some(4));
        for domain in &result.domains {
            prop_assert_eq!(domain.score, Some(100.0));
            prop_assert_eq!(domain.level, Some(4));
            prop_assert!(!domain.capped);
        }
        prop_assert!(result.priorities.is_empty());
    }

    #[test]
    fn all_answers_at_level_0_give_0_and_level_0(domains in audit()) {
        let result = assess(&with_all_states(domains, ControlState::Level(0)));
        prop_assert_eq!(result.overall.score, Some(0.0));
        prop_assert_eq!(result.overall.level, Some(0));
        for domain in &result.domains {
            prop_assert_eq!(domain.score, Some(0.0));
            prop_assert_eq!(domain.level, Some(0));
        }
    }

    #[test]
    fn raising_one_answer_never_lowers_a_score_or_a_level(
        domains in audit(),
        index in any::<usize>(),
        from in 0u8..4,
        step in 1u8..=4,
    ) {
        let (d, c) = position(&domains, index);
        let mut before = domains.clone();
        before[d].controls[c].state = ControlState::Level(from);
        let mut after = domains;
        after[d].controls[c].state = ControlState::Level((from + step).min(4));
        let (low, high) = (assess(&before), assess(&after));
        for (l, h) in low.domains.iter().zip(&high.domains) {
            prop_assert!(h.score >= l.score, "domain {} fell: {:?} -> {:?}", l.id, l.score, h.score);
            prop_assert!(h.level >= l.level, "domain {} level fell", l.id);
        }
        prop_assert!(high.overall.score >= low.overall.score);
        prop_assert!(high.overall.level >= low.overall.level);
    }

    #[test]
    fn answering_instead_of_dont_know_never_lowers_a_score(
        domains in audit(),
        index in any::<usize>(),
        level in 0u8..=4,
    ) {
        let (d, c) = position(&domains, index);
        let mut unknown = domains.clone();
        unknown[d].controls[c].state = ControlState::Unknown;
        let mut answered = domains;
        answered[d].controls[c].state = ControlState::Level(level);
        let (low, high) = (scores(&unknown), scores(&answered));
        prop_assert!(high.1 >= low.1);
        for (l, h) in low.0.iter().zip(&high.0) {
            prop_assert!(h >= l);
        }
    }

    #[test]
    fn not_applicable_never_lowers_a_score(
        domains in audit(),
        index in any::<usize>(),
        was in prop_oneof![Just(ControlState::Level(0)), Just(ControlState::Unknown), Just(ControlState::Unanswered)],
    ) {
        let (d, c) = position(&domains, index);
        let mut counted = domains.clone();
        counted[d].controls[c].state = was;
        let mut left_out = domains;
        left_out[d].controls[c].state = ControlState::NotApplicable;
        let (with, without) = (assess(&counted), assess(&left_out));
        // The domain either stays scored and does not fall, or has nothing left and is shown as
        // not applicable instead of 0.
        let domain = &without.domains[d];
        match domain.score {
            Some(score) => prop_assert!(Some(score) >= with.domains[d].score),
            None => prop_assert!(!domain.applicable && domain.level.is_none()),
        }
        if let (Some(before), Some(after)) = (with.overall.score, without.overall.score) {
            // Leaving out a zero can only lift its domain; other domains are untouched.
            let untouched: Vec<_> = with.domains.iter().zip(&without.domains).enumerate()
                .filter(|(i, _)| *i != d).map(|(_, (a, b))| a.score == b.score).collect();
            prop_assert!(untouched.iter().all(|same| *same));
            if domain.score.is_some() {
                prop_assert!(after >= before);
            }
        }
    }

    #[test]
    fn a_failed_critical_control_caps_its_domain_at_1(
        domains in audit(),
        index in any::<usize>(),
        level in 0u8..=1,
    ) {
        let (d, c) = position(&domains, index);
        let mut domains = domains;
        domains[d].controls[c].critical = true;
        domains[d].controls[c].state = ControlState::Level(level);
        let result = assess(&domains);
        prop_assert!(result.domains[d].capped);
        prop_assert!(result.domains[d].level <= Some(1));
        prop_assert!(result.domains[d].capped_by.contains(&domains[d].controls[c].id));
        prop_assert!(result.overall.level <= Some(2));
    }

    #[test]
    fn priorities_are_every_control_below_target_in_a_total_order(domains in audit()) {
        let result = assess(&domains);
        let expected = domains.iter().flat_map(|d| &d.controls)
            .filter(|c| c.state.effective_level().is_some_and(|level| level < c.target))
            .count();
        prop_assert_eq!(result.priorities.len(), expected);
        for (index, pair) in result.priorities.windows(2).enumerate() {
            let (a, b) = (&pair[0], &pair[1]);
            prop_assert_eq!(a.rank, index + 1);
            prop_assert_eq!(b.rank, index + 2);
            let key = |p: &scoring::Priority| (!p.critical, std::cmp::Reverse(p.weight * u32::from(p.gap)), p.control.clone());
            prop_assert!(key(a) < key(b), "{:?} before {:?}", a, b);
        }
        // Deterministic: the same input gives the same output.
        prop_assert_eq!(assess(&domains), result);
    }

    #[test]
    fn evidence_caps_never_raise_a_score_and_keep_answers_monotone(
        domains in audit(),
        index in any::<usize>(),
        cap in 0u8..=4,
        from in 0u8..4,
    ) {
        let (d, c) = position(&domains, index);
        let mut capped = domains.clone();
        capped[d].controls[c].cap = Some(cap);
        let (free, held) = (scores(&domains), scores(&capped));
        prop_assert!(held.1 <= free.1);
        for (f, h) in free.0.iter().zip(&held.0) {
            prop_assert!(h <= f);
        }
        // With the cap in place, raising the answer still never lowers anything.
        let mut low = capped.clone();
        low[d].controls[c].state = ControlState::Level(from);
        let mut high = capped;
        high[d].controls[c].state = ControlState::Level(from + 1);
        prop_assert!(scores(&high).1 >= scores(&low).1);
    }

    #[test]
    fn scores_stay_within_0_and_100(domains in audit()) {
        let result = assess(&domains);
        for domain in &result.domains {
            if let Some(score) = domain.score {
                prop_assert!((0.0..=100.0).contains(&score));
            }
            prop_assert!(domain.answered <= domain.total);
        }
    }
}
