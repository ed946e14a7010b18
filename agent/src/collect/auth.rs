//! `auth.*`: account lockout after failed logins, minimum password length, second factors in
//! PAM. Read from `/etc/pam.d`, `/etc/security` and `/etc/login.defs`.

use scoring::facts::{Fact, Status, Value};

use super::{Machine, ReadError, conf, fact_said, unknown_said};

/// Minimum password length below which the CNIL's recommendation is not met (12 characters
/// with complexity rules; 14 without).
pub(crate) const MINLEN_OK: i64 = 12;

/// PAM modules that add a second factor: one-time codes, security keys, smart cards, push.
pub const MFA_MODULES: &[&str] = &[
    "pam_google_authenticator",
    "pam_u2f",
    "pam_oath",
    "pam_yubico",
    "pam_duo",
    "pam_privacyidea",
    "pam_linotp",
    "pam_oauth2_device",
    "pam_pkcs11",
    "pam_p11",
    "pam_2fa",
];

/// Lockout modules.
const LOCKOUT_MODULES: &[&str] = &["pam_faillock", "pam_tally2", "pam_tally"];

/// pam_unix's own minimum password length when no `minlen=` is given (pam_unix(8): "The
/// default value is 6"). It applies whenever pam_unix changes passwords; `PASS_MIN_LEN` of
/// `login.defs` is not read by PAM.
pub(crate) const PAM_UNIX_DEFAULT_MINLEN: i64 = 6;

/// One PAM rule: its type, the module (`pam_unix`) and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PamRule<'a> {
    /// `auth`, `account`, `password` or `session` (a leading `-` removed).
    pub kind: &'a str,
    /// Module name without directory nor `.so`.
    pub module: &'a str,
    /// Arguments after the module.
    pub args: Vec<&'a str>,
}

impl PamRule<'_> {
    /// The value of `name=value`.
    pub fn arg(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find_map(|a| a.strip_prefix(name).and_then(|r| r.strip_prefix('=')))
    }
}

/// The rules of a PAM file (comments skipped; the control field may be `[a=b c=d]`).
pub(crate) fn pam_rules(text: &str) -> Vec<PamRule<'_>> {
    text.lines()
        .filter_map(|line| {
            let line = line.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                return None;
            }
            let tokens: Vec<&str> = line.split_whitespace().collect();
            let at = tokens.iter().position(|t| {
                let base = t.rsplit('/').next().unwrap_or(t);
                base.starts_with("pam_") && !t.contains('=')
            })?;
            let base = tokens[at].rsplit('/').next().unwrap_or(tokens[at]);
            let module = base.strip_suffix(".so").unwrap_or(base);
            Some(PamRule {
                kind: tokens[0].trim_start_matches('-'),
                module,
                args: tokens[at + 1..].to_vec(),
            })
        })
        .collect()
}

/// The second-factor modules a PAM file uses.
pub(crate) fn mfa_modules(text: &str) -> Vec<String> {
    let mut found: Vec<String> = pam_rules(text)
        .iter()
        .filter(|r| MFA_MODULES.contains(&r.module))
        .map(|r| r.module.to_owned())
        .collect();
    found.dedup();
    found
}

/// The PAM files of the machine: (path, text); `Err` when `/etc/pam.d` cannot be listed.
fn pam_files(m: &Machine) -> Result<Vec<(String, String)>, ReadError> {
    let names = m.list("/etc/pam.d")?;
    Ok(names
        .into_iter()
        .filter(|n| !n.ends_with(".dpkg-old") && !n.ends_with(".rpmsave") && !n.ends_with('~'))
        .filter_map(|name| {
            let path = format!("/etc/pam.d/{name}");
            m.read(&path).ok().map(|text| (path, text))
        })
        .collect())
}

pub(crate) fn facts(m: &Machine) -> Vec<Fact> {
    let pam = pam_files(m);
    vec![lockout(m, &pam), minlen(m, &pam), mfa_pam(m, &pam)]
}

fn lockout(m: &Machine, pam: &Result<Vec<(String, String)>, ReadError>) -> Fact {
    const KEY: &str = "auth.lockout";
    let faillock = m
        .read("/etc/security/faillock.conf")
        .ok()
        .and_then(|t| conf::value_before_comments(&t, "deny").and_then(|v| v.parse::<i64>().ok()));
    let mut in_pam: Option<(String, &str, Option<i64>)> = None;
    if let Ok(files) = pam {
        'files: for (path, text) in files {
            for rule in pam_rules(text) {
                if LOCKOUT_MODULES.contains(&rule.module) {
                    let deny = rule.arg("deny").and_then(|v| v.parse().ok());
                    let module = LOCKOUT_MODULES
                        .iter()
                        .find(|m| **m == rule.module)
                        .copied()
                        .unwrap_or("pam_faillock");
                    in_pam = Some((path.clone(), module, deny));
                    break 'files;
                }
            }
        }
    }
    match (in_pam, faillock) {
        (Some((path, module, deny)), conf) => {
            // pam_faillock: arguments, then faillock.conf, then 3.
            let deny = deny.or(conf).unwrap_or(3);
            if deny > 0 {
                fact_said(
                    KEY,
                    Value::Bool(true),
                    Status::Ok,
                    path,
                    i18n::message!("collect-auth-lockout", module = &module, deny = &deny),
                    m.lang,
                )
            } else {
                fact_said(
                    KEY,
                    Value::Bool(false),
                    Status::Warn,
                    path,
                    i18n::message!("collect-auth-lockout-deny-0", module = &module),
                    m.lang,
                )
            }
        }
        (None, Some(deny)) if deny > 0 => {
            let (status, detail) = if pam.as_ref().is_ok_and(|f| !f.is_empty()) {
                (
                    Status::Warn,
                    i18n::message!("collect-auth-faillock-conf-unused", deny = &deny),
                )
            } else {
                (
                    Status::Ok,
                    i18n::message!("collect-auth-faillock-conf-lockout", deny = &deny),
                )
            };
            fact_said(
                KEY,
                Value::Bool(true),
                status,
                "/etc/security/faillock.conf",
                detail,
                m.lang,
            )
        }
        (None, conf) => match pam {
            Ok(files) if !files.is_empty() => fact_said(
                KEY,
                Value::Bool(false),
                Status::Warn,
                "/etc/pam.d, /etc/security/faillock.conf",
                if conf == Some(0) {
                    i18n::message!("collect-auth-faillock-conf-deny-0")
                } else {
                    i18n::message!("collect-auth-no-lockout")
                },
                m.lang,
            ),
            // The reason is given by `explain_unknowns`.
            Err(error) if *error != ReadError::Missing => unknown_said(
                KEY,
                "/etc/pam.d",
                i18n::message!("collect-auth-pam-unreadable"),
                m.lang,
            ),
            _ => unknown_said(
                KEY,
                "/etc/pam.d",
                i18n::message!("collect-auth-pam-missing-or-empty"),
                m.lang,
            ),
        },
    }
}

fn minlen(m: &Machine, pam: &Result<Vec<(String, String)>, ReadError>) -> Fact {
    const KEY: &str = "auth.password_minlen";
    // In PAM: pam_pwquality / pam_cracklib arguments, pam_unix minlen.
    let mut quality_in_pam = None;
    let mut from_pam: Option<(i64, String)> = None;
    let mut unix_minlen: Option<(i64, String)> = None;
    // A file where pam_unix changes passwords without `minlen=`: its default applies.
    let mut unix_default: Option<String> = None;
    if let Ok(files) = pam {
        for (path, text) in files {
            for rule in pam_rules(text) {
                let minlen = rule.arg("minlen").and_then(|v| v.parse::<i64>().ok());
                match rule.module {
                    "pam_pwquality" | "pam_cracklib" => {
                        quality_in_pam.get_or_insert_with(|| path.clone());
                        if let Some(n) = minlen {
                            from_pam.get_or_insert((n, format!("{path} ({})", rule.module)));
                        }
                    }
                    "pam_unix" => match minlen {
                        Some(n) => {
                            unix_minlen.get_or_insert((n, format!("{path} (pam_unix)")));
                        }
                        None if rule.kind == "password" => {
                            unix_default.get_or_insert_with(|| path.clone());
                        }
                        None => {}
                    },
                    _ => {}
                }
            }
        }
    }
    // pwquality.conf, then pwquality.conf.d/*.conf (read after, so they win).
    let mut from_conf: Option<(i64, String)> = None;
    let mut conf_files = vec!["/etc/security/pwquality.conf".to_owned()];
    conf_files.extend(m.glob("/etc/security/pwquality.conf.d/*.conf"));
    for path in conf_files {
        if let Some(n) = m.read(&path).ok().and_then(|t| {
            conf::value_before_comments(&t, "minlen").and_then(|v| v.parse::<i64>().ok())
        }) {
            from_conf = Some((n, path));
        }
    }
    let login_defs = m.read("/etc/login.defs").ok().and_then(|text| {
        text.lines()
            .rev()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter_map(|l| l.strip_prefix("PASS_MIN_LEN"))
            .filter_map(|rest| rest.trim().parse::<i64>().ok())
            .next()
    });
    let pam_unix_default = unix_default.as_ref().map(|path| {
        (
            PAM_UNIX_DEFAULT_MINLEN,
            format!("{path} (pam_unix, default)"),
        )
    });
    // The length PAM enforces: pwquality when it is called; otherwise pam_unix (its minlen=,
    // or its default); login.defs only without any of those.
    let chosen = if quality_in_pam.is_some() {
        from_pam.clone().or(from_conf.clone()).or_else(|| {
            quality_in_pam
                .clone()
                .map(|path| (8, format!("{path} (pam_pwquality, default)")))
        })
    } else {
        unix_minlen
            .clone()
            .or(pam_unix_default.clone())
            .or_else(|| login_defs.map(|n| (n, "/etc/login.defs (PASS_MIN_LEN)".to_owned())))
            .or(from_conf.clone())
    };
    let Some((n, source)) = chosen else {
        return unknown_said(
            KEY,
            "/etc/security/pwquality.conf, /etc/login.defs",
            i18n::message!("collect-auth-no-minimum-length"),
            m.lang,
        );
    };
    // pwquality.conf set while pam_pwquality is not called: it changes nothing.
    let inert_conf = quality_in_pam.is_none() && pam.as_ref().is_ok_and(|f| !f.is_empty());
    let mut detail = if n >= MINLEN_OK {
        i18n::message!("collect-auth-minimum-length", n = &n)
    } else {
        i18n::message!("collect-auth-minimum-length-short", n = &n)
    };
    if source.ends_with("(pam_unix, default)") {
        detail = match login_defs {
            Some(length) => i18n::message!(
                "collect-auth-pam-unix-default-login-defs",
                detail = detail,
                length = length
            ),
            None => i18n::message!("collect-auth-pam-unix-default", detail = detail),
        };
    }
    let inert = inert_conf && from_conf.is_some();
    if inert {
        detail = i18n::message!("collect-auth-pwquality-inert", detail = detail);
    }
    let status = if n >= MINLEN_OK && !(inert && source.contains("pwquality.conf")) {
        Status::Ok
    } else {
        Status::Warn
    };
    fact_said(KEY, Value::Number(n as f64), status, source, detail, m.lang)
}

fn mfa_pam(m: &Machine, pam: &Result<Vec<(String, String)>, ReadError>) -> Fact {
    const KEY: &str = "auth.mfa_pam";
    let files = match pam {
        Ok(files) if !files.is_empty() => files,
        Ok(_) | Err(ReadError::Missing) => {
            return unknown_said(
                KEY,
                "/etc/pam.d",
                i18n::message!("collect-auth-no-pam"),
                m.lang,
            );
        }
        // The reason is given by `explain_unknowns`.
        Err(_) => {
            return unknown_said(
                KEY,
                "/etc/pam.d",
                i18n::message!("collect-auth-pam-unreadable"),
                m.lang,
            );
        }
    };
    let mut found = Vec::new();
    for (path, text) in files {
        for module in mfa_modules(text) {
            let name = path.rsplit('/').next().unwrap_or(path);
            found.push(format!("{module} ({name})"));
        }
    }
    if found.is_empty() {
        fact_said(
            KEY,
            Value::Bool(false),
            Status::Warn,
            "/etc/pam.d",
            i18n::message!("collect-auth-no-second-factor"),
            m.lang,
        )
    } else {
        fact_said(
            KEY,
            Value::Bool(true),
            Status::Ok,
            "/etc/pam.d",
            i18n::message!("collect-auth-second-factor", found = found.join(", ")),
            m.lang,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pam_rules_with_bracketed_controls() {
        let text = "# comment\n\
            auth [success=1 default=ignore] pam_unix.so nullok\n\
            auth required /usr/lib64/security/pam_faillock.so preauth deny=5\n\
            @include common-auth\n\
            password requisite pam_pwquality.so retry=3 minlen=14\n\
            #auth required pam_google_authenticator.so\n";
        let rules = pam_rules(text);
        assert_eq!(rules.len(), 3);
        assert_eq!(rules[1].module, "pam_faillock");
        assert_eq!(rules[1].arg("deny"), Some("5"));
        assert_eq!(rules[2].arg("minlen"), Some("14"));
        assert!(mfa_modules(text).is_empty());
        assert_eq!(
            mfa_modules("auth required pam_google_authenticator.so nullok"),
            vec!["pam_google_authenticator"]
        );
    }
}
