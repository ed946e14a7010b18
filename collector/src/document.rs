//! The document an organisation submits: a report JSON (`docs/report-json.md`), checked before
//! anything is stored. The server files what this module accepts and answers `400` with its
//! [`Invalid`] otherwise, so the checks here are the collection's schema: bounded size and depth,
//! UTF-8, a JSON object of a known `schema_version`, an `assessment_id`, the organisation and date,
//! and the overall and per-domain scores (0–100 or null) and levels (0–4 or null).
//!
//! [`validate`] never panics, whatever the bytes: it is the first thing that reads a request body.

mod shape;

use std::borrow::Cow;

use shape::{Scalar, Shape};

use crate::store::DomainScore;

/// The largest document accepted, in bytes (the server refuses larger bodies before reading them).
pub const MAX_BYTES: usize = 1024 * 1024;

/// The deepest nesting of arrays and objects accepted (a report is about 6 deep): serde_json's
/// recursion limit, which the parse counts as it goes, so that its stack is bounded whatever the
/// document. (A count of the brackets before parsing cost a sixth of a submission's CPU.)
pub const MAX_DEPTH: usize = 127;

/// The `schema_version`s of the report JSON this collector understands.
pub const SCHEMA_VERSIONS: [u64; 1] = [1];

/// The longest `assessment_id` accepted (a UUID is 36 characters).
const MAX_ID: usize = 128;

/// The longest organisation name or domain id accepted, in characters.
const MAX_NAME: usize = 500;

/// An accepted document: what the collection stores of it, and the text itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The assessment's stable id (`assessment_id`).
    pub assessment_id: String,
    /// The organisation as written in the document (`cover.organisation`).
    pub organisation: String,
    /// The assessment's date, `YYYY-MM-DD` (`cover.date`).
    pub date: String,
    /// The overall score, 0–100 (`overall.score`).
    pub score: Option<f64>,
    /// The overall level, 0–4 (`overall.level`).
    pub level: Option<u8>,
    /// Each domain's score and level, in the document's order.
    pub domains: Vec<DomainScore>,
    /// The date of the next assessment, `YYYY-MM-DD`, when the document gives one.
    pub next_assessment: Option<String>,
    /// The submitted text, exactly.
    pub json: String,
}

/// Why a document is refused: what is wrong (English, never a piece of the document) and where,
/// as a JSON path (`domains[3].score`; empty for the document as a whole).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Invalid {
    /// What is wrong.
    pub error: String,
    /// Where: a JSON path, or empty.
    pub field: String,
}

impl Invalid {
    fn new(error: impl Into<String>, field: impl Into<String>) -> Invalid {
        Invalid {
            error: error.into(),
            field: field.into(),
        }
    }
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.error)
        } else {
            write!(f, "{}: {}", self.field, self.error)
        }
    }
}

impl std::error::Error for Invalid {}

/// Checks a submitted body and returns what the collection keeps of it. Never panics.
///
/// The document is read once, as a stream ([`shape`]): the members the checks need are kept
/// (borrowed from the text where they hold no escape), every other value is checked to be JSON
/// (numbers in range, strings well escaped) and dropped without building a tree. The checks then
/// run in a fixed order, so that the error is the same whatever the order of the members, and a
/// document that is not JSON is refused as such before any of them.
pub fn validate(body: &[u8]) -> Result<Assessment, Invalid> {
    check_size(body)?;
    let text = std::str::from_utf8(body).map_err(|_| not_utf8())?;
    let mut assessment = read(text)?;
    assessment.json = text.to_owned();
    Ok(assessment)
}

/// [`validate`], keeping `body` as the [`Assessment`]'s text instead of copying it.
pub fn validate_owned(body: Vec<u8>) -> Result<Assessment, Invalid> {
    check_size(&body)?;
    let text = String::from_utf8(body).map_err(|_| not_utf8())?;
    let mut assessment = read(&text)?;
    assessment.json = text;
    Ok(assessment)
}

fn check_size(body: &[u8]) -> Result<(), Invalid> {
    if body.len() > MAX_BYTES {
        return Err(Invalid::new(
            format!("the document is larger than {MAX_BYTES} bytes"),
            "",
        ));
    }
    Ok(())
}

fn not_utf8() -> Invalid {
    Invalid::new("the document is not UTF-8 text", "")
}

/// The checks of [`validate`] on a UTF-8 text; the [`Assessment`]'s `json` is left empty.
fn read(text: &str) -> Result<Assessment, Invalid> {
    let top: Shape<shape::Top<'_>> = serde_json::from_str(text).map_err(|error| {
        // serde_json's own bound on nesting, which keeps the parse's stack bounded.
        if error.to_string().starts_with("recursion limit exceeded") {
            return Invalid::new(
                format!("the document is nested more than {MAX_DEPTH} levels deep"),
                "",
            );
        }
        Invalid::new(
            format!(
                "malformed JSON at line {}, column {}",
                error.line(),
                error.column()
            ),
            "",
        )
    })?;
    let Shape::Is(top) = top else {
        return Err(Invalid::new("the document is not a JSON object", ""));
    };

    match present(top.schema_version, "schema_version")? {
        Scalar::Unsigned(version) if SCHEMA_VERSIONS.contains(&version) => {}
        Scalar::Unsigned(_) => {
            return Err(Invalid::new(
                "unknown schema version (this server reads version 1)",
                "schema_version",
            ));
        }
        _ => {
            return Err(Invalid::new(
                "expected a positive integer",
                "schema_version",
            ));
        }
    }

    let assessment_id = string(top.assessment_id, "assessment_id")?;
    if assessment_id.is_empty()
        || assessment_id.len() > MAX_ID
        || !assessment_id
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.'))
    {
        return Err(Invalid::new(
            format!("expected 1 to {MAX_ID} letters, digits, '-', '_' or '.' (a UUID)"),
            "assessment_id",
        ));
    }

    let cover = object(top.cover, "cover")?;
    let organisation = string(cover.organisation, "cover.organisation")?;
    if organisation.trim().is_empty() || organisation.chars().count() > MAX_NAME {
        return Err(Invalid::new(
            format!("expected a name of 1 to {MAX_NAME} characters"),
            "cover.organisation",
        ));
    }
    let date = string(cover.date, "cover.date")?;
    check_date(&date, "cover.date")?;

    let overall = object(top.overall, "overall")?;
    let score = score(overall.score, "overall.score")?;
    let level = level(overall.level, "overall.level")?;

    let domains = match top.domains {
        None => return Err(Invalid::new("missing field", "domains")),
        Some(Shape::Not) => return Err(Invalid::new("expected an array", "domains")),
        Some(Shape::Is(domains)) => domains.into_rows()?,
    };

    let next_assessment = match top.next_assessment {
        None | Some(Scalar::Null) => None,
        Some(Scalar::Text(next)) => {
            check_date(&next, "next_assessment")?;
            Some(next.into_owned())
        }
        Some(_) => {
            return Err(Invalid::new(
                "expected a date, YYYY-MM-DD",
                "next_assessment",
            ));
        }
    };

    Ok(Assessment {
        assessment_id: assessment_id.into_owned(),
        organisation: organisation.into_owned(),
        date: date.into_owned(),
        score,
        level,
        domains,
        next_assessment,
        json: String::new(),
    })
}

/// One element of `domains`, checked as it is read: its id, score and level (in that order).
fn domain(row: Shape<shape::Row<'_>>, index: usize) -> Result<DomainScore, Invalid> {
    let path = || format!("domains[{index}]");
    let Shape::Is(row) = row else {
        return Err(Invalid::new("expected an object", path()));
    };
    let id = string(row.id, &format!("{}.id", path()))?;
    if id.is_empty() || id.chars().count() > MAX_NAME {
        return Err(Invalid::new(
            format!("expected an id of 1 to {MAX_NAME} characters"),
            format!("{}.id", path()),
        ));
    }
    Ok(DomainScore {
        id: id.into_owned(),
        score: score(row.score, &format!("{}.score", path()))?,
        level: level(row.level, &format!("{}.level", path()))?,
    })
}

fn present<'a>(value: Option<Scalar<'a>>, path: &str) -> Result<Scalar<'a>, Invalid> {
    value.ok_or_else(|| Invalid::new("missing field", path))
}

fn object<T>(value: Option<Shape<T>>, path: &str) -> Result<T, Invalid> {
    match value {
        None => Err(Invalid::new("missing field", path)),
        Some(Shape::Is(inner)) => Ok(inner),
        Some(Shape::Not) => Err(Invalid::new("expected an object", path)),
    }
}

fn string<'a>(value: Option<Scalar<'a>>, path: &str) -> Result<Cow<'a, str>, Invalid> {
    match present(value, path)? {
        Scalar::Text(text) => Ok(text),
        _ => Err(Invalid::new("expected a string", path)),
    }
}

fn check_date(date: &str, path: &str) -> Result<(), Invalid> {
    if date.len() == 10 && chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok() {
        Ok(())
    } else {
        Err(Invalid::new("expected a date, YYYY-MM-DD", path))
    }
}

/// A score: a number from 0 to 100, or null.
fn score(value: Option<Scalar<'_>>, path: &str) -> Result<Option<f64>, Invalid> {
    let number = match present(value, path)? {
        Scalar::Null => return Ok(None),
        Scalar::Unsigned(number) => number as f64,
        Scalar::Signed(number) => number as f64,
        Scalar::Float(number) => number,
        _ => {
            return Err(Invalid::new(
                "expected a number from 0 to 100, or null",
                path,
            ));
        }
    };
    if number.is_finite() && (0.0..=100.0).contains(&number) {
        Ok(Some(number))
    } else {
        Err(Invalid::new("expected a score from 0 to 100", path))
    }
}

/// A level: an integer from 0 to 4, or null.
fn level(value: Option<Scalar<'_>>, path: &str) -> Result<Option<u8>, Invalid> {
    match present(value, path)? {
        Scalar::Null => Ok(None),
        Scalar::Unsigned(level @ 0..=4) => Ok(u8::try_from(level).ok()),
        Scalar::Unsigned(_) | Scalar::Signed(_) | Scalar::Float(_) => {
            Err(Invalid::new("expected a level from 0 to 4", path))
        }
        _ => Err(Invalid::new(
            "expected an integer from 0 to 4, or null",
            path,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document nested [`MAX_DEPTH`] levels deep is read (and refused for what it is: not
    /// an object); one level more is refused for its nesting, however it is nested.
    #[test]
    fn nesting_is_bounded_by_the_parser_and_said_so() {
        let nested = |levels: usize, open: &str, close: &str| {
            format!("{}1{}", open.repeat(levels), close.repeat(levels))
        };
        let deepest = read(&nested(MAX_DEPTH, "[", "]")).unwrap_err();
        assert_eq!(deepest.error, "the document is not a JSON object");
        for (open, close) in [("[", "]"), ("{\"a\":", "}"), ("[{\"b\":", "}]")] {
            let levels = if open.starts_with("[{") {
                MAX_DEPTH / 2 + 1
            } else {
                MAX_DEPTH + 1
            };
            let too_deep = read(&nested(levels, open, close)).unwrap_err();
            assert_eq!(
                too_deep.error,
                format!("the document is nested more than {MAX_DEPTH} levels deep"),
                "{open}"
            );
        }
        // Deep inside a member the checks know, and inside one they skip.
        let inside = format!(
            "{{\"schema_version\": 1, \"x\": {}}}",
            nested(MAX_DEPTH, "[", "]")
        );
        assert!(
            read(&inside)
                .unwrap_err()
                .error
                .contains("nested more than")
        );
        let skipped = format!("{{\"x\": {}}}", nested(MAX_DEPTH - 1, "[", "]"));
        assert!(!read(&skipped).unwrap_err().error.contains("nested"));
    }
}
