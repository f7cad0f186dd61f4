//! `content/topics.toml` into the model's [`Topics`]: every id, name,
//! parent and covered node checked, every problem reported with its line.

use std::collections::HashMap;

use super::keys::Keys;
use super::links::check_key;
use super::text::{check_langs, plain_texts};
use crate::diag::Diagnostic;
use crate::model::ids;
use crate::model::topics::{Topic, Topics};
use crate::source::load::Sourced;
use crate::source::topics::RawTopics;

/// The topics in tree order; empty without `topics.toml`.
pub(super) fn check_topics(
    file: Option<&Sourced<RawTopics>>,
    site_langs: &[String],
    keys: &Keys,
    out: &mut Vec<Diagnostic>,
) -> Topics {
    let Some(file) = file else {
        return Topics::default();
    };
    let raw = &file.value.topics;
    // Id → index of its first topic in the file.
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, t) in raw.iter().enumerate() {
        let t = t.get_ref();
        let id = t.id.get_ref();
        if let Some(problem) = ids::too_long("topic id", id) {
            out.push(file.diag(t.id.span(), problem).help(ids::TOO_LONG_HELP));
        } else if id == "index" {
            // topics/index.html is the topic index.
            out.push(
                file.diag(t.id.span(), "`index` is not a valid topic id")
                    .help("`topics/index.html` is the index of topics; give this topic another id"),
            );
        } else if !ids::is_document_id(id) {
            out.push(
                file.diag(t.id.span(), format!("`{id}` is not a valid topic id"))
                    .help(
                        "use lower-case letters, digits and single hyphens, e.g. `food-security`",
                    ),
            );
        }
        if let Some(&first) = index.get(id.as_str()) {
            let line = file.line(raw[first].get_ref().id.span());
            out.push(
                file.diag(t.id.span(), format!("topic `{id}` is declared twice"))
                    .help(format!(
                        "line {line} already declares it; give each topic its own id"
                    )),
            );
        } else {
            index.insert(id, i);
        }
        check_langs(
            file,
            t.name.span(),
            t.name.get_ref(),
            site_langs,
            &"name",
            out,
        );
        for lang in site_langs
            .iter()
            .filter(|l| !t.name.get_ref().contains_key(l))
        {
            out.push(
                file.diag(
                    t.name.span(),
                    format!("topic `{id}` has no name in `{lang}`"),
                )
                .help(format!(
                    "add `{lang}` text: a topic is named in every language of the site"
                )),
            );
        }
        if let Some(d) = &t.description {
            check_langs(file, d.span(), d.get_ref(), site_langs, &"description", out);
        }
    }
    let parents: Vec<Option<usize>> = raw
        .iter()
        .map(|t| {
            let p = t.get_ref().parent.as_ref()?;
            let found = index.get(p.get_ref().as_str()).copied();
            if found.is_none() {
                out.push(
                    file.diag(p.span(), format!("parent `{}` is not a topic", p.get_ref()))
                        .help("name the id of a topic declared in this file"),
                );
            }
            found
        })
        .collect();
    let cyclic = report_cycles(file, &parents, out);
    let covers: Vec<Vec<_>> = raw
        .iter()
        .map(|t| {
            t.get_ref()
                .covers
                .iter()
                .filter_map(|key| check_key(file, key, keys, out).map(|f| f.node))
                .collect()
        })
        .collect();
    if cyclic {
        return Topics::default();
    }
    // Tree order: each topic followed by its narrower ones, in file order.
    let mut order = Vec::with_capacity(raw.len());
    let mut stack: Vec<usize> = (0..raw.len())
        .filter(|&i| parents[i].is_none())
        .rev()
        .collect();
    while let Some(i) = stack.pop() {
        if index.get(raw[i].get_ref().id.get_ref().as_str()) != Some(&i) {
            continue; // a duplicate, reported above
        }
        order.push(i);
        stack.extend((0..raw.len()).filter(|&c| parents[c] == Some(i)).rev());
    }
    let place: HashMap<usize, usize> = order.iter().enumerate().map(|(at, &i)| (i, at)).collect();
    let list = order
        .iter()
        .map(|&i| {
            let t = raw[i].get_ref();
            Topic {
                id: t.id.get_ref().clone(),
                name: plain_texts(t.name.get_ref()),
                description: t
                    .description
                    .as_ref()
                    .map(|d| plain_texts(d.get_ref()))
                    .unwrap_or_default(),
                parent: parents[i].and_then(|p| place.get(&p).copied()),
                covers: covers[i].clone(),
            }
        })
        .collect();
    Topics { list }
}

/// Reports every topic that is its own ancestor, once per cycle (at the
/// cycle's first topic in the file); whether there was one.
fn report_cycles(
    file: &Sourced<RawTopics>,
    parents: &[Option<usize>],
    out: &mut Vec<Diagnostic>,
) -> bool {
    let mut reported = vec![false; parents.len()];
    let mut any = false;
    for start in 0..parents.len() {
        let mut path = vec![start];
        let mut at = parents[start];
        while let Some(p) = at {
            if let Some(pos) = path.iter().position(|&q| q == p) {
                let cycle = &path[pos..];
                if cycle.iter().all(|&q| !reported[q]) && cycle.iter().min() == Some(&start) {
                    let t = file.value.topics[start].get_ref();
                    let names: Vec<String> = cycle
                        .iter()
                        .map(|&q| format!("`{}`", file.value.topics[q].get_ref().id.get_ref()))
                        .collect();
                    out.push(
                        file.diag(t.id.span(), format!("topics {} are each other's parents", names.join(" → ")))
                            .help("a topic's parent must be a broader topic; remove one `parent` of the cycle"),
                    );
                    cycle.iter().for_each(|&q| reported[q] = true);
                }
                any = true;
                break;
            }
            if path.len() > parents.len() {
                break;
            }
            path.push(p);
            at = parents[p];
        }
    }
    any
}
