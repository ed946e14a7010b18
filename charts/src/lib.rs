//! posture's charts, drawn as SVG text: a line chart (a score over time), a radar (the domains,
//! one or two series overlaid) and a box plot (peer quartiles with the organisation's marker).
//!
//! The crate exists so that the reports and the collection server's dashboard draw the same
//! charts the same way. Every chart is pure and deterministic (the same input gives the same
//! bytes), escapes every text it writes, and carries its text alternative: `role="img"` and
//! `aria-labelledby` pointing at its `<title>` and `<desc>`. No `style` attribute nor `<style>`
//! element (the dashboard's Content-Security-Policy forbids inline styles): presentation
//! attributes and `class` names only. Series are told apart by their dash pattern and marker
//! shape, not by colour alone. Scores are on a 0..=100 scale; values outside are clamped and
//! non-finite ones are left out.
//!
//! The caller passes titles, descriptions and labels already in the page's language.

mod boxplot;
mod line;
mod radar;
mod svg;

pub use boxplot::{BoxPlot, BoxRow, box_plot};
pub use line::{LineChart, LinePoint, line_chart};
pub use radar::{RadarChart, RadarSeries, radar};
