//! posture's two languages, French first and English second, said one way.
//!
//! - [`Lang`], [`Text`] and the bilingual helpers ([`level_name`], [`parse_reason`],
//!   [`io_reason`]): the language of the interface and the texts that carry both languages;
//! - the program's messages, in [Project Fluent](https://projectfluent.org) files, one per
//!   language: `locales/fr/posture.ftl` (the reference) and `locales/en/posture.ftl`, embedded in
//!   the binary. [`t!`] gives a message in a language, e.g. `i18n::t!(lang, "fact-status-warn")`
//!   or `i18n::t!(lang, "days", count = n)`;
//! - [`typography`]: French typography, checked (and every French message is checked by the
//!   tests).
//!
//! The Fluent loader is [`i18n-embed`](https://docs.rs/i18n-embed) with
//! [`i18n-embed-fl`](https://docs.rs/i18n-embed-fl): its `fl!` macro, behind [`t!`], reads the
//! French catalog at compile time and **fails the build** on a message id or an argument that the
//! catalog does not have, with the closest ids as suggestions. `fluent-templates` was the other
//! candidate; it checks nothing at compile time, so a misspelt id would only show at run time as
//! the id itself. The price of `fl!` is an `i18n.toml` in each crate that writes `t!` (the macro
//! reads it from the calling crate), pointing at `i18n/locales`: see `docs/i18n.md`.
//!
//! Arguments are not wrapped in Unicode bidi isolation marks (U+2068/U+2069, Fluent's default):
//! both languages are left-to-right and the marks would end up in files and terminals.
#![forbid(unsafe_code)]

pub mod lang;
mod messages;
mod say;
pub mod typography;

pub use lang::{Lang, Text, io_message, io_reason, level_name, parse_reason};
pub use messages::{Error, LANGUAGES, Messages, Source, messages};
pub use say::{ArgIn, days, fact_detail, say, status_name};
pub use scoring::message::{Arg, Message};

/// The Fluent loader that [`messages`] and [`Messages::loader`] give.
pub use i18n_embed::fluent::FluentLanguageLoader;

#[doc(hidden)]
pub use i18n_embed_fl::fl as __fl;

/// A message of the catalogs in a language: `t!(lang, "id")` or `t!(lang, "id", name = value, …)`,
/// a `String`. `lang` is a [`Lang`] (the bundled catalogs) or a [`Messages`] (a catalog loaded at
/// run time); the id and the argument names are checked against the French catalog when the
/// calling crate compiles. Arguments are variables or literals (`count = days`), as `fl!` takes
/// them.
#[macro_export]
macro_rules! t {
    ($lang:expr, $($message:tt)+) => {
        $crate::__fl!($crate::Source::loader(&$lang), $($message)+)
    };
}

/// A [`Text`] made from a message of the catalogs, in French and in English:
/// `text!("read-denied", path = path)`. For what is made now and shown later in either language
/// (an error's reason). Each argument is evaluated once; it is a text, a number or a [`Text`]
/// (see [`ArgIn`]). The id and the argument names are checked at compile time, as by [`t!`].
#[macro_export]
macro_rules! text {
    ($id:tt $(, $name:ident = $value:expr)* $(,)?) => {{
        #[allow(unused_parens)]
        let ($($name,)*) = ($(&$value,)*);
        $crate::Text {
            fr: $crate::t!(
                $crate::Lang::Fr,
                $id
                $(, $name = $crate::ArgIn::arg_in($name, $crate::Lang::Fr))*
            ),
            en: $crate::t!(
                $crate::Lang::En,
                $id
                $(, $name = $crate::ArgIn::arg_in($name, $crate::Lang::En))*
            ),
        }
    }};
}

/// A [`Message`] to be said later, in the language it is shown in: `message!("patch-waiting",
/// days = days, path = path)`. Machine facts carry one. The id and the argument names are
/// checked at compile time, as by [`t!`]; each argument is a number, a text or another
/// [`Message`].
#[macro_export]
macro_rules! message {
    ($id:tt $(, $name:ident = $value:expr)* $(,)?) => {{
        if false {
            // Never run: makes the compiler check the id and the argument names.
            let _ = $crate::t!($crate::Lang::Fr, $id $(, $name = "")*);
        }
        $crate::Message::new($id)$(.arg(stringify!($name), $value))*
    }};
}
