//! The bundled catalog covers every requirement of the fact sheet it was built from
//! (`requirements-from-seeds.md`), citing the clauses each requirement cites.
//!
//! The sheet's requirement bullets are committed as `tests/data/requirements.toml`: one
//! `[[requirement]]` per bullet, in order, with its domain, its text, the clauses it cites
//! (in the catalog's ref format) and the controls that cover it. These tests fail when a bullet
//! is dropped, when a control it names disappears or becomes a context question, or when none
//! of its controls cites one of its clauses any more.

use std::collections::{BTreeSet, HashSet};

use questionnaire::catalog::{self, Catalog, Control};
use serde::Deserialize;

/// The number of requirement bullets in `requirements-from-seeds.md` (the "How a good control
/// reads" section gives writing guidance, not requirements, and is not counted).
const REQUIREMENT_COUNT: usize = 76;

/// The keys of the five source documents.
const DOCUMENT_KEYS: [&str; 5] = [
    "annexe-cdg56",
    "contrat-slime",
    "cpts-sesan",
    "charte-ght",
    "procedure-violation",
];

/// The law the catalog also cites.
const LAW_KEYS: [&str; 2] = ["rgpd", "csp"];

/// Good practice beyond the source documents, for the levels they do not describe: cited as
/// such (their labels say "bonne pratique").
const GOOD_PRACTICE_KEYS: [&str; 4] = ["anssi-hygiene", "anssi-tpe", "cnil-guide", "pgssi-s"];

const REQUIREMENTS: &str = include_str!("data/requirements.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Requirements {
    requirement: Vec<Requirement>,
}

/// One bullet of the fact sheet.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Requirement {
    /// The catalog domain of the bullet's section.
    domain: String,
    /// The bullet, without its clause list.
    text: String,
    /// The clauses it cites, in ref format (`charte-ght §10.9.1`).
    clauses: Vec<String>,
    /// The controls that cover it.
    controls: Vec<String>,
    /// Clauses the sheet gives that the catalog deliberately does not cite, each as
    /// "clause — why" (the clause, read in the seed, does not say what the sheet says).
    #[serde(default)]
    uncited: Vec<String>,
}

impl Requirement {
    /// How failure messages name the bullet.
    fn name(&self, index: usize) -> String {
        format!(
            "requirement #{} ({}) \"{}\"",
            index + 1,
            self.domain,
            self.text
        )
    }
}

fn requirements() -> Vec<Requirement> {
    toml::from_str::<Requirements>(REQUIREMENTS)
        .expect("tests/data/requirements.toml must parse")
        .requirement
}

fn bundled() -> Catalog {
    catalog::bundled().expect("the bundled catalog must load")
}

/// Fails with every problem found, one per line.
fn assert_none(problems: &[String], what: &str) {
    assert!(
        problems.is_empty(),
        "{what}: {} problem(s)\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_bullet_of_the_sheet_is_listed() {
    let requirements = requirements();
    assert_eq!(
        requirements.len(),
        REQUIREMENT_COUNT,
        "tests/data/requirements.toml must hold one [[requirement]] per bullet of \
         requirements-from-seeds.md"
    );
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for (index, requirement) in requirements.iter().enumerate() {
        let name = requirement.name(index);
        if requirement.text.trim().is_empty() {
            problems.push(format!("{name}: empty text"));
        }
        if !seen.insert(requirement.text.as_str()) {
            problems.push(format!("{name}: listed twice"));
        }
        if requirement.clauses.is_empty() && requirement.uncited.is_empty() {
            problems.push(format!("{name}: cites no clause"));
        }
        for set_aside in &requirement.uncited {
            match set_aside.split_once(" — ") {
                Some((clause, why)) if !why.trim().is_empty() => {
                    if requirement.clauses.iter().any(|c| c == clause) {
                        problems.push(format!("{name}: \"{clause}\" is both cited and set aside"));
                    }
                }
                _ => problems.push(format!(
                    "{name}: an uncited clause says why it is set aside: \"{set_aside}\""
                )),
            }
        }
        for clause in &requirement.clauses {
            let key = clause.split_whitespace().next().unwrap_or_default();
            if !DOCUMENT_KEYS.contains(&key) {
                problems.push(format!(
                    "{name}: clause \"{clause}\" does not start with a document key"
                ));
            }
        }
    }
    assert_none(&problems, "requirements.toml");
}

#[test]
fn every_requirement_lists_existing_scored_controls() {
    let catalog = bundled();
    let mut problems = Vec::new();
    for (index, requirement) in requirements().iter().enumerate() {
        let name = requirement.name(index);
        if requirement.controls.is_empty() {
            problems.push(format!("{name}: no control covers it"));
        }
        for id in &requirement.controls {
            match catalog.control(id) {
                None => problems.push(format!(
                    "{name}: control {id} is not in the bundled catalog"
                )),
                Some(control) if control.context => problems.push(format!(
                    "{name}: control {id} is a context question, which is never scored"
                )),
                Some(_) => {}
            }
        }
    }
    assert_none(&problems, "controls of the requirements");
}

#[test]
fn every_clause_is_cited_by_a_covering_control() {
    let catalog = bundled();
    let mut problems = Vec::new();
    for (index, requirement) in requirements().iter().enumerate() {
        let name = requirement.name(index);
        let controls: Vec<&Control> = requirement
            .controls
            .iter()
            .filter_map(|id| catalog.control(id))
            .collect();
        for clause in &requirement.clauses {
            let clause = clause.trim();
            let cited = controls
                .iter()
                .any(|control| control.refs.iter().any(|r| r.trim() == clause));
            if !cited {
                problems.push(format!(
                    "{name}: clause \"{clause}\" is in the refs of none of {}",
                    requirement.controls.join(", ")
                ));
            }
        }
    }
    assert_none(&problems, "clauses of the requirements");
}

#[test]
fn every_domain_has_requirements_in_catalog_order() {
    let catalog = bundled();
    let order: Vec<&str> = catalog.domains.iter().map(|d| d.id.as_str()).collect();
    let requirements = requirements();
    let mut problems = Vec::new();
    let mut previous = 0;
    for (index, requirement) in requirements.iter().enumerate() {
        let name = requirement.name(index);
        match order.iter().position(|id| *id == requirement.domain) {
            None => problems.push(format!("{name}: no such domain in the catalog")),
            Some(position) if position < previous => problems.push(format!(
                "{name}: out of order, after the requirements of domain {}",
                order[previous]
            )),
            Some(position) => previous = position,
        }
    }
    let covered: BTreeSet<&str> = requirements.iter().map(|r| r.domain.as_str()).collect();
    for id in &order {
        if !covered.contains(id) {
            problems.push(format!("domain {id}: no requirement"));
        }
    }
    assert_none(&problems, "domains of the requirements");
}

#[test]
fn every_ref_points_at_a_source_document_the_law_or_good_practice_said_so() {
    let catalog = bundled();
    let keys: BTreeSet<&str> = catalog.documents.iter().map(|d| d.key.as_str()).collect();
    let expected: BTreeSet<&str> = DOCUMENT_KEYS
        .into_iter()
        .chain(LAW_KEYS)
        .chain(GOOD_PRACTICE_KEYS)
        .collect();
    assert_eq!(
        keys, expected,
        "the bundled catalog cites the five source documents, the law and named good practice"
    );
    for document in &catalog.documents {
        let practice = GOOD_PRACTICE_KEYS.contains(&document.key.as_str());
        assert_eq!(
            document.label.contains("(bonne pratique)"),
            practice,
            "{}: a good-practice source says so in its label, and only those",
            document.key
        );
    }
    let mut problems = Vec::new();
    for control in &catalog.controls {
        for r in &control.refs {
            let key = r.split_whitespace().next().unwrap_or_default();
            if !keys.contains(key) {
                problems.push(format!("{}: ref \"{r}\" names no document", control.id));
            }
            if r.contains("Annex") {
                problems.push(format!(
                    "{}: ref \"{r}\" is not in the document's own words (annexe)",
                    control.id
                ));
            }
            if r.trim_end().ends_with("§10.9.1") && r.starts_with("charte-ght") {
                problems.push(format!(
                    "{}: the charter has two sections §10.9.1: say which",
                    control.id
                ));
            }
        }
    }
    assert_none(&problems, "refs of the bundled catalog");
}

/// `docs/facts.md` gives every evidence rule of the bundled catalog, with its reason, so that an
/// auditor can show why a machine's fact lowered an answer or asks to verify it.
#[test]
fn every_evidence_rule_is_documented_with_its_reason() {
    let doc = include_str!("../../docs/facts.md");
    let section = doc
        .split("## How the bundled catalog uses the facts")
        .nth(1)
        .expect("docs/facts.md has the section on the bundled catalog's rules");
    let mut problems = Vec::new();
    let mut rules = 0;
    for control in &bundled().controls {
        for rule in &control.evidence {
            rules += 1;
            let kind = match rule.kind {
                scoring::facts::RuleKind::Cap => "`cap`",
                scoring::facts::RuleKind::Verify => "`verify`",
            };
            let documented = section.lines().any(|line| {
                line.starts_with(&format!("| {} | `{} ", control.id, rule.fact))
                    && line.contains(kind)
                    && line.contains(&format!("| {} |", rule.max_level))
                    && line.contains(&rule.reason.en)
            });
            if !documented {
                problems.push(format!(
                    "{}: the rule on {} ({kind}, max {}) has no row with its reason",
                    control.id, rule.fact, rule.max_level
                ));
            }
            if rule.reason.fr.trim().is_empty() || rule.reason.en.trim().is_empty() {
                problems.push(format!(
                    "{}: the rule on {} has no reason",
                    control.id, rule.fact
                ));
            }
        }
    }
    assert!(rules >= 10, "the bundled catalog has its evidence rules");
    assert_none(&problems, "evidence rules in docs/facts.md");
}

/// `docs/catalog-coverage.md` is the readable copy of the data file: every requirement has its
/// row with its controls, and every scored control of the catalog appears on the page.
#[test]
fn the_coverage_page_follows_the_data_file() {
    let page = include_str!("../../docs/catalog-coverage.md");
    let mut problems = Vec::new();
    for (index, requirement) in requirements().iter().enumerate() {
        let row = format!("| {} | {} |", index + 1, requirement.text);
        match page.lines().find(|line| line.starts_with(&row)) {
            None => problems.push(format!("{}: no row", requirement.name(index))),
            Some(line) if !line.ends_with(&format!("| {} |", requirement.controls.join(", "))) => {
                problems.push(format!("{}: other controls", requirement.name(index)));
            }
            Some(_) => {}
        }
    }
    for control in bundled().controls.iter().filter(|c| !c.context) {
        if !page.contains(&format!("| {} |", control.id))
            && !page.contains(&format!(", {} |", control.id))
            && !page.contains(&format!("| {},", control.id))
            && !page.contains(&format!(", {},", control.id))
        {
            problems.push(format!("{}: not on the coverage page", control.id));
        }
    }
    assert_none(&problems, "docs/catalog-coverage.md");
}
