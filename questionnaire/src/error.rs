//! Errors the user can act on: what is wrong, where (file:line:column), and what to do.
//!
//! Messages are bilingual [`Text`]s, shown in the interface's language by the binary.

use std::fmt;
use std::path::PathBuf;

use crate::lang::{Lang, Text};

/// A place in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file as the user named it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// One thing wrong with the user's input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where it is, when it is in a file.
    pub location: Option<Location>,
    /// What is wrong.
    pub message: Text,
    /// What to do about it.
    pub hint: Option<Text>,
}

impl Problem {
    /// A problem with no place in a file.
    pub fn new(message: Text) -> Problem {
        Problem {
            location: None,
            message,
            hint: None,
        }
    }

    /// A problem at a place in a file.
    pub fn at(location: Location, message: Text) -> Problem {
        Problem {
            location: Some(location),
            message,
            hint: None,
        }
    }

    /// Adds what to do.
    pub fn hint(mut self, hint: Text) -> Problem {
        self.hint = Some(hint);
        self
    }

    /// The problem as one or two lines in `lang`: `file:line:col: message` and the hint.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        if let Some(location) = &self.location {
            out.push_str(&format!("{location}: "));
        }
        out.push_str(self.message.get(lang));
        if let Some(hint) = &self.hint {
            out.push_str(&format!(
                "\n  {} {}",
                i18n::t!(lang, "file-hint"),
                hint.get(lang)
            ));
        }
        out
    }
}

/// Everything that can go wrong in the questionnaire crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The user's input (a catalog, a session, an argument) is wrong; nothing was written.
    #[error("{}", render_all(.0, Lang::En))]
    Invalid(Vec<Problem>),
    /// A file could not be written.
    #[error("{}", render_write(.path, .source, Lang::En))]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

impl Error {
    /// One problem as an error.
    pub fn invalid(problem: Problem) -> Error {
        Error::Invalid(vec![problem])
    }

    /// The error in `lang`, one problem per paragraph.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Error::Invalid(problems) => render_all(problems, lang),
            Error::Write { path, source } => render_write(path, source, lang),
        }
    }
}

/// A file that could not be written, in `lang`.
fn render_write(path: &std::path::Path, source: &std::io::Error, lang: Lang) -> String {
    let path = path.display().to_string();
    let why = crate::lang::io_reason(source).get(lang).to_owned();
    i18n::t!(lang, "file-cannot-write", path = path, why = why)
}

fn render_all(problems: &[Problem], lang: Lang) -> String {
    problems
        .iter()
        .map(|problem| problem.render(lang))
        .collect::<Vec<_>>()
        .join("\n")
}
