//! Briefings (`content/briefings/`): the three real ones render every
//! item's text in each language of their mode, with citations and
//! absolute permalinks; a fixture briefing builds with every link
//! resolving; the home page and the documents link to the briefings.

use accord::content::briefings::Briefing;
use accord::content::model::NodeRef;
use accord::content::Site;
use accord::render::text::{cite_label, plain};
use scraper::{ElementRef, Html};

use crate::site::{build_into, check_links, parse, real_site, sel};
use crate::support::{fixture, root};

/// The real content, resolved.
pub fn real_content() -> Site {
    accord::content::load_site(&root().join("content")).unwrap()
}

/// The languages an item is shown in: the briefing's that its document
/// has, else the document's first.
pub fn shown(site: &Site, b: &Briefing, r: NodeRef) -> Vec<String> {
    let doc = &site.documents[r.doc];
    let langs: Vec<String> = b
        .languages
        .iter()
        .filter(|l| doc.languages.contains(l))
        .cloned()
        .collect();
    if langs.is_empty() {
        vec![doc.languages[0].clone()]
    } else {
        langs
    }
}

/// An item's nodes: its node, then its descendants in reading order.
pub fn subtree(site: &Site, r: NodeRef) -> Vec<NodeRef> {
    let nodes = &site.documents[r.doc].nodes;
    let depth = nodes[r.node].depth;
    std::iter::once(r.node)
        .chain((r.node + 1..nodes.len()).take_while(|&n| nodes[n].depth > depth))
        .map(|node| NodeRef { doc: r.doc, node })
        .collect()
}

/// Text with all white space removed: Chinese wraps anywhere.
pub fn flat(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The absolute permalink of a node, from the site's base URL.
pub fn permalink(site: &Site, r: NodeRef) -> String {
    let doc = &site.documents[r.doc].id;
    format!("{}documents/{doc}/#{}", site.base_url, site.key(r))
}

fn page(public: &std::path::Path, b: &Briefing) -> Html {
    parse(&std::fs::read(public.join(format!("briefings/{}.html", b.id))).unwrap())
}

/// Every run of Chinese text is inside an element with `lang="zh-Hans"`.
fn assert_chinese_marked(name: &str, html: &Html) {
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let body = html.select(&sel("body")).next().unwrap();
    for node in body.descendants() {
        if let Some(text) = node.value().as_text().filter(|t| han(t)) {
            let lang = node
                .ancestors()
                .filter_map(ElementRef::wrap)
                .find_map(|e| e.value().attr("lang"));
            assert_eq!(lang, Some("zh-Hans"), "{name}: {}", text.trim());
        }
    }
}

#[test]
fn the_three_real_briefings_show_every_item_in_the_languages_of_their_mode() {
    let site = real_content();
    let public = real_site().join("public");
    let ids: Vec<&str> = site.briefings.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "education-exchanges",
            "science-space-digital",
            "trade-investment-finance"
        ]
    );
    let modes: Vec<&str> = site.briefings.iter().map(|b| b.mode.as_str()).collect();
    assert_eq!(modes, ["zh-Hans", "en", "parallel"]);
    for b in &site.briefings {
        let html = page(&public, b);
        let root_lang = html
            .select(&sel("html"))
            .next()
            .unwrap()
            .value()
            .attr("lang");
        assert_eq!(root_lang, Some(b.languages[0].as_str()), "{}", b.id);
        assert_chinese_marked(&b.id, &html);
        for (i, item) in b.items.iter().enumerate() {
            let section = html
                .select(&sel(&format!("section.item#item-{}", i + 1)))
                .next()
                .unwrap_or_else(|| panic!("{}: item {} missing", b.id, i + 1));
            let rows: Vec<ElementRef> = section.select(&sel(".node[id]")).collect();
            let nodes = subtree(&site, item.node);
            assert_eq!(rows.len(), nodes.len(), "{} item {}: rows", b.id, i + 1);
            let langs = shown(&site, b, item.node);
            for (row, &r) in rows.iter().zip(&nodes) {
                assert_eq!(row.value().attr("id"), Some(site.key(r).as_str()));
                let cells: Vec<ElementRef> = row.select(&sel(":scope > .cell")).collect();
                let cell_langs: Vec<&str> = cells
                    .iter()
                    .filter_map(|c| c.value().attr("lang"))
                    .collect();
                assert_eq!(
                    cell_langs,
                    langs,
                    "{} {}: one cell per language",
                    b.id,
                    site.key(r)
                );
                let node = site.node(r);
                for (cell, lang) in cells.iter().zip(&langs) {
                    let shown = flat(&cell.text().collect::<String>());
                    for map in [&node.text, &node.heading, &node.label] {
                        if let Some(t) = map.get(lang) {
                            assert!(
                                shown.contains(&flat(&plain(t))),
                                "{} {} [{lang}]: `{t}` not shown",
                                b.id,
                                site.key(r)
                            );
                        }
                    }
                    assert!(!shown.is_empty(), "{} {}: an empty cell", b.id, site.key(r));
                }
            }
        }
    }
}

#[test]
fn a_chinese_briefing_shows_the_english_only_plan_in_english_with_a_note() {
    let site = real_content();
    let b = site
        .briefings
        .iter()
        .find(|b| b.id == "education-exchanges")
        .unwrap();
    let html = page(&real_site().join("public"), b);
    let old = site
        .documents
        .iter()
        .position(|d| d.id == "china-celac-action-plan-2022-2024")
        .unwrap();
    let items: Vec<usize> = (0..b.items.len())
        .filter(|&i| b.items[i].node.doc == old)
        .collect();
    assert_eq!(items.len(), 2, "two items of the 2022-2024 plan");
    for i in items {
        let section = html
            .select(&sel(&format!("#item-{}", i + 1)))
            .next()
            .unwrap();
        assert!(section
            .select(&sel(".cell[lang=\"zh-Hans\"]"))
            .next()
            .is_none());
        assert!(section.select(&sel(".cell[lang=\"en\"] .text")).count() >= 3);
        let note = section
            .select(&sel(".lacks p[lang=\"zh-Hans\"]"))
            .next()
            .expect("a note");
        assert_eq!(
            note.text().collect::<String>(),
            "该文件没有中文官方文本，此处照录其英文文本。"
        );
    }
    let scholarships = html
        .select(&sel(
            "[id=\"china-celac-action-plan-2022-2024:chp_4__area_4__cl_2\"]",
        ))
        .next()
        .unwrap();
    assert!(scholarships
        .text()
        .collect::<String>()
        .contains("5,000 government scholarships"));
}

#[test]
fn every_item_has_its_citation_and_an_absolute_permalink() {
    let site = real_content();
    let public = real_site().join("public");
    for b in &site.briefings {
        let html = page(&public, b);
        for (i, item) in b.items.iter().enumerate() {
            let doc = &site.documents[item.node.doc];
            let head = html
                .select(&sel(&format!("#item-{} .item-head", i + 1)))
                .next()
                .unwrap();
            let link = head.select(&sel(".permalink a")).next().unwrap();
            assert_eq!(link.text().collect::<String>(), permalink(&site, item.node));
            assert_eq!(
                link.value().attr("href").unwrap(),
                format!("../documents/{}/index.html#{}", doc.id, site.key(item.node))
            );
            let cites: Vec<ElementRef> = head.select(&sel(".cite")).collect();
            assert_eq!(cites.len(), b.languages.len(), "{} item {}", b.id, i + 1);
            for (cite, lang) in cites.iter().zip(&b.languages) {
                assert_eq!(cite.value().attr("lang"), Some(lang.as_str()));
                let text = cite.text().collect::<String>();
                let title = doc.title.get(lang).unwrap_or(&doc.title[&doc.languages[0]]);
                let label_lang = if doc.languages.contains(lang) {
                    lang
                } else {
                    &doc.languages[0]
                };
                let number = cite_label(doc, item.node.node, label_lang);
                // The title, a comma, the number: once each ("annex 2",
                // not "annex annex 2").
                let rest = text
                    .strip_prefix(title.as_str())
                    .map(|r| r.trim_start_matches([',', '，', ' ']));
                assert_eq!(rest, Some(number.as_str()), "{}: {text}", b.id);
            }
        }
        let css = html
            .select(&sel("link[rel=stylesheet][media=print]"))
            .next()
            .unwrap();
        assert_eq!(
            css.value().attr("href"),
            Some(format!("../briefings/{}.print.css", b.id).as_str())
        );
        let print =
            std::fs::read_to_string(public.join(format!("briefings/{}.print.css", b.id))).unwrap();
        assert!(
            print.contains(&format!(
                "@top-center {{ content: \"{}\"; }}",
                b.title[&b.languages[0]]
            )),
            "{print}"
        );
    }
}

#[test]
fn the_home_page_and_the_documents_link_to_the_briefings() {
    let site = real_content();
    let public = real_site().join("public");
    let home = parse(&std::fs::read(public.join("index.html")).unwrap());
    let cards: Vec<String> = home
        .select(&sel(".card h3 a"))
        .filter_map(|a| {
            a.value()
                .attr("href")
                .filter(|h| h.starts_with("briefings/"))
                .map(str::to_string)
        })
        .collect();
    let expected: Vec<String> = site
        .briefings
        .iter()
        .map(|b| format!("briefings/{}.html", b.id))
        .collect();
    assert_eq!(cards, expected);
    for (d, doc) in site.documents.iter().enumerate() {
        let html =
            parse(&std::fs::read(public.join(format!("documents/{}/index.html", doc.id))).unwrap());
        let links: Vec<String> = html
            .select(&sel(".doc-head .in-briefings a"))
            .map(|a| a.value().attr("href").unwrap().to_string())
            .collect();
        let citing: Vec<String> = site
            .briefings
            .iter()
            .filter(|b| b.items.iter().any(|i| i.node.doc == d))
            .map(|b| format!("../../briefings/{}.html", b.id))
            .collect();
        assert_eq!(links, citing, "{}", doc.id);
    }
}

#[test]
fn the_fixture_briefings_build_and_every_link_resolves() {
    let dir = fixture("briefing-site");
    let out = dir.path().join("public");
    build_into(&dir.path().join("content"), &out);
    assert!(check_links(&out, "https://example.org/") > 60);
    let read = |p: &str| parse(&std::fs::read(out.join(p)).unwrap());
    let finance = read("briefings/finance.html");
    assert_chinese_marked("finance", &finance);
    assert_eq!(finance.select(&sel("section.item")).count(), 3);
    let old = finance.select(&sel("#item-3")).next().unwrap();
    assert_eq!(old.value().attr("class"), Some("item one-column"));
    assert_eq!(
        old.select(&sel(".cell")).count(),
        2,
        "chp_1 and its clause, in English"
    );
    assert_eq!(
        old.select(&sel(".lacks p")).count(),
        2,
        "the note in both languages"
    );
    let comment = finance
        .select(&sel("#item-1 .comment [lang=\"en\"]"))
        .next()
        .unwrap();
    assert!(
        comment.inner_html().contains("<em>Panda Bonds</em>"),
        "Markdown in comments"
    );
    let refs: Vec<(String, String)> = finance
        .select(&sel("#item-1 .item-refs a"))
        .map(|a| {
            (
                a.value().attr("href").unwrap().to_string(),
                a.text().collect(),
            )
        })
        .collect();
    assert_eq!(
        refs[0].0, "#plan-2021-2023:chp_1",
        "a link into this briefing"
    );
    assert_eq!(refs[1].0, "../documents/paper/index.html#paper:part_1");
    let here = finance
        .select(&sel("#item-1 .item-refs span.here"))
        .next()
        .unwrap();
    assert_eq!(here.text().collect::<String>(), "(见本简报第3项)");
    let banks = read("briefings/banks.html");
    let old = banks.select(&sel("#item-2 .cell")).next().unwrap();
    assert_eq!(old.value().attr("lang"), Some("en"));
    assert!(old
        .text()
        .collect::<String>()
        .contains("Strengthen cooperation between banks."));
    assert_eq!(
        banks.select(&sel(".cover h1 .title")).count(),
        1,
        "Chinese only"
    );
}
