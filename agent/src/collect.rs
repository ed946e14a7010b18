//! Machine facts. Being written.

use std::path::PathBuf;

use questionnaire::Lang;
use scoring::facts::FactReport;

/// What `posture agent collect` was asked.
#[derive(Debug, Clone)]
pub struct Options {
    /// Read every file under this directory instead of `/`, and run no command.
    pub root: Option<PathBuf>,
    /// Language of the facts' `detail`.
    pub lang: Lang,
    /// Called with each fact key as it is read (progress in a terminal).
    pub progress: bool,
}

/// Reads the machine's facts.
pub fn collect(options: &Options) -> FactReport {
    let _ = options;
    FactReport {
        agent_version: crate::VERSION.to_owned(),
        host: String::new(),
        collected_at: String::new(),
        root: false,
        container: false,
        facts: Vec::new(),
    }
}
