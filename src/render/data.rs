//! Open data (each document as JSON, with its cross-links) and the sitemap.

use serde::Serialize;

use super::urls;
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

/// Document `d` as JSON: metadata, nodes in reading order, notes, and
/// every cross-link from or to it.
pub fn document_json(site: &Site, d: usize) -> String {
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
            notes: n
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
    let mut ids: Vec<usize> = doc
        .nodes
        .iter()
        .flat_map(|n| n.links_out.iter().chain(&n.links_in).copied())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let links = ids
        .iter()
        .map(|&l| link_json(site, &site.links[l]))
        .collect();
    let json = DocJson {
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
    };
    serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
}

/// Every cross-link of the site.
pub fn crosswalk_json(site: &Site) -> String {
    let links: Vec<LinkJson> = site.links.iter().map(|l| link_json(site, l)).collect();
    serde_json::to_string_pretty(&links).unwrap_or_default() + "\n"
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `sitemap.xml` of the site's pages (`paths`: every HTML page but 404.html).
pub fn sitemap(site: &Site, paths: &[String]) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for p in paths {
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            xml_escape(&urls::abs(&site.base_url, p))
        ));
    }
    out.push_str("</urlset>\n");
    out
}
