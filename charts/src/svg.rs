//! What every chart shares: escaping, the opening `<svg>` with its text alternative, the number
//! format of coordinates, the 0..=100 scale and the look of each series (dash pattern, marker).

use std::fmt::Write as _;

/// Text made safe inside SVG text and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0: leave them out.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A coordinate with at most one decimal, without a trailing `.0` (stable and short).
pub(crate) fn num(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    // -0.0 prints as "-0": write 0 instead.
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// A score on the 0..=100 scale, or `None` when it is not a number.
pub(crate) fn score(value: f64) -> Option<f64> {
    value.is_finite().then(|| value.clamp(0.0, 100.0))
}

/// A short identifier derived from the chart's kind and text (FNV-1a), so that the `<title>` and
/// `<desc>` ids are stable across runs and differ between the charts of one page.
fn id(kind: &str, title: &str, description: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in kind
        .bytes()
        .chain([0])
        .chain(title.bytes())
        .chain([0])
        .chain(description.bytes())
    {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{kind}-{:08x}", hash >> 32)
}

/// The opening `<svg>` element with its `<title>` and `<desc>`; the caller closes it.
pub(crate) fn open(kind: &str, width: f64, height: f64, title: &str, description: &str) -> String {
    let id = id(kind, title, description);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title {id}-desc" class="chart chart-{kind}" font-family="sans-serif">"#,
        w = num(width),
        h = num(height),
    );
    let _ = write!(
        svg,
        r#"<title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc>"#,
        escape(title),
        escape(description)
    );
    svg
}

/// How a series looks: its colour, dash pattern and marker shape. Series 0 is solid with round
/// markers, series 1 dashed with square markers, and so on: never told apart by colour alone.
pub(crate) struct SeriesStyle {
    pub colour: &'static str,
    pub dash: Option<&'static str>,
    pub marker: Marker,
}

/// The shape drawn at each value of a series.
#[derive(Clone, Copy)]
pub(crate) enum Marker {
    Circle,
    Square,
    Triangle,
}

const STYLES: [SeriesStyle; 3] = [
    SeriesStyle {
        colour: "#1f5fa8",
        dash: None,
        marker: Marker::Circle,
    },
    SeriesStyle {
        colour: "#555555",
        dash: Some("6 4"),
        marker: Marker::Square,
    },
    SeriesStyle {
        colour: "#b35900",
        dash: Some("2 3"),
        marker: Marker::Triangle,
    },
];

pub(crate) fn series_style(index: usize) -> &'static SeriesStyle {
    &STYLES[index % STYLES.len()]
}

/// The `stroke-dasharray` attribute of a style, or nothing for a solid line.
pub(crate) fn dash_attr(style: &SeriesStyle) -> String {
    style
        .dash
        .map(|d| format!(r#" stroke-dasharray="{d}""#))
        .unwrap_or_default()
}

/// A marker of the style's shape centred on (x, y), with `data-value` holding the value drawn
/// (none for the legend's sample).
pub(crate) fn marker(
    svg: &mut String,
    style: &SeriesStyle,
    x: f64,
    y: f64,
    value: Option<f64>,
    class: &str,
) {
    let (x_s, y_s) = (num(x), num(y));
    let v = value
        .map(|v| format!(r#" data-value="{}""#, num(v)))
        .unwrap_or_default();
    let colour = style.colour;
    let _ = match style.marker {
        Marker::Circle => write!(
            svg,
            r#"<circle class="{class}" cx="{x_s}" cy="{y_s}" r="4" fill="{colour}"{v}/>"#
        ),
        Marker::Square => write!(
            svg,
            r#"<rect class="{class}" x="{}" y="{}" width="7" height="7" fill="{colour}"{v}/>"#,
            num(x - 3.5),
            num(y - 3.5)
        ),
        Marker::Triangle => write!(
            svg,
            r#"<polygon class="{class}" points="{},{} {},{} {},{}" fill="{colour}"{v}/>"#,
            num(x),
            num(y - 4.5),
            num(x + 4.5),
            num(y + 3.5),
            num(x - 4.5),
            num(y + 3.5)
        ),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape(r#"a<b>&"c"'d"#),
            "a&lt;b&gt;&amp;&quot;c&quot;&#39;d"
        );
        assert_eq!(escape("x\u{1}y"), "xy");
    }

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.34), "12.3");
        assert_eq!(num(-0.01), "0");
    }

    #[test]
    fn scores_are_clamped_and_nan_dropped() {
        assert_eq!(score(120.0), Some(100.0));
        assert_eq!(score(-3.0), Some(0.0));
        assert_eq!(score(f64::NAN), None);
    }

    #[test]
    fn ids_differ_between_charts() {
        assert_ne!(id("radar", "a", "b"), id("radar", "a", "c"));
        assert_eq!(id("radar", "a", "b"), id("radar", "a", "b"));
    }
}
