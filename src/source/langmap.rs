//! [`LangMap`]: text by language code, the shape of every translated field
//! (titles, labels, headings, clause texts, notes).
//!
//! A node has two or three of these, most with one or two languages, and a
//! large corpus has hundreds of thousands of nodes. A `BTreeMap` allocates
//! a leaf of eleven slots (about 540 bytes) for its first entry; this is a
//! vector of pairs sorted by language code, with the same iteration order,
//! the same lookups and the same serialised form (a map), at about a
//! quarter of the memory.

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Language code → text, sorted by code.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct LangMap {
    entries: Vec<(String, String)>,
}

impl LangMap {
    pub fn new() -> Self {
        Self::default()
    }

    /// Where `lang` is, or where it would go: the entries are sorted by code.
    fn find(&self, lang: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(lang))
    }

    /// Sets the text in `lang`; the text it replaces, if any.
    pub fn insert(&mut self, lang: impl Into<String>, text: String) -> Option<String> {
        let lang = lang.into();
        match self.find(&lang) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, text)),
            Err(i) => {
                self.entries.insert(i, (lang, text));
                None
            }
        }
    }

    pub fn get(&self, lang: &str) -> Option<&String> {
        self.find(lang).ok().map(|i| &self.entries[i].1)
    }

    pub fn get_mut(&mut self, lang: &str) -> Option<&mut String> {
        self.find(lang).ok().map(|i| &mut self.entries[i].1)
    }

    pub fn contains_key(&self, lang: &str) -> bool {
        self.find(lang).is_ok()
    }

    pub fn remove(&mut self, lang: &str) -> Option<String> {
        self.find(lang).ok().map(|i| self.entries.remove(i).1)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Sorts the entries by code, a code given twice keeping its last text,
    /// as `insert` one pair at a time would, without moving the entries
    /// after each (a title of 160,000 codes took 19 s to read that way).
    fn sort_keeping_last(&mut self) {
        self.entries.reverse();
        // Stable: of the pairs with one code, the last given comes first
        // and is the one `dedup_by` keeps.
        self.entries.sort_by(|a, b| a.0.cmp(&b.0));
        self.entries.dedup_by(|later, first| later.0 == first.0);
    }

    /// (language, text) in order of language code.
    pub fn iter(&self) -> Iter<'_> {
        Iter(self.entries.iter())
    }

    pub fn keys(&self) -> impl DoubleEndedIterator<Item = &str> + ExactSizeIterator {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    pub fn values(&self) -> impl DoubleEndedIterator<Item = &String> + ExactSizeIterator {
        self.entries.iter().map(|(_, v)| v)
    }

    /// (language, text) in order of language code, the text mutable.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&str, &mut String)> {
        self.entries.iter_mut().map(|(k, v)| (k.as_str(), v))
    }

    /// The text in `lang`, else in the first language it has, else "".
    pub fn text_in(&self, lang: &str) -> &str {
        self.get(lang)
            .or_else(|| self.values().next())
            .map_or("", String::as_str)
    }
}

/// Iterator over (language, text) pairs, as `BTreeMap::iter`.
#[derive(Clone)]
pub struct Iter<'a>(std::slice::Iter<'a, (String, String)>);

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a str, &'a String);
    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|(k, v)| (k.as_str(), v))
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.0.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.0.next_back().map(|(k, v)| (k.as_str(), v))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a LangMap {
    type Item = (&'a str, &'a String);
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl IntoIterator for LangMap {
    type Item = (String, String);
    type IntoIter = std::vec::IntoIter<(String, String)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<K: Into<String>> FromIterator<(K, String)> for LangMap {
    fn from_iter<I: IntoIterator<Item = (K, String)>>(iter: I) -> Self {
        let mut map = LangMap::new();
        map.extend(iter);
        map
    }
}

impl<K: Into<String>> Extend<(K, String)> for LangMap {
    fn extend<I: IntoIterator<Item = (K, String)>>(&mut self, iter: I) {
        self.entries
            .extend(iter.into_iter().map(|(k, v)| (k.into(), v)));
        self.sort_keeping_last();
    }
}

impl<const N: usize> From<[(String, String); N]> for LangMap {
    fn from(pairs: [(String, String); N]) -> Self {
        pairs.into_iter().collect()
    }
}

impl std::ops::Index<&str> for LangMap {
    type Output = String;
    fn index(&self, lang: &str) -> &String {
        self.get(lang).expect("no text in this language")
    }
}

impl std::ops::Index<&String> for LangMap {
    type Output = String;
    fn index(&self, lang: &String) -> &String {
        &self[lang.as_str()]
    }
}

impl fmt::Debug for LangMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl Serialize for LangMap {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len()))?;
        for (k, v) in self {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for LangMap {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LangMap;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of texts by language code")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<LangMap, A::Error> {
                let mut map = LangMap {
                    entries: Vec::with_capacity(access.size_hint().unwrap_or(0).min(8)),
                };
                while let Some(pair) = access.next_entry::<String, String>()? {
                    map.entries.push(pair);
                }
                map.sort_keeping_last();
                map.entries.shrink_to_fit();
                Ok(map)
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// Same order, lookups and JSON as the `BTreeMap` it replaces.
    #[test]
    fn behaves_as_a_btreemap() {
        let pairs = [
            ("zh-Hans", "中文"),
            ("en", "English"),
            ("es", "Español"),
            ("en", "again"),
        ];
        let mut ours = LangMap::new();
        let mut theirs = BTreeMap::new();
        for (k, v) in pairs {
            assert_eq!(
                ours.insert(k, v.to_string()),
                theirs.insert(k.to_string(), v.to_string())
            );
        }
        assert!(ours.iter().eq(theirs.iter().map(|(k, v)| (k.as_str(), v))));
        // Collected or read at once, a code given twice keeps its last text.
        let collected: LangMap = pairs.iter().map(|(k, v)| (*k, v.to_string())).collect();
        assert_eq!(collected, ours);
        let json = r#"{"zh-Hans":"中文","en":"English","es":"Español","en":"again"}"#;
        assert_eq!(serde_json::from_str::<LangMap>(json).unwrap(), ours);
        assert_eq!(ours.get("en"), theirs.get("en"));
        assert_eq!(ours.get("fr"), None);
        assert_eq!(ours["zh-Hans"], "中文");
        assert_eq!(
            serde_json::to_string(&ours).unwrap(),
            serde_json::to_string(&theirs).unwrap()
        );
        let back: LangMap = serde_json::from_str(&serde_json::to_string(&theirs).unwrap()).unwrap();
        assert_eq!(back, ours);
        assert_eq!(format!("{ours:?}"), format!("{theirs:?}"));
        assert_eq!(ours.remove("en"), theirs.remove("en"));
        assert!(ours.keys().eq(theirs.keys()));
    }
}
