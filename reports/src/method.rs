//! The method annex: the paragraphs of `docs/scoring.md` in the report's language, so that the
//! report prints exactly what the documentation says.

use questionnaire::Lang;

const SCORING_DOC: &str = include_str!("../../docs/scoring.md");

/// The method's paragraphs in `lang`, with Markdown emphasis (`**…**`, `*…*`) kept for the
/// renderers to turn into their own.
pub fn paragraphs(lang: Lang) -> Vec<String> {
    let marker = format!("<!-- {} -->", lang.code());
    let section = SCORING_DOC
        .split_once(marker.as_str())
        .map_or("", |(_, rest)| rest.split("<!--").next().unwrap_or(rest));
    section
        .split("\n\n")
        .map(|paragraph| {
            questionnaire::typography::words(paragraph)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|paragraph| !paragraph.is_empty() && !paragraph.starts_with('#'))
        .collect()
}

/// Splits a paragraph into runs of plain, **bold** and *italic* text.
pub fn emphasis(paragraph: &str) -> Vec<(Style, String)> {
    let mut runs = Vec::new();
    let mut rest = paragraph;
    while !rest.is_empty() {
        let (style, marker) = if rest.starts_with("**") {
            (Style::Bold, "**")
        } else if rest.starts_with('*') {
            (Style::Italic, "*")
        } else {
            let end = rest.find('*').unwrap_or(rest.len());
            runs.push((Style::Plain, rest[..end].to_owned()));
            rest = &rest[end..];
            continue;
        };
        let inner = &rest[marker.len()..];
        match inner.find(marker) {
            Some(end) => {
                runs.push((style, inner[..end].to_owned()));
                rest = &inner[end + marker.len()..];
            }
            None => {
                runs.push((Style::Plain, rest.to_owned()));
                rest = "";
            }
        }
    }
    runs
}

/// The emphasis of a run of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Plain text.
    Plain,
    /// `**bold**`.
    Bold,
    /// `*italic*`.
    Italic,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_gets_its_own_method() {
        let fr = paragraphs(Lang::Fr);
        let en = paragraphs(Lang::En);
        assert_eq!(fr.len(), en.len());
        assert!(fr[0].starts_with("**Échelle.**"), "{}", fr[0]);
        assert!(en[0].starts_with("**Scale.**"), "{}", en[0]);
        assert!(
            fr.iter()
                .any(|p| p.contains("plafonne le niveau de son domaine à 1"))
        );
        assert!(en.iter().all(|p| !p.contains("Échelle")));
    }

    #[test]
    fn emphasis_is_split_into_runs() {
        assert_eq!(
            emphasis("**Niveau.** le niveau *n* est atteint"),
            vec![
                (Style::Bold, "Niveau.".to_owned()),
                (Style::Plain, " le niveau ".to_owned()),
                (Style::Italic, "n".to_owned()),
                (Style::Plain, " est atteint".to_owned()),
            ]
        );
    }
}
