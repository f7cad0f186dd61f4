//! What a briefing shows of an item that is not a node it names: the
//! head of a topic's items (the topic, linked, and how many it gave), and
//! a comparison item's row of the edition comparison (src/model/compare.rs),
//! shown as the comparison's page shows it (templates/compare_row.html).

use std::collections::BTreeMap;

use serde::Serialize;

use super::compare::marks;
use super::compare_rows::{Maker, RowView};
use crate::model::briefing::{Briefing, ItemKind};
use crate::model::NodeRef;
use crate::render::frame::Span;
use crate::render::{urls, Ctx};

/// Before the first item of a topic's.
#[derive(Serialize)]
pub struct TopicHead {
    pub href: String,
    /// "From the topic …: n items", in each language of the briefing.
    pub lines: Vec<Span>,
}

/// A section beside the one of the edition before that it continues.
#[derive(Serialize)]
pub struct CompareItem {
    pub row: RowView,
    /// The marks of the row's statuses, in each language of the briefing.
    pub marks: BTreeMap<&'static str, Vec<Span>>,
}

/// The head of item `i` of `b` when it is the first of a topic's items.
pub fn topic_head(cx: &Ctx, b: &Briefing, path: &str, i: usize) -> Option<TopicHead> {
    let ItemKind::Topic(t, 0) = b.items[i].kind else {
        return None;
    };
    let count = 1
        + (b.items[i + 1..].iter())
            .take_while(|item| matches!(item.kind, ItemKind::Topic(u, k) if u == t && k > 0))
            .count();
    let topic = &cx.site.topics.list[t];
    Some(TopicHead {
        href: urls::rel(path, &super::topics::path(&topic.id)),
        lines: (b.languages.iter())
            .map(|l| Span {
                lang: l.clone(),
                text: cx
                    .ui(l, "briefing_topic")
                    .replace("{topic}", topic.name.text_in(l))
                    .replace("{n}", &count.to_string()),
            })
            .collect(),
    })
}

/// The comparison row of the section at `node`, for the page at `path`;
/// none when its document is not the newer edition of a comparison.
pub fn compare_item(cx: &Ctx, b: &Briefing, path: &str, node: NodeRef) -> Option<CompareItem> {
    let c = cx.comparisons.iter().find(|c| c.new == node.doc)?;
    let row = (c.areas.iter())
        .flat_map(|a| &a.rows)
        .find(|r| r.new == Some(node.node))?;
    let docs = &cx.site.documents;
    let edition = |d: usize| docs[d].edition.clone().unwrap_or_default();
    Some(CompareItem {
        row: Maker { cx, here: path, c }.row(row),
        marks: marks(cx, &b.languages, &edition(c.old), &edition(c.new)),
    })
}
