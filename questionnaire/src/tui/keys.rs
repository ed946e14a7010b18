//! What every key does, screen by screen, and what the marks on screen mean: the content of the
//! `?` window, and the footer's short hints. It lives apart from the drawing so that
//! [`super::app::App`] knows how far the window can scroll, and so that one list serves both
//! languages.

use super::app::Screen;
use crate::lang::Lang;

/// One line of the `?` window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A section title (French, English).
    Section(&'static str, &'static str),
    /// A key (French, English) and what it does (French, English).
    Key(&'static str, &'static str, &'static str, &'static str),
}

type Rows = &'static [Row];

const QUESTIONS: Rows = &[
    Row::Section("Questions", "Questions"),
    Row::Key(
        "1-9",
        "1-9",
        "choisir l'option et passer à la suivante",
        "pick the option and move on",
    ),
    Row::Key(
        "↑↓ j k",
        "↑↓ j k",
        "se déplacer dans les options",
        "move through the options",
    ),
    Row::Key(
        "Entrée",
        "Enter",
        "choisir l'option surlignée",
        "pick the highlighted option",
    ),
    Row::Key("u", "u", "Je ne sais pas", "Don't know"),
    Row::Key(
        "a",
        "a",
        "Non applicable (si permis)",
        "Not applicable (where allowed)",
    ),
    Row::Key(
        "c",
        "c",
        "confirmer la réponse précédente (réévaluation)",
        "confirm the previous answer (re-assessment)",
    ),
    Row::Key(
        "← p PgUp",
        "← p PgUp",
        "question précédente",
        "previous question",
    ),
    Row::Key("→ PgDn", "→ PgDn", "question suivante", "next question"),
    Row::Key(
        "Tab",
        "Tab",
        "question suivante sans réponse ou marquée",
        "next unanswered or flagged question",
    ),
    Row::Key(
        "f",
        "f",
        "marquer / démarquer la question",
        "flag / unflag the question",
    ),
    Row::Key(
        "F",
        "F",
        "question marquée suivante",
        "next flagged question",
    ),
    Row::Key(
        "n",
        "n",
        "écrire une note (ce qui a été dit, les preuves)",
        "write a note (what was said, the evidence)",
    ),
    Row::Key(
        "h",
        "h",
        "afficher / masquer l'aide de la question",
        "show / hide the question's help text",
    ),
    Row::Key(
        "s",
        "s",
        "afficher / masquer les scores",
        "show / hide the scores",
    ),
    Row::Key("/", "/", "chercher une question", "search the questions"),
    Row::Key(
        "r",
        "r",
        "synthèse de fin de réunion",
        "end-of-meeting summary",
    ),
    Row::Key(
        "?",
        "?",
        "cette aide (↑↓ PgUp PgDn pour défiler)",
        "this help (↑↓ PgUp PgDn to scroll)",
    ),
    Row::Key(
        "q Ctrl-C",
        "q Ctrl-C",
        "enregistrer et quitter",
        "save and quit",
    ),
];

const NOTE: Rows = &[
    Row::Section("Éditeur de note (n)", "Note editor (n)"),
    Row::Key(
        "Échap Ctrl-S",
        "Esc Ctrl-S",
        "enregistrer la note et revenir",
        "save the note and go back",
    ),
    Row::Key(
        "Ctrl-C",
        "Ctrl-C",
        "enregistrer la note et quitter",
        "save the note and quit",
    ),
    Row::Key(
        "Entrée",
        "Enter",
        "nouvelle ligne (le brouillon est enregistré en continu)",
        "new line (the draft is saved as you type)",
    ),
];

const SEARCH: Rows = &[
    Row::Section("Recherche (/)", "Search (/)"),
    Row::Key("↑↓", "↑↓", "choisir un résultat", "select a result"),
    Row::Key(
        "Entrée",
        "Enter",
        "aller à la question",
        "go to the question",
    ),
    Row::Key("Échap", "Esc", "fermer la recherche", "close the search"),
];

const SUMMARY: Rows = &[
    Row::Section("Synthèse (r)", "Summary (r)"),
    Row::Key(
        "x",
        "x",
        "exporter le rapport à côté de la session",
        "export the report next to the session",
    ),
    Row::Key(
        "p",
        "p",
        "fixer la prochaine évaluation (+6 mois)",
        "set the next assessment (+6 months)",
    ),
    Row::Key("↑↓ j k", "↑↓ j k", "faire défiler", "scroll"),
    Row::Key(
        "Échap r ⌫",
        "Esc r ⌫",
        "revenir aux questions",
        "back to the questions",
    ),
    Row::Key("?", "?", "cette aide", "this help"),
    Row::Key(
        "q Ctrl-C",
        "q Ctrl-C",
        "enregistrer et quitter",
        "save and quit",
    ),
];

const MARKS: Rows = &[
    Row::Section("Repères à l'écran", "Marks on screen"),
    Row::Key(
        "›",
        "›",
        "ligne surlignée, domaine en cours",
        "highlighted line, current domain",
    ),
    Row::Key("●", "●", "réponse enregistrée", "recorded answer"),
    Row::Key("⚑", "⚑", "question marquée", "flagged question"),
    Row::Key("✎", "✎", "question avec une note", "question with a note"),
    Row::Key(
        "↻n",
        "↻n",
        "réponses reprises, à confirmer",
        "carried-over answers to confirm",
    ),
    Row::Key(
        "✓n",
        "✓n",
        "réponses reprises, confirmées sans changement",
        "carried-over answers confirmed unchanged",
    ),
    Row::Key(
        "Δn",
        "Δn",
        "réponses changées depuis l'évaluation précédente",
        "answers changed since the previous assessment",
    ),
    Row::Key("N2", "N2", "niveau du domaine", "level of the domain"),
    Row::Key(
        "!",
        "!",
        "niveau plafonné par un contrôle critique ; en bas : une erreur",
        "level capped by a critical control; at the bottom: an error",
    ),
];

/// One hint of the footer: keys (French, English), named as the `?` window names them (none
/// for "type to search"), and what they do (French, English).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint(
    pub &'static str,
    pub &'static str,
    pub &'static str,
    pub &'static str,
);

impl Hint {
    /// The hint as the footer shows it.
    pub fn text(self, lang: Lang) -> String {
        let Hint(key_fr, key_en, fr, en) = self;
        match lang.pick(key_fr, key_en) {
            "" => lang.pick(fr, en).to_owned(),
            key => format!("{key} {}", lang.pick(fr, en)),
        }
    }
}

type Hints = &'static [Hint];

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

const FOOTER_QUESTIONS: Hints = &[
    Hint("?", "?", "touches", "keys"),
    Hint("q", "q", "quitter", "quit"),
    Hint("1-9", "1-9", "choisir", "pick"),
    Hint("u", "u", "ne sais pas", "don't know"),
    Hint("n", "n", "note", "note"),
    Hint("f", "f", "marquer", "flag"),
    Hint("a", "a", "n/a", "n/a"),
    Hint("Tab", "Tab", "suivante", "next open"),
    Hint("/", "/", "chercher", "search"),
];

const FOOTER_NO_QUESTION: Hints = &[
    Hint("?", "?", "touches", "keys"),
    Hint("q", "q", "quitter", "quit"),
];

const FOOTER_SUMMARY: Hints = &[
    Hint("?", "?", "touches", "keys"),
    Hint("q", "q", "quitter", "quit"),
    Hint("x", "x", "exporter", "export"),
    Hint("p", "p", "prochaine évaluation", "next assessment"),
    Hint("Échap", "Esc", "questions", "questions"),
];

const FOOTER_KEYS: Hints = &[
    Hint("↑↓ PgUp PgDn", "↑↓ PgUp PgDn", "défiler", "scroll"),
    Hint("", "", "une autre touche ferme", "any other key closes"),
];

const FOOTER_SEARCH: Hints = &[
    Hint("Échap", "Esc", "fermer", "close"),
    Hint("Entrée", "Enter", "aller", "go"),
    Hint("↑↓", "↑↓", "choisir", "select"),
    Hint("", "", "tapez pour chercher", "type to search"),
];

const FOOTER_NOTE: Hints = &[
    Hint(
        "Échap ou Ctrl-S :",
        "Esc or Ctrl-S:",
        "enregistrer et revenir",
        "save and go back",
    ),
    Hint(
        "Ctrl-C :",
        "Ctrl-C:",
        "enregistrer et quitter",
        "save and quit",
    ),
];

/// The footer's hints, `?` and `q` first where they apply so that they show however narrow the
/// terminal.
pub fn footer(footer: Footer) -> &'static [Hint] {
    match footer {
        Footer::Questions => FOOTER_QUESTIONS,
        Footer::NoQuestion => FOOTER_NO_QUESTION,
        Footer::Summary => FOOTER_SUMMARY,
        Footer::Keys => FOOTER_KEYS,
        Footer::Search => FOOTER_SEARCH,
        Footer::Note => FOOTER_NOTE,
    }
}

/// The `?` window of a screen: that screen's keys first, then the others and the marks.
pub fn help(screen: Screen) -> Vec<Row> {
    let sections: [Rows; 5] = match screen {
        Screen::Questions => [QUESTIONS, NOTE, SEARCH, SUMMARY, MARKS],
        Screen::Summary => [SUMMARY, MARKS, QUESTIONS, NOTE, SEARCH],
    };
    sections.concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys a footer hint names, as the `?` window writes them.
    fn hint_keys(hint: Hint, lang: Lang) -> Vec<&'static str> {
        lang.pick(hint.0, hint.1)
            .split_whitespace()
            .map(|word| word.trim_end_matches(':'))
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
                let help: Vec<&str> = help(screen)
                    .iter()
                    .filter_map(|row| match *row {
                        Row::Key(fr, en, ..) => Some(lang.pick(fr, en)),
                        Row::Section(..) => None,
                    })
                    .flat_map(str::split_whitespace)
                    .collect();
                for &hint in footer(place) {
                    for key in hint_keys(hint, lang) {
                        assert!(
                            help.contains(&key),
                            "{key} ({place:?}, {lang:?}) is not in the ? window of {screen:?}"
                        );
                    }
                }
            }
        }
        // The footer names its keys as the window does: a misspelt key fails.
        assert_eq!(hint_keys(FOOTER_NOTE[0], Lang::En), vec!["Esc", "Ctrl-S"]);
    }

    #[test]
    fn each_screen_lists_its_own_keys_first() {
        let summary = help(Screen::Summary);
        assert_eq!(summary[0], Row::Section("Synthèse (r)", "Summary (r)"));
        assert!(matches!(summary[1], Row::Key("x", ..)));
        let questions = help(Screen::Questions);
        assert!(matches!(questions[1], Row::Key("1-9", ..)));
        // Every screen's window has every key and mark.
        assert_eq!(summary.len(), questions.len());
        for mark in ["↻n", "✓n", "Δn", "⚑", "!", "Échap Ctrl-S", "← p PgUp"] {
            assert!(
                questions
                    .iter()
                    .any(|row| matches!(row, Row::Key(key, ..) if *key == mark)),
                "{mark}"
            );
        }
    }
}
