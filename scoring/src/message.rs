//! A sentence to be said later: a message id of posture's catalogs (`i18n/locales/*/*.ftl`) and
//! its arguments. A machine fact carries one, so that its sentence is made when it is shown, in
//! the language of the screen or the report, not fixed in the language it was collected in.
//!
//! This crate only holds the data (facts files carry it as JSON); the `i18n` crate makes the
//! sentence.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize, Serializer};

/// A message id and its arguments, e.g. `{"id": "patch-last-upgrade", "args": {"days": 40}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Message {
    /// The id in the catalogs (`patch-last-upgrade`).
    pub id: String,
    /// The arguments by name (`days` → 40).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, Arg>,
}

/// One argument of a [`Message`]: a number (which may choose a plural), a text given as it is
/// (a path, a version, a host name), or another message said in the same language. In JSON, a
/// whole number is written as an integer (`40`, not `40.0`), as a fact's value is.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Arg {
    /// A count, a number of days.
    Number(f64),
    /// Said as it is, in every language.
    Text(String),
    /// A sentence of its own (a reason inside a sentence).
    Message(Message),
}

impl Serialize for Arg {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Number(number) => crate::facts::Value::Number(*number).serialize(serializer),
            Arg::Text(text) => serializer.serialize_str(text),
            Arg::Message(message) => message.serialize(serializer),
        }
    }
}

impl Message {
    /// A message without arguments yet.
    pub fn new(id: impl Into<String>) -> Message {
        Message {
            id: id.into(),
            args: BTreeMap::new(),
        }
    }

    /// The message with one more argument.
    #[must_use]
    pub fn arg(mut self, name: &str, value: impl Into<Arg>) -> Message {
        self.args.insert(name.to_owned(), value.into());
        self
    }
}

macro_rules! number_arg {
    ($($number:ty),*) => {$(
        impl From<$number> for Arg {
            fn from(value: $number) -> Arg {
                Arg::Number(value as f64)
            }
        }
        impl From<&$number> for Arg {
            fn from(value: &$number) -> Arg {
                Arg::Number(*value as f64)
            }
        }
    )*};
}

number_arg!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f32, f64);

impl From<String> for Arg {
    fn from(value: String) -> Arg {
        Arg::Text(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Arg {
        Arg::Text(value.clone())
    }
}

impl From<&str> for Arg {
    fn from(value: &str) -> Arg {
        Arg::Text(value.to_owned())
    }
}

impl From<&&str> for Arg {
    fn from(value: &&str) -> Arg {
        Arg::Text((*value).to_owned())
    }
}

impl From<Message> for Arg {
    fn from(value: Message) -> Arg {
        Arg::Message(value)
    }
}

impl From<&Message> for Arg {
    fn from(value: &Message) -> Arg {
        Arg::Message(value.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_reads_back_from_its_json() {
        let message = Message::new("patch-waiting")
            .arg("days", 40)
            .arg("path", "/var/log/apt/history.log")
            .arg(
                "why",
                Message::new("read-denied").arg("path", "/etc/shadow"),
            );
        let json = serde_json::to_string(&message).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"id":"patch-waiting","args":{"days":40,"path":"/var/log/apt/history.log","why":{"id":"read-denied","args":{"path":"/etc/shadow"}}}}"#
        );
        let back: Message = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, message);
        let half = Message::new("x").arg("seconds", 1.5);
        assert_eq!(
            serde_json::to_string(&half).unwrap_or_default(),
            r#"{"id":"x","args":{"seconds":1.5}}"#
        );
        let bare: Message = serde_json::from_str(r#"{"id":"x"}"#).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(bare, Message::new("x"));
    }
}
