//! Web-site TLS probe. Being written.

use std::path::PathBuf;

use questionnaire::Lang;
use scoring::facts::FactReport;

/// What `posture agent probe-tls` was asked.
#[derive(Debug, Clone)]
pub struct Options {
    /// The sites, e.g. `https://www.example.org`.
    pub urls: Vec<String>,
    /// A private certificate authority (PEM) to trust besides the system's.
    pub ca: Option<PathBuf>,
    /// Language of the facts' `detail`.
    pub lang: Lang,
}

/// Probes the sites.
pub fn probe(options: &Options) -> FactReport {
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
