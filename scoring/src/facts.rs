//! Facts collected on a machine by `posture agent`, and the evidence rules that compare them with
//! the answers: "patches are applied within a week" cannot hold on a server last upgraded 40
//! days ago. Pure data and pure functions, shared by the agent (which writes facts) and the
//! questionnaire (which applies them).

use serde::{Deserialize, Serialize, Serializer};

/// What a fact says about the audit's requirements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Meets the requirement.
    Ok,
    /// Worth a look.
    Warn,
    /// Contradicts the requirement.
    Fail,
    /// Could not be read (needs root, hidden in a container, missing tool): never a failure.
    Unknown,
}

/// A fact's value. In JSON, a whole number is written as an integer (`40`, not `40.0`): the
/// agent's numbers are counts and days.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Value {
    /// Nothing could be read.
    Null,
    /// Yes or no.
    Bool(bool),
    /// A count, a number of days…
    Number(f64),
    /// A name, a version, a date.
    Text(String),
    /// Several items (listening ports, account names…).
    List(Vec<String>),
}

/// Largest magnitude below which every whole `f64` is exactly an integer (2^53).
const EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Number(n) if n.fract() == 0.0 && n.abs() < EXACT_INTEGER => {
                serializer.serialize_i64(*n as i64)
            }
            Value::Number(n) => serializer.serialize_f64(*n),
            Value::Text(text) => serializer.serialize_str(text),
            Value::List(items) => items.serialize(serializer),
        }
    }
}

/// One fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    /// Documented key, e.g. `patch.days_since_upgrade` (see `docs/facts.md`).
    pub key: String,
    /// The value read.
    pub value: Value,
    /// What it means.
    pub status: Status,
    /// The file or command it came from.
    pub source: String,
    /// The sentence, in the language the facts were collected in: what older facts files
    /// carry, and what a reader without posture's catalogs shows.
    pub detail: String,
    /// The same sentence as a message of posture's catalogs, made again in the language of the
    /// screen or report (absent from the facts files written before facts carried messages).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<crate::message::Message>,
}

/// What `posture agent collect --format json` writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactReport {
    /// Version of posture's agent.
    pub agent_version: String,
    /// Host name.
    pub host: String,
    /// When the facts were read (RFC 3339).
    pub collected_at: String,
    /// Whether it ran as root.
    pub root: bool,
    /// Whether it ran in a container.
    pub container: bool,
    /// The facts.
    pub facts: Vec<Fact>,
}

/// How an evidence rule compares a fact's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Op {
    /// Number greater than.
    #[serde(rename = ">")]
    Greater,
    /// Number at least.
    #[serde(rename = ">=")]
    AtLeast,
    /// Number less than.
    #[serde(rename = "<")]
    Less,
    /// Number at most.
    #[serde(rename = "<=")]
    AtMost,
    /// Equal (a boolean, a number or a text).
    #[serde(rename = "==")]
    Equal,
    /// Different.
    #[serde(rename = "!=")]
    NotEqual,
    /// A list with at least one item (or a non-empty text).
    #[serde(rename = "not-empty")]
    NotEmpty,
    /// A list with no item (or an empty text).
    #[serde(rename = "empty")]
    Empty,
}

/// What an evidence rule does when it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    /// The fact proves the answers above `max_level` false: they count at most `max_level`.
    Cap,
    /// The fact questions the answers above `max_level` without proving them false (one host
    /// said of the whole organisation, a port listening on the local network said of the
    /// Internet): a point to verify, shown beside the answer; the score is untouched.
    Verify,
}

/// Why a rule's fact bears on the answer: which claim of which option it disproves (or
/// questions), on which kind of machine. Printed beside the discrepancy or the point to verify.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Reason {
    /// Français.
    pub fr: String,
    /// English.
    pub en: String,
}

/// "When fact `fact` `op` `value` on a machine of one of `roles`, the answers above `max_level`
/// are disproved (`cap`) or to be verified (`verify`)."
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceRule {
    /// The fact key.
    pub fact: String,
    /// The comparison.
    pub op: Op,
    /// The value compared with (absent for `empty` / `not-empty`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// Cap the answer, or only ask to verify it.
    pub kind: RuleKind,
    /// The highest level the fact leaves standing: answers above it are the ones it disproves
    /// (`cap`: they count at this level) or questions (`verify`).
    pub max_level: u8,
    /// The kinds of machine (`host.role`: `server`, `laptop`, `workstation`) on which the fact
    /// means something for this control; empty: any machine. A machine whose role is unknown
    /// matches only a rule with no roles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// Which claim the fact disproves or questions, and why.
    #[serde(default)]
    pub reason: Reason,
}

/// The key of the fact that says what kind of machine a report describes.
pub const ROLE_KEY: &str = "host.role";

impl FactReport {
    /// The machine's role (`host.role`), when the agent could tell it.
    pub fn role(&self) -> Option<&str> {
        self.facts
            .iter()
            .find(|fact| fact.key == ROLE_KEY && fact.status != Status::Unknown)
            .and_then(|fact| match &fact.value {
                Value::Text(role) => Some(role.as_str()),
                _ => None,
            })
    }
}

impl EvidenceRule {
    /// Whether the rule applies to a machine of this role: a rule limited to some roles never
    /// applies to a machine whose role is unknown.
    pub fn applies_to(&self, role: Option<&str>) -> bool {
        self.roles.is_empty() || role.is_some_and(|role| self.roles.iter().any(|r| r == role))
    }

    /// Whether the rule holds for this fact on a machine of this role.
    pub fn holds_on(&self, fact: &Fact, role: Option<&str>) -> bool {
        self.applies_to(role) && self.holds(fact)
    }

    /// Whether the rule holds for this fact (whatever the machine's role). A fact whose status
    /// is unknown, or whose value does not have the compared type, never holds: missing
    /// evidence never lowers an answer.
    pub fn holds(&self, fact: &Fact) -> bool {
        if fact.key != self.fact || fact.status == Status::Unknown {
            return false;
        }
        let number = |value: &Value| match value {
            Value::Number(n) => Some(*n),
            _ => None,
        };
        match self.op {
            Op::Greater | Op::AtLeast | Op::Less | Op::AtMost => {
                let (Some(actual), Some(limit)) =
                    (number(&fact.value), self.value.as_ref().and_then(number))
                else {
                    return false;
                };
                match self.op {
                    Op::Greater => actual > limit,
                    Op::AtLeast => actual >= limit,
                    Op::Less => actual < limit,
                    _ => actual <= limit,
                }
            }
            Op::Equal | Op::NotEqual => {
                let Some(expected) = &self.value else {
                    return false;
                };
                if fact.value == Value::Null {
                    return false;
                }
                (fact.value == *expected) == (self.op == Op::Equal)
            }
            Op::NotEmpty | Op::Empty => {
                let empty = match &fact.value {
                    Value::List(items) => items.is_empty(),
                    Value::Text(text) => text.is_empty(),
                    _ => return false,
                };
                empty == (self.op == Op::Empty)
            }
        }
    }
}

/// The kind of value a fact key holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// [`Value::Bool`].
    Bool,
    /// [`Value::Number`].
    Number,
    /// [`Value::Text`].
    Text,
    /// [`Value::List`].
    List,
}

/// Every fact key the agent documents (`docs/facts.md`), with the kind of its value. Evidence
/// rules in a catalog may only name these.
pub const FACT_KEYS: &[(&str, Kind)] = &[
    ("os.name", Kind::Text),
    ("os.version", Kind::Text),
    ("os.kernel", Kind::Text),
    ("os.supported", Kind::Bool),
    ("os.eol_date", Kind::Text),
    ("host.uptime_days", Kind::Number),
    ("host.role", Kind::Text),
    ("patch.last_upgrade", Kind::Text),
    ("patch.days_since_upgrade", Kind::Number),
    ("patch.auto_updates", Kind::Bool),
    ("patch.reboot_required", Kind::Bool),
    ("patch.pending_security", Kind::Number),
    ("patch.security_pending_days", Kind::Number),
    ("net.listening", Kind::List),
    ("net.admin_exposed", Kind::List),
    ("net.public_addresses", Kind::List),
    ("net.admin_public", Kind::List),
    ("ssh.password_auth", Kind::Bool),
    ("ssh.root_login", Kind::Bool),
    ("ssh.root_login_mode", Kind::Text),
    ("ssh.mfa", Kind::Bool),
    ("fw.active", Kind::Bool),
    ("disk.encrypted", Kind::Bool),
    ("auth.lockout", Kind::Bool),
    ("auth.password_minlen", Kind::Number),
    ("auth.mfa_pam", Kind::Bool),
    ("accounts.uid0_extra", Kind::List),
    ("accounts.generic", Kind::List),
    ("av.present", Kind::Bool),
    ("av.signatures_age_days", Kind::Number),
    ("log.persistent", Kind::Bool),
    ("log.retention_days", Kind::Number),
    ("time.synced", Kind::Bool),
    ("screen.lock", Kind::Bool),
    ("backup.tools", Kind::List),
    ("tls.version", Kind::Text),
    ("tls.cert_valid", Kind::Bool),
    ("tls.cert_days_left", Kind::Number),
    ("tls.chain_valid", Kind::Bool),
    ("https.redirect", Kind::Bool),
    ("https.hsts", Kind::Bool),
    ("exposure.target", Kind::Text),
    ("exposure.open_ports", Kind::List),
    ("exposure.admin_open", Kind::List),
    ("exposure.probed_ports", Kind::Number),
    // Windows only (posture-agent on Windows; docs/facts.md, "Windows").
    ("os.build", Kind::Text),
    ("av.realtime", Kind::Bool),
    ("fw.profiles", Kind::List),
    ("rdp.enabled", Kind::Bool),
    ("rdp.nla", Kind::Bool),
    ("rdp.port", Kind::Number),
    ("smb.v1", Kind::Bool),
    ("remote.tools", Kind::List),
    ("accounts.admins", Kind::List),
    ("accounts.guest_enabled", Kind::Bool),
    ("log.security_size", Kind::Number),
];

/// The texts a fact key may hold, for the text keys whose values form a closed set
/// (`docs/facts.md`). An evidence rule comparing one of these keys with another text could
/// never hold: `posture catalog check` rejects it. Text keys not listed here (names,
/// versions, dates) hold free text.
pub const TEXT_VALUES: &[(&str, &[&str])] = &[
    ("tls.version", &["TLSv1.3", "TLSv1.2", "< TLSv1.2"]),
    (
        "ssh.root_login_mode",
        &["yes", "prohibit-password", "forced-commands-only", "no"],
    ),
    ("host.role", &["server", "laptop", "workstation"]),
];

/// The texts a fact key may hold, when they form a closed set.
pub fn allowed_values(key: &str) -> Option<&'static [&'static str]> {
    TEXT_VALUES
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, values)| *values)
}

/// The kind of a documented fact key.
pub fn kind_of(key: &str) -> Option<Kind> {
    FACT_KEYS
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, kind)| *kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fact(key: &str, value: Value, status: Status) -> Fact {
        Fact {
            key: key.into(),
            value,
            status,
            source: "/var/log/apt/history.log".into(),
            detail: String::new(),
            message: None,
        }
    }

    fn rule(fact: &str, op: Op, value: Option<Value>) -> EvidenceRule {
        EvidenceRule {
            fact: fact.into(),
            op,
            value,
            kind: RuleKind::Cap,
            max_level: 1,
            roles: Vec::new(),
            reason: Reason::default(),
        }
    }

    #[test]
    fn a_rule_limited_to_roles_applies_only_to_machines_known_to_have_one() {
        let mut encrypted = rule("disk.encrypted", Op::Equal, Some(Value::Bool(false)));
        encrypted.roles = vec!["laptop".into()];
        let clear = fact("disk.encrypted", Value::Bool(false), Status::Fail);
        assert!(encrypted.holds_on(&clear, Some("laptop")));
        assert!(!encrypted.holds_on(&clear, Some("server")));
        assert!(!encrypted.holds_on(&clear, None));
        encrypted.roles.clear();
        assert!(encrypted.holds_on(&clear, None));
        let report = FactReport {
            agent_version: "0".into(),
            host: "h".into(),
            collected_at: "2026-12-01T10:00:00Z".into(),
            root: false,
            container: false,
            facts: vec![
                fact(ROLE_KEY, Value::Text("laptop".into()), Status::Ok),
                clear.clone(),
            ],
        };
        assert_eq!(report.role(), Some("laptop"));
        let unknown = FactReport {
            facts: vec![fact(ROLE_KEY, Value::Null, Status::Unknown)],
            ..report
        };
        assert_eq!(unknown.role(), None);
    }

    #[test]
    fn numbers_compare_and_unknown_never_holds() {
        let late = rule(
            "patch.days_since_upgrade",
            Op::Greater,
            Some(Value::Number(30.0)),
        );
        assert!(late.holds(&fact(
            "patch.days_since_upgrade",
            Value::Number(40.0),
            Status::Fail
        )));
        assert!(!late.holds(&fact(
            "patch.days_since_upgrade",
            Value::Number(3.0),
            Status::Ok
        )));
        assert!(!late.holds(&fact(
            "patch.days_since_upgrade",
            Value::Number(400.0),
            Status::Unknown
        )));
        assert!(!late.holds(&fact("patch.days_since_upgrade", Value::Null, Status::Fail)));
        assert!(!late.holds(&fact("other.key", Value::Number(40.0), Status::Fail)));
    }

    #[test]
    fn lists_and_booleans() {
        let exposed = rule("net.admin_exposed", Op::NotEmpty, None);
        assert!(exposed.holds(&fact(
            "net.admin_exposed",
            Value::List(vec!["22/tcp".into()]),
            Status::Fail
        )));
        assert!(!exposed.holds(&fact("net.admin_exposed", Value::List(vec![]), Status::Ok)));
        let no_firewall = rule("fw.active", Op::Equal, Some(Value::Bool(false)));
        assert!(no_firewall.holds(&fact("fw.active", Value::Bool(false), Status::Fail)));
        assert!(!no_firewall.holds(&fact("fw.active", Value::Bool(true), Status::Ok)));
    }

    #[test]
    fn whole_numbers_are_written_as_integers() {
        let json = |value: Value| serde_json::to_string(&value).unwrap();
        assert_eq!(json(Value::Number(70.0)), "70");
        assert_eq!(json(Value::Number(-3.0)), "-3");
        assert_eq!(json(Value::Number(0.0)), "0");
        assert_eq!(json(Value::Number(2.5)), "2.5");
        assert_eq!(json(Value::Null), "null");
        assert_eq!(json(Value::List(vec!["a".into()])), r#"["a"]"#);
        // And they read back as the same value.
        let back: Value = serde_json::from_str("70").unwrap();
        assert_eq!(back, Value::Number(70.0));
    }

    #[test]
    fn closed_text_sets_belong_to_documented_text_keys() {
        for (key, values) in TEXT_VALUES {
            assert_eq!(kind_of(key), Some(Kind::Text), "{key}");
            assert!(!values.is_empty(), "{key}");
        }
        assert_eq!(
            allowed_values("tls.version"),
            Some(&["TLSv1.3", "TLSv1.2", "< TLSv1.2"][..])
        );
        assert_eq!(allowed_values("os.name"), None);
    }

    #[test]
    fn the_json_shape_is_the_documented_one() {
        let text = r#"{"key":"fw.active","value":false,"status":"fail","source":"nft list ruleset","detail":"aucune règle"}"#;
        let parsed: Fact = serde_json::from_str(text).unwrap();
        assert_eq!(parsed.value, Value::Bool(false));
        assert_eq!(parsed.status, Status::Fail);
        let list: Value = serde_json::from_str(r#"["22/tcp 0.0.0.0"]"#).unwrap();
        assert_eq!(list, Value::List(vec!["22/tcp 0.0.0.0".into()]));
    }
}
