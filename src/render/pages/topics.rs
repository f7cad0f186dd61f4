//! The topic index (`topics/index.html`, templates/topics.html): the tree
//! of topics with the clauses each covers in each document; a page per
//! topic (`topics/<id>.html`, templates/topic.html) with those clauses,
//! grouped by document; and the topic links of a document page's nodes.
//! Only a site with `content/topics.toml` has any of them.
//!
//! A topic's page shows what it covers as a briefing shows its items
//! (briefing_items.rs, templates/briefing_item.html): each node the topic
//! names in `topics.toml`, with its whole subtree, its citation, its
//! permalink and the cross-links of every node in it (briefing_refs.rs),
//! those into the same page pointing into it. The documents follow the
//! home page's order: by kind, then series, newest edition first.
//!
//! A *clause* is a covered node with text (in any language): what the
//! counts of the index count. A heading without text of its own (an
//! article, a part) is not one; the clauses under it are.

use serde::Serialize;

use super::briefing::doc_short;
use super::briefing_items::{self, ItemView};
use super::home::{Card, CardTitle};
use crate::model::briefing::{Briefing, Item, ItemKind, Mode};
use crate::model::compare::is_clause;
use crate::model::{Document, Site};
use crate::render::frame::{Frame, Span};
use crate::render::interface::{alts, Alt};
use crate::render::{urls, Ctx};
use crate::source::raw::LangMap;

/// Where the topic index is.
pub const INDEX: &str = "topics/index.html";

/// Where the page of topic `id` is.
pub fn path(id: &str) -> String {
    format!("topics/{id}.html")
}

/// Its print stylesheet: the topic's name in the page margin.
pub fn print_css_path(id: &str) -> String {
    format!("topics/{id}.print.css")
}

pub fn print_css(site: &Site, t: usize) -> String {
    let lang = site.first_language();
    super::document::margin_title_css(site.topics.list[t].name.text_in(&lang))
}

/// The clauses topic `t` covers in each document, by document index.
pub fn counts(site: &Site, t: usize) -> Vec<usize> {
    let mut counts = vec![0; site.documents.len()];
    for r in site.topics.nodes(t, &site.documents) {
        if is_clause(&site.documents[r.doc], r.node) {
            counts[r.doc] += 1;
        }
    }
    counts
}

/// What topic `t`'s page shows, as a briefing of the site's languages:
/// an item per node the topic names, in the documents' order, then the
/// order of reading; a node inside another's subtree is shown there, once.
pub fn as_briefing(site: &Site, t: usize) -> Briefing {
    let topic = &site.topics.list[t];
    let order = super::home::document_order(site);
    let mut rank = vec![0; site.documents.len()];
    for (i, &d) in order.iter().enumerate() {
        rank[d] = i;
    }
    let mut covers = topic.covers.clone();
    covers.sort_by_key(|r| (rank[r.doc], r.node));
    covers.dedup();
    let mut items: Vec<Item> = Vec::new();
    for r in covers {
        let inside = items.last().is_some_and(|last| {
            last.node.doc == r.doc
                && site.documents[r.doc]
                    .subtree(last.node.node)
                    .contains(&r.node)
        });
        if !inside {
            items.push(Item {
                node: r,
                comment: LangMap::new(),
                kind: ItemKind::Node,
            });
        }
    }
    Briefing {
        id: topic.id.clone(),
        title: topic.name.clone(),
        date: String::new(),
        audience: LangMap::new(),
        intro: LangMap::new(),
        mode: Mode::Parallel,
        languages: site.language_codes(),
        items,
    }
}

/// A link to a topic, named in each language of the site.
#[derive(Serialize)]
pub struct TopicLink {
    pub href: String,
    pub names: Vec<Span>,
}

fn topic_link(site: &Site, t: usize, from: &str) -> TopicLink {
    let topic = &site.topics.list[t];
    TopicLink {
        href: urls::rel(from, &path(&topic.id)),
        names: spans(site, &topic.name),
    }
}

/// The texts of `map` in the site's languages, in its order.
fn spans(site: &Site, map: &LangMap) -> Vec<Span> {
    site.languages
        .iter()
        .filter_map(|l| {
            map.get(&l.code).map(|text| Span {
                lang: l.code.clone(),
                text: text.clone(),
            })
        })
        .collect()
}

/// A document named short ("Action Plan 2024-2026") in each language of
/// the site it has a title in.
fn doc_names(cx: &Ctx, doc: &Document) -> Vec<Span> {
    let mut names: Vec<Span> = cx
        .site
        .languages
        .iter()
        .filter(|l| doc.title.contains_key(&l.code))
        .map(|l| Span {
            lang: l.code.clone(),
            text: doc_short(cx, doc, &l.code).into_owned(),
        })
        .collect();
    if names.is_empty() {
        let l = &doc.languages[0];
        names.push(Span {
            lang: l.clone(),
            text: doc_short(cx, doc, l).into_owned(),
        });
    }
    names
}

/// The id of document `id`'s group on a topic's page.
fn group_anchor(id: &str) -> String {
    format!("doc-{id}")
}

#[derive(Serialize)]
pub struct TopicsIndex {
    pub frame: Frame,
    pub langs: Vec<String>,
    pub entries: Vec<Entry>,
}

/// A topic in the index's tree.
#[derive(Serialize)]
pub struct Entry {
    pub id: String,
    pub href: String,
    pub names: Vec<Span>,
    pub description: Vec<Span>,
    /// The documents it has clauses in, in the documents' order.
    pub counts: Vec<Count>,
    /// Narrower topics follow: a nested list opens after it.
    pub opens: bool,
    /// How many nested lists close after it.
    pub closes: usize,
}

#[derive(Serialize)]
pub struct Count {
    /// The document's id.
    pub doc: String,
    /// Its group on the topic's page.
    pub href: String,
    pub names: Vec<Span>,
    pub clauses: usize,
    /// "2 clauses" in each interface language.
    pub text: Vec<Alt>,
}

pub fn index(cx: &Ctx) -> TopicsIndex {
    let site = cx.site;
    let lang = site.first_language();
    let mut frame = cx.frame(INDEX, &lang, &cx.ui(&lang, "topics_title"));
    frame.description = Some(Span {
        lang: lang.clone(),
        text: cx.ui(&lang, "topics_description"),
    });
    let order = super::home::document_order(site);
    let topics = &site.topics;
    let n = topics.list.len();
    let entries = (0..n)
        .map(|t| {
            let topic = &topics.list[t];
            let href = urls::rel(INDEX, &path(&topic.id));
            let per_doc = counts(site, t);
            let depth = topics.depth(t);
            let next = if t + 1 < n { topics.depth(t + 1) } else { 0 };
            Entry {
                id: topic.id.clone(),
                names: spans(site, &topic.name),
                description: spans(site, &topic.description),
                counts: order
                    .iter()
                    .filter(|&&d| per_doc[d] > 0)
                    .map(|&d| {
                        let doc = &site.documents[d];
                        let clauses = per_doc[d];
                        Count {
                            doc: doc.id.clone(),
                            href: format!("{href}#{}", group_anchor(&doc.id)),
                            names: doc_names(cx, doc),
                            text: clauses_text(cx, clauses),
                            clauses,
                        }
                    })
                    .collect(),
                href,
                opens: next > depth,
                closes: depth.saturating_sub(next),
            }
        })
        .collect();
    TopicsIndex {
        langs: site.language_codes(),
        entries,
        frame,
    }
}

/// "2 clauses" in each interface language.
fn clauses_text(cx: &Ctx, n: usize) -> Vec<Alt> {
    let key = if n == 1 {
        "topic_clause"
    } else {
        "topic_clauses"
    };
    cx.alts_with(|ui| cx.ui(ui, key).replace("{n}", &n.to_string()))
}

/// The topic index on the home page.
pub fn card(cx: &Ctx) -> Card {
    let site = cx.site;
    let n = site.topics.list.len().to_string();
    let langs = site.language_codes();
    Card {
        href: INDEX.to_string(),
        titles: langs
            .iter()
            .map(|l| CardTitle {
                lang: l.clone(),
                text: cx.ui(l, "topics_title"),
                translated: None,
            })
            .collect(),
        edition: None,
        date: None,
        languages: cx.language_names(&langs),
        size: langs
            .iter()
            .map(|l| Span {
                lang: l.clone(),
                text: cx.ui(l, "topics_size").replace("{n}", &n),
            })
            .collect(),
        views: Vec::new(),
    }
}

#[derive(Serialize)]
pub struct TopicPage {
    pub frame: Frame,
    pub print_css: String,
    pub parallel: bool,
    pub langs: Vec<String>,
    pub names: Vec<Span>,
    pub description: Vec<Span>,
    pub index_href: String,
    /// The broader topics, the broadest first.
    pub broader: Vec<TopicLink>,
    pub narrower: Vec<TopicLink>,
    pub groups: Vec<DocGroup>,
}

/// The clauses of one document on the topic.
#[derive(Serialize)]
pub struct DocGroup {
    pub anchor: String,
    pub href: String,
    pub titles: Vec<Span>,
    pub items: Vec<ItemView>,
}

pub fn page(cx: &Ctx, t: usize) -> TopicPage {
    let site = cx.site;
    let topics = &site.topics;
    let topic = &topics.list[t];
    let here = path(&topic.id);
    let lang = site.first_language();
    let mut frame = cx.frame(&here, &lang, topic.name.text_in(&lang));
    frame.description = Some(Span {
        lang: lang.clone(),
        text: cx
            .ui(&lang, "topic_description")
            .replace("{topic}", topic.name.text_in(&lang)),
    });
    let b = as_briefing(site, t);
    let mut items = briefing_items::items(cx, &b, &here);
    // A cross-link to a clause of this page names the item it is in.
    let item_of = |key: &str| {
        items
            .iter()
            .position(|i| i.lead.iter().chain(&i.rows).any(|r| r.key == key))
    };
    let found: Vec<Vec<Option<usize>>> = items
        .iter()
        .map(|i| {
            (i.refs.iter().flat_map(|g| &g.items))
                .map(|r| r.here.as_ref().and_then(|_| item_of(&r.key)))
                .collect()
        })
        .collect();
    for (item, found) in items.iter_mut().zip(found) {
        let refs_lang = item.refs_lang.clone();
        for (r, n) in item.refs.iter_mut().flat_map(|g| &mut g.items).zip(found) {
            if let Some(n) = n {
                r.here = Some(
                    cx.ui(&refs_lang, "in_this_topic")
                        .replace("{n}", &(n + 1).to_string()),
                );
            }
        }
        // Under the page's `h2` of its document, an item is an `h3`.
        for row in item.lead.iter_mut().chain(&mut item.rows) {
            row.level = (row.level + 1).min(6);
        }
    }
    let mut groups: Vec<DocGroup> = Vec::new();
    for (item, view) in b.items.iter().zip(items) {
        let d = item.node.doc;
        let doc = &site.documents[d];
        match groups.last_mut() {
            Some(g) if g.anchor == group_anchor(&doc.id) => g.items.push(view),
            _ => groups.push(DocGroup {
                anchor: group_anchor(&doc.id),
                href: urls::rel(&here, &urls::document(&doc.id, None)),
                titles: spans(site, &doc.title),
                items: vec![view],
            }),
        }
    }
    let mut broader = Vec::new();
    let mut at = topic.parent;
    while let Some(p) = at {
        broader.push(topic_link(site, p, &here));
        at = topics.list[p].parent;
    }
    broader.reverse();
    TopicPage {
        print_css: urls::rel(&here, &print_css_path(&topic.id)),
        parallel: site.languages.len() > 1,
        langs: site.language_codes(),
        names: spans(site, &topic.name),
        description: spans(site, &topic.description),
        index_href: urls::rel(&here, INDEX),
        broader,
        narrower: (0..topics.list.len())
            .filter(|&n| topics.list[n].parent == Some(t))
            .map(|n| topic_link(site, n, &here))
            .collect(),
        groups,
        frame,
    }
}

/// A topic as a document page's node shows it: a link to its page, named
/// in each interface language.
#[derive(Serialize)]
pub struct TopicTag {
    pub href: String,
    pub names: Vec<Alt>,
}

/// The topics of each clause (node with text) of document `d`: those that
/// name it or a node it descends from in `topics.toml`, in the order of
/// the topics (not their broader topics, which its page names). By node;
/// empty for a site without topics.
pub fn tags(cx: &Ctx, d: usize) -> Vec<(usize, Vec<TopicTag>)> {
    let site = cx.site;
    let doc = &site.documents[d];
    // Every page of a document is at the same depth.
    let from = urls::document(&doc.id, None);
    let tag = |topic: &crate::model::topics::Topic| TopicTag {
        href: urls::rel(&from, &path(&topic.id)),
        names: alts(&cx.uis, |ui| {
            let l = if topic.name.contains_key(ui) {
                ui
            } else {
                topic.name.keys().next().unwrap_or(ui)
            };
            (l.to_string(), topic.name.text_in(l).to_string())
        }),
    };
    (site.topics.of_document(d, doc).into_iter().enumerate())
        .filter(|(n, topics)| !topics.is_empty() && is_clause(doc, *n))
        .map(|(n, topics)| {
            (
                n,
                topics.iter().map(|&t| tag(&site.topics.list[t])).collect(),
            )
        })
        .collect()
}
