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
use crate::lang::Text;
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
                Problem::new(Text::new(
                    format!(
                        "{} est l'en-tête d'un catalogue en dossier : ses contrôles sont dans les autres fichiers du dossier",
                        path.display()
                    ),
                    format!(
                        "{} is the header of a catalog directory: its controls are in the directory's other files",
                        path.display()
                    ),
                ))
                .hint(Text::new(
                    format!("donnez le dossier : posture catalog check {}", dir.display()),
                    format!("give the directory: posture catalog check {}", dir.display()),
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
                Problem::new(Text::new(
                    format!(
                        "impossible de lire le catalogue {} : {}",
                        path.display(),
                        why.fr
                    ),
                    format!("cannot read the catalog {}: {}", path.display(), why.en),
                ))
                .hint(Text::new(
                    "donnez le chemin d'un fichier TOML ou d'un dossier contenant catalog.toml",
                    "give the path of a TOML file or of a directory holding catalog.toml",
                )),
            )
        })
}

fn read_directory(dir: &Path) -> Result<Vec<SourceFile>, Error> {
    let header = dir.join(HEADER_FILE);
    if !header.is_file() {
        return Err(Error::invalid(
            Problem::new(Text::new(
                format!(
                    "le dossier {} ne contient pas de {HEADER_FILE}",
                    dir.display()
                ),
                format!("the directory {} holds no {HEADER_FILE}", dir.display()),
            ))
            .hint(Text::new(
                "un catalogue en dossier a un en-tête catalog.toml (voir docs/catalog-format.md)",
                "a catalog directory has a catalog.toml header (see docs/catalog-format.md)",
            )),
        ));
    }
    let others = part_files(dir).map_err(|error| {
        let why = crate::lang::io_reason(&error);
        Error::invalid(Problem::new(Text::new(
            format!(
                "impossible de lire le dossier {} : {}",
                dir.display(),
                why.fr
            ),
            format!("cannot read the directory {}: {}", dir.display(), why.en),
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
    Problem::at(
        location,
        Text::new(
            format!("TOML invalide : {}", why.fr),
            format!("invalid TOML: {}", why.en),
        ),
    )
    .hint(Text::new(
        "corrigez le fichier ; le format est décrit dans docs/catalog-format.md",
        "fix the file; the format is described in docs/catalog-format.md",
    ))
}

fn load_sources(
    files: Vec<SourceFile>,
    source: CatalogSource,
    lint: Lint,
) -> Result<Catalog, Error> {
    let hash = hash(&files);
    let Some((header_file, control_files)) = files.split_first() else {
        return Err(Error::invalid(Problem::new(Text::new(
            "le catalogue est vide",
            "the catalog is empty",
        ))));
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
