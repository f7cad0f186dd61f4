//! The items of a briefing (`[[item]]` of `content/briefings/*.toml`),
//! checked into the model's items: a node, a topic (made into the nodes it
//! covers, as the topic index has them when the site is built) or a
//! section beside the one it continues (`compare`); comments in the
//! mode's languages, keys that exist, no node twice, and at least one
//! document in each language of the mode.

use toml::Spanned;

use super::briefings::require;
use super::keys::{Found, Keys};
use super::links::check_key;
use super::text::check_langs;
use crate::diag::Diagnostic;
use crate::model::briefing::{Item, ItemKind};
use crate::model::topics::Topics;
use crate::source::briefings::{RawBriefing, RawItem};
use crate::source::load::Sourced;

/// What one `[[item]]` names, once its one field is known.
enum Named<'a> {
    Node(&'a Spanned<String>),
    Compare(&'a Spanned<String>),
    Topic(&'a Spanned<String>),
}

pub(super) fn check_items(
    file: &Sourced<RawBriefing>,
    site_langs: &[String],
    langs: &[String],
    why: &str,
    keys: &Keys,
    topics: &Topics,
    out: &mut Vec<Diagnostic>,
) -> Vec<Item> {
    let b = &file.value;
    if b.items.is_empty() {
        out.push(
            Diagnostic::new(&file.path, Some(file.line(b.mode.span())), "the briefing has no [[item]]")
                .help("add one `[[item]]` with `node = \"document:node\"` per section or clause, or `topic = \"…\"`"),
        );
    }
    let named: Vec<Option<Named>> = b.items.iter().map(|i| named(file, i, out)).collect();
    // Nodes named (node or compare), found: a topic's nodes skip them.
    let mut cited: Vec<(&str, &str, usize)> = Vec::new();
    let mut found: Vec<Option<Found>> = Vec::with_capacity(named.len());
    for n in &named {
        let (key, compare) = match n {
            Some(Named::Node(k)) => (k, false),
            Some(Named::Compare(k)) => (k, true),
            _ => {
                found.push(None);
                continue;
            }
        };
        let f = check_key(file, key, keys, out);
        if let Some(f) = f {
            if compare {
                check_compare(file, key, f, keys, out);
            }
            let ids = f.ids();
            not_twice(file, key, ids, &cited, out);
            cited.push((ids.0, ids.1, file.line(key.span())));
        }
        found.push(f);
    }
    let mut items = Vec::new();
    let mut doc_langs: Vec<&Vec<Spanned<String>>> = Vec::new();
    for ((item, n), f) in b.items.iter().zip(&named).zip(&found) {
        let item = item.get_ref();
        let comment = match &item.comment {
            Some(c) => {
                let named = [&item.node, &item.topic, &item.compare];
                let what = match named.into_iter().flatten().next() {
                    Some(k) => format!("comment of `{}`", k.get_ref()),
                    None => "comment of the item".to_string(),
                };
                check_langs(file, c.span(), c.get_ref(), site_langs, &what, out);
                require(file, c, &what, langs, why, out);
                c.get_ref().clone()
            }
            None => Default::default(),
        };
        match n {
            Some(Named::Node(_) | Named::Compare(_)) => {
                let Some(f) = f else { continue };
                let kind = match n {
                    Some(Named::Compare(_)) => ItemKind::Compare,
                    _ => ItemKind::Node,
                };
                doc_langs.push(f.file.value.languages.get_ref());
                items.push(Item {
                    node: f.node,
                    comment,
                    kind,
                });
            }
            Some(Named::Topic(id)) => {
                let Some(t) = topics.list.iter().position(|t| t.id == *id.get_ref()) else {
                    let help = if topics.is_empty() {
                        "the site has no content/topics.toml: add it, or name a node".to_string()
                    } else {
                        "use the id of one of the [[topic]] tables of content/topics.toml"
                            .to_string()
                    };
                    out.push(
                        file.diag(id.span(), format!("`{}` is not a topic", id.get_ref()))
                            .help(help),
                    );
                    continue;
                };
                let nodes = topic_nodes(topics, t, keys, &cited);
                for (k, f) in nodes.into_iter().enumerate() {
                    doc_langs.push(f.file.value.languages.get_ref());
                    let node = f.node;
                    let comment = if k == 0 {
                        comment.clone()
                    } else {
                        Default::default()
                    };
                    items.push(Item {
                        node,
                        comment,
                        kind: ItemKind::Topic(t, k),
                    });
                }
            }
            None => {}
        }
    }
    if !doc_langs.is_empty() {
        for lang in langs {
            if !doc_langs
                .iter()
                .any(|ls| ls.iter().any(|l| l.get_ref() == lang))
            {
                out.push(
                    file.diag(
                        b.mode.span(),
                        format!("the briefing is shown in `{lang}` (mode `{}`), but none of the documents it cites has a `{lang}` text", b.mode.get_ref()),
                    )
                    .help("choose a mode in the documents' languages, or cite a document that has this language"),
                );
            }
        }
    }
    items
}

/// The one of `node`, `topic` and `compare` an item gives.
fn named<'a>(
    file: &Sourced<RawBriefing>,
    item: &'a Spanned<RawItem>,
    out: &mut Vec<Diagnostic>,
) -> Option<Named<'a>> {
    let i = item.get_ref();
    let mut given: Vec<Named> = Vec::new();
    given.extend(i.node.as_ref().map(Named::Node));
    given.extend(i.topic.as_ref().map(Named::Topic));
    given.extend(i.compare.as_ref().map(Named::Compare));
    if given.len() == 1 {
        return given.pop();
    }
    let message = if given.is_empty() {
        "the item names nothing to show"
    } else {
        "the item names more than one thing to show"
    };
    out.push(file.diag(item.span(), message).help(
        "give an item exactly one of `node = \"document:node\"`, `topic = \"topic-id\"` or `compare = \"document:section\"`",
    ));
    None
}

/// A comparison item names a section (a node with no text of its own) of
/// an edition that has an earlier one in its series.
fn check_compare(
    file: &Sourced<RawBriefing>,
    key: &Spanned<String>,
    f: Found,
    keys: &Keys,
    out: &mut Vec<Diagnostic>,
) {
    let doc = &f.file.value;
    if !keys.has_earlier_edition(f.file) {
        out.push(
            file.diag(key.span(), format!("`{}` is not in an edition with an earlier one to compare with", key.get_ref()))
                .help("`compare` names a section of a document whose `series` has an earlier `edition`; use `node` for any other"),
        );
    } else if !doc.nodes[f.node.node].get_ref().text.is_empty() {
        out.push(
            file.diag(key.span(), format!("`{}` is a clause, not a section", key.get_ref()))
                .help("`compare` shows a whole section beside the one it continues: name the section the clause is in"),
        );
    }
}

/// Reports `key` (document `ids.0`, node `ids.1`) if it or a node it
/// contains or is in is already cited.
fn not_twice(
    file: &Sourced<RawBriefing>,
    key: &Spanned<String>,
    (d, node): (&str, &str),
    cited: &[(&str, &str, usize)],
    out: &mut Vec<Diagnostic>,
) {
    let k = key.get_ref();
    for &(od, on, oline) in cited.iter().filter(|(od, _, _)| *od == d) {
        let (message, help) = if on == node {
            (
                format!("`{k}` is cited twice"),
                format!("line {oline} already cites it: remove one of the two items"),
            )
        } else if within(node, on) {
            (
                format!("`{k}` is already part of `{od}:{on}`, cited at line {oline}"),
                format!("an item shows its node with all its descendants: remove this item or the one at line {oline}"),
            )
        } else if within(on, node) {
            (
                format!("`{k}` includes `{od}:{on}`, already cited at line {oline}"),
                format!("an item shows its node with all its descendants: remove this item or the one at line {oline}"),
            )
        } else {
            continue;
        };
        out.push(file.diag(key.span(), message).help(help));
    }
}

/// Whether node `inner` is `outer` or one of its descendants (ids are
/// paths: the parent of `a__b__c` is `a__b`).
fn within(inner: &str, outer: &str) -> bool {
    inner == outer
        || inner
            .strip_prefix(outer)
            .is_some_and(|r| r.starts_with("__"))
}

/// The nodes topic `t` and its narrower topics name, in the site's order,
/// each with its descendants: those within another left out, and those
/// within a node the briefing names itself (`cited`).
fn topic_nodes<'a>(
    topics: &Topics,
    t: usize,
    keys: &Keys<'a>,
    cited: &[(&str, &str, usize)],
) -> Vec<Found<'a>> {
    let mut nodes: Vec<Found> = (0..topics.list.len())
        .filter(|&i| topics.with_broader(i).any(|u| u == t))
        .flat_map(|i| topics.list[i].covers.iter().copied())
        .filter_map(|r| keys.at(r))
        .collect();
    nodes.sort_by_key(|f| (f.node.doc, f.node.node));
    nodes.dedup_by_key(|f| f.node);
    let keep = |(d, n): (&str, &str)| {
        !nodes
            .iter()
            .map(Found::ids)
            .any(|(od, on)| od == d && on != n && within(n, on))
            && !cited.iter().any(|(od, on, _)| *od == d && within(n, on))
    };
    nodes.iter().copied().filter(|f| keep(f.ids())).collect()
}
