//! Fuzzes the validation of submitted documents: whatever the bytes, `validate` returns (it
//! never panics, never overflows the stack), and what it accepts is within the schema's ranges.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|body: &[u8]| {
    if let Ok(assessment) = collector::document::validate(body) {
        assert!(assessment.score.is_none_or(|s| (0.0..=100.0).contains(&s)));
        assert!(assessment.level.is_none_or(|l| l <= 4));
        for domain in &assessment.domains {
            assert!(domain.score.is_none_or(|s| (0.0..=100.0).contains(&s)));
            assert!(domain.level.is_none_or(|l| l <= 4));
        }
        assert_eq!(assessment.json.as_bytes(), body);
    }
});
