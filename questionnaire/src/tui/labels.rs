//! The words of the guided audit's screens, from the catalogs (`## tui` in
//! `i18n/locales/*/questionnaire.ftl`), looked up once per language: the screen is drawn at every
//! key and every half second, and a Fluent lookup per label and frame would cost more than the
//! drawing. The fixed labels are strings; a message with arguments and no selector is a
//! [`Template`], made once and filled at each frame without Fluent. Messages whose wording
//! depends on a number (plurals) are looked up when drawn, which only the summary does.

use std::sync::LazyLock;

use i18n::t;

use super::clock::Pace;
use super::form::Field;
use crate::lang::Lang;

/// A message with arguments, said once with markers in place of its arguments, then filled in
/// at each frame: the translation decides where the arguments go, Fluent is not called again.
/// Only for messages without a selector (the markers are not numbers).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template(Vec<Piece>);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Arg(usize),
}

/// The marker of the first argument; the next ones follow (Unicode private use area).
const FIRST_MARKER: u32 = 0xE000;
/// How many arguments a template may have.
const MARKERS: u32 = 8;

/// The markers given to `t!` for a template's arguments, in the order [`Template::fill`] takes
/// them.
const A0: &str = "\u{e000}";
const A1: &str = "\u{e001}";
const A2: &str = "\u{e002}";

impl Template {
    /// A message said with markers ([`A0`], [`A1`]…) in place of its arguments.
    fn new(said: String) -> Template {
        let mut pieces = Vec::new();
        let mut text = String::new();
        for c in said.chars() {
            let code = u32::from(c);
            if (FIRST_MARKER..FIRST_MARKER + MARKERS).contains(&code) {
                if !text.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut text)));
                }
                pieces.push(Piece::Arg((code - FIRST_MARKER) as usize));
            } else {
                text.push(c);
            }
        }
        if !text.is_empty() {
            pieces.push(Piece::Text(text));
        }
        Template(pieces)
    }

    /// The message with its arguments, in the order of the markers.
    pub fn fill(&self, args: &[&str]) -> String {
        let mut out = String::new();
        self.fill_into(&mut out, args);
        out
    }

    /// Appends the message with its arguments to `out`.
    pub fn fill_into(&self, out: &mut String, args: &[&str]) {
        for piece in &self.0 {
            match piece {
                Piece::Text(text) => out.push_str(text),
                Piece::Arg(index) => out.push_str(args.get(*index).copied().unwrap_or_default()),
            }
        }
    }
}

/// The labels of every screen in one language.
#[derive(Debug)]
pub struct Labels {
    // The header and the scrolling windows.
    /// `{answered}/{total} réponses`.
    pub header_answered: Template,
    /// The pace: done, on track, behind, over.
    pub pace: [String; 4],
    /// `{per} par question restante`.
    pub per_question_left: Template,
    /// `{per}/question`, when the long form does not fit.
    pub per_question_short: Template,
    /// `↓ suite (↑↓ pour défiler)`.
    pub more: String,

    // The windows.
    /// The `?` window's title, when everything fits (with spaces around, as drawn).
    pub keys_title: String,
    /// The `?` window's title, when it scrolls (with spaces around).
    pub keys_title_scroll: String,
    /// The search window's title (with spaces around).
    pub search_title: String,
    /// No question found.
    pub search_none: String,
    /// The note editor's title (with spaces around): `{id}`.
    pub note_title: Template,

    // The sidebar.
    /// `Domaines`.
    pub domains: String,
    /// `Indice {score} · niv. {level}`.
    pub index: Template,
    /// No index yet.
    pub index_none: String,
    /// `s : masquer les scores`.
    pub hide_scores: String,
    /// `scores masqués (s)`.
    pub scores_hidden: String,

    // The question.
    /// A profile without questions.
    pub no_question: String,
    /// The heading's tags: critical, context, flagged, to confirm, note.
    pub tag_critical: String,
    /// `[contexte]`.
    pub tag_context: String,
    /// `[⚑ marquée]`.
    pub tag_flagged: String,
    /// `[↻ à confirmer]`.
    pub tag_to_confirm: String,
    /// `[✎ note]`.
    pub tag_note: String,
    /// `Aide :`.
    pub help: String,
    /// `Sources : ` (the space after it included, as are the other labels before a text).
    pub sources: String,
    /// `Note d'alors : `.
    pub note_then: String,
    /// `Réponse précédente : `.
    pub previous_answer: String,
    /// `Note précédente : `.
    pub previous_note: String,
    /// How to confirm a carried-over answer.
    pub confirm_hint: String,
    /// `Réponse actuelle : `.
    pub current_answer: String,
    /// ` [↻ précédente]`, after the previous assessment's option (the space before included).
    pub previous_mark: String,
    /// ` (niv. {level})`, after an option's label (the space before included), held together by
    /// a no-break space: never "(niv." at the end of a line and "1)" below.
    pub level_suffix: Template,
    /// `Je ne sais pas`.
    pub dont_know: String,
    /// `Non applicable`.
    pub not_applicable: String,
    /// `Note : `.
    pub note: String,
    /// How to write a note.
    pub note_hint: String,
    /// `✎ Note : `, the note pinned at the bottom.
    pub pinned_note: String,
    /// `Constats des machines :`.
    pub machine_facts: String,
    /// A machine that caps the answer: `{host}`, `{kept}`, `{declared}`.
    pub contradiction: Template,
    /// A point to verify: `{host}`, `{fact}`, `{value}`.
    pub point_to_verify: Template,

    // The summary.
    /// The summary's title (with spaces around).
    pub summary_title: String,
    /// `Indice global : `.
    pub overall_index: String,
    /// `{score} / 100 — niveau {level} ({name})`.
    pub overall: Template,
    /// No index yet.
    pub overall_none: String,
    /// The table's columns: domain, score, level.
    pub column_domain: String,
    /// `Score`.
    pub column_score: String,
    /// `Niveau`.
    pub column_level: String,
    /// A domain without a level.
    pub level_none: String,
    /// `! niveau plafonné…` (the mark included).
    pub capped: String,
    /// `Mesures prioritaires`.
    pub priorities: String,
    /// No measure to take.
    pub no_priority: String,
    /// `{title} — {control}`.
    pub priority: Template,
    /// `{title} — {control} (critique)`.
    pub priority_critical: Template,
    /// `Prochaine évaluation : `.
    pub next_assessment: String,

    // The start form.
    /// The form's title (with spaces around).
    pub form_title: String,
    /// The form's keys.
    pub form_keys: String,
    /// `catalogue {id} {version}`.
    pub form_catalog: Template,
    /// The fields' labels, in the order of [`super::form::FIELDS`].
    fields: [String; 7],
}

impl Labels {
    /// The labels in `lang`, looked up the first time they are asked for.
    pub fn of(lang: Lang) -> &'static Labels {
        static FRENCH: LazyLock<Labels> = LazyLock::new(|| Labels::new(Lang::Fr));
        static ENGLISH: LazyLock<Labels> = LazyLock::new(|| Labels::new(Lang::En));
        match lang {
            Lang::Fr => &FRENCH,
            Lang::En => &ENGLISH,
        }
    }

    /// How the pace reads in the header.
    pub fn pace(&self, pace: Pace) -> &str {
        let index = match pace {
            Pace::Done => 0,
            Pace::OnTrack => 1,
            Pace::Behind => 2,
            Pace::Over => 3,
        };
        &self.pace[index]
    }

    /// A field's label.
    pub fn field(&self, field: Field) -> &str {
        let index = match field {
            Field::Organisation => 0,
            Field::Sector => 1,
            Field::Headcount => 2,
            Field::Auditor => 3,
            Field::Participants => 4,
            Field::Profile => 5,
            Field::File => 6,
        };
        &self.fields[index]
    }

    fn new(lang: Lang) -> Labels {
        let spaced = |text: String| format!(" {text} ");
        let then_space = |text: String| format!("{text} ");
        Labels {
            header_answered: Template::new(t!(
                lang,
                "tui-header-answered",
                answered = A0,
                total = A1
            )),
            pace: [
                t!(lang, "tui-pace-done"),
                t!(lang, "tui-pace-on-track"),
                t!(lang, "tui-pace-behind"),
                t!(lang, "tui-pace-over"),
            ],
            per_question_left: Template::new(t!(lang, "tui-per-question-left", per = A0)),
            per_question_short: Template::new(t!(lang, "tui-per-question-short", per = A0)),
            more: t!(lang, "tui-more"),
            keys_title: spaced(t!(lang, "tui-keys-title")),
            keys_title_scroll: spaced(t!(lang, "tui-keys-title-scroll")),
            search_title: spaced(t!(lang, "tui-search-title")),
            search_none: t!(lang, "tui-search-none"),
            note_title: Template::new(spaced(t!(lang, "tui-note-title", id = A0))),
            domains: t!(lang, "tui-domains"),
            index: Template::new(t!(lang, "tui-index", score = A0, level = A1)),
            index_none: t!(lang, "tui-index-none"),
            hide_scores: t!(lang, "tui-hide-scores"),
            scores_hidden: t!(lang, "tui-scores-hidden"),
            no_question: t!(lang, "tui-no-question"),
            tag_critical: t!(lang, "tui-tag-critical"),
            tag_context: t!(lang, "tui-tag-context"),
            tag_flagged: t!(lang, "tui-tag-flagged"),
            tag_to_confirm: t!(lang, "tui-tag-to-confirm"),
            tag_note: t!(lang, "tui-tag-note"),
            help: t!(lang, "tui-help"),
            sources: then_space(t!(lang, "tui-sources")),
            note_then: then_space(t!(lang, "tui-note-then")),
            previous_answer: then_space(t!(lang, "tui-previous-answer")),
            previous_note: then_space(t!(lang, "tui-previous-note")),
            confirm_hint: t!(lang, "tui-confirm-hint"),
            current_answer: then_space(t!(lang, "tui-current-answer")),
            previous_mark: format!(" {}", t!(lang, "tui-previous-mark")),
            level_suffix: Template::new(format!(" {}", t!(lang, "tui-level-suffix", level = A0))),
            dont_know: t!(lang, "tui-dont-know"),
            not_applicable: t!(lang, "tui-not-applicable"),
            note: then_space(t!(lang, "tui-note")),
            note_hint: t!(lang, "tui-note-hint"),
            pinned_note: then_space(t!(lang, "tui-pinned-note")),
            machine_facts: t!(lang, "tui-machine-facts"),
            contradiction: Template::new(t!(
                lang,
                "tui-contradiction",
                host = A0,
                kept = A1,
                declared = A2
            )),
            point_to_verify: Template::new(t!(
                lang,
                "tui-point-to-verify",
                host = A0,
                fact = A1,
                value = A2
            )),
            summary_title: spaced(t!(lang, "tui-summary-title")),
            overall_index: then_space(t!(lang, "tui-overall-index")),
            overall: Template::new(t!(lang, "tui-overall", score = A0, level = A1, name = A2)),
            overall_none: t!(lang, "tui-overall-none"),
            column_domain: t!(lang, "column-domain"),
            column_score: t!(lang, "column-score"),
            column_level: t!(lang, "column-level"),
            level_none: t!(lang, "score-level-none"),
            capped: format!("! {}", t!(lang, "tui-capped")),
            priorities: t!(lang, "score-priorities"),
            no_priority: t!(lang, "tui-no-priority"),
            priority: Template::new(t!(lang, "tui-priority", title = A0, control = A1)),
            priority_critical: Template::new(t!(
                lang,
                "tui-priority-critical",
                title = A0,
                control = A1
            )),
            next_assessment: then_space(t!(lang, "tui-next-assessment")),
            form_title: spaced(t!(lang, "tui-form-title")),
            form_keys: t!(lang, "tui-form-keys"),
            form_catalog: Template::new(t!(lang, "tui-form-catalog", id = A0, version = A1)),
            fields: [
                t!(lang, "tui-field-organisation"),
                t!(lang, "tui-field-sector"),
                t!(lang, "tui-field-headcount"),
                t!(lang, "tui-field-auditor"),
                t!(lang, "tui-field-participants"),
                t!(lang, "tui-field-profile"),
                t!(lang, "tui-field-file"),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_puts_the_arguments_where_the_translation_says() {
        let template = Template::new(format!("{A1} then {A0}!"));
        assert_eq!(template.fill(&["a", "b"]), "b then a!");
        assert_eq!(Template::new(String::from("none")).fill(&[]), "none");
        let labels = Labels::of(Lang::Fr);
        assert_eq!(labels.header_answered.fill(&["3", "70"]), "3/70 réponses");
        assert_eq!(labels.level_suffix.fill(&["2"]), " (niv.\u{a0}2)");
        assert_eq!(
            Labels::of(Lang::En).level_suffix.fill(&["2"]),
            " (lvl\u{a0}2)"
        );
    }
}
