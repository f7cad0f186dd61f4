//! `data/topics.json` (open data): every topic of the fixture's
//! `topics.toml` with its parent, the keys it names and every node it
//! covers, read from the TOML files on their own; none without topics.

use std::fs;

use crate::site::build_into;
use crate::support::fixture;

/// Node ids of document `doc` of the fixture, read from its file.
fn node_ids(content: &std::path::Path, doc: &str) -> Vec<String> {
    let text = fs::read_to_string(content.join(format!("documents/{doc}.toml"))).unwrap();
    let v: toml::Value = toml::from_str(&text).unwrap();
    v["node"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn topics_json_lists_every_topic_and_its_nodes() {
    let dir = fixture("topics/nested");
    let content = dir.path().join("content");
    let out = dir.path().join("public");
    build_into(&content, &out);
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("data/topics.json")).unwrap()).unwrap();
    let json = json.as_array().unwrap();
    let raw: toml::Value =
        toml::from_str(&fs::read_to_string(content.join("topics.toml")).unwrap()).unwrap();
    let raw = raw["topic"].as_array().unwrap();
    assert_eq!(json.len(), raw.len());
    for t in raw {
        let id = t["id"].as_str().unwrap();
        let j = json
            .iter()
            .find(|j| j["id"] == id)
            .unwrap_or_else(|| panic!("{id} missing"));
        assert_eq!(j["name"]["en"].as_str(), t["name"]["en"].as_str(), "{id}");
        assert_eq!(
            j["name"]["zh-Hans"].as_str(),
            t["name"]["zh-Hans"].as_str(),
            "{id}"
        );
        assert_eq!(
            j["parent"].as_str(),
            t.get("parent").and_then(|p| p.as_str()),
            "{id}"
        );
        let covers: Vec<&str> = t["covers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        assert_eq!(j["covers"], serde_json::json!(covers), "{id}");
        // A key covers its node and every node whose id extends it.
        let mut expected = Vec::new();
        for key in &covers {
            let (doc, node) = key.split_once(':').unwrap();
            for n in node_ids(&content, doc) {
                if n == node || n.starts_with(&format!("{node}__")) {
                    expected.push(format!("{doc}:{n}"));
                }
            }
        }
        let mut got: Vec<String> = j["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap().to_string())
            .collect();
        got.sort();
        expected.sort();
        assert_eq!(got, expected, "{id}");
    }
    // Tree order: a narrower topic follows its parent.
    let ids: Vec<&str> = json.iter().map(|j| j["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["economy", "finance", "people"]);
}

#[test]
fn no_topics_file_no_topics_data() {
    let dir = fixture("briefing-site");
    let out = dir.path().join("public");
    build_into(&dir.path().join("content"), &out);
    assert!(out.join("data/crosswalk.json").is_file());
    assert!(!out.join("data/topics.json").exists());
}
