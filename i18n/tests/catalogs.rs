//! The message catalogs: the same messages and arguments in every language, each message used by
//! the program, plurals as each language counts, French typography, and a third language that is
//! only a file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use i18n::{Lang, Messages, t};

/// Every message of a catalog file and the arguments (`$name`) it uses.
fn catalog(path: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let resource = fluent_syntax::parser::parse(text.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
    let mut messages = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let mut arguments = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_arguments(value, &mut arguments);
                }
                for attribute in &message.attributes {
                    pattern_arguments(&attribute.value, &mut arguments);
                }
                let id = message.id.name.to_owned();
                assert!(
                    messages.insert(id.clone(), arguments).is_none(),
                    "{}: {id} twice",
                    path.display()
                );
            }
            Entry::Junk { content } => panic!("{}: unreadable: {content}", path.display()),
            _ => {}
        }
    }
    messages
}

fn pattern_arguments(pattern: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_arguments(expression, out);
        }
    }
}

fn expression_arguments(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_arguments(selector, out);
            for variant in variants {
                pattern_arguments(&variant.value, out);
            }
        }
        Expression::Inline(inline) => inline_arguments(inline, out),
    }
}

fn inline_arguments(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_arguments(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_arguments(argument, out);
            }
            for argument in &arguments.named {
                inline_arguments(&argument.value, out);
            }
        }
        _ => {}
    }
}

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The catalog files of the bundled languages: `posture.ftl` and one per crate.
const FILES: [&str; 6] = [
    "posture",
    "agent",
    "questionnaire",
    "reports",
    "cli",
    "collector",
];

fn bundled_file(lang: Lang, file: &str) -> BTreeMap<String, BTreeSet<String>> {
    catalog(
        &crate_dir()
            .join("locales")
            .join(lang.code())
            .join(format!("{file}.ftl")),
    )
}

/// Every message of a bundled language, over all its files; an id in two files fails.
fn bundled(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for file in FILES {
        for (id, arguments) in bundled_file(lang, file) {
            assert!(
                all.insert(id.clone(), arguments).is_none(),
                "{id} is in two files of {lang:?}"
            );
        }
    }
    all
}

#[test]
fn a_language_is_the_files_of_its_directory_and_no_other() {
    for lang in i18n::LANGUAGES {
        let dir = crate_dir().join("locales").join(lang.code());
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .flatten()
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let mut expected: Vec<String> = FILES.iter().map(|f| format!("{f}.ftl")).collect();
        expected.sort();
        assert_eq!(names, expected, "{}", dir.display());
    }
}

#[test]
fn every_message_is_in_both_languages_with_the_same_arguments() {
    let french = bundled(Lang::Fr);
    let english = bundled(Lang::En);
    assert!(!french.is_empty());
    let only = |a: &BTreeMap<String, _>, b: &BTreeMap<String, _>| -> Vec<String> {
        a.keys()
            .filter(|id| !b.contains_key(*id))
            .cloned()
            .collect()
    };
    assert_eq!(
        only(&french, &english),
        Vec::<String>::new(),
        "in French only"
    );
    assert_eq!(
        only(&english, &french),
        Vec::<String>::new(),
        "in English only"
    );
    for (id, arguments) in &french {
        assert_eq!(Some(arguments), english.get(id), "the arguments of {id}");
    }
    // Each message is in the same file in both languages.
    for file in FILES {
        let french: BTreeSet<String> = bundled_file(Lang::Fr, file).into_keys().collect();
        let english: BTreeSet<String> = bundled_file(Lang::En, file).into_keys().collect();
        assert_eq!(french, english, "{file}.ftl");
    }
    // The loader has them all, in both languages.
    for lang in i18n::LANGUAGES {
        for id in french.keys() {
            assert!(i18n::messages(lang).has(id), "{id} in {lang:?}");
        }
    }
}

/// The Rust files of the workspace, outside the i18n crate's tests (which name every message) and
/// the build's output.
fn workspace_sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            if !name.starts_with('.') && name != "target" && path != crate_dir().join("tests") {
                workspace_sources(&path, out);
            }
        } else if name.ends_with(".rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_message_is_used_by_the_program() {
    let root = crate_dir()
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let mut files = Vec::new();
    workspace_sources(&root, &mut files);
    assert!(files.len() > 20, "{files:?}");
    let sources: String = files
        .iter()
        .filter_map(|path| std::fs::read_to_string(path).ok())
        .collect();
    let unused: Vec<String> = bundled(Lang::Fr)
        .into_keys()
        .filter(|id| !sources.contains(&format!("\"{id}\"")))
        .collect();
    assert_eq!(unused, Vec::<String>::new(), "messages no source names");
}

#[test]
fn days_are_counted_as_each_language_counts() {
    let fr = |count: u64| t!(Lang::Fr, "days", count = count);
    let en = |count: u64| t!(Lang::En, "days", count = count);
    assert_eq!(fr(0), "0 jour");
    assert_eq!(fr(1), "1 jour");
    assert_eq!(fr(2), "2 jours");
    assert_eq!(fr(40), "40 jours");
    assert_eq!(en(0), "0 days");
    assert_eq!(en(1), "1 day");
    assert_eq!(en(2), "2 days");
    // No bidi isolation marks around the arguments.
    assert!(!fr(2).contains(['\u{2068}', '\u{2069}']));
}

#[test]
fn a_third_language_is_a_file() {
    let german = Messages::from_dir(&crate_dir().join("tests/data"), "de").unwrap_or_else(|e| {
        panic!("{e}");
    });
    assert_eq!(t!(german, "fact-status-ok"), "in Ordnung");
    assert_eq!(t!(german, "fact-status-warn"), "zu beobachten");
    assert_eq!(t!(german, "fact-status-fail"), "nicht konform");
    assert_eq!(t!(german, "fact-status-unknown"), "unbekannt");
    let count = 1;
    assert_eq!(t!(german, "days", count = count), "1 Tag");
    let count = 3;
    assert_eq!(t!(&german, "days", count = count), "3 Tage");
    // The same API reads Fluent text, and says what is wrong with a file that is not one.
    let italian = Messages::from_str("it", "fact-status-ok = ok\n").unwrap_or_else(|e| {
        panic!("{e}");
    });
    assert_eq!(t!(italian, "fact-status-ok"), "ok");
    assert!(Messages::from_dir(&crate_dir().join("tests/data"), "xx").is_err());
    assert!(Messages::from_str("not a language!", "a = b\n").is_err());
    // The catalog texts of a language that is not bundled come from the nearest bundled one.
    assert_eq!(german.nearest(), Lang::Fr);
    let british = Messages::from_str("en-GB", "days = d\n").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(british.nearest(), Lang::En);
}

#[test]
fn the_test_language_has_french_messages_with_their_arguments() {
    // The German file renders the score table (questionnaire/src/results.rs): its messages are
    // the French file's, with the same arguments.
    let mut german = catalog(&crate_dir().join("tests/data/de/posture.ftl"));
    german.extend(catalog(
        &crate_dir().join("tests/data/de/questionnaire.ftl"),
    ));
    let french = bundled(Lang::Fr);
    assert!(german.contains_key("score-overall"));
    for (id, arguments) in &german {
        assert_eq!(french.get(id), Some(arguments), "the arguments of {id}");
    }
    let level = 3;
    let german = Messages::from_dir(&crate_dir().join("tests/data"), "de").unwrap_or_else(|e| {
        panic!("{e}");
    });
    assert_eq!(
        t!(german, "level-name", level = level),
        "festgelegt und angewandt"
    );
    assert_eq!(
        i18n::level_name(level).en,
        t!(Lang::En, "level-name", level = level)
    );
}

#[test]
fn every_french_message_follows_french_typography() {
    let loader = i18n::messages(Lang::Fr);
    let mut checked = 0;
    for id in bundled(Lang::Fr).keys() {
        // Every variant of a plural: render with counts that select each.
        for count in [0_u64, 1, 2, 5] {
            let mut args = std::collections::HashMap::new();
            args.insert("count", count);
            let text = loader.get_args(id, args);
            let slips = i18n::typography::slips(&text);
            assert!(slips.is_empty(), "{id}: {text:?}: {slips:?}");
            checked += 1;
        }
    }
    assert!(checked > 0);
}
