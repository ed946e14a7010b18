//! The validated catalog: what the rest of posture reads. Every value here has passed
//! [`super::check`], so ids are unique, references resolve and both languages are present.

use serde::Serialize;

use crate::lang::Text;

/// Where a catalog came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CatalogSource {
    /// The catalog bundled in the binary.
    Bundled,
    /// A file or directory the user named.
    Path(std::path::PathBuf),
}

/// A validated catalog.
#[derive(Debug, Clone)]
pub struct Catalog {
    /// Stable id, recorded in sessions.
    pub id: String,
    /// Version, recorded in sessions; bumped when questions change.
    pub version: String,
    /// `sha256:` and the hex digest of the files, recorded in sessions.
    pub hash: String,
    /// Title.
    pub title: Text,
    /// Where it was read from.
    pub source: CatalogSource,
    /// The documents that controls cite.
    pub documents: Vec<Document>,
    /// The domains, in the order they are asked and reported.
    pub domains: Vec<Domain>,
    /// The profiles (sets of questions).
    pub profiles: Vec<Profile>,
    /// The controls, grouped by domain in domain order, then in file order.
    pub controls: Vec<Control>,
    /// How sessions made with earlier versions of this catalog are read.
    pub upgrades: Vec<Upgrade>,
    /// What `catalog check` warns about without refusing the catalog: French typography,
    /// over-long questions or options, a level missing on the scale, a French text equal to
    /// its English one.
    pub warnings: Vec<crate::Problem>,
}

/// How the sessions of one earlier version are read with this one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Upgrade {
    /// The earlier version (`2026.11`).
    pub from: String,
    /// What changed, control by control; a control not listed is unchanged.
    pub changes: Vec<Change>,
}

/// What happened to one control since an earlier version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The control's id in the earlier version.
    pub control: String,
    /// What happened.
    pub change: ChangeKind,
    /// Old option ids → new ones, for the options whose meaning stayed.
    pub options: std::collections::BTreeMap<String, String>,
    /// What changed, in words.
    pub note: Option<Text>,
}

/// What happened to a control.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "kind", content = "to")]
pub enum ChangeKind {
    /// Same meaning, new words: answers carry over.
    Reworded,
    /// Options changed: answers whose option kept its meaning (listed, or with the same id)
    /// carry over, the others are set aside and the question is asked again.
    Options,
    /// Moved to another control id (and maybe domain): answers follow.
    Moved(String),
    /// No longer asked: answers are set aside.
    Removed,
}

/// A source document.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The key refs start with, e.g. `charte-ght`.
    pub key: String,
    /// Its title.
    pub title: String,
    /// The short name reports print before a section, e.g. `Charte GHT`.
    pub label: String,
    /// Whether refs to it name a section.
    pub sections: bool,
}

/// A domain of the audit.
#[derive(Debug, Clone)]
pub struct Domain {
    /// Stable id, e.g. `sauvegardes`.
    pub id: String,
    /// Weight in the overall score (1–3).
    pub weight: u32,
    /// Title.
    pub title: Text,
    /// The context answer the whole domain depends on, if any.
    pub when: Option<Condition>,
}

/// A set of questions asked in one kind of audit.
#[derive(Debug, Clone)]
pub struct Profile {
    /// Stable id, e.g. `express`.
    pub id: String,
    /// Title.
    pub title: Text,
    /// Whether every control belongs to it.
    pub all: bool,
}

/// "Asked only when control `control` was answered with one of `any_of`."
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Condition {
    /// The context question.
    pub control: String,
    /// The options of it under which the dependent questions apply.
    pub any_of: Vec<String>,
}

/// One control: a question, its options, and what to do when the answer is below target.
#[derive(Debug, Clone)]
pub struct Control {
    /// Stable id, e.g. `PAT-01`.
    pub id: String,
    /// Domain id.
    pub domain: String,
    /// A context question: its options have no level and it never counts in a score.
    pub context: bool,
    /// Weight in its domain (1–3; 0 for context questions).
    pub weight: u32,
    /// Answered at level ≤ 1, it caps its domain at level 1.
    pub critical: bool,
    /// The level to reach (0–4; 0 for context questions).
    pub target: u8,
    /// Whether "Non applicable" may be answered.
    pub na_allowed: bool,
    /// The profiles it belongs to, every `all` profile included.
    pub profiles: Vec<String>,
    /// Source clauses, e.g. `charte-ght §10.9.1`.
    pub refs: Vec<String>,
    /// The question, as said aloud.
    pub question: Text,
    /// Why it matters and what good looks like.
    pub help: Text,
    /// The context answer this control depends on, if any.
    pub when: Option<Condition>,
    /// The options, in climbing order.
    pub options: Vec<AnswerOption>,
    /// What to do to reach the target (absent for context questions).
    pub recommendation: Option<Recommendation>,
    /// Machine facts that cap the answer (`posture agent`).
    pub evidence: Vec<scoring::facts::EvidenceRule>,
}

/// One answer option of a control.
#[derive(Debug, Clone)]
pub struct AnswerOption {
    /// Stable id, e.g. `8-jours`.
    pub id: String,
    /// Maturity level 0–4; `None` for a context question's options.
    pub level: Option<u8>,
    /// What the auditor reads out.
    pub label: Text,
}

/// A measure to take.
#[derive(Debug, Clone)]
pub struct Recommendation {
    /// What to do, in a few words.
    pub title: Text,
    /// Why it matters.
    pub why: Text,
    /// How to do it.
    pub how: Text,
}

impl Catalog {
    /// The control with this id.
    pub fn control(&self, id: &str) -> Option<&Control> {
        self.controls.iter().find(|control| control.id == id)
    }

    /// The domain with this id.
    pub fn domain(&self, id: &str) -> Option<&Domain> {
        self.domains.iter().find(|domain| domain.id == id)
    }

    /// The profile with this id.
    pub fn profile(&self, id: &str) -> Option<&Profile> {
        self.profiles.iter().find(|profile| profile.id == id)
    }

    /// The controls of a profile, in order.
    pub fn controls_in<'a, 'p>(
        &'a self,
        profile: &'p str,
    ) -> impl Iterator<Item = &'a Control> + use<'a, 'p> {
        self.controls
            .iter()
            .filter(move |control| control.profiles.iter().any(|p| p == profile))
    }

    /// The ids of the profiles, for messages.
    pub fn profile_ids(&self) -> Vec<&str> {
        self.profiles.iter().map(|p| p.id.as_str()).collect()
    }
}

impl Catalog {
    /// A ref as reports print it: the document's label and the section, e.g.
    /// `charte-ght §10.9.1` → `Charte GHT §10.9.1`.
    pub fn cite(&self, reference: &str) -> String {
        let (key, section) = reference.split_once(' ').unwrap_or((reference, ""));
        match self.documents.iter().find(|d| d.key == key) {
            Some(document) if section.is_empty() => document.label.clone(),
            Some(document) => format!("{} {section}", document.label),
            None => reference.to_owned(),
        }
    }
}

impl Control {
    /// The option with this id.
    pub fn option(&self, id: &str) -> Option<&AnswerOption> {
        self.options.iter().find(|option| option.id == id)
    }
}
