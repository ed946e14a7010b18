//! The local agent: facts read from a machine (`collect`: Linux files, or on Windows the registry
//! and the Win32 API, see `win`), from the organisation's web sites (`tls`) and from its public
//! addresses' open ports (`ports`), in the format of [`scoring::facts`], to put beside the audit's
//! answers. `command` runs them as `posture agent …` and `posture-agent …` both do.
//!
//! No `unsafe` anywhere but in the one module of Win32 calls (`win::win32`, Windows only), where
//! each block says why it is sound: the lint is `deny` here (and `forbid` in every other crate of
//! the workspace), allowed for that module alone.
#![deny(unsafe_code)]

pub mod collect;
pub mod command;
pub mod ports;
pub mod tls;
pub mod win;

pub use scoring::facts::{Fact, FactReport, Status, Value};

/// The agent's version, recorded in every fact report.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
