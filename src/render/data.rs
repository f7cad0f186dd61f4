//! Open data: each document as JSON, with its cross-links.

use serde::Serialize;

use crate::content::model::{Link, NodeRef};
use crate::content::raw::LangMap;
use crate::content::Site;

#[derive(Serialize)]
struct DocJson<'a> {
    id: &'a str,
    kind: &'a str,
    series: &'a Option<String>,
    edition: &'a Option<String>,
    title: &'a LangMap,
    date: &'a Option<String>,
    languages: &'a [String],
    source: &'a Option<String>,
    nodes: Vec<NodeJson<'a>>,
    links: Vec<LinkJson>,
}

#[derive(Serialize)]
struct NodeJson<'a> {
    key: String,
    id: &'a str,
    kind: &'a str,
    parent: Option<&'a str>,
    label: &'a LangMap,
    heading: &'a LangMap,
    text: &'a LangMap,
    notes: Vec<NoteJson<'a>>,
}

#[derive(Serialize)]
struct NoteJson<'a> {
    kind: &'a str,
    text: &'a LangMap,
}

#[derive(Serialize)]
struct LinkJson {
    from: String,
    to: String,
    relation: &'static str,
}

fn link_json(site: &Site, l: &Link) -> LinkJson {
    LinkJson {
        from: site.key(l.from),
        to: site.key(l.to),
        relation: l.relation.as_str(),
    }
}

/// Document `d` as JSON (UTF-8): metadata, nodes in reading order, notes,
/// and every cross-link from or to it.
pub fn document_json(site: &Site, d: usize) -> Vec<u8> {
    compact(&doc_json(site, d))
}

fn doc_json(site: &Site, d: usize) -> DocJson<'_> {
    let doc = &site.documents[d];
    let nodes = doc
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| NodeJson {
            key: site.key(NodeRef { doc: d, node: i }),
            id: &n.id,
            kind: n.kind.as_str(),
            parent: n.parent.map(|p| doc.nodes[p].id.as_str()),
            label: &n.label,
            heading: &n.heading,
            text: &n.text,
            notes: site
                .attached(NodeRef { doc: d, node: i })
                .notes
                .iter()
                .map(|&k| NoteJson {
                    kind: site.notes[k].kind.as_str(),
                    text: &site.notes[k].text,
                })
                .collect(),
        })
        .collect();
    // The document's links, in the site's order, from its nodes' lists
    // (not by a scan of every link of the site for each document).
    let mut ids: Vec<usize> = (0..doc.nodes.len())
        .flat_map(|i| {
            let a = site.attached(NodeRef { doc: d, node: i });
            a.links_out.iter().chain(&a.links_in).copied()
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let links = ids
        .iter()
        .map(|&l| link_json(site, &site.links[l]))
        .collect();
    DocJson {
        id: &doc.id,
        kind: doc.kind.as_str(),
        series: &doc.series,
        edition: &doc.edition,
        title: &doc.title,
        date: &doc.date,
        languages: &doc.languages,
        source: &doc.source,
        nodes,
        links,
    }
}

/// `value` as compact JSON and a final newline, in UTF-8: the text
/// `serde_json::to_vec` gives (a test compares them), written by sonic-rs,
/// whose string escaping is vectorised.
///
/// Compact, not indented: the data is for programs, and browsers indent
/// JSON for a reader themselves. Indenting made the files a seventh larger
/// and took a third of the time spent writing them.
fn compact<T: Serialize>(value: &T) -> Vec<u8> {
    // Room for a large document's JSON: growing the buffer copies it.
    let mut out = Vec::with_capacity(256 * 1024);
    // Serialising these types cannot fail: every map key is a string.
    if sonic_rs::to_writer(&mut out, value).is_err() {
        out.clear();
        out.extend_from_slice(b"null");
    }
    out.push(b'\n');
    out
}

/// Every cross-link of the site.
pub fn crosswalk_json(site: &Site) -> Vec<u8> {
    let links: Vec<LinkJson> = site.links.iter().map(|l| link_json(site, l)).collect();
    compact(&links)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde_json_compact<T: Serialize>(value: &T) -> Vec<u8> {
        let mut text = serde_json::to_vec(value).unwrap();
        text.push(b'\n');
        text
    }

    /// The open data is byte for byte what serde_json writes: every real
    /// document, the crosswalk, and strings with every kind of escape.
    #[test]
    fn json_is_serde_jsons() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let site = crate::content::load_site(&root).expect("the real content loads");
        for d in 0..site.documents.len() {
            let value = doc_json(&site, d);
            assert_eq!(compact(&value), serde_json_compact(&value), "{d}");
            assert!(value.nodes.len() > 10 && !value.links.is_empty());
        }
        let links: Vec<LinkJson> = site.links.iter().map(|l| link_json(&site, l)).collect();
        assert_eq!(crosswalk_json(&site), serde_json_compact(&links));
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        let mut map = LangMap::new();
        map.insert("en", format!("a\"b\\c/\u{7f}\u{2028}</script> {all}"));
        map.insert("zh-Hans", "双方将“深化”合作\t（一）".to_string());
        let odd = (
            vec![map.clone(), LangMap::new()],
            Some(map),
            None::<String>,
            Vec::<u8>::new(),
        );
        assert_eq!(compact(&odd), serde_json_compact(&odd));
    }
}
