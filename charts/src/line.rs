//! The line chart: one score over time (the dashboard's history of an organisation). The x axis
//! spaces the points evenly in the order given, labelled with their dates; the y axis is 0..=100.

use std::fmt::Write as _;

use crate::svg::{escape, marker, num, open, score, series_style};

/// A line chart: its accessible title and description, and the points in order.
#[derive(Debug, Clone, Copy)]
pub struct LineChart<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub points: &'a [LinePoint],
}

/// One point: its x-axis label (a date such as `2026-03-12`) and its score.
#[derive(Debug, Clone, PartialEq)]
pub struct LinePoint {
    pub label: String,
    pub value: f64,
}

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 584.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 250.0;
/// At most this many x-axis labels, so that dates do not overlap.
const MAX_LABELS: usize = 8;

/// The y coordinate of a score.
fn y_of(value: f64) -> f64 {
    BOTTOM - (BOTTOM - TOP) * value / 100.0
}

/// The x coordinate of the `index`-th of `count` points (a lone point sits in the middle).
fn x_of(index: usize, count: usize) -> f64 {
    if count <= 1 {
        (LEFT + RIGHT) / 2.0
    } else {
        LEFT + (RIGHT - LEFT) * index as f64 / (count - 1) as f64
    }
}

/// The line chart as SVG. No points gives the empty axes.
pub fn line_chart(chart: &LineChart<'_>) -> String {
    let mut svg = open("line", WIDTH, HEIGHT, chart.title, chart.description);
    // Grid and y axis labels.
    svg.push_str(r##"<g class="grid" stroke="#cccccc" stroke-width="1">"##);
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let _ = write!(
            svg,
            r#"<line x1="{}" y1="{y}" x2="{}" y2="{y}"/>"#,
            num(LEFT),
            num(RIGHT),
            y = num(y_of(tick))
        );
    }
    svg.push_str("</g>");
    svg.push_str(r##"<g class="axis" font-size="11" fill="#333333" text-anchor="end">"##);
    for tick in [0.0, 25.0, 50.0, 75.0, 100.0] {
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" dominant-baseline="middle">{}</text>"#,
            num(LEFT - 8.0),
            num(y_of(tick)),
            num(tick)
        );
    }
    svg.push_str("</g>");

    let count = chart.points.len();
    let step = count.div_ceil(MAX_LABELS).max(1);
    svg.push_str(r##"<g class="axis" font-size="11" fill="#333333" text-anchor="middle">"##);
    for (index, point) in chart.points.iter().enumerate() {
        if index % step == 0 || index + 1 == count {
            let _ = write!(
                svg,
                r#"<text x="{}" y="{}">{}</text>"#,
                num(x_of(index, count)),
                num(BOTTOM + 20.0),
                escape(&point.label)
            );
        }
    }
    svg.push_str("</g>");

    let style = series_style(0);
    let placed: Vec<(f64, f64, f64)> = chart
        .points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| score(p.value).map(|v| (x_of(i, count), y_of(v), v)))
        .collect();
    if placed.len() > 1 {
        let points: Vec<String> = placed
            .iter()
            .map(|(x, y, _)| format!("{},{}", num(*x), num(*y)))
            .collect();
        let _ = write!(
            svg,
            r#"<polyline class="series series-0" points="{}" fill="none" stroke="{}" stroke-width="2.5"/>"#,
            points.join(" "),
            style.colour
        );
    }
    for (x, y, value) in placed {
        marker(&mut svg, style, x, y, Some(value), "point");
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_maps_0_and_100_to_the_plot_edges() {
        assert_eq!(y_of(0.0), BOTTOM);
        assert_eq!(y_of(100.0), TOP);
        assert_eq!(x_of(0, 3), LEFT);
        assert_eq!(x_of(2, 3), RIGHT);
        assert_eq!(x_of(0, 1), (LEFT + RIGHT) / 2.0);
    }
}
