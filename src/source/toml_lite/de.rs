//! Serde over the tree of `parse`: the raw types deserialize from it as
//! they do with the toml crate, `Spanned` values included. Any error is
//! only a refusal: the caller then reads the text with the toml crate.

use std::fmt;

use serde::de::value::{BorrowedStrDeserializer, UsizeDeserializer};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};

use super::parse::{Item, Table, Value};

/// The toml crate's name for the struct behind `toml::Spanned`.
const SPANNED: &str = "$__serde_spanned_private_Spanned";
const SPANNED_FIELDS: [&str; 3] = [
    "$__serde_spanned_private_start",
    "$__serde_spanned_private_end",
    "$__serde_spanned_private_value",
];

/// The value does not have the shape the type asks for.
#[derive(Debug)]
pub(super) struct Refused;

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not read by toml_lite")
    }
}

impl std::error::Error for Refused {}

impl de::Error for Refused {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Refused
    }
}

/// The root table.
pub(super) struct Root<'a, 'b>(pub &'b Table<'a>);

impl<'de> de::Deserializer<'de> for Root<'de, '_> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        visitor.visit_map(Entries {
            entries: self.0.entries.iter(),
            value: None,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// One value with its span.
struct At<'a, 'b>(&'b Item<'a>);

impl<'de> de::Deserializer<'de> for At<'de, '_> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        match &self.0.value {
            Value::Str(s) => visitor.visit_str(s),
            Value::Array(items) | Value::Tables(items) => visitor.visit_seq(Items(items.iter())),
            Value::Table { entries, .. } => visitor.visit_map(Entries {
                entries: entries.entries.iter(),
                value: None,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        if name == SPANNED && fields == SPANNED_FIELDS {
            visitor.visit_map(Span {
                item: self.0,
                next: 0,
            })
        } else {
            self.deserialize_any(visitor)
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Refused> {
        Err(Refused)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map identifier
        ignored_any
    }
}

struct Items<'a, 'b>(std::slice::Iter<'b, Item<'a>>);

impl<'de> SeqAccess<'de> for Items<'de, '_> {
    type Error = Refused;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Refused> {
        self.0
            .next()
            .map(|item| seed.deserialize(At(item)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Entries<'a, 'b> {
    entries: std::slice::Iter<'b, (&'a str, Item<'a>)>,
    value: Option<&'b Item<'a>>,
}

impl<'de> MapAccess<'de> for Entries<'de, '_> {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Refused> {
        let Some((key, item)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(item);
        seed.deserialize(BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Refused> {
        seed.deserialize(At(self.value.take().ok_or(Refused)?))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// A `Spanned` value: its start, its end, then the value itself.
struct Span<'a, 'b> {
    item: &'b Item<'a>,
    next: usize,
}

impl<'de> MapAccess<'de> for Span<'de, '_> {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Refused> {
        SPANNED_FIELDS
            .get(self.next)
            .map(|f| seed.deserialize(BorrowedStrDeserializer::new(f)))
            .transpose()
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Refused> {
        self.next += 1;
        let number = |n: usize| -> UsizeDeserializer<Refused> { n.into_deserializer() };
        match self.next {
            1 => seed.deserialize(number(self.item.span.start)),
            2 => seed.deserialize(number(self.item.span.end)),
            _ => seed.deserialize(At(self.item)),
        }
    }
}
