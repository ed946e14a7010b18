//! The local agent: facts read from a machine (`collect`), from the organisation's web sites
//! (`tls`) and from its public addresses' open ports (`ports`), in the format of
//! [`scoring::facts`], to put beside the audit's answers.
#![forbid(unsafe_code)]

pub mod collect;
pub mod ports;
pub mod tls;

pub use scoring::facts::{Fact, FactReport, Status, Value};

/// The agent's version, recorded in every fact report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
