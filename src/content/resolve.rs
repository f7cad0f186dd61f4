//! Resolve stage: validated raw content into the immutable [`Site`] model,
//! with the node tree, cross-links and derived backlinks.

use std::collections::HashMap;

use super::ids;
use super::load::RawContent;
use super::model::{
    citation_key, DocKind, Document, Language, Link, Node, NodeKind, NodeRef, Note, NoteKind,
    Relation, Site,
};
use super::raw::RawDocument;

/// Builds the model. Call only with content for which `validate` returned
/// no problem: whatever validation refuses is skipped here, not repaired.
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
        .into_iter()
        .filter_map(|d| document(d.value, &languages))
        .collect();
    documents.sort_by(|a, b| a.id.cmp(&b.id));

    let keys: HashMap<String, NodeRef> = documents
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| {
            doc.nodes.iter().enumerate().map(move |(n, node)| {
                (citation_key(&doc.id, &node.id), NodeRef { doc: d, node: n })
            })
        })
        .collect();

    let mut links = Vec::new();
    if let Some(cw) = content.crosswalk {
        for l in cw.value.links {
            let l = l.into_inner();
            if let (Some(&from), Some(&to), Some(relation)) = (
                keys.get(l.from.get_ref()),
                keys.get(l.to.get_ref()),
                Relation::parse(l.relation.get_ref()),
            ) {
                links.push(Link { from, to, relation });
            }
        }
    }
    links.sort_by_key(|l| (l.from, l.to));
    for (i, link) in links.iter().enumerate() {
        documents[link.from.doc].nodes[link.from.node]
            .links_out
            .push(i);
        documents[link.to.doc].nodes[link.to.node].links_in.push(i);
    }

    let mut notes = Vec::new();
    for file in content.notes {
        for n in file.value.notes {
            let n = n.into_inner();
            if let (Some(&target), Some(kind)) = (
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
    for (i, note) in notes.iter().enumerate() {
        documents[note.target.doc].nodes[note.target.node]
            .notes
            .push(i);
    }
    let briefings = super::briefings::resolve(content.briefings, &keys, &languages);
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
    let mut index: HashMap<String, usize> = HashMap::new();
    for raw in d.nodes {
        let raw = raw.into_inner();
        let id = raw.id.into_inner();
        let kind = NodeKind::parse(raw.kind.get_ref())?;
        let parent = ids::parent_id(&id).and_then(|p| index.get(p).copied());
        let i = nodes.len();
        if let Some(p) = parent {
            nodes[p].children.push(i);
        }
        index.insert(id.clone(), i);
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
