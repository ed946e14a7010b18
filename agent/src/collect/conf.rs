//! `key = value` files (os-release, journald, ufw, dnf-automatic, yum-cron, pwquality,
//! faillock): one setting a line; blank lines and lines starting with `#` or `;` skipped; key
//! and value trimmed; matching quotes around the value (`"…"`, `'…'`) removed.

/// The settings of a text, in order.
pub(crate) fn entries(text: &str) -> impl DoubleEndedIterator<Item = (&str, &str)> {
    text.lines().filter_map(entry)
}

/// One `key = value` line: `None` for a blank line, a comment or a line without `=`.
pub(crate) fn entry(line: &str) -> Option<(&str, &str)> {
    let line = line.trim();
    if line.is_empty() || line.starts_with(['#', ';']) {
        return None;
    }
    let (key, value) = line.split_once('=')?;
    Some((key.trim(), unquote(value.trim())))
}

/// The value of `key`: the last one set wins.
pub(crate) fn value<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    entries(text).rev().find(|(k, _)| *k == key).map(|(_, v)| v)
}

/// The value of `key` in a file where `#` starts a comment anywhere on a line (`minlen = 14 #
/// CNIL`: libpwquality, pam_faillock); the last one set wins.
pub(crate) fn value_before_comments<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines()
        .rev()
        .filter_map(|line| entry(line.split('#').next().unwrap_or("")))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
}

/// Whether a setting says yes: `yes`, `true`, `1` or `on`, in any case.
pub(crate) fn yes(value: &str) -> bool {
    ["yes", "true", "1", "on"]
        .iter()
        .any(|word| value.eq_ignore_ascii_case(word))
}

/// A value without the quotes around it, when they match.
fn unquote(value: &str) -> &str {
    ['"', '\'']
        .iter()
        .find_map(|quote| {
            value
                .strip_prefix(*quote)
                .and_then(|rest| rest.strip_suffix(*quote))
        })
        .unwrap_or(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_blank_lines_and_quotes() {
        let text = "# Storage=none\n; Storage=volatile\n\n  Storage = \"persistent\"  \nNAME='Debian'\nODD=\"half\ngarbage\n=\n";
        assert_eq!(
            entries(text).collect::<Vec<_>>(),
            vec![
                ("Storage", "persistent"),
                ("NAME", "Debian"),
                ("ODD", "\"half"),
                ("", "")
            ]
        );
        assert_eq!(value("a=1\na = 2\n", "a"), Some("2"));
        assert_eq!(value("a=1\n", "b"), None);
        assert_eq!(
            value("apply_updates = yes # no\n", "apply_updates"),
            Some("yes # no")
        );
    }

    #[test]
    fn comments_anywhere_on_a_line() {
        let text = "# deny = 3\ndeny = 5\n# minlen = 9\nminlen=14 # CNIL\n";
        assert_eq!(value_before_comments(text, "deny"), Some("5"));
        assert_eq!(value_before_comments(text, "minlen"), Some("14"));
        assert_eq!(value_before_comments(text, "dcredit"), None);
    }

    #[test]
    fn yes_in_any_case() {
        for word in ["yes", "YES", "True", "1", "on"] {
            assert!(yes(word), "{word}");
        }
        for word in ["no", "0", "off", "", "yes please"] {
            assert!(!yes(word), "{word}");
        }
    }
}
