//! The report as one self-contained HTML file: inline CSS and SVG, no script, no network, with
//! page breaks for printing on A4.

use minijinja::{Environment, Value, context};

use crate::Error;
use crate::labels::labels;
use crate::method::{Style, emphasis};
use crate::model::Report;
use crate::radar;

const TEMPLATE: &str = include_str!("../templates/report.html");

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

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

/// A score as the report's language writes it; `—` when there is none.
fn score_text(value: Option<f64>, fr: bool) -> String {
    value.map_or_else(
        || "—".to_owned(),
        |v| {
            let text = format!("{v:.1}");
            if fr { text.replace('.', ",") } else { text }
        },
    )
}

/// The report as HTML.
pub fn render(report: &Report) -> Result<String, Error> {
    let fr = report.lang == "fr";
    let mut env = Environment::new();
    env.add_function("score", move |value: Option<f64>| score_text(value, fr));
    env.add_function("signed", move |value: Option<f64>| match value {
        Some(v) if v > 0.0 => format!("+{}", score_text(Some(v), fr)),
        other => score_text(other, fr),
    });
    env.add_template("report.html", TEMPLATE)?;
    let t = labels(report.lang);
    let svg = radar::svg(&report.domains, t["radar"], t["now"], t["before"]);
    let method: Vec<Value> = report
        .method
        .iter()
        .map(|p| Value::from_safe_string(paragraph_html(p)))
        .collect();
    let html = env.get_template("report.html")?.render(context! {
        report => report,
        t => t,
        radar => Value::from_safe_string(svg),
        method => method,
    })?;
    Ok(html)
}
