//! The validation of submitted documents: a real report passes, each kind of bad input is refused
//! with its field, and no input — mutated, truncated, random — makes it panic.

use collector::document::{MAX_BYTES, MAX_DEPTH, validate};
use proptest::prelude::*;
use serde_json::Value;

/// A report JSON made by `posture report tests/data/session-2026.11.toml --format json`, with an
/// `assessment_id`.
const REPORT: &str = include_str!("data/report.json");

fn report() -> Value {
    serde_json::from_str(REPORT).expect("the test report is JSON")
}

/// The report with `change` applied, validated.
fn refused(change: impl FnOnce(&mut Value)) -> (String, String) {
    let mut value = report();
    change(&mut value);
    let text = value.to_string();
    match validate(text.as_bytes()) {
        Ok(_) => panic!("accepted"),
        Err(invalid) => (invalid.field, invalid.error),
    }
}

#[test]
fn a_real_report_passes() {
    let assessment = validate(REPORT.as_bytes()).expect("valid");
    assert_eq!(
        assessment.assessment_id,
        "6f1c1d0e-3b9a-4c2e-9d7a-5e8f2a1b4c3d"
    );
    assert_eq!(assessment.organisation, "CPTS du Val");
    assert_eq!(assessment.date, "2026-05-12");
    assert_eq!(assessment.score, Some(7.5));
    assert_eq!(assessment.level, Some(0));
    assert_eq!(assessment.domains.len(), 13);
    assert_eq!(assessment.domains[0].id, "gouvernance");
    assert_eq!(assessment.next_assessment.as_deref(), Some("2026-11-12"));
    assert_eq!(assessment.json, REPORT);
}

/// A change made to the report.
type Change = Box<dyn FnOnce(&mut Value)>;

#[test]
fn each_kind_of_bad_document_is_refused_with_its_field() {
    let cases: Vec<(Change, &str)> = vec![
        (
            Box::new(|v| v["schema_version"] = 2.into()),
            "schema_version",
        ),
        (
            Box::new(|v| v["schema_version"] = "1".into()),
            "schema_version",
        ),
        (
            Box::new(|v| {
                v.as_object_mut().map(|o| o.remove("assessment_id"));
            }),
            "assessment_id",
        ),
        (
            Box::new(|v| v["assessment_id"] = "../x y".into()),
            "assessment_id",
        ),
        (
            Box::new(|v| v["assessment_id"] = 12.into()),
            "assessment_id",
        ),
        (
            Box::new(|v| v["cover"]["organisation"] = "  ".into()),
            "cover.organisation",
        ),
        (
            Box::new(|v| v["cover"]["date"] = "2026-13-01".into()),
            "cover.date",
        ),
        (Box::new(|v| v["cover"] = Value::Null), "cover"),
        (
            Box::new(|v| v["overall"]["score"] = 100.5.into()),
            "overall.score",
        ),
        (
            Box::new(|v| v["overall"]["score"] = (-1).into()),
            "overall.score",
        ),
        (
            Box::new(|v| v["overall"]["score"] = "50".into()),
            "overall.score",
        ),
        (
            Box::new(|v| v["overall"]["level"] = 5.into()),
            "overall.level",
        ),
        (
            Box::new(|v| v["overall"]["level"] = 1.5.into()),
            "overall.level",
        ),
        (
            Box::new(|v| v["domains"][3]["score"] = 101.into()),
            "domains[3].score",
        ),
        (
            Box::new(|v| v["domains"][2]["level"] = (-1).into()),
            "domains[2].level",
        ),
        (
            Box::new(|v| {
                v["domains"][0].as_object_mut().map(|o| o.remove("id"));
            }),
            "domains[0].id",
        ),
        (Box::new(|v| v["domains"][1] = 3.into()), "domains[1]"),
        (Box::new(|v| v["domains"] = Value::Null), "domains"),
        (
            Box::new(|v| v["next_assessment"] = "demain".into()),
            "next_assessment",
        ),
    ];
    for (change, field) in cases {
        let (got, error) = refused(change);
        assert_eq!(got, field, "{error}");
        assert!(!error.is_empty());
    }
}

#[test]
fn malformed_bodies_are_refused() {
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    let huge_number = REPORT.replacen("\"score\": 7.5", "\"score\": 1e400", 1);
    assert_ne!(huge_number, REPORT);
    let oversized = format!("{REPORT}{}", " ".repeat(MAX_BYTES));
    let bodies: Vec<&[u8]> = vec![
        b"",
        b"{",
        b"[]",
        b"\"text\"",
        b"null",
        b"\xff\xfe{}",
        deep.as_bytes(),
        huge_number.as_bytes(),
        oversized.as_bytes(),
        &REPORT.as_bytes()[..REPORT.len() / 2],
    ];
    for body in bodies {
        let invalid = validate(body).expect_err("refused");
        assert_eq!(invalid.field, "", "{invalid}");
    }
    // Nesting deep inside a string is only text.
    let mut value = report();
    value["cover"]["auditor"] = "[".repeat(10_000).into();
    assert!(validate(value.to_string().as_bytes()).is_ok());
}

#[test]
fn null_scores_are_accepted() {
    let mut value = report();
    value["overall"]["score"] = Value::Null;
    value["overall"]["level"] = Value::Null;
    value["domains"][0]["score"] = Value::Null;
    value["next_assessment"] = Value::Null;
    let assessment = validate(value.to_string().as_bytes()).expect("valid");
    assert_eq!((assessment.score, assessment.level), (None, None));
    assert_eq!(assessment.domains[0].score, None);
    assert_eq!(assessment.next_assessment, None);
}

/// A mutation of the report's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Truncate(usize),
    Flip(usize, u8),
    Insert(usize, Vec<u8>),
    Remove(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let len = REPORT.len();
    prop_oneof![
        (0..len).prop_map(Mutation::Truncate),
        (0..len, any::<u8>()).prop_map(|(at, byte)| Mutation::Flip(at, byte)),
        (0..len, prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        (0..len, 1..64usize).prop_map(|(at, count)| Mutation::Remove(at, count)),
    ]
}

fn apply(body: &mut Vec<u8>, mutation: &Mutation) {
    match mutation {
        Mutation::Truncate(at) => body.truncate(*at),
        Mutation::Flip(at, byte) => {
            if let Some(slot) = body.get_mut(*at) {
                *slot = *byte;
            }
        }
        Mutation::Insert(at, bytes) => {
            let at = (*at).min(body.len());
            body.splice(at..at, bytes.iter().copied());
        }
        Mutation::Remove(at, count) => {
            let at = (*at).min(body.len());
            let end = (at + count).min(body.len());
            body.drain(at..end);
        }
    }
}

/// Values that a field of the report may be replaced with.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
            prop::collection::hash_map(".{0,6}", inner, 0..6)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn mutated_bytes_never_panic(mutations in prop::collection::vec(mutation(), 1..6)) {
        let mut body = REPORT.as_bytes().to_vec();
        for mutation in &mutations {
            apply(&mut body, mutation);
        }
        let _ = validate(&body);
    }

    #[test]
    fn replaced_fields_never_panic(
        field in prop::sample::select(vec![
            "/schema_version", "/assessment_id", "/cover", "/cover/organisation", "/cover/date",
            "/overall", "/overall/score", "/overall/level", "/domains", "/domains/0",
            "/domains/4/score", "/domains/12/level", "/domains/0/id", "/next_assessment",
        ]),
        value in json_value(),
    ) {
        let mut document = report();
        if let Some(slot) = document.pointer_mut(field) {
            *slot = value;
        }
        let text = document.to_string();
        if let Ok(assessment) = validate(text.as_bytes()) {
            // Whatever passes is within the schema's ranges.
            prop_assert!(assessment.score.is_none_or(|s| (0.0..=100.0).contains(&s)));
            prop_assert!(assessment.level.is_none_or(|l| l <= 4));
            for domain in &assessment.domains {
                prop_assert!(domain.score.is_none_or(|s| (0.0..=100.0).contains(&s)));
                prop_assert!(domain.level.is_none_or(|l| l <= 4));
            }
        }
    }

    #[test]
    fn random_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = validate(&body);
    }
}
