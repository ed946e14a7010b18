//! The report as one self-contained HTML file: inline CSS and SVG, no script, no network, with
//! page breaks for printing on A4.

use minijinja::{Environment, Value, context};

use crate::Error;
use crate::benchmark::{self, Position};
use crate::labels::labels;
use crate::method::{Style, emphasis};
use crate::model::Report;
use crate::radar;
use crate::text;
use crate::text::escape;

const TEMPLATE: &str = include_str!("../templates/report.html");

/// A method paragraph as HTML, its emphasis kept.
fn paragraph_html(paragraph: &str) -> String {
    emphasis(paragraph)
        .into_iter()
        .map(|(style, text)| match style {
            Style::Plain => escape(&text),
            Style::Bold => format!("<strong>{}</strong>", escape(&text)),
            Style::Italic => format!("<em>{}</em>", escape(&text)),
        })
        .collect()
}

/// The report as HTML.
pub fn render(report: &Report) -> Result<String, Error> {
    let lang = report.lang;
    let mut env = Environment::new();
    env.add_function("score", move |value: Option<f64>| text::score(value, lang));
    env.add_function("signed", move |value: Option<f64>| {
        text::signed(value, lang)
    });
    // « … » with no-break spaces in French, “…” in English; escaped by the template.
    env.add_function("quoted", move |value: String| {
        text::quoted(&value, lang, "\u{a0}")
    });
    env.add_function("level", |declared: Option<u8>, effective: Option<u8>| {
        text::level(declared, effective)
    });
    env.add_function("position", move |value: Option<String>| {
        let position = match value.as_deref() {
            Some("below") => Some(Position::Below),
            Some("middle") => Some(Position::Middle),
            Some("above") => Some(Position::Above),
            _ => None,
        };
        benchmark::position_text(position, lang)
    });
    env.add_template("report.html", TEMPLATE)?;
    let t = labels(lang);
    let svg = radar::svg(&report.domains, lang, &t["radar"], &t["now"], &t["before"]);
    let method: Vec<Value> = report
        .method
        .iter()
        .map(|p| Value::from_safe_string(paragraph_html(p)))
        .collect();
    let html = env.get_template("report.html")?.render(context! {
        report => report,
        t => t,
        colon => text::colon(lang, "\u{a0}"),
        duration => text::duration(&report.cover, lang),
        details => crate::model::fact_details(report),
        radar => Value::from_safe_string(svg),
        method => method,
        peers_summary => report.benchmark.as_ref().map(|b| benchmark::summary(b, lang)),
        peers_chart => report
            .benchmark
            .as_ref()
            .map(|b| Value::from_safe_string(benchmark::chart(b, lang))),
    })?;
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;
    use questionnaire::Lang;

    /// Every `t.key` the template uses has a label in both languages.
    #[test]
    fn every_label_of_the_template_exists() {
        for lang in [Lang::Fr, Lang::En] {
            let labels = labels(lang);
            for (index, _) in TEMPLATE.match_indices("t.") {
                let preceded = TEMPLATE[..index].chars().last();
                if !matches!(preceded, Some(' ' | '{' | '(')) {
                    continue;
                }
                let key: String = TEMPLATE[index + 2..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                assert!(
                    labels.contains_key(key.as_str()),
                    "no label {key:?} in {lang:?}"
                );
            }
        }
    }
}
