//! Citations (`tests/fixtures/render/cite/`): the citation each Cite
//! button copies, in Chinese, English and Spanish; the `citation_*` and
//! `DC.*` tags reference managers read; the BibTeX, RIS and CSL-JSON files,
//! the last rendered by citeproc-js; and a locator of its own for every
//! node of every document, the real ones and the fixtures'.

use std::collections::BTreeMap;
use std::process::Command;

use super::{all, attr, build, cell, citation, node, Built};
use crate::site::real_site;
use crate::support::root;

const PLAN: &str = "https://example.org/accord/documents/tide-plan/";

/// What the Cite button of each cell copies (composed from the page's form
/// and the `data-loc` of its ¶ link).
#[test]
fn each_cell_cites_in_its_language_with_a_locator_of_its_own() {
    let site = build("cite");
    let html = site.page("documents/tide-plan/index.html");
    let cites = |key: &str| -> Vec<String> {
        ["zh-Hans", "en", "es"]
            .iter()
            .map(|l| citation(&html, cell(node(&html, key), l)))
            .collect()
    };
    let zh = "《潮汐合作共同行动计划（2026-2028）》";
    let en = "Tide Cooperation Joint Action Plan (2026-2028)";
    let es = "Plan de Acción Conjunta de Cooperación sobre Mareas (2026-2028)";
    for (id, zh_loc, en_loc, es_loc) in [
        ("preamble", "序言", "Preamble", "Preámbulo"),
        (
            "preamble__p_2",
            "序言第二段",
            "Preamble, para. 2",
            "Preámbulo, párr. 2",
        ),
        ("art_1__sec_1", "第一条第一项", "art. 1.1", "art. 1.1"),
        (
            "art_1__sec_1__cl_1",
            "第一条第一项第（一）目",
            "art. 1.1(1)",
            "art. 1.1(1)",
        ),
        (
            "art_1__sec_1__cl_2",
            "第一条第一项第（二）目",
            "art. 1.1(2)",
            "art. 1.1(2)",
        ),
        (
            "annex__item_1",
            "附件第一项",
            "Annex, item 1",
            "Anexo, punto 1",
        ),
    ] {
        let key = format!("tide-plan:{id}");
        assert_eq!(
            cites(&key),
            [
                format!("{zh}{zh_loc}，{PLAN}#{key}"),
                format!("{en}, {en_loc}, {PLAN}#{key}"),
                format!("{es}, {es_loc}, {PLAN}#{key}"),
            ]
        );
    }
    // The same citations on the one-language pages.
    let es_page = site.page("documents/tide-plan/es.html");
    let key = "tide-plan:preamble__p_1";
    assert_eq!(
        citation(&es_page, cell(node(&es_page, key), "es")),
        format!("{es}, Preámbulo, párr. 1, {PLAN}#{key}")
    );
    let paper = site.page("documents/wave-paper/en.html");
    let key = "wave-paper:part_1__prog_1__sec_1__p_2";
    assert_eq!(
        citation(&paper, cell(node(&paper, key), "en")),
        format!("Policy Paper on Waves, Part I.1(1), para. 2, https://example.org/accord/documents/wave-paper/#{key}")
    );
}

/// The `<meta name content>` pairs of a page, in order, but the viewport
/// and the description (tests/it/render/provenance.rs).
fn metas(site: &Built, page: &str) -> Vec<(String, String)> {
    let html = site.page(page);
    all(html.root_element(), "head meta[name]")
        .into_iter()
        .filter(|m| !matches!(attr(*m, "name"), "viewport" | "description"))
        .map(|m| (attr(m, "name").to_string(), attr(m, "content").to_string()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn document_pages_carry_highwire_and_dublin_core_tags() {
    let site = build("cite");
    let url = "https://example.org/accord/documents/tide-plan/en.html";
    assert_eq!(
        metas(&site, "documents/tide-plan/en.html"),
        pairs(&[
            (
                "citation_title",
                "Tide Cooperation Joint Action Plan (2026-2028)"
            ),
            ("citation_author", "Member States of the Tide Forum"),
            ("citation_publication_date", "2026/03/02"),
            ("citation_publisher", "Ministry of Tides & {Harbours}"),
            ("citation_language", "en"),
            ("citation_public_url", url),
            ("citation_fulltext_html_url", url),
            ("DC.title", "Tide Cooperation Joint Action Plan (2026-2028)"),
            ("DC.creator", "Member States of the Tide Forum"),
            ("DC.date", "2026-03-02"),
            ("DC.publisher", "Ministry of Tides & {Harbours}"),
            ("DC.language", "en"),
            ("DC.identifier", url),
            ("DC.type", "Text"),
        ])
    );
    // No date, no author, no publisher: the site's title publishes it; the
    // parallel page is in its first language.
    let url = "https://example.org/accord/documents/wave-paper/";
    assert_eq!(
        metas(&site, "documents/wave-paper/index.html"),
        pairs(&[
            ("citation_title", "波浪政策文件"),
            ("citation_publisher", "引用测试"),
            ("citation_language", "zh-Hans"),
            ("citation_public_url", url),
            ("citation_fulltext_html_url", url),
            ("DC.title", "波浪政策文件"),
            ("DC.publisher", "引用测试"),
            ("DC.language", "zh-Hans"),
            ("DC.identifier", url),
            ("DC.type", "Text"),
        ])
    );
    let html = site.page("documents/wave-paper/en.html");
    let links: Vec<(String, String)> = all(html.root_element(), ".doc-head .cite-files a")
        .into_iter()
        .map(|a| (a.text().collect(), attr(a, "href").to_string()))
        .collect();
    assert_eq!(
        links,
        pairs(&[
            ("BibTeX", "../../documents/wave-paper/cite.bib"),
            ("RIS", "../../documents/wave-paper/cite.ris"),
            ("CSL-JSON", "../../documents/wave-paper/cite.json"),
        ])
    );
}

#[test]
fn bibtex_and_ris_files_hold_one_entry_per_language() {
    let site = build("cite");
    assert_eq!(
        site.read("documents/tide-plan/cite.bib"),
        r"@misc{tide-plan-zh-Hans,
  author = {{潮汐论坛成员国}},
  title = {{潮汐合作共同行动计划（2026-2028）}},
  publisher = {引用测试},
  year = {2026},
  date = {2026-03-02},
  language = {zh-Hans},
  url = {https://example.org/accord/documents/tide-plan/}
}

@misc{tide-plan-en,
  author = {{Member States of the Tide Forum}},
  title = {{Tide Cooperation Joint Action Plan (2026-2028)}},
  publisher = {Ministry of Tides \& \{Harbours\}},
  year = {2026},
  date = {2026-03-02},
  language = {en},
  url = {https://example.org/accord/documents/tide-plan/}
}

@misc{tide-plan-es,
  author = {{Estados miembros del Foro de Mareas}},
  title = {{Plan de Acción Conjunta de Cooperación sobre Mareas (2026-2028)}},
  publisher = {Prueba de citas},
  year = {2026},
  date = {2026-03-02},
  language = {es},
  url = {https://example.org/accord/documents/tide-plan/}
}
"
    );
    let ris = |lines: &[&str]| lines.iter().map(|l| format!("{l}\r\n")).collect::<String>();
    assert_eq!(
        site.read("documents/tide-plan/cite.ris"),
        ris(&[
            "TY  - GOVDOC",
            "TI  - 潮汐合作共同行动计划（2026-2028）",
            "AU  - 潮汐论坛成员国",
            "PB  - 引用测试",
            "PY  - 2026",
            "DA  - 2026/03/02",
            "LA  - zh-Hans",
            "UR  - https://example.org/accord/documents/tide-plan/",
            "ER  - ",
            "",
            "TY  - GOVDOC",
            "TI  - Tide Cooperation Joint Action Plan (2026-2028)",
            "AU  - Member States of the Tide Forum",
            "PB  - Ministry of Tides & {Harbours}",
            "PY  - 2026",
            "DA  - 2026/03/02",
            "LA  - en",
            "UR  - https://example.org/accord/documents/tide-plan/",
            "ER  - ",
            "",
            "TY  - GOVDOC",
            "TI  - Plan de Acción Conjunta de Cooperación sobre Mareas (2026-2028)",
            "AU  - Estados miembros del Foro de Mareas",
            "PB  - Prueba de citas",
            "PY  - 2026",
            "DA  - 2026/03/02",
            "LA  - es",
            "UR  - https://example.org/accord/documents/tide-plan/",
            "ER  - ",
        ])
    );
    assert_eq!(
        site.read("documents/wave-paper/cite.ris"),
        ris(&[
            "TY  - GOVDOC",
            "TI  - 波浪政策文件",
            "PB  - 引用测试",
            "LA  - zh-Hans",
            "UR  - https://example.org/accord/documents/wave-paper/",
            "ER  - ",
            "",
            "TY  - GOVDOC",
            "TI  - Policy Paper on Waves",
            "PB  - Citation test",
            "LA  - en",
            "UR  - https://example.org/accord/documents/wave-paper/",
            "ER  - ",
        ])
    );
}

/// The CSL-JSON file rendered by citeproc-js (npm `citeproc`) in the APA
/// style and en-US locale shipped by `@citation-js/plugin-csl`
/// (tests/browser/csl.mjs), citing a clause by its locator.
#[test]
fn csl_json_renders_with_citeproc() {
    if !root().join("tests/browser/node_modules/citeproc").is_dir() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install tests/browser (npm ci): .ci/run does"
        );
        eprintln!("skipped: run `PUPPETEER_SKIP_DOWNLOAD=1 npm ci` in tests/browser");
        return;
    }
    let site = build("cite");
    let file = site.out.join("documents/tide-plan/cite.json");
    let items: Vec<serde_json::Value> =
        serde_json::from_str(&site.read("documents/tide-plan/cite.json")).unwrap();
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["tide-plan-zh-Hans", "tide-plan-en", "tide-plan-es"]);
    let render = |style: &str, item: &str, locator: &str, label: &str| {
        let out = Command::new("node")
            .arg(root().join("tests/browser/csl.mjs"))
            .args([file.to_str().unwrap(), style, "en-US", item, locator, label])
            .output()
            .expect("node runs");
        assert!(
            out.status.success(),
            "csl.mjs failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let apa = render("apa", "tide-plan-en", "1.1(2)", "section");
    assert_eq!(
        apa["citation"],
        "(Member States of the Tide Forum, 2026, Section 1.1(2))"
    );
    let bibliography: Vec<&str> = apa["bibliography"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap())
        .collect();
    assert_eq!(
        bibliography,
        [
            "Estados miembros del Foro de Mareas. (2026, March 2). Plan de Acción Conjunta de Cooperación sobre Mareas (2026-2028). Prueba de citas. https://example.org/accord/documents/tide-plan/",
            "Member States of the Tide Forum. (2026, March 2). Tide Cooperation Joint Action Plan (2026-2028). Ministry of Tides & {Harbours}. https://example.org/accord/documents/tide-plan/",
            "潮汐论坛成员国. (2026, March 2). 潮汐合作共同行动计划（2026-2028）. 引用测试. https://example.org/accord/documents/tide-plan/",
        ]
    );
    let paper = site.out.join("documents/wave-paper/cite.json");
    let out = Command::new("node")
        .arg(root().join("tests/browser/csl.mjs"))
        .args([
            paper.to_str().unwrap(),
            "harvard1",
            "en-US",
            "wave-paper-en",
            "I.1(1), para. 2",
            "section",
        ])
        .output()
        .unwrap();
    let harvard: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        harvard["citation"],
        "(“Policy Paper on Waves,” no date, sec. I.1(1), para. 2)"
    );
}

/// Every citation of the parallel page of each document (one-language
/// documents: their only page), by document and language: each node has
/// one per language, and no two nodes the same.
fn citations(public: &std::path::Path) -> BTreeMap<(String, String), Vec<String>> {
    let mut out: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for entry in std::fs::read_dir(public.join("documents")).unwrap() {
        let dir = entry.unwrap().path();
        let doc = dir.file_name().unwrap().to_str().unwrap().to_string();
        let text = std::fs::read_to_string(dir.join("index.html")).unwrap();
        let html = crate::site::parse(text.as_bytes());
        let nodes = all(html.root_element(), ".node[id]");
        for n in &nodes {
            for c in all(*n, ":scope > .cell") {
                let cite = citation(&html, c);
                let key = attr(*n, "id");
                assert!(cite.ends_with(&format!("#{key}")), "{cite}");
                // The citation without the link: title and locator.
                let (title_locator, _) = cite.rsplit_once("https://").unwrap();
                out.entry((doc.clone(), attr(c, "lang").to_string()))
                    .or_default()
                    .push(title_locator.to_string());
            }
        }
        let per_lang = nodes.len();
        for ((d, lang), list) in out.iter().filter(|((d, _), _)| *d == doc) {
            assert_eq!(list.len(), per_lang, "{d} {lang}: a citation per node");
        }
    }
    out
}

fn assert_unique(site: &str, all: &BTreeMap<(String, String), Vec<String>>) {
    assert!(!all.is_empty(), "{site}: no documents");
    for ((doc, lang), list) in all {
        let mut seen = std::collections::HashSet::new();
        for c in list {
            assert!(seen.insert(c), "{site} {doc} {lang}: `{c}` cites two nodes");
        }
        if lang.starts_with("zh") {
            for c in list {
                assert!(c.starts_with('《') && c.ends_with('，'), "{c}");
                assert!(!c.contains(", "), "full-width punctuation: {c}");
            }
        }
    }
}

#[test]
fn every_node_has_a_locator_of_its_own_in_the_real_documents_and_the_fixtures() {
    let real = citations(&real_site().join("public"));
    assert_unique("content/", &real);
    let langs: Vec<(&str, &str)> = real.keys().map(|(d, l)| (d.as_str(), l.as_str())).collect();
    assert_eq!(
        langs,
        [
            ("china-celac-action-plan-2022-2024", "en"),
            ("china-celac-action-plan-2025-2027", "en"),
            ("china-celac-action-plan-2025-2027", "zh-Hans"),
            ("china-lac-policy-paper-2025", "en"),
            ("china-lac-policy-paper-2025", "zh-Hans"),
        ]
    );
    // The audit's cases: two paragraphs of one section, the preamble.
    let paper = &real[&("china-lac-policy-paper-2025".into(), "en".into())];
    let title = "China's Policy Paper on Latin America and the Caribbean";
    for locator in [
        "Part III.2(3), para. 1",
        "Part III.2(3), para. 2",
        "Preface, para. 3",
    ] {
        let c = format!("{title}, {locator}, ");
        assert!(paper.contains(&c), "{c}");
    }
    let plan = &real[&("china-celac-action-plan-2025-2027".into(), "en".into())];
    let title = "China-CELAC Joint Action Plan for Cooperation in Key Areas (2025-2027)";
    for locator in [
        "Preamble, para. 1",
        "art. 2.3(3)",
        "art. 2.5(2)",
        "art. 2.5(4)",
        "art. 4.4",
    ] {
        let c = format!("{title}, {locator}, ");
        assert!(plan.contains(&c), "{c}");
    }
    let cases = std::fs::read_dir(root().join("tests/fixtures/render")).unwrap();
    let mut built = 0;
    for case in cases {
        let name = case.unwrap().file_name().into_string().unwrap();
        let site = build(&name);
        assert_unique(&name, &citations(&site.out));
        built += 1;
    }
    assert!(built >= 8, "{built} fixtures");
}
