//! The home page and the sitemap (fixture `render/home`): a card per
//! document with its titles, edition, date, languages, size and views; the
//! pages; the sitemap at the site's `base_url`, or at `--base-url`.

use super::{all, attr, build, one, shown_spans, spans, text_of};
use crate::support::{accord, fixture, stderr};

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    super::owned(p)
}

/// The `<loc>`s of a sitemap, sorted.
fn locs(xml: &str) -> Vec<String> {
    let mut locs: Vec<String> = xml
        .split("<loc>")
        .skip(1)
        .map(|s| s.split("</loc>").next().unwrap().to_string())
        .collect();
    locs.sort();
    locs
}

#[test]
fn the_home_page_has_a_card_per_document_by_kind() {
    let site = build("home");
    let html = site.page("index.html");
    let root = html.root_element();
    assert_eq!(attr(root, "lang"), "zh-Hans");
    assert_eq!(
        spans(one(root, ".home-head h1"), ".title"),
        pairs(&[("zh-Hans", "首页测试"), ("en", "Home test")])
    );
    let mut intro = spans(root, ".home-head p.intro");
    intro.sort();
    assert_eq!(
        intro,
        pairs(&[("en", "Two small documents."), ("zh-Hans", "两份小文件。")])
    );
    let groups = all(root, "section.group");
    let captions: Vec<Vec<(String, String)>> =
        groups.iter().map(|g| spans(*g, "h2 span")).collect();
    assert_eq!(
        captions,
        [
            pairs(&[("zh-Hans", "共同行动计划"), ("en", "Joint Action Plans")]),
            pairs(&[("zh-Hans", "政策文件"), ("en", "Policy Papers")]),
            pairs(&[("zh-Hans", "页面"), ("en", "Pages")]),
        ]
    );

    let plan = one(groups[0], "li.card");
    assert_eq!(
        attr(one(plan, "h3 a"), "href"),
        "documents/bridge-plan/index.html"
    );
    assert_eq!(
        spans(plan, "h3 .title"),
        pairs(&[("zh-Hans", "桥梁行动计划"), ("en", "Bridge Action Plan")])
    );
    assert_eq!(text_of(one(plan, ".meta .edition")), "2025-2027");
    let date = one(plan, ".meta time");
    assert_eq!(
        (attr(date, "datetime"), text_of(date).as_str()),
        ("2025-09-01", "2025-09-01")
    );
    assert_eq!(
        spans(plan, ".meta .lang"),
        pairs(&[("zh-Hans", "中文"), ("en", "English")])
    );
    assert_eq!(
        spans(plan, ".size span"),
        pairs(&[("zh-Hans", "2 个可引用条目"), ("en", "2 citable units")])
    );
    let views: Vec<(&str, &str, String)> = all(plan, ".views a")
        .into_iter()
        .map(|a| (attr(a, "href"), attr(a, "lang"), text_of(a)))
        .collect();
    assert_eq!(
        views,
        [
            (
                "documents/bridge-plan/zh-Hans.html",
                "zh-Hans",
                "中文".to_string()
            ),
            ("documents/bridge-plan/en.html", "en", "English".to_string()),
        ]
    );

    let paper = one(groups[1], "li.card");
    assert_eq!(
        attr(one(paper, "h3 a"), "href"),
        "documents/road-paper/index.html"
    );
    assert_eq!(spans(paper, "h3 .title"), pairs(&[("en", "Road Paper")]));
    assert!(all(paper, ".meta .edition, .meta time").is_empty());
    assert_eq!(spans(paper, ".meta .lang"), pairs(&[("en", "English")]));
    assert_eq!(
        spans(paper, ".size span[lang=\"zh-Hans\"]"),
        pairs(&[("zh-Hans", "1 个可引用条目")])
    );
    assert!(all(paper, ".views").is_empty(), "one language, one page");

    // A page in English only is named in English in every interface.
    for ui in ["zh-Hans", "en"] {
        let pages: Vec<(&str, Vec<(String, String)>)> = all(groups[2], "li")
            .into_iter()
            .map(|li| {
                let a = one(li, "a");
                (attr(a, "href"), shown_spans(a, ui))
            })
            .collect();
        assert_eq!(
            pages,
            [("pages/about.html", pairs(&[("en", "About this test")]))],
            "{ui} interface"
        );
    }
}

#[test]
fn a_count_of_one_is_singular_in_english() {
    let site = build("home");
    let html = site.page("index.html");
    let paper = all(html.root_element(), "li.card")
        .into_iter()
        .find(|c| attr(one(*c, "h3 a"), "href") == "documents/road-paper/index.html")
        .unwrap();
    assert_eq!(
        text_of(one(paper, ".size span[lang=\"en\"]")),
        "1 citable unit"
    );
}

#[test]
fn the_sitemap_lists_every_page_at_the_sites_base_url() {
    let site = build("home");
    let xml = site.read("sitemap.xml");
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
    assert_eq!(
        locs(&xml),
        [
            "https://example.org/docs/",
            "https://example.org/docs/documents/bridge-plan/",
            "https://example.org/docs/documents/bridge-plan/en.html",
            "https://example.org/docs/documents/bridge-plan/zh-Hans.html",
            "https://example.org/docs/documents/road-paper/",
            "https://example.org/docs/pages/about.html",
        ]
    );
}

#[test]
fn base_url_given_to_build_overrides_site_toml() {
    let dir = fixture("render/home");
    let o = accord(
        dir.path(),
        &[
            "build",
            "--no-search",
            "--base-url",
            "https://mirror.example.net/x/",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let public = dir.path().join("public");
    let read = |p: &str| std::fs::read_to_string(public.join(p)).unwrap();
    assert_eq!(
        locs(&read("sitemap.xml")),
        [
            "https://mirror.example.net/x/",
            "https://mirror.example.net/x/documents/bridge-plan/",
            "https://mirror.example.net/x/documents/bridge-plan/en.html",
            "https://mirror.example.net/x/documents/bridge-plan/zh-Hans.html",
            "https://mirror.example.net/x/documents/road-paper/",
            "https://mirror.example.net/x/pages/about.html",
        ]
    );
    let home = crate::site::parse(read("index.html").as_bytes());
    assert_eq!(
        attr(one(home.root_element(), "link[rel=canonical]"), "href"),
        "https://mirror.example.net/x/"
    );
    let plan = crate::site::parse(read("documents/bridge-plan/en.html").as_bytes());
    let alternates: Vec<(&str, &str)> = all(plan.root_element(), "link[rel=alternate]")
        .into_iter()
        .map(|l| (attr(l, "hreflang"), attr(l, "href")))
        .collect();
    assert_eq!(
        alternates,
        [
            (
                "x-default",
                "https://mirror.example.net/x/documents/bridge-plan/"
            ),
            (
                "zh-Hans",
                "https://mirror.example.net/x/documents/bridge-plan/zh-Hans.html"
            ),
            (
                "en",
                "https://mirror.example.net/x/documents/bridge-plan/en.html"
            ),
        ]
    );
    // 404.html is served at any depth: its links start at the base path.
    let not_found = read("404.html");
    assert!(
        not_found.contains("href=\"/x/static/style.css\""),
        "{not_found}"
    );
    for (path, bytes) in crate::site::files(&public) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("example.org/docs"),
            "{path} still names site.toml's base_url"
        );
    }
}
