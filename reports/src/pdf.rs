//! The report as an A4 PDF, typeset in-process by typst (no browser, no external program).
//!
//! The template `templates/report.typ` reads the report model as JSON from a virtual file,
//! `report.json` (the same JSON as the JSON format), and what the model leaves to renderers from
//! `view.json`: the labels, the method annex split into runs of emphasis, the machines' fact values
//! as text, the meeting's duration as the cover writes it. Fonts are DejaVu Sans, embedded in the binary (`fonts/`, with their licence): nothing
//! is read from the system, so the same report gives the same PDF on every machine.

use std::sync::LazyLock;

use serde_json::json;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt as _, World, WorldExt as _};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use crate::Error;
use crate::labels::labels;
use crate::method::{Style, emphasis};
use crate::model::Report;

const TEMPLATE: &str = include_str!("../templates/report.typ");

/// DejaVu Sans, the only family the template uses.
const FONTS: [&[u8]; 4] = [
    include_bytes!("../fonts/DejaVuSans.ttf"),
    include_bytes!("../fonts/DejaVuSans-Bold.ttf"),
    include_bytes!("../fonts/DejaVuSans-Oblique.ttf"),
    include_bytes!("../fonts/DejaVuSans-BoldOblique.ttf"),
];

/// What every compilation shares: the standard library and the fonts, made once.
struct Assets {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static ASSETS: LazyLock<Assets> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONTS
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    Assets {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

/// The files the template sees: itself, `report.json` and `view.json`; nothing else exists.
struct ReportWorld {
    main: Source,
    files: [(FileId, Bytes); 2],
}

fn file_id(path: &str) -> Result<FileId, Error> {
    let vpath = VirtualPath::new(path).map_err(|e| Error::Pdf(format!("{path}: {e}")))?;
    Ok(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &ASSETS.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &ASSETS.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.text().to_owned()));
        }
        self.files
            .iter()
            .find(|(file, _)| *file == id)
            .map(|(_, bytes)| bytes.clone())
            .ok_or_else(|| FileError::NotFound(id.vpath().get_without_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        ASSETS.fonts.get(index).cloned()
    }

    /// No clock: the report carries its own dates, and the PDF must not depend on the day.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// What the template needs beyond the model, in the report's language.
fn view(report: &Report) -> serde_json::Value {
    let method: Vec<Vec<serde_json::Value>> = report
        .method
        .iter()
        .map(|paragraph| {
            emphasis(paragraph)
                .into_iter()
                .map(|(style, text)| {
                    let style = match style {
                        Style::Plain => "plain",
                        Style::Bold => "bold",
                        Style::Italic => "italic",
                    };
                    json!({ "style": style, "text": text })
                })
                .collect()
        })
        .collect();
    let duration = crate::text::duration(&report.cover, report.lang);
    let details = crate::model::fact_details(report);
    let peers = report.benchmark.as_ref().map(|benchmark| {
        use crate::benchmark::{Position, chart, position_text, summary};
        let lang = report.lang;
        json!({
            "summary": summary(benchmark, lang),
            "chart": chart(benchmark, lang),
            "positions": {
                "below": position_text(Some(Position::Below), lang),
                "middle": position_text(Some(Position::Middle), lang),
                "above": position_text(Some(Position::Above), lang),
            },
        })
    });
    json!({
        "peers": peers,
        "t": labels(report.lang),
        "method": method,
        "duration": duration,
        "details": details,
    })
}

/// The report's time (`generated_at`, RFC 3339 in UTC) as the PDF's creation date.
fn timestamp(report: &Report) -> Option<Timestamp> {
    let time = chrono::DateTime::parse_from_rfc3339(&report.generated_at).ok()?;
    let time = time.with_timezone(&chrono::Utc);
    use chrono::{Datelike as _, Timelike as _};
    let datetime = Datetime::from_ymd_hms(
        time.year(),
        u8::try_from(time.month()).ok()?,
        u8::try_from(time.day()).ok()?,
        u8::try_from(time.hour()).ok()?,
        u8::try_from(time.minute()).ok()?,
        u8::try_from(time.second()).ok()?,
    )?;
    Some(Timestamp::new_utc(datetime))
}

/// A diagnostic as one line: the message, where in the template, and typst's hints.
fn describe(world: &ReportWorld, diagnostic: &SourceDiagnostic) -> String {
    let mut text = diagnostic.message.to_string();
    if let Some(id) = diagnostic.span.id()
        && let Some(range) = world.range(diagnostic.span)
        && let Ok(source) = world.source(id)
        && let Some((line, column)) = source.lines().byte_to_line_column(range.start)
    {
        text.push_str(&format!(
            " ({}:{}:{})",
            id.vpath().get_without_slash(),
            line + 1,
            column + 1
        ));
    }
    for hint in &diagnostic.hints {
        text.push_str("; hint: ");
        text.push_str(&hint.v);
    }
    text
}

fn join(world: &ReportWorld, diagnostics: &[SourceDiagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| describe(world, d))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The report as PDF bytes.
pub fn render(report: &Report) -> Result<Vec<u8>, Error> {
    let world = ReportWorld {
        main: Source::new(file_id("report.typ")?, TEMPLATE.to_owned()),
        files: [
            (
                file_id("report.json")?,
                Bytes::new(serde_json::to_vec(report)?),
            ),
            (
                file_id("view.json")?,
                Bytes::new(serde_json::to_vec(&view(report))?),
            ),
        ],
    };
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| Error::Pdf(join(&world, &errors)))?;
    let options = PdfOptions {
        ident: Smart::Custom(format!(
            "posture/{}/{}/{}",
            report.cover.organisation, report.cover.date, report.generated_at
        )),
        creator: Smart::Custom(Some("posture".to_owned())),
        timestamp: timestamp(report),
        ..PdfOptions::default()
    };
    let pdf =
        typst_pdf::pdf(&document, &options).map_err(|errors| Error::Pdf(join(&world, &errors)));
    // Keep a long-lived process (the TUI, tests) from holding every past compilation.
    typst::comemo::evict(0);
    pdf
}
