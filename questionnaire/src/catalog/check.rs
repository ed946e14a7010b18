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

    /// Warns when a French text has more than `limit` words.
    fn words(&mut self, span: Range<usize>, text: &Text, limit: usize, what: &str) {
        if !self.lint {
            return;
        }
        let count = crate::typography::words(&text.fr).count();
        if count > limit {
            self.warn(
                span,
                Text::new(
                    format!("{what} a {count}\u{a0}mots en français (au plus {limit} pour être dit à voix haute en moins d'une minute)"),
                    format!("{what} has {count} words in French (at most {limit} to be said aloud in under a minute)"),
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
                    Text::new(
                        format!("{what} : le texte « {lang} » manque ou est vide"),
                        format!("{what}: the \"{lang}\" text is missing or empty"),
                    ),
                    Text::new(
                        format!("écrivez {what} = {{ fr = \"…\", en = \"…\" }}"),
                        format!("write {what} = {{ fr = \"…\", en = \"…\" }}"),
                    ),
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
                Text::new(
                    format!("{what} (fr)\u{a0}: {}", said.fr),
                    format!("{what} (fr): {}", said.en),
                ),
            );
        }
        if fr.trim() == en.trim() && crate::typography::words(&fr).count() > 1 {
            self.warn(
                span.clone(),
                Text::new(
                    format!("{what}\u{a0}: le texte français est le même que l'anglais («\u{a0}{fr}\u{a0}»)"),
                    format!("{what}: the French text is the same as the English one (\"{en}\")"),
                ),
            );
        }
        Text { fr, en }
    }

    fn in_range(&mut self, value: &Spanned<i64>, range: Range<i64>, what: &str) -> i64 {
        let number = *value.get_ref();
        if !range.contains(&number) {
            self.report(
                value.span(),
                Text::new(
                    format!(
                        "{what} vaut {number} : il doit être entre {} et {}",
                        range.start,
                        range.end - 1
                    ),
                    format!(
                        "{what} is {number}: it must be between {} and {}",
                        range.start,
                        range.end - 1
                    ),
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
                Text::new(
                    format!(
                        "{what} « {} » est vide ou contient des espaces",
                        id.get_ref()
                    ),
                    format!("{what} \"{}\" is empty or contains spaces", id.get_ref()),
                ),
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
    let mut seen: HashMap<String, String> = HashMap::new();
    for placed in controls {
        let mut checker = Checker::new(placed.file, lint);
        let control = check_control(&mut checker, placed.raw, &documents, &domains, &profiles);
        let id_span = placed.raw.get_ref().id.span();
        let first = placed.file.location(id_span.clone());
        if let Some(previous) = seen.get(&control.id) {
            checker.report_with_hint(
                id_span,
                Text::new(
                    format!("l'identifiant de contrôle « {} » est déjà pris", control.id),
                    format!("the control id \"{}\" is already taken", control.id),
                ),
                Text::new(
                    format!("il est défini aussi en {previous} ; donnez-lui un autre identifiant"),
                    format!("it is also defined at {previous}; give it another id"),
                ),
            );
        } else {
            seen.insert(control.id.clone(), first.to_string());
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
            Problem::at(
                header_file.start(),
                Text::new(
                    "le catalogue ne définit aucun profil",
                    "the catalog defines no profile",
                ),
            )
            .hint(Text::new(
                "ajoutez [[profiles]] id = \"complet\" all = true",
                "add [[profiles]] id = \"complet\" all = true",
            )),
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
                Text::new(
                    format!("le document « {key} » est déclaré deux fois"),
                    format!("the document \"{key}\" is declared twice"),
                ),
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
            checker.report(
                raw.id.span(),
                Text::new(
                    format!("le domaine « {id} » est déclaré deux fois"),
                    format!("the domain \"{id}\" is declared twice"),
                ),
            );
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
        checker.report(
            0..0,
            Text::new(
                "le catalogue ne déclare aucun domaine ([[domains]])",
                "the catalog declares no domain ([[domains]])",
            ),
        );
    }
    domains
}

fn check_profiles(checker: &mut Checker<'_>, header: &RawHeader) -> Vec<Profile> {
    let mut profiles: Vec<Profile> = Vec::new();
    for raw in &header.profiles {
        let raw: &RawProfile = raw.get_ref();
        let id = checker.non_empty_id(&raw.id, "id");
        if profiles.iter().any(|p| p.id == id) || RESERVED_CHOICES.contains(&id.as_str()) {
            checker.report(
                raw.id.span(),
                Text::new(
                    format!("le profil « {id} » est déclaré deux fois"),
                    format!("the profile \"{id}\" is declared twice"),
                ),
            );
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
            Text::new(
                format!("{id} : domaine inconnu « {domain} »"),
                format!("{id}: unknown domain \"{domain}\""),
            ),
            Text::new(
                format!("domaines déclarés : {}", known.join(", ")),
                format!("declared domains: {}", known.join(", ")),
            ),
        );
    }
    let question = checker.text(&raw.question, "question");
    checker.words(
        raw.question.span(),
        &question,
        QUESTION_WORDS,
        &format!("{id} question"),
    );
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
                Text::new(
                    format!("{id} : profil inconnu « {name} »"),
                    format!("{id}: unknown profile \"{name}\""),
                ),
                Text::new(
                    format!("profils déclarés : {}", known.join(", ")),
                    format!("declared profiles: {}", known.join(", ")),
                ),
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
                    Text::new(
                        format!("{id} est une question de contexte : elle n'a pas de « {field} »"),
                        format!("{id} is a context question: it has no \"{field}\""),
                    ),
                );
            }
        }
        if raw.na_allowed {
            checker.report(
                spanned.span(),
                Text::new(
                    format!("{id} est une question de contexte : na_allowed n'a pas de sens"),
                    format!("{id} is a context question: na_allowed has no meaning"),
                ),
            );
        }
        (0, false, 0, None)
    } else {
        let mut required = |field: &str| {
            checker.report(
                spanned.span(),
                Text::new(
                    format!("{id} : le champ « {field} » manque"),
                    format!("{id}: the field \"{field}\" is missing"),
                ),
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
                    Text::new(
                        format!("{id} : aucune option n'atteint la cible {target}"),
                        format!("{id}: no option reaches the target {target}"),
                    ),
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
            Text::new(
                format!("{id} est une question de contexte : elle n'a pas de règle de preuve"),
                format!("{id} is a context question: it has no evidence rule"),
            ),
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
            Text::new(
                format!("{id}\u{a0}: max_level {max_level} n'est sous aucune option\u{a0}: la règle sur «\u{a0}{fact}\u{a0}» ne change rien"),
                format!("{id}: max_level {max_level} is below no option: the rule on \"{fact}\" changes nothing"),
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
            Text::new(
                format!("{id} : constat inconnu « {fact} »"),
                format!("{id}: unknown fact \"{fact}\""),
            ),
            Text::new(
                format!("constats documentés (docs/facts.md) : {}", known.join(", ")),
                format!("documented facts (docs/facts.md): {}", known.join(", ")),
            ),
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
                Text::new(
                    format!("{id} : comparaison inconnue « {other} »"),
                    format!("{id}: unknown comparison \"{other}\""),
                ),
                Text::new(
                    "op vaut >, >=, <, <=, ==, !=, empty ou not-empty",
                    "op is >, >=, <, <=, ==, !=, empty or not-empty",
                ),
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
        let (kind_fr, kind_en) = kind_words(kind);
        let (expected_fr, expected_en) = expected_value(op, kind);
        checker.report_with_hint(
        span,
        Text::new(
            format!("{id} : la règle sur « {fact} » (constat {kind_fr}) ne va pas avec « {op_text} » et cette valeur"),
            format!("{id}: the rule on \"{fact}\" (a {kind_en} fact) does not fit \"{op_text}\" with this value"),
        ),
        Text::new(
            format!("avec « {op_text} », {expected_fr}"),
            format!("with \"{op_text}\", {expected_en}"),
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
        Text::new(
            format!("{id} : « {fact} » ne vaut jamais « {text} » : la règle ne pourrait jamais s'appliquer"),
            format!("{id}: \"{fact}\" never has the value \"{text}\": the rule could never hold"),
        ),
        Text::new(
            format!("valeurs possibles (docs/facts.md) : {list}"),
            format!("possible values (docs/facts.md): {list}"),
        ),
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
                Text::new(
                    format!(
                        "{id}\u{a0}: rôle de machine inconnu «\u{a0}{}\u{a0}»",
                        role.get_ref()
                    ),
                    format!("{id}: unknown machine role \"{}\"", role.get_ref()),
                ),
                Text::new(
                    format!("rôles (constat host.role)\u{a0}: {}", ROLES.join(", ")),
                    format!("roles (the host.role fact): {}", ROLES.join(", ")),
                ),
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
            Text::new(
                format!("{id}\u{a0}: la règle sur «\u{a0}{fact}\u{a0}» ne dit pas pourquoi (reason)"),
                format!("{id}: the rule on \"{fact}\" does not say why (reason)"),
            ),
            Text::new(
                "écrivez reason = { fr = \"…\", en = \"…\" }\u{a0}: quelle affirmation de quelle option le constat contredit, sur quelle sorte de machine",
                "write reason = { fr = \"…\", en = \"…\" }: which claim of which option the fact disproves, on which kind of machine",
            ),
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
                    Text::new(
                        format!("le profil « {} » ne contient aucun contrôle", profile.id),
                        format!("the profile \"{}\" has no control", profile.id),
                    ),
                )
                .hint(Text::new(
                    format!(
                        "ajoutez « {} » au champ profiles des contrôles à poser",
                        profile.id
                    ),
                    format!(
                        "add \"{}\" to the profiles field of the controls to ask",
                        profile.id
                    ),
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
                    Text::new(
                        format!("le domaine « {} » ne contient aucun contrôle", domain.id),
                        format!("the domain \"{}\" has no control", domain.id),
                    ),
                )
                .hint(Text::new(
                    format!(
                        "ajoutez des contrôles avec domain = \"{}\", ou retirez ce domaine du catalogue",
                        domain.id
                    ),
                    format!(
                        "add controls with domain = \"{}\", or remove this domain from the catalog",
                        domain.id
                    ),
                )),
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
                Text::new(
                    format!("upgrades\u{a0}: «\u{a0}{from}\u{a0}» doit être une version antérieure, citée une seule fois"),
                    format!("upgrades: \"{from}\" must be an earlier version, named once"),
                ),
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
                    Text::new(
                        format!("upgrades {from}\u{a0}: «\u{a0}{id}\u{a0}» est cité deux fois"),
                        format!("upgrades {from}: \"{id}\" is named twice"),
                    ),
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
                        Text::new(
                            format!("upgrades {from}\u{a0}: changement «\u{a0}{other}\u{a0}» inconnu ou incomplet pour {id}"),
                            format!("upgrades {from}: unknown or incomplete change \"{other}\" for {id}"),
                        ),
                        Text::new(
                            "change vaut reworded, options, removed, ou moved avec to = \"NOUVEL-ID\"",
                            "change is reworded, options, removed, or moved with to = \"NEW-ID\"",
                        ),
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
                    Text::new(
                        format!("upgrades {from}\u{a0}: le contrôle «\u{a0}{now}\u{a0}» n'existe pas dans cette version"),
                        format!("upgrades {from}: the control \"{now}\" does not exist in this version"),
                    ),
                );
                continue;
            }
            if matches!(kind, ChangeKind::Removed) && find(&id).is_some() {
                checker.report(
                    spanned.span(),
                    Text::new(
                        format!("upgrades {from}\u{a0}: {id} est dit retiré mais existe encore"),
                        format!("upgrades {from}: {id} is said removed but still exists"),
                    ),
                );
                continue;
            }
            let mut options = std::collections::BTreeMap::new();
            for (old, new) in &change.options {
                if target.is_none_or(|control| control.option(new.get_ref()).is_none()) {
                    checker.report(
                        new.span(),
                        Text::new(
                            format!("upgrades {from}\u{a0}: {id}\u{a0}: l'option «\u{a0}{}\u{a0}» n'existe pas", new.get_ref()),
                            format!("upgrades {from}: {id}: the option \"{}\" does not exist", new.get_ref()),
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
    let hint = Text::new(
        "kind = \"cap\" quand le constat prouve fausse l'affirmation des options au-dessus de max_level (le niveau retenu baisse), kind = \"verify\" quand il la met seulement en doute (un point à vérifier, le score ne change pas)",
        "kind = \"cap\" when the fact proves the options above max_level false (the level kept is lowered), kind = \"verify\" when it only questions them (a point to verify, the score is untouched)",
    );
    match spanned.get_ref().kind.as_ref() {
        Some(kind) if kind.get_ref() == "cap" => Some(facts::RuleKind::Cap),
        Some(kind) if kind.get_ref() == "verify" => Some(facts::RuleKind::Verify),
        Some(kind) => {
            checker.report_with_hint(
                kind.span(),
                Text::new(
                    format!(
                        "{id}\u{a0}: sorte de règle inconnue «\u{a0}{}\u{a0}»",
                        kind.get_ref()
                    ),
                    format!("{id}: unknown kind of rule \"{}\"", kind.get_ref()),
                ),
                hint,
            );
            None
        }
        None => {
            checker.report_with_hint(
                spanned.span(),
                Text::new(
                    format!("{id}\u{a0}: la règle de preuve ne dit pas sa sorte (kind)"),
                    format!("{id}: the evidence rule does not say its kind"),
                ),
                hint,
            );
            None
        }
    }
}

/// A fact kind in words (French, English), for messages.
fn kind_words(kind: Kind) -> (&'static str, &'static str) {
    match kind {
        Kind::Bool => ("oui/non", "yes/no"),
        Kind::Number => ("numérique", "number"),
        Kind::Text => ("texte", "text"),
        Kind::List => ("liste", "list"),
    }
}

/// What a rule with `op` on a fact of `kind` needs (French, English), for hints.
fn expected_value(op: Op, kind: Kind) -> (String, String) {
    let value_for = |kind: Kind| match kind {
        Kind::Bool => (
            "écrivez value = true ou value = false".to_owned(),
            "write value = true or value = false".to_owned(),
        ),
        Kind::Number => (
            "écrivez un nombre : value = 30".to_owned(),
            "write a number: value = 30".to_owned(),
        ),
        Kind::Text => (
            "écrivez un texte entre guillemets : value = \"…\"".to_owned(),
            "write a text in quotes: value = \"…\"".to_owned(),
        ),
        Kind::List => (
            "un constat liste se compare avec op = \"empty\" ou \"not-empty\", sans value"
                .to_owned(),
            "a list fact is compared with op = \"empty\" or \"not-empty\", without value"
                .to_owned(),
        ),
    };
    match (op, kind) {
        (Op::Empty | Op::NotEmpty, Kind::List | Kind::Text) => (
            "n'écrivez pas de value".to_owned(),
            "write no value".to_owned(),
        ),
        (Op::Empty | Op::NotEmpty, _) => (
            "seuls les constats liste ou texte peuvent être vides ; utilisez == ou !=".to_owned(),
            "only list or text facts can be empty; use == or !=".to_owned(),
        ),
        (Op::Greater | Op::AtLeast | Op::Less | Op::AtMost, Kind::Number) => value_for(kind),
        (Op::Greater | Op::AtLeast | Op::Less | Op::AtMost, _) => (
            "seuls les constats numériques se comparent avec >, >=, < ou <= ; utilisez == ou !="
                .to_owned(),
            "only number facts compare with >, >=, < or <=; use == or !=".to_owned(),
        ),
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
        checker.report(
            raw.id.span(),
            Text::new(
                format!("{id} ne cite aucune source (refs)"),
                format!("{id} cites no source (refs)"),
            ),
        );
    }
    let keys: Vec<&str> = documents.iter().map(|d| d.key.as_str()).collect();
    let mut refs = Vec::new();
    for reference in &raw.refs {
        let text = reference.get_ref().trim();
        let (key, section) = text.split_once(' ').unwrap_or((text, ""));
        match documents.iter().find(|d| d.key == key) {
            None => checker.report_with_hint(
                reference.span(),
                Text::new(
                    format!("{id} : la référence « {text} » ne commence pas par une clé de document connue"),
                    format!("{id}: the ref \"{text}\" does not start with a known document key"),
                ),
                Text::new(
                    format!("écrivez la clé, une espace et la section, p. ex. « charte-ght §10.9.1 » ; clés : {}", keys.join(", ")),
                    format!("write the key, a space and the section, e.g. \"charte-ght §10.9.1\"; keys: {}", keys.join(", ")),
                ),
            ),
            Some(document) if document.sections && section.trim().is_empty() => checker.report_with_hint(
                reference.span(),
                Text::new(
                    format!("{id} : la référence « {text} » ne donne pas de section"),
                    format!("{id}: the ref \"{text}\" names no section"),
                ),
                Text::new(
                    format!("ajoutez la section telle que le document la numérote, p. ex. « {key} §4 »"),
                    format!("add the section as the document numbers it, e.g. \"{key} §4\""),
                ),
            ),
            Some(document) if !document.sections && !section.trim().is_empty() => checker.report(
                reference.span(),
                Text::new(
                    format!("{id} : « {key} » n'a pas de sections ; écrivez seulement « {key} »"),
                    format!("{id}: \"{key}\" has no sections; write just \"{key}\""),
                ),
            ),
            Some(_) => refs.push(text.to_owned()),
        }
    }
    refs
}

fn check_options(checker: &mut Checker<'_>, id: &str, raw: &RawControl) -> Vec<AnswerOption> {
    let count = raw.options.len();
    let allowed = if raw.context { 2..6 } else { OPTIONS_RANGE };
    if !allowed.contains(&count) {
        checker.report(
            raw.id.span(),
            Text::new(
                format!(
                    "{id} a {count} option(s) : il en faut de {} à {}",
                    allowed.start,
                    allowed.end - 1
                ),
                format!(
                    "{id} has {count} option(s): it needs {} to {}",
                    allowed.start,
                    allowed.end - 1
                ),
            ),
        );
    }
    let mut options: Vec<AnswerOption> = Vec::new();
    for spanned in &raw.options {
        let option: &RawOption = spanned.get_ref();
        let option_id = option.id.get_ref().clone();
        let valid_id = !option_id.is_empty()
            && option_id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid_id {
            checker.report(
                option.id.span(),
                Text::new(
                    format!("{id} : l'identifiant d'option « {option_id} » doit être en minuscules ASCII, chiffres et tirets"),
                    format!("{id}: the option id \"{option_id}\" must be lowercase ASCII letters, digits and dashes"),
                ),
            );
        }
        if valid_id && option_id.chars().all(|c| c.is_ascii_digit()) {
            checker.report_with_hint(
                option.id.span(),
                Text::new(
                    format!("{id} : l'identifiant d'option « {option_id} » n'est fait que de chiffres"),
                    format!("{id}: the option id \"{option_id}\" is made of digits only"),
                ),
                Text::new(
                    "un nombre désigne l'option par sa place (« posture answer … 3 » = la 3e option) : donnez un identifiant parlant, p. ex. « dans-le-mois »",
                    "a number names an option by its place (\"posture answer … 3\" = the 3rd option): give a telling id, e.g. \"within-a-month\"",
                ),
            );
        }
        if RESERVED_CHOICES.contains(&option_id.as_str()) {
            checker.report(
                option.id.span(),
                Text::new(
                    format!("{id} : « {option_id} » est réservé (« Je ne sais pas » et « Non applicable » sont offerts d'office)"),
                    format!("{id}: \"{option_id}\" is reserved (\"Don't know\" and \"Not applicable\" are always offered)"),
                ),
            );
        }
        if options.iter().any(|o| o.id == option_id) {
            checker.report(
                option.id.span(),
                Text::new(
                    format!("{id} : l'option « {option_id} » est définie deux fois"),
                    format!("{id}: the option \"{option_id}\" is defined twice"),
                ),
            );
        }
        let level = match (&option.level, raw.context) {
            (Some(level), true) => {
                checker.report(
                    level.span(),
                    Text::new(
                        format!(
                            "{id} est une question de contexte : ses options n'ont pas de niveau"
                        ),
                        format!("{id} is a context question: its options have no level"),
                    ),
                );
                None
            }
            (Some(level), false) => Some(checker.in_range(level, 0..5, "level") as u8),
            (None, true) => None,
            (None, false) => {
                checker.report(
                    spanned.span(),
                    Text::new(
                        format!("{id} : l'option « {option_id} » n'a pas de niveau (0 à 4)"),
                        format!("{id}: the option \"{option_id}\" has no level (0 to 4)"),
                    ),
                );
                None
            }
        };
        if let (Some(level), Some(previous)) = (level, options.last().and_then(|o| o.level))
            && level < previous
        {
            checker.report(
                spanned.span(),
                Text::new(
                    format!("{id} : les options doivent monter l'échelle ; « {option_id} » (niveau {level}) vient après un niveau {previous}"),
                    format!("{id}: options must climb the scale; \"{option_id}\" (level {level}) comes after a level {previous}"),
                ),
            );
        }
        let label = checker.text(&option.label, "label");
        checker.words(
            option.label.span(),
            &label,
            OPTION_WORDS,
            &format!("{id} option «\u{a0}{option_id}\u{a0}»"),
        );
        options.push(AnswerOption {
            id: option_id,
            level,
            label,
        });
    }
    if !raw.context && !options.is_empty() && options.iter().all(|o| o.level != Some(4)) {
        checker.report_with_hint(
            raw.id.span(),
            Text::new(
                format!("{id} n'a pas d'option au niveau 4 : une organisation exemplaire ne pourrait pas atteindre 100"),
                format!("{id} has no option at level 4: an exemplary organisation could not reach 100"),
            ),
            Text::new(
                "ajoutez une option « géré et vérifié » de niveau 4",
                "add a \"managed and checked\" option at level 4",
            ),
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
                Text::new(
                    format!("{id}\u{a0}: aucune option au niveau {missing}, entre 0 et {top}\u{a0}: l'échelle a un trou"),
                    format!("{id}: no option at level {missing}, between 0 and {top}: the scale has a gap"),
                ),
            );
        }
    }
    options
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
                Text::new(
                    format!("{owner} : la condition renvoie au contrôle inconnu « {target} »"),
                    format!("{owner}: the condition points at the unknown control \"{target}\""),
                ),
            )),
            Some(gate) if !gate.context => problems.push(
                Problem::at(
                    file.location(when.control.span()),
                    Text::new(
                        format!("{owner} : la condition renvoie à « {target} », qui n'est pas une question de contexte"),
                        format!("{owner}: the condition points at \"{target}\", which is not a context question"),
                    ),
                )
                .hint(Text::new(
                    format!("ajoutez context = true à {target}, ou faites dépendre {owner} d'une question de contexte"),
                    format!("add context = true to {target}, or make {owner} depend on a context question"),
                )),
            ),
            Some(_) if target == owner => problems.push(Problem::at(
                file.location(when.control.span()),
                Text::new(
                    format!("{owner} ne peut pas dépendre de lui-même"),
                    format!("{owner} cannot depend on itself"),
                ),
            )),
            Some(gate) => {
                if when.any_of.is_empty() {
                    problems.push(Problem::at(
                        file.location(raw.span()),
                        Text::new(
                            format!("{owner} : la condition ne liste aucune option (any_of)"),
                            format!("{owner}: the condition lists no option (any_of)"),
                        ),
                    ));
                }
                for option in &when.any_of {
                    if gate.option(option.get_ref()).is_none() {
                        let known: Vec<&str> = gate.options.iter().map(|o| o.id.as_str()).collect();
                        problems.push(
                            Problem::at(
                                file.location(option.span()),
                                Text::new(
                                    format!("{owner} : « {target} » n'a pas d'option « {} »", option.get_ref()),
                                    format!("{owner}: \"{target}\" has no option \"{}\"", option.get_ref()),
                                ),
                            )
                            .hint(Text::new(
                                format!("options de {target} : {}", known.join(", ")),
                                format!("options of {target}: {}", known.join(", ")),
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
                    Text::new(
                        format!("{} : les conditions forment une boucle", control.id),
                        format!("{}: the conditions form a loop", control.id),
                    ),
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
