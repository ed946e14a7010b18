//! `ssh.*`: the SSH server's effective global settings — `sshd -T` as root, otherwise
//! `/etc/ssh/sshd_config` and its `Include`s, read as sshd reads them: the first value of a
//! keyword wins, `Match` blocks do not change the global value, sshd's defaults fill the rest.

use std::collections::HashMap;
use std::time::Duration;

use scoring::facts::{Fact, Status, Value};

use super::{Machine, ReadError, auth, fact_said, unknowns_said};

/// Deepest `Include` nesting followed (sshd's own limit is 16).
const MAX_INCLUDE_DEPTH: usize = 16;

/// Global keywords read: the first value of each, and the file it came from.
#[derive(Debug, Default)]
pub(crate) struct SshConfig {
    values: HashMap<String, (String, String)>,
    /// Files read, in order.
    pub files: Vec<String>,
    /// Files that could not be read (permissions).
    pub denied: Vec<String>,
    /// Files that include themselves, directly or through others (each once): sshd follows
    /// such a loop until its depth limit and refuses to start.
    pub loops: Vec<String>,
    /// Whether `Include`s nest deeper than [`MAX_INCLUDE_DEPTH`] (sshd refuses to start).
    pub too_deep: bool,
    /// The files being read, the outermost first (to see a file include itself).
    stack: Vec<String>,
}

impl SshConfig {
    /// A keyword's value (lowercase keyword), its source, or the default.
    pub fn get(&self, keyword: &str, default: &str) -> (String, Option<String>) {
        match self.values.get(keyword) {
            Some((value, file)) => (value.clone(), Some(file.clone())),
            None => (default.to_owned(), None),
        }
    }

    /// The first of several keywords set (aliases), else the default.
    pub fn get_any(&self, keywords: &[&str], default: &str) -> (String, Option<String>) {
        keywords
            .iter()
            .find_map(|k| self.values.get(*k))
            .map(|(v, f)| (v.clone(), Some(f.clone())))
            .unwrap_or_else(|| (default.to_owned(), None))
    }

    fn set(&mut self, keyword: &str, value: &str, file: &str) {
        self.values
            .entry(keyword.to_ascii_lowercase())
            .or_insert_with(|| (value.to_owned(), file.to_owned()));
    }
}

/// Splits `Keyword value`, `Keyword=value`, `Keyword = value`.
fn split_keyword(line: &str) -> Option<(&str, &str)> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let end = line
        .find(|c: char| c.is_whitespace() || c == '=')
        .unwrap_or(line.len());
    let (keyword, rest) = line.split_at(end);
    let rest = rest.trim_start();
    let rest = rest.strip_prefix('=').unwrap_or(rest).trim();
    // A trailing comment.
    let rest = rest.split(" #").next().unwrap_or(rest).trim();
    Some((keyword, rest))
}

/// Reads one file of the configuration into `config`, following `Include`.
pub(crate) fn read_file(
    m: &Machine,
    path: &str,
    depth: usize,
    config: &mut SshConfig,
) -> Result<(), ReadError> {
    let text = m.read(path)?;
    if !config.files.iter().any(|f| f == path) {
        config.files.push(path.to_owned());
    }
    config.stack.push(path.to_owned());
    read_lines(m, &text, path, depth, config);
    config.stack.pop();
    Ok(())
}

/// The lines of one file: the keywords outside `Match`, and the files it includes.
fn read_lines(m: &Machine, text: &str, path: &str, depth: usize, config: &mut SshConfig) {
    let mut in_match = false;
    for line in text.lines() {
        let Some((keyword, rest)) = split_keyword(line) else {
            continue;
        };
        let lower = keyword.to_ascii_lowercase();
        if lower == "match" {
            in_match = true;
            continue;
        }
        if in_match {
            continue;
        }
        if lower == "include" {
            if depth >= MAX_INCLUDE_DEPTH {
                config.too_deep = true;
                continue;
            }
            for pattern in rest.split_whitespace() {
                let pattern = pattern.trim_matches('"');
                let pattern = if pattern.starts_with('/') {
                    pattern.to_owned()
                } else {
                    format!("/etc/ssh/{pattern}")
                };
                for file in m.glob(&pattern) {
                    // A file that includes itself, directly or not: read once, reported.
                    if config.stack.contains(&file) {
                        if !config.loops.contains(&file) {
                            config.loops.push(file);
                        }
                        continue;
                    }
                    if let Err(ReadError::Denied) = read_file(m, &file, depth + 1, config)
                        && !config.denied.contains(&file)
                    {
                        config.denied.push(file);
                    }
                }
            }
            continue;
        }
        config.set(&lower, rest, path);
    }
}

/// `sshd -T`: `keyword value` lines.
pub(crate) fn parse_sshd_t(text: &str) -> SshConfig {
    let mut config = SshConfig::default();
    for line in text.lines() {
        if let Some((keyword, rest)) = line.trim().split_once(' ') {
            config.set(keyword, rest.trim(), "sshd -T");
        }
    }
    config.files.push("sshd -T".to_owned());
    config
}

fn on(value: &str) -> bool {
    matches!(
        value
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_lowercase()
            .as_str(),
        "yes" | "true"
    )
}

/// What the settings allow.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Verdict {
    /// A password alone is enough to log in.
    pub password_alone: bool,
    /// Why (the setting that allows or forbids it, and where it came from).
    pub password_why: i18n::Message,
    /// `PermitRootLogin`, lowercase (`without-password` written `prohibit-password`).
    pub root_mode: String,
    /// Where it came from (a file or `sshd -T`; `None`: sshd's default).
    pub root_source: Option<String>,
    /// Every way in needs two factors.
    pub mfa: bool,
    /// The ways in.
    pub methods: String,
}

/// Where a setting came from, as a message argument: the file or `sshd -T`, or sshd's default
/// (`None`).
fn said_from(source: Option<&str>) -> i18n::Arg {
    match source {
        Some(source) => i18n::Arg::Text(source.to_owned()),
        None => i18n::Arg::Message(i18n::message!("collect-ssh-sshd-default")),
    }
}

/// Applies sshd's defaults and rules to the settings read.
pub(crate) fn verdict(config: &SshConfig, pam_otp: bool) -> Verdict {
    let (password, password_src) = config.get("passwordauthentication", "yes");
    let (kbd, _) = config.get_any(
        &[
            "kbdinteractiveauthentication",
            "challengeresponseauthentication",
        ],
        "yes",
    );
    let (pam, _) = config.get("usepam", "no");
    let (pubkey, _) = config.get("pubkeyauthentication", "yes");
    let (methods, _) = config.get("authenticationmethods", "any");
    let (root, root_src) = config.get("permitrootlogin", "prohibit-password");
    let password_on = on(&password);
    let kbd_on = on(&kbd) && on(&pam);
    let pubkey_on = on(&pubkey);
    // Factors of each method, 0 when disabled.
    let factors = |method: &str| -> u8 {
        let base = method.split(':').next().unwrap_or(method);
        match base {
            "password" => u8::from(password_on),
            "keyboard-interactive" if kbd_on => {
                if pam_otp {
                    2
                } else {
                    1
                }
            }
            "publickey" => u8::from(pubkey_on),
            _ => 0,
        }
    };
    let lists: Vec<Vec<String>> = if methods.trim().eq_ignore_ascii_case("any") {
        ["password", "keyboard-interactive", "publickey"]
            .iter()
            .map(|m| vec![(*m).to_owned()])
            .collect()
    } else {
        methods
            .split_whitespace()
            .map(|list| list.split(',').map(str::to_owned).collect())
            .collect()
    };
    // Usable ways in: every method of the list enabled.
    let usable: Vec<&Vec<String>> = lists
        .iter()
        .filter(|list| !list.is_empty() && list.iter().all(|m| factors(m) > 0))
        .collect();
    let password_alone = usable.iter().any(|list| {
        list.iter().all(|m| {
            let base = m.split(':').next().unwrap_or(m);
            base == "password" || (base == "keyboard-interactive" && !pam_otp)
        })
    });
    let mfa = !usable.is_empty()
        && usable
            .iter()
            .all(|list| list.iter().map(|m| u32::from(factors(m))).sum::<u32>() >= 2);
    let password_setting = || {
        i18n::message!(
            "collect-ssh-why-password",
            value = password.to_ascii_lowercase(),
            from = said_from(password_src.as_deref())
        )
    };
    let password_why = if password_alone {
        if password_on {
            password_setting()
        } else {
            i18n::message!("collect-ssh-why-kbd-interactive")
        }
    } else if !methods.trim().eq_ignore_ascii_case("any") {
        i18n::message!("collect-ssh-why-methods", methods = &methods)
    } else {
        password_setting()
    };
    let mut root_mode = root
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if root_mode == "without-password" {
        root_mode = "prohibit-password".to_owned();
    }
    Verdict {
        password_alone,
        password_why,
        root_mode,
        root_source: root_src,
        mfa,
        methods,
    }
}

/// The keys `facts` gives, in order.
const KEYS: [&str; 4] = [
    "ssh.password_auth",
    "ssh.root_login",
    "ssh.root_login_mode",
    "ssh.mfa",
];

/// The SSH server's facts: password login, root login and its mode, two factors.
pub(crate) fn facts(m: &Machine) -> Vec<Fact> {
    let config = match server_config(m) {
        Ok(config) => config,
        Err(unknown) => return unknown,
    };
    let pam_otp = m
        .read("/etc/pam.d/sshd")
        .map(|text| !auth::mfa_modules(&text).is_empty())
        .unwrap_or(false);
    let v = verdict(&config, pam_otp);
    let source = config.files.join(", ");
    let partial = partial_note(&config);
    let (root, root_mode) = root_login_facts(m, &v, &source);
    vec![
        password_fact(m, &v, &source, &partial),
        root,
        root_mode,
        mfa_fact(m, &v, pam_otp, source),
    ]
}

/// The server's configuration, as sshd sees it when root or else read from its files; the
/// facts all unknown when there is none or it cannot be read.
fn server_config(m: &Machine) -> Result<SshConfig, Vec<Fact>> {
    // As root, sshd's own view.
    let mut config = None;
    if m.privileged()
        && let Ok(output) = m.run("sshd", &["-T"], Duration::from_secs(5))
        && output.success()
        && output.stdout.lines().count() > 10
    {
        config = Some(parse_sshd_t(&output.stdout));
    }
    match config {
        Some(config) => Ok(config),
        None => {
            let mut config = SshConfig::default();
            match read_file(m, "/etc/ssh/sshd_config", 0, &mut config) {
                Ok(()) => Ok(config),
                Err(ReadError::Missing) => Err(unknowns_said(
                    &KEYS,
                    "/etc/ssh/sshd_config",
                    &i18n::message!("collect-ssh-no-config"),
                    m.lang,
                )),
                // The reason is given by `explain_unknowns`.
                Err(_) => Err(unknowns_said(
                    &KEYS,
                    "/etc/ssh/sshd_config",
                    &i18n::message!("collect-ssh-config-unreadable"),
                    m.lang,
                )),
            }
        }
    }
}

/// What the facts' details add when the configuration was read in part: files not readable,
/// an `Include` loop or nesting too deep.
/// The detail `message` with what it adds when the configuration was read in part.
fn partial_note(config: &SshConfig) -> impl Fn(i18n::Message) -> i18n::Message + '_ {
    move |mut message| {
        if !config.denied.is_empty() {
            message = i18n::message!(
                "collect-ssh-files-denied",
                detail = message,
                files = config.denied.join(", ")
            );
        }
        if !config.loops.is_empty() {
            message = i18n::message!(
                "collect-ssh-include-loop",
                detail = message,
                files = config.loops.join(", ")
            );
        } else if config.too_deep {
            message = i18n::message!(
                "collect-ssh-include-too-deep",
                detail = message,
                depth = MAX_INCLUDE_DEPTH
            );
        }
        message
    }
}

/// `ssh.password_auth`: whether a password alone is enough to log in.
fn password_fact(
    m: &Machine,
    v: &Verdict,
    source: &str,
    partial: impl Fn(i18n::Message) -> i18n::Message,
) -> Fact {
    let why = &v.password_why;
    if v.password_alone {
        fact_said(
            KEYS[0],
            Value::Bool(true),
            Status::Fail,
            source,
            partial(i18n::message!("collect-ssh-password-alone", why = why)),
            m.lang,
        )
    } else {
        fact_said(
            KEYS[0],
            Value::Bool(false),
            Status::Ok,
            source,
            partial(i18n::message!("collect-ssh-no-password-alone", why = why)),
            m.lang,
        )
    }
}

/// `ssh.root_login` and `ssh.root_login_mode`: whether and how root can log in.
fn root_login_facts(m: &Machine, v: &Verdict, source: &str) -> (Fact, Fact) {
    let mode = v.root_mode.as_str();
    let from = said_from(v.root_source.as_deref());
    let (root_value, root_status, root_detail) = root_login_verdict(mode, from);
    let (root_value, mode_value) = if root_status == Status::Unknown {
        (Value::Null, Value::Null)
    } else {
        (Value::Bool(root_value), Value::Text(v.root_mode.clone()))
    };
    let root_fact = fact_said(
        KEYS[1],
        root_value,
        root_status,
        source,
        root_detail.clone(),
        m.lang,
    );
    let mode_fact = fact_said(
        KEYS[2],
        mode_value,
        root_status,
        source,
        root_detail,
        m.lang,
    );
    (root_fact, mode_fact)
}

/// Whether root can log in, its status and the detail, for a `PermitRootLogin` value.
fn root_login_verdict(mode: &str, from: i18n::Arg) -> (bool, Status, i18n::Message) {
    match mode {
        "yes" => (
            true,
            Status::Fail,
            i18n::message!("collect-ssh-root-login-yes", from = from),
        ),
        "no" => (
            false,
            Status::Ok,
            i18n::message!("collect-ssh-root-login-no", from = from),
        ),
        "prohibit-password" | "forced-commands-only" => (
            false,
            Status::Warn,
            i18n::message!("collect-ssh-root-login-key", mode = mode, from = from),
        ),
        // sshd refuses to start with a value it does not know: nothing can be said.
        other => (
            false,
            Status::Unknown,
            i18n::message!("collect-ssh-root-login-unknown", other = other, from = from),
        ),
    }
}

/// `ssh.mfa`: whether every login needs two factors.
fn mfa_fact(m: &Machine, v: &Verdict, pam_otp: bool, source: String) -> Fact {
    let methods = &v.methods;
    if v.mfa {
        fact_said(
            KEYS[3],
            Value::Bool(true),
            Status::Ok,
            source,
            if pam_otp {
                i18n::message!("collect-ssh-two-factors-pam", methods = methods)
            } else {
                i18n::message!("collect-ssh-two-factors", methods = methods)
            },
            m.lang,
        )
    } else {
        fact_said(
            KEYS[3],
            Value::Bool(false),
            Status::Warn,
            source,
            i18n::message!("collect-ssh-single-factor", methods = methods),
            m.lang,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(lines: &[(&str, &str)]) -> SshConfig {
        let mut c = SshConfig::default();
        for (k, v) in lines {
            c.set(k, v, "test");
        }
        c
    }

    #[test]
    fn keywords_split_on_space_or_equals() {
        assert_eq!(
            split_keyword("PasswordAuthentication no"),
            Some(("PasswordAuthentication", "no"))
        );
        assert_eq!(
            split_keyword("  PermitRootLogin=yes"),
            Some(("PermitRootLogin", "yes"))
        );
        assert_eq!(
            split_keyword("UsePAM = yes # comment"),
            Some(("UsePAM", "yes"))
        );
        assert_eq!(split_keyword("# PasswordAuthentication yes"), None);
        assert_eq!(split_keyword(""), None);
    }

    #[test]
    fn defaults_allow_passwords_and_root_with_keys() {
        let v = verdict(&SshConfig::default(), false);
        assert!(v.password_alone);
        assert_eq!(v.root_mode, "prohibit-password");
        assert!(!v.mfa);
    }

    #[test]
    fn keys_only_and_mfa() {
        let v = verdict(
            &config(&[
                ("passwordauthentication", "no"),
                ("kbdinteractiveauthentication", "no"),
                ("permitrootlogin", "no"),
            ]),
            false,
        );
        assert!(!v.password_alone && !v.mfa);
        assert_eq!(v.root_mode, "no");
        // keyboard-interactive through PAM still asks for a password.
        let v = verdict(
            &config(&[("passwordauthentication", "no"), ("usepam", "yes")]),
            false,
        );
        assert!(v.password_alone);
        let v = verdict(
            &config(&[
                ("passwordauthentication", "no"),
                ("usepam", "yes"),
                ("authenticationmethods", "publickey,keyboard-interactive"),
            ]),
            true,
        );
        assert!(!v.password_alone && v.mfa);
        let v = verdict(
            &config(&[("authenticationmethods", "publickey,password publickey")]),
            false,
        );
        assert!(!v.password_alone && !v.mfa);
        let v = verdict(&config(&[("permitrootlogin", "without-password")]), false);
        assert_eq!(v.root_mode, "prohibit-password");
    }

    #[test]
    fn sshd_t_output() {
        let c = parse_sshd_t(
            "port 22\npasswordauthentication no\npermitrootlogin without-password\nusepam yes\nkbdinteractiveauthentication no\n",
        );
        let v = verdict(&c, false);
        assert!(!v.password_alone);
        assert_eq!(v.root_mode, "prohibit-password");
        assert_eq!(v.root_source.as_deref(), Some("sshd -T"));
    }
}
