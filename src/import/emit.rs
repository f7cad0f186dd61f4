//! Writes an imported document as a content file: TOML laid out for people
//! (one `[[node]]` per node, dotted keys per language), read back by the
//! content loader.

use std::fmt::Write;

use super::DocumentOut;
use crate::source::raw::LangMap;

/// A TOML basic string, escaped by the toml crate.
fn string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn lang_keys(out: &mut String, field: &str, map: &LangMap, order: &[String]) {
    let mut keys: Vec<&str> = order
        .iter()
        .map(String::as_str)
        .filter(|l| map.contains_key(l))
        .collect();
    keys.extend(map.keys().filter(|k| !order.iter().any(|o| o == k)));
    for lang in keys {
        let _ = writeln!(out, "{field}.{lang} = {}", string(&map[lang]));
    }
}

/// The content file for `doc`.
pub fn to_toml(doc: &DocumentOut) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Made by `accord import` from {}; see content/README.md.",
        doc.source
    );
    let _ = writeln!(
        out,
        "# The text is the source's, word for word: put corrections in content/notes/."
    );
    let _ = writeln!(out, "id = {}", string(&doc.id));
    let _ = writeln!(out, "kind = {}", string(&doc.kind));
    if let Some(s) = &doc.series {
        let _ = writeln!(out, "series = {}", string(s));
    }
    if let Some(e) = &doc.edition {
        let _ = writeln!(out, "edition = {}", string(e));
    }
    if let Some(d) = &doc.date {
        let _ = writeln!(out, "date = {}", string(d));
    }
    let langs: Vec<String> = doc.languages.iter().map(|l| string(l)).collect();
    let _ = writeln!(out, "languages = [{}]", langs.join(", "));
    let _ = writeln!(out, "source = {}", string(&doc.source));
    if let Some(k) = doc.first {
        let _ = writeln!(out, "first = {k}");
    }
    if doc.title.is_empty() {
        // No title in the source and none given: `check` will ask for one.
        let _ = writeln!(out, "title = {{}}");
    }
    lang_keys(&mut out, "title", &doc.title, &doc.languages);
    let p = &doc.provenance;
    lang_keys(&mut out, "author", &p.author, &doc.languages);
    lang_keys(&mut out, "publisher", &p.publisher, &doc.languages);
    lang_keys(&mut out, "place", &p.place, &doc.languages);
    for o in &p.official {
        let _ = writeln!(out, "\n[[official]]");
        let _ = writeln!(out, "lang = {}", string(&o.lang));
        let _ = writeln!(out, "url = {}", string(&o.url));
        if let Some(t) = &o.title {
            let _ = writeln!(out, "title = {}", string(t));
        }
    }
    for node in &doc.nodes {
        let _ = writeln!(out, "\n[[node]]");
        let _ = writeln!(out, "id = {}", string(&node.id));
        let _ = writeln!(out, "kind = {}", string(&node.kind));
        lang_keys(&mut out, "label", &node.label, &doc.languages);
        lang_keys(&mut out, "heading", &node.heading, &doc.languages);
        lang_keys(&mut out, "text", &node.text, &doc.languages);
    }
    out
}
