//! Word wrapping with known line counts, so that a screen can scroll to keep the highlighted
//! option visible without asking ratatui how it wrapped.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// Splits `text` into lines of at most `width` characters, breaking between words (and inside a
/// word longer than the width). Keeps the text's own line breaks, never breaks at a no-break
/// space, and keeps French punctuation with its word (`chiffrée ?`, `« oui »`), so that no line
/// starts with a lone `?`.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut length = 0;
        for word in words(paragraph) {
            // No-break spaces hold words together, and are drawn as they are: French
            // typography on screen as in the reports.
            let mut word: Vec<char> = word.chars().collect();
            while word.len() > width {
                if length > 0 {
                    lines.push(std::mem::take(&mut line));
                    length = 0;
                }
                let rest = word.split_off(width);
                lines.push(word.into_iter().collect());
                word = rest;
            }
            let needed = if length == 0 {
                word.len()
            } else {
                length + 1 + word.len()
            };
            if needed > width {
                lines.push(std::mem::take(&mut line));
                length = 0;
            }
            if length > 0 {
                line.push(' ');
                length += 1;
            }
            line.extend(word.iter());
            length += word.len();
        }
        lines.push(line);
    }
    lines
}

/// The words of a paragraph, split at the spaces where a line may break.
fn words(paragraph: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut glue_next = false;
    for word in crate::typography::words(paragraph) {
        let closing = word
            .chars()
            .all(|c| matches!(c, '?' | '!' | ':' | ';' | '»'));
        match words.last_mut() {
            Some(last) if closing || glue_next => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_owned()),
        }
        glue_next = word == "«";
    }
    words
}

/// `text` wrapped to `width`, the first line after `first` and the others indented to line up
/// with it, all in `style`.
pub fn hanging(first: Span<'static>, text: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    let indent = first.content.chars().count();
    wrap(text, width.saturating_sub(indent))
        .into_iter()
        .enumerate()
        .map(|(index, part)| {
            let lead = if index == 0 {
                first.clone()
            } else {
                Span::styled(" ".repeat(indent), first.style)
            };
            Line::from(vec![lead, Span::styled(part, style)])
        })
        .collect()
}

/// `text` cut to `width` characters, with an ellipsis when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_between_words_and_keeps_breaks() {
        assert_eq!(wrap("un deux trois", 7), vec!["un deux", "trois"]);
        assert_eq!(wrap("un\ndeux", 20), vec!["un", "deux"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), vec![""]);
        assert_eq!(wrap("été à l'hôpital", 9), vec!["été à", "l'hôpital"]);
        // French punctuation stays with its word; no break at a no-break space, which is drawn
        // as it is.
        assert_eq!(
            wrap("et chiffrée\u{202f}?", 11),
            vec!["et", "chiffrée\u{202f}?"]
        );
        assert_eq!(
            wrap("il dit «\u{a0}oui\u{a0}»\u{202f}!", 10),
            vec!["il dit", "«\u{a0}oui\u{a0}»\u{202f}!"]
        );
        assert_eq!(
            wrap("Indice global\u{a0}: 62,5", 14),
            vec!["Indice", "global\u{a0}: 62,5"]
        );
        // The same with plain spaces, as a text typed in a note may have them.
        assert_eq!(wrap("et chiffrée ?", 11), vec!["et", "chiffrée ?"]);
        assert_eq!(wrap("il dit « oui » !", 10), vec!["il dit", "« oui » !"]);
        assert_eq!(wrap("un (niv.\u{a0}1)", 9), vec!["un", "(niv.\u{a0}1)"]);
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("Gouvernance", 20), "Gouvernance");
        assert_eq!(truncate("Gouvernance", 6), "Gouve…");
    }
}
