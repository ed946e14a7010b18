//! Facts against answers: the machines' facts (`posture agent collect`, `probe-tls`) read from
//! their JSON files, and the catalog's evidence rules applied to an audit. Where a fact proves
//! an answer false (a `cap` rule), the effective level is the lower one, and the difference is a
//! discrepancy the report shows with its reason. Where a fact only questions the answer (a
//! `verify` rule: one host said of the whole organisation, a port open on the local network
//! said of the Internet), it is a point to verify, shown beside the answer; the score is
//! untouched.

use std::path::Path;

use scoring::facts::{EvidenceRule, Fact, FactReport, Reason, RuleKind, Value};
use serde::Serialize;

use crate::audit::Audit;
use crate::catalog::Control;
use crate::error::{Error, Location, Problem};

/// The facts of every machine given with `--facts`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evidence {
    /// One report per machine (or per probe).
    pub reports: Vec<FactReport>,
}

/// An answer that a machine contradicts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Discrepancy {
    /// Control id.
    pub control: String,
    /// The level the answer claims.
    pub declared: u8,
    /// The level it keeps given the facts.
    pub effective: u8,
    /// The fact key.
    pub fact: String,
    /// What the machine shows.
    pub value: Value,
    /// The machine.
    pub host: String,
    /// Where the agent read it.
    pub source: String,
    /// Which claim the fact disproves, and why (the rule's reason).
    pub why: Reason,
}

/// An answer that a machine's fact questions without proving it false: the auditor checks it
/// with the organisation; the score keeps the answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PointToVerify {
    /// Control id.
    pub control: String,
    /// The level the answer claims (and keeps).
    pub declared: u8,
    /// The fact key.
    pub fact: String,
    /// What the machine shows.
    pub value: Value,
    /// The machine.
    pub host: String,
    /// Where the agent read it.
    pub source: String,
    /// Why the fact matters to the answer, and why it does not prove it false on its own.
    pub why: Reason,
}

/// What the machines say of an audit's answers: what they prove false, and what they question.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MachineFindings {
    /// Answers proved false: the score keeps the lower level.
    pub discrepancies: Vec<Discrepancy>,
    /// Answers questioned: the score keeps the answer.
    pub points_to_verify: Vec<PointToVerify>,
}

/// A rule's reason in the interface's language.
pub fn reason_in(reason: &Reason, lang: crate::Lang) -> &str {
    lang.pick(&reason.fr, &reason.en)
}

/// A rule that holds on a machine.
#[derive(Debug, Clone, Copy)]
pub struct Finding<'a> {
    /// The rule.
    pub rule: &'a EvidenceRule,
    /// The fact that makes it hold.
    pub fact: &'a Fact,
    /// The machine.
    pub host: &'a str,
}

impl Evidence {
    /// Reads fact files (JSON written by `posture agent … --format json` or `-o`).
    pub fn load(paths: &[impl AsRef<Path>]) -> Result<Evidence, Error> {
        let mut reports = Vec::new();
        let mut problems = Vec::new();
        for path in paths {
            let path = path.as_ref();
            match std::fs::read_to_string(path) {
                Err(error) => {
                    let why = crate::lang::io_reason(&error);
                    problems.push(
                        Problem::new(i18n::text!(
                            "evidence-unreadable",
                            path = path.display().to_string(),
                            why = why
                        ))
                        .hint(i18n::text!("evidence-unreadable-hint")),
                    );
                }
                // A byte-order mark is how Windows tools (PowerShell 5's `Out-File`) start UTF-8.
                Ok(text) => match serde_json::from_str::<FactReport>(
                    text.strip_prefix('\u{feff}').unwrap_or(&text),
                ) {
                    Ok(report) => reports.push(report),
                    Err(error) => problems.push({
                        let why = crate::lang::parse_reason(&serde_message(&error));
                        Problem::at(
                            Location {
                                file: path.display().to_string(),
                                line: error.line(),
                                column: error.column(),
                            },
                            i18n::text!("evidence-file-unreadable", why = why),
                        )
                        .hint(i18n::text!("evidence-file-unreadable-hint"))
                    }),
                },
            }
        }
        if problems.is_empty() {
            Ok(Evidence { reports })
        } else {
            Err(Error::Invalid(problems))
        }
    }

    /// Every `cap` rule of `control` that holds on some machine, the lowest cap first (then in
    /// the order of the machines and the rules).
    pub fn findings<'a>(&'a self, control: &'a Control) -> Vec<Finding<'a>> {
        self.holding(control, RuleKind::Cap)
    }

    /// Every rule of `control` of this kind that holds on some machine of a role it applies to,
    /// the lowest level first (then in the order of the machines and the rules).
    pub fn holding<'a>(&'a self, control: &'a Control, kind: RuleKind) -> Vec<Finding<'a>> {
        let mut findings: Vec<Finding<'a>> = control
            .evidence
            .iter()
            .filter(move |rule| rule.kind == kind)
            .flat_map(|rule| {
                self.reports.iter().flat_map(move |report| {
                    let role = report.role();
                    report
                        .facts
                        .iter()
                        .filter(move |fact| rule.holds_on(fact, role))
                        .map(move |fact| Finding {
                            rule,
                            fact,
                            host: &report.host,
                        })
                })
            })
            .collect();
        findings.sort_by_key(|finding| finding.rule.max_level);
        findings
    }

    /// The facts that bear on a control (its rules' keys), on every machine, held or not.
    pub fn bearing_on<'a>(&'a self, control: &'a Control) -> Vec<(&'a str, &'a Fact)> {
        let mut keys: Vec<&str> = control.evidence.iter().map(|r| r.fact.as_str()).collect();
        keys.dedup();
        self.reports
            .iter()
            .flat_map(|report| {
                report
                    .facts
                    .iter()
                    .filter(|fact| keys.contains(&fact.key.as_str()))
                    .map(move |fact| (report.host.as_str(), fact))
            })
            .collect()
    }

    /// The highest level the facts allow for a control, if any rule holds.
    pub fn cap(&self, control: &Control) -> Option<u8> {
        self.findings(control).first().map(|f| f.rule.max_level)
    }
}

impl Audit<'_> {
    /// The answers that the facts contradict: one row per control and machine where a rule
    /// holds that allows less than the declared level. On each machine, the rule with the lowest
    /// cap is the one reported; `effective` is the level that machine allows, so the control's
    /// effective level is the lowest `effective` of its rows. Rows come in catalog order, and for
    /// one control the lowest cap first (then in the order of the machines).
    pub fn discrepancies(&self, evidence: &Evidence) -> Vec<Discrepancy> {
        // On one machine, only the strongest rule (the lowest cap, first) makes a row.
        self.answers_against(evidence, RuleKind::Cap, |row, finding| {
            row.host == finding.host
        })
        .into_iter()
        .map(|(control, declared, finding)| Discrepancy {
            control: control.id.clone(),
            declared,
            effective: finding.rule.max_level,
            fact: finding.fact.key.clone(),
            value: finding.fact.value.clone(),
            host: finding.host.to_owned(),
            source: finding.fact.source.clone(),
            why: finding.rule.reason.clone(),
        })
        .collect()
    }

    /// Both: the discrepancies and the points to verify.
    pub fn machine_findings(&self, evidence: &Evidence) -> MachineFindings {
        MachineFindings {
            discrepancies: self.discrepancies(evidence),
            points_to_verify: self.points_to_verify(evidence),
        }
    }

    /// The answers that the facts question without proving them false: one row per control,
    /// rule and machine where a `verify` rule holds above which the answer stands. The score is
    /// untouched. Rows come in catalog order, then by rule level and machine.
    pub fn points_to_verify(&self, evidence: &Evidence) -> Vec<PointToVerify> {
        self.answers_against(evidence, RuleKind::Verify, |row, finding| {
            row.host == finding.host && row.fact.key == finding.fact.key
        })
        .into_iter()
        .map(|(control, declared, finding)| PointToVerify {
            control: control.id.clone(),
            declared,
            fact: finding.fact.key.clone(),
            value: finding.fact.value.clone(),
            host: finding.host.to_owned(),
            source: finding.fact.source.clone(),
            why: finding.rule.reason.clone(),
        })
        .collect()
    }

    /// The rules of this kind that hold above an answer's level, control by control in catalog
    /// order, the lowest level first; a finding that `same` pairs with one already kept (the
    /// same machine, say) is left out.
    fn answers_against<'e>(
        &'e self,
        evidence: &'e Evidence,
        kind: RuleKind,
        same: impl Fn(&Finding<'e>, &Finding<'e>) -> bool,
    ) -> Vec<(&'e Control, u8, Finding<'e>)> {
        let mut rows = Vec::new();
        for control in self.controls().filter(|control| !control.context) {
            let scoring::ControlState::Level(declared) = self.state(control) else {
                continue;
            };
            let mut kept: Vec<Finding<'e>> = Vec::new();
            for finding in evidence.holding(control, kind) {
                if finding.rule.max_level < declared && !kept.iter().any(|k| same(k, &finding)) {
                    kept.push(finding);
                }
            }
            rows.extend(kept.into_iter().map(|finding| (control, declared, finding)));
        }
        rows
    }
}

/// A JSON error's message without the " at line L column C" that the location already gives.
fn serde_message(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone as _;
    use scoring::facts::Status;

    use super::*;
    use crate::catalog;
    use crate::session::{NewSession, Session};

    fn report(host: &str, facts: Vec<(&str, Value, Status)>) -> FactReport {
        FactReport {
            agent_version: "0.1.0".into(),
            host: host.into(),
            collected_at: "2026-11-23T10:00:00Z".into(),
            root: true,
            container: false,
            facts: facts
                .into_iter()
                .map(|(key, value, status)| Fact {
                    key: key.into(),
                    value,
                    status,
                    source: "/var/log/apt/history.log".into(),
                    detail: String::new(),
                    message: None,
                })
                .collect(),
        }
    }

    /// An express audit with PAT-01 (patches) answered `choice`.
    fn express_with<'c>(catalog: &'c catalog::Catalog, choice: &str) -> Audit<'c> {
        let now = chrono::Utc
            .with_ymd_and_hms(2026, 11, 23, 10, 0, 0)
            .unwrap();
        let mut session = Session::new(
            catalog,
            NewSession {
                organisation: "X".into(),
                profile: "express".into(),
                ..NewSession::default()
            },
            now,
        )
        .unwrap();
        session.set_answer("PAT-01", choice, None, now);
        Audit { catalog, session }
    }

    /// A machine's report with its role.
    fn machine(host: &str, role: &str, facts: Vec<(&str, Value, Status)>) -> FactReport {
        let mut facts = facts;
        facts.push(("host.role", Value::Text(role.into()), Status::Ok));
        report(host, facts)
    }

    #[test]
    fn the_worst_machine_caps_the_answer_and_is_reported_with_its_reason() {
        let catalog = catalog::bundled().unwrap();
        let audit = express_with(&catalog, "8-jours");
        let evidence = Evidence {
            reports: vec![
                report(
                    "srv-fichiers",
                    vec![(
                        "patch.security_pending_days",
                        Value::Number(0.0),
                        Status::Ok,
                    )],
                ),
                report(
                    "portable-direction",
                    vec![(
                        "patch.security_pending_days",
                        Value::Number(40.0),
                        Status::Fail,
                    )],
                ),
                report(
                    "vieux-serveur",
                    vec![("patch.security_pending_days", Value::Null, Status::Unknown)],
                ),
            ],
        };
        let pat = catalog.control("PAT-01").unwrap();
        assert_eq!(evidence.cap(pat), Some(1));
        let found = audit.discrepancies(&evidence);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].control, "PAT-01");
        assert_eq!((found[0].declared, found[0].effective), (3, 1));
        assert_eq!(found[0].host, "portable-direction");
        assert_eq!(found[0].value, Value::Number(40.0));
        assert!(found[0].why.fr.contains("30 jours"), "{:?}", found[0].why);
        assert!(found[0].why.en.contains("30 days"), "{:?}", found[0].why);
        let plain = audit.assess();
        let checked = audit.assess_with(Some(&evidence));
        let domain = |a: &scoring::Assessment| {
            a.domains
                .iter()
                .find(|d| d.id == "mises-a-jour")
                .unwrap()
                .score
        };
        assert!(domain(&checked) < domain(&plain));
        assert_eq!(
            audit.assess_with(None),
            plain,
            "without facts, results are unchanged"
        );
    }

    #[test]
    fn every_machine_that_contradicts_an_answer_gets_its_row() {
        let catalog = catalog::bundled().unwrap();
        let audit = express_with(&catalog, "8-jours");
        let days = |host: &str, days: f64| {
            report(
                host,
                vec![(
                    "patch.security_pending_days",
                    Value::Number(days),
                    Status::Fail,
                )],
            )
        };
        // 12 days: "> 8" holds (at most 2); 40 days: "> 30" and "> 8" hold (at most 1, its
        // strongest rule); 3 days: nothing holds.
        let evidence = Evidence {
            reports: vec![
                days("poste-accueil", 12.0),
                days("srv-fichiers", 3.0),
                days("portable-direction", 40.0),
            ],
        };
        let found = audit.discrepancies(&evidence);
        let rows: Vec<(&str, u8, u8, &Value)> = found
            .iter()
            .map(|d| (d.host.as_str(), d.declared, d.effective, &d.value))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("portable-direction", 3, 1, &Value::Number(40.0)),
                ("poste-accueil", 3, 2, &Value::Number(12.0)),
            ]
        );
        assert!(found.iter().all(|d| d.control == "PAT-01"));
        // The control keeps the lowest level of its rows, as the score does.
        let pat = catalog.control("PAT-01").unwrap();
        assert_eq!(evidence.cap(pat), found.iter().map(|d| d.effective).min());
        // A rule that allows the declared level is no discrepancy.
        let lower = express_with(&catalog, "dans-le-mois");
        let hosts: Vec<String> = lower
            .discrepancies(&evidence)
            .into_iter()
            .map(|d| format!("{} {}→{}", d.host, d.declared, d.effective))
            .collect();
        assert_eq!(hosts, vec!["portable-direction 2→1"]);
    }

    #[test]
    fn an_old_last_upgrade_with_nothing_pending_proves_nothing() {
        let catalog = catalog::bundled().unwrap();
        let audit = express_with(&catalog, "8-jours");
        let evidence = Evidence {
            reports: vec![report(
                "srv-fichiers",
                vec![
                    (
                        "patch.days_since_upgrade",
                        Value::Number(40.0),
                        Status::Warn,
                    ),
                    (
                        "patch.security_pending_days",
                        Value::Number(0.0),
                        Status::Ok,
                    ),
                ],
            )],
        };
        assert_eq!(
            audit.machine_findings(&evidence),
            MachineFindings::default()
        );
        assert_eq!(audit.assess_with(Some(&evidence)), audit.assess());
    }

    #[test]
    fn a_verify_rule_gives_a_point_to_verify_and_leaves_the_score() {
        let catalog = catalog::bundled().unwrap();
        let mut audit = express_with(&catalog, "8-jours");
        let now = chrono::Utc
            .with_ymd_and_hms(2026, 11, 23, 10, 0, 0)
            .unwrap();
        audit
            .session
            .set_answer("BAK-01", "copie-hors-d-atteinte", None, now);
        let evidence = Evidence {
            reports: vec![machine(
                "srv-fichiers",
                "server",
                vec![("backup.tools", Value::List(vec![]), Status::Warn)],
            )],
        };
        let findings = audit.machine_findings(&evidence);
        assert_eq!(findings.discrepancies, vec![]);
        assert_eq!(findings.points_to_verify.len(), 1);
        let point = &findings.points_to_verify[0];
        assert_eq!(
            (point.control.as_str(), point.declared, point.fact.as_str()),
            ("BAK-01", 3, "backup.tools")
        );
        assert_eq!(point.host, "srv-fichiers");
        assert!(point.why.fr.contains("NAS"), "{:?}", point.why);
        let bak = catalog.control("BAK-01").unwrap();
        assert_eq!(evidence.cap(bak), None);
        assert_eq!(audit.assess_with(Some(&evidence)), audit.assess());
        // Answered at the level the fact leaves standing, there is nothing to verify.
        audit
            .session
            .set_answer("BAK-01", "auto-sur-site", None, now);
        assert_eq!(audit.points_to_verify(&evidence), vec![]);
    }

    #[test]
    fn a_rule_limited_to_laptops_holds_on_a_laptop_only() {
        let catalog = catalog::bundled().unwrap();
        let mut audit = express_with(&catalog, "8-jours");
        let now = chrono::Utc
            .with_ymd_and_hms(2026, 11, 23, 10, 0, 0)
            .unwrap();
        audit
            .session
            .set_answer("WKS-02", "tous-chiffres", None, now);
        let clear = || vec![("disk.encrypted", Value::Bool(false), Status::Warn)];
        let on = |role: &str| Evidence {
            reports: vec![machine("m", role, clear())],
        };
        let wks = catalog.control("WKS-02").unwrap();
        assert_eq!(on("laptop").cap(wks), Some(1));
        assert_eq!(on("server").cap(wks), None);
        assert_eq!(on("workstation").cap(wks), None);
        // A machine whose role is unknown (an older facts file) never matches a rule with roles.
        let unknown = Evidence {
            reports: vec![report("m", clear())],
        };
        assert_eq!(unknown.cap(wks), None);
        assert_eq!(audit.discrepancies(&on("server")), vec![]);
        let found = audit.discrepancies(&on("laptop"));
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].declared, found[0].effective), (3, 1));
    }

    #[test]
    fn a_port_listening_on_the_local_network_proves_nothing_of_the_internet() {
        let catalog = catalog::bundled().unwrap();
        let mut audit = express_with(&catalog, "8-jours");
        let now = chrono::Utc
            .with_ymd_and_hms(2026, 11, 23, 10, 0, 0)
            .unwrap();
        audit
            .session
            .set_answer("REM-02", "fermees-verifiees", None, now);
        audit
            .session
            .set_answer("REM-01", "vpn-obligatoire", None, now);
        let lan = Evidence {
            reports: vec![machine(
                "srv-lan",
                "server",
                vec![
                    (
                        "net.admin_exposed",
                        Value::List(vec!["22/tcp 0.0.0.0 sshd".into()]),
                        Status::Warn,
                    ),
                    ("net.admin_public", Value::List(vec![]), Status::Ok),
                ],
            )],
        };
        assert_eq!(audit.machine_findings(&lan), MachineFindings::default());
        // On a public address: a point to verify, not a cap.
        let public = Evidence {
            reports: vec![machine(
                "srv-dmz",
                "server",
                vec![(
                    "net.admin_public",
                    Value::List(vec!["22/tcp 0.0.0.0 sshd".into()]),
                    Status::Fail,
                )],
            )],
        };
        let found = audit.machine_findings(&public);
        assert_eq!(found.discrepancies, vec![]);
        let verified: Vec<&str> = found
            .points_to_verify
            .iter()
            .map(|p| p.control.as_str())
            .collect();
        assert_eq!(verified, vec!["REM-01", "REM-02"]);
        // Seen open from outside (probe-ports): that proves it.
        let probed = Evidence {
            reports: vec![report(
                "cabinet.exemple.fr",
                vec![(
                    "exposure.admin_open",
                    Value::List(vec!["3389/tcp rdp".into()]),
                    Status::Fail,
                )],
            )],
        };
        let capped: Vec<(String, u8, u8)> = audit
            .discrepancies(&probed)
            .into_iter()
            .map(|d| (d.control, d.declared, d.effective))
            .collect();
        assert_eq!(
            capped,
            vec![("REM-01".to_owned(), 3, 2), ("REM-02".to_owned(), 3, 2)]
        );
    }
}
