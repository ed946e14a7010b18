//! `accounts.*`: superuser accounts besides root, shared (generic) accounts that can log in.
//! From `/etc/passwd` (readable by everyone).

use scoring::facts::{Fact, Status, Value};

use super::{Machine, ReadError, fact_said, unknowns_said};

/// Names of shared accounts (one account for several people), compared without case, accents
/// folded, trailing digits ignored (`stagiaire2`).
pub const GENERIC_NAMES: &[&str] = &[
    "admin",
    "administrateur",
    "administrator",
    "accueil",
    "secretariat",
    "secretaire",
    "stagiaire",
    "interne",
    "remplacant",
    "user",
    "utilisateur",
    "usager",
    "guest",
    "invite",
    "test",
    "demo",
    "compta",
    "comptabilite",
    "direction",
    "cabinet",
    "reception",
    "standard",
    "infirmiere",
    "infirmier",
    "medecin",
    "poste",
    "public",
    "commun",
    "partage",
    "shared",
    "support",
    "formation",
    "temp",
];

/// Shells that do not give a session.
fn login_shell(shell: &str) -> bool {
    let shell = shell.trim();
    !shell.is_empty()
        && !["nologin", "false", "sync", "shutdown", "halt"]
            .iter()
            .any(|s| shell.rsplit('/').next() == Some(s))
}

fn fold(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'à' | 'â' | 'ä' => 'a',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            other => other,
        })
        .collect::<String>()
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '_' || c == '.')
        .to_owned()
}

/// Whether an account name is a shared one.
pub(crate) fn generic(name: &str) -> bool {
    let folded = fold(name);
    GENERIC_NAMES.contains(&folded.as_str())
}

/// `(name, uid, shell)` of each well-formed `/etc/passwd` line.
pub(crate) fn passwd(text: &str) -> Vec<(&str, &str, &str)> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with('+') && !l.starts_with('-'))
        .filter_map(|line| {
            let fields: Vec<&str> = line.split(':').collect();
            (fields.len() >= 7 && !fields[0].is_empty())
                .then(|| (fields[0], fields[2].trim(), fields[6]))
        })
        .collect()
}

pub(crate) fn facts(m: &Machine) -> Vec<Fact> {
    let text = match m.read("/etc/passwd") {
        Ok(text) => text,
        Err(error) => {
            // Any other reason is given by `explain_unknowns`.
            let detail = match error {
                ReadError::Missing => i18n::message!("collect-accounts-no-passwd"),
                _ => i18n::message!("collect-accounts-unreadable"),
            };
            return unknowns_said(
                &["accounts.uid0_extra", "accounts.generic"],
                "/etc/passwd",
                &detail,
                m.lang,
            );
        }
    };
    let entries = passwd(&text);
    let uid0: Vec<String> = entries
        .iter()
        .filter(|(name, uid, _)| *uid == "0" && *name != "root")
        .map(|(name, _, _)| (*name).to_owned())
        .collect();
    let shared: Vec<String> = entries
        .iter()
        .filter(|(name, _, shell)| generic(name) && login_shell(shell))
        .map(|(name, _, _)| (*name).to_owned())
        .collect();
    let uid0_fact = if uid0.is_empty() {
        fact_said(
            "accounts.uid0_extra",
            Value::List(Vec::new()),
            Status::Ok,
            "/etc/passwd",
            i18n::message!("collect-accounts-root-only-uid-0"),
            m.lang,
        )
    } else {
        fact_said(
            "accounts.uid0_extra",
            Value::List(uid0.clone()),
            Status::Fail,
            "/etc/passwd",
            i18n::message!("collect-accounts-other-uid-0", uid0 = uid0.join(", ")),
            m.lang,
        )
    };
    let shared_fact = if shared.is_empty() {
        fact_said(
            "accounts.generic",
            Value::List(Vec::new()),
            Status::Ok,
            "/etc/passwd",
            i18n::message!("collect-accounts-no-shared"),
            m.lang,
        )
    } else {
        fact_said(
            "accounts.generic",
            Value::List(shared.clone()),
            Status::Warn,
            "/etc/passwd",
            i18n::message!("collect-accounts-shared", shared = shared.join(", ")),
            m.lang,
        )
    };
    vec![uid0_fact, shared_fact]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_names_and_shells() {
        assert!(generic("Stagiaire2"));
        assert!(generic("secrétariat"));
        assert!(generic("admin"));
        assert!(!generic("jdupont"));
        assert!(!generic("administrateur-reseau"));
        assert!(login_shell("/bin/bash"));
        assert!(!login_shell("/usr/sbin/nologin"));
        assert!(!login_shell("/bin/false"));
        assert!(!login_shell(""));
    }

    #[test]
    fn passwd_lines() {
        let text = "root:x:0:0:root:/root:/bin/bash\ntoor:x:0:0::/root:/bin/sh\nbroken\n+::::::\naccueil:x:1001:1001::/home/accueil:/bin/bash\n";
        let entries = passwd(text);
        assert_eq!(entries.len(), 3);
        assert_eq!(entries[1], ("toor", "0", "/bin/sh"));
    }
}
