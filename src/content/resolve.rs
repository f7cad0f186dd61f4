//! Resolve stage: validated raw content into the immutable [`Site`] model,
//! with the node tree, cross-links and derived backlinks.

use rayon::prelude::*;

use super::ids;
use super::keys::Keys;
use super::load::RawContent;
use super::model::{
    DocKind, Document, Language, Link, Node, NodeKind, Note, NoteKind, Relation, Site,
};
use super::raw::RawDocument;

/// Builds the model. Call only with content for which `validate` returned
/// no problem: whatever validation refuses is skipped here, not repaired.
///
/// The text moves from the raw values into the model, never copied; the
/// documents are built in parallel, each raw document freed as soon as
/// its model is made.
pub fn resolve(content: RawContent) -> Site {
    let (site_title, description, base_url, languages) = match content.site {
        Some(s) => {
            let s = s.value;
            let langs: Vec<Language> = s
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
        None => Default::default(),
    };
    let mut documents: Vec<Document> = content
        .documents
        .into_par_iter()
        .filter_map(|d| document(d.value, &languages))
        .collect();
    documents.sort_by(|a, b| a.id.cmp(&b.id));

    let keys = Keys::new(&documents);
    let mut links = Vec::new();
    if let Some(cw) = content.crosswalk {
        for l in cw.value.links {
            let l = l.into_inner();
            if let (Some(from), Some(to), Some(relation)) = (
                keys.get(l.from.get_ref()),
                keys.get(l.to.get_ref()),
                Relation::parse(l.relation.get_ref()),
            ) {
                links.push(Link { from, to, relation });
            }
        }
    }
    let mut notes = Vec::new();
    for file in content.notes {
        for n in file.value.notes {
            let n = n.into_inner();
            if let (Some(target), Some(kind)) = (
                keys.get(n.target.get_ref()),
                NoteKind::parse(n.kind.get_ref()),
            ) {
                notes.push(Note {
                    target,
                    kind,
                    text: n.text.into_inner(),
                });
            }
        }
    }
    let briefings = super::briefings::resolve(content.briefings, &|k| keys.get(k), &languages);
    drop(keys);

    links.sort_by_key(|l| (l.from, l.to));
    for (i, link) in links.iter().enumerate() {
        documents[link.from.doc].nodes[link.from.node]
            .links_out
            .push(i);
        documents[link.to.doc].nodes[link.to.node].links_in.push(i);
    }
    for (i, note) in notes.iter().enumerate() {
        documents[note.target.doc].nodes[note.target.node]
            .notes
            .push(i);
    }
    Site::new(
        (site_title, description, base_url, languages),
        documents,
        links,
        notes,
        briefings,
    )
}

fn document(d: RawDocument, site_langs: &[Language]) -> Option<Document> {
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
        let i = nodes.len();
        if let Some(p) = parent {
            nodes[p].children.push(i);
        }
        open.push(i);
        nodes.push(Node {
            depth: parent.map_or(0, |p| nodes[p].depth + 1),
            id,
            kind,
            parent,
            children: Vec::new(),
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
