//! Everything French the program prints or writes follows French typography: a no-break space
//! before `:` and inside guillemets, a narrow no-break space before `;`, `?` and `!`
//! (`docs/glossaire.md`).
//! Each command below runs in French, and its output — text, the strings of its JSON, the
//! reports — is checked with the rule `catalog check` applies to catalogs.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use crate::common::{machines, posture, run_command};
use questionnaire::typography::slips;
use serde_json::Value;

/// `text` without what is code rather than French: HTML entities (`&gt;`, `&#x2f;`), and the
/// `FILE:LINE:COL:` of an error's place, which editors and scripts read as it is.
fn code_out(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let digits = |from: usize| {
        chars
            .iter()
            .skip(from)
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '&' {
            let name = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
                .count();
            if name > 0 && name < 9 && chars.get(i + 1 + name) == Some(&';') {
                out.push('_');
                i += name + 2;
                continue;
            }
        }
        if chars[i] == ':' {
            let line = digits(i + 1);
            let col = digits(i + 2 + line);
            if line > 0
                && chars.get(i + 1 + line) == Some(&':')
                && col > 0
                && chars.get(i + 2 + line + col) == Some(&':')
            {
                out.push('_');
                i += 3 + line + col;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// The slips of `text`, each with a little context; HTML entities (`&gt;`) are not punctuation.
fn slips_in(text: &str) -> Vec<String> {
    let cleaned = code_out(text);
    let chars: Vec<char> = cleaned.chars().collect();
    slips(&cleaned)
        .into_iter()
        .map(|slip| {
            let from = slip.at.saturating_sub(40);
            let to = (slip.at + 10).min(chars.len());
            chars[from..to].iter().collect::<String>()
        })
        .collect()
}

/// The text a browser shows of an HTML page: no style sheet, no script, no tags (their
/// attributes are code, not French).
fn visible_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        rest = &rest[open..];
        let block_end = ["style", "script"].iter().find_map(|tag| {
            rest.starts_with(&format!("<{tag}"))
                .then(|| rest.find(&format!("</{tag}>")))
                .flatten()
        });
        let end = match block_end {
            Some(end) => end,
            None => rest.find('>').unwrap_or(rest.len() - 1),
        };
        rest = &rest[(end + 1).min(rest.len())..];
        text.push(' ');
    }
    text.push_str(rest);
    text
}

/// Every string of a JSON document.
fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(text) => out.push(text.clone()),
        Value::Array(items) => items.iter().for_each(|item| strings(item, out)),
        Value::Object(map) => map.values().for_each(|item| strings(item, out)),
        _ => {}
    }
}

/// Runs `args` in French (no locale: French is the default) and checks both outputs.
fn check(args: &[&str], json: bool, found: &mut Vec<String>) {
    let run = run_command(posture().args(args));
    let what = args.join(" ");
    if json && run.code == Some(0) {
        let mut texts = Vec::new();
        strings(&run.json(), &mut texts);
        for text in texts {
            found.extend(
                slips_in(&text)
                    .into_iter()
                    .map(|s| format!("{what}: {s:?}")),
            );
        }
    } else if run.stdout.starts_with("<!DOCTYPE") {
        found.extend(
            slips_in(&visible_text(&run.stdout))
                .into_iter()
                .map(|s| format!("{what} (page): {s:?}")),
        );
    } else {
        found.extend(
            slips_in(&run.stdout)
                .into_iter()
                .map(|s| format!("{what} (stdout): {s:?}")),
        );
    }
    found.extend(
        slips_in(&run.stderr)
            .into_iter()
            .map(|s| format!("{what} (stderr): {s:?}")),
    );
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

#[test]
fn every_french_output_has_french_typography() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let session = d.join("audit.toml");
    let s = path(&session);
    let old = d.join("ancien.toml");
    let mut found = Vec::new();

    check(
        &[
            "session",
            "new",
            "--profile",
            "express",
            "--org",
            "CPTS du Val",
            "-o",
            path(&old),
        ],
        false,
        &mut found,
    );
    for (control, choice) in [("PAT-01", "dans-le-mois"), ("BAK-01", "unknown")] {
        check(&["answer", path(&old), control, choice], false, &mut found);
    }
    check(
        &[
            "session",
            "new",
            "--profile",
            "express",
            "--org",
            "CPTS du Val",
            "-o",
            s,
        ],
        false,
        &mut found,
    );
    for (control, choice) in [
        ("GOV-00", "non"),
        ("PAT-01", "8-jours"),
        ("BAK-01", "copie-hors-d-atteinte"),
        ("REM-02", "fermees-verifiees"),
    ] {
        check(
            &["answer", s, control, choice, "--note", "vu le rapport"],
            false,
            &mut found,
        );
    }
    let root = d.join("srv");
    machines::neglected_server(&root);
    let facts = d.join("faits.json");
    check(
        &["agent", "collect", "--root", path(&root)],
        false,
        &mut found,
    );
    check(
        &[
            "agent",
            "collect",
            "--root",
            path(&root),
            "-o",
            path(&facts),
        ],
        false,
        &mut found,
    );

    check(&["catalog", "check"], false, &mut found);
    check(&["catalog", "export", "--format", "json"], true, &mut found);
    check(&["score", s], false, &mut found);
    check(&["score", s, "--facts", path(&facts)], false, &mut found);
    check(
        &["score", s, "--facts", path(&facts), "--format", "json"],
        true,
        &mut found,
    );
    check(&["compare", path(&old), s], false, &mut found);
    for format in ["md", "html"] {
        check(
            &[
                "report",
                s,
                "--previous",
                path(&old),
                "--facts",
                path(&facts),
                "--format",
                format,
                "-o",
                "-",
            ],
            false,
            &mut found,
        );
    }
    check(
        &[
            "report",
            s,
            "--facts",
            path(&facts),
            "--format",
            "json",
            "-o",
            "-",
        ],
        true,
        &mut found,
    );

    // Bad input: the messages and their hints.
    check(&["answer", s, "XXX-99", "oui"], false, &mut found);
    check(&["answer", s, "PAT-01", "jamais-vu"], false, &mut found);
    check(&["score", path(&d.join("absent.toml"))], false, &mut found);
    std::fs::write(
        d.join("casse.toml"),
        "[meta]\nformat = 1\norganisation = \"X\n",
    )
    .unwrap();
    check(&["score", path(&d.join("casse.toml"))], false, &mut found);
    check(
        &["agent", "probe-ports", "127.0.0.1", "--ports", "70000"],
        false,
        &mut found,
    );
    check(&["report", s, "--format", "docx"], false, &mut found);

    assert!(
        found.is_empty(),
        "{} slip(s):\n{}",
        found.len(),
        found.join("\n")
    );
}
