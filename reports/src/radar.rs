//! The radar chart of the domains, as SVG: the current scores, and the previous ones overlaid
//! (dashed) when the report compares two assessments. Self-contained: no script, no font file.

use std::f64::consts::PI;
use std::fmt::Write as _;

use crate::model::DomainRow;
use crate::text;
use crate::text::escape;
use questionnaire::Lang;

/// Width and height of the drawing, in SVG units.
const SIZE: f64 = 560.0;
/// Radius of the 100 ring.
const RADIUS: f64 = 170.0;

fn point(index: usize, count: usize, score: f64) -> (f64, f64) {
    let angle = -PI / 2.0 + 2.0 * PI * index as f64 / count as f64;
    let r = RADIUS * score.clamp(0.0, 100.0) / 100.0;
    (SIZE / 2.0 + r * angle.cos(), SIZE / 2.0 + r * angle.sin())
}

fn polygon(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The radar of the applicable domains, each labelled with its score as the table writes it (one
/// decimal, a decimal comma in French). `title` is the chart's accessible name; `now` and
/// `before` label the two polygons in the legend.
pub fn svg(domains: &[DomainRow], lang: Lang, title: &str, now: &str, before: &str) -> String {
    let shown: Vec<&DomainRow> = domains.iter().filter(|d| d.score.is_some()).collect();
    let count = shown.len().max(3);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" role="img" aria-label="{}" class="radar">"#,
        escape(title)
    );
    // Rings at 25, 50, 75 and 100, and one axis per domain.
    for ring in [25.0, 50.0, 75.0, 100.0] {
        let ring_points: Vec<(f64, f64)> = (0..count).map(|i| point(i, count, ring)).collect();
        let _ = write!(
            svg,
            r##"<polygon points="{}" fill="none" stroke="#bbb" stroke-width="1"/>"##,
            polygon(&ring_points)
        );
    }
    for (index, domain) in shown.iter().enumerate() {
        let (x, y) = point(index, count, 100.0);
        let _ = write!(
            svg,
            r##"<line x1="{c}" y1="{c}" x2="{x:.1}" y2="{y:.1}" stroke="#bbb" stroke-width="1"/>"##,
            c = SIZE / 2.0
        );
        let (lx, ly) = point(index, count, 118.0);
        let anchor = if (lx - SIZE / 2.0).abs() < 20.0 {
            "middle"
        } else if lx > SIZE / 2.0 {
            "start"
        } else {
            "end"
        };
        let label = format!("{} ({})", domain.title, text::score(domain.score, lang));
        let _ = write!(
            svg,
            r#"<text x="{lx:.1}" y="{ly:.1}" text-anchor="{anchor}" dominant-baseline="middle" font-size="11">{}</text>"#,
            escape(&label)
        );
    }
    let previous: Vec<(f64, f64)> = shown
        .iter()
        .enumerate()
        .filter_map(|(i, d)| d.previous_score.map(|s| point(i, count, s)))
        .collect();
    let has_previous = previous.len() == shown.len() && !shown.is_empty();
    if has_previous {
        let _ = write!(
            svg,
            r##"<polygon points="{}" fill="none" stroke="#555" stroke-width="2" stroke-dasharray="6 4" class="previous"/>"##,
            polygon(&previous)
        );
    }
    let current: Vec<(f64, f64)> = shown
        .iter()
        .enumerate()
        .map(|(i, d)| point(i, count, d.score.unwrap_or(0.0)))
        .collect();
    let _ = write!(
        svg,
        r##"<polygon points="{}" fill="#1f5fa8" fill-opacity="0.25" stroke="#1f5fa8" stroke-width="2.5" class="current"/>"##,
        polygon(&current)
    );
    // Legend: line styles, not colours alone.
    let _ = write!(
        svg,
        r##"<g font-size="12"><line x1="20" y1="{y}" x2="50" y2="{y}" stroke="#1f5fa8" stroke-width="2.5"/><text x="56" y="{y}" dominant-baseline="middle">{}</text>"##,
        escape(now),
        y = SIZE - 36.0
    );
    if has_previous {
        let _ = write!(
            svg,
            r##"<line x1="20" y1="{y}" x2="50" y2="{y}" stroke="#555" stroke-width="2" stroke-dasharray="6 4"/><text x="56" y="{y}" dominant-baseline="middle">{}</text>"##,
            escape(before),
            y = SIZE - 16.0
        );
    }
    svg.push_str("</g></svg>");
    svg
}
