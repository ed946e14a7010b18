//! The part of a submitted document that the checks of [`super::validate`] look at, read in one
//! pass with serde: the members they need (strings borrowed from the text where they hold no
//! escape), and for everything else only the proof that it is JSON. Building a whole
//! `serde_json::Value` of an 87 kB report (a map and a string allocated per member) was the
//! largest cost of a submission after TLS; this reads the same text with the same parser (same
//! numbers, same escapes, same errors) and keeps a few dozen values.
//!
//! Nothing here decides whether a document is valid: it records what each member is
//! ([`Scalar`], [`Shape`]) and `validate` checks it, in its own order. The one exception is
//! `domains`, whose rows are checked as they are read ([`Domains`]) so that a long array of
//! rows is not kept; the first row refused is kept and reported in its turn.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::Invalid;
use crate::store::DomainScore;

/// A member's value as the checks see it: a scalar's value, or only the kind of a container
/// (whose content was read as JSON and dropped).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Scalar<'a> {
    Null,
    Bool,
    /// A non-negative integer (as `serde_json::Number::as_u64` sees it).
    Unsigned(u64),
    /// A negative integer.
    Signed(i64),
    Float(f64),
    Text(Cow<'a, str>),
    Array,
    Object,
}

/// A member that should be a container of a known kind: `Is` its content, or `Not` (anything
/// else, read as JSON and dropped).
#[derive(Debug)]
pub(super) enum Shape<T> {
    Is(T),
    Not,
}

/// Any JSON value, read and dropped. Unlike [`IgnoredAny`], numbers are parsed (a number out of
/// `f64`'s range is refused, as `serde_json::Value` refuses it) because `deserialize_any` is
/// asked for, and strings are unescaped and checked.
struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SkipVisitor)
    }
}

struct SkipVisitor;

impl<'de> Visitor<'de> for SkipVisitor {
    type Value = Skip;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_str<E>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_unit<E>(self) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Skip)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
        // Keys are strings in JSON: the parser checks them whatever is asked for.
        while map.next_key::<IgnoredAny>()?.is_some() {
            map.next_value::<Skip>()?;
        }
        Ok(Skip)
    }
}

impl<'de> Deserialize<'de> for Scalar<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Bool)
    }
    fn visit_i64<E>(self, value: i64) -> Result<Scalar<'de>, E> {
        // As `serde_json::Number::from(i64)`: a non-negative one is unsigned.
        Ok(match u64::try_from(value) {
            Ok(value) => Scalar::Unsigned(value),
            Err(_) => Scalar::Signed(value),
        })
    }
    fn visit_u64<E>(self, value: u64) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Unsigned(value))
    }
    fn visit_f64<E>(self, value: f64) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Float(value))
    }
    fn visit_borrowed_str<E>(self, value: &'de str) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Text(Cow::Borrowed(value)))
    }
    fn visit_str<E>(self, value: &str) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Text(Cow::Owned(value.to_owned())))
    }
    fn visit_string<E>(self, value: String) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Text(Cow::Owned(value)))
    }
    fn visit_unit<E>(self) -> Result<Scalar<'de>, E> {
        Ok(Scalar::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Scalar<'de>, A::Error> {
        SkipVisitor.visit_seq(seq)?;
        Ok(Scalar::Array)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Scalar<'de>, A::Error> {
        SkipVisitor.visit_map(map)?;
        Ok(Scalar::Object)
    }
}

/// A member's name: borrowed from the text unless it holds an escape (`"\u0073core"` is
/// `score`, as for `serde_json::Value`).
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Scalar::deserialize(deserializer)? {
            Scalar::Text(text) => Ok(Key(text)),
            _ => Err(de::Error::custom("expected a member name")),
        }
    }
}

/// A container expected as `T`: an object for a [`Members`], an array for [`Domains`].
trait Expected<'de>: Sized {
    fn from_map<A: MapAccess<'de>>(_map: A) -> Result<Option<Self>, A::Error> {
        Ok(None)
    }
    fn from_seq<A: SeqAccess<'de>>(_seq: A) -> Result<Option<Self>, A::Error> {
        Ok(None)
    }
}

impl<'de, T: Expected<'de>> Deserialize<'de> for Shape<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ShapeVisitor(std::marker::PhantomData))
    }
}

struct ShapeVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Expected<'de>> Visitor<'de> for ShapeVisitor<T> {
    type Value = Shape<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Shape<T>, E> {
        Ok(Shape::Not)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Shape<T>, E> {
        Ok(Shape::Not)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Shape<T>, E> {
        Ok(Shape::Not)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Shape<T>, E> {
        Ok(Shape::Not)
    }
    fn visit_str<E>(self, _: &str) -> Result<Shape<T>, E> {
        Ok(Shape::Not)
    }
    fn visit_unit<E>(self) -> Result<Shape<T>, E> {
        Ok(Shape::Not)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape<T>, A::Error> {
        match T::from_seq(&mut seq)? {
            Some(inner) => Ok(Shape::Is(inner)),
            None => {
                SkipVisitor.visit_seq(seq)?;
                Ok(Shape::Not)
            }
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape<T>, A::Error> {
        match T::from_map(&mut map)? {
            Some(inner) => Ok(Shape::Is(inner)),
            None => {
                SkipVisitor.visit_map(map)?;
                Ok(Shape::Not)
            }
        }
    }
}

/// An object whose members of interest are kept (a member given twice: the last counts, as in
/// `serde_json::Value`); the others are read as JSON and dropped.
macro_rules! members {
    ($name:ident { $($field:ident: $kind:ty),* $(,)? }) => {
        #[derive(Debug, Default)]
        pub(super) struct $name<'a> {
            $(pub(super) $field: Option<$kind>,)*
        }

        impl<'de> Expected<'de> for $name<'de> {
            fn from_map<A: MapAccess<'de>>(mut map: A) -> Result<Option<Self>, A::Error> {
                let mut members = Self::default();
                while let Some(Key(key)) = map.next_key()? {
                    match key.as_ref() {
                        $(stringify!($field) => members.$field = Some(map.next_value()?),)*
                        _ => {
                            map.next_value::<Skip>()?;
                        }
                    }
                }
                Ok(Some(members))
            }
        }
    };
}

members!(Top {
    schema_version: Scalar<'a>,
    assessment_id: Scalar<'a>,
    cover: Shape<Cover<'a>>,
    overall: Shape<Overall<'a>>,
    domains: Shape<Domains>,
    next_assessment: Scalar<'a>,
});

members!(Cover {
    organisation: Scalar<'a>,
    date: Scalar<'a>,
});

members!(Overall {
    score: Scalar<'a>,
    level: Scalar<'a>,
});

members!(Row {
    id: Scalar<'a>,
    score: Scalar<'a>,
    level: Scalar<'a>,
});

/// The `domains` array, each row checked as it is read ([`super::domain`]): the rows accepted
/// until the first refused, and that refusal.
#[derive(Debug, Default)]
pub(super) struct Domains {
    rows: Vec<DomainScore>,
    refused: Option<Invalid>,
}

impl Domains {
    /// The rows, or why the first refused one was.
    pub(super) fn into_rows(self) -> Result<Vec<DomainScore>, Invalid> {
        match self.refused {
            Some(invalid) => Err(invalid),
            None => Ok(self.rows),
        }
    }
}

impl<'de> Expected<'de> for Domains {
    fn from_seq<A: SeqAccess<'de>>(mut seq: A) -> Result<Option<Self>, A::Error> {
        let mut domains = Domains::default();
        let mut index = 0;
        while domains.refused.is_none() {
            let Some(row) = seq.next_element::<Shape<Row<'de>>>()? else {
                return Ok(Some(domains));
            };
            match super::domain(row, index) {
                Ok(row) => domains.rows.push(row),
                Err(invalid) => domains.refused = Some(invalid),
            }
            index += 1;
        }
        // After a refused row, the rest is only read as JSON.
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Some(domains))
    }
}
