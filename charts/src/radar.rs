//! The radar: one axis per domain, rings at 25, 50, 75 and 100, and one or two series overlaid
//! (this assessment and the previous one, or the organisation and its peers), with a legend.
//! A missing value (`None`) is left out of its series' polygon and gets no marker.

use std::f64::consts::PI;
use std::fmt::Write as _;

use crate::svg::{dash_attr, escape, marker, num, open, score, series_style};

/// A radar: its accessible title and description, the axis labels and the series.
#[derive(Debug, Clone, Copy)]
pub struct RadarChart<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub axes: &'a [String],
    pub series: &'a [RadarSeries<'a>],
}

/// One series: its legend label and one value per axis.
#[derive(Debug, Clone, Copy)]
pub struct RadarSeries<'a> {
    pub label: &'a str,
    pub values: &'a [Option<f64>],
}

/// Width and height of the drawing, in SVG units.
const SIZE: f64 = 560.0;
/// Radius of the 100 ring.
const RADIUS: f64 = 170.0;
/// The centre, a little above the middle to leave room for the legend.
const CX: f64 = SIZE / 2.0;
const CY: f64 = SIZE / 2.0 - 10.0;

/// Where `score` falls on the `index`-th of `count` axes (the first one points up).
fn point(index: usize, count: usize, score: f64) -> (f64, f64) {
    let angle = -PI / 2.0 + 2.0 * PI * index as f64 / count as f64;
    let r = RADIUS * score / 100.0;
    (CX + r * angle.cos(), CY + r * angle.sin())
}

fn polygon(points: &[(f64, f64)]) -> String {
    points
        .iter()
        .map(|(x, y)| format!("{},{}", num(*x), num(*y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The radar as SVG. Fewer than three axes still draw a triangle of rings; no series gives the
/// empty grid.
pub fn radar(chart: &RadarChart<'_>) -> String {
    let count = chart.axes.len().max(3);
    let mut svg = open("radar", SIZE, SIZE, chart.title, chart.description);

    svg.push_str(r##"<g class="grid" fill="none" stroke="#bbbbbb" stroke-width="1">"##);
    for ring in [25.0, 50.0, 75.0, 100.0] {
        let ring_points: Vec<(f64, f64)> = (0..count).map(|i| point(i, count, ring)).collect();
        let _ = write!(svg, r#"<polygon points="{}"/>"#, polygon(&ring_points));
    }
    for index in 0..chart.axes.len() {
        let (x, y) = point(index, count, 100.0);
        let _ = write!(
            svg,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}"/>"#,
            num(CX),
            num(CY),
            num(x),
            num(y)
        );
    }
    svg.push_str("</g>");

    svg.push_str(r##"<g class="axis" font-size="11" fill="#222222">"##);
    for (index, label) in chart.axes.iter().enumerate() {
        let (x, y) = point(index, count, 118.0);
        let anchor = if (x - CX).abs() < 20.0 {
            "middle"
        } else if x > CX {
            "start"
        } else {
            "end"
        };
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" text-anchor="{anchor}" dominant-baseline="middle">{}</text>"#,
            num(x),
            num(y),
            escape(label)
        );
    }
    svg.push_str("</g>");

    for (index, series) in chart.series.iter().enumerate() {
        let style = series_style(index);
        let placed: Vec<(f64, f64, f64)> = series
            .values
            .iter()
            .take(chart.axes.len())
            .enumerate()
            .filter_map(|(i, v)| {
                v.and_then(score).map(|s| {
                    let (x, y) = point(i, count, s);
                    (x, y, s)
                })
            })
            .collect();
        let _ = write!(svg, r#"<g class="series series-{index}">"#);
        if placed.len() > 1 {
            let corners: Vec<(f64, f64)> = placed.iter().map(|(x, y, _)| (*x, *y)).collect();
            // The first series is filled lightly; the others are outlines over it.
            let fill = if index == 0 {
                format!(r#"fill="{}" fill-opacity="0.2""#, style.colour)
            } else {
                r#"fill="none""#.to_owned()
            };
            let _ = write!(
                svg,
                r#"<polygon points="{}" {fill} stroke="{}" stroke-width="2.5"{}/>"#,
                polygon(&corners),
                style.colour,
                dash_attr(style)
            );
        }
        for (x, y, value) in placed {
            marker(&mut svg, style, x, y, Some(value), "point");
        }
        svg.push_str("</g>");
    }

    // Legend: a line sample with its dash pattern and marker, then the label.
    let rows = chart.series.len();
    svg.push_str(r##"<g class="legend" font-size="12" fill="#222222">"##);
    for (index, series) in chart.series.iter().enumerate() {
        let style = series_style(index);
        let y = SIZE - 16.0 - 20.0 * (rows - 1 - index) as f64;
        let _ = write!(
            svg,
            r#"<line x1="20" y1="{y}" x2="50" y2="{y}" stroke="{}" stroke-width="2.5"{}/>"#,
            style.colour,
            dash_attr(style),
            y = num(y)
        );
        marker(&mut svg, style, 35.0, y, None, "legend-marker");
        let _ = write!(
            svg,
            r#"<text x="58" y="{}" dominant-baseline="middle">{}</text>"#,
            num(y),
            escape(series.label)
        );
    }
    svg.push_str("</g></svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_axis_points_up() {
        let (x, y) = point(0, 4, 100.0);
        assert!((x - CX).abs() < 1e-9);
        assert!((y - (CY - RADIUS)).abs() < 1e-9);
        let (x, y) = point(1, 4, 50.0);
        assert!((x - (CX + RADIUS / 2.0)).abs() < 1e-9);
        assert!((y - CY).abs() < 1e-9);
    }
}
