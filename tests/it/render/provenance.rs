//! Provenance (fixture `render/provenance`): the head of a document page
//! says when, where and by whom it was adopted, its edition, where its
//! official text is published and which source it was imported from, in
//! the interface language; the home page marks a title that is an editorial
//! translation; every page has a meta description.

use scraper::ElementRef;

use super::{all, attr, build, one, owned, shown, shown_spans, text_of, Built};

/// Each row of a page's provenance as shown with the interface in `ui`:
/// `(dt lang, dt, dd lang, dd)`; a `dd` whose text has no language of its
/// own is given as "-".
fn rows(site: &Built, page: &str, ui: &str) -> Vec<[String; 4]> {
    let html = site.page(page);
    let dl = one(html.root_element(), ".doc-head dl.provenance");
    let langs = |el: ElementRef| {
        let mut langs: Vec<String> = shown_spans(el, ui).into_iter().map(|(l, _)| l).collect();
        langs.dedup();
        if langs.is_empty() {
            "-".to_string()
        } else {
            langs.join(" ")
        }
    };
    all(dl, ":scope > div")
        .into_iter()
        .map(|row| {
            let dt = one(row, "dt");
            let dd = one(row, "dd");
            [langs(dt), shown(dt, ui), langs(dd), shown(dd, ui)]
        })
        .collect()
}

fn row(cells: [&str; 4]) -> [String; 4] {
    cells.map(str::to_string)
}

#[test]
fn the_head_of_a_document_page_shows_its_provenance_in_the_interface_language() {
    let site = build("provenance");
    let zh = [
        row(["zh-Hans", "日期", "zh-Hans", "2024年3月9日"]),
        row(["zh-Hans", "地点", "zh-Hans", "海港城"]),
        row(["zh-Hans", "发布方", "zh-Hans", "甲国与乙国"]),
        row(["zh-Hans", "版本", "-", "2024-2026"]),
        row(["zh-Hans", "官方文本", "zh-Hans", "中文 · 英文 （外部网站）"]),
        row(["zh-Hans", "导入自", "-", "harbour-accord.zh-en.txt"]),
    ];
    let en = [
        row(["en", "Date", "en", "9 March 2024"]),
        row(["en", "Place", "en", "Port City"]),
        row(["en", "Issued by", "en", "State A and State B"]),
        row(["en", "Edition", "-", "2024-2026"]),
        row([
            "en",
            "Official text",
            "en",
            "Chinese · English (external site)",
        ]),
        row(["en", "Imported from", "-", "harbour-accord.zh-en.txt"]),
    ];
    // By default in the page's language (the parallel page's is its first
    // column's); in the reader's interface language on every page.
    for (page, default_ui) in [
        ("index.html", "zh-Hans"),
        ("zh-Hans.html", "zh-Hans"),
        ("en.html", "en"),
    ] {
        let path = format!("documents/harbour-accord/{page}");
        let html = site.page(&path);
        assert_eq!(attr(html.root_element(), "data-ui"), default_ui, "{page}");
        assert_eq!(rows(&site, &path, "zh-Hans"), zh, "{page}");
        assert_eq!(rows(&site, &path, "en"), en, "{page}");
    }
    // The date is machine-readable too.
    let html = site.page("documents/harbour-accord/en.html");
    assert_eq!(
        attr(one(html.root_element(), ".provenance time"), "datetime"),
        "2024-03-09"
    );
    // Only what the content gives: no place, no official source; a value
    // given in one language is shown in it.
    let canal = "documents/canal-plan/index.html";
    assert_eq!(
        rows(&site, canal, "en"),
        [
            row(["en", "Date", "en", "30 November 2018"]),
            row(["en", "Issued by", "en", "The Canal Forum"]),
            row(["en", "Edition", "-", "2019-2021"]),
            row(["en", "Imported from", "-", "canal-plan.en.md"]),
        ]
    );
    assert_eq!(
        rows(&site, canal, "zh-Hans"),
        [
            row(["zh-Hans", "日期", "zh-Hans", "2018年11月30日"]),
            row(["zh-Hans", "发布方", "en", "The Canal Forum"]),
            row(["zh-Hans", "版本", "-", "2019-2021"]),
            row(["zh-Hans", "导入自", "-", "canal-plan.en.md"]),
        ]
    );
    // A document with no provenance has no list at all.
    let notes = site.page("documents/lock-notes/en.html");
    assert!(all(notes.root_element(), ".provenance").is_empty());
    // The date and the edition are no longer repeated beside the data link.
    let meta = one(html.root_element(), ".doc-head p.meta");
    assert!(!text_of(meta).contains("2024"), "{}", text_of(meta));
}

#[test]
fn official_sources_are_external_links_and_nothing_is_loaded_from_another_host() {
    let site = build("provenance");
    for (page, ui, names) in [
        ("index.html", "zh-Hans", ["中文", "英文"]),
        ("index.html", "en", ["Chinese", "English"]),
        ("en.html", "en", ["Chinese", "English"]),
        ("en.html", "zh-Hans", ["中文", "英文"]),
    ] {
        let html = site.page(&format!("documents/harbour-accord/{page}"));
        let links: Vec<ElementRef> = all(html.root_element(), ".provenance .official a");
        let got: Vec<[String; 6]> = links
            .iter()
            .map(|a| {
                let named = shown_spans(*a, ui);
                assert_eq!(named.len(), 1, "{page}: one name shown");
                [
                    attr(*a, "href").to_string(),
                    attr(*a, "hreflang").to_string(),
                    named[0].0.clone(),
                    attr(*a, "rel").to_string(),
                    a.value().attr("title").unwrap_or("").to_string(),
                    named[0].1.clone(),
                ]
            })
            .collect();
        assert_eq!(
            got,
            [
                [
                    "https://gov.example.cn/harbour/zh.html",
                    "zh-Hans",
                    ui,
                    "external noopener",
                    "港口合作协定（全文）",
                    names[0],
                ]
                .map(str::to_string),
                [
                    "http://gov.example.com/harbour/en.html?x=1&y=2",
                    "en",
                    ui,
                    "external noopener",
                    "",
                    names[1],
                ]
                .map(str::to_string),
            ],
            "{page}, {ui} interface"
        );
    }
    // Every page: what it loads (scripts, styles, icons, images, frames)
    // comes from the site itself; the official links are only links.
    let pages = [
        "index.html",
        "404.html",
        "pages/about.html",
        "briefings/harbours.html",
        "documents/harbour-accord/index.html",
        "documents/harbour-accord/zh-Hans.html",
        "documents/harbour-accord/en.html",
        "documents/canal-plan/index.html",
        "documents/lock-notes/index.html",
    ];
    for page in pages {
        let html = site.page(page);
        for el in all(html.root_element(), "[src], link[href]") {
            let url = el
                .value()
                .attr("src")
                .or_else(|| el.value().attr("href"))
                .unwrap();
            let name = el.value().name();
            if name == "link" && matches!(el.value().attr("rel"), Some("canonical" | "alternate")) {
                continue;
            }
            assert!(
                !url.contains("//") && !url.contains(':'),
                "{page}: <{name}> loads {url} from another host"
            );
        }
        assert!(
            !site.read(page).contains("gov.example")
                || page.starts_with("documents/harbour-accord/"),
            "{page}"
        );
    }
}

#[test]
fn the_home_page_marks_a_title_in_a_language_the_document_lacks_as_translated() {
    let site = build("provenance");
    let html = site.page("index.html");
    let card = all(html.root_element(), "li.card")
        .into_iter()
        .find(|c| attr(one(*c, "h3 a"), "href") == "documents/canal-plan/index.html")
        .unwrap();
    // Its own (English) title first, unmarked; the Chinese one after it,
    // marked in Chinese, with what the mark means.
    let titles: Vec<(String, String, String)> = all(card, "h3 .title")
        .into_iter()
        .map(|t| {
            (
                attr(t, "lang").to_string(),
                attr(t, "class").to_string(),
                text_of(t),
            )
        })
        .collect();
    assert_eq!(
        titles,
        [
            ("en", "title", "Canal Action Plan (2019-2021)"),
            (
                "zh-Hans",
                "title translated",
                "运河行动计划（2019-2021） 译名"
            ),
        ]
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    );
    let mark = one(card, "h3 .title[lang=\"zh-Hans\"] small.translated-mark");
    assert_eq!(text_of(mark), "译名");
    assert_eq!(
        attr(mark, "title"),
        "本文件无此语言官方文本，此标题为编者所译"
    );
    // A document that has both languages: both titles its own, none marked.
    let accord = all(html.root_element(), "li.card")
        .into_iter()
        .find(|c| attr(one(*c, "h3 a"), "href") == "documents/harbour-accord/index.html")
        .unwrap();
    assert!(all(accord, ".translated-mark").is_empty());
    assert_eq!(
        super::spans(accord, "h3 .title"),
        owned(&[
            ("zh-Hans", "港口合作协定"),
            ("en", "Harbour Cooperation Accord")
        ])
    );
    // Nor is the title marked where the document itself shows it: its
    // page shows its own title only.
    let page = site.page("documents/canal-plan/index.html");
    assert_eq!(
        super::spans(page.root_element(), ".doc-head h1 .title"),
        owned(&[("en", "Canal Action Plan (2019-2021)")])
    );
}

#[test]
fn every_page_has_a_meta_description_in_its_language() {
    let site = build("provenance");
    let described = |page: &str| {
        let html = site.page(page);
        let metas = all(html.root_element(), "head meta[name=\"description\"]");
        assert_eq!(metas.len(), 1, "{page}");
        let m = metas[0];
        (
            m.value().attr("lang").map(str::to_string),
            attr(m, "content").to_string(),
            attr(html.root_element(), "lang").to_string(),
        )
    };
    let site_zh = "港口与运河文件，中英文对照。";
    for (page, lang, description) in [
        ("index.html", "zh-Hans", site_zh),
        ("404.html", "zh-Hans", site_zh),
        ("pages/about.html", "zh-Hans", site_zh),
        (
            "documents/harbour-accord/index.html",
            "zh-Hans",
            "港口合作协定。2024年3月9日于海港城通过。中文、英文文本。",
        ),
        (
            "documents/harbour-accord/zh-Hans.html",
            "zh-Hans",
            "港口合作协定。2024年3月9日于海港城通过。中文、英文文本。",
        ),
        (
            "documents/harbour-accord/en.html",
            "en",
            "Harbour Cooperation Accord. Adopted on 9 March 2024 in Port City. Text in Chinese, English.",
        ),
        (
            "documents/canal-plan/index.html",
            "en",
            "Canal Action Plan (2019-2021). Adopted on 30 November 2018. Text in English.",
        ),
        (
            "documents/lock-notes/en.html",
            "en",
            "Notes on Locks. Text in Chinese, English.",
        ),
        (
            "briefings/harbours.html",
            "en",
            "Briefing on harbours. Briefing of 2 April 2024.",
        ),
    ] {
        assert_eq!(
            described(page),
            (None, description.to_string(), lang.to_string()),
            "{page}"
        );
    }
}

#[test]
fn a_site_without_a_description_has_none_on_its_general_pages() {
    let site = build("home");
    // The `home` fixture has a description; `document`'s has none.
    let bare = build("document");
    assert_eq!(
        all(
            site.page("index.html").root_element(),
            "meta[name=\"description\"]"
        )
        .len(),
        1
    );
    for page in ["index.html", "404.html"] {
        assert!(
            all(bare.page(page).root_element(), "meta[name=\"description\"]").is_empty(),
            "{page}"
        );
    }
    // A document page always has one of its own.
    let html = bare.page("documents/river-notes/index.html");
    assert_eq!(
        attr(
            one(html.root_element(), "meta[name=\"description\"]"),
            "content"
        ),
        "Notes on River Transport. Text in English."
    );
}
