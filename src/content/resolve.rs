//! Resolve stage: validated raw content into the immutable [`Site`] model,
//! with the node tree, cross-links and derived backlinks.

use std::sync::Arc;

use rayon::prelude::*;
use toml::Spanned;

use super::briefings::RawBriefing;
use super::documents::Documents;
use super::ids;
use super::keys::{IdIndex, Keys};
use super::load::{RawContent, Sourced};
use super::model::{
    DocKind, Document, Language, Link, Node, NodeKind, Note, NoteKind, Relation, Site,
};
use super::raw::{LangMap, RawCrosswalk, RawDocument, RawNote, RawSite};

/// What `site.toml` gives the model: title, description, base URL, languages.
pub(super) type Head = (LangMap, LangMap, String, Vec<Language>);

/// Builds the model. Call only with content for which `validate` returned
/// no problem: whatever validation refuses is skipped here, not repaired.
///
/// The text moves from the raw values into the model, never copied; the
/// documents are built in parallel, each raw document freed as soon as
/// its model is made.
pub fn resolve(content: RawContent) -> Site {
    resolve_with_ids(content, None)
}

/// As [`resolve`], with the id index of each document file when the
/// checks made them.
pub(super) fn resolve_with_ids(content: RawContent, ids: Option<Vec<IdIndex>>) -> Site {
    let head = head(content.site.map(|s| s.value));
    let ids = ids.unwrap_or_else(|| {
        content
            .documents
            .par_iter()
            .map(|d| {
                IdIndex::new(
                    d.value
                        .nodes
                        .iter()
                        .map(|n| n.get_ref().id.get_ref().as_str()),
                )
            })
            .collect()
    });
    let documents: Vec<(Arc<Document>, &IdIndex)> = content
        .documents
        .into_par_iter()
        .zip(&ids)
        .filter_map(|(d, ids)| Some((Arc::new(document(d.value, &head.3)?), ids)))
        .collect();
    let parts = documents
        .into_iter()
        .map(|(doc, ids)| Part {
            doc,
            ids,
            lists: &[],
        })
        .collect();
    let notes = content
        .notes
        .into_iter()
        .flat_map(|f| f.value.notes)
        .map(Spanned::into_inner);
    let crosswalk = Crosswalk::Raw(content.crosswalk.as_ref().map(|c| &c.value));
    assemble(head, parts, crosswalk, notes, content.briefings).0
}

/// The site's title, description, base URL and languages.
pub(super) fn head(site: Option<RawSite>) -> Head {
    let Some(s) = site else {
        return Default::default();
    };
    let langs = s
        .languages
        .into_iter()
        .map(|l| {
            let l = l.into_inner();
            Language {
                code: l.code.into_inner(),
                name: l.name,
            }
        })
        .collect();
    (
        s.title.into_inner(),
        s.description.map(|d| d.into_inner()).unwrap_or_default(),
        s.base_url.into_inner(),
        langs,
    )
}

/// A document for [`assemble`]: its model, the index of its node ids, and
/// the links and notes its nodes have now.
pub(super) struct Part<'a> {
    pub doc: Arc<Document>,
    pub ids: &'a IdIndex,
    pub lists: &'a [Listed],
}

/// One index in a list of a node: (node, which list, index into
/// `Site::links` or `Site::notes`). A document's are sorted by node and
/// list, each list in order.
pub(super) type Listed = (u32, u8, u32);

const OUT: u8 = 0;
const IN: u8 = 1;
const NOTE: u8 = 2;

/// The cross-links of a site: from the crosswalk, or known (when neither
/// the crosswalk nor any node id changed since they were resolved).
pub(super) enum Crosswalk<'a> {
    Raw(Option<&'a RawCrosswalk>),
    Known(Vec<Link>),
}

/// The site from its documents, in any order, and what joins them: the
/// cross-links, the notes and the briefings. A document is changed (and
/// copied, when an earlier site shares it) only if its lists change.
/// Returns with the site, for each part in order, where its document is
/// in the site and the lists it has there.
pub(super) fn assemble(
    head: Head,
    parts: Vec<Part>,
    crosswalk: Crosswalk,
    notes: impl Iterator<Item = RawNote>,
    briefings: Vec<Sourced<RawBriefing>>,
) -> (Site, Vec<(usize, Vec<Listed>)>) {
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by(|&a, &b| parts[a].doc.id.cmp(&parts[b].doc.id));
    let mut slots: Vec<Option<Part>> = parts.into_iter().map(Some).collect();
    let mut documents = Vec::with_capacity(order.len());
    let mut ids = Vec::with_capacity(order.len());
    let mut lists = Vec::with_capacity(order.len());
    for &p in &order {
        if let Some(part) = slots[p].take() {
            documents.push(part.doc);
            ids.push(part.ids);
            lists.push(part.lists);
        }
    }
    let keys = Keys::new(&documents, ids);
    let links = match crosswalk {
        Crosswalk::Known(links) => links,
        Crosswalk::Raw(cw) => {
            let raw = cw.map_or(&[][..], |cw| &cw.links[..]);
            let mut links: Vec<Link> = raw
                .par_iter()
                .filter_map(|l| {
                    let l = l.get_ref();
                    Some(Link {
                        from: keys.get(l.from.get_ref())?,
                        to: keys.get(l.to.get_ref())?,
                        relation: Relation::parse(l.relation.get_ref())?,
                    })
                })
                .collect();
            links.sort_by_key(|l| (l.from, l.to));
            links
        }
    };
    let notes: Vec<Note> = notes
        .filter_map(|n| {
            Some(Note {
                target: keys.get(n.target.get_ref())?,
                kind: NoteKind::parse(n.kind.get_ref())?,
                text: n.text.into_inner(),
            })
        })
        .collect();
    let briefings = super::briefings::resolve(briefings, &|k| keys.get(k), &head.3);
    drop(keys);
    let lists = attach(&mut documents, lists, &links, &notes);
    let mut placed = vec![(0, Vec::new()); order.len()];
    for (at, (p, l)) in order.into_iter().zip(lists).enumerate() {
        placed[p] = (at, l);
    }
    let site = Site::new(head, Documents::new(documents), links, notes, briefings);
    (site, placed)
}

/// Gives every node its links out, links in and notes (indexes into
/// `links` and `notes`, in order); `had` are the lists the documents have
/// now. Returns the lists of each document.
fn attach(
    documents: &mut [Arc<Document>],
    had: Vec<&[Listed]>,
    links: &[Link],
    notes: &[Note],
) -> Vec<Vec<Listed>> {
    let mut lists: Vec<Vec<Listed>> = vec![Vec::new(); documents.len()];
    for (i, l) in links.iter().enumerate() {
        lists[l.from.doc].push((l.from.node as u32, OUT, i as u32));
        lists[l.to.doc].push((l.to.node as u32, IN, i as u32));
    }
    for (i, n) in notes.iter().enumerate() {
        lists[n.target.doc].push((n.target.node as u32, NOTE, i as u32));
    }
    documents
        .par_iter_mut()
        .zip(lists)
        .zip(had)
        .map(|((doc, mut lists), had)| {
            // Stable: each list keeps its indexes in order.
            lists.sort_by_key(|&(node, list, _)| (node, list));
            if lists != had {
                let doc = Arc::make_mut(doc);
                for &(n, _, _) in had {
                    let node = &mut doc.nodes[n as usize];
                    node.links_out.clear();
                    node.links_in.clear();
                    node.notes.clear();
                }
                for &(n, list, i) in &lists {
                    let node = &mut doc.nodes[n as usize];
                    match list {
                        OUT => node.links_out.push(i as usize),
                        IN => node.links_in.push(i as usize),
                        _ => node.notes.push(i as usize),
                    }
                }
            }
            lists
        })
        .collect()
}

pub(super) fn document(d: RawDocument, site_langs: &[Language]) -> Option<Document> {
    let declared: Vec<String> = d
        .languages
        .into_inner()
        .into_iter()
        .map(|l| l.into_inner())
        .collect();
    let languages = site_langs
        .iter()
        .filter(|l| declared.contains(&l.code))
        .map(|l| l.code.clone())
        .collect();
    let mut nodes: Vec<Node> = Vec::with_capacity(d.nodes.len());
    // The nodes on the path from the root to the previous node: validation
    // made sure that a node's parent is one of them.
    let mut open: Vec<usize> = Vec::new();
    for raw in d.nodes {
        let raw = raw.into_inner();
        let id = raw.id.into_inner();
        let kind = NodeKind::parse(raw.kind.get_ref())?;
        let parent_id = ids::parent_id(&id);
        while open
            .last()
            .is_some_and(|&o| Some(nodes[o].id.as_str()) != parent_id)
        {
            open.pop();
        }
        let parent = open.last().copied();
        open.push(nodes.len());
        nodes.push(Node {
            depth: parent.map_or(0, |p| nodes[p].depth + 1),
            id,
            kind,
            parent,
            label: raw.label,
            heading: raw.heading,
            text: raw.text,
            links_out: Vec::new(),
            links_in: Vec::new(),
            notes: Vec::new(),
        });
    }
    Some(Document {
        id: d.id.into_inner(),
        kind: DocKind::parse(d.kind.get_ref())?,
        series: d.series.map(|s| s.into_inner()),
        edition: d.edition.map(|s| s.into_inner()),
        title: d.title.into_inner(),
        date: d.date.map(|s| s.into_inner()),
        languages,
        source: d.source,
        nodes,
    })
}
