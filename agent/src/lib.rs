//! The local agent: facts read from a machine (`collect`) and from the organisation's web sites
//! (`tls`), in the format of [`scoring::facts`], to put beside the audit's answers.
#![forbid(unsafe_code)]

pub mod collect;
pub mod tls;

pub use scoring::facts::{Fact, FactReport, Status, Value};

/// The agent's version, recorded in every fact report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
