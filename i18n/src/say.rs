//! Sentences made from messages: a message of the catalogs with its arguments, said in a
//! language when it is shown. Used for what is kept and shown later in another language (a
//! machine fact's [`Message`]), for texts held in both languages until they are shown
//! ([`crate::text!`]), and for the words every part prints (a fact's status, a number of days).

use std::borrow::Cow;
use std::collections::HashMap;

use fluent::FluentValue;
use scoring::facts::{Fact, Status};
use scoring::message::{Arg, Message};

use crate::{Lang, Source, Text};

/// A value given to a message in a language: a text as it is, a number (which may choose a
/// plural; a decimal with the language's separator), or a [`Text`] in that language.
pub trait ArgIn {
    /// The value in `lang`.
    fn arg_in(&self, lang: Lang) -> FluentValue<'static>;
}

impl ArgIn for str {
    fn arg_in(&self, _: Lang) -> FluentValue<'static> {
        FluentValue::from(self.to_owned())
    }
}

impl ArgIn for String {
    fn arg_in(&self, _: Lang) -> FluentValue<'static> {
        FluentValue::from(self.clone())
    }
}

impl ArgIn for Text {
    fn arg_in(&self, lang: Lang) -> FluentValue<'static> {
        FluentValue::from(self.get(lang).to_owned())
    }
}

impl ArgIn for Cow<'_, str> {
    fn arg_in(&self, _: Lang) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl<T: ArgIn + ?Sized> ArgIn for &T {
    fn arg_in(&self, lang: Lang) -> FluentValue<'static> {
        (**self).arg_in(lang)
    }
}

macro_rules! whole_number_arg {
    ($($number:ty),*) => {$(
        impl ArgIn for $number {
            fn arg_in(&self, _: Lang) -> FluentValue<'static> {
                FluentValue::from(*self)
            }
        }
    )*};
}

whole_number_arg!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl ArgIn for f64 {
    fn arg_in(&self, lang: Lang) -> FluentValue<'static> {
        number(*self, lang)
    }
}

impl ArgIn for f32 {
    fn arg_in(&self, lang: Lang) -> FluentValue<'static> {
        number(f64::from(*self), lang)
    }
}

/// A whole number stays a number (it chooses the plural); a decimal is written as the language
/// writes it (`2,5` in French), which Fluent's own formatting does not do.
fn number(value: f64, lang: Lang) -> FluentValue<'static> {
    if value.fract() == 0.0 {
        FluentValue::from(value)
    } else {
        let text = value.to_string();
        FluentValue::from(match lang {
            Lang::Fr => text.replace('.', ","),
            Lang::En => text,
        })
    }
}

/// `message` said in the language of `source`, or `None` when a message (or one of its nested
/// messages) is not in that language's catalogs: a facts file from a newer posture.
pub fn say(source: &impl Source, message: &Message) -> Option<String> {
    let loader = source.loader();
    if !loader.has(&message.id) {
        return None;
    }
    let mut args: HashMap<&str, FluentValue<'static>> = HashMap::new();
    for (name, arg) in &message.args {
        let value = match arg {
            Arg::Number(number) => self::number(*number, source.nearest()),
            Arg::Text(text) => FluentValue::from(text.clone()),
            Arg::Message(inner) => FluentValue::from(say(source, inner)?),
        };
        args.insert(name.as_str(), value);
    }
    Some(loader.get_args_concrete(&message.id, args))
}

/// What a machine fact says, in the language of `source`: its message made in that language,
/// or its `detail` as written when it carries no message (facts files written before facts
/// carried messages) or one this posture does not know.
pub fn fact_detail(source: &impl Source, fact: &Fact) -> String {
    fact.message
        .as_ref()
        .and_then(|message| say(source, message))
        .unwrap_or_else(|| fact.detail.clone())
}

/// A fact's status as every output words it (docs/glossaire.md): `ok`, `à surveiller`,
/// `non conforme`, `inconnu`.
pub fn status_name(source: &impl Source, status: Status) -> String {
    match status {
        Status::Ok => crate::t!(source, "fact-status-ok"),
        Status::Warn => crate::t!(source, "fact-status-warn"),
        Status::Fail => crate::t!(source, "fact-status-fail"),
        Status::Unknown => crate::t!(source, "fact-status-unknown"),
    }
}

/// A number of days, counted as the language counts (`0 jour`, `1 jour`, `2 jours`).
pub fn days(source: &impl Source, count: i64) -> String {
    crate::t!(source, "days", count = count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_message_is_said_in_each_language_and_a_decimal_with_its_comma() {
        let message = Message::new("days").arg("count", 2);
        assert_eq!(say(&Lang::Fr, &message).as_deref(), Some("2 jours"));
        assert_eq!(say(&Lang::En, &message).as_deref(), Some("2 days"));
        assert_eq!(number(2.5, Lang::Fr), FluentValue::from("2,5"));
        assert_eq!(number(2.5, Lang::En), FluentValue::from("2.5"));
        assert_eq!(say(&Lang::Fr, &Message::new("no-such-message")), None);
    }

    #[test]
    fn a_fact_without_a_message_keeps_its_detail() {
        let mut fact = Fact {
            key: "patch.days_since_upgrade".into(),
            value: scoring::facts::Value::Number(3.0),
            status: Status::Ok,
            source: "/var/log/apt/history.log".into(),
            detail: "il y a 3 jours".into(),
            message: None,
        };
        assert_eq!(fact_detail(&Lang::En, &fact), "il y a 3 jours");
        fact.message = Some(Message::new("days").arg("count", 3));
        assert_eq!(fact_detail(&Lang::En, &fact), "3 days");
        fact.message = Some(Message::new("from-a-newer-posture"));
        assert_eq!(fact_detail(&Lang::En, &fact), "il y a 3 jours");
    }

    #[test]
    fn texts_and_messages_are_made_by_the_macros() {
        let count = 1;
        assert_eq!(
            crate::text!("days", count = count),
            Text::new("1 jour", "1 day")
        );
        let path = String::from("/etc/shadow");
        let message = crate::message!("days", count = path.len());
        assert_eq!(message, Message::new("days").arg("count", 11));
        assert_eq!(status_name(&Lang::En, Status::Warn), "to watch");
        assert_eq!(days(&Lang::Fr, 0), "0 jour");
    }
}
