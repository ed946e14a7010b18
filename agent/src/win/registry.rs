//! The Windows registry as the Windows facts see it: a small trait, so that every decision made
//! from registry values is tested on Linux against [`FakeRegistry`], and the real registry
//! (`winreg`, Windows only) is a thin adapter.

use std::collections::BTreeMap;

/// A registry hive the agent reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Hive {
    /// `HKEY_LOCAL_MACHINE`: the machine's settings.
    LocalMachine,
    /// `HKEY_CURRENT_USER`: the settings of the user running the agent.
    CurrentUser,
}

impl Hive {
    /// The short name written in facts' sources (`HKLM\…`).
    pub fn short(self) -> &'static str {
        match self {
            Hive::LocalMachine => "HKLM",
            Hive::CurrentUser => "HKCU",
        }
    }
}

/// A registry value, of the types the facts read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegValue {
    /// `REG_DWORD`.
    Dword(u32),
    /// `REG_QWORD`.
    Qword(u64),
    /// `REG_SZ` or `REG_EXPAND_SZ`.
    Text(String),
    /// `REG_MULTI_SZ`.
    Texts(Vec<String>),
    /// `REG_BINARY` (and any other type, as its bytes).
    Binary(Vec<u8>),
}

impl RegValue {
    /// The value as a number: a DWORD or QWORD, or a text holding a whole number (Windows keeps
    /// many settings as texts: `ScreenSaveTimeOut` = `"600"`).
    pub fn number(&self) -> Option<u64> {
        match self {
            RegValue::Dword(n) => Some(u64::from(*n)),
            RegValue::Qword(n) => Some(*n),
            RegValue::Text(text) => text.trim().parse().ok(),
            _ => None,
        }
    }

    /// The value as a text (a `REG_SZ`; a number is not a text).
    pub fn text(&self) -> Option<&str> {
        match self {
            RegValue::Text(text) => Some(text.trim_end_matches('\0')),
            _ => None,
        }
    }
}

/// Why a key or value could not be read (other than being absent).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RegError {
    /// The user running the agent may not read it.
    #[error("access denied")]
    Denied,
    /// Any other failure, with the system's message.
    #[error("{0}")]
    Other(String),
}

/// Read access to the registry. Paths are below the hive, with `\` separators, case-insensitive
/// as in Windows.
pub trait Registry {
    /// A value: `Ok(None)` when the key or the value does not exist.
    fn value(&self, hive: Hive, path: &str, name: &str) -> Result<Option<RegValue>, RegError>;
    /// The names of a key's subkeys: `Ok(None)` when the key does not exist.
    fn subkeys(&self, hive: Hive, path: &str) -> Result<Option<Vec<String>>, RegError>;
}

/// An in-memory registry, for tests (of this crate and of others).
#[derive(Debug, Default, Clone)]
pub struct FakeRegistry {
    /// (hive, lower-case key path) → values by lower-case name.
    keys: BTreeMap<(Hive, String), BTreeMap<String, RegValue>>,
    /// Keys that deny access.
    denied: Vec<(Hive, String)>,
}

impl FakeRegistry {
    /// An empty registry.
    pub fn new() -> FakeRegistry {
        FakeRegistry::default()
    }

    /// Sets a value (creating its key and the keys above it).
    pub fn set(&mut self, hive: Hive, path: &str, name: &str, value: RegValue) -> &mut Self {
        self.key(hive, path);
        self.keys
            .entry((hive, normal(path)))
            .or_default()
            .insert(name.to_lowercase(), value);
        self
    }

    /// Creates a key with no value (and the keys above it).
    pub fn key(&mut self, hive: Hive, path: &str) -> &mut Self {
        let path = normal(path);
        let mut at = String::new();
        for part in path.split('\\') {
            if !at.is_empty() {
                at.push('\\');
            }
            at.push_str(part);
            self.keys.entry((hive, at.clone())).or_default();
        }
        self
    }

    /// Makes a key (and everything below it) unreadable.
    pub fn deny(&mut self, hive: Hive, path: &str) -> &mut Self {
        self.denied.push((hive, normal(path)));
        self
    }

    fn check(&self, hive: Hive, path: &str) -> Result<(), RegError> {
        let denied = self
            .denied
            .iter()
            .any(|(h, p)| *h == hive && (path == p || path.starts_with(&format!("{p}\\"))));
        if denied {
            Err(RegError::Denied)
        } else {
            Ok(())
        }
    }
}

fn normal(path: &str) -> String {
    path.trim_matches('\\').to_lowercase()
}

impl Registry for FakeRegistry {
    fn value(&self, hive: Hive, path: &str, name: &str) -> Result<Option<RegValue>, RegError> {
        let path = normal(path);
        self.check(hive, &path)?;
        Ok(self
            .keys
            .get(&(hive, path))
            .and_then(|values| values.get(&name.to_lowercase()))
            .cloned())
    }

    fn subkeys(&self, hive: Hive, path: &str) -> Result<Option<Vec<String>>, RegError> {
        let path = normal(path);
        self.check(hive, &path)?;
        if !self.keys.contains_key(&(hive, path.clone())) {
            return Ok(None);
        }
        let prefix = format!("{path}\\");
        Ok(Some(
            self.keys
                .keys()
                .filter(|(h, p)| *h == hive && p.starts_with(&prefix))
                .map(|(_, p)| &p[prefix.len()..])
                .filter(|rest| !rest.contains('\\'))
                .map(str::to_owned)
                .collect(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fake_registry_is_case_insensitive_and_lists_subkeys() {
        let mut reg = FakeRegistry::new();
        reg.set(Hive::LocalMachine, r"SOFTWARE\A\B", "X", RegValue::Dword(1));
        reg.key(Hive::LocalMachine, r"SOFTWARE\A\C");
        assert_eq!(
            reg.value(Hive::LocalMachine, r"software\a\b", "x"),
            Ok(Some(RegValue::Dword(1)))
        );
        assert_eq!(reg.value(Hive::CurrentUser, r"SOFTWARE\A\B", "X"), Ok(None));
        let mut subkeys = reg
            .subkeys(Hive::LocalMachine, r"SOFTWARE\A")
            .unwrap()
            .unwrap();
        subkeys.sort();
        assert_eq!(subkeys, ["b", "c"]);
        assert_eq!(reg.subkeys(Hive::LocalMachine, r"SOFTWARE\Z"), Ok(None));
        reg.deny(Hive::LocalMachine, r"SOFTWARE\A");
        assert_eq!(
            reg.value(Hive::LocalMachine, r"SOFTWARE\A\B", "X"),
            Err(RegError::Denied)
        );
    }

    #[test]
    fn numbers_are_read_from_texts_too() {
        assert_eq!(RegValue::Text("600".into()).number(), Some(600));
        assert_eq!(RegValue::Dword(7).number(), Some(7));
        assert_eq!(RegValue::Binary(vec![1]).number(), None);
    }
}
