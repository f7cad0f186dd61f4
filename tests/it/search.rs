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

use crate::browser::{browser_available, serve};
use crate::site::build_into;
use crate::support::root;

fn real_site() -> Site {
    accord::check::load_site(&root().join("content")).expect("the real site loads")
}

/// One Pagefind page per document view, in one bundle for both languages:
/// one record per node and language with text, only the files the search
/// box uses, and word index chunks small enough for the budget per query.
#[test]
fn the_index_has_one_page_per_document_view_in_one_bundle() {
    let site = real_site();
    let pages = crate::site::real_site().join("public");
    let index = accord::search::index(&site, &pages).unwrap();
    let files: BTreeMap<&str, &[u8]> = index
        .files
        .iter()
        .map(|f| (f.path.as_str(), f.bytes.as_slice()))
        .collect();
    let entry: Value = serde_json::from_slice(files["pagefind/pagefind-entry.json"]).unwrap();
    let mut records = 0;
    for (pagefind, lang) in [("en", "en"), ("zh-hans", "zh-Hans")] {
        let views = site
            .documents
            .iter()
            .filter(|d| d.languages.iter().any(|l| l == lang))
            .count();
        assert_eq!(entry["languages"][pagefind]["page_count"], views, "{lang}");
        let fragments = files
            .keys()
            .filter(|p| p.starts_with(&format!("pagefind/fragment/{pagefind}_")))
            .count();
        assert_eq!(fragments, views, "{lang}: one fragment per view");
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
    assert_eq!(entry["languages"].as_object().unwrap().len(), 2);
    for path in files.keys() {
        assert!(
            !path.contains("-ui.")
                && !path.contains("worker")
                && !path.contains("highlight")
                && !path.contains("playground"),
            "{path} is not shipped"
        );
    }
    // Pagefind's default chunk (20,000 word locations) is about 35 KB here.
    let chunks: Vec<(&&str, usize)> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".pf_index"))
        .map(|(p, b)| (p, b.len()))
        .collect();
    assert!(chunks.len() > 4, "{chunks:?}");
    assert!(chunks.iter().all(|(_, n)| *n < 16 * 1024), "{chunks:?}");
}

const P25: &str = "china-celac-action-plan-2025-2027";
const P22: &str = "china-celac-action-plan-2022-2024";
const PP: &str = "china-lac-policy-paper-2025";

/// Each query and the citation keys that must be among its results.
fn cases() -> Vec<(String, Vec<String>)> {
    let k = |d: &str, n: &str| format!("{d}:{n}");
    let cases = vec![
        (
            "熊猫债",
            vec![
                k(P25, "art_2__sec_3__cl_3"),
                k(PP, "part_3__prog_2__sec_4__p_1"),
            ],
        ),
        (
            "Panda Bonds",
            vec![
                k(P25, "art_2__sec_3__cl_3"),
                k(PP, "part_3__prog_2__sec_4__p_1"),
            ],
        ),
        (
            "北斗",
            vec![
                k(P25, "art_4__sec_7__cl_8"),
                k(PP, "part_3__prog_2__sec_10__p_2"),
            ],
        ),
        (
            "BeiDou",
            vec![
                k(P25, "art_4__sec_7__cl_8"),
                k(PP, "part_3__prog_2__sec_10__p_2"),
                k(P22, "chp_2__area_6__cl_4"),
            ],
        ),
        (
            "人工智能",
            vec![
                k(P25, "art_4__sec_8__cl_3"),
                k(PP, "part_3__prog_2__sec_9__p_1"),
            ],
        ),
        (
            "artificial intelligence",
            vec![k(P25, "art_4__sec_8__cl_3"), k(P22, "chp_2__area_5__cl_2")],
        ),
        (
            "奖学金",
            vec![k(P25, "annex__item_3"), k(PP, "part_3__prog_3__sec_3__p_1")],
        ),
        (
            "scholarships",
            vec![k(P25, "annex__item_3"), k(P22, "chp_4__area_4__cl_2")],
        ),
        // Mixed, odd and overlong queries: results or "no results", never an error.
        ("AI 治理", vec![]),
        ("。", vec![]),
        ("?", vec![]),
    ];
    let mut cases: Vec<(String, Vec<String>)> =
        cases.into_iter().map(|(q, k)| (q.to_string(), k)).collect();
    cases.push(("合作".repeat(250), vec![]));
    cases
}

#[test]
fn search_finds_clauses_in_both_languages_under_a_subpath() {
    if !browser_available() {
        return;
    }
    let script = root().join("tests/browser/search.mjs");
    let installed = root()
        .join("tests/browser/node_modules/puppeteer-core")
        .is_dir();
    if !installed {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install tests/browser (npm ci): .ci/run does"
        );
        eprintln!(
            "skipped: run `PUPPETEER_SKIP_DOWNLOAD=1 npm ci` in tests/browser for the search test"
        );
        return;
    }
    let site = real_site();
    let served = tempfile::tempdir().unwrap();
    build_into(&root().join("content"), &served.path().join("accord"));
    let port = serve(served.path().to_path_buf());
    let base = format!("http://127.0.0.1:{port}/accord/");
    let cases = cases();
    let queries: Vec<&str> = cases.iter().map(|(q, _)| q.as_str()).collect();
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
    for ((query, expected), r) in cases.iter().zip(&report) {
        let shown: String = query.chars().take(24).collect();
        assert!(r["failure"].is_null(), "{query}: {}", r["failure"]);
        let results: Vec<&str> = r["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        table.push_str(&format!(
            "{shown:<26} {:>8} {:>8} {:>10}\n",
            results.len(),
            r["ms"],
            r["searchBytes"]
        ));
        assert_eq!(r["focused"], "search-input", "`/` focuses the box");
        assert_eq!(
            r["label"], "Search all documents",
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
            "{query}: {bytes} bytes of search files for one query"
        );
        let shown = |field: &str| -> Vec<String> {
            r[field]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_string())
                .collect()
        };
        let (langs, titles, labels) = (shown("langs"), shown("titles"), shown("labels"));
        for (i, url) in results.iter().enumerate() {
            assert!(
                !titles[i].is_empty(),
                "{query}: {url} shown without its document's title"
            );
            assert!(
                !labels[i].contains('\u{2060}'),
                "{query}: {url}: the mark of no label is shown"
            );
            assert_eq!(r["marked"][i], true, "{query}: {url}: no match marked");
        }
        for key in expected {
            let url = format!("{base}documents/");
            let at = results
                .iter()
                .position(|u| u.starts_with(&url) && u.ends_with(&format!("#{key}")));
            let Some(at) = at else {
                panic!("{query}: {key} not among {results:#?}");
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
            assert_eq!(
                (titles[at].as_str(), labels[at].as_str()),
                (
                    doc.title[lang].as_str(),
                    cite_label(doc, node.node, lang).as_str()
                ),
                "{query}: {key}"
            );
        }
        if !expected.is_empty() {
            assert!(
                r["status"].as_str().unwrap().ends_with("results"),
                "{query}: {}",
                r["status"]
            );
            let langs: Vec<&str> = r["langs"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect();
            let first_en = langs.iter().position(|l| *l == "en");
            let last_zh = langs.iter().rposition(|l| *l == "zh-Hans");
            if let (Some(e), Some(z)) = (first_en, last_zh) {
                assert!(
                    e < z || langs[..e].is_empty(),
                    "{query}: the reader's language (en) first: {langs:?}"
                );
            }
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
