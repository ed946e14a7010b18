//! The Fluent catalogs: the bundled French and English, and catalogs read at run time.

use std::borrow::Cow;
use std::path::Path;
use std::sync::LazyLock;

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed::{I18nAssets, LanguageLoader};
use rust_embed::RustEmbed;
use unic_langid::LanguageIdentifier;

use crate::Lang;

/// The Fluent domain of the loader. A language is a directory of Fluent files,
/// `locales/LANG/*.ftl`, all loaded together: `posture.ftl` holds the words every part shares
/// (statuses, levels, days), and each crate that writes messages has its own file, named by the
/// `domain` of its `i18n.toml` (`agent.ftl`, `questionnaire.ftl`, `reports.ftl`, `cli.ftl`), so
/// that `t!` checks a crate's ids against its own file.
const DOMAIN: &str = "posture";

/// The bundled languages, the reference first.
pub const LANGUAGES: [Lang; 2] = [Lang::Fr, Lang::En];

#[derive(RustEmbed)]
#[folder = "locales/"]
struct Locales;

static FRENCH: LazyLock<FluentLanguageLoader> = LazyLock::new(|| bundled(Lang::Fr));
static ENGLISH: LazyLock<FluentLanguageLoader> = LazyLock::new(|| bundled(Lang::En));

fn language(code: &str) -> Result<LanguageIdentifier, Error> {
    code.parse()
        .map_err(|_| Error(format!("\"{code}\" is not a language code")))
}

#[allow(clippy::expect_used)]
fn bundled(lang: Lang) -> FluentLanguageLoader {
    let french = language("fr").expect("fr is a language code");
    let wanted = language(lang.code()).expect("the bundled languages have codes");
    let loader = FluentLanguageLoader::new(DOMAIN, french);
    loader
        .load_languages(&Bundled, &[wanted])
        .expect("the bundled catalogs are checked by the build (t!) and the tests");
    loader.set_use_isolating(false);
    loader
}

/// The bundled messages in `lang` (French where an English message would be missing, which the
/// tests forbid).
pub fn messages(lang: Lang) -> &'static FluentLanguageLoader {
    match lang {
        Lang::Fr => &FRENCH,
        Lang::En => &ENGLISH,
    }
}

/// A catalog could not be read: what, in English (for the tests and tools that load catalogs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(pub String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// A catalog in a language that is not bundled, read at run time: a language is a file.
#[derive(Debug)]
pub struct Messages {
    loader: FluentLanguageLoader,
    nearest: Lang,
}

impl Messages {
    /// The catalog of language `code` (`de`, `pt-BR`…) from Fluent text.
    pub fn from_str(code: &str, ftl: &str) -> Result<Messages, Error> {
        Messages::from_texts(code, vec![ftl.to_owned()])
    }

    /// The catalog of language `code` from several Fluent texts, read as one.
    fn from_texts(code: &str, texts: Vec<String>) -> Result<Messages, Error> {
        let id = language(code)?;
        let nearest = Lang::parse(id.language.as_str()).unwrap_or_default();
        let assets = Files {
            path: format!("{id}/{DOMAIN}.ftl"),
            texts,
        };
        let loader = FluentLanguageLoader::new(DOMAIN, id.clone());
        loader
            .load_languages(&assets, &[id])
            .map_err(|error| Error(error.to_string()))?;
        loader.set_use_isolating(false);
        Ok(Messages { loader, nearest })
    }

    /// The catalog of language `code` from a directory laid out as `locales/`: every
    /// `DIR/CODE/*.ftl`.
    pub fn from_dir(dir: &Path, code: &str) -> Result<Messages, Error> {
        let folder = dir.join(code);
        let entries = std::fs::read_dir(&folder)
            .map_err(|error| Error(format!("{}: {error}", folder.display())))?;
        let mut paths: Vec<_> = entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
            .collect();
        paths.sort();
        if paths.is_empty() {
            return Err(Error(format!("{}: no .ftl file", folder.display())));
        }
        let texts = paths
            .iter()
            .map(|path| {
                std::fs::read_to_string(path)
                    .map_err(|error| Error(format!("{}: {error}", path.display())))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Messages::from_texts(code, texts)
    }

    /// The Fluent loader, for [`crate::t!`] and for listing the messages.
    pub fn loader(&self) -> &FluentLanguageLoader {
        &self.loader
    }

    /// The bundled language nearest to this one: English for `en-…`, French otherwise. The texts
    /// that carry only French and English (the catalog of controls) are read in it.
    pub fn nearest(&self) -> Lang {
        self.nearest
    }
}

/// What [`crate::t!`] takes a message from: a bundled [`Lang`] or a [`Messages`].
pub trait Source {
    /// The loader that holds the messages.
    fn loader(&self) -> &FluentLanguageLoader;

    /// The bundled language for the texts that are French and English only (a [`crate::Text`],
    /// such as the catalog's titles): the language itself, or the nearest bundled one.
    fn nearest(&self) -> Lang;
}

impl Source for Lang {
    fn loader(&self) -> &FluentLanguageLoader {
        messages(*self)
    }

    fn nearest(&self) -> Lang {
        *self
    }
}

impl Source for Messages {
    fn loader(&self) -> &FluentLanguageLoader {
        &self.loader
    }

    fn nearest(&self) -> Lang {
        self.nearest
    }
}

impl<T: Source + ?Sized> Source for &T {
    fn loader(&self) -> &FluentLanguageLoader {
        (**self).loader()
    }

    fn nearest(&self) -> Lang {
        (**self).nearest()
    }
}

/// A language's Fluent texts held in memory, given to the loader as its domain's file.
struct Files {
    path: String,
    texts: Vec<String>,
}

impl I18nAssets for Files {
    fn get_files(&self, file_path: &str) -> Vec<Cow<'_, [u8]>> {
        if file_path == self.path {
            self.texts
                .iter()
                .map(|text| Cow::Borrowed(text.as_bytes()))
                .collect()
        } else {
            Vec::new()
        }
    }

    fn filenames_iter(&self) -> Box<dyn Iterator<Item = String> + '_> {
        Box::new(std::iter::once(self.path.clone()))
    }
}

/// The bundled catalogs: asked for `LANG/posture.ftl`, every embedded `LANG/*.ftl`, `posture.ftl`
/// first.
struct Bundled;

impl Bundled {
    /// The embedded files of the directory of `file_path`, the domain's own file first.
    fn files_beside(file_path: &str) -> Vec<String> {
        let Some((dir, _)) = file_path.rsplit_once('/') else {
            return Vec::new();
        };
        let mut names: Vec<String> = Locales::iter()
            .map(|name| name.into_owned())
            .filter(|name| {
                name.strip_prefix(dir)
                    .and_then(|rest| rest.strip_prefix('/'))
                    .is_some_and(|rest| !rest.contains('/') && rest.ends_with(".ftl"))
            })
            .collect();
        names.sort_by_key(|name| (name != file_path, name.clone()));
        names
    }
}

impl I18nAssets for Bundled {
    fn get_files(&self, file_path: &str) -> Vec<Cow<'_, [u8]>> {
        Bundled::files_beside(file_path)
            .iter()
            .filter_map(|name| Locales::get(name))
            .map(|file| file.data)
            .collect()
    }

    fn filenames_iter(&self) -> Box<dyn Iterator<Item = String> + '_> {
        Box::new(Locales::iter().map(|name| name.into_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_in_both_languages() {
        assert_eq!(crate::t!(Lang::Fr, "fact-status-warn"), "à surveiller");
        assert_eq!(crate::t!(Lang::En, "fact-status-fail"), "non-compliant");
    }
}
