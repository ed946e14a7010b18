//! The Fluent catalogs: the bundled French and English, and catalogs read at run time.

use std::borrow::Cow;
use std::path::Path;
use std::sync::LazyLock;

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed::{I18nAssets, LanguageLoader};
use rust_embed::RustEmbed;
use unic_langid::LanguageIdentifier;

use crate::Lang;

/// The Fluent domain, and so the name of every catalog file: `locales/LANG/posture.ftl`.
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
        .load_languages(&Locales, &[wanted])
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
        let id = language(code)?;
        let nearest = Lang::parse(id.language.as_str()).unwrap_or_default();
        let assets = OneFile {
            path: format!("{id}/{DOMAIN}.ftl"),
            text: ftl.to_owned(),
        };
        let loader = FluentLanguageLoader::new(DOMAIN, id.clone());
        loader
            .load_languages(&assets, &[id])
            .map_err(|error| Error(error.to_string()))?;
        loader.set_use_isolating(false);
        Ok(Messages { loader, nearest })
    }

    /// The catalog of language `code` from a directory laid out as `locales/`:
    /// `DIR/CODE/posture.ftl`.
    pub fn from_dir(dir: &Path, code: &str) -> Result<Messages, Error> {
        let path = dir.join(code).join(format!("{DOMAIN}.ftl"));
        let text = std::fs::read_to_string(&path)
            .map_err(|error| Error(format!("{}: {error}", path.display())))?;
        Messages::from_str(code, &text)
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

/// One Fluent file held in memory, as the loader reads assets.
struct OneFile {
    path: String,
    text: String,
}

impl I18nAssets for OneFile {
    fn get_files(&self, file_path: &str) -> Vec<Cow<'_, [u8]>> {
        if file_path == self.path {
            vec![Cow::Borrowed(self.text.as_bytes())]
        } else {
            Vec::new()
        }
    }

    fn filenames_iter(&self) -> Box<dyn Iterator<Item = String> + '_> {
        Box::new(std::iter::once(self.path.clone()))
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
