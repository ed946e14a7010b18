//! The document an organisation submits: a report JSON (`docs/report-json.md`), checked before
//! anything is stored. The server files what this module accepts and answers `400` with its
//! [`Invalid`] otherwise, so the checks here are the collection's schema: bounded size and depth,
//! UTF-8, a JSON object of a known `schema_version`, an `assessment_id`, the organisation and date,
//! and the overall and per-domain scores (0–100 or null) and levels (0–4 or null).
//!
//! [`validate`] never panics, whatever the bytes: it is the first thing that reads a request body.

use serde_json::{Map, Value};

use crate::store::DomainScore;

/// The largest document accepted, in bytes (the server refuses larger bodies before reading them).
pub const MAX_BYTES: usize = 1024 * 1024;

/// The deepest nesting of arrays and objects accepted (a report is about 6 deep).
pub const MAX_DEPTH: usize = 64;

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
pub fn validate(body: &[u8]) -> Result<Assessment, Invalid> {
    if body.len() > MAX_BYTES {
        return Err(Invalid::new(
            format!("the document is larger than {MAX_BYTES} bytes"),
            "",
        ));
    }
    let text = std::str::from_utf8(body)
        .map_err(|_| Invalid::new("the document is not UTF-8 text", ""))?;
    if depth(text.as_bytes()) > MAX_DEPTH {
        return Err(Invalid::new(
            format!("the document is nested more than {MAX_DEPTH} levels deep"),
            "",
        ));
    }
    let value: Value = serde_json::from_str(text).map_err(|error| {
        Invalid::new(
            format!(
                "malformed JSON at line {}, column {}",
                error.line(),
                error.column()
            ),
            "",
        )
    })?;
    let Value::Object(top) = &value else {
        return Err(Invalid::new("the document is not a JSON object", ""));
    };

    let version = field(top, "schema_version", "schema_version")?;
    match version.as_u64() {
        Some(version) if SCHEMA_VERSIONS.contains(&version) => {}
        Some(_) => {
            return Err(Invalid::new(
                "unknown schema version (this server reads version 1)",
                "schema_version",
            ));
        }
        None => {
            return Err(Invalid::new(
                "expected a positive integer",
                "schema_version",
            ));
        }
    }

    let assessment_id = string(top, "assessment_id", "assessment_id")?;
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

    let cover = object(top, "cover", "cover")?;
    let organisation = string(cover, "organisation", "cover.organisation")?;
    if organisation.trim().is_empty() || organisation.chars().count() > MAX_NAME {
        return Err(Invalid::new(
            format!("expected a name of 1 to {MAX_NAME} characters"),
            "cover.organisation",
        ));
    }
    let date = string(cover, "date", "cover.date")?;
    check_date(date, "cover.date")?;

    let overall = object(top, "overall", "overall")?;
    let score = score(overall, "overall.score")?;
    let level = level(overall, "overall.level")?;

    let Value::Array(rows) = field(top, "domains", "domains")? else {
        return Err(Invalid::new("expected an array", "domains"));
    };
    let mut domains = Vec::with_capacity(rows.len());
    for (index, row) in rows.iter().enumerate() {
        let path = format!("domains[{index}]");
        let Value::Object(row) = row else {
            return Err(Invalid::new("expected an object", path));
        };
        let id = string(row, "id", &format!("{path}.id"))?;
        if id.is_empty() || id.chars().count() > MAX_NAME {
            return Err(Invalid::new(
                format!("expected an id of 1 to {MAX_NAME} characters"),
                format!("{path}.id"),
            ));
        }
        domains.push(DomainScore {
            id: id.to_owned(),
            score: self::score(row, &format!("{path}.score"))?,
            level: self::level(row, &format!("{path}.level"))?,
        });
    }

    let next_assessment = match top.get("next_assessment") {
        None | Some(Value::Null) => None,
        Some(Value::String(next)) => {
            check_date(next, "next_assessment")?;
            Some(next.clone())
        }
        Some(_) => {
            return Err(Invalid::new(
                "expected a date, YYYY-MM-DD",
                "next_assessment",
            ));
        }
    };

    Ok(Assessment {
        assessment_id: assessment_id.to_owned(),
        organisation: organisation.to_owned(),
        date: date.to_owned(),
        score,
        level,
        domains,
        next_assessment,
        json: text.to_owned(),
    })
}

/// The deepest nesting of arrays and objects in `bytes`, brackets inside strings left out. Counts
/// before parsing, so that no parser recursion depends on the document.
fn depth(bytes: &[u8]) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for &byte in bytes {
        if in_string {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

fn field<'a>(object: &'a Map<String, Value>, key: &str, path: &str) -> Result<&'a Value, Invalid> {
    object
        .get(key)
        .ok_or_else(|| Invalid::new("missing field", path))
}

fn object<'a>(
    object: &'a Map<String, Value>,
    key: &str,
    path: &str,
) -> Result<&'a Map<String, Value>, Invalid> {
    match field(object, key, path)? {
        Value::Object(inner) => Ok(inner),
        _ => Err(Invalid::new("expected an object", path)),
    }
}

fn string<'a>(object: &'a Map<String, Value>, key: &str, path: &str) -> Result<&'a str, Invalid> {
    match field(object, key, path)? {
        Value::String(text) => Ok(text),
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
fn score(object: &Map<String, Value>, path: &str) -> Result<Option<f64>, Invalid> {
    let key = path.rsplit('.').next().unwrap_or(path);
    match field(object, key, path)? {
        Value::Null => Ok(None),
        Value::Number(number) => match number.as_f64() {
            Some(score) if score.is_finite() && (0.0..=100.0).contains(&score) => Ok(Some(score)),
            _ => Err(Invalid::new("expected a score from 0 to 100", path)),
        },
        _ => Err(Invalid::new(
            "expected a number from 0 to 100, or null",
            path,
        )),
    }
}

/// A level: an integer from 0 to 4, or null.
fn level(object: &Map<String, Value>, path: &str) -> Result<Option<u8>, Invalid> {
    let key = path.rsplit('.').next().unwrap_or(path);
    match field(object, key, path)? {
        Value::Null => Ok(None),
        Value::Number(number) => match number.as_u64() {
            Some(level @ 0..=4) => Ok(u8::try_from(level).ok()),
            _ => Err(Invalid::new("expected a level from 0 to 4", path)),
        },
        _ => Err(Invalid::new(
            "expected an integer from 0 to 4, or null",
            path,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn depth_ignores_brackets_in_strings() {
        assert_eq!(depth(br#"{"a": "[[[{{{", "b": [[1]]}"#), 3);
        assert_eq!(depth(br#"{"a": "\"[["}"#), 1);
        assert_eq!(depth(b"]]]]"), 0);
    }
}
