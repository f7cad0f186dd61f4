//! Finding one's way in a long document (fixture `render/navigation`, a
//! site in Chinese, English and Spanish): at the end of each top-level
//! section, links to the previous and the next section and back to the
//! contents, in the interface language, followed here to where they lead;
//! none in a document of paragraphs only. And the Markdown pages, one
//! file per language, one page shown in the interface language.

use scraper::{ElementRef, Html};

use super::{all, attr, build, one, shown, shown_in, shown_spans, text_of, Built};
use crate::site::check_links;

/// The element of `html` with id `id`.
fn by_id<'a>(html: &'a Html, id: &str) -> ElementRef<'a> {
    one(html.root_element(), &format!("[id=\"{id}\"]"))
}

/// A link: its class, href and text as shown.
type Link = (String, String, String);
/// The links at the end of a section: the id of the node just before them,
/// and the links.
type Nav = (String, Vec<Link>);

/// The section links of a page, their texts as shown in `ui`.
fn section_navs(html: &Html, ui: &str) -> Vec<Nav> {
    all(html.root_element(), ".nodes > .section-nav")
        .into_iter()
        .map(|nav| {
            let before = nav
                .prev_siblings()
                .filter_map(ElementRef::wrap)
                .next()
                .expect("a node before it");
            assert!(before.value().classes().any(|c| c == "node"));
            let links = all(nav, ":scope > a")
                .into_iter()
                .map(|a| {
                    (
                        attr(a, "class").to_string(),
                        attr(a, "href").to_string(),
                        shown(a, ui),
                    )
                })
                .collect();
            (attr(before, "id").to_string(), links)
        })
        .collect()
}

fn link(class: &str, href: &str, text: &str) -> Link {
    (class.to_string(), href.to_string(), text.to_string())
}

/// What the canal plan's section links say with the interface in `ui`,
/// naming the sections in `names` (preamble, article 1, article 2,
/// annex), with the words for previous, back and next.
fn canal(words: [&str; 3], names: [&str; 4]) -> Vec<Nav> {
    let [prev, back, next] = words;
    let key = |id: &str| format!("#canal-plan:{id}");
    let p = |i: usize, id: &str| link("prev", &key(id), &format!("{prev} {}", names[i]));
    let n = |i: usize, id: &str| link("next", &key(id), &format!("{next} {}", names[i]));
    let b = || link("back-to-contents", "#contents", back);
    vec![
        ("canal-plan:preamble__p_1".into(), vec![b(), n(1, "art_1")]),
        (
            "canal-plan:art_1__sec_1__cl_1".into(),
            vec![p(0, "preamble"), b(), n(2, "art_2")],
        ),
        (
            "canal-plan:art_2__p_1".into(),
            vec![p(1, "art_1"), b(), n(3, "annex")],
        ),
        ("canal-plan:annex__item_1".into(), vec![p(2, "art_2"), b()]),
    ]
}

const ZH_WORDS: [&str; 3] = ["上一部分", "返回目录", "下一部分"];
const EN_WORDS: [&str; 3] = ["Previous", "Back to contents", "Next"];
const ES_WORDS: [&str; 3] = ["Anterior", "Volver al índice", "Siguiente"];
const ZH_NAMES: [&str; 4] = ["序言", "第一条 航道", "第二条 船闸", "附件"];
const EN_NAMES: [&str; 4] = [
    "Preamble",
    "Article 1 Waterways",
    "Article 2 Locks",
    "Annex",
];

#[test]
fn each_top_level_section_ends_with_links_to_its_neighbours_and_the_contents() {
    let site = build("navigation");
    let html = site.page("documents/canal-plan/index.html");
    // The parallel page names the sections in the interface language, or
    // in the document's first where it lacks it (Spanish).
    assert_eq!(section_navs(&html, "zh-Hans"), canal(ZH_WORDS, ZH_NAMES));
    assert_eq!(section_navs(&html, "en"), canal(EN_WORDS, EN_NAMES));
    assert_eq!(section_navs(&html, "es"), canal(ES_WORDS, ZH_NAMES));
    // Each name is marked with its language.
    let first = all(html.root_element(), ".section-nav a.next")[0];
    assert_eq!(
        shown_spans(first, "es"),
        [
            ("es".to_string(), "Siguiente".to_string()),
            ("zh-Hans".to_string(), "第一条 航道".to_string()),
        ]
    );
    // A one-language view names them in its language, whatever the
    // interface's.
    let en = site.page("documents/canal-plan/en.html");
    assert_eq!(section_navs(&en, "zh-Hans"), canal(ZH_WORDS, EN_NAMES));
    assert_eq!(section_navs(&en, "es"), canal(ES_WORDS, EN_NAMES));
    let zh = site.page("documents/canal-plan/zh-Hans.html");
    assert_eq!(section_navs(&zh, "en"), canal(EN_WORDS, ZH_NAMES));
}

#[test]
fn the_section_links_lead_to_the_sections_and_the_contents() {
    let site = build("navigation");
    for page in ["index.html", "zh-Hans.html", "en.html"] {
        let html = site.page(&format!("documents/canal-plan/{page}"));
        let tops: Vec<&str> = all(html.root_element(), ".nodes > .node.d-0")
            .into_iter()
            .map(|n| attr(n, "id"))
            .collect();
        assert_eq!(
            tops,
            [
                "canal-plan:preamble",
                "canal-plan:art_1",
                "canal-plan:art_2",
                "canal-plan:annex"
            ]
        );
        for nav in all(html.root_element(), ".section-nav") {
            // The section it ends: the last top-level node before it.
            let here = nav
                .prev_siblings()
                .filter_map(ElementRef::wrap)
                .find(|n| n.value().classes().any(|c| c == "d-0"))
                .map(|n| attr(n, "id"))
                .unwrap();
            let at = tops.iter().position(|t| *t == here).unwrap();
            for a in all(nav, "a") {
                let target = attr(a, "href").strip_prefix('#').unwrap();
                let el = by_id(&html, target);
                match attr(a, "class") {
                    "prev" => assert_eq!(target, tops[at - 1], "{page}"),
                    "next" => assert_eq!(target, tops[at + 1], "{page}"),
                    "back-to-contents" => {
                        assert_eq!(el.value().name(), "nav", "{page}");
                        assert!(el.value().classes().any(|c| c == "toc"), "{page}");
                    }
                    other => panic!("{page}: link {other}"),
                }
            }
        }
        // Not indexed for search: Pagefind's own marks.
        for nav in all(html.root_element(), ".section-nav") {
            assert!(nav.value().attr("data-pagefind-ignore").is_some());
        }
    }
}

#[test]
fn a_one_language_document_has_links_in_its_language_and_paragraphs_none() {
    let site = build("navigation");
    let html = site.page("documents/lock-rules/index.html");
    let expected = |ui: &str| {
        let [prev, back, next] = ui_words(ui);
        vec![
            (
                "lock-rules:chp_1__cl_1".to_string(),
                vec![
                    link("back-to-contents", "#contents", back),
                    link(
                        "next",
                        "#lock-rules:chp_2",
                        &format!("{next} II. Leaving a lock"),
                    ),
                ],
            ),
            (
                "lock-rules:chp_2__cl_1".to_string(),
                vec![
                    link(
                        "prev",
                        "#lock-rules:chp_1",
                        &format!("{prev} I. Entering a lock"),
                    ),
                    link("back-to-contents", "#contents", back),
                ],
            ),
        ]
    };
    for ui in ["zh-Hans", "en", "es"] {
        assert_eq!(section_navs(&html, ui), expected(ui), "{ui} interface");
    }
    let notes = site.page("documents/dock-notes/index.html");
    assert!(all(notes.root_element(), ".section-nav").is_empty());
}

/// The words for previous, back to the contents and next in `ui`.
fn ui_words(ui: &str) -> [&'static str; 3] {
    match ui {
        "zh-Hans" => ZH_WORDS,
        "es" => ES_WORDS,
        _ => EN_WORDS,
    }
}

/// The articles of a Markdown page: `(lang, the interface languages it is
/// shown in, h1)`.
fn articles(site: &Built, page: &str) -> Vec<(String, String, String)> {
    let html = site.page(page);
    all(html.root_element(), "main > article.page")
        .into_iter()
        .map(|a| {
            let uis: Vec<&str> = ["zh-Hans", "en", "es"]
                .into_iter()
                .filter(|ui| shown_in(a, ui))
                .collect();
            (
                attr(a, "lang").to_string(),
                uis.join(" "),
                text_of(one(a, "h1")),
            )
        })
        .collect()
}

#[test]
fn a_page_has_a_text_per_language_shown_in_the_interface_language() {
    let site = build("navigation");
    let t = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    // about.md (English) and about.zh-Hans.md: one page, its texts in the
    // order of the site's languages, the first (Chinese) its language and
    // its default; the English one in the English interface; the Spanish
    // interface, which the page lacks, shows its first, as the contents of
    // a document show its first language.
    assert_eq!(
        articles(&site, "pages/about.html"),
        [
            t("zh-Hans", "zh-Hans es", "关于本测试"),
            t("en", "en", "About this test")
        ]
    );
    let about = site.page("pages/about.html");
    assert_eq!(attr(about.root_element(), "lang"), "zh-Hans");
    assert_eq!(attr(about.root_element(), "data-ui"), "zh-Hans");
    assert!(!site.exists("pages/about.zh-Hans.html"), "one page");
    // A page in one language: shown in every interface.
    assert_eq!(
        articles(&site, "pages/sources.html"),
        [t("en", "zh-Hans en es", "Sources")]
    );
    // The header names the pages in the interface language.
    let home = site.page("index.html");
    let nav = one(home.root_element(), "header.site nav.pages");
    let titles = |ui: &str| -> Vec<(String, String)> {
        all(nav, ":scope > a")
            .into_iter()
            .flat_map(|a| shown_spans(a, ui))
            .collect()
    };
    let pairs = |p: &[(&str, &str)]| super::owned(p);
    for ui in ["zh-Hans", "es"] {
        assert_eq!(
            titles(ui),
            pairs(&[("zh-Hans", "关于本测试"), ("en", "Sources")])
        );
    }
    assert_eq!(
        titles("en"),
        pairs(&[("en", "About this test"), ("en", "Sources")])
    );
    assert!(check_links(&site.out, "https://example.org/nav/") > 20);
}

/// A page's translations are checked: the language in a file's name must
/// be one of the site's, agree with its `lang`, and be the only text of
/// the page in that language; a file without one in its name says it.
#[test]
fn a_pages_languages_are_checked() {
    for (file, text, message) in [
        (
            "about.fr.md",
            "+++\ntitle = \"À propos\"\n+++\n\nTexte.\n",
            "content/pages/about.fr.md: `fr` in the file's name is not one of the site's languages",
        ),
        (
            "about.en.md",
            "+++\ntitle = \"About, again\"\n+++\n\nText.\n",
            "content/pages/about.en.md: page `about` has two texts in `en`",
        ),
        (
            "about.es.md",
            "+++\ntitle = \"Acerca\"\nlang = \"en\"\n+++\n\nTexto.\n",
            "content/pages/about.es.md:2: `lang = \"en\"` but the file's name says `es`",
        ),
        (
            "terms.md",
            "+++\ntitle = \"Terms\"\n+++\n\nText.\n",
            "content/pages/terms.md:2: missing field `lang`",
        ),
    ] {
        let dir = crate::support::fixture("render/navigation");
        std::fs::write(dir.path().join("content/pages").join(file), text).unwrap();
        let out = crate::support::accord(dir.path(), &["check"]);
        let err = crate::support::stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{file}: {err}");
        assert!(err.contains(message), "{file}: {err}");
    }
}
