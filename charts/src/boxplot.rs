//! The box plot: one row per domain, the box spanning the peers' first to third quartile, a bar
//! at their median, and a diamond at the organisation's own score when there is one. The peers'
//! quartiles come from the collection server's benchmark; there are no whiskers (it gives none).

use std::fmt::Write as _;

use crate::svg::{escape, num, open, score};

/// A box plot: its accessible title and description, and one row per domain.
#[derive(Debug, Clone, Copy)]
pub struct BoxPlot<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub rows: &'a [BoxRow],
}

/// One row: its label, the peers' quartiles and, optionally, the organisation's own score.
#[derive(Debug, Clone, PartialEq)]
pub struct BoxRow {
    pub label: String,
    pub p25: f64,
    pub median: f64,
    pub p75: f64,
    pub marker: Option<f64>,
}

const WIDTH: f64 = 640.0;
/// The labels end here (right-aligned); the scale starts a little after.
const LABEL_END: f64 = 232.0;
const LEFT: f64 = 244.0;
const RIGHT: f64 = 620.0;
const TOP: f64 = 12.0;
const ROW: f64 = 34.0;
/// Height of a box.
const BOX: f64 = 16.0;
/// Room under the rows for the scale's ticks.
const AXIS: f64 = 32.0;
const BOX_FILL: &str = "#cfe0f3";
const BOX_STROKE: &str = "#1f5fa8";
const MARKER_FILL: &str = "#b35900";

/// The x coordinate of a score.
fn x_of(value: f64) -> f64 {
    LEFT + (RIGHT - LEFT) * value / 100.0
}

/// The box plot as SVG. No rows gives the scale alone.
pub fn box_plot(chart: &BoxPlot<'_>) -> String {
    let height = TOP + ROW * chart.rows.len() as f64 + AXIS;
    let mut svg = open("box", WIDTH, height, chart.title, chart.description);
    let bottom = TOP + ROW * chart.rows.len() as f64;

    // Vertical grid lines and the scale under the rows.
    svg.push_str(r##"<g class="grid" stroke="#dddddd" stroke-width="1">"##);
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let _ = write!(
            svg,
            r#"<line x1="{x}" y1="{}" x2="{x}" y2="{}"/>"#,
            num(TOP),
            num(bottom),
            x = num(x_of(tick))
        );
    }
    svg.push_str("</g>");
    svg.push_str(r##"<g class="axis" font-size="11" fill="#333333" text-anchor="middle">"##);
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}">{}</text>"#,
            num(x_of(tick)),
            num(bottom + 18.0),
            num(tick)
        );
    }
    svg.push_str("</g>");

    for (index, row) in chart.rows.iter().enumerate() {
        let middle = TOP + ROW * index as f64 + ROW / 2.0;
        let _ = write!(
            svg,
            r##"<g class="row"><text x="{}" y="{}" font-size="11" fill="#222222" text-anchor="end" dominant-baseline="middle">{}</text>"##,
            num(LABEL_END),
            num(middle),
            escape(&row.label)
        );
        let quartiles = [row.p25, row.median, row.p75].map(score);
        if let [Some(a), Some(b), Some(c)] = quartiles {
            // Quartiles out of order are drawn in order rather than as a negative box.
            let mut sorted = [a, b, c];
            sorted.sort_by(f64::total_cmp);
            let [p25, median, p75] = sorted;
            let _ = write!(
                svg,
                r#"<rect class="box" x="{}" y="{}" width="{}" height="{}" fill="{BOX_FILL}" stroke="{BOX_STROKE}" stroke-width="1.5" data-p25="{}" data-p75="{}"/>"#,
                num(x_of(p25)),
                num(middle - BOX / 2.0),
                num(x_of(p75) - x_of(p25)),
                num(BOX),
                num(p25),
                num(p75)
            );
            let _ = write!(
                svg,
                r#"<line class="median" x1="{x}" y1="{}" x2="{x}" y2="{}" stroke="{BOX_STROKE}" stroke-width="3" data-value="{}"/>"#,
                num(middle - BOX / 2.0 - 3.0),
                num(middle + BOX / 2.0 + 3.0),
                num(median),
                x = num(x_of(median))
            );
        }
        if let Some(value) = row.marker.and_then(score) {
            // A diamond, outlined in black so it shows over the box whatever the colours.
            let (x, r) = (x_of(value), 6.5);
            let _ = write!(
                svg,
                r##"<polygon class="marker" points="{},{} {},{} {},{} {},{}" fill="{MARKER_FILL}" stroke="#000000" stroke-width="1" data-value="{}"/>"##,
                num(x),
                num(middle - r),
                num(x + r),
                num(middle),
                num(x),
                num(middle + r),
                num(x - r),
                num(middle),
                num(value)
            );
        }
        svg.push_str("</g>");
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_spans_the_plot() {
        assert_eq!(x_of(0.0), LEFT);
        assert_eq!(x_of(100.0), RIGHT);
    }
}
