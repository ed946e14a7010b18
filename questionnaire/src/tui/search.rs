//! Searching the questions by words of their text or their id, accents and case ignored.

use crate::catalog::Control;
use crate::lang::Lang;
use crate::plain::fold;

/// The search window's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    /// What was typed.
    pub query: String,
    /// Matching control ids, in questionnaire order.
    pub results: Vec<String>,
    /// The highlighted result.
    pub selected: usize,
}

impl Search {
    /// Recomputes the results for the query: every word must appear in the id, the question or
    /// the help text.
    pub fn refresh(&mut self, questions: &[&Control], lang: Lang) {
        let words: Vec<String> = fold(&self.query)
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        self.results = if words.is_empty() {
            Vec::new()
        } else {
            questions
                .iter()
                .filter(|control| {
                    let haystack = fold(&format!(
                        "{} {} {}",
                        control.id,
                        control.question.get(lang),
                        control.help.get(lang)
                    ));
                    words.iter().all(|word| haystack.contains(word.as_str()))
                })
                .map(|control| control.id.clone())
                .collect()
        };
        self.selected = 0;
    }

    /// The highlighted control id.
    pub fn selected_id(&self) -> Option<&str> {
        self.results.get(self.selected).map(String::as_str)
    }

    /// Moves the highlight up.
    pub fn select_previous(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    /// Moves the highlight down.
    pub fn select_next(&mut self) {
        if self.selected + 1 < self.results.len() {
            self.selected += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    #[test]
    fn finds_questions_without_accents_or_case() {
        let catalog = catalog::bundled().unwrap();
        let questions: Vec<&Control> = catalog.controls.iter().collect();
        let mut search = Search {
            query: "SAUVEGARDE restaur".into(),
            ..Search::default()
        };
        search.refresh(&questions, Lang::Fr);
        assert!(
            search.results.iter().any(|id| id == "BAK-02"),
            "{:?}",
            search.results
        );
        search.query = "pat-01".into();
        search.refresh(&questions, Lang::Fr);
        assert_eq!(search.results, vec!["PAT-01"]);
    }
}
