//! The cross-link markers of the real site against content/crosswalk.toml,
//! read here on its own: every link is shown at both of its ends, in the
//! row of its node on the document's main page (`documents/<id>/index.html`),
//! under the marker of its relation (`continues` and `related` at the node
//! it goes from, `continued_by` and `referenced_by` at the node it goes to),
//! each marker's count is the number of links it lists, and no marker
//! lists a link the crosswalk does not have.

use std::collections::BTreeMap;

use crate::site::{parse, real_site, sel};

/// (document, node key, relation shown) → the keys listed there.
type Shown = BTreeMap<(String, String, String), Vec<String>>;

/// Every marker of every document's main page, its count checked.
fn shown() -> Shown {
    let mut out = Shown::new();
    let documents = real_site().join("public/documents");
    for entry in std::fs::read_dir(&documents).unwrap() {
        let dir = entry.unwrap().path();
        let doc = dir.file_name().unwrap().to_string_lossy().into_owned();
        let html = parse(&std::fs::read(dir.join("index.html")).unwrap());
        for row in html.select(&sel(".node[id]")) {
            let key = row.value().attr("id").unwrap().to_string();
            for group in row.select(&sel(":scope > .xrefs > details.refs")) {
                let class = group.value().attr("class").unwrap();
                let relation = class.trim_start_matches("refs ").to_string();
                let keys: Vec<String> = group
                    .select(&sel(":scope > ul > li > a.ref"))
                    .map(|a| a.value().attr("data-key").unwrap().to_string())
                    .collect();
                let count = group
                    .select(&sel(":scope > summary .count"))
                    .next()
                    .unwrap()
                    .text()
                    .collect::<String>();
                assert_eq!(count.trim(), keys.len().to_string(), "{key} {relation}");
                out.insert((doc.clone(), key.clone(), relation), keys);
            }
        }
    }
    out
}

#[test]
fn every_cross_link_is_shown_at_both_ends_under_its_relation_with_its_count() {
    let text =
        std::fs::read_to_string(crate::support::root().join("content/crosswalk.toml")).unwrap();
    let crosswalk: toml::Table = toml::from_str(&text).unwrap();
    let links = crosswalk["link"].as_array().unwrap();
    let mut shown = shown();
    let doc_of = |key: &str| key.split(':').next().unwrap().to_string();
    let mut expected = 0;
    for link in links {
        let (from, to) = (link["from"].as_str().unwrap(), link["to"].as_str().unwrap());
        let (out, back) = match link["relation"].as_str().unwrap() {
            "continues" => ("continues", "continued_by"),
            "related" => ("related", "referenced_by"),
            other => panic!("relation {other}"),
        };
        for (at, relation, other) in [(from, out, to), (to, back, from)] {
            let place = (doc_of(at), at.to_string(), relation.to_string());
            let listed = shown
                .get_mut(&place)
                .unwrap_or_else(|| panic!("{at}: no `{relation}` marker for {other}"));
            let i = listed
                .iter()
                .position(|k| k == other)
                .unwrap_or_else(|| panic!("{at}: `{relation}` does not list {other}: {listed:?}"));
            listed.remove(i);
            expected += 1;
        }
    }
    assert_eq!(expected, 2 * links.len());
    let left: Vec<_> = shown.iter().filter(|(_, v)| !v.is_empty()).collect();
    assert!(
        left.is_empty(),
        "listed without a link in the crosswalk: {left:?}"
    );
}
