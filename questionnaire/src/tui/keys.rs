//! What every key does, screen by screen, and what the marks on screen mean: the content of the
//! `?` window, and the footer's short hints. It lives apart from the drawing so that
//! [`super::app::App`] knows how far the window can scroll, and so that one list serves every
//! language (its words from the catalogs, looked up once per language).

use std::sync::LazyLock;

use i18n::t;

use super::app::Screen;
use crate::lang::Lang;

/// One line of the `?` window, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A section title.
    Section(String),
    /// A key and what it does.
    Key(String, String),
}

/// One hint of the footer, in one language: keys, named as the `?` window names them (none for
/// "type to search"), what they do, and the two as the footer shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The keys.
    pub keys: String,
    /// What they do.
    pub what: String,
    /// The hint as the footer shows it.
    pub text: String,
}

impl Hint {
    fn new(keys: impl Into<String>, what: String) -> Hint {
        let keys = keys.into();
        let text = if keys.is_empty() {
            what.clone()
        } else {
            format!("{keys} {what}")
        };
        Hint { keys, what, text }
    }
}

/// What the footer gives hints for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Footer {
    /// The questions.
    Questions,
    /// The questions screen of a profile without questions: only the keys that do something.
    NoQuestion,
    /// The summary.
    Summary,
    /// The `?` window.
    Keys,
    /// The search window.
    Search,
    /// The note editor.
    Note,
}

/// Every key of every screen and every footer hint, in one language: made once, from the
/// catalogs.
struct Table {
    questions: Vec<Row>,
    note: Vec<Row>,
    search: Vec<Row>,
    summary: Vec<Row>,
    marks: Vec<Row>,
    footer_questions: Vec<Hint>,
    footer_no_question: Vec<Hint>,
    footer_summary: Vec<Hint>,
    footer_keys: Vec<Hint>,
    footer_search: Vec<Hint>,
    footer_note: Vec<Hint>,
}

fn section(title: String) -> Row {
    Row::Section(title)
}

fn key(keys: impl Into<String>, what: String) -> Row {
    Row::Key(keys.into(), what)
}

impl Table {
    fn of(lang: Lang) -> &'static Table {
        static FRENCH: LazyLock<Table> = LazyLock::new(|| Table::new(Lang::Fr));
        static ENGLISH: LazyLock<Table> = LazyLock::new(|| Table::new(Lang::En));
        match lang {
            Lang::Fr => &FRENCH,
            Lang::En => &ENGLISH,
        }
    }

    fn new(lang: Lang) -> Table {
        let enter = t!(lang, "tui-key-enter");
        let esc = t!(lang, "tui-key-esc");
        let save_quit = t!(lang, "tui-keys-save-quit");
        let keys = || Hint::new("?", t!(lang, "tui-hint-keys"));
        let quit = || Hint::new("q", t!(lang, "tui-hint-quit"));
        Table {
            questions: vec![
                section(t!(lang, "tui-keys-questions")),
                key("1-9", t!(lang, "tui-keys-pick-next")),
                key("↑↓ j k", t!(lang, "tui-keys-move")),
                key(enter.clone(), t!(lang, "tui-keys-pick-highlighted")),
                key("u", t!(lang, "tui-dont-know")),
                key("a", t!(lang, "tui-keys-na")),
                key("c", t!(lang, "tui-keys-confirm")),
                key("← p PgUp", t!(lang, "tui-keys-previous")),
                key("→ PgDn", t!(lang, "tui-keys-next")),
                key("Tab", t!(lang, "tui-keys-next-open")),
                key("f", t!(lang, "tui-keys-flag")),
                key("F", t!(lang, "tui-keys-next-flagged")),
                key("n", t!(lang, "tui-keys-note")),
                key("h", t!(lang, "tui-keys-help")),
                key("s", t!(lang, "tui-keys-scores")),
                key("/", t!(lang, "tui-keys-search")),
                key("r", t!(lang, "tui-keys-summary")),
                key("?", t!(lang, "tui-keys-this-help-scroll")),
                key("q Ctrl-C", save_quit.clone()),
            ],
            note: vec![
                section(t!(lang, "tui-keys-note-editor")),
                key(
                    t!(lang, "tui-key-esc-ctrl-s"),
                    t!(lang, "tui-keys-note-save-back"),
                ),
                key("Ctrl-C", t!(lang, "tui-keys-note-save-quit")),
                key(enter.clone(), t!(lang, "tui-keys-new-line")),
            ],
            search: vec![
                section(t!(lang, "tui-keys-search-section")),
                key("↑↓", t!(lang, "tui-keys-select-result")),
                key(enter.clone(), t!(lang, "tui-keys-go-to")),
                key(esc.clone(), t!(lang, "tui-keys-close-search")),
            ],
            summary: vec![
                section(t!(lang, "tui-keys-summary-section")),
                key("x", t!(lang, "tui-keys-export")),
                key("p", t!(lang, "tui-keys-next-assessment")),
                key("↑↓ j k", t!(lang, "tui-keys-scroll")),
                key(t!(lang, "tui-key-esc-r-back"), t!(lang, "tui-keys-back")),
                key("?", t!(lang, "tui-keys-this-help")),
                key("q Ctrl-C", save_quit.clone()),
            ],
            marks: vec![
                section(t!(lang, "tui-keys-marks")),
                key("›", t!(lang, "tui-keys-mark-cursor")),
                key("●", t!(lang, "tui-keys-mark-answer")),
                key("⚑", t!(lang, "tui-keys-mark-flag")),
                key("✎", t!(lang, "tui-keys-mark-note")),
                key("↻n", t!(lang, "tui-keys-mark-to-confirm")),
                key("✓n", t!(lang, "tui-keys-mark-confirmed")),
                key("Δn", t!(lang, "tui-keys-mark-changed")),
                key("N2", t!(lang, "tui-keys-mark-level")),
                key("!", t!(lang, "tui-keys-mark-capped")),
            ],
            footer_questions: vec![
                keys(),
                quit(),
                Hint::new("1-9", t!(lang, "tui-hint-pick")),
                Hint::new("u", t!(lang, "tui-hint-dont-know")),
                Hint::new("n", t!(lang, "tui-hint-note")),
                Hint::new("f", t!(lang, "tui-hint-flag")),
                Hint::new("a", t!(lang, "tui-hint-na")),
                Hint::new("Tab", t!(lang, "tui-hint-next-open")),
                Hint::new("/", t!(lang, "tui-hint-search")),
            ],
            footer_no_question: vec![keys(), quit()],
            footer_summary: vec![
                keys(),
                quit(),
                Hint::new("x", t!(lang, "tui-hint-export")),
                Hint::new("p", t!(lang, "tui-hint-next-assessment")),
                Hint::new(esc.clone(), t!(lang, "tui-hint-questions")),
            ],
            footer_keys: vec![
                Hint::new("↑↓ PgUp PgDn", t!(lang, "tui-hint-scroll")),
                Hint::new("", t!(lang, "tui-hint-any-key-closes")),
            ],
            footer_search: vec![
                Hint::new(esc, t!(lang, "tui-hint-close")),
                Hint::new(enter, t!(lang, "tui-hint-go")),
                Hint::new("↑↓", t!(lang, "tui-hint-select")),
                Hint::new("", t!(lang, "tui-hint-type-to-search")),
            ],
            footer_note: vec![
                Hint::new(
                    t!(lang, "tui-hint-note-save-keys"),
                    t!(lang, "tui-hint-save-back"),
                ),
                Hint::new(t!(lang, "tui-hint-note-quit-keys"), save_quit),
            ],
        }
    }
}

/// The footer's hints in `lang`, `?` and `q` first where they apply so that they show however
/// narrow the terminal.
pub fn footer(footer: Footer, lang: Lang) -> &'static [Hint] {
    let table = Table::of(lang);
    match footer {
        Footer::Questions => &table.footer_questions,
        Footer::NoQuestion => &table.footer_no_question,
        Footer::Summary => &table.footer_summary,
        Footer::Keys => &table.footer_keys,
        Footer::Search => &table.footer_search,
        Footer::Note => &table.footer_note,
    }
}

/// The `?` window of a screen in `lang`: that screen's keys first, then the others and the
/// marks.
pub fn help(screen: Screen, lang: Lang) -> impl Iterator<Item = &'static Row> {
    let table = Table::of(lang);
    let sections: [&'static [Row]; 5] = match screen {
        Screen::Questions => [
            &table.questions,
            &table.note,
            &table.search,
            &table.summary,
            &table.marks,
        ],
        Screen::Summary => [
            &table.summary,
            &table.marks,
            &table.questions,
            &table.note,
            &table.search,
        ],
    };
    sections.into_iter().flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys a footer hint names, as the `?` window writes them.
    fn hint_keys(hint: &Hint) -> Vec<&str> {
        hint.keys
            .split_whitespace()
            .map(|word| word.trim_end_matches([':', '\u{a0}']))
            .filter(|word| !["", "ou", "or"].contains(word))
            .collect()
    }

    #[test]
    fn every_key_of_the_footer_is_in_the_help_of_its_screen() {
        let places = [
            (Footer::Questions, Screen::Questions),
            (Footer::NoQuestion, Screen::Questions),
            (Footer::Summary, Screen::Summary),
            (Footer::Keys, Screen::Questions),
            (Footer::Keys, Screen::Summary),
            (Footer::Search, Screen::Questions),
            (Footer::Note, Screen::Questions),
        ];
        for lang in [Lang::Fr, Lang::En] {
            for (place, screen) in places {
                let help: Vec<&str> = help(screen, lang)
                    .filter_map(|row| match row {
                        Row::Key(keys, _) => Some(keys.as_str()),
                        Row::Section(_) => None,
                    })
                    .flat_map(str::split_whitespace)
                    .collect();
                for hint in footer(place, lang) {
                    for key in hint_keys(hint) {
                        assert!(
                            help.contains(&key),
                            "{key} ({place:?}, {lang:?}) is not in the ? window of {screen:?}"
                        );
                    }
                }
            }
        }
        // The footer names its keys as the window does: a misspelt key fails.
        assert_eq!(
            hint_keys(&footer(Footer::Note, Lang::En)[0]),
            vec!["Esc", "Ctrl-S"]
        );
        assert_eq!(
            hint_keys(&footer(Footer::Note, Lang::Fr)[0]),
            vec!["Échap", "Ctrl-S"]
        );
    }

    #[test]
    fn each_screen_lists_its_own_keys_first() {
        let summary: Vec<&Row> = help(Screen::Summary, Lang::Fr).collect();
        assert_eq!(*summary[0], Row::Section("Synthèse (r)".into()));
        assert!(matches!(summary[1], Row::Key(key, _) if key == "x"));
        let questions: Vec<&Row> = help(Screen::Questions, Lang::Fr).collect();
        assert!(matches!(questions[1], Row::Key(key, _) if key == "1-9"));
        // Every screen's window has every key and mark.
        assert_eq!(summary.len(), questions.len());
        for mark in ["↻n", "✓n", "Δn", "⚑", "!", "Échap Ctrl-S", "← p PgUp"] {
            assert!(
                questions
                    .iter()
                    .any(|row| matches!(row, Row::Key(key, _) if key == mark)),
                "{mark}"
            );
        }
        let english: Vec<&Row> = help(Screen::Summary, Lang::En).collect();
        assert_eq!(*english[0], Row::Section("Summary (r)".into()));
        assert_eq!(footer(Footer::Search, Lang::En)[1].text, "Enter go");
    }
}
