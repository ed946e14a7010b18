//! What a report says, built once from an audit (and the previous one), in one language.
//!
//! Every renderer reads this model and nothing else, so that HTML, PDF, Markdown, JSON and CSV
//! carry the same content. It is also the JSON format (`docs/report-json.md`) that SSI teams'
//! collection reads: field names here are a contract.

use chrono::{DateTime, Months, NaiveDate, Utc};
use questionnaire::audit::{Audit, choice_label};
use questionnaire::catalog::Control;
use questionnaire::evidence::Evidence;
use questionnaire::{Lang, level_name};
use scoring::{Assessment, ControlState};
use serde::Serialize;

use crate::method;

/// The version of the JSON format; bumped when a field changes meaning or disappears.
pub const SCHEMA_VERSION: u32 = 1;

/// How many measures the report puts first.
pub const PRIORITY_COUNT: usize = 6;

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Version of this format.
    pub schema_version: u32,
    /// The assessment's stable id (a UUID): the session's `[meta] id`, or the id derived for an
    /// older session without one (`Session::assessment_id`). A report sent again names the same
    /// assessment.
    pub assessment_id: String,
    /// Language of the texts (`fr` or `en`).
    pub lang: Lang,
    /// When the report was made (RFC 3339).
    pub generated_at: String,
    /// The cover.
    pub cover: Cover,
    /// The overall index and level.
    pub overall: Overall,
    /// One row per domain, in catalog order.
    pub domains: Vec<DomainRow>,
    /// Every measure, ranked; the first [`PRIORITY_COUNT`] are the priority measures.
    pub measures: Vec<Measure>,
    /// Every question of the profile, by domain.
    pub answers: Vec<DomainAnswers>,
    /// Questions answered "don't know" or not answered: questions to complete.
    pub to_check: Vec<AnswerRow>,
    /// Progress since the previous assessment, when one is given.
    pub comparison: Option<Comparison>,
    /// The date of the next assessment (YYYY-MM-DD), six months after this one unless set.
    pub next_assessment: String,
    /// The method annex, in the words of `docs/scoring.md`.
    pub method: Vec<String>,
    /// The machines whose facts were given (`--facts`), with every fact.
    pub machines: Vec<Machine>,
    /// Answers the machines contradict.
    pub discrepancies: Vec<DiscrepancyRow>,
    /// Answers the machines question without proving them false: the score keeps them.
    pub points_to_verify: Vec<VerifyRow>,
    /// The position among the peers (`posture report --benchmark`); absent when not asked, so
    /// that a report made without it is unchanged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub benchmark: Option<crate::benchmark::Benchmark>,
}

/// An answer a machine's fact questions without proving it false, with the question and answer
/// as the report prints them, and why it matters.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyRow {
    /// Control id.
    pub control: String,
    /// The question.
    pub question: String,
    /// The answer given.
    pub answer: String,
    /// Its level, which the score keeps.
    pub declared: u8,
    /// The fact key.
    pub fact: String,
    /// What the machine shows, typed as in the facts file.
    pub value: scoring::facts::Value,
    /// The same, as the report prints it.
    pub value_text: String,
    /// The machine.
    pub host: String,
    /// Where the agent read it.
    pub source: String,
    /// Why the fact matters to the answer, and why it does not prove it false alone.
    pub why: String,
}

/// One machine's facts.
#[derive(Debug, Clone, Serialize)]
pub struct Machine {
    /// Host name.
    pub host: String,
    /// When the facts were read.
    pub collected_at: String,
    /// Whether the agent ran as root.
    pub root: bool,
    /// Whether it ran in a container.
    pub container: bool,
    /// The facts.
    pub facts: Vec<MachineFact>,
}

/// A fact as the agent wrote it, with its value and status as the report prints them.
#[derive(Debug, Clone, Serialize)]
pub struct MachineFact {
    /// The fact: `key`, `value`, `status`, `source`, `detail`.
    #[serde(flatten)]
    pub fact: scoring::facts::Fact,
    /// The value on one line (`true`, `40`, `a, b`, `—` when unknown).
    pub value_text: String,
    /// The status in words, in the report's language.
    pub status_text: String,
}

/// An answer a machine contradicts, with the question and answer as the report prints them: the
/// seven fields of `posture score --facts` (`control`, `declared`, `effective`, `fact`, `value`,
/// `host`, `source`), and the texts.
#[derive(Debug, Clone, Serialize)]
pub struct DiscrepancyRow {
    /// Control id.
    pub control: String,
    /// The question.
    pub question: String,
    /// The answer given.
    pub answer: String,
    /// Its level.
    pub declared: u8,
    /// The level this machine's facts allow (the control keeps the lowest of its rows).
    pub effective: u8,
    /// The fact key.
    pub fact: String,
    /// What the machine shows, typed as in the facts file.
    pub value: scoring::facts::Value,
    /// The same, as the report prints it.
    pub value_text: String,
    /// The machine.
    pub host: String,
    /// Where the agent read it.
    pub source: String,
    /// Which claim of the answer the fact proves false, and why.
    pub why: String,
}

/// The cover page.
#[derive(Debug, Clone, Serialize)]
pub struct Cover {
    /// Audited organisation.
    pub organisation: String,
    /// Its sector.
    pub sector: String,
    /// Its headcount band.
    pub headcount: String,
    /// Date of the audit (YYYY-MM-DD, from the session's creation).
    pub date: String,
    /// Who ran it.
    pub auditor: String,
    /// Who answered.
    pub participants: Vec<String>,
    /// Profile id.
    pub profile: String,
    /// Profile title.
    pub profile_title: String,
    /// Minutes spent in the meeting (0 when not recorded).
    pub duration_minutes: u64,
    /// Whether the time was recorded: only `posture audit` counts it, not `posture answer`.
    pub duration_recorded: bool,
    /// Minutes planned.
    pub planned_minutes: u32,
    /// Catalog id.
    pub catalog_id: String,
    /// Catalog version.
    pub catalog_version: String,
    /// Catalog hash.
    pub catalog_hash: String,
    /// Catalog title.
    pub catalog_title: String,
}

/// The overall result.
#[derive(Debug, Clone, Serialize)]
pub struct Overall {
    /// 0–100, one decimal.
    pub score: Option<f64>,
    /// 0–4.
    pub level: Option<u8>,
    /// The level's name.
    pub level_name: Option<String>,
    /// Whether a capped domain holds the level down.
    pub capped: bool,
    /// Questions answered / asked.
    pub answered: usize,
    /// Questions asked.
    pub total: usize,
}

/// One domain's result.
#[derive(Debug, Clone, Serialize)]
pub struct DomainRow {
    /// Domain id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Weight in the overall index.
    pub weight: u32,
    /// False when nothing in it applies.
    pub applicable: bool,
    /// 0–100.
    pub score: Option<f64>,
    /// 0–4 after caps.
    pub level: Option<u8>,
    /// Level name.
    pub level_name: Option<String>,
    /// Whether a failed critical control caps it.
    pub capped: bool,
    /// The controls that cap it.
    pub capped_by: Vec<String>,
    /// Answered questions.
    pub answered: usize,
    /// Applicable questions.
    pub total: usize,
    /// The previous assessment's score, when compared.
    pub previous_score: Option<f64>,
}

/// A source clause.
#[derive(Debug, Clone, Serialize)]
pub struct Citation {
    /// As written in the catalog: `charte-ght §10.9.1`.
    pub r#ref: String,
    /// As printed: `Charte GHT §10.9.1`.
    pub label: String,
}

/// A measure to take.
#[derive(Debug, Clone, Serialize)]
pub struct Measure {
    /// 1 for the first.
    pub rank: usize,
    /// Whether it is one of the priority measures.
    pub priority: bool,
    /// Control id.
    pub control: String,
    /// Domain id.
    pub domain: String,
    /// Domain title.
    pub domain_title: String,
    /// What to do.
    pub title: String,
    /// Why it matters.
    pub why: String,
    /// How to do it.
    pub how: String,
    /// The question asked.
    pub question: String,
    /// The answer given (its label), or "Je ne sais pas", or "Sans réponse".
    pub answer: String,
    /// Level now.
    pub level: u8,
    /// The level of the answer given, when the machines' facts hold it lower (`level`).
    pub declared_level: Option<u8>,
    /// What the machines show against the answer, in the report's language; empty when they
    /// do not contradict it.
    pub machines_note: String,
    /// Level to reach.
    pub target: u8,
    /// Weight of the control.
    pub weight: u32,
    /// Critical control.
    pub critical: bool,
    /// Sources.
    pub refs: Vec<Citation>,
}

/// The questions of one domain.
#[derive(Debug, Clone, Serialize)]
pub struct DomainAnswers {
    /// Domain id.
    pub domain: String,
    /// Title.
    pub title: String,
    /// Its questions, in order.
    pub answers: Vec<AnswerRow>,
}

/// One question and its answer.
#[derive(Debug, Clone, Serialize)]
pub struct AnswerRow {
    /// Control id.
    pub control: String,
    /// Domain id.
    pub domain: String,
    /// The question.
    pub question: String,
    /// `answered`, `unknown`, `unanswered`, `not_applicable` or `context`.
    pub status: AnswerStatus,
    /// The stored choice (option id, `unknown`, `na`), empty when unanswered.
    pub choice: String,
    /// What the answer says.
    pub answer: String,
    /// Its level as declared, when it has one.
    pub level: Option<u8>,
    /// The level it counts as once the machines' facts cap it (`--facts`): the level of the
    /// measures and the score. Equal to `level` without facts.
    pub effective_level: Option<u8>,
    /// The target.
    pub target: Option<u8>,
    /// Weight.
    pub weight: u32,
    /// Critical control.
    pub critical: bool,
    /// The auditor's note.
    pub note: String,
    /// Sources.
    pub refs: Vec<Citation>,
}

/// Where a question stands in the report, written `answered`, `unknown`, `unanswered`,
/// `not_applicable` or `context` in the JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerStatus {
    /// Answered with an option that has a level.
    Answered,
    /// "Don't know".
    Unknown,
    /// Not answered yet.
    Unanswered,
    /// Not applicable: answered so, or left aside by a context answer.
    NotApplicable,
    /// A context question: never scored.
    Context,
}

impl AnswerStatus {
    /// Every status, in the order above.
    pub const ALL: [AnswerStatus; 5] = [
        AnswerStatus::Answered,
        AnswerStatus::Unknown,
        AnswerStatus::Unanswered,
        AnswerStatus::NotApplicable,
        AnswerStatus::Context,
    ];

    /// Whether the question is still to complete ("don't know", or not answered).
    pub fn to_check(self) -> bool {
        matches!(self, AnswerStatus::Unknown | AnswerStatus::Unanswered)
    }
}

/// Progress since the previous assessment.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// Date of the previous assessment.
    pub previous_date: String,
    /// Overall index then and now.
    pub overall: scoring::Delta,
    /// Each domain then and now.
    pub domains: Vec<DomainDelta>,
    /// Controls whose level rose.
    pub improved: Vec<ControlChange>,
    /// Controls whose level fell.
    pub regressed: Vec<ControlChange>,
    /// Measures of last time now done.
    pub measures_done: Vec<ControlRef>,
    /// Measures of last time still open.
    pub still_open: Vec<ControlRef>,
}

/// A domain's delta, with its title.
#[derive(Debug, Clone, Serialize)]
pub struct DomainDelta {
    /// Domain id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Score then.
    pub before: Option<f64>,
    /// Score now.
    pub after: Option<f64>,
    /// Difference.
    pub delta: Option<f64>,
}

/// A control whose level changed, with its question.
#[derive(Debug, Clone, Serialize)]
pub struct ControlChange {
    /// Control id.
    pub control: String,
    /// The question.
    pub question: String,
    /// Level then.
    pub before: u8,
    /// Level now.
    pub after: u8,
}

/// A control named with its measure's title.
#[derive(Debug, Clone, Serialize)]
pub struct ControlRef {
    /// Control id.
    pub control: String,
    /// The measure's title.
    pub title: String,
}

/// Builds the report of `audit`, compared with `previous` when given.
pub fn build(
    audit: &Audit<'_>,
    previous: Option<&Audit<'_>>,
    lang: Lang,
    now: DateTime<Utc>,
) -> Report {
    build_with_facts(audit, previous, None, lang, now)
}

/// Builds the report, the answers capped by the machines' facts when given.
pub fn build_with_facts(
    audit: &Audit<'_>,
    previous: Option<&Audit<'_>>,
    evidence: Option<&Evidence>,
    lang: Lang,
    now: DateTime<Utc>,
) -> Report {
    let catalog = audit.catalog;
    let meta = &audit.session.meta;
    let input = audit.scoring_input_with(evidence);
    let assessment = scoring::assess(&input);
    let date = day(&meta.created);
    let profile_title = catalog
        .profile(&meta.profile)
        .map_or_else(|| meta.profile.clone(), |p| p.title.get(lang).to_owned());
    let answers = answer_rows(audit, evidence, lang);
    let progress = audit.progress();
    let comparison = previous.map(|previous| comparison(audit, previous, &input, lang));
    let mut report = Report {
        schema_version: SCHEMA_VERSION,
        assessment_id: audit.session.assessment_id().to_string(),
        lang,
        generated_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        cover: Cover {
            organisation: meta.organisation.clone(),
            sector: meta.sector.clone(),
            headcount: meta.headcount.clone(),
            date: date.clone(),
            auditor: meta.auditor.clone(),
            participants: meta.participants.clone(),
            profile: meta.profile.clone(),
            profile_title,
            duration_minutes: meta.elapsed_seconds.div_ceil(60),
            duration_recorded: meta.elapsed_seconds > 0,
            planned_minutes: meta.duration_minutes,
            catalog_id: catalog.id.clone(),
            catalog_version: catalog.version.clone(),
            catalog_hash: catalog.hash.clone(),
            catalog_title: catalog.title.get(lang).to_owned(),
        },
        overall: Overall {
            score: assessment.overall.score,
            level: assessment.overall.level,
            level_name: assessment
                .overall
                .level
                .map(|l| level_name(l).get(lang).to_owned()),
            capped: assessment.overall.capped,
            answered: progress.answered,
            total: progress.total,
        },
        domains: domain_rows(audit, &assessment, comparison.as_ref(), lang),
        measures: measures(audit, &assessment, lang),
        to_check: answers
            .iter()
            .flat_map(|d| &d.answers)
            .filter(|a| a.status.to_check())
            .cloned()
            .collect(),
        answers,
        comparison,
        next_assessment: next_assessment(meta.next_assessment, &date),
        method: method::paragraphs(lang),
        machines: evidence.map_or_else(Vec::new, |e| {
            e.reports
                .iter()
                .map(|r| Machine {
                    host: r.host.clone(),
                    collected_at: r.collected_at.clone(),
                    root: r.root,
                    container: r.container,
                    facts: r
                        .facts
                        .iter()
                        .map(|fact| MachineFact {
                            fact: fact.clone(),
                            value_text: questionnaire::results::fact_value(&fact.value),
                            status_text: crate::text::fact_status(fact.status, lang),
                        })
                        .collect(),
                })
                .collect()
        }),
        discrepancies: evidence.map_or_else(Vec::new, |e| {
            audit
                .discrepancies(e)
                .into_iter()
                .map(|d| {
                    let said = Said::of(audit, &d.control, &d.value, &d.why, lang);
                    DiscrepancyRow {
                        question: said.question,
                        answer: said.answer,
                        control: d.control,
                        declared: d.declared,
                        effective: d.effective,
                        fact: d.fact,
                        value_text: said.value_text,
                        value: d.value,
                        host: d.host,
                        source: d.source,
                        why: said.why,
                    }
                })
                .collect()
        }),
        points_to_verify: evidence.map_or_else(Vec::new, |e| {
            audit
                .points_to_verify(e)
                .into_iter()
                .map(|p| {
                    let said = Said::of(audit, &p.control, &p.value, &p.why, lang);
                    VerifyRow {
                        question: said.question,
                        answer: said.answer,
                        control: p.control,
                        declared: p.declared,
                        fact: p.fact,
                        value_text: said.value_text,
                        value: p.value,
                        host: p.host,
                        source: p.source,
                        why: said.why,
                    }
                })
                .collect()
        }),
        benchmark: None,
    };
    let (measures, discrepancies) = (&mut report.measures, &report.discrepancies);
    for measure in measures.iter_mut() {
        note_machines(measure, discrepancies, lang);
    }
    report
}

/// What the report prints beside a machine's fact on an answer, for the discrepancies and the
/// points to verify alike: the question, the answer given, the value on one line, the reason.
struct Said {
    question: String,
    answer: String,
    value_text: String,
    why: String,
}

impl Said {
    fn of(
        audit: &Audit<'_>,
        control: &str,
        value: &scoring::facts::Value,
        why: &scoring::facts::Reason,
        lang: Lang,
    ) -> Said {
        let control = audit.catalog.control(control);
        Said {
            question: control.map_or_else(String::new, |c| c.question.get(lang).to_owned()),
            answer: control.map_or_else(String::new, |c| answer_text(audit, c, lang)),
            value_text: questionnaire::results::fact_value(value),
            why: questionnaire::evidence::reason_in(why, lang).to_owned(),
        }
    }
}

/// Says on a measure that the machines hold its control below the answer given, and which.
fn note_machines(measure: &mut Measure, discrepancies: &[DiscrepancyRow], lang: Lang) {
    let against: Vec<&DiscrepancyRow> = discrepancies
        .iter()
        .filter(|d| d.control == measure.control)
        .collect();
    // Every row of a control has the answer's level; the measure has the lowest cap.
    let Some(declared) = against.first().map(|d| d.declared) else {
        return;
    };
    let shown: Vec<String> = against
        .iter()
        .map(|d| format!("{} ({} = {})", d.host, d.fact, d.value_text))
        .collect();
    let (level, shown) = (measure.level, shown.join(", "));
    measure.declared_level = Some(declared);
    measure.machines_note = i18n::t!(
        lang,
        "report-machines-note",
        declared = declared,
        level = level,
        shown = shown
    );
}

/// What each machine's facts say, in the report's language: for `report.machines[m].facts[f]`,
/// `fact_details(report)[m][f]` is the fact's message said in that language, or its `detail` as
/// the agent wrote it when it carries no message. The HTML and the PDF print it under the fact;
/// the JSON keeps the agent's `detail` (`docs/report-json.md`).
pub fn fact_details(report: &Report) -> Vec<Vec<String>> {
    report
        .machines
        .iter()
        .map(|machine| {
            machine
                .facts
                .iter()
                .map(|fact| i18n::fact_detail(&report.lang, &fact.fact))
                .collect()
        })
        .collect()
}

/// The date part of an RFC 3339 time.
fn day(time: &chrono::DateTime<chrono::FixedOffset>) -> String {
    time.format("%Y-%m-%d").to_string()
}

fn next_assessment(set: Option<NaiveDate>, date: &str) -> String {
    if let Some(set) = set {
        return set.format("%Y-%m-%d").to_string();
    }
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.checked_add_months(Months::new(6)))
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn citations(audit: &Audit<'_>, control: &Control) -> Vec<Citation> {
    control
        .refs
        .iter()
        .map(|r| Citation {
            r#ref: r.clone(),
            label: audit.catalog.cite(r),
        })
        .collect()
}

fn domain_title(audit: &Audit<'_>, id: &str, lang: Lang) -> String {
    audit
        .catalog
        .domain(id)
        .map_or_else(|| id.to_owned(), |d| d.title.get(lang).to_owned())
}

fn domain_rows(
    audit: &Audit<'_>,
    assessment: &Assessment,
    comparison: Option<&Comparison>,
    lang: Lang,
) -> Vec<DomainRow> {
    assessment
        .domains
        .iter()
        .map(|domain| DomainRow {
            id: domain.id.clone(),
            title: domain_title(audit, &domain.id, lang),
            weight: domain.weight,
            applicable: domain.applicable,
            score: domain.score,
            level: domain.level,
            level_name: domain.level.map(|l| level_name(l).get(lang).to_owned()),
            capped: domain.capped,
            capped_by: domain.capped_by.clone(),
            answered: domain.answered,
            total: domain.total,
            previous_score: comparison
                .and_then(|c| c.domains.iter().find(|d| d.id == domain.id))
                .and_then(|d| d.before),
        })
        .collect()
}

fn answer_text(audit: &Audit<'_>, control: &Control, lang: Lang) -> String {
    match audit.session.answers.get(&control.id) {
        Some(answer) => choice_label(control, &answer.choice, lang),
        None => i18n::t!(lang, "report-answer-none"),
    }
}

fn measures(audit: &Audit<'_>, assessment: &Assessment, lang: Lang) -> Vec<Measure> {
    assessment
        .priorities
        .iter()
        .filter_map(|priority| {
            let control = audit.catalog.control(&priority.control)?;
            let recommendation = control.recommendation.as_ref()?;
            Some(Measure {
                rank: priority.rank,
                priority: priority.rank <= PRIORITY_COUNT,
                control: control.id.clone(),
                domain: control.domain.clone(),
                domain_title: domain_title(audit, &control.domain, lang),
                title: recommendation.title.get(lang).to_owned(),
                why: recommendation.why.get(lang).to_owned(),
                how: recommendation.how.get(lang).to_owned(),
                question: control.question.get(lang).to_owned(),
                answer: answer_text(audit, control, lang),
                level: priority.level,
                declared_level: None,
                machines_note: String::new(),
                target: priority.target,
                weight: priority.weight,
                critical: priority.critical,
                refs: citations(audit, control),
            })
        })
        .collect()
}

fn answer_rows(audit: &Audit<'_>, evidence: Option<&Evidence>, lang: Lang) -> Vec<DomainAnswers> {
    audit
        .catalog
        .domains
        .iter()
        .filter_map(|domain| {
            let answers: Vec<AnswerRow> = audit
                .controls()
                .filter(|control| control.domain == domain.id)
                .map(|control| {
                    let answer = audit.session.answers.get(&control.id);
                    let state = audit.state(control);
                    let status = if control.context {
                        AnswerStatus::Context
                    } else {
                        match state {
                            ControlState::Level(_) => AnswerStatus::Answered,
                            ControlState::Unknown => AnswerStatus::Unknown,
                            ControlState::Unanswered => AnswerStatus::Unanswered,
                            ControlState::NotApplicable => AnswerStatus::NotApplicable,
                        }
                    };
                    let answer_label = if !audit.applies(control) && answer.is_none() {
                        i18n::t!(lang, "report-answer-context")
                    } else {
                        answer_text(audit, control, lang)
                    };
                    // Context questions are never scored: no level, never capped.
                    let (level, effective_level) = if control.context {
                        (None, None)
                    } else {
                        let input = audit.control_input(control, evidence);
                        (input.state.effective_level(), input.effective_level())
                    };
                    AnswerRow {
                        control: control.id.clone(),
                        domain: control.domain.clone(),
                        question: control.question.get(lang).to_owned(),
                        status,
                        choice: answer.map(|a| a.choice.to_string()).unwrap_or_default(),
                        answer: answer_label,
                        level,
                        effective_level,
                        target: (!control.context).then_some(control.target),
                        weight: control.weight,
                        critical: control.critical,
                        note: audit
                            .session
                            .note(&control.id)
                            .unwrap_or_default()
                            .to_owned(),
                        refs: citations(audit, control),
                    }
                })
                .collect();
            (!answers.is_empty()).then(|| DomainAnswers {
                domain: domain.id.clone(),
                title: domain.title.get(lang).to_owned(),
                answers,
            })
        })
        .collect()
}

/// The comparison with the previous assessment. Today's side is `now`, what this report shows
/// (the machines' facts applied); the previous side is as it was reported then.
fn comparison(
    audit: &Audit<'_>,
    previous: &Audit<'_>,
    now: &[scoring::DomainInput],
    lang: Lang,
) -> Comparison {
    let compared = scoring::compare(&previous.scoring_input(), now);
    let question = |id: &str| {
        audit
            .catalog
            .control(id)
            .map_or_else(String::new, |c| c.question.get(lang).to_owned())
    };
    let title = |id: &str| {
        audit
            .catalog
            .control(id)
            .or_else(|| previous.catalog.control(id))
            .and_then(|c| c.recommendation.as_ref())
            .map_or_else(|| id.to_owned(), |r| r.title.get(lang).to_owned())
    };
    let change = |c: &scoring::ControlChange| ControlChange {
        control: c.control.clone(),
        question: question(&c.control),
        before: c.before,
        after: c.after,
    };
    let named = |id: &String| ControlRef {
        control: id.clone(),
        title: title(id),
    };
    Comparison {
        previous_date: day(&previous.session.meta.created),
        overall: compared.overall,
        domains: compared
            .domains
            .iter()
            .map(|d| DomainDelta {
                id: d.id.clone(),
                title: domain_title(audit, &d.id, lang),
                before: d.before,
                after: d.after,
                delta: d.delta,
            })
            .collect(),
        improved: compared.improved.iter().map(change).collect(),
        regressed: compared.regressed.iter().map(change).collect(),
        measures_done: compared.measures_done.iter().map(named).collect(),
        still_open: compared.still_open.iter().map(named).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_are_written_as_the_json_format_says() {
        let written: Vec<serde_json::Value> = AnswerStatus::ALL
            .iter()
            .map(|status| serde_json::to_value(status).unwrap())
            .collect();
        assert_eq!(
            written,
            [
                "answered",
                "unknown",
                "unanswered",
                "not_applicable",
                "context"
            ]
        );
        let to_check: Vec<AnswerStatus> = AnswerStatus::ALL
            .into_iter()
            .filter(|status| status.to_check())
            .collect();
        assert_eq!(to_check, [AnswerStatus::Unknown, AnswerStatus::Unanswered]);
    }
}
