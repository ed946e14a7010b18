//! Benchmark of scoring: one complete audit the size of the bundled catalog, and 100,000 audits.
//!
//! `cargo bench -p scoring`

use scoring::{ControlInput, ControlState, DomainInput, assess};

fn main() {
    divan::main();
}

/// An audit shaped like the bundled catalog: 13 domains, 6 controls each, every answer given.
fn complete_audit(seed: usize) -> Vec<DomainInput> {
    (0..13)
        .map(|d| DomainInput {
            id: format!("domain-{d:02}"),
            weight: 1 + (d % 3) as u32,
            controls: (0..6)
                .map(|c| ControlInput {
                    id: format!("D{d:02}-{c:02}"),
                    weight: 1 + ((c + d) % 3) as u32,
                    critical: c == 0,
                    target: 3,
                    state: match (seed + d * 7 + c * 3) % 7 {
                        5 => ControlState::Unknown,
                        6 => ControlState::NotApplicable,
                        level => ControlState::Level(level as u8 % 5),
                    },
                    cap: None,
                })
                .collect(),
        })
        .collect()
}

#[divan::bench]
fn one_complete_session(bencher: divan::Bencher) {
    let audit = complete_audit(0);
    bencher.bench(|| assess(divan::black_box(&audit)));
}

#[divan::bench(sample_count = 10)]
fn hundred_thousand_sessions(bencher: divan::Bencher) {
    let audits: Vec<Vec<DomainInput>> = (0..100).map(complete_audit).collect();
    bencher.bench(|| {
        (0..100_000)
            .filter_map(|i| {
                assess(divan::black_box(&audits[i % audits.len()]))
                    .overall
                    .score
            })
            .sum::<f64>()
    });
}
