//! What the dashboard's pages show, worked out from the store's rows and the stored report
//! documents, apart from HTTP and HTML so that it is tested on its own: the lists' query (made
//! the store's filter and sort, which the database applies) and pages, the overdue rule, the
//! heat map's columns, an organisation's changes (domains, controls) and open priority measures.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value as Json;

use crate::store::dashboard::{DashboardOrg, OrgFilter, OrgSort};

/// Organisations a page shows.
pub const PAGE_SIZE: usize = 50;

/// The organisations page's (and heat map's) query: filters, sort, page, language.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct ListQuery {
    /// Only this sector.
    pub sector: Option<String>,
    /// Only this size band.
    pub size: Option<String>,
    /// Only this level of the latest assessment (`0`–`4`).
    pub level: Option<String>,
    /// Only the overdue (`1`).
    pub overdue: Option<String>,
    /// `name`, `sector`, `size`, `date`, `score`, `change`.
    pub sort: Option<String>,
    /// `asc` or `desc`.
    pub dir: Option<String>,
    /// From 1.
    pub page: Option<String>,
    /// `fr` or `en`.
    pub lang: Option<String>,
}

impl ListQuery {
    fn wanted(value: Option<&String>) -> Option<&str> {
        value.map(|v| v.trim()).filter(|v| !v.is_empty())
    }

    /// The sort column, `name` when unknown.
    pub fn sort_key(&self) -> &str {
        match Self::wanted(self.sort.as_ref()) {
            Some(key @ ("name" | "sector" | "size" | "date" | "score" | "change")) => key,
            _ => "name",
        }
    }

    /// Whether the sort is descending.
    pub fn descending(&self) -> bool {
        self.dir.as_deref() == Some("desc")
    }

    /// The page asked for, from 1.
    pub fn page(&self) -> usize {
        Self::wanted(self.page.as_ref())
            .and_then(|page| page.parse::<usize>().ok())
            .unwrap_or(1)
            .max(1)
    }

    /// This query's parameters with some replaced (`None`: left out), as a URL query string.
    pub fn with(&self, changes: &[(&str, Option<&str>)]) -> String {
        let current = [
            ("sector", self.sector.as_deref()),
            ("size", self.size.as_deref()),
            ("level", self.level.as_deref()),
            ("overdue", self.overdue.as_deref()),
            ("sort", self.sort.as_deref()),
            ("dir", self.dir.as_deref()),
            ("page", self.page.as_deref()),
        ];
        let mut pairs = Vec::new();
        for (name, value) in current {
            let value = changes
                .iter()
                .find(|(changed, _)| *changed == name)
                .map_or(value, |(_, value)| *value);
            if let Some(value) = value.filter(|v| !v.is_empty()) {
                pairs.push(format!("{name}={}", encode(value)));
            }
        }
        pairs.join("&")
    }
}

/// Percent-encodes a query value.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// An organisation with what the list works out: change since the previous assessment,
/// due date, days late.
#[derive(Debug, Clone)]
pub struct Listed<'a> {
    /// The store's row.
    pub org: &'a DashboardOrg,
    /// Latest score − previous score, one decimal.
    pub change: Option<f64>,
    /// When the next assessment is due.
    pub due: Option<NaiveDate>,
    /// Days past the due date (> 0 when overdue).
    pub late_days: Option<i64>,
}

impl<'a> Listed<'a> {
    /// Works out the change and the due date, as of `today`.
    pub fn new(org: &'a DashboardOrg, today: NaiveDate) -> Listed<'a> {
        let change = match (&org.last, &org.previous) {
            (Some(last), Some(previous)) => match (last.score, previous.score) {
                (Some(after), Some(before)) => Some(((after - before) * 10.0).round() / 10.0),
                _ => None,
            },
            _ => None,
        };
        let due = org
            .last
            .as_ref()
            .and_then(|last| last.due())
            .and_then(|due| NaiveDate::parse_from_str(&due, "%Y-%m-%d").ok());
        // Overdue: the date set has passed, or the assessment is over six months old (as the
        // store's filter says); late by the days since the earlier of the two.
        let six = six_months_before(today).to_string();
        let overdue = org.last.as_ref().is_some_and(|last| {
            last.next_assessment
                .as_deref()
                .is_some_and(|next| next < today.to_string().as_str())
                || last.date < six
        });
        let late_days = due
            .filter(|_| overdue)
            .map(|due| (today - due).num_days().max(1));
        Listed {
            org,
            change,
            due,
            late_days,
        }
    }

    /// Whether the re-assessment is overdue.
    pub fn overdue(&self) -> bool {
        self.late_days.is_some()
    }
}

/// The number of pages of `total` organisations (at least one), which is also the last page.
pub fn last_page(total: usize) -> usize {
    total.div_ceil(PAGE_SIZE).max(1)
}

/// The day six months before `today` (an assessment older than that is overdue).
pub fn six_months_before(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(chrono::Months::new(6))
        .unwrap_or(today)
}

impl ListQuery {
    /// The store's filter, as of `today`.
    pub fn filter(&self, today: NaiveDate) -> OrgFilter {
        OrgFilter {
            sector: Self::wanted(self.sector.as_ref()).map(str::to_owned),
            size: Self::wanted(self.size.as_ref()).map(str::to_owned),
            level: Self::wanted(self.level.as_ref()).and_then(|l| l.parse::<u8>().ok()),
            overdue: (self.overdue.as_deref() == Some("1"))
                .then(|| (today.to_string(), six_months_before(today).to_string())),
        }
    }

    /// The store's sort.
    pub fn order(&self) -> OrgSort {
        match self.sort_key() {
            "sector" => OrgSort::Sector,
            "size" => OrgSort::Size,
            "date" => OrgSort::Date,
            "score" => OrgSort::Score,
            "change" => OrgSort::Change,
            _ => OrgSort::Name,
        }
    }
}

/// The domains' `(id, title)` of a report document, in its order.
pub fn domain_titles(document: &Json) -> Vec<(String, String)> {
    document
        .get("domains")
        .and_then(Json::as_array)
        .map(|domains| {
            domains
                .iter()
                .filter_map(|domain| {
                    let id = domain.get("id")?.as_str()?.to_owned();
                    let title = domain
                        .get("title")
                        .and_then(Json::as_str)
                        .unwrap_or(&id)
                        .to_owned();
                    Some((id, title))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// A control whose level changed between two assessments.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MovedControl {
    /// The control's id.
    pub control: String,
    /// Its question (the latest document's words).
    pub question: String,
    /// Its level before.
    pub before: i64,
    /// Its level now.
    pub after: i64,
    /// after − before.
    pub delta: i64,
}

/// Each control's `(question, effective level)` in a report document.
fn control_levels(document: &Json) -> HashMap<String, (String, i64)> {
    let mut out = HashMap::new();
    let groups = document.get("answers").and_then(Json::as_array);
    for group in groups.into_iter().flatten() {
        let rows = group.get("answers").and_then(Json::as_array);
        for row in rows.into_iter().flatten() {
            let (Some(control), Some(level)) = (
                row.get("control").and_then(Json::as_str),
                row.get("effective_level")
                    .or_else(|| row.get("level"))
                    .and_then(Json::as_i64),
            ) else {
                continue;
            };
            let question = row
                .get("question")
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_owned();
            out.insert(control.to_owned(), (question, level));
        }
    }
    out
}

/// The controls that moved most between `previous` and `latest`: largest change first, then
/// by id; at most `limit`.
pub fn moved_controls(previous: &Json, latest: &Json, limit: usize) -> Vec<MovedControl> {
    let before = control_levels(previous);
    let mut moved: Vec<MovedControl> = control_levels(latest)
        .into_iter()
        .filter_map(|(control, (question, after))| {
            let (_, before) = before.get(&control)?;
            let delta = after - before;
            (delta != 0).then_some(MovedControl {
                control,
                question,
                before: *before,
                after,
                delta,
            })
        })
        .collect();
    moved.sort_by(|a, b| {
        b.delta
            .abs()
            .cmp(&a.delta.abs())
            .then_with(|| a.control.cmp(&b.control))
    });
    moved.truncate(limit);
    moved
}

/// An open priority measure of a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenMeasure {
    /// Its rank.
    pub rank: i64,
    /// The control.
    pub control: String,
    /// The measure's title.
    pub title: String,
    /// The domain's title.
    pub domain: String,
    /// The level now.
    pub level: Option<i64>,
    /// The target.
    pub target: Option<i64>,
}

/// The measures a report marks `priority` whose level is still under their target.
pub fn open_priority_measures(document: &Json) -> Vec<OpenMeasure> {
    let measures = document.get("measures").and_then(Json::as_array);
    measures
        .into_iter()
        .flatten()
        .filter(|m| m.get("priority").and_then(Json::as_bool) == Some(true))
        .filter_map(|m| {
            let level = m.get("level").and_then(Json::as_i64);
            let target = m.get("target").and_then(Json::as_i64);
            if let (Some(level), Some(target)) = (level, target)
                && level >= target
            {
                return None;
            }
            let text = |name: &str| {
                m.get(name)
                    .and_then(Json::as_str)
                    .unwrap_or_default()
                    .to_owned()
            };
            Some(OpenMeasure {
                rank: m.get("rank").and_then(Json::as_i64).unwrap_or_default(),
                control: text("control"),
                title: text("title"),
                domain: text("domain_title"),
                level,
                target,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::dashboard::Summary;
    use serde_json::json;

    #[test]
    fn pages_of_fifty_and_at_least_one() {
        assert_eq!(last_page(0), 1);
        assert_eq!(last_page(50), 1);
        assert_eq!(last_page(51), 2);
        assert_eq!(last_page(10_000), 200);
    }

    fn org(id: i64, name: &str, scores: &[(&str, f64, u8)]) -> DashboardOrg {
        let summary = |(date, score, level): &(&str, f64, u8)| Summary {
            assessment_id: format!("{id}-{date}"),
            date: (*date).to_owned(),
            score: Some(*score),
            level: Some(*level),
            next_assessment: None,
        };
        DashboardOrg {
            id,
            name: name.to_owned(),
            sector: Some(if id % 2 == 0 { "CPTS" } else { "EHPAD" }.to_owned()),
            size: Some("1-9".to_owned()),
            contact: None,
            assessments: i64::try_from(scores.len()).unwrap_or_default(),
            last: scores.first().map(summary),
            previous: scores.get(1).map(summary),
        }
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn overdue_is_six_months_or_the_date_set_whichever_comes_first() {
        let today = day("2026-12-06");
        let recent_org = org(1, "a", &[("2026-09-01", 50.0, 2)]);
        let recent = Listed::new(&recent_org, today);
        assert!(!recent.overdue());
        let old_org = org(2, "b", &[("2026-05-01", 50.0, 2)]);
        let old = Listed::new(&old_org, today);
        assert_eq!(old.late_days, Some(35));
        let mut set = org(3, "c", &[("2026-10-01", 50.0, 2)]);
        if let Some(last) = set.last.as_mut() {
            last.next_assessment = Some("2026-11-30".into());
        }
        assert_eq!(Listed::new(&set, today).late_days, Some(6));
        let never = org(4, "d", &[]);
        assert!(!Listed::new(&never, today).overdue());
    }

    #[test]
    fn a_query_becomes_the_stores_filter() {
        let query = ListQuery {
            sector: Some(" EHPAD ".into()),
            size: Some(String::new()),
            level: Some("x".into()),
            overdue: Some("1".into()),
            sort: Some("change".into()),
            ..ListQuery::default()
        };
        let filter = query.filter(day("2026-08-31"));
        assert_eq!(filter.sector.as_deref(), Some("EHPAD"));
        assert_eq!(filter.size, None);
        assert_eq!(filter.level, None);
        assert_eq!(
            filter.overdue,
            Some(("2026-08-31".to_owned(), "2026-02-28".to_owned()))
        );
        assert_eq!(query.order(), OrgSort::Change);
        assert_eq!(ListQuery::default().order(), OrgSort::Name);
    }

    #[test]
    fn a_query_keeps_its_other_parameters() {
        let query = ListQuery {
            sector: Some("Santé & social".into()),
            page: Some("3".into()),
            ..ListQuery::default()
        };
        assert_eq!(
            query.with(&[("page", None), ("sort", Some("date"))]),
            "sector=Sant%C3%A9%20%26%20social&sort=date"
        );
    }

    #[test]
    fn controls_that_moved_and_open_measures() {
        let doc = |levels: &[(&str, i64)]| {
            let rows: Vec<Json> = levels
                .iter()
                .map(|(c, l)| json!({"control": c, "question": format!("{c}?"), "effective_level": l}))
                .collect();
            json!({"answers": [{"domain": "GOV", "answers": rows}]})
        };
        let before = doc(&[("A", 1), ("B", 2), ("C", 3)]);
        let after = doc(&[("A", 4), ("B", 1), ("C", 3)]);
        let moved = moved_controls(&before, &after, 10);
        assert_eq!(moved.len(), 2);
        assert_eq!((moved[0].control.as_str(), moved[0].delta), ("A", 3));
        assert_eq!((moved[1].control.as_str(), moved[1].delta), ("B", -1));
        let measures = json!({"measures": [
            {"rank": 1, "priority": true, "control": "A", "title": "Do A", "domain_title": "G", "level": 1, "target": 3},
            {"rank": 2, "priority": true, "control": "B", "title": "Do B", "domain_title": "G", "level": 3, "target": 3},
            {"rank": 7, "priority": false, "control": "C", "title": "Do C", "domain_title": "G", "level": 0, "target": 3}
        ]});
        let open = open_priority_measures(&measures);
        assert_eq!(open.len(), 1);
        assert_eq!(open[0].control, "A");
    }
}
