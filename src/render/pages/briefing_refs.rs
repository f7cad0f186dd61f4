//! The references of a briefing's item: the cross-links of its node and
//! of every descendant, grouped like a document page's, pointing into the
//! briefing itself where the target is one of its items.

use serde::Serialize;

use super::briefing::{cite_number, doc_short, lang_for};
use super::nodes::{linked, LINK_GROUPS};
use crate::model::briefing::Briefing;
use crate::model::NodeRef;
use crate::render::text::{plain, snippet};
use crate::render::{urls, Ctx};

#[derive(Serialize)]
pub struct RefGroup {
    /// Key of the caption in the interface strings.
    pub caption: &'static str,
    pub items: Vec<Ref>,
}

#[derive(Serialize)]
pub struct Ref {
    /// The number of the node of this item the link starts from, when it
    /// is not the item's node itself.
    pub from: String,
    pub from_lang: String,
    pub href: String,
    pub key: String,
    pub lang: String,
    pub doc: String,
    pub label: String,
    pub heading: String,
    /// "item 3 of this briefing", when the target is in it.
    pub here: Option<String>,
}

/// The item (0-based) of `b` that shows node `r`, if any.
fn item_of(cx: &Ctx, b: &Briefing, r: NodeRef) -> Option<usize> {
    b.items.iter().position(|item| {
        item.node.doc == r.doc
            && cx.site.documents[r.doc]
                .subtree(item.node.node)
                .contains(&r.node)
    })
}

/// The cross-links of every node of the item, grouped like a document
/// page's, in `lang`.
pub(super) fn refs(cx: &Ctx, b: &Briefing, path: &str, root: NodeRef, lang: &str) -> Vec<RefGroup> {
    let site = cx.site;
    let doc = &site.documents[root.doc];
    let nodes: Vec<NodeRef> = doc
        .subtree(root.node)
        .map(|n| NodeRef {
            doc: root.doc,
            node: n,
        })
        .collect();
    LINK_GROUPS
        .iter()
        .filter_map(|&(caption, outgoing, relation)| {
            let items: Vec<Ref> = nodes
                .iter()
                .flat_map(|&from| {
                    linked(cx, from, outgoing, relation)
                        .into_iter()
                        .map(move |to| (from, to))
                })
                .map(|(from, to)| reference(cx, b, path, root, from, to, lang))
                .collect();
            (!items.is_empty()).then_some(RefGroup { caption, items })
        })
        .collect()
}

fn reference(
    cx: &Ctx,
    b: &Briefing,
    path: &str,
    root: NodeRef,
    from: NodeRef,
    to: NodeRef,
    lang: &str,
) -> Ref {
    let site = cx.site;
    let (fdoc, tdoc) = (&site.documents[from.doc], &site.documents[to.doc]);
    let from_lang = lang_for(fdoc, lang);
    let tl = lang_for(tdoc, lang);
    let node = site.node(to);
    let key = site.key(to);
    let here = item_of(cx, b, to);
    Ref {
        from: if from == root {
            String::new()
        } else {
            cite_number(fdoc, from.node, &from_lang)
        },
        from_lang,
        href: match here {
            Some(_) => format!("#{key}"),
            None => format!("{}#{key}", urls::rel(path, &urls::document(&tdoc.id, None))),
        },
        doc: doc_short(cx, tdoc, lang).into_owned(),
        label: cite_number(tdoc, to.node, &tl),
        heading: node
            .heading
            .get(&tl)
            .map(|h| plain(h))
            .or_else(|| node.text.get(&tl).map(|t| snippet(t, 60)))
            .unwrap_or_default(),
        here: here.map(|i| {
            cx.ui(lang, "in_this_briefing")
                .replace("{n}", &(i + 1).to_string())
        }),
        lang: tl,
        key,
    }
}
