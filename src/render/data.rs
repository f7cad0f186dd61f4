//! Open data: each document as JSON, with its cross-links.

use serde::Serialize;

use crate::model::Site;
use crate::model::{Link, NodeRef};
use crate::source::raw::LangMap;

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

/// `value` as compact JSON and a final newline, in UTF-8.
///
/// Compact, not indented: the data is for programs, and browsers indent
/// JSON for a reader themselves. Indenting made the files a seventh larger.
fn compact<T: Serialize>(value: &T) -> Vec<u8> {
    // Serialising these types cannot fail: every map key is a string.
    let mut out = serde_json::to_vec(value).expect("JSON of plain data");
    out.push(b'\n');
    out
}

/// Every cross-link of the site.
pub fn crosswalk_json(site: &Site) -> Vec<u8> {
    let links: Vec<LinkJson> = site.links.iter().map(|l| link_json(site, l)).collect();
    compact(&links)
}

#[derive(Serialize)]
struct TopicJson<'a> {
    id: &'a str,
    name: &'a LangMap,
    description: &'a LangMap,
    parent: Option<&'a str>,
    /// The citation keys named in `topics.toml`.
    covers: Vec<String>,
    /// Every node covered: those named and their descendants.
    nodes: Vec<String>,
}

/// The topic index, in tree order; `None` for a site without topics.
pub fn topics_json(site: &Site) -> Option<Vec<u8>> {
    let topics = &site.topics;
    if topics.is_empty() {
        return None;
    }
    let list: Vec<TopicJson> = topics
        .list
        .iter()
        .enumerate()
        .map(|(i, t)| TopicJson {
            id: &t.id,
            name: &t.name,
            description: &t.description,
            parent: t.parent.map(|p| topics.list[p].id.as_str()),
            covers: t.covers.iter().map(|&r| site.key(r)).collect(),
            nodes: topics
                .nodes(i, &site.documents)
                .into_iter()
                .map(|r| site.key(r))
                .collect(),
        })
        .collect();
    Some(compact(&list))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every real document's JSON and the crosswalk read back as what they
    /// hold, on one line ending with a newline.
    #[test]
    fn json_reads_back() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let site = crate::check::load_site(&root).expect("the real content loads");
        for d in 0..site.documents.len() {
            let doc = &site.documents[d];
            let bytes = document_json(&site, d);
            let (last, body) = bytes.split_last().unwrap();
            assert_eq!(*last, b'\n');
            assert!(!body.contains(&b'\n'), "{}: one line", doc.id);
            let v: serde_json::Value = serde_json::from_slice(body).unwrap();
            assert_eq!(v["id"], doc.id.as_str());
            let nodes = v["nodes"].as_array().unwrap();
            assert_eq!(nodes.len(), doc.nodes.len());
            assert!(nodes.len() > 10);
            let first = &doc.nodes[0];
            assert_eq!(nodes[0]["id"], first.id.as_str());
            assert_eq!(nodes[0]["key"], site.key(NodeRef { doc: d, node: 0 }));
            for (lang, text) in &first.text {
                assert_eq!(nodes[0]["text"][lang], text.as_str());
            }
            assert!(!v["links"].as_array().unwrap().is_empty());
        }
        let crosswalk = crosswalk_json(&site);
        let v: serde_json::Value = serde_json::from_slice(&crosswalk).unwrap();
        assert_eq!(v.as_array().unwrap().len(), site.links.len());
    }

    /// The exact text of a value with every kind of escape: languages in
    /// code order, `"`, `\\` and control characters escaped, the rest (`/`,
    /// U+2028, Chinese) as it is.
    #[test]
    fn json_text() {
        let mut map = LangMap::new();
        map.insert("zh-Hans", "双方将“深化”合作\t（一）".to_string());
        map.insert("en", "a\"b\\c/\u{7f}\u{2028}</script>\u{1}".to_string());
        let odd = (vec![map.clone(), LangMap::new()], Some(map), None::<String>);
        let one = concat!(
            "{\"en\":\"a\\\"b\\\\c/\u{7f}\u{2028}</script>\\u0001\",",
            "\"zh-Hans\":\"双方将“深化”合作\\t（一）\"}"
        );
        assert_eq!(
            String::from_utf8(compact(&odd)).unwrap(),
            format!("[[{one},{{}}],{one},null]\n")
        );
    }
}
