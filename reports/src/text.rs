//! How every renderer writes numbers, colons, quotations and the meeting's duration, so that the
//! formats agree: French puts a space before the colon and quotes with « », English does neither.

use crate::model::Cover;
use questionnaire::Lang;

/// A score with one decimal (a decimal comma in French); `—` when there is none. The table, the
/// radar and the comparison all write scores this way.
pub fn score(value: Option<f64>, lang: Lang) -> String {
    value.map_or_else(|| "—".to_owned(), |v| lang.score(v))
}

/// A score change, with its sign when positive.
pub fn signed(value: Option<f64>, lang: Lang) -> String {
    match value {
        Some(v) if v > 0.0 => format!("+{}", score(Some(v), lang)),
        other => score(other, lang),
    }
}

/// The colon after a label: ` :` in French, `:` in English. `space` is the space French puts
/// before it (a no-break space where the format keeps it).
pub fn colon(lang: Lang, space: &str) -> String {
    match lang {
        Lang::Fr => format!("{space}:"),
        Lang::En => ":".to_owned(),
    }
}

/// Text made safe inside HTML or SVG, by the template engine's own escaper, so that the page,
/// its radar and the template's `{{ … }}` escape alike (`&`, `<`, `>`, quotes and `/`).
pub fn escape(text: &str) -> String {
    minijinja::HtmlEscape(text).to_string()
}

/// A quotation: `« text »` in French (with `space` inside), `“text”` in English.
pub fn quoted(text: &str, lang: Lang, space: &str) -> String {
    match lang {
        Lang::Fr => format!("«{space}{text}{space}»"),
        Lang::En => format!("“{text}”"),
    }
}

/// The meeting's duration as the cover prints it: `84 min (prévu 90 min)`, or `non mesurée`
/// when no time was recorded (a session filled with `posture answer`).
pub fn duration(cover: &Cover, lang: Lang) -> String {
    let spent = if cover.duration_recorded {
        let minutes = cover.duration_minutes;
        i18n::t!(lang, "report-duration-minutes", minutes = minutes)
    } else {
        i18n::t!(lang, "report-duration-not-recorded")
    };
    let planned = cover.planned_minutes;
    i18n::t!(
        lang,
        "report-duration-planned",
        spent = spent,
        planned = planned
    )
}

/// A level, and the level it keeps when the machines' facts cap it: `3 → 1`; `—` when none.
pub fn level(declared: Option<u8>, effective: Option<u8>) -> String {
    match (declared, effective) {
        (Some(d), Some(e)) if e < d => format!("{d} → {e}"),
        (Some(d), _) => d.to_string(),
        (None, _) => "—".to_owned(),
    }
}

/// A machine fact's status in words, as every output says it (docs/glossaire.md), from the
/// message catalogs.
pub fn fact_status(status: scoring::facts::Status, lang: i18n::Lang) -> String {
    i18n::status_name(&lang, status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_english_punctuation() {
        assert_eq!(colon(Lang::Fr, "\u{a0}"), "\u{a0}:");
        assert_eq!(colon(Lang::En, " "), ":");
        assert_eq!(quoted("oui", Lang::Fr, "\u{a0}"), "«\u{a0}oui\u{a0}»");
        assert_eq!(quoted("yes", Lang::En, "\u{a0}"), "“yes”");
    }

    #[test]
    fn scores_keep_their_decimal() {
        assert_eq!(score(Some(37.5), Lang::Fr), "37,5");
        assert_eq!(score(Some(12.5), Lang::En), "12.5");
        assert_eq!(score(None, Lang::En), "—");
        assert_eq!(signed(Some(2.0), Lang::Fr), "+2,0");
        assert_eq!(signed(Some(-2.0), Lang::Fr), "-2,0");
    }

    #[test]
    fn a_capped_level_shows_both() {
        assert_eq!(level(Some(3), Some(1)), "3 → 1");
        assert_eq!(level(Some(3), Some(3)), "3");
        assert_eq!(level(None, None), "—");
    }
}
