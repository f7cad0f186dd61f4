//! The topic pages of the nested fixture (`topics/index.html`,
//! `topics/<id>.html`) and the topic links of its document pages, checked
//! against `topics.toml` and the document files read on their own: the
//! counts, the clauses of each page by id, every permalink and topic link
//! followed to its file and anchor, `lang` on every text, no external
//! URL, the same bytes twice; a site without topics has none of it; a
//! topic page printed on A4.
//!
//! A clause is a covered node with text (src/render/pages/topics.rs); a
//! topic covers each node it names and every node whose id extends it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use scraper::{ElementRef, Html};

use crate::briefing_pdf::{
    a4_pages, accord_pdf, check_page_numbers, keep_for_review, poppler, printing_available,
};
use crate::briefings::flat;
use crate::site::{build_into, check_links, files, parse, sel};
use crate::support::{accord, edit, fixture, stderr, stdout};

const FIXTURE: &str = "topics/nested";

/// A node of a document file: its id and whether it has text.
struct RawNode {
    id: String,
    text: bool,
}

/// The fixture's documents, read from their files: id → nodes in order.
fn documents(content: &Path) -> BTreeMap<String, Vec<RawNode>> {
    let mut out = BTreeMap::new();
    for entry in fs::read_dir(content.join("documents")).unwrap() {
        let v: toml::Value =
            toml::from_str(&fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        let nodes = v["node"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| RawNode {
                id: n["id"].as_str().unwrap().to_string(),
                text: n.get("text").is_some_and(|t| {
                    t.as_table()
                        .is_some_and(|t| t.values().any(|s| !s.as_str().unwrap().is_empty()))
                }),
            })
            .collect();
        out.insert(v["id"].as_str().unwrap().to_string(), nodes);
    }
    out
}

/// A topic of `topics.toml`.
struct RawTopic {
    id: String,
    parent: Option<String>,
    covers: Vec<String>,
}

fn topics(content: &Path) -> Vec<RawTopic> {
    let v: toml::Value =
        toml::from_str(&fs::read_to_string(content.join("topics.toml")).unwrap()).unwrap();
    v["topic"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| RawTopic {
            id: t["id"].as_str().unwrap().to_string(),
            parent: t.get("parent").map(|p| p.as_str().unwrap().to_string()),
            covers: t["covers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap().to_string())
                .collect(),
        })
        .collect()
}

/// Every node key topic `t` covers: `(key, has text)`.
fn covered(t: &RawTopic, docs: &BTreeMap<String, Vec<RawNode>>) -> BTreeMap<String, bool> {
    let mut out = BTreeMap::new();
    for key in &t.covers {
        let (doc, node) = key.split_once(':').unwrap();
        for n in &docs[doc] {
            if n.id == node || n.id.starts_with(&format!("{node}__")) {
                out.insert(format!("{doc}:{}", n.id), n.text);
            }
        }
    }
    out
}

fn build() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = fixture(FIXTURE);
    let out = dir.path().join("public");
    build_into(&dir.path().join("content"), &out);
    (dir, out)
}

fn page(public: &Path, path: &str) -> Html {
    parse(&fs::read(public.join(path)).unwrap_or_else(|e| panic!("{path}: {e}")))
}

/// The site path a relative link from the page at `from` leads to, and
/// its fragment.
fn resolve(from: &str, href: &str) -> (String, Option<String>) {
    let (file, fragment) = match href.split_once('#') {
        Some((f, frag)) => (f, Some(frag.to_string())),
        None => (href, None),
    };
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    if file.is_empty() {
        return (from.to_string(), fragment);
    }
    for seg in file.split('/') {
        match seg {
            ".." => {
                assert!(parts.pop().is_some(), "{href} from {from} leaves the site");
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    (parts.join("/"), fragment)
}

/// Asserts that `href` from the page at `from` names an existing file and,
/// with a fragment, an element with that id in it.
fn assert_resolves(public: &Path, from: &str, href: &str) -> (String, Option<String>) {
    let (file, fragment) = resolve(from, href);
    assert!(public.join(&file).is_file(), "{from}: {href} → no {file}");
    if let Some(id) = &fragment {
        let html = page(public, &file);
        let found = html
            .select(&sel("[id]"))
            .any(|e| e.value().attr("id") == Some(id.as_str()));
        assert!(found, "{from}: {href} → no #{id} in {file}");
    }
    (file, fragment)
}

#[test]
fn the_index_lists_every_topic_in_its_tree_with_its_clauses_per_document() {
    let (dir, public) = build();
    let content = dir.path().join("content");
    let docs = documents(&content);
    let raw = topics(&content);
    let html = page(&public, "topics/index.html");
    let entries: Vec<ElementRef> = html.select(&sel(".topic-tree li.topic")).collect();
    let ids: Vec<&str> = entries
        .iter()
        .map(|e| e.value().attr("id").unwrap())
        .collect();
    assert_eq!(ids, ["economy", "finance", "people"], "tree order");
    for t in &raw {
        let entry = *entries
            .iter()
            .find(|e| e.value().attr("id") == Some(t.id.as_str()))
            .unwrap_or_else(|| panic!("{} missing from the index", t.id));
        // A narrower topic is in its broader topic's entry.
        let parent = entry
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|a| a.value().classes().any(|c| c == "topic"))
            .and_then(|a| a.value().attr("id"));
        assert_eq!(parent, t.parent.as_deref(), "{}: parent", t.id);
        let link = entry.select(&sel("a.topic-name")).next().unwrap();
        let (file, _) = assert_resolves(
            &public,
            "topics/index.html",
            link.value().attr("href").unwrap(),
        );
        assert_eq!(file, format!("topics/{}.html", t.id));
        // The counts of its own entry (not of its narrower topics').
        let mut got: BTreeMap<String, usize> = BTreeMap::new();
        for li in entry.select(&sel(".counts > li")) {
            let in_own = li
                .ancestors()
                .filter_map(ElementRef::wrap)
                .find(|a| a.value().classes().any(|c| c == "topic"))
                .is_some_and(|a| a.id() == entry.id());
            if !in_own {
                continue;
            }
            let doc = li.value().attr("data-doc").unwrap().to_string();
            let n: usize = li.value().attr("data-clauses").unwrap().parse().unwrap();
            // The number as the reader sees it, in each interface language.
            for span in li.select(&sel(".n > span")) {
                assert!(flat(&span.text().collect::<String>()).starts_with(&n.to_string()));
            }
            let href = li
                .select(&sel("a"))
                .next()
                .unwrap()
                .value()
                .attr("href")
                .unwrap();
            assert_resolves(&public, "topics/index.html", href);
            got.insert(doc, n);
        }
        let mut expected: BTreeMap<String, usize> = BTreeMap::new();
        for (key, text) in covered(t, &docs) {
            if text {
                *expected
                    .entry(key.split_once(':').unwrap().0.to_string())
                    .or_default() += 1;
            }
        }
        assert_eq!(got, expected, "{}: clauses per document", t.id);
    }
}

#[test]
fn each_topic_page_holds_exactly_its_nodes_with_permalinks_that_resolve() {
    let (dir, public) = build();
    let content = dir.path().join("content");
    let docs = documents(&content);
    for t in topics(&content) {
        let path = format!("topics/{}.html", t.id);
        let html = page(&public, &path);
        let expected = covered(&t, &docs);
        let rows: Vec<ElementRef> = html.select(&sel(".topic-doc .item .node")).collect();
        let got: BTreeSet<String> = rows
            .iter()
            .map(|r| r.value().attr("id").unwrap().to_string())
            .collect();
        assert_eq!(rows.len(), got.len(), "{path}: a node shown twice");
        assert_eq!(
            got,
            expected.keys().cloned().collect::<BTreeSet<_>>(),
            "{path}: nodes"
        );
        // Each clause with its text and a permalink to it on its page.
        for row in &rows {
            let key = row.value().attr("id").unwrap();
            let (doc, _) = key.split_once(':').unwrap();
            if expected[key] {
                assert!(
                    row.select(&sel(".text")).next().is_some(),
                    "{path}: {key} text"
                );
            }
            let anchors: Vec<&str> = row
                .select(&sel(".cell a.anchor"))
                .map(|a| a.value().attr("href").unwrap())
                .collect();
            assert!(!anchors.is_empty(), "{path}: {key} has no permalink");
            for href in anchors {
                let (file, fragment) = assert_resolves(&public, &path, href);
                assert_eq!(file, format!("documents/{doc}/index.html"), "{path}: {key}");
                assert_eq!(fragment.as_deref(), Some(key), "{path}");
            }
        }
        // Each item's permalink, and each cross-link of the page.
        for a in html.select(&sel(".permalink a, .item-refs a")) {
            assert_resolves(&public, &path, a.value().attr("href").unwrap());
        }
        // Grouped by document, each once; a series newest edition first.
        let groups: Vec<&str> = html
            .select(&sel("section.topic-doc"))
            .map(|s| s.value().attr("id").unwrap().strip_prefix("doc-").unwrap())
            .collect();
        let unique: BTreeSet<&str> = groups.iter().copied().collect();
        assert_eq!(unique.len(), groups.len(), "{path}: {groups:?}");
        for g in &groups {
            for row in html.select(&sel(&format!("section#doc-{g} .node"))) {
                assert!(row
                    .value()
                    .attr("id")
                    .unwrap()
                    .starts_with(&format!("{g}:")));
            }
        }
        let plans: Vec<&&str> = groups.iter().filter(|g| g.starts_with("plan-")).collect();
        let mut newest_first = plans.clone();
        newest_first.sort_by(|a, b| b.cmp(a));
        assert_eq!(plans, newest_first, "{path}");
        // The broader topic, and the narrower ones, linked.
        let crumbs: Vec<String> = html
            .select(&sel(".breadcrumb a"))
            .map(|a| assert_resolves(&public, &path, a.value().attr("href").unwrap()).0)
            .collect();
        let mut want = vec!["topics/index.html".to_string()];
        want.extend(t.parent.as_ref().map(|p| format!("topics/{p}.html")));
        assert_eq!(crumbs, want, "{path}: breadcrumb");
        let narrower: Vec<String> = html
            .select(&sel(".narrower a"))
            .map(|a| assert_resolves(&public, &path, a.value().attr("href").unwrap()).0)
            .collect();
        let want: Vec<String> = topics(&content)
            .iter()
            .filter(|n| n.parent.as_deref() == Some(t.id.as_str()))
            .map(|n| format!("topics/{}.html", n.id))
            .collect();
        assert_eq!(narrower, want, "{path}: narrower");
    }
    // A cross-link between two clauses of the same topic stays on its
    // page, both ways, and names the item it leads to.
    let html = page(&public, "topics/economy.html");
    let here: Vec<(&str, String)> = html
        .select(&sel(".item-refs li"))
        .filter_map(|li| {
            let a = li.select(&sel("a.here")).next()?;
            let note = li.select(&sel("span.here")).next()?;
            Some((a.value().attr("href").unwrap(), note.text().collect()))
        })
        .collect();
    assert_eq!(
        here,
        [
            ("#plan-2021-2023:chp_1", "(见本页第2项)".to_string()),
            ("#plan-2024-2026:art_1", "(见本页第1项)".to_string())
        ]
    );
    check_links(&public, "https://example.org/");
}

#[test]
fn document_pages_link_each_clause_to_its_topics() {
    let (dir, public) = build();
    let raw = topics(&dir.path().join("content"));
    let docs = documents(&dir.path().join("content"));
    let mut pages = 0;
    for path in files(&public).into_keys() {
        if !(path.starts_with("documents/") && path.ends_with(".html")) {
            continue;
        }
        pages += 1;
        let html = page(&public, &path);
        for node in html.select(&sel(".node")) {
            let key = node.value().attr("id").unwrap();
            let got: Vec<String> = node
                .select(&sel(".node-topics a.topic"))
                .map(|a| {
                    let (file, _) =
                        assert_resolves(&public, &path, a.value().attr("href").unwrap());
                    file
                })
                .collect();
            // On every clause, the topics naming it or a node it is in.
            let (doc, id) = key.split_once(':').unwrap();
            let clause = docs[doc].iter().any(|n| n.id == id && n.text);
            let within = |c: &String| {
                c == key
                    || key
                        .strip_prefix(c.as_str())
                        .is_some_and(|r| r.starts_with("__"))
            };
            let want: Vec<String> = raw
                .iter()
                .filter(|t| clause && t.covers.iter().any(within))
                .map(|t| format!("topics/{}.html", t.id))
                .collect();
            assert_eq!(got, want, "{path}: {key}");
        }
    }
    assert_eq!(pages, 7, "document views");
}

#[test]
fn every_text_of_the_topic_pages_has_its_language_and_no_url_is_external() {
    let (_dir, public) = build();
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let latin_word = |s: &str| {
        s.split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.len() >= 3)
    };
    let mut checked = 0;
    for path in files(&public).into_keys() {
        if !(path.starts_with("topics/") && path.ends_with(".html")) {
            continue;
        }
        let html = page(&public, &path);
        let main = html.select(&sel("main")).next().unwrap();
        for node in main.descendants() {
            let Some(text) = node.value().as_text() else {
                continue;
            };
            // Addresses are not words of a language.
            let in_url = node
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|e| e.value().attr("translate") == Some("no"));
            if in_url {
                continue;
            }
            let lang = node
                .ancestors()
                .filter_map(ElementRef::wrap)
                .find_map(|e| e.value().attr("lang"));
            if han(text) {
                assert_eq!(lang, Some("zh-Hans"), "{path}: {}", text.trim());
                checked += 1;
            } else if latin_word(text) {
                assert_eq!(lang, Some("en"), "{path}: {}", text.trim());
                checked += 1;
            }
        }
        for el in main.select(&sel("[href], [src]")) {
            let url = el.value().attr("href").or(el.value().attr("src")).unwrap();
            assert!(
                !url.starts_with("http:") && !url.starts_with("https:") && !url.starts_with("//"),
                "{path}: {url}"
            );
        }
    }
    assert!(checked > 50, "{checked} texts checked");
}

#[test]
fn home_and_sitemap_link_the_topics_and_a_build_is_byte_identical() {
    let (dir, public) = build();
    let home = page(&public, "index.html");
    let hrefs: Vec<&str> = home
        .select(&sel(".card a"))
        .map(|a| a.value().attr("href").unwrap())
        .collect();
    assert!(hrefs.contains(&"topics/index.html"), "{hrefs:?}");
    let sitemap = fs::read_to_string(public.join("sitemap.xml")).unwrap();
    for t in topics(&dir.path().join("content")) {
        assert!(
            sitemap.contains(&format!(
                "<loc>https://example.org/topics/{}.html</loc>",
                t.id
            )),
            "{sitemap}"
        );
    }
    assert!(sitemap.contains("<loc>https://example.org/topics/</loc>"));
    let again = dir.path().join("again");
    build_into(&dir.path().join("content"), &again);
    assert!(files(&public) == files(&again), "two builds differ");
}

#[test]
fn a_site_without_topics_has_no_topic_page_or_link() {
    let dir = fixture("briefing-site");
    let public = dir.path().join("public");
    build_into(&dir.path().join("content"), &public);
    assert!(!public.join("topics").exists());
    for (path, bytes) in files(&public) {
        if path.ends_with(".html") || path.ends_with(".xml") {
            let text = String::from_utf8(bytes).unwrap();
            assert!(!text.contains("topics/"), "{path} names a topic page");
            assert!(!text.contains("node-topics"), "{path}");
        }
    }
}

#[test]
fn a_topic_page_prints_on_a4_with_its_clauses() {
    if !printing_available() {
        return;
    }
    let (_dir, public) = build();
    let out = tempfile::tempdir().unwrap();
    let site = public.to_string_lossy().into_owned();
    let o = accord_pdf(
        &[
            "--site",
            &site,
            "--out",
            out.path().to_str().unwrap(),
            "topic-economy",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let pdf = out.path().join("pdf/topic-economy.pdf");
    assert!(stdout(&o).contains("topic-economy.pdf"), "{}", stdout(&o));
    let pages = a4_pages(&pdf);
    let text = poppler("pdftotext", &pdf);
    check_page_numbers(&text, pages, "topic-economy");
    let printed: String = text.lines().map(flat).collect();
    // Every clause's text in each language, and the item permalinks.
    let html = page(&public, "topics/economy.html");
    for p in html.select(&sel(".node .text")) {
        let words = flat(&p.text().collect::<String>()).replace('¶', "");
        assert!(printed.contains(&words), "not printed: {words}");
    }
    for a in html.select(&sel(".permalink a")) {
        let url: String = a
            .text()
            .collect::<String>()
            .replace(char::is_whitespace, "");
        assert!(printed.contains(&url), "permalink not printed: {url}");
    }
    // No navigation, no topic links, no screen-only ¶.
    for screen in ["专题索引", "Topic index", "下级专题", "¶"] {
        assert!(!printed.contains(screen), "printed: {screen}");
    }
    assert!(pages <= 2, "{pages} pages for three clauses");
    keep_for_review(&pdf, "topic-economy");
}

#[test]
fn a_topic_cannot_take_the_index_page_s_name() {
    let dir = fixture(FIXTURE);
    let file = dir.path().join("content/topics.toml");
    edit(&file, "id = \"people\"", "id = \"index\"");
    let o = accord(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("error: content/topics.toml:17: `index` is not a valid topic id"),
        "{}",
        stderr(&o)
    );
}
