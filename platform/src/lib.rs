//! What posture does differently on Unix and on Windows, behind one safe interface, so that the
//! crates that write files (the questionnaire's sessions and reports, the collection server's
//! database and key) do not each carry their own `cfg` branches.
//!
//! - [`private`]: a file readable and writable by its owner only — mode 0600 on Unix, a protected
//!   access-control list with one entry, for the owner, on Windows.

pub mod private;
