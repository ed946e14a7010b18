//! The catalog files as written, with the position of every value that a check may point at.
//!
//! These types mirror `docs/catalog-format.md`; [`super::check`] turns them into the validated
//! [`super::Catalog`].

use serde::Deserialize;
use toml::Spanned;

/// A bilingual text as written; a missing language is reported by the check, not by serde, so
/// that every missing language of a file is reported at once.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawText {
    pub fr: Option<String>,
    pub en: Option<String>,
}

/// `catalog.toml`, or a whole catalog in a single file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawHeader {
    pub id: Spanned<String>,
    pub version: Spanned<String>,
    pub title: Spanned<RawText>,
    #[serde(default)]
    pub documents: Vec<Spanned<RawDocument>>,
    #[serde(default)]
    pub domains: Vec<Spanned<RawDomain>>,
    #[serde(default)]
    pub profiles: Vec<Spanned<RawProfile>>,
    #[serde(default)]
    pub upgrades: Vec<Spanned<RawUpgrade>>,
    #[serde(default)]
    pub controls: Vec<Spanned<RawControl>>,
}

/// `[[upgrades]]`: how sessions made with an earlier version of this catalog are read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawUpgrade {
    pub from: Spanned<String>,
    #[serde(default)]
    pub changes: Vec<Spanned<RawChange>>,
}

/// `[[upgrades.changes]]`: what happened to one control since that version.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawChange {
    pub control: Spanned<String>,
    pub change: Spanned<String>,
    pub to: Option<Spanned<String>>,
    #[serde(default)]
    pub options: std::collections::BTreeMap<String, Spanned<String>>,
    pub note: Option<Spanned<RawText>>,
}

/// Any other file of a catalog directory.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawControlsFile {
    #[serde(default)]
    pub controls: Vec<Spanned<RawControl>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDocument {
    pub key: Spanned<String>,
    pub title: String,
    pub label: Option<String>,
    #[serde(default = "yes")]
    pub sections: bool,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDomain {
    pub id: Spanned<String>,
    pub weight: Spanned<i64>,
    pub title: Spanned<RawText>,
    pub when: Option<Spanned<RawCondition>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawProfile {
    pub id: Spanned<String>,
    pub title: Spanned<RawText>,
    #[serde(default)]
    pub all: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCondition {
    pub control: Spanned<String>,
    pub any_of: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawControl {
    pub id: Spanned<String>,
    pub domain: Spanned<String>,
    #[serde(default)]
    pub context: bool,
    pub weight: Option<Spanned<i64>>,
    pub critical: Option<Spanned<bool>>,
    pub target: Option<Spanned<i64>>,
    #[serde(default)]
    pub na_allowed: bool,
    #[serde(default)]
    pub profiles: Vec<Spanned<String>>,
    #[serde(default)]
    pub refs: Vec<Spanned<String>>,
    pub question: Spanned<RawText>,
    pub help: Spanned<RawText>,
    pub when: Option<Spanned<RawCondition>>,
    #[serde(default)]
    pub options: Vec<Spanned<RawOption>>,
    pub recommendation: Option<Spanned<RawRecommendation>>,
    #[serde(default)]
    pub evidence: Vec<Spanned<RawEvidence>>,
}

/// `[[controls.evidence]]`: a fact that disproves (`cap`) or questions (`verify`) the answers
/// above a level.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEvidence {
    pub fact: Spanned<String>,
    pub op: Spanned<String>,
    pub value: Option<Spanned<toml::Value>>,
    pub kind: Option<Spanned<String>>,
    pub max_level: Spanned<i64>,
    #[serde(default)]
    pub roles: Vec<Spanned<String>>,
    pub reason: Option<Spanned<RawText>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOption {
    pub id: Spanned<String>,
    pub level: Option<Spanned<i64>>,
    pub label: Spanned<RawText>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRecommendation {
    pub title: Spanned<RawText>,
    pub why: Spanned<RawText>,
    pub how: Spanned<RawText>,
}
