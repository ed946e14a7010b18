//! The two languages of the interface and the bilingual texts: they live in the `i18n` crate,
//! re-exported here so that every `questionnaire::lang::…` path keeps working.

pub use i18n::{Lang, Text, io_reason, level_name, parse_reason};
