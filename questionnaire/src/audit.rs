//! A session read against its catalog: which questions apply, what each answer is worth, and the
//! input that the `scoring` crate turns into scores.
//!
//! Opening an [`Audit`] checks that the session was made with this very catalog (id, version and
//! hash) and that every answer names a known control and one of its options, so that nothing
//! downstream ever meets an answer it cannot place.

use scoring::{Assessment, ControlInput, ControlState, DomainInput};

use crate::catalog::{Catalog, Condition, Control};
use crate::error::{Error, Problem};
use crate::lang::Lang;
use crate::session::{
    Choice, NOT_APPLICABLE, Session, SessionField, SessionSource, UNKNOWN, unknown_profile,
};

/// Questions of the score answered, out of those asked: [`Audit::progress`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Answered ("don't know" included).
    pub answered: usize,
    /// Asked.
    pub total: usize,
}

impl Progress {
    /// The same count, read from an assessment of the audit (its domains count the applicable
    /// questions and those answered): free where the scores are already computed.
    pub fn of(assessment: &Assessment) -> Progress {
        assessment
            .domains
            .iter()
            .fold(Progress::default(), |sum, domain| Progress {
                answered: sum.answered + domain.answered,
                total: sum.total + domain.total,
            })
    }
}

/// A session and the catalog it answers.
#[derive(Debug, Clone)]
pub struct Audit<'c> {
    /// The catalog.
    pub catalog: &'c Catalog,
    /// The answers.
    pub session: Session,
}

impl<'c> Audit<'c> {
    /// Checks `session` (read from `source`) against `catalog`.
    pub fn open(
        catalog: &'c Catalog,
        session: Session,
        source: &SessionSource,
    ) -> Result<Audit<'c>, Error> {
        check_catalog_identity(catalog, &session, source)?;
        let mut problems = Vec::new();
        if catalog.profile(&session.meta.profile).is_none() {
            let mut problem = unknown_profile(&session.meta.profile, catalog);
            problem.location = Some(source.locate(SessionField::Profile));
            problems.push(problem);
        }
        for (id, answer) in &session.answers {
            let Some(control) = catalog.control(id) else {
                problems.push(
                    Problem::at(
                        source.locate(SessionField::AnswerKey(id)),
                        i18n::text!("audit-control-unknown", id = id),
                    )
                    .hint(i18n::text!("audit-control-unknown-hint")),
                );
                continue;
            };
            if let Err(mut problem) = check_stored_choice(control, &answer.choice) {
                problem.location = Some(source.locate(SessionField::AnswerChoice(id)));
                problems.push(problem);
            }
        }
        if problems.is_empty() {
            Ok(Audit { catalog, session })
        } else {
            Err(Error::Invalid(problems))
        }
    }

    /// A session read against a catalog that may be newer than the one it was made with: the
    /// previous assessment of a comparison. Answers whose control or option no longer exists
    /// are left out and their ids returned, so that the comparison says what it could not match.
    pub fn lenient(catalog: &'c Catalog, mut session: Session) -> (Audit<'c>, Vec<String>) {
        let mut dropped = Vec::new();
        session.answers.retain(|id, answer| {
            let keep = catalog
                .control(id)
                .is_some_and(|control| check_stored_choice(control, &answer.choice).is_ok());
            if !keep {
                dropped.push(id.clone());
            }
            keep
        });
        if catalog.profile(&session.meta.profile).is_none() {
            session.meta.profile = catalog
                .profiles
                .iter()
                .find(|p| p.all)
                .or(catalog.profiles.first())
                .map(|p| p.id.clone())
                .unwrap_or_default();
        }
        (Audit { catalog, session }, dropped)
    }

    /// The controls of the session's profile, context questions included, in order.
    pub fn controls(&self) -> impl Iterator<Item = &'c Control> + '_ {
        self.catalog.controls_in(&self.session.meta.profile)
    }

    /// Whether a control is asked, given the context answers so far.
    pub fn applies(&self, control: &Control) -> bool {
        let mut seen = Vec::new();
        self.applies_inner(control, &mut seen)
    }

    fn applies_inner<'a>(&'a self, control: &'a Control, seen: &mut Vec<&'a str>) -> bool {
        if seen.contains(&control.id.as_str()) {
            return true;
        }
        seen.push(&control.id);
        let domain_gate = self
            .catalog
            .domain(&control.domain)
            .and_then(|domain| domain.when.as_ref())
            .filter(|when| when.control != control.id);
        [control.when.as_ref(), domain_gate]
            .into_iter()
            .flatten()
            .all(|when| self.condition_holds(when, seen))
    }

    /// A condition holds unless its gate applies and was answered with another option.
    fn condition_holds<'a>(&'a self, when: &'a Condition, seen: &mut Vec<&'a str>) -> bool {
        let Some(gate) = self.catalog.control(&when.control) else {
            return true;
        };
        if !self.applies_inner(gate, seen) {
            return false;
        }
        match self
            .session
            .answers
            .get(&gate.id)
            .map(|answer| &answer.choice)
        {
            Some(Choice::Option(id)) => when.any_of.contains(id),
            Some(Choice::Unknown | Choice::NotApplicable) | None => true,
        }
    }

    /// Where the audit stands on a scored control.
    pub fn state(&self, control: &Control) -> ControlState {
        if !self.applies(control) {
            return ControlState::NotApplicable;
        }
        match self
            .session
            .answers
            .get(&control.id)
            .map(|answer| &answer.choice)
        {
            None => ControlState::Unanswered,
            Some(Choice::Unknown) => ControlState::Unknown,
            Some(Choice::NotApplicable) => ControlState::NotApplicable,
            Some(Choice::Option(id)) => control
                .option(id)
                .and_then(|option| option.level)
                .map_or(ControlState::Unanswered, ControlState::Level),
        }
    }

    /// What the scoring crate needs: every domain and its scored controls of the profile.
    pub fn scoring_input(&self) -> Vec<DomainInput> {
        self.scoring_input_with(None)
    }

    /// The scoring input, with each control capped by the machines' facts when given.
    pub fn scoring_input_with(
        &self,
        evidence: Option<&crate::evidence::Evidence>,
    ) -> Vec<DomainInput> {
        self.catalog
            .domains
            .iter()
            .map(|domain| DomainInput {
                id: domain.id.clone(),
                weight: domain.weight,
                controls: self
                    .controls()
                    .filter(|control| control.domain == domain.id && !control.context)
                    .map(|control| self.control_input(control, evidence))
                    .collect(),
            })
            .collect()
    }

    /// What the scoring crate needs of one scored control, capped by the machines' facts when
    /// given.
    pub fn control_input(
        &self,
        control: &Control,
        evidence: Option<&crate::evidence::Evidence>,
    ) -> ControlInput {
        ControlInput {
            id: control.id.clone(),
            weight: control.weight,
            critical: control.critical,
            target: control.target,
            state: self.state(control),
            cap: evidence.and_then(|evidence| evidence.cap(control)),
        }
    }

    /// How many of the questions that count in the score are answered, out of how many: the
    /// one count that the terminal's header, its summary and every report print. Context
    /// questions and questions not applicable (answered so, or left aside by a context answer)
    /// do not count; "don't know" is an answer.
    pub fn progress(&self) -> Progress {
        let mut progress = Progress::default();
        for control in self.controls().filter(|control| !control.context) {
            match self.state(control) {
                ControlState::NotApplicable => {}
                ControlState::Unanswered => progress.total += 1,
                ControlState::Level(_) | ControlState::Unknown => {
                    progress.total += 1;
                    progress.answered += 1;
                }
            }
        }
        progress
    }

    /// Scores the audit.
    pub fn assess(&self) -> Assessment {
        scoring::assess(&self.scoring_input())
    }

    /// Scores the audit, with the machines' facts when given.
    pub fn assess_with(&self, evidence: Option<&crate::evidence::Evidence>) -> Assessment {
        scoring::assess(&self.scoring_input_with(evidence))
    }

    /// The first question of the profile that applies and has no answer yet.
    pub fn first_unanswered(&self) -> Option<&'c Control> {
        self.controls().find(|control| {
            self.applies(control) && !self.session.answers.contains_key(&control.id)
        })
    }
}

/// A choice as stored in a session file must be an option id, `unknown`, or `na` where allowed:
/// numbers are for typing (`posture answer`), never for files, where they would be ambiguous.
fn check_stored_choice(control: &Control, stored: &Choice) -> Result<(), Problem> {
    if fits(control, stored) {
        return Ok(());
    }
    // Reuse the typed-choice messages ("no option", "cannot be not applicable"), which name the
    // possible options.
    match resolve_choice(control, stored.as_str()) {
        Err(problem) => Err(problem),
        Ok(id) => Err(Problem::new(i18n::text!(
            "audit-choice-not-id",
            control = control.id,
            stored = stored.as_str()
        ))
        .hint(i18n::text!("audit-choice-not-id-hint", id = id.as_str()))),
    }
}

/// Whether a choice answers this control: one of its options, "don't know", or "not
/// applicable" where the control allows it.
pub(crate) fn fits(control: &Control, choice: &Choice) -> bool {
    match choice {
        Choice::Unknown => true,
        Choice::NotApplicable => control.na_allowed,
        Choice::Option(id) => control.option(id).is_some(),
    }
}

/// Turns what the user typed into a choice: an option id, its number as shown (from 1),
/// `unknown` or `na`.
pub fn resolve_choice(control: &Control, typed: &str) -> Result<Choice, Problem> {
    let typed = typed.trim();
    if typed == UNKNOWN {
        return Ok(Choice::Unknown);
    }
    if let Some(option) = control.option(typed) {
        return Ok(Choice::Option(option.id.clone()));
    }
    if typed == NOT_APPLICABLE {
        return if control.na_allowed {
            Ok(Choice::NotApplicable)
        } else {
            Err(
                Problem::new(i18n::text!("audit-na-refused", control = control.id)).hint(
                    i18n::text!("audit-na-refused-hint", options = option_list(control)),
                ),
            )
        };
    }
    if let Ok(number) = typed.parse::<usize>()
        && let Some(option) = number
            .checked_sub(1)
            .and_then(|index| control.options.get(index))
    {
        return Ok(Choice::Option(option.id.clone()));
    }
    let na = if control.na_allowed { ", na" } else { "" };
    Err(Problem::new(i18n::text!(
        "audit-option-unknown",
        control = control.id,
        typed = typed
    ))
    .hint(i18n::text!(
        "audit-option-unknown-hint",
        options = option_list(control),
        na = na
    )))
}

fn option_list(control: &Control) -> String {
    control
        .options
        .iter()
        .enumerate()
        .map(|(index, option)| format!("{} ({})", option.id, index + 1))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The label of a choice in `lang`.
pub fn choice_label(control: &Control, choice: &Choice, lang: Lang) -> String {
    match choice {
        Choice::Unknown => i18n::t!(lang, "audit-choice-unknown"),
        Choice::NotApplicable => i18n::t!(lang, "audit-choice-na"),
        Choice::Option(id) => control
            .option(id)
            .map_or_else(|| id.clone(), |option| option.label.get(lang).to_owned()),
    }
}

fn check_catalog_identity(
    catalog: &Catalog,
    session: &Session,
    source: &SessionSource,
) -> Result<(), Error> {
    let meta = &session.meta;
    let (field, message) = if meta.catalog_id != catalog.id {
        (
            SessionField::CatalogId,
            i18n::text!(
                "audit-catalog-other",
                session_catalog = meta.catalog_id,
                catalog = catalog.id
            ),
        )
    } else if meta.catalog_version != catalog.version {
        (
            SessionField::CatalogVersion,
            i18n::text!(
                "audit-catalog-version",
                session_version = meta.catalog_version,
                catalog = catalog.id,
                version = catalog.version
            ),
        )
    } else if meta.catalog_hash != catalog.hash {
        (
            SessionField::CatalogHash,
            i18n::text!(
                "audit-catalog-changed",
                catalog = catalog.id,
                version = catalog.version
            ),
        )
    } else {
        return Ok(());
    };
    let hint = match &meta.catalog_path {
        Some(path) => i18n::text!("audit-catalog-changed-path-hint", path = path),
        None => i18n::text!("audit-catalog-changed-hint"),
    };
    Err(Error::invalid(
        Problem::at(source.locate(field), message).hint(hint),
    ))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;

    use super::*;
    use crate::catalog;
    use crate::session::NewSession;

    fn now() -> chrono::DateTime<chrono::Utc> {
        chrono::Utc
            .with_ymd_and_hms(2026, 11, 23, 10, 0, 0)
            .unwrap()
    }

    fn audit<'c>(catalog: &'c Catalog, profile: &str, answers: &[(&str, &str)]) -> Audit<'c> {
        let mut session = Session::new(
            catalog,
            NewSession {
                organisation: "CPTS".into(),
                profile: profile.into(),
                ..NewSession::default()
            },
            now(),
        )
        .unwrap();
        for (control, choice) in answers {
            session.set_answer(control, *choice, None, now());
        }
        Audit { catalog, session }
    }

    fn domain<'a>(assessment: &'a Assessment, id: &str) -> &'a scoring::DomainResult {
        assessment.domains.iter().find(|d| d.id == id).unwrap()
    }

    #[test]
    fn a_no_to_the_remote_maintenance_gate_makes_its_controls_not_applicable() {
        let catalog = catalog::bundled().unwrap();
        let gated: Vec<&Control> = catalog
            .controls
            .iter()
            .filter(|c| c.when.as_ref().is_some_and(|w| w.control == "REM-00"))
            .collect();
        assert!(!gated.is_empty());

        let open = audit(&catalog, "complet", &[]);
        assert!(
            gated.iter().all(|c| open.applies(c)),
            "unanswered gate: asked"
        );
        let unknown = audit(&catalog, "complet", &[("REM-00", UNKNOWN)]);
        assert!(
            gated.iter().all(|c| unknown.applies(c)),
            "unknown gate: asked"
        );
        let yes = audit(&catalog, "complet", &[("REM-00", "oui")]);
        assert!(gated.iter().all(|c| yes.applies(c)));
        let no = audit(&catalog, "complet", &[("REM-00", "non")]);
        for control in &gated {
            assert!(!no.applies(control));
            assert_eq!(no.state(control), ControlState::NotApplicable);
        }
        // The VPN and admin-interface controls concern everyone: not gated.
        assert!(no.applies(catalog.control("REM-01").unwrap()));
    }

    #[test]
    fn a_no_to_the_development_gate_makes_the_domain_not_applicable() {
        let catalog = catalog::bundled().unwrap();
        let no = audit(&catalog, "complet", &[("DEV-00", "non")]);
        let result = no.assess();
        let dev = domain(&result, "developpement");
        assert!(!dev.applicable);
        assert_eq!(dev.score, None);
        assert!(
            no.applies(catalog.control("DEV-00").unwrap()),
            "the gate itself is still asked"
        );

        let yes = audit(&catalog, "complet", &[("DEV-00", "oui")]);
        assert!(domain(&yes.assess(), "developpement").applicable);
    }

    #[test]
    fn a_previous_session_is_read_leniently_against_a_newer_catalog() {
        let catalog = catalog::bundled().unwrap();
        let mut old = audit(&catalog, "express", &[("PAT-01", "8-jours")]).session;
        old.meta.catalog_version = "2025.05".into();
        old.set_answer("OLD-01", "1", None, now());
        old.set_answer("BAK-02", "option-retiree", None, now());
        let (previous, dropped) = Audit::lenient(&catalog, old);
        assert_eq!(dropped, vec!["BAK-02", "OLD-01"]);
        assert_eq!(previous.session.answers.len(), 1);
        assert_eq!(
            previous.state(catalog.control("PAT-01").unwrap()),
            ControlState::Level(3)
        );
    }

    #[test]
    fn context_questions_never_reach_the_scoring() {
        let catalog = catalog::bundled().unwrap();
        let audit = audit(&catalog, "complet", &[]);
        let ids: Vec<String> = audit
            .scoring_input()
            .into_iter()
            .flat_map(|d| d.controls.into_iter().map(|c| c.id))
            .collect();
        for control in catalog.controls.iter().filter(|c| c.context) {
            assert!(!ids.contains(&control.id), "{}", control.id);
        }
        assert_eq!(
            ids.len(),
            catalog.controls.iter().filter(|c| !c.context).count()
        );
    }

    #[test]
    fn the_express_profile_scores_only_its_own_controls() {
        let catalog = catalog::bundled().unwrap();
        let express = audit(&catalog, "express", &[]);
        let scored: usize = express.assess().domains.iter().map(|d| d.total).sum();
        let expected = catalog
            .controls_in("express")
            .filter(|c| !c.context && express.applies(c))
            .count();
        assert_eq!(scored, expected);
        assert!(scored < catalog.controls.len());
    }

    #[test]
    fn progress_counts_the_questions_of_the_score_only() {
        let catalog = catalog::bundled().unwrap();
        let express: Vec<&Control> = catalog.controls_in("express").collect();
        let scored = express.iter().filter(|c| !c.context).count();
        assert!(
            express.iter().any(|c| c.context),
            "express has context questions"
        );
        let open = audit(&catalog, "express", &[]);
        assert_eq!(
            open.progress(),
            Progress {
                answered: 0,
                total: scored
            }
        );
        // A context answer counts for nothing; "don't know" is an answer; "not applicable"
        // leaves the score.
        let na = express.iter().find(|c| c.na_allowed).unwrap();
        let some = audit(
            &catalog,
            "express",
            &[
                ("GOV-00", "oui"),
                ("GOV-01", UNKNOWN),
                (na.id.as_str(), NOT_APPLICABLE),
            ],
        );
        assert_eq!(
            some.progress(),
            Progress {
                answered: 1,
                total: scored - 1
            }
        );
        // A "no" to a gate leaves its follow-ups out.
        let gated = express
            .iter()
            .filter(|c| c.when.as_ref().is_some_and(|w| w.control == "REM-00"))
            .count();
        assert!(gated > 0);
        let no = audit(&catalog, "express", &[("REM-00", "non")]);
        assert_eq!(no.progress().total, scored - gated);
        assert_eq!(no.progress().answered, 0);
        // The count read from the scores (as the terminal does) is the same.
        for each in [&open, &some, &no] {
            assert_eq!(Progress::of(&each.assess()), each.progress());
        }
    }

    #[test]
    fn answers_resume_at_the_first_unanswered_applicable_question() {
        let catalog = catalog::bundled().unwrap();
        let first = catalog.controls_in("express").next().unwrap();
        let mut progress = audit(&catalog, "express", &[]);
        assert_eq!(progress.first_unanswered().unwrap().id, first.id);
        progress
            .session
            .set_answer(&first.id, Choice::Unknown, None, now());
        assert_ne!(progress.first_unanswered().unwrap().id, first.id);
    }

    #[test]
    fn choices_are_option_ids_numbers_unknown_or_na_where_allowed() {
        let catalog = catalog::bundled().unwrap();
        let control = catalog
            .controls
            .iter()
            .find(|c| !c.context && !c.na_allowed)
            .unwrap();
        assert_eq!(
            resolve_choice(control, "1").unwrap(),
            Choice::Option(control.options[0].id.clone())
        );
        assert_eq!(
            resolve_choice(control, &control.options[2].id).unwrap(),
            Choice::Option(control.options[2].id.clone())
        );
        assert_eq!(resolve_choice(control, "unknown").unwrap(), Choice::Unknown);
        let refused = resolve_choice(control, "na").unwrap_err().render(Lang::En);
        assert!(
            refused.contains("cannot be \"Not applicable\""),
            "{refused}"
        );
        let unknown = resolve_choice(control, "zzz").unwrap_err().render(Lang::Fr);
        assert!(unknown.contains("n'a pas d'option « zzz »"), "{unknown}");
        assert!(resolve_choice(control, "0").is_err());
        assert!(resolve_choice(control, "99").is_err());

        let allowed = catalog.controls.iter().find(|c| c.na_allowed).unwrap();
        assert_eq!(
            resolve_choice(allowed, "na").unwrap(),
            Choice::NotApplicable
        );
    }
}
