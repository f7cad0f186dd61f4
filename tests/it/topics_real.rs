//! The real site's taxonomy, `content/topics.toml`, read here with the
//! `toml` crate on its own, apart from accord: every clause of the
//! articles and annex of the 2025-2027 plan is in at least one topic (a
//! node covers its subtree, computed here from the document files); the
//! tree has 20–30 topics, each named and described in Chinese and English
//! and covering at least one clause; `accord check` accepts it; and the
//! built site's `data/topics.json` lists every topic with the nodes
//! computed here.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fs;

use crate::site::real_site;
use crate::support::{accord, root, stderr, stdout};

const PLAN: &str = "china-celac-action-plan-2025-2027";

/// Nodes of the 2025-2027 plan with text that need no topic, each with
/// why: only the formalities around the articles and annex.
const EXEMPT: &[(&str, &str)] = &[(
    "preamble__p_1",
    "the preamble: the date and place of the ministerial meeting and the \
     formula adopting the plan, no cooperation of its own",
)];

fn read_toml(path: &str) -> toml::Value {
    let text = fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A document's nodes in file order: id and whether it has text.
fn nodes(doc: &str) -> Vec<(String, bool)> {
    read_toml(&format!("content/documents/{doc}.toml"))["node"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            let text = n.get("text").and_then(|t| t.as_table()).is_some_and(|t| {
                t.values()
                    .any(|v| v.as_str().is_some_and(|s| !s.is_empty()))
            });
            (n["id"].as_str().unwrap().to_string(), text)
        })
        .collect()
}

/// The parent of a node: its id without the last `__` segment (the
/// documents' file format, content/README.md "Ids and citation keys").
fn parent(id: &str) -> Option<&str> {
    id.rsplit_once("__").map(|(p, _)| p)
}

/// Node `at` and its subtree: the nodes that follow it in the file while
/// their parent chain leads to it. Checks on the way that the file is in
/// pre-order: no descendant of the node comes after that run.
fn subtree(nodes: &[(String, bool)], at: usize) -> std::ops::Range<usize> {
    let id = &nodes[at].0;
    let descends = |n: &str| {
        let mut p = parent(n);
        while let Some(q) = p {
            if q == id {
                return true;
            }
            p = parent(q);
        }
        false
    };
    let end = (at + 1..nodes.len())
        .find(|&j| !descends(&nodes[j].0))
        .unwrap_or(nodes.len());
    assert!(
        !nodes[end..].iter().any(|(n, _)| descends(n)),
        "the descendants of {id} do not follow it"
    );
    at..end
}

pub(crate) struct Topic {
    pub id: String,
    pub parent: Option<String>,
    names: BTreeMap<String, String>,
    descriptions: BTreeMap<String, String>,
    /// Every node covered: `document:node`.
    pub covered: BTreeSet<String>,
}

fn lang_map(v: Option<&toml::Value>) -> BTreeMap<String, String> {
    v.and_then(|v| v.as_table())
        .map(|t| {
            t.iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// The topics of content/topics.toml with the nodes each covers.
pub(crate) fn topics() -> Vec<Topic> {
    let file = read_toml("content/topics.toml");
    let mut docs: BTreeMap<String, Vec<(String, bool)>> = BTreeMap::new();
    file["topic"]
        .as_array()
        .expect("[[topic]] tables")
        .iter()
        .map(|t| {
            let id = t["id"].as_str().unwrap().to_string();
            let mut covered = BTreeSet::new();
            for key in t["covers"].as_array().unwrap() {
                let key = key.as_str().unwrap();
                let (doc, node) = key.split_once(':').unwrap();
                let nodes = docs.entry(doc.to_string()).or_insert_with(|| nodes(doc));
                let at = nodes
                    .iter()
                    .position(|(n, _)| n == node)
                    .unwrap_or_else(|| panic!("{id}: {key} is not a node"));
                for j in subtree(nodes, at) {
                    covered.insert(format!("{doc}:{}", nodes[j].0));
                }
            }
            Topic {
                parent: t.get("parent").map(|p| p.as_str().unwrap().to_string()),
                names: lang_map(t.get("name")),
                descriptions: lang_map(t.get("description")),
                covered,
                id,
            }
        })
        .collect()
}

#[test]
fn every_clause_of_the_2025_2027_plan_is_in_a_topic() {
    let covered: HashSet<String> = topics().into_iter().flat_map(|t| t.covered).collect();
    let nodes = nodes(PLAN);
    for (id, why) in EXEMPT {
        assert!(
            nodes.iter().any(|(n, text)| n == id && *text),
            "exempt {id} ({why}) is not a node with text"
        );
        assert!(
            !id.starts_with("art_") && !id.starts_with("annex"),
            "{id} is in the articles or the annex: it needs a topic"
        );
    }
    let substantive: Vec<&str> = nodes
        .iter()
        .filter(|(id, text)| *text && !EXEMPT.iter().any(|(e, _)| e == id))
        .map(|(id, _)| id.as_str())
        .collect();
    assert!(!substantive.is_empty(), "no clauses read from {PLAN}");
    let uncovered: Vec<&str> = substantive
        .iter()
        .filter(|id| !covered.contains(&format!("{PLAN}:{id}")))
        .copied()
        .collect();
    assert!(uncovered.is_empty(), "in no topic: {uncovered:?}");
}

#[test]
fn a_tree_of_20_to_30_named_described_topics_each_covering_clauses() {
    let topics = topics();
    assert!((20..=30).contains(&topics.len()), "{} topics", topics.len());
    let ids: HashSet<&str> = topics.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids.len(), topics.len(), "an id twice");
    let mut texts = HashSet::new();
    for t in &topics {
        for lang in ["zh-Hans", "en"] {
            for (what, map) in [("name", &t.names), ("description", &t.descriptions)] {
                let s = map.get(lang).map_or("", |s| s.trim());
                assert!(!s.is_empty(), "{}: no {what} in {lang}", t.id);
                assert!(texts.insert(s.to_string()), "{}: {what} `{s}` twice", t.id);
            }
        }
        assert!(
            t.names["zh-Hans"]
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{}: the Chinese name is not in Chinese",
            t.id
        );
        // Shallow: a parent is a topic, at most two levels above.
        let mut depth = 0;
        let mut at = t.parent.as_deref();
        while let Some(p) = at {
            assert!(ids.contains(p), "{}: parent {p} is not a topic", t.id);
            depth += 1;
            assert!(depth <= 2, "{} is nested too deep", t.id);
            at = topics.iter().find(|u| u.id == p).unwrap().parent.as_deref();
        }
        let clauses = t
            .covered
            .iter()
            .filter(|key| {
                let (doc, node) = key.split_once(':').unwrap();
                nodes(doc).iter().any(|(n, text)| n == node && *text)
            })
            .count();
        assert!(clauses > 0, "{} covers no clause", t.id);
    }
    // Top-level areas with narrower topics under some of them.
    assert!(topics.iter().any(|t| t.parent.is_some()));
    assert!(topics.iter().filter(|t| t.parent.is_none()).count() >= 6);
}

#[test]
fn check_accepts_the_real_topics() {
    let o = accord(&root(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let n = topics().len();
    assert!(
        stdout(&o).contains(&format!(", {n} topics")),
        "{}",
        stdout(&o)
    );
}

#[test]
fn the_open_data_lists_every_topic_with_its_nodes() {
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(real_site().join("public/data/topics.json")).unwrap())
            .unwrap();
    let json = json.as_array().unwrap();
    let topics = topics();
    assert_eq!(json.len(), topics.len());
    for t in &topics {
        let j = json
            .iter()
            .find(|j| j["id"] == t.id.as_str())
            .unwrap_or_else(|| panic!("{} missing from data/topics.json", t.id));
        let nodes: BTreeSet<String> = j["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_str().unwrap().to_string())
            .collect();
        assert!(!nodes.is_empty(), "{} has no nodes", t.id);
        assert_eq!(nodes, t.covered, "{}", t.id);
        assert_eq!(
            j["name"]["zh-Hans"].as_str(),
            Some(t.names["zh-Hans"].as_str())
        );
        assert_eq!(j["parent"].as_str(), t.parent.as_deref(), "{}", t.id);
    }
}

/// The topic index of the real site lists every topic, each with, per
/// document, the number of clauses (nodes with text) it covers itself,
/// counted here from the files; every topic has some.
#[test]
fn the_topic_index_counts_every_topics_clauses() {
    let page = fs::read(real_site().join("public/topics/index.html")).unwrap();
    let html = crate::site::parse(&page);
    let mut with_text: HashSet<String> = HashSet::new();
    for entry in fs::read_dir(root().join("content/documents")).unwrap() {
        let path = entry.unwrap().path();
        let doc = path.file_stem().unwrap().to_str().unwrap().to_string();
        for (id, text) in nodes(&doc) {
            if text {
                with_text.insert(format!("{doc}:{id}"));
            }
        }
    }
    let topics = topics();
    let listed = html.select(&crate::site::sel("li.topic")).count();
    assert_eq!(listed, topics.len(), "every topic listed once");
    for t in &topics {
        let li = html
            .select(&crate::site::sel(&format!("li.topic[id=\"{}\"]", t.id)))
            .next()
            .unwrap_or_else(|| panic!("{} is not listed", t.id));
        let shown: BTreeMap<String, usize> = li
            .select(&crate::site::sel(":scope > ul.counts > li"))
            .map(|c| {
                let v = c.value();
                (
                    v.attr("data-doc").unwrap().to_string(),
                    v.attr("data-clauses").unwrap().parse().unwrap(),
                )
            })
            .collect();
        let mut expected: BTreeMap<String, usize> = BTreeMap::new();
        for key in t.covered.iter().filter(|k| with_text.contains(*k)) {
            *expected
                .entry(key.split_once(':').unwrap().0.to_string())
                .or_default() += 1;
        }
        assert_eq!(shown, expected, "{}: clauses per document", t.id);
        assert!(
            shown.values().sum::<usize>() > 0,
            "{} covers no clause",
            t.id
        );
    }
}
