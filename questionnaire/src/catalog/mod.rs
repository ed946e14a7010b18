//! The control catalog: loading (bundled or from a path), hashing and validation.
//!
//! A catalog is one TOML file, or a directory with `catalog.toml` and other `*.toml` files of
//! controls (see `docs/catalog-format.md`). The bundled catalog is the directory
//! `questionnaire/catalog/`, compiled into the binary.

mod check;
mod model;
mod raw;

use std::path::Path;

use sha2::{Digest as _, Sha256};

pub use check::RESERVED_CHOICES;
pub use model::{
    AnswerOption, Catalog, CatalogSource, Change, ChangeKind, Condition, Control, Document, Domain,
    Profile, Recommendation, Upgrade,
};

use crate::error::{Error, Problem};
use crate::source::SourceFile;
use check::PlacedControl;
use raw::{RawControlsFile, RawHeader};

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_catalog.rs"));
}

/// The name of the header file in a catalog directory.
pub const HEADER_FILE: &str = "catalog.toml";

/// Whether loading a catalog also looks for what `catalog check` warns about (French
/// typography, over-long texts…): only `catalog check` needs it, so every other command skips
/// the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lint {
    /// Collect the warnings into [`Catalog::warnings`].
    Warnings,
    /// Leave [`Catalog::warnings`] empty.
    Skip,
}

/// The catalog bundled in the binary.
pub fn bundled() -> Result<Catalog, Error> {
    bundled_with(Lint::Skip)
}

/// The bundled catalog, with its warnings when `lint` asks for them.
pub fn bundled_with(lint: Lint) -> Result<Catalog, Error> {
    let files = bundled::FILES
        .iter()
        .map(|(name, text)| SourceFile::new(format!("<catalogue intégré>/{name}"), *text))
        .collect();
    load_sources(files, CatalogSource::Bundled, lint)
}

/// The catalog at `path`: a TOML file, or a directory holding `catalog.toml`.
pub fn load(path: &Path) -> Result<Catalog, Error> {
    load_with(path, Lint::Skip)
}

/// The catalog at `path`, with its warnings when `lint` asks for them.
pub fn load_with(path: &Path, lint: Lint) -> Result<Catalog, Error> {
    if path.is_dir() {
        return load_sources(
            read_directory(path)?,
            CatalogSource::Path(path.to_owned()),
            lint,
        );
    }
    let loaded = load_sources(
        vec![read_file(path)?],
        CatalogSource::Path(path.to_owned()),
        lint,
    );
    match loaded {
        Err(Error::Invalid(mut problems)) if is_directory_header(path) => {
            let dir = crate::fsutil::parent_dir(path);
            problems.push(
                Problem::new(i18n::text!(
                    "catalog-header-given",
                    path = path.display().to_string()
                ))
                .hint(i18n::text!(
                    "catalog-header-given-hint",
                    dir = dir.display().to_string()
                )),
            );
            Err(Error::Invalid(problems))
        }
        other => other,
    }
}

/// Whether `path` is the `catalog.toml` of a directory whose other TOML files hold controls.
fn is_directory_header(path: &Path) -> bool {
    path.file_name().is_some_and(|name| name == HEADER_FILE)
        && part_files(crate::fsutil::parent_dir(path)).is_ok_and(|parts| {
            parts.iter().any(|part| {
                std::fs::read_to_string(part).is_ok_and(|text| text.contains("[[controls]]"))
            })
        })
}

/// The catalog at `path`, or the bundled one.
pub fn load_or_bundled(path: Option<&Path>) -> Result<Catalog, Error> {
    load_or_bundled_with(path, Lint::Skip)
}

/// The catalog at `path`, or the bundled one, with its warnings when `lint` asks for them.
pub fn load_or_bundled_with(path: Option<&Path>, lint: Lint) -> Result<Catalog, Error> {
    match path {
        Some(path) => load_with(path, lint),
        None => bundled_with(lint),
    }
}

fn read_file(path: &Path) -> Result<SourceFile, Error> {
    std::fs::read_to_string(path)
        .map(|text| SourceFile::new(path.display().to_string(), text))
        .map_err(|error| {
            let why = crate::lang::io_reason(&error);
            Error::invalid(
                Problem::new(i18n::text!(
                    "catalog-unreadable",
                    path = path.display().to_string(),
                    why = why
                ))
                .hint(i18n::text!("catalog-unreadable-hint")),
            )
        })
}

fn read_directory(dir: &Path) -> Result<Vec<SourceFile>, Error> {
    let header = dir.join(HEADER_FILE);
    if !header.is_file() {
        return Err(Error::invalid(
            Problem::new(i18n::text!(
                "catalog-no-header",
                dir = dir.display().to_string(),
                header = HEADER_FILE
            ))
            .hint(i18n::text!("catalog-no-header-hint")),
        ));
    }
    let others = part_files(dir).map_err(|error| {
        let why = crate::lang::io_reason(&error);
        Error::invalid(Problem::new(i18n::text!(
            "catalog-dir-unreadable",
            dir = dir.display().to_string(),
            why = why
        )))
    })?;
    std::iter::once(header)
        .chain(others)
        .map(|path| read_file(&path))
        .collect()
}

/// The TOML files of a catalog directory other than its header, in name order.
fn part_files(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut parts: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension().is_some_and(|ext| ext == "toml")
                && path.file_name().is_some_and(|name| name != HEADER_FILE)
        })
        .collect();
    parts.sort();
    Ok(parts)
}

/// The hash recorded in sessions: the file names and contents, in load order.
fn hash(files: &[SourceFile]) -> String {
    let mut hasher = Sha256::new();
    for file in files {
        let name = file.name.rsplit(['/', '\\']).next().unwrap_or(&file.name);
        hasher.update(name.as_bytes());
        hasher.update([0]);
        hasher.update(file.text.as_bytes());
        hasher.update([0]);
    }
    format!("sha256:{:x}", hasher.finalize())
}

fn syntax_problem(file: &SourceFile, error: &toml::de::Error) -> Problem {
    let location = match error.span() {
        Some(span) => file.location(span),
        None => file.start(),
    };
    let why = crate::lang::parse_reason(error.message());
    Problem::at(location, i18n::text!("catalog-invalid-toml", why = why))
        .hint(i18n::text!("catalog-invalid-toml-hint"))
}

fn load_sources(
    files: Vec<SourceFile>,
    source: CatalogSource,
    lint: Lint,
) -> Result<Catalog, Error> {
    let hash = hash(&files);
    let Some((header_file, control_files)) = files.split_first() else {
        return Err(Error::invalid(Problem::new(i18n::text!("catalog-empty"))));
    };
    let mut problems = Vec::new();
    let header = match toml::from_str::<RawHeader>(&header_file.text) {
        Ok(header) => Some(header),
        Err(error) => {
            problems.push(syntax_problem(header_file, &error));
            None
        }
    };
    let mut parsed = Vec::new();
    for file in control_files {
        match toml::from_str::<RawControlsFile>(&file.text) {
            Ok(controls) => parsed.push((file, controls)),
            Err(error) => problems.push(syntax_problem(file, &error)),
        }
    }
    let Some(header) = header else {
        return Err(Error::Invalid(problems));
    };
    let mut placed = Vec::new();
    for control in &header.controls {
        placed.push((header_file, control));
    }
    for (file, controls) in &parsed {
        for control in &controls.controls {
            placed.push((*file, control));
        }
    }
    let placed: Vec<PlacedControl<'_>> = placed
        .into_iter()
        .enumerate()
        .map(|(order, (file, raw))| PlacedControl { file, raw, order })
        .collect();
    match check::check(header_file, &header, &placed, hash, source, lint) {
        Ok(catalog) if problems.is_empty() => Ok(catalog),
        Ok(_) => Err(Error::Invalid(problems)),
        Err(mut found) => {
            problems.append(&mut found);
            Err(Error::Invalid(problems))
        }
    }
}

#[cfg(test)]
mod tests;
