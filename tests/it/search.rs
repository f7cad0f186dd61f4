//! Search in the browser: each query typed into the box of the real site,
//! served from a subpath on 127.0.0.1, in headless Chromium driven by
//! puppeteer-core (tests/browser/search.mjs). The expected clauses must be
//! among the results, shown with their document's title and their label,
//! and following one must land on the clause. The time from the last
//! keystroke to the results and the bytes downloaded are printed, not
//! asserted, except the 300 KB budget per query. Also, without a browser:
//! what the index of the real site holds.

use std::collections::BTreeMap;
use std::process::Command;

use accord::model::Site;
use accord::render::text::cite_label;
use serde_json::Value;

use crate::browser::{puppeteer_available, serve_real_site};
use crate::support::root;
use crate::topics_real::Topic;

fn real_site() -> Site {
    accord::check::load_site(&root().join("content")).expect("the real site loads")
}

/// One Pagefind index for every language, one page per document view:
/// one record per node and language with text, the document and the
/// language as filters, only the files the search box uses (one
/// WebAssembly), and word index chunks small enough for the budget per
/// query.
#[test]
fn the_index_has_one_page_per_document_view_in_one_index() {
    let site = real_site();
    let pages = crate::site::real_site().join("public");
    let index = accord::search::index(&site, &pages).unwrap();
    let files: BTreeMap<&str, &[u8]> = index
        .files
        .iter()
        .map(|f| (f.path.as_str(), f.bytes.as_slice()))
        .collect();
    let entry: Value = serde_json::from_slice(files["pagefind/pagefind-entry.json"]).unwrap();
    let languages = entry["languages"].as_object().unwrap();
    assert_eq!(
        languages.keys().collect::<Vec<_>>(),
        ["zh-hans"],
        "one index"
    );
    assert_eq!(accord::search::index_language(&site), "zh-hans");
    let views: usize = site.documents.iter().map(|d| d.languages.len()).sum();
    assert_eq!(languages["zh-hans"]["page_count"], views);
    let fragments = files
        .keys()
        .filter(|p| p.starts_with("pagefind/fragment/"))
        .count();
    assert_eq!(fragments, views, "one fragment per view");
    let wasm: Vec<&&str> = files.keys().filter(|p| p.contains("wasm")).collect();
    assert_eq!(wasm, [&"pagefind/wasm.unknown.pagefind"], "one WebAssembly");
    assert!(
        files.keys().any(|p| p.starts_with("pagefind/filter/")),
        "the filters"
    );
    let mut records = 0;
    for lang in ["en", "zh-Hans"] {
        records += site
            .documents
            .iter()
            .filter(|d| d.languages.iter().any(|l| l == lang))
            .flat_map(|d| &d.nodes)
            .filter(|n| {
                let has = |m: &accord::source::raw::LangMap| {
                    m.get(lang).is_some_and(|t| !t.trim().is_empty())
                };
                has(&n.heading) || has(&n.text)
            })
            .count();
    }
    assert_eq!(index.records, records);
    let topics = crate::topics_real::topics();
    assert!(topics.len() >= 20);
    // Each document's clauses, in every language: key, label as the page
    // titles the node, text cut into words as the index cuts it.
    let public = crate::site::real_site().join("public");
    for doc in &site.documents {
        let path = format!("search/{}.json.gz", doc.id);
        let mut json = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(files[path.as_str()]),
            &mut json,
        )
        .unwrap();
        let file: Value = serde_json::from_slice(&json).unwrap();
        assert_eq!(file["id"], doc.id.as_str());
        let nodes = file["nodes"].as_array().unwrap();
        assert!(!nodes.is_empty());
        // Each clause's topics, and their broader ones, as topics.toml has them.
        for n in nodes {
            let key = n["key"].as_str().unwrap();
            let listed: Vec<&str> = n["topics"]
                .as_array()
                .map(|t| t.iter().map(|t| t.as_str().unwrap()).collect())
                .unwrap_or_default();
            let expected: Vec<&str> = (topics.iter())
                .filter(|t| on_topic(&topics, &t.id, key))
                .map(|t| t.id.as_str())
                .collect();
            assert_eq!(listed, expected, "{key}: its topics");
        }
        for lang in &doc.languages {
            let page = std::fs::read_to_string(
                public.join(accord::render::urls::document_for(doc, Some(lang))),
            )
            .unwrap();
            assert_eq!(file["title"][lang], doc.title[lang].as_str());
            for n in nodes.iter().filter(|n| !n["text"][lang].is_null()) {
                let key = n["key"].as_str().unwrap();
                let label = n["label"][lang].as_str().unwrap();
                assert!(
                    page.contains(&format!(
                        r#"id="{key}" data-pagefind-title="{}""#,
                        label.replace('\'', "&#x27;").replace('/', "&#x2F;")
                    )),
                    "{key}: {label}"
                );
                let text = n["text"][lang].as_str().unwrap();
                if text.contains(' ') || (lang == "zh-Hans" && text.chars().count() > 8) {
                    assert!(text.contains('\u{200B}'), "{key}: {text}");
                }
            }
        }
    }
    let plan: Value = {
        let mut json = Vec::new();
        std::io::Read::read_to_end(
            &mut flate2::read::GzDecoder::new(
                files["search/china-celac-action-plan-2025-2027.json.gz"],
            ),
            &mut json,
        )
        .unwrap();
        serde_json::from_slice(&json).unwrap()
    };
    let beidou = plan["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["key"] == "china-celac-action-plan-2025-2027:art_4__sec_7__cl_8")
        .unwrap();
    let words: Vec<&str> = beidou["text"]["zh-Hans"]
        .as_str()
        .unwrap()
        .split('\u{200B}')
        .collect();
    assert!(
        words.contains(&"北斗") && !words.contains(&"导航"),
        "{words:?}"
    );
    for path in files.keys() {
        assert!(
            !path.contains("-ui.")
                && !path.contains("worker")
                && !path.contains("highlight")
                && !path.contains("playground"),
            "{path} is not shipped"
        );
    }
    // Chunks of 5,000 word locations: a query downloads one per word.
    let chunks: Vec<(&&str, usize)> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".pf_index"))
        .map(|(p, b)| (p, b.len()))
        .collect();
    assert!(chunks.len() > 1, "{chunks:?}");
    assert!(chunks.iter().all(|(_, n)| *n < 16 * 1024), "{chunks:?}");
}

/// The pages' nodes with text, titled with their number as cited or
/// their section and paragraph, never with an id: the labels of search
/// results.
#[test]
fn search_titles_are_numbers_never_ids() {
    let public = crate::site::real_site().join("public");
    let page = |p: &str| std::fs::read_to_string(public.join(p)).unwrap();
    let en = page("documents/china-celac-action-plan-2025-2027/en.html");
    let zh = page("documents/china-celac-action-plan-2025-2027/zh-Hans.html");
    let title = |html: &str, key: &str| -> String {
        let at = html.find(&format!(r#"id="{key}""#)).unwrap();
        let rest = &html[at..];
        let rest = &rest[..rest.find('>').unwrap()];
        let t = rest.split(r#"data-pagefind-title=""#).nth(1).unwrap();
        t[..t.find('"').unwrap()].to_string()
    };
    let k = "china-celac-action-plan-2025-2027:";
    assert_eq!(
        title(&en, &format!("{k}preamble__p_1")),
        "Preamble, para. 1"
    );
    assert_eq!(title(&zh, &format!("{k}preamble__p_1")), "序言 第1段");
    // A numbered clause: its number as cited.
    let site = real_site();
    let key = format!("{k}art_2__sec_3__cl_3");
    let node = site.lookup(&key).unwrap();
    let doc = &site.documents[node.doc];
    assert_eq!(title(&en, &key), cite_label(doc, node.node, "en"));
    assert_eq!(title(&zh, &key), cite_label(doc, node.node, "zh-Hans"));
    assert_eq!(title(&zh, &key), "第二条 三、 （三）");
    for (name, html) in [("en", &en), ("zh-Hans", &zh)] {
        for t in html.split(r#"data-pagefind-title=""#).skip(1) {
            let t = &t[..t.find('"').unwrap()];
            assert!(
                !t.trim().is_empty() && !t.contains("__") && !t.contains("_p_"),
                "{name}: {t:?}"
            );
        }
    }
    // Elsewhere than on a document's pages, no document filter.
    let home = page("index.html");
    assert!(home.contains(r#"id="search-lang""#) && !home.contains(r#"id="search-doc""#));
    assert!(
        en.contains(r#"<option value="china-celac-action-plan-2025-2027">This document</option>"#)
    );
}

/// Whether the node `key` is on topic `id`: a topic at or under `id`
/// covers it (topics_real.rs reads topics.toml and the subtrees with
/// `toml`).
fn on_topic(topics: &[Topic], id: &str, key: &str) -> bool {
    let under = |t: &Topic| {
        let mut at = Some(t);
        while let Some(t) = at {
            if t.id == id {
                return true;
            }
            at = t
                .parent
                .as_ref()
                .and_then(|p| topics.iter().find(|u| u.id == *p));
        }
        false
    };
    topics
        .iter()
        .filter(|t| under(t))
        .any(|t| t.covered.contains(key))
}

const P25: &str = "china-celac-action-plan-2025-2027";
const P22: &str = "china-celac-action-plan-2022-2024";
const PP: &str = "china-lac-policy-paper-2025";

/// A query typed into the box, with the filters chosen, and what must and
/// must not be among its results.
struct Case {
    query: String,
    /// The language and the document filters (the box's selects).
    lang: &'static str,
    doc: &'static str,
    /// The topic filter: every result is on it (content/topics.toml).
    topic: &'static str,
    /// The page searched from, under `documents/`; the 2025 plan in
    /// English unless given.
    page: &'static str,
    /// Citation keys that must be among the first `TOP` results.
    top: Vec<String>,
    /// Citation keys that must not be among the results at all.
    never: Vec<String>,
}

/// How far down the expected clauses must be.
const TOP: usize = 6;

fn case(query: &str, top: &[(&str, &str)], never: &[(&str, &str)]) -> Case {
    let keys = |v: &[(&str, &str)]| v.iter().map(|(d, n)| format!("{d}:{n}")).collect();
    Case {
        query: query.to_string(),
        lang: "",
        doc: "",
        topic: "",
        page: "",
        top: keys(top),
        never: keys(never),
    }
}

/// The table of queries, in both languages, from the real text
/// (content/documents/*.toml).
fn cases() -> Vec<Case> {
    let mut cases = vec![
        // Whole words as the index cuts them: the policy paper's 熊猫债 is
        // 熊猫|债, the 2025 plan's 熊猫债券 熊猫|债券; 熊猫 finds both.
        case("熊猫债", &[(PP, "part_3__prog_2__sec_4__p_1")], &[]),
        case(
            "熊猫",
            &[
                (P25, "art_2__sec_3__cl_3"),
                (PP, "part_3__prog_2__sec_4__p_1"),
            ],
            &[],
        ),
        case(
            "Panda Bonds",
            &[
                (P25, "art_2__sec_3__cl_3"),
                (PP, "part_3__prog_2__sec_4__p_1"),
            ],
            &[],
        ),
        case(
            "北斗",
            &[
                (P25, "art_4__sec_7__cl_8"),
                (PP, "part_3__prog_2__sec_10__p_2"),
            ],
            &[],
        ),
        // Both words are required: the 2025 plan's 4.7(8) has 北斗 but not
        // 导航 (中拉北斗合作论坛); the policy paper has 北斗卫星导航系统.
        case(
            "北斗导航",
            &[(PP, "part_3__prog_2__sec_10__p_2")],
            &[(P25, "art_4__sec_7__cl_8")],
        ),
        case(
            "BeiDou",
            &[
                (P25, "art_4__sec_7__cl_8"),
                (PP, "part_3__prog_2__sec_10__p_2"),
                (P22, "chp_2__area_6__cl_4"),
            ],
            &[],
        ),
        case(
            "人工智能",
            &[
                (P25, "art_4__sec_8__cl_3"),
                (PP, "part_3__prog_2__sec_9__p_1"),
            ],
            &[],
        ),
        case(
            "artificial intelligence",
            &[(P25, "art_4__sec_8__cl_3"), (P22, "chp_2__area_5__cl_2")],
            &[],
        ),
        case(
            "奖学金",
            &[(P25, "annex__item_3"), (PP, "part_3__prog_3__sec_3__p_1")],
            &[],
        ),
        case(
            "scholarships",
            &[(P25, "annex__item_3"), (P22, "chp_4__area_4__cl_2")],
            &[],
        ),
        // Every word, whole: "Disaster Reduction" has one of the two.
        case(
            "poverty reduction",
            &[
                (P25, "art_4__sec_4__cl_2"),
                (P22, "chp_4__area_2__cl_2"),
                (PP, "part_3__prog_5__sec_2"),
            ],
            &[
                (P25, "art_4__sec_6__cl_1"),
                (PP, "part_3__prog_2__sec_14__p_2"),
                (P22, "chp_5__cl_5"),
            ],
        ),
        case(
            "减贫",
            &[(P25, "art_4__sec_4__cl_2"), (PP, "part_3__prog_5__sec_2")],
            &[],
        ),
        // "of" is no match on its own: clauses with "of" and "reduction"
        // but not "poverty" are not listed.
        case(
            "reduction of poverty",
            &[(P25, "art_4__sec_4__cl_2")],
            &[(P25, "art_4__sec_6__cl_1"), (P22, "chp_5__cl_5")],
        ),
        // A phrase: the words next to each other, in this order. The 2022
        // plan's II.7.2 has "new" and "energy" apart.
        case(
            "\"new energy\"",
            &[(PP, "part_3__prog_2__sec_9__p_1")],
            &[(P22, "chp_2__area_7__cl_2")],
        ),
        // Without quotes, both, the phrase first.
        case(
            "new energy",
            &[
                (PP, "part_3__prog_2__sec_9__p_1"),
                (P22, "chp_2__area_7__cl_2"),
            ],
            &[],
        ),
        case(
            "\"Global South\"",
            &[(P25, "art_1__item_1"), (PP, "preface__p_3")],
            &[(P25, "art_2__sec_5__cl_2")],
        ),
        // Searched from a Chinese page: the reader's language first.
        Case {
            page: "china-celac-action-plan-2025-2027/zh-Hans.html",
            ..case(
                "气候变化",
                &[(P25, "art_4__sec_5__cl_2"), (P25, "art_4__sec_5")],
                &[],
            )
        },
        // Filters: by document, by language.
        Case {
            doc: P25,
            ..case(
                "合作",
                &[(P25, "art_4__sec_7__cl_8")],
                &[(PP, "part_3__prog_2__sec_10__p_2")],
            )
        },
        Case {
            lang: "zh-Hans",
            ..case("2025", &[], &[])
        },
        Case {
            lang: "en",
            ..case("BeiDou", &[(P22, "chp_2__area_6__cl_4")], &[])
        },
        // The topic filter: only clauses on the topic or a narrower one.
        Case {
            topic: "finance",
            ..case(
                "Panda Bonds",
                &[
                    (P25, "art_2__sec_3__cl_3"),
                    (PP, "part_3__prog_2__sec_4__p_1"),
                ],
                &[],
            )
        },
        Case {
            topic: "economy",
            ..case("熊猫", &[(P25, "art_2__sec_3__cl_3")], &[])
        },
        Case {
            topic: "space",
            ..case("BeiDou", &[(P25, "art_4__sec_7__cl_8")], &[])
        },
        Case {
            topic: "health",
            ..case("BeiDou", &[], &[(P22, "chp_2__area_6__cl_4")])
        },
        // Mixed, odd and overlong queries: results or "no results", never an error.
        case("AI 治理", &[], &[]),
        case("。", &[], &[]),
        case("?", &[], &[]),
    ];
    cases.push(case(&"合作".repeat(250), &[], &[]));
    cases
}

#[test]
fn search_finds_clauses_in_both_languages_under_a_subpath() {
    if !puppeteer_available() {
        return;
    }
    let script = root().join("tests/browser/search.mjs");
    let site = real_site();
    let (_served, port) = serve_real_site();
    let base = format!("http://127.0.0.1:{port}/accord/");
    let cases = cases();
    let topics = crate::topics_real::topics();
    let queries: Vec<Value> = cases
        .iter()
        .map(|c| {
            serde_json::json!({
                "q": c.query,
                "lang": c.lang,
                "doc": c.doc,
                "topic": c.topic,
                "page": if c.page.is_empty() {
                    format!("documents/{P25}/en.html")
                } else {
                    format!("documents/{}", c.page)
                },
            })
        })
        .collect();
    let out = Command::new("node")
        .arg(&script)
        .arg(&base)
        .arg(serde_json::to_string(&queries).unwrap())
        .env("CHROMIUM_FLAGS", accord::pdf::CHROMIUM_FLAGS.join(" "))
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "search.mjs failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Vec<Value> = serde_json::from_slice(&out.stdout).expect("JSON from search.mjs");
    assert_eq!(report.len(), cases.len());
    // The table is printed, and kept in target/browser/ for CI to show.
    let mut table = format!(
        "{:<26} {:>8} {:>8} {:>10}\n",
        "query", "results", "ms", "bytes"
    );
    let strings = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    for (c, r) in cases.iter().zip(&report) {
        let query = &c.query;
        let shown: String = query.chars().take(24).collect();
        assert!(r["failure"].is_null(), "{query}: {}", r["failure"]);
        let results = strings(&r["results"]);
        table.push_str(&format!(
            "{shown:<26} {:>8} {:>8} {:>10}\n",
            results.len(),
            r["ms"],
            r["searchBytes"]
        ));
        assert_eq!(r["focused"], "search-input", "`/` focuses the box");
        let zh_page = c.page.contains("zh-Hans");
        assert_eq!(
            r["label"],
            if zh_page {
                "搜索全部文件"
            } else {
                "Search all documents"
            },
            "the box has a label for screen readers"
        );
        assert_eq!(r["state"], "done", "{query}: {}", r["status"]);
        assert!(
            r["errors"].as_array().unwrap().is_empty(),
            "{query}: page errors {}",
            r["errors"]
        );
        assert!(
            r["foreign"].as_array().unwrap().is_empty(),
            "{query}: requests to other hosts {}",
            r["foreign"]
        );
        let bytes = r["searchBytes"].as_u64().unwrap();
        assert!(
            bytes < 300 * 1024,
            "{query}: {bytes} bytes of search files for one query: {}",
            r["files"]
        );
        // pagefind.js and its WebAssembly, once, whatever the languages.
        if !results.is_empty() {
            assert_eq!(r["loads"]["js"], 1, "{query}: {}", r["files"]);
            assert_eq!(r["loads"]["wasm"], 1, "{query}: {}", r["files"]);
        }
        let (langs, titles, labels) = (
            strings(&r["langs"]),
            strings(&r["titles"]),
            strings(&r["labels"]),
        );
        let key_of = |url: &str| -> String {
            let hash = url.rsplit_once('#').map(|(_, h)| h).unwrap_or("");
            hash.replace("%3A", ":")
        };
        for (i, url) in results.iter().enumerate() {
            assert!(
                !titles[i].is_empty(),
                "{query}: {url} shown without its document's title"
            );
            // Never an id as a label: a number, or a section and paragraph.
            let label = &labels[i];
            assert!(
                !label.trim().is_empty()
                    && !label.contains("__")
                    && !label.contains("_p_")
                    && !label.contains('\u{2060}'),
                "{query}: {url}: label {label:?}"
            );
            assert_eq!(r["marked"][i], true, "{query}: {url}: no match marked");
            assert!(
                !c.never.contains(&key_of(url)),
                "{query}: {url} must not be a result: {results:#?}"
            );
            if !c.lang.is_empty() {
                assert_eq!(langs[i], c.lang, "{query}: {url}: the language filter");
            }
            if !c.topic.is_empty() {
                assert!(
                    on_topic(&topics, c.topic, &key_of(url)),
                    "{query}: {url}: the topic filter `{}`",
                    c.topic
                );
            }
            if !c.doc.is_empty() {
                assert!(
                    url.contains(&format!("/documents/{}/", c.doc)),
                    "{query}: {url}: the document filter"
                );
            }
            // The aligned clause: the same node in the document's other
            // languages, in that language.
            let key = key_of(url);
            let node = site.lookup(&key).unwrap();
            let doc = &site.documents[node.doc];
            let aligned = r["aligned"][i].as_array().unwrap();
            let others: Vec<&String> = doc.languages.iter().filter(|l| **l != langs[i]).collect();
            assert_eq!(
                aligned.len(),
                others.len(),
                "{query}: {url}: aligned {aligned:?}"
            );
            for (a, lang) in aligned.iter().zip(others) {
                assert_eq!(a["lang"], lang.as_str(), "{query}: {url}");
                let n = &doc.nodes[node.node];
                let source = n.text.get(lang).or(n.heading.get(lang)).unwrap();
                let squeeze = |t: &str| -> String {
                    t.chars().filter(|c| c.is_alphanumeric()).take(12).collect()
                };
                assert_eq!(
                    squeeze(a["text"].as_str().unwrap()),
                    squeeze(&accord::render::text::plain(source)),
                    "{query}: {url}: the aligned clause in {lang}"
                );
            }
        }
        for key in &c.top {
            let at = results.iter().position(|u| key_of(u) == *key);
            let Some(at) = at.filter(|at| *at < TOP) else {
                panic!("{query}: {key} not among the first {TOP} of {results:#?}");
            };
            // The clause is shown with its document and its label, in the
            // language of the view it opens.
            let node = site.lookup(key).unwrap();
            let doc = &site.documents[node.doc];
            let lang = &langs[at];
            assert!(
                results[at].contains(&format!("/{lang}.html#")) || doc.languages.len() == 1,
                "{query}: {} in {lang}",
                results[at]
            );
            assert_eq!(titles[at], doc.title[lang], "{query}: {key}");
            if doc.nodes[node.node].label.get(lang).is_some() {
                assert_eq!(
                    labels[at],
                    cite_label(doc, node.node, lang),
                    "{query}: {key}"
                );
            }
        }
        if zh_page && !results.is_empty() {
            assert_eq!(langs[0], "zh-Hans", "{query}: from a Chinese page");
            assert!(labels[0].starts_with('第'), "{query}: {}", labels[0]);
        }
        // The phrase first: a clause holding the words apart comes after.
        if query == "new energy" {
            assert_eq!(
                key_of(&results[0]),
                format!("{PP}:part_3__prog_2__sec_9__p_1")
            );
        }
        if !c.top.is_empty() {
            assert!(
                r["status"].as_str().unwrap().ends_with("results")
                    || r["status"].as_str().unwrap().ends_with("条结果"),
                "{query}: {}",
                r["status"]
            );
            let landed = &r["landed"];
            assert_eq!(
                landed["url"], landed["selected"],
                "{query}: Enter opens the selected result"
            );
            assert!(
                landed["found"].as_bool().unwrap() && landed["visible"].as_bool().unwrap(),
                "{query}: landed on {landed}"
            );
        }
    }
    // The language filter left results to check.
    let zh2025 = cases.iter().position(|c| c.query == "2025").unwrap();
    assert!(!report[zh2025]["results"].as_array().unwrap().is_empty());
    print!("{table}");
    let dir = root().join("target/browser");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("search-timings.txt"), &table).unwrap();
    let none = &report[cases.len() - 3];
    assert_eq!(
        (
            none["results"].as_array().unwrap().len(),
            none["status"].as_str().unwrap()
        ),
        (0, "No results."),
        "a lone punctuation mark"
    );
}
