//! Scoring of a posture audit.
//!
//! This crate turns the state of every control of an audit (its maturity level, or "don't know",
//! or "not applicable") into what the organisation is told: a score and a maturity level per
//! domain and overall, the domains capped by a failed critical control, and the ranked list of
//! priority measures. It is pure: no I/O, no clock, no dependency on the rest of posture, so that
//! the same answers always give the same result and every rule can be tested as a property.
//!
//! The method is documented for users in `docs/scoring.md`; [`method`] holds the constants it
//! names.
#![forbid(unsafe_code)]

mod assess;
mod compare;
pub mod facts;
mod input;
pub mod message;
pub mod method;
mod priority;

pub use assess::{Assessment, DomainResult, Overall, assess};
pub use compare::{Comparison, ControlChange, Delta, compare};
pub use input::{ControlInput, ControlState, DomainInput};
pub use method::{MAX_LEVEL, level_for_score};
pub use priority::Priority;
