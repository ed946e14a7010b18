//! Crates depend only on what they use: the agent, which runs on the organisation's machines,
//! reads facts and probes TLS without the questionnaire, its catalog parser and its terminal UI.
#![allow(clippy::unwrap_used)]

use std::path::Path;

/// The dependencies (normal and per target) that a crate's Cargo.toml names.
fn dependencies(manifest: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(manifest).unwrap();
    let manifest: toml::Table = toml::from_str(&text).unwrap();
    let mut names = Vec::new();
    let mut add = |table: Option<&toml::Value>| {
        if let Some(table) = table.and_then(toml::Value::as_table) {
            names.extend(table.keys().cloned());
        }
    };
    add(manifest.get("dependencies"));
    add(manifest.get("build-dependencies"));
    if let Some(targets) = manifest.get("target").and_then(toml::Value::as_table) {
        for target in targets.values() {
            add(target.get("dependencies"));
            add(target.get("build-dependencies"));
        }
    }
    names
}

#[test]
fn the_agent_does_not_depend_on_the_questionnaire_or_the_terminal_ui() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let agent = dependencies(&root.join("agent/Cargo.toml"));
    assert!(agent.iter().any(|name| name == "i18n"), "{agent:?}");
    assert!(agent.iter().any(|name| name == "scoring"), "{agent:?}");
    for unwanted in [
        "questionnaire",
        "ratatui",
        "ratatui-textarea",
        "crossterm",
        "toml",
    ] {
        assert!(
            !agent.iter().any(|name| name == unwanted),
            "agent/Cargo.toml depends on {unwanted}: {agent:?}"
        );
    }
    // The languages crate is as small: no UI, no catalog; of posture's crates only scoring, for
    // the facts and the messages they carry, which it says in a language.
    let i18n = dependencies(&root.join("i18n/Cargo.toml"));
    for unwanted in [
        "questionnaire",
        "ratatui",
        "crossterm",
        "agent",
        "reports",
        "toml",
    ] {
        assert!(
            !i18n.iter().any(|name| name == unwanted),
            "i18n/Cargo.toml depends on {unwanted}: {i18n:?}"
        );
    }
}

#[test]
fn scoring_depends_on_nothing_of_posture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let scoring = dependencies(&root.join("scoring/Cargo.toml"));
    for ours in ["i18n", "questionnaire", "agent", "reports", "posture"] {
        assert!(
            !scoring.iter().any(|name| name == ours),
            "scoring/Cargo.toml depends on {ours}: {scoring:?}"
        );
    }
}
