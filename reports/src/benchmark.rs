//! "Your position among your peers": the organisation's scores set against the quartiles of the
//! organisations of its sector and size band, as a collection server (`posture serve`) gives them
//! at `GET /api/v1/benchmark` (`docs/api.md`).
//!
//! The reports crate does no networking: the caller fetches the server's answer (or fails to) and
//! hands it over as a [`Fetched`]; [`position`] turns it into the report's `benchmark` section,
//! which every format renders (`docs/report-json.md`).

use questionnaire::Lang;
use serde::{Deserialize, Serialize};

use crate::model::Report;
use crate::text;

/// At least this many peers for the quartiles to be shown (the server's own rule).
pub const MIN_PEERS: u64 = 5;

/// The quartiles of one score among the peers.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
pub struct Quartiles {
    pub p25: f64,
    pub median: f64,
    pub p75: f64,
}

/// The quartiles of one domain among the peers.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PeerDomain {
    pub id: String,
    #[serde(flatten)]
    pub quartiles: Quartiles,
}

/// The server's answer: `{"count", "enough", "overall", "domains"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Peers {
    pub count: u64,
    pub enough: bool,
    #[serde(default)]
    pub overall: Option<Quartiles>,
    #[serde(default)]
    pub domains: Vec<PeerDomain>,
}

/// What the caller got from the server.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetched {
    /// The server's answer.
    Peers(Peers),
    /// No answer to use: the reason, in the report's language (the server could not be reached,
    /// refused the token, the session has no sector or size…).
    Unavailable(String),
}

/// Whether the peers' figures are in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The quartiles are given.
    Ok,
    /// Fewer than [`MIN_PEERS`] organisations: no figures, so that none can be recognised.
    TooFew,
    /// The server could not be asked or refused.
    Unavailable,
}

/// Where a score stands among the peers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    /// Below the first quartile.
    Below,
    /// From the first to the third quartile, both included: the middle half.
    Middle,
    /// Above the third quartile.
    Above,
}

impl Position {
    /// Where `score` stands against `quartiles`.
    pub fn of(score: f64, quartiles: &Quartiles) -> Position {
        if score < quartiles.p25 {
            Position::Below
        } else if score > quartiles.p75 {
            Position::Above
        } else {
            Position::Middle
        }
    }
}

/// One row of the section: the organisation's score and the peers' quartiles.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeerRow {
    /// The domain id, or `overall` for the overall index.
    pub id: String,
    /// The domain's title (the overall index's name for `overall`).
    pub title: String,
    /// The organisation's score; `null` when the domain does not apply to it.
    pub score: Option<f64>,
    pub p25: f64,
    pub median: f64,
    pub p75: f64,
    /// Where the score stands; `null` without a score.
    pub position: Option<Position>,
}

impl PeerRow {
    fn new(id: &str, title: &str, score: Option<f64>, quartiles: &Quartiles) -> PeerRow {
        PeerRow {
            id: id.to_owned(),
            title: title.to_owned(),
            score,
            p25: quartiles.p25,
            median: quartiles.median,
            p75: quartiles.p75,
            position: score.map(|score| Position::of(score, quartiles)),
        }
    }
}

/// The report's `benchmark` section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Benchmark {
    pub status: Status,
    /// The sector and size band compared with (the session's).
    pub sector: String,
    pub size: String,
    /// How many organisations the server counted; `null` when unavailable.
    pub count: Option<u64>,
    /// Why the figures are unavailable, in the report's language; `null` otherwise.
    pub reason: Option<String>,
    /// The overall index against the peers'; `null` unless `ok`.
    pub overall: Option<PeerRow>,
    /// One row per domain the peers have figures for, in catalog order; empty unless `ok`.
    pub domains: Vec<PeerRow>,
}

/// The section for `report`, from what the server answered.
pub fn position(report: &Report, fetched: Fetched) -> Benchmark {
    let sector = report.cover.sector.clone();
    let size = report.cover.headcount.clone();
    let peers = match fetched {
        Fetched::Unavailable(reason) => {
            return Benchmark {
                status: Status::Unavailable,
                sector,
                size,
                count: None,
                reason: Some(reason),
                overall: None,
                domains: Vec::new(),
            };
        }
        Fetched::Peers(peers) => peers,
    };
    if !peers.enough || peers.count < MIN_PEERS {
        return Benchmark {
            status: Status::TooFew,
            sector,
            size,
            count: Some(peers.count),
            reason: None,
            overall: None,
            domains: Vec::new(),
        };
    }
    let overall = peers.overall.as_ref().map(|q| {
        let title = i18n::t!(report.lang, "report-overall");
        PeerRow::new("overall", &title, report.overall.score, q)
    });
    let domains = report
        .domains
        .iter()
        .filter_map(|domain| {
            let peer = peers.domains.iter().find(|p| p.id == domain.id)?;
            Some(PeerRow::new(
                &domain.id,
                &domain.title,
                domain.score,
                &peer.quartiles,
            ))
        })
        .collect();
    Benchmark {
        status: Status::Ok,
        sector,
        size,
        count: Some(peers.count),
        reason: None,
        overall,
        domains,
    }
}

impl Benchmark {
    /// The overall row first, then the domains.
    pub fn rows(&self) -> impl Iterator<Item = &PeerRow> {
        self.overall.iter().chain(&self.domains)
    }
}

/// The sentence under the section's title: who the organisation is compared with, or why it is
/// not.
pub fn summary(benchmark: &Benchmark, lang: Lang) -> String {
    let sector = benchmark.sector.clone();
    let size = benchmark.size.clone();
    let count = benchmark.count.unwrap_or(0);
    match benchmark.status {
        Status::Ok => i18n::t!(
            lang,
            "report-peers-ok",
            count = count,
            sector = sector,
            size = size
        ),
        Status::TooFew => i18n::t!(
            lang,
            "report-peers-too-few",
            count = count,
            sector = sector,
            size = size,
            min = MIN_PEERS
        ),
        Status::Unavailable => {
            let reason = benchmark.reason.clone().unwrap_or_default();
            i18n::t!(lang, "report-peers-unavailable", reason = reason)
        }
    }
}

/// A position in words; `—` without one.
pub fn position_text(position: Option<Position>, lang: Lang) -> String {
    match position {
        Some(Position::Below) => i18n::t!(lang, "report-peers-below"),
        Some(Position::Middle) => i18n::t!(lang, "report-peers-middle"),
        Some(Position::Above) => i18n::t!(lang, "report-peers-above"),
        None => "—".to_owned(),
    }
}

/// The box plot of the rows, the organisation's score as the marker; its text alternative says
/// every figure.
pub fn chart(benchmark: &Benchmark, lang: Lang) -> String {
    let rows: Vec<charts::BoxRow> = benchmark
        .rows()
        .map(|row| charts::BoxRow {
            label: row.title.clone(),
            p25: row.p25,
            median: row.median,
            p75: row.p75,
            marker: row.score,
        })
        .collect();
    let description: Vec<String> = benchmark
        .rows()
        .map(|row| {
            let (domain, score) = (row.title.clone(), text::score(row.score, lang));
            let (p25, median, p75) = (
                text::score(Some(row.p25), lang),
                text::score(Some(row.median), lang),
                text::score(Some(row.p75), lang),
            );
            let position = position_text(row.position, lang);
            i18n::t!(
                lang,
                "report-peers-row",
                domain = domain,
                score = score,
                p25 = p25,
                median = median,
                p75 = p75,
                position = position
            )
        })
        .collect();
    let title = i18n::t!(lang, "report-peers");
    charts::box_plot(&charts::BoxPlot {
        title: &title,
        description: &description.join(" "),
        rows: &rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const Q: Quartiles = Quartiles {
        p25: 40.0,
        median: 50.0,
        p75: 60.0,
    };

    #[test]
    fn positions_around_the_quartiles() {
        assert_eq!(Position::of(39.9, &Q), Position::Below);
        assert_eq!(Position::of(40.0, &Q), Position::Middle);
        assert_eq!(Position::of(60.0, &Q), Position::Middle);
        assert_eq!(Position::of(60.1, &Q), Position::Above);
    }

    #[test]
    fn the_servers_answer_is_read() {
        let peers: Peers = serde_json::from_str(
            r#"{"count": 7, "enough": true, "overall": {"p25": 41.0, "median": 55.5, "p75": 63.0},
                "domains": [{"id": "GOV", "p25": 40.0, "median": 50.0, "p75": 60.0}]}"#,
        )
        .unwrap();
        assert_eq!(peers.domains[0].quartiles, Q);
        let few: Peers = serde_json::from_str(
            r#"{"count": 3, "enough": false, "overall": null, "domains": []}"#,
        )
        .unwrap();
        assert!(!few.enough);
    }

    #[test]
    fn serialised_names_are_the_documented_ones() {
        assert_eq!(serde_json::json!(Status::TooFew), "too_few");
        assert_eq!(serde_json::json!(Position::Middle), "middle");
    }
}
