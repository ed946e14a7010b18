//! Validation of catalog files: every rule of `docs/catalog-format.md`, each problem reported
//! with its file, line and column, all problems at once.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use toml::Spanned;

use super::Lint;
use super::model::{
    AnswerOption, Catalog, CatalogSource, Change, ChangeKind, Condition, Control, Document, Domain,
    Profile, Recommendation, Upgrade,
};
use super::raw::{
    RawCondition, RawControl, RawDomain, RawEvidence, RawHeader, RawOption, RawProfile,
    RawRecommendation, RawText,
};
use scoring::facts::{self, EvidenceRule, Kind, Op, Value};

use crate::error::Problem;
use crate::lang::Text;
use crate::source::SourceFile;

/// Option ids with a meaning of their own in sessions.
pub const RESERVED_CHOICES: [&str; 2] = ["unknown", "na"];

/// Options a scored control must offer, at least and at most.
const OPTIONS_RANGE: Range<usize> = 3..6;

/// Words a question may have, said aloud in under a minute (French).
const QUESTION_WORDS: usize = 35;
/// Words an option may have.
const OPTION_WORDS: usize = 30;

/// The kinds of machine an evidence rule may be limited to (`host.role`).
const ROLES: [&str; 3] = ["server", "laptop", "workstation"];

/// Collects problems (the catalog is refused) and warnings (it is not) while building it.
struct Checker<'a> {
    problems: Vec<Problem>,
    warnings: Vec<Problem>,
    file: &'a SourceFile,
    lint: bool,
}

impl<'a> Checker<'a> {
    fn new(file: &'a SourceFile, lint: Lint) -> Checker<'a> {
        Checker {
            problems: Vec::new(),
            warnings: Vec::new(),
            file,
            lint: lint == Lint::Warnings,
        }
    }

    fn warn(&mut self, span: Range<usize>, message: Text) {
        if self.lint {
            self.warnings
                .push(Problem::at(self.file.location(span), message));
        }
    }

    /// Warns when a French text has more than `limit` words. `what` names the text, made only
    /// for a warning: the messages are not looked up for every option of a catalog.
    fn words(
        &mut self,
        span: Range<usize>,
        text: &Text,
        limit: usize,
        what: impl FnOnce() -> Text,
    ) {
        if !self.lint {
            return;
        }
        let count = crate::typography::words(&text.fr).count();
        if count > limit {
            let what = what();
            self.warn(
                span,
                i18n::text!(
                    "catalog-too-many-words",
                    what = what,
                    count = count,
                    limit = limit
                ),
            );
        }
    }

    fn report(&mut self, span: Range<usize>, message: Text) {
        self.problems
            .push(Problem::at(self.file.location(span), message));
    }

    fn report_with_hint(&mut self, span: Range<usize>, message: Text, hint: Text) {
        self.problems
            .push(Problem::at(self.file.location(span), message).hint(hint));
    }

    /// A bilingual text; each missing or empty language is reported.
    fn text(&mut self, raw: &Spanned<RawText>, what: &str) -> Text {
        let span = raw.span();
        let raw = raw.get_ref();
        let mut pick = |value: &Option<String>, lang: &str| match value {
            Some(value) if !value.trim().is_empty() => value.clone(),
            _ => {
                self.report_with_hint(
                    span.clone(),
                    i18n::text!("catalog-text-missing", what = what, lang = lang),
                    i18n::text!("catalog-text-missing-hint", what = what),
                );
                String::new()
            }
        };
        let fr = pick(&raw.fr, "fr");
        let en = pick(&raw.en, "en");
        if !self.lint {
            return Text { fr, en };
        }
        for slip in crate::typography::slips(&fr) {
            let said = slip.describe(&fr);
            self.warn(
                span.clone(),
                i18n::text!("catalog-text-slip", what = what, said = said),
            );
        }
        if fr.trim() == en.trim() && crate::typography::words(&fr).count() > 1 {
            self.warn(
                span.clone(),
                i18n::text!("catalog-text-untranslated", what = what, text = fr),
            );
        }
        Text { fr, en }
    }

    fn in_range(&mut self, value: &Spanned<i64>, range: Range<i64>, what: &str) -> i64 {
        let number = *value.get_ref();
        if !range.contains(&number) {
            self.report(
                value.span(),
                i18n::text!(
                    "catalog-out-of-range",
                    what = what,
                    number = number,
                    min = range.start,
                    max = range.end - 1
                ),
            );
        }
        number.clamp(range.start, range.end - 1)
    }

    fn non_empty_id(&mut self, id: &Spanned<String>, what: &str) -> String {
        let value = id.get_ref().trim();
        if value.is_empty() || value.chars().any(char::is_whitespace) {
            self.report(
                id.span(),
                i18n::text!("catalog-id-blank", what = what, value = id.get_ref()),
            );
        }
        value.to_owned()
    }
}

/// A control as read, with the file it is in.
pub(super) struct PlacedControl<'a> {
    pub file: &'a SourceFile,
    pub raw: &'a Spanned<RawControl>,
    /// The position of the control across all files, to keep file order within a domain.
    pub order: usize,
}

/// Checks a parsed header and its controls; returns the catalog or every problem found.
pub(super) fn check(
    header_file: &SourceFile,
    header: &RawHeader,
    controls: &[PlacedControl<'_>],
    hash: String,
    source: CatalogSource,
    lint: Lint,
) -> Result<Catalog, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let mut checker = Checker::new(header_file, lint);
    let id = checker.non_empty_id(&header.id, "id");
    let version = checker.non_empty_id(&header.version, "version");
    let title = checker.text(&header.title, "title");

    let documents = check_documents(&mut checker, header);
    let domains = check_domains(&mut checker, header);
    let profiles = check_profiles(&mut checker, header);
    problems.append(&mut checker.problems);
    warnings.append(&mut checker.warnings);

    let mut built = Vec::new();
    // Where each id was first defined; its line and column are counted only for a duplicate.
    let mut seen: HashMap<String, (&SourceFile, Range<usize>)> = HashMap::new();
    for placed in controls {
        let mut checker = Checker::new(placed.file, lint);
        let control = check_control(&mut checker, placed.raw, &documents, &domains, &profiles);
        let id_span = placed.raw.get_ref().id.span();
        if let Some((file, span)) = seen.get(&control.id) {
            let previous = file.location(span.clone()).to_string();
            checker.report_with_hint(
                id_span,
                i18n::text!("catalog-control-id-taken", control = control.id),
                i18n::text!("catalog-control-id-taken-hint", previous = previous),
            );
        } else {
            seen.insert(control.id.clone(), (placed.file, id_span));
        }
        problems.append(&mut checker.problems);
        warnings.append(&mut checker.warnings);
        built.push((placed, control));
    }

    check_conditions(&mut problems, header_file, header, &built);

    let upgrades = {
        let mut checker = Checker::new(header_file, lint);
        let controls: Vec<&Control> = built.iter().map(|(_, control)| control).collect();
        let upgrades = check_upgrades(&mut checker, header, &version, &controls);
        problems.append(&mut checker.problems);
        warnings.append(&mut checker.warnings);
        upgrades
    };
    let controls: Vec<&Control> = built.iter().map(|(_, control)| control).collect();
    check_not_empty(
        &mut problems,
        header_file,
        header,
        (&profiles, &domains),
        &controls,
    );
    if profiles.is_empty() {
        problems.push(
            Problem::at(header_file.start(), i18n::text!("catalog-no-profile"))
                .hint(i18n::text!("catalog-no-profile-hint")),
        );
    }

    if !problems.is_empty() {
        return Err(problems);
    }
    let domain_order: HashMap<&str, usize> = domains
        .iter()
        .enumerate()
        .map(|(index, domain)| (domain.id.as_str(), index))
        .collect();
    built.sort_by_key(|(placed, control)| {
        (
            domain_order.get(control.domain.as_str()).copied(),
            placed.order,
        )
    });
    Ok(Catalog {
        id,
        version,
        hash,
        title,
        source,
        documents,
        domains,
        profiles,
        controls: built.into_iter().map(|(_, control)| control).collect(),
        upgrades,
        warnings,
    })
}

fn check_documents(checker: &mut Checker<'_>, header: &RawHeader) -> Vec<Document> {
    let mut documents: Vec<Document> = Vec::new();
    for raw in &header.documents {
        let raw = raw.get_ref();
        let key = checker.non_empty_id(&raw.key, "key");
        if documents.iter().any(|d| d.key == key) {
            checker.report(
                raw.key.span(),
                i18n::text!("catalog-document-twice", key = key),
            );
        }
        documents.push(Document {
            label: raw.label.clone().unwrap_or_else(|| key.clone()),
            key,
            title: raw.title.clone(),
            sections: raw.sections,
        });
    }
    documents
}

fn check_domains(checker: &mut Checker<'_>, header: &RawHeader) -> Vec<Domain> {
    let mut domains: Vec<Domain> = Vec::new();
    for raw in &header.domains {
        let raw: &RawDomain = raw.get_ref();
        let id = checker.non_empty_id(&raw.id, "id");
        if domains.iter().any(|d| d.id == id) {
            checker.report(raw.id.span(), i18n::text!("catalog-domain-twice", id = id));
        }
        let weight = checker.in_range(&raw.weight, 1..4, "weight") as u32;
        let title = checker.text(&raw.title, "title");
        domains.push(Domain {
            id,
            weight,
            title,
            when: raw.when.as_ref().map(|when| condition(when.get_ref())),
        });
    }
    if domains.is_empty() {
        checker.report(0..0, i18n::text!("catalog-no-domain"));
    }
    domains
}

fn check_profiles(checker: &mut Checker<'_>, header: &RawHeader) -> Vec<Profile> {
    let mut profiles: Vec<Profile> = Vec::new();
    for raw in &header.profiles {
        let raw: &RawProfile = raw.get_ref();
        let id = checker.non_empty_id(&raw.id, "id");
        if profiles.iter().any(|p| p.id == id) || RESERVED_CHOICES.contains(&id.as_str()) {
            checker.report(raw.id.span(), i18n::text!("catalog-profile-twice", id = id));
        }
        let title = checker.text(&raw.title, "title");
        profiles.push(Profile {
            id,
            title,
            all: raw.all,
        });
    }
    profiles
}

fn condition(raw: &RawCondition) -> Condition {
    Condition {
        control: raw.control.get_ref().clone(),
        any_of: raw.any_of.iter().map(|o| o.get_ref().clone()).collect(),
    }
}

fn check_control(
    checker: &mut Checker<'_>,
    spanned: &Spanned<RawControl>,
    documents: &[Document],
    domains: &[Domain],
    profiles: &[Profile],
) -> Control {
    let raw = spanned.get_ref();
    let id = checker.non_empty_id(&raw.id, "id");
    let domain = raw.domain.get_ref().clone();
    if !domains.iter().any(|d| d.id == domain) {
        let known: Vec<&str> = domains.iter().map(|d| d.id.as_str()).collect();
        checker.report_with_hint(
            raw.domain.span(),
            i18n::text!("catalog-domain-unknown", id = id, domain = domain),
            i18n::text!("catalog-domain-unknown-hint", known = known.join(", ")),
        );
    }
    let question = checker.text(&raw.question, "question");
    checker.words(raw.question.span(), &question, QUESTION_WORDS, || {
        i18n::text!("catalog-question-what", id = id)
    });
    let help = checker.text(&raw.help, "help");

    // Profiles: the ones named, plus every `all` profile.
    let mut in_profiles: Vec<String> = profiles
        .iter()
        .filter(|p| p.all)
        .map(|p| p.id.clone())
        .collect();
    for named in &raw.profiles {
        let name = named.get_ref();
        if !profiles.iter().any(|p| &p.id == name) {
            let known: Vec<&str> = profiles.iter().map(|p| p.id.as_str()).collect();
            checker.report_with_hint(
                named.span(),
                i18n::text!("catalog-profile-unknown", id = id, name = name),
                i18n::text!("catalog-profile-unknown-hint", known = known.join(", ")),
            );
        } else if !in_profiles.contains(name) {
            in_profiles.push(name.clone());
        }
    }
    in_profiles.sort_by_key(|p| profiles.iter().position(|known| &known.id == p));

    let refs = check_refs(checker, &id, raw, documents);
    let options = check_options(checker, &id, raw);

    let (weight, critical, target, recommendation) =
        scoring_fields(checker, &id, spanned, &options);

    let top_level = options.iter().filter_map(|o| o.level).max();
    let evidence = check_evidence(checker, &id, raw, top_level);

    Control {
        id,
        domain,
        context: raw.context,
        weight,
        critical,
        target,
        na_allowed: raw.na_allowed,
        profiles: in_profiles,
        refs,
        question,
        help,
        when: raw.when.as_ref().map(|when| condition(when.get_ref())),
        options,
        recommendation,
        evidence,
    }
}

/// What a scored control has and a context question must not: its weight, critical flag,
/// target and recommendation (0, false, 0 and none for a context question, whose extra fields
/// are reported).
fn scoring_fields(
    checker: &mut Checker<'_>,
    id: &str,
    spanned: &Spanned<RawControl>,
    options: &[AnswerOption],
) -> (u32, bool, u8, Option<Recommendation>) {
    let raw = spanned.get_ref();
    if raw.context {
        for (field, span) in [
            ("weight", raw.weight.as_ref().map(Spanned::span)),
            ("critical", raw.critical.as_ref().map(Spanned::span)),
            ("target", raw.target.as_ref().map(Spanned::span)),
            (
                "recommendation",
                raw.recommendation.as_ref().map(Spanned::span),
            ),
        ] {
            if let Some(span) = span {
                checker.report(
                    span,
                    i18n::text!("catalog-context-field", id = id, field = field),
                );
            }
        }
        if raw.na_allowed {
            checker.report(
                spanned.span(),
                i18n::text!("catalog-context-na-allowed", id = id),
            );
        }
        (0, false, 0, None)
    } else {
        let mut required = |field: &str| {
            checker.report(
                spanned.span(),
                i18n::text!("catalog-field-missing", id = id, field = field),
            );
        };
        if raw.weight.is_none() {
            required("weight");
        }
        if raw.target.is_none() {
            required("target");
        }
        if raw.recommendation.is_none() {
            required("recommendation");
        }
        let weight = raw
            .weight
            .as_ref()
            .map_or(1, |w| checker.in_range(w, 1..4, "weight") as u32);
        let target = raw
            .target
            .as_ref()
            .map_or(0, |t| checker.in_range(t, 0..5, "target") as u8);
        if let Some(raw_target) = &raw.target {
            let top = options.iter().filter_map(|o| o.level).max();
            if top.is_some_and(|top| top < target) {
                checker.report(
                    raw_target.span(),
                    i18n::text!("catalog-target-unreached", id = id, target = target),
                );
            }
        }
        let recommendation = raw
            .recommendation
            .as_ref()
            .map(|r| check_recommendation(checker, r.get_ref()));
        (
            weight,
            raw.critical.as_ref().is_some_and(|c| *c.get_ref()),
            target,
            recommendation,
        )
    }
}

/// Evidence rules must name a documented fact, a known comparison, a value of the fact's kind,
/// and a level.
fn check_evidence(
    checker: &mut Checker<'_>,
    id: &str,
    raw: &RawControl,
    top_level: Option<u8>,
) -> Vec<EvidenceRule> {
    let mut rules = Vec::new();
    if raw.context && !raw.evidence.is_empty() {
        checker.report(
            raw.evidence[0].span(),
            i18n::text!("catalog-context-evidence", id = id),
        );
        return rules;
    }
    for spanned in &raw.evidence {
        if let Some(rule) = check_rule(checker, id, spanned, top_level) {
            rules.push(rule);
        }
    }
    rules
}

/// One evidence rule: its fact, comparison, value, kind, roles and reason; `None` when it is
/// wrong (each problem reported).
fn check_rule(
    checker: &mut Checker<'_>,
    id: &str,
    spanned: &Spanned<RawEvidence>,
    top_level: Option<u8>,
) -> Option<EvidenceRule> {
    let rule = spanned.get_ref();
    let fact = rule.fact.get_ref();
    let kind = fact_kind(checker, id, rule)?;
    let op = rule_op(checker, id, rule)?;
    let value = rule_value(checker, id, spanned, op, kind)?;
    let max_level = checker.in_range(&rule.max_level, 0..5, "max_level") as u8;
    let kind = rule_kind(checker, id, spanned)?;
    let roles = rule_roles(checker, id, rule);
    let reason = rule_reason(checker, id, spanned);
    if top_level.is_some_and(|top| max_level >= top) {
        checker.warn(
            rule.max_level.span(),
            i18n::text!(
                "catalog-rule-useless",
                id = id,
                max_level = max_level,
                fact = fact
            ),
        );
    }
    Some(EvidenceRule {
        fact: fact.clone(),
        op,
        value,
        kind,
        max_level,
        roles,
        reason,
    })
}

/// The kind of value a rule's fact holds, if the fact is documented.
fn fact_kind(checker: &mut Checker<'_>, id: &str, rule: &RawEvidence) -> Option<Kind> {
    let fact = rule.fact.get_ref();
    let Some(kind) = facts::kind_of(fact) else {
        let known: Vec<&str> = facts::FACT_KEYS.iter().map(|(k, _)| *k).collect();
        checker.report_with_hint(
            rule.fact.span(),
            i18n::text!("catalog-fact-unknown", id = id, fact = fact),
            i18n::text!("catalog-fact-unknown-hint", known = known.join(", ")),
        );
        return None;
    };
    Some(kind)
}

/// A rule's comparison.
fn rule_op(checker: &mut Checker<'_>, id: &str, rule: &RawEvidence) -> Option<Op> {
    let op = match rule.op.get_ref().as_str() {
        ">" => Op::Greater,
        ">=" => Op::AtLeast,
        "<" => Op::Less,
        "<=" => Op::AtMost,
        "==" => Op::Equal,
        "!=" => Op::NotEqual,
        "empty" => Op::Empty,
        "not-empty" => Op::NotEmpty,
        other => {
            checker.report_with_hint(
                rule.op.span(),
                i18n::text!("catalog-op-unknown", id = id, other = other),
                i18n::text!("catalog-op-unknown-hint"),
            );
            return None;
        }
    };
    Some(op)
}

/// The value a rule compares with, of its fact's kind and, for a closed set of texts, one of
/// them; `Some(None)` for `empty` and `not-empty`.
fn rule_value(
    checker: &mut Checker<'_>,
    id: &str,
    spanned: &Spanned<RawEvidence>,
    op: Op,
    kind: Kind,
) -> Option<Option<Value>> {
    let rule = spanned.get_ref();
    let fact = rule.fact.get_ref();
    let value = rule.value.as_ref().map(|v| (v.span(), v.get_ref()));
    let converted = match (op, kind, value) {
        (Op::Empty | Op::NotEmpty, Kind::List | Kind::Text, None) => Some(None),
        (Op::Greater | Op::AtLeast | Op::Less | Op::AtMost, Kind::Number, Some((_, v))) => {
            match v {
                toml::Value::Integer(n) => Some(Some(Value::Number(*n as f64))),
                toml::Value::Float(n) => Some(Some(Value::Number(*n))),
                _ => None,
            }
        }
        (Op::Equal | Op::NotEqual, _, Some((_, v))) => match (kind, v) {
            (Kind::Bool, toml::Value::Boolean(b)) => Some(Some(Value::Bool(*b))),
            (Kind::Number, toml::Value::Integer(n)) => Some(Some(Value::Number(*n as f64))),
            (Kind::Number, toml::Value::Float(n)) => Some(Some(Value::Number(*n))),
            (Kind::Text, toml::Value::String(t)) => Some(Some(Value::Text(t.clone()))),
            _ => None,
        },
        _ => None,
    };
    let Some(value) = converted else {
        let span = rule
            .value
            .as_ref()
            .map_or_else(|| spanned.span(), Spanned::span);
        let op_text = rule.op.get_ref();
        let expected = expected_value(op, kind);
        let kind = kind_words(kind);
        checker.report_with_hint(
            span,
            i18n::text!(
                "catalog-rule-value-mismatch",
                id = id,
                fact = fact,
                kind = kind,
                op_text = op_text
            ),
            i18n::text!(
                "catalog-rule-value-mismatch-hint",
                op_text = op_text,
                expected = expected
            ),
        );
        return None;
    };
    if let Some(Value::Text(text)) = &value
        && let Some(allowed) = facts::allowed_values(fact)
        && !allowed.contains(&text.as_str())
    {
        let span = rule
            .value
            .as_ref()
            .map_or_else(|| spanned.span(), Spanned::span);
        let list = allowed
            .iter()
            .map(|v| format!("\"{v}\""))
            .collect::<Vec<_>>()
            .join(", ");
        checker.report_with_hint(
            span,
            i18n::text!(
                "catalog-rule-value-never",
                id = id,
                fact = fact,
                text = text
            ),
            i18n::text!("catalog-rule-value-never-hint", list = list),
        );
        return None;
    }
    Some(value)
}

/// The machine roles a rule is limited to; unknown roles are reported and left out.
fn rule_roles(checker: &mut Checker<'_>, id: &str, rule: &RawEvidence) -> Vec<String> {
    let mut roles = Vec::new();
    for role in &rule.roles {
        if ROLES.contains(&role.get_ref().as_str()) {
            roles.push(role.get_ref().clone());
        } else {
            checker.report_with_hint(
                role.span(),
                i18n::text!("catalog-role-unknown", id = id, role = role.get_ref()),
                i18n::text!("catalog-role-unknown-hint", roles = ROLES.join(", ")),
            );
        }
    }
    roles
}

/// Why a rule's fact bears on the answer, which the catalog must say.
fn rule_reason(
    checker: &mut Checker<'_>,
    id: &str,
    spanned: &Spanned<RawEvidence>,
) -> facts::Reason {
    let rule = spanned.get_ref();
    let fact = rule.fact.get_ref();
    match &rule.reason {
        Some(reason) => {
            let text = checker.text(reason, "reason");
            facts::Reason {
                fr: text.fr,
                en: text.en,
            }
        }
        None => {
            checker.report_with_hint(
                spanned.span(),
                i18n::text!("catalog-rule-no-reason", id = id, fact = fact),
                i18n::text!("catalog-rule-no-reason-hint"),
            );
            facts::Reason::default()
        }
    }
}

/// Every profile and every domain must hold at least one control.
fn check_not_empty(
    problems: &mut Vec<Problem>,
    header_file: &SourceFile,
    header: &RawHeader,
    (profiles, domains): (&[Profile], &[Domain]),
    controls: &[&Control],
) {
    // Every profile must have at least one control.
    for (index, profile) in profiles.iter().enumerate() {
        if !controls
            .iter()
            .any(|control| control.profiles.contains(&profile.id))
        {
            let span = header.profiles[index].span();
            problems.push(
                Problem::at(
                    header_file.location(span),
                    i18n::text!("catalog-profile-empty", profile = profile.id),
                )
                .hint(i18n::text!(
                    "catalog-profile-empty-hint",
                    profile = profile.id
                )),
            );
        }
    }
    // Every domain must have at least one control: an empty one would show as "not applicable"
    // in every report, which is not what its author meant.
    for (index, domain) in domains.iter().enumerate() {
        if !controls.iter().any(|control| control.domain == domain.id) {
            let span = header.domains[index].span();
            problems.push(
                Problem::at(
                    header_file.location(span),
                    i18n::text!("catalog-domain-empty", domain = domain.id),
                )
                .hint(i18n::text!("catalog-domain-empty-hint", domain = domain.id)),
            );
        }
    }
}

/// `[[upgrades]]`: each names an earlier version, and each change a control of that version and
/// what became of it; the controls and options it points to must exist now.
fn check_upgrades(
    checker: &mut Checker<'_>,
    header: &RawHeader,
    version: &str,
    controls: &[&Control],
) -> Vec<Upgrade> {
    let find = |id: &str| controls.iter().copied().find(|c| c.id == id);
    let mut upgrades: Vec<Upgrade> = Vec::new();
    for raw in &header.upgrades {
        let raw = raw.get_ref();
        let from = raw.from.get_ref().trim().to_owned();
        if from.is_empty() || from == version || upgrades.iter().any(|u| u.from == from) {
            checker.report(
                raw.from.span(),
                i18n::text!("catalog-upgrade-from", from = from),
            );
            continue;
        }
        let mut changes: Vec<Change> = Vec::new();
        for spanned in &raw.changes {
            let change = spanned.get_ref();
            let id = change.control.get_ref().clone();
            if changes.iter().any(|c| c.control == id) {
                checker.report(
                    change.control.span(),
                    i18n::text!("catalog-upgrade-twice", from = from, id = id),
                );
                continue;
            }
            let kind = match (change.change.get_ref().as_str(), &change.to) {
                ("reworded", None) => ChangeKind::Reworded,
                ("options", None) => ChangeKind::Options,
                ("removed", None) => ChangeKind::Removed,
                ("moved", Some(to)) => ChangeKind::Moved(to.get_ref().clone()),
                (other, _) => {
                    checker.report_with_hint(
                        change.change.span(),
                        i18n::text!(
                            "catalog-upgrade-change-unknown",
                            from = from,
                            other = other,
                            id = id
                        ),
                        i18n::text!("catalog-upgrade-change-unknown-hint"),
                    );
                    continue;
                }
            };
            // The control the answers go to now.
            let now = match &kind {
                ChangeKind::Removed => None,
                ChangeKind::Moved(to) => Some(to.clone()),
                _ => Some(id.clone()),
            };
            let target = now.as_deref().and_then(find);
            if let Some(now) = &now
                && target.is_none()
            {
                checker.report(
                    spanned.span(),
                    i18n::text!("catalog-upgrade-control-missing", from = from, now = now),
                );
                continue;
            }
            if matches!(kind, ChangeKind::Removed) && find(&id).is_some() {
                checker.report(
                    spanned.span(),
                    i18n::text!("catalog-upgrade-removed-exists", from = from, id = id),
                );
                continue;
            }
            let mut options = std::collections::BTreeMap::new();
            for (old, new) in &change.options {
                if target.is_none_or(|control| control.option(new.get_ref()).is_none()) {
                    checker.report(
                        new.span(),
                        i18n::text!(
                            "catalog-upgrade-option-missing",
                            from = from,
                            id = id,
                            option = new.get_ref()
                        ),
                    );
                    continue;
                }
                options.insert(old.clone(), new.get_ref().clone());
            }
            let note = change.note.as_ref().map(|note| checker.text(note, "note"));
            changes.push(Change {
                control: id,
                change: kind,
                options,
                note,
            });
        }
        upgrades.push(Upgrade { from, changes });
    }
    upgrades
}

/// A rule's `kind`, which must be written: whether a fact proves an answer false (`cap`) or only
/// questions it (`verify`) is the catalog author's decision, never a default.
fn rule_kind(
    checker: &mut Checker<'_>,
    id: &str,
    spanned: &Spanned<super::raw::RawEvidence>,
) -> Option<facts::RuleKind> {
    let hint = i18n::text!("catalog-rule-kind-hint");
    match spanned.get_ref().kind.as_ref() {
        Some(kind) if kind.get_ref() == "cap" => Some(facts::RuleKind::Cap),
        Some(kind) if kind.get_ref() == "verify" => Some(facts::RuleKind::Verify),
        Some(kind) => {
            checker.report_with_hint(
                kind.span(),
                i18n::text!("catalog-rule-kind-unknown", id = id, kind = kind.get_ref()),
                hint,
            );
            None
        }
        None => {
            checker.report_with_hint(
                spanned.span(),
                i18n::text!("catalog-rule-kind-missing", id = id),
                hint,
            );
            None
        }
    }
}

/// A fact kind in words, for messages.
fn kind_words(kind: Kind) -> Text {
    match kind {
        Kind::Bool => i18n::text!("catalog-fact-kind-bool"),
        Kind::Number => i18n::text!("catalog-fact-kind-number"),
        Kind::Text => i18n::text!("catalog-fact-kind-text"),
        Kind::List => i18n::text!("catalog-fact-kind-list"),
    }
}

/// What a rule with `op` on a fact of `kind` needs, for hints.
fn expected_value(op: Op, kind: Kind) -> Text {
    let value_for = |kind: Kind| match kind {
        Kind::Bool => i18n::text!("catalog-expected-bool"),
        Kind::Number => i18n::text!("catalog-expected-number"),
        Kind::Text => i18n::text!("catalog-expected-text"),
        Kind::List => i18n::text!("catalog-expected-list"),
    };
    match (op, kind) {
        (Op::Empty | Op::NotEmpty, Kind::List | Kind::Text) => {
            i18n::text!("catalog-expected-no-value")
        }
        (Op::Empty | Op::NotEmpty, _) => i18n::text!("catalog-expected-not-empty-op"),
        (Op::Greater | Op::AtLeast | Op::Less | Op::AtMost, Kind::Number) => value_for(kind),
        (Op::Greater | Op::AtLeast | Op::Less | Op::AtMost, _) => {
            i18n::text!("catalog-expected-not-number-op")
        }
        (Op::Equal | Op::NotEqual, _) => value_for(kind),
    }
}

fn check_refs(
    checker: &mut Checker<'_>,
    id: &str,
    raw: &RawControl,
    documents: &[Document],
) -> Vec<String> {
    if raw.refs.is_empty() && !raw.context {
        checker.report(raw.id.span(), i18n::text!("catalog-no-refs", id = id));
    }
    let keys: Vec<&str> = documents.iter().map(|d| d.key.as_str()).collect();
    let mut refs = Vec::new();
    for reference in &raw.refs {
        let text = reference.get_ref().trim();
        let (key, section) = text.split_once(' ').unwrap_or((text, ""));
        match documents.iter().find(|d| d.key == key) {
            None => checker.report_with_hint(
                reference.span(),
                i18n::text!("catalog-ref-unknown-key", id = id, text = text),
                i18n::text!("catalog-ref-unknown-key-hint", keys = keys.join(", ")),
            ),
            Some(document) if document.sections && section.trim().is_empty() => checker
                .report_with_hint(
                    reference.span(),
                    i18n::text!("catalog-ref-no-section", id = id, text = text),
                    i18n::text!("catalog-ref-no-section-hint", key = key),
                ),
            Some(document) if !document.sections && !section.trim().is_empty() => checker.report(
                reference.span(),
                i18n::text!("catalog-ref-no-sections", id = id, key = key),
            ),
            Some(_) => refs.push(text.to_owned()),
        }
    }
    refs
}

/// A control's options, each checked, and the scale they make.
fn check_options(checker: &mut Checker<'_>, id: &str, raw: &RawControl) -> Vec<AnswerOption> {
    check_option_count(checker, id, raw);
    let mut options: Vec<AnswerOption> = Vec::new();
    for spanned in &raw.options {
        let option = check_option(checker, id, raw.context, spanned, &options);
        options.push(option);
    }
    check_scale(checker, id, raw, &options);
    options
}

/// How many options a control has: 3 to 5 for a scored control, 2 to 5 for a context question.
fn check_option_count(checker: &mut Checker<'_>, id: &str, raw: &RawControl) {
    let count = raw.options.len();
    let allowed = if raw.context { 2..6 } else { OPTIONS_RANGE };
    if !allowed.contains(&count) {
        checker.report(
            raw.id.span(),
            i18n::text!(
                "catalog-option-count",
                id = id,
                count = count,
                min = allowed.start,
                max = allowed.end - 1
            ),
        );
    }
}

/// One option: its id, its level (not below the level of the option `before` it) and its
/// label.
fn check_option(
    checker: &mut Checker<'_>,
    id: &str,
    context: bool,
    spanned: &Spanned<RawOption>,
    before: &[AnswerOption],
) -> AnswerOption {
    let option: &RawOption = spanned.get_ref();
    let option_id = check_option_id(checker, id, option, before);
    let level = option_level(checker, id, context, spanned, &option_id);
    if let (Some(level), Some(previous)) = (level, before.last().and_then(|o| o.level))
        && level < previous
    {
        checker.report(
            spanned.span(),
            i18n::text!(
                "catalog-option-order",
                id = id,
                option_id = option_id,
                level = level,
                previous = previous
            ),
        );
    }
    let label = checker.text(&option.label, "label");
    checker.words(option.label.span(), &label, OPTION_WORDS, || {
        i18n::text!("catalog-option-what", id = id, option_id = option_id)
    });
    AnswerOption {
        id: option_id,
        level,
        label,
    }
}

/// An option's id: lower-case ASCII letters, digits and dashes, not digits only (a number
/// names an option by its place), not a reserved choice, not the id of an option `before` it.
fn check_option_id(
    checker: &mut Checker<'_>,
    id: &str,
    option: &RawOption,
    before: &[AnswerOption],
) -> String {
    let option_id = option.id.get_ref().clone();
    let valid_id = !option_id.is_empty()
        && option_id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid_id {
        checker.report(
            option.id.span(),
            i18n::text!("catalog-option-id-invalid", id = id, option_id = option_id),
        );
    }
    if valid_id && option_id.chars().all(|c| c.is_ascii_digit()) {
        checker.report_with_hint(
            option.id.span(),
            i18n::text!("catalog-option-id-digits", id = id, option_id = option_id),
            i18n::text!("catalog-option-id-digits-hint"),
        );
    }
    if RESERVED_CHOICES.contains(&option_id.as_str()) {
        checker.report(
            option.id.span(),
            i18n::text!("catalog-option-id-reserved", id = id, option_id = option_id),
        );
    }
    if before.iter().any(|o| o.id == option_id) {
        checker.report(
            option.id.span(),
            i18n::text!("catalog-option-twice", id = id, option_id = option_id),
        );
    }
    option_id
}

/// An option's level, 0 to 4: required on a scored control's options, refused on a context
/// question's.
fn option_level(
    checker: &mut Checker<'_>,
    id: &str,
    context: bool,
    spanned: &Spanned<RawOption>,
    option_id: &str,
) -> Option<u8> {
    match (&spanned.get_ref().level, context) {
        (Some(level), true) => {
            checker.report(
                level.span(),
                i18n::text!("catalog-context-option-level", id = id),
            );
            None
        }
        (Some(level), false) => Some(checker.in_range(level, 0..5, "level") as u8),
        (None, true) => None,
        (None, false) => {
            checker.report(
                spanned.span(),
                i18n::text!("catalog-option-no-level", id = id, option_id = option_id),
            );
            None
        }
    }
}

/// The scale the options make: a scored control has an option at level 4, and (a warning) no
/// level is missing below the highest.
fn check_scale(checker: &mut Checker<'_>, id: &str, raw: &RawControl, options: &[AnswerOption]) {
    if !raw.context && !options.is_empty() && options.iter().all(|o| o.level != Some(4)) {
        checker.report_with_hint(
            raw.id.span(),
            i18n::text!("catalog-no-top-level", id = id),
            i18n::text!("catalog-no-top-level-hint"),
        );
    }
    let levels: Vec<u8> = options.iter().filter_map(|o| o.level).collect();
    if let Some(&top) = levels.iter().max() {
        let missing: Vec<String> = (0..top)
            .filter(|level| !levels.contains(level))
            .map(|level| level.to_string())
            .collect();
        if !missing.is_empty() {
            let missing = missing.join(", ");
            checker.warn(
                raw.id.span(),
                i18n::text!("catalog-level-gap", id = id, missing = missing, top = top),
            );
        }
    }
}

fn check_recommendation(checker: &mut Checker<'_>, raw: &RawRecommendation) -> Recommendation {
    Recommendation {
        title: checker.text(&raw.title, "recommendation.title"),
        why: checker.text(&raw.why, "recommendation.why"),
        how: checker.text(&raw.how, "recommendation.how"),
    }
}

/// Conditions must point at an existing context question and its options, with no cycle.
fn check_conditions(
    problems: &mut Vec<Problem>,
    header_file: &SourceFile,
    header: &RawHeader,
    built: &[(&PlacedControl<'_>, Control)],
) {
    let by_id: HashMap<&str, &Control> = built
        .iter()
        .map(|(_, control)| (control.id.as_str(), control))
        .collect();
    let mut check_one = |file: &SourceFile, owner: &str, raw: &Spanned<RawCondition>| {
        let when = raw.get_ref();
        let target = when.control.get_ref();
        match by_id.get(target.as_str()) {
            None => problems.push(Problem::at(
                file.location(when.control.span()),
                i18n::text!("catalog-condition-unknown", owner = owner, target = target),
            )),
            Some(gate) if !gate.context => problems.push(
                Problem::at(
                    file.location(when.control.span()),
                    i18n::text!(
                        "catalog-condition-not-context",
                        owner = owner,
                        target = target
                    ),
                )
                .hint(i18n::text!(
                    "catalog-condition-not-context-hint",
                    target = target,
                    owner = owner
                )),
            ),
            Some(_) if target == owner => problems.push(Problem::at(
                file.location(when.control.span()),
                i18n::text!("catalog-condition-self", owner = owner),
            )),
            Some(gate) => {
                if when.any_of.is_empty() {
                    problems.push(Problem::at(
                        file.location(raw.span()),
                        i18n::text!("catalog-condition-no-option", owner = owner),
                    ));
                }
                for option in &when.any_of {
                    if gate.option(option.get_ref()).is_none() {
                        let known: Vec<&str> = gate.options.iter().map(|o| o.id.as_str()).collect();
                        problems.push(
                            Problem::at(
                                file.location(option.span()),
                                i18n::text!(
                                    "catalog-condition-option-unknown",
                                    owner = owner,
                                    target = target,
                                    option = option.get_ref()
                                ),
                            )
                            .hint(i18n::text!(
                                "catalog-condition-option-unknown-hint",
                                target = target,
                                known = known.join(", ")
                            )),
                        );
                    }
                }
            }
        }
    };
    for raw in &header.domains {
        if let Some(when) = &raw.get_ref().when {
            check_one(header_file, raw.get_ref().id.get_ref(), when);
        }
    }
    for (placed, control) in built {
        if let Some(when) = &placed.raw.get_ref().when {
            check_one(placed.file, &control.id, when);
        }
    }

    // A chain of gates must end: follow each control's gate until none is left.
    for (placed, control) in built {
        let mut seen = HashSet::new();
        let mut current = control;
        while let Some(when) = &current.when {
            if !seen.insert(current.id.as_str()) {
                problems.push(Problem::at(
                    placed.file.location(placed.raw.get_ref().id.span()),
                    i18n::text!("catalog-condition-loop", control = control.id),
                ));
                break;
            }
            match by_id.get(when.control.as_str()) {
                Some(next) => current = next,
                None => break,
            }
        }
    }
}
