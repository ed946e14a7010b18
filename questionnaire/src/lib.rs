//! The questionnaire side of posture: what is asked and what was answered.
//!
//! - [`catalog`]: the controls, as TOML data bundled in the binary or loaded from a team's own
//!   files, validated with errors that point at a file, line and column;
//! - [`session`]: one audit's answers on disk, human-readable TOML, written atomically;
//! - [`audit`]: a session read against its catalog: which questions apply, what the answers are
//!   worth, and the input that the `scoring` crate turns into scores.
#![forbid(unsafe_code)]

pub mod audit;
pub mod catalog;
mod error;
pub mod evidence;
pub mod fsutil;
pub mod lang;
pub mod plain;
pub mod reassess;
pub mod results;
pub mod session;
mod source;
pub mod tui;
pub use i18n::typography;
pub mod upgrade;

pub use error::{Error, Location, Problem};
pub use lang::{Lang, Text, level_name};
