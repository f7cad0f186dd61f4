//! What each template reads of the interface strings: whether it names
//! `ui` (every language's strings), and which keys of `t` (the page
//! language's strings) it reads. A page's context then holds only those:
//! cloning every string into the context of each of ten thousand pages is
//! a measurable part of a large build.
//!
//! A template's use includes that of every template it names in a tag
//! (`extends`, `include`). The scan is conservative: a template that
//! cannot be read, or uses `t` other than as `t.key`, gets all of `t`
//! and `ui`'s use is any mention of the name `ui` in a tag.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// What a template reads.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Uses {
    pub ui: bool,
    /// The keys of `t` it reads; `None`: it may read any.
    pub t: Option<BTreeSet<String>>,
}

impl Uses {
    fn all() -> Uses {
        Uses { ui: true, t: None }
    }

    fn add(&mut self, other: &Uses) {
        self.ui |= other.ui;
        match (&mut self.t, &other.t) {
            (Some(mine), Some(theirs)) => mine.extend(theirs.iter().cloned()),
            (mine, _) => *mine = None,
        }
    }
}

/// The uses of each of the templates `names` under `dir`.
pub fn scan<'a>(dir: &Path, names: impl Iterator<Item = &'a str>) -> HashMap<String, Uses> {
    let texts: BTreeMap<String, Option<String>> = names
        .map(|n| (n.to_string(), std::fs::read_to_string(dir.join(n)).ok()))
        .collect();
    let own: BTreeMap<&str, (Uses, Vec<&str>)> = texts
        .iter()
        .map(|(name, text)| {
            let found = match text {
                Some(text) => of_text(text, &texts),
                None => (Uses::all(), Vec::new()),
            };
            (name.as_str(), found)
        })
        .collect();
    // Each template's use with those of the templates it names, at any
    // depth: added until nothing changes.
    let mut uses: HashMap<String, Uses> = own
        .iter()
        .map(|(n, (u, _))| (n.to_string(), u.clone()))
        .collect();
    loop {
        let mut changed = false;
        for (name, (_, named)) in &own {
            let mut merged = uses[*name].clone();
            for other in named {
                merged.add(&uses[*other]);
            }
            if merged != uses[*name] {
                uses.insert(name.to_string(), merged);
                changed = true;
            }
        }
        if !changed {
            return uses;
        }
    }
}

/// A template's own use, and the templates (of `all`) it names.
fn of_text<'t>(text: &str, all: &'t BTreeMap<String, Option<String>>) -> (Uses, Vec<&'t str>) {
    let mut uses = Uses {
        ui: false,
        t: Some(BTreeSet::new()),
    };
    let mut named = Vec::new();
    for tag in tags(text) {
        for (at, word) in words(tag) {
            let after = &tag[at + word.len()..];
            let field = after.strip_prefix('.').map(|rest| {
                let end = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
                &rest[..end]
            });
            match (word, field) {
                ("ui", _) => uses.ui = true,
                ("t", Some(key)) if !key.is_empty() => {
                    if let Some(keys) = &mut uses.t {
                        keys.insert(key.to_string());
                    }
                }
                ("t", _) => uses.t = None,
                _ => {}
            }
        }
        for name in all.keys() {
            if tag.contains(&format!("\"{name}\"")) || tag.contains(&format!("'{name}'")) {
                named.push(name.as_str());
            }
        }
    }
    (uses, named)
}

/// The insides of a template's tags: `{{ … }}`, `{% … %}`.
fn tags(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || loop {
        let open = rest.find('{')?;
        let close = match rest[open + 1..].chars().next() {
            Some('{') => "}}",
            Some('%') => "%}",
            _ => {
                rest = &rest[open + 1..];
                continue;
            }
        };
        let inner = &rest[open + 2..];
        let end = inner.find(close).unwrap_or(inner.len());
        rest = &inner[(end + 2).min(inner.len())..];
        return Some(&inner[..end]);
    })
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The identifiers of a tag that are not fields of something (`x.t`),
/// with where each starts.
fn words(tag: &str) -> impl Iterator<Item = (usize, &str)> {
    let b = tag.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < b.len() {
            let start = at;
            if is_ident(char::from(b[at])) {
                while at < b.len() && is_ident(char::from(b[at])) {
                    at += 1;
                }
                if start == 0 || b[start - 1] != b'.' {
                    return Some((start, &tag[start..at]));
                }
            } else {
                at += 1;
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_get_what_they_and_theirs_read() {
        let dir = tempfile::tempdir().unwrap();
        let files = [
            (
                "base.html",
                "<p>it's the t of gui</p>{{ t.footer }}{% block main %}{% endblock main %}",
            ),
            (
                "doc.html",
                "{% extends \"base.html\" %}{% block main %}{{ t.x | default(value=t.y) }}{% endblock main %}",
            ),
            ("page.html", "{% for c in cs %}{{ ui[c.lang].x }}{{ c.t }}{% endfor %}"),
            ("child.html", "{% extends 'page.html' %}"),
            ("outer.html", "{% include \"child.html\" %}{{ t.z }}"),
            ("loop.html", "{% for k, v in t %}{{ k }}{% endfor %}"),
            ("uses-loop.html", "{% include \"loop.html\" %}"),
        ];
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let uses = scan(dir.path(), files.iter().map(|(n, _)| *n));
        let keys = |k: &[&str]| Some(k.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>());
        let want = |ui, t| Uses { ui, t };
        assert_eq!(uses["base.html"], want(false, keys(&["footer"])));
        assert_eq!(uses["doc.html"], want(false, keys(&["footer", "x", "y"])));
        assert_eq!(uses["page.html"], want(true, keys(&[])));
        assert_eq!(uses["child.html"], want(true, keys(&[])));
        assert_eq!(uses["outer.html"], want(true, keys(&["z"])));
        assert_eq!(uses["loop.html"], want(false, None));
        assert_eq!(uses["uses-loop.html"], want(false, None));
    }
}
