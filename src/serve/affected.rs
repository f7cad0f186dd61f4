//! What a change affects, from the site built before it and the site built
//! after: the documents to render again, the nodes whose rendering
//! changed, and whether the site-wide pages change.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};

use crate::model::commitments::editions;
use crate::model::{Document, NodeRef, Site};

/// What a change affects, in the site built after it.
pub(super) struct Affected {
    /// The documents to render again: those whose file changed, those
    /// touched by changed links or notes, and those that link to or from a
    /// node whose text changed (their pages show the linked node's heading
    /// or text).
    pub docs: BTreeSet<usize>,
    /// The nodes shown differently: changed, linked or unlinked, noted,
    /// each with its descendants when its label, heading or place changed
    /// (their citation labels name it); every node of a document added,
    /// or whose nodes were added, removed or reordered. The pages that
    /// quote nodes of a changed document (topic pages) are rendered again
    /// only if they show one of these.
    pub nodes: BTreeSet<NodeRef>,
    /// Whether the figures of a changed document in a series differ: the
    /// home page counts each series' commitments.
    pub figures: bool,
}

/// Linear in the changed documents and the links of changed nodes; the
/// whole site's links and notes are only compared (by hash) unless changed.
pub(super) fn affected(old: &Site, new: &Site) -> Affected {
    let mut docs: BTreeSet<String> = BTreeSet::new();
    // Citation keys whose shown text may differ between the two sites.
    let mut keys: Vec<String> = Vec::new();
    let mut nodes: BTreeSet<NodeRef> = BTreeSet::new();
    let mut figures = false;
    for id in changed_documents(old, new) {
        figures = figures || entries(old, &id) != entries(new, &id);
        keys.extend(changed_nodes(old, new, &id));
        if !same_nodes(old, new, &id) {
            nodes.extend(every_node(new, &id));
        }
        docs.insert(id);
    }
    // The two ends of each changed link, and each changed note's node.
    let mut touched: Vec<String> = Vec::new();
    if links_hash(old) != links_hash(new) {
        let links = |s: &Site| -> BTreeSet<(String, String, &'static str)> {
            s.links
                .iter()
                .map(|l| (s.key(l.from), s.key(l.to), l.relation.as_str()))
                .collect()
        };
        for (from, to, _) in links(old).symmetric_difference(&links(new)) {
            touched.extend([from.clone(), to.clone()]);
        }
    }
    if notes_hash(old) != notes_hash(new) {
        let notes = |s: &Site| -> BTreeSet<(String, String)> {
            s.notes
                .iter()
                .map(|n| (s.key(n.target), format!("{:?}{:?}", n.kind, n.text)))
                .collect()
        };
        for (key, _) in notes(old).symmetric_difference(&notes(new)) {
            touched.push(key.clone());
        }
    }
    // The editors' corrections of figures (commitments.toml): the
    // documents of the clauses corrected before or after, whose series'
    // commitments are rendered again with them.
    let corrections = |s: &Site| -> BTreeSet<(String, String)> {
        s.corrections
            .iter()
            .map(|c| (s.key(c.clause), format!("{c:?}")))
            .collect()
    };
    let (before, after) = (corrections(old), corrections(new));
    for (key, _) in before.symmetric_difference(&after) {
        docs.extend(key.split_once(':').map(|(d, _)| d.to_string()));
    }
    docs.extend(
        (touched.iter())
            .filter_map(|k| k.split_once(':'))
            .map(|(d, _)| d.to_string()),
    );
    // The documents at the other end of each changed node's links.
    for s in [old, new] {
        for node in keys.iter().filter_map(|k| s.lookup(k)) {
            let a = s.attached(node);
            for &l in a.links_out.iter().chain(&a.links_in) {
                let link = &s.links[l];
                for end in [link.from, link.to] {
                    docs.insert(s.documents[end.doc].id.clone());
                }
            }
        }
    }
    nodes.extend(keys.iter().chain(&touched).filter_map(|k| new.lookup(k)));
    Affected {
        docs: (new.documents.iter().enumerate())
            .filter(|(_, d)| docs.contains(&d.id))
            .map(|(i, _)| i)
            .collect(),
        nodes,
        figures,
    }
}

/// The figures of document `id` in `site` if it is an edition of a series
/// (its commitments), by node id, kind and value.
fn entries(site: &Site, id: &str) -> Vec<(String, String, u64)> {
    let Some(d) = site.document_index(id) else {
        return Vec::new();
    };
    let doc = &site.documents[d];
    if doc.series.is_none() || doc.edition.is_none() {
        return Vec::new();
    }
    let fixes = editions::by_clause(&site.corrections);
    (editions::document_entries(doc, d, &fixes).into_iter())
        .map(|e| (doc.nodes[e.clause.node].id.clone(), e.kind, e.value))
        .collect()
}

/// Whether document `id` has the same nodes, by id, in the same order, in
/// both sites.
fn same_nodes(old: &Site, new: &Site, id: &str) -> bool {
    match (find(old, id), find(new, id)) {
        (Some(a), Some(b)) => (a.nodes.iter().map(|n| &n.id)).eq(b.nodes.iter().map(|n| &n.id)),
        _ => false,
    }
}

/// Every node of document `id` in `site` (none if it has no such document).
fn every_node(site: &Site, id: &str) -> Vec<NodeRef> {
    let Some(doc) = site.document_index(id) else {
        return Vec::new();
    };
    (0..site.documents[doc].nodes.len())
        .map(|node| NodeRef { doc, node })
        .collect()
}

/// The id of the parent of node `i` of `d`.
fn parent_id(d: &Document, i: usize) -> Option<&str> {
    d.nodes[i].parent.map(|p| d.nodes[p].id.as_str())
}

fn find<'a>(s: &'a Site, id: &str) -> Option<&'a Document> {
    s.document_index(id).map(|d| &s.documents[d])
}

/// The ids of the documents added, removed or made again (from a changed
/// file) between the two sites: an unchanged file keeps its document.
fn changed_documents(old: &Site, new: &Site) -> BTreeSet<String> {
    let by_id = |s: &Site| -> HashMap<String, *const Document> {
        s.documents
            .iter()
            .map(|d| (d.id.clone(), d as *const Document))
            .collect()
    };
    let (before, after) = (by_id(old), by_id(new));
    let mut ids: BTreeSet<String> = before
        .keys()
        .filter(|id| !after.contains_key(*id))
        .cloned()
        .collect();
    ids.extend(
        after
            .iter()
            .filter(|(id, d)| before.get(*id) != Some(*d))
            .map(|(id, _)| id.clone()),
    );
    ids
}

/// A hash of every link, by citation keys.
fn links_hash(s: &Site) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for l in &s.links {
        for end in [l.from, l.to] {
            s.documents[end.doc].id.hash(&mut h);
            s.node(end).id.hash(&mut h);
        }
        l.relation.as_str().hash(&mut h);
    }
    h.finish()
}

/// A hash of every note: its target, kind and text.
fn notes_hash(s: &Site) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for n in &s.notes {
        s.documents[n.target.doc].id.hash(&mut h);
        s.node(n.target).id.hash(&mut h);
        n.kind.as_str().hash(&mut h);
        n.text.hash(&mut h);
    }
    h.finish()
}

/// A hash of what the site-wide pages (home, sitemap, crosswalk data, 404)
/// show: each document's metadata and size, the links, and the editors'
/// corrections of figures.
pub(crate) fn site_wide_hash(s: &Site) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for d in &s.documents {
        (&d.id, d.kind.as_str(), &d.series, &d.edition, &d.date).hash(&mut h);
        (&d.title, &d.languages, &d.source, d.nodes.len()).hash(&mut h);
    }
    links_hash(s).hash(&mut h);
    // The home page counts each series' commitments.
    for c in &s.corrections {
        (
            s.key(c.clause),
            &c.lang,
            &c.figure,
            &c.kind,
            c.value,
            c.suppress,
        )
            .hash(&mut h);
    }
    h.finish()
}

/// The citation keys of document `id` whose label, heading, text or
/// place differ between the two sites, with the descendants of those whose
/// label, heading or place changed (a citation label names its
/// ancestors'); every key when the document is new, gone, or its title
/// changed (other pages show it beside each link).
fn changed_nodes(old: &Site, new: &Site, id: &str) -> Vec<String> {
    let all = |d: &Document| {
        d.nodes
            .iter()
            .map(|n| format!("{id}:{}", n.id))
            .collect::<Vec<_>>()
    };
    match (find(old, id), find(new, id)) {
        (Some(a), Some(b)) if a.title == b.title && a.edition == b.edition && a.kind == b.kind => {
            let before: HashMap<&str, usize> = (a.nodes.iter().enumerate())
                .map(|(i, n)| (n.id.as_str(), i))
                .collect();
            let mut changed: BTreeSet<usize> = BTreeSet::new();
            for (i, n) in b.nodes.iter().enumerate() {
                let Some(&j) = before.get(n.id.as_str()) else {
                    changed.insert(i);
                    continue;
                };
                let o = &a.nodes[j];
                let named = o.label == n.label
                    && o.heading == n.heading
                    && o.kind == n.kind
                    && parent_id(a, j) == parent_id(b, i);
                if !named {
                    changed.extend(b.subtree(i));
                } else if o.text != n.text {
                    changed.insert(i);
                }
            }
            let after: HashSet<&str> = b.nodes.iter().map(|n| n.id.as_str()).collect();
            let mut keys: Vec<String> = (changed.into_iter())
                .map(|i| format!("{id}:{}", b.nodes[i].id))
                .collect();
            keys.extend(
                a.nodes
                    .iter()
                    .filter(|n| !after.contains(n.id.as_str()))
                    .map(|n| format!("{id}:{}", n.id)),
            );
            keys
        }
        (a, b) => a.into_iter().chain(b).flat_map(all).collect(),
    }
}
