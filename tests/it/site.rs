//! `accord build`: every page parsed; every link followed; languages
//! marked; nodes all rendered with their text; open data; determinism;
//! a failed build leaves `public/` as it was.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use accord::build::{build, Paths};
use scraper::{ElementRef, Html, Selector};

use crate::render::{shown, shown_in, shown_spans};
use crate::support::{accord, copy_dir, edit, fixture, root, stderr};

/// Builds `content` with the project's templates into a temporary folder.
pub fn build_into(content: &Path, out: &Path) {
    let paths = Paths {
        content: content.to_path_buf(),
        templates: root().join("templates"),
        statics: root().join("static"),
        out: out.to_path_buf(),
    };
    build(&paths, None).unwrap_or_else(|e| panic!("build failed: {e:?}"));
}

/// The real site, built once per test binary run.
pub fn real_site() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        build_into(&root().join("content"), &dir.path().join("public"));
        dir
    })
    .path()
}

/// Every file of a folder, by path relative to it.
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

pub fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

pub fn parse(bytes: &[u8]) -> Html {
    Html::parse_document(std::str::from_utf8(bytes).expect("pages are UTF-8"))
}

fn ids(html: &Html) -> HashSet<String> {
    html.select(&sel("[id]"))
        .filter_map(|e| e.value().attr("id").map(str::to_string))
        .collect()
}

/// Resolves a relative link from the page at `from` (site-relative).
fn resolve(from: &str, link: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in link.split('/') {
        match seg {
            ".." => {
                assert!(parts.pop().is_some(), "{link} from {from} leaves the site");
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Follows every internal link and fragment of every page of a built site.
pub fn check_links(public: &Path, base_url: &str) -> usize {
    let all = files(public);
    let pages: HashMap<&String, Html> = all
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p, parse(b)))
        .collect();
    let mut followed = 0;
    for (path, html) in &pages {
        assert!(
            html.errors.iter().all(|e| !e.contains("Unexpected token")),
            "{path}: {:?}",
            html.errors
        );
        for (selector, attr) in [
            ("a[href]", "href"),
            ("link[href]", "href"),
            ("script[src]", "src"),
            ("img[src]", "src"),
        ] {
            for el in html.select(&sel(selector)) {
                let link = el.value().attr(attr).unwrap();
                let rel = el.value().attr("rel").unwrap_or("");
                if link.starts_with("http://") || link.starts_with("https://") {
                    assert!(
                        el.value().name() == "link" && (rel == "canonical" || rel == "alternate"),
                        "{path}: external link {link}"
                    );
                    assert!(
                        link.starts_with(base_url),
                        "{path}: {link} is not on the site"
                    );
                    continue;
                }
                if path.as_str() == "404.html" {
                    assert!(
                        link.starts_with('/'),
                        "404.html is served at any depth: {link} must be root-absolute"
                    );
                    continue;
                }
                assert!(
                    !link.starts_with('/') && !link.starts_with("//"),
                    "{path}: root-absolute link {link}"
                );
                let (file, fragment) = link
                    .split_once('#')
                    .map_or((link, None), |(f, x)| (f, Some(x)));
                assert!(!file.ends_with('/'), "{path}: {link} must name its file");
                let target = if file.is_empty() {
                    path.to_string()
                } else {
                    resolve(path, file)
                };
                assert!(
                    all.contains_key(&target),
                    "{path}: {link} -> {target} does not exist"
                );
                if let Some(fragment) = fragment {
                    let target_ids = ids(&pages[&target]);
                    assert!(
                        target_ids.contains(fragment),
                        "{path}: {link}: no id `{fragment}` in {target}"
                    );
                }
                followed += 1;
            }
        }
    }
    followed
}

#[test]
fn every_internal_link_and_fragment_resolves() {
    let followed = check_links(
        &real_site().join("public"),
        "https://example.github.io/accord/",
    );
    assert!(followed > 2000, "only {followed} links followed");
}

#[test]
fn chinese_text_is_marked_zh_hans_everywhere() {
    let public = real_site().join("public");
    let han = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for (path, bytes) in files(&public).iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = parse(bytes);
        let body = html.select(&sel("body")).next().unwrap();
        for node in body.descendants() {
            let Some(text) = node.value().as_text() else {
                continue;
            };
            if !han(text) {
                continue;
            }
            let lang = node
                .ancestors()
                .filter_map(ElementRef::wrap)
                .find_map(|e| e.value().attr("lang"));
            assert_eq!(
                lang,
                Some("zh-Hans"),
                "{path}: Chinese text without lang=\"zh-Hans\": {}",
                text.trim()
            );
        }
        for cell in html.select(&sel(".cell")) {
            assert!(
                cell.value().attr("lang").is_some(),
                "{path}: a cell without lang"
            );
        }
    }
}

#[test]
fn every_node_is_rendered_with_its_text_in_every_view() {
    let public = real_site().join("public");
    let site = accord::check::load_site(&root().join("content")).unwrap();
    for (d, doc) in site.documents.iter().enumerate() {
        let mut views = vec![(
            format!("documents/{}/index.html", doc.id),
            doc.languages.clone(),
        )];
        if doc.languages.len() > 1 {
            views.extend(
                doc.languages
                    .iter()
                    .map(|l| (format!("documents/{}/{l}.html", doc.id), vec![l.clone()])),
            );
        }
        for (page, langs) in views {
            let html = parse(&std::fs::read(public.join(&page)).unwrap());
            let rendered: Vec<ElementRef> = html.select(&sel(".node[id]")).collect();
            assert_eq!(rendered.len(), doc.nodes.len(), "{page}: node count");
            for (i, el) in rendered.iter().enumerate() {
                let node = &doc.nodes[i];
                assert_eq!(
                    el.value().attr("id").unwrap(),
                    site.key(accord::model::NodeRef { doc: d, node: i })
                );
                let cells: Vec<ElementRef> = el.select(&sel(":scope > .cell")).collect();
                assert_eq!(
                    cells.len(),
                    langs.len(),
                    "{page} {}: one cell per column",
                    node.id
                );
                for (cell, lang) in cells.iter().zip(&langs) {
                    assert_eq!(cell.value().attr("lang"), Some(lang.as_str()));
                    let shown: String =
                        cell.text().collect::<String>().split_whitespace().collect();
                    for map in [&node.text, &node.heading, &node.label] {
                        if let Some(t) = map.get(lang) {
                            let want: String =
                                accord::render::text::plain(t).split_whitespace().collect();
                            assert!(
                                shown.contains(&want),
                                "{page} {} [{lang}]: `{want}` not shown",
                                node.id
                            );
                        }
                    }
                }
                assert_eq!(
                    el.select(&sel("a.anchor")).count(),
                    langs.len(),
                    "{page} {}: permalink ¶",
                    node.id
                );
            }
        }
    }
}

#[test]
fn one_language_document_has_one_column_and_a_note() {
    let public = real_site().join("public");
    let html = parse(
        &std::fs::read(public.join("documents/china-celac-action-plan-2022-2024/index.html"))
            .unwrap(),
    );
    assert_eq!(html.select(&sel("article.document.single")).count(), 1);
    assert_eq!(
        html.select(&sel(".cell[lang=\"zh-Hans\"]")).count(),
        0,
        "never an empty Chinese column"
    );
    let note = html
        .select(&sel(".one-language"))
        .next()
        .expect("a visible note");
    assert!(note.text().collect::<String>().contains("English"));
    assert!(!public
        .join("documents/china-celac-action-plan-2022-2024/zh-Hans.html")
        .exists());
}

#[test]
fn pages_have_lang_hreflang_views_and_data() {
    let public = real_site().join("public");
    let page = |p: &str| parse(&std::fs::read(public.join(p)).unwrap());
    let base = "https://example.github.io/accord/documents/china-lac-policy-paper-2025/";
    for (file, lang) in [
        ("index.html", "zh-Hans"),
        ("zh-Hans.html", "zh-Hans"),
        ("en.html", "en"),
    ] {
        let html = page(&format!("documents/china-lac-policy-paper-2025/{file}"));
        assert_eq!(
            html.select(&sel("html"))
                .next()
                .unwrap()
                .value()
                .attr("lang"),
            Some(lang),
            "{file}"
        );
        let alternates: Vec<(String, String)> = html
            .select(&sel("link[rel=alternate]"))
            .map(|e| {
                (
                    e.value().attr("hreflang").unwrap().to_string(),
                    e.value().attr("href").unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(
            alternates,
            [
                ("x-default".into(), base.into()),
                ("zh-Hans".into(), format!("{base}zh-Hans.html")),
                ("en".into(), format!("{base}en.html"))
            ]
        );
        assert_eq!(html.select(&sel("nav.views a[data-view]")).count(), 3);
        assert_eq!(
            html.select(&sel("nav.views a[aria-current=page]")).count(),
            1
        );
        let data = html
            .select(&sel("a.data"))
            .next()
            .unwrap()
            .value()
            .attr("href")
            .unwrap();
        assert_eq!(data, "../../data/china-lac-policy-paper-2025.json");
        assert!(
            html.select(&sel(".toc a")).count() >= 53,
            "{file}: table of contents"
        );
    }
    let json: serde_json::Value = serde_json::from_slice(
        &std::fs::read(public.join("data/china-lac-policy-paper-2025.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json["nodes"].as_array().unwrap().len(), 128);
    assert!(json["links"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["to"] == "china-lac-policy-paper-2025:part_3__prog_2__sec_4"));
    let crosswalk: serde_json::Value =
        serde_json::from_slice(&std::fs::read(public.join("data/crosswalk.json")).unwrap())
            .unwrap();
    assert_eq!(crosswalk.as_array().unwrap().len(), 202);
}

/// On every page of a document: each row's cross-links once, after its
/// cells, folded; targets named with whole headings, or by a text cut
/// only between words (a space or a Chinese character before the `…`).
#[test]
fn cross_links_are_shown_once_per_row_folded_with_whole_titles() {
    let public = real_site().join("public");
    let mut rows = 0;
    let mut cut = 0;
    for doc in [
        "china-celac-action-plan-2025-2027",
        "china-celac-action-plan-2022-2024",
        "china-lac-policy-paper-2025",
    ] {
        for page in ["index.html", "zh-Hans.html", "en.html"] {
            let path = public.join(format!("documents/{doc}/{page}"));
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let html = parse(&bytes);
            assert_eq!(html.select(&sel(".cell .refs, .cell .xrefs")).count(), 0);
            assert_eq!(html.select(&sel(".xrefs details[open]")).count(), 0);
            for row in html.select(&sel(".node")) {
                let x = row.select(&sel(":scope > .xrefs")).count();
                assert!(x <= 1, "{doc}/{page}: once per row");
                rows += x;
            }
            for h in html.select(&sel(".xrefs .heading")) {
                let t: String = h.text().collect();
                assert!(!t.is_empty(), "{doc}/{page}: a target is named");
                if let Some(head) = t.strip_suffix('…') {
                    cut += 1;
                    let before = head.chars().next_back().unwrap();
                    assert!(
                        before == ' ' || ('\u{3000}'..='\u{9fff}').contains(&before),
                        "{doc}/{page}: cut inside a word: {t}"
                    );
                }
            }
        }
    }
    assert!(rows > 300, "{rows} rows with links");
    assert!(cut > 0, "some long texts are cut, between words");
}

#[test]
fn cross_links_backlinks_and_notes_are_shown_in_the_readers_language() {
    let public = real_site().join("public");
    let plan = parse(
        &std::fs::read(public.join("documents/china-celac-action-plan-2025-2027/en.html")).unwrap(),
    );
    let finance = plan
        .select(&sel(
            "[id=\"china-celac-action-plan-2025-2027:art_2__sec_3\"]",
        ))
        .next()
        .unwrap();
    let related = finance
        .select(&sel(".refs.related a"))
        .map(|a| a.text().collect::<String>())
        .collect::<Vec<_>>();
    assert!(
        related.iter().any(|t| t.contains("Financial Cooperation")),
        "{related:?}"
    );
    let continues = finance
        .select(&sel(".refs.continues a"))
        .map(|a| a.text().collect::<String>())
        .collect::<Vec<_>>();
    assert!(
        continues
            .iter()
            .any(|t| t.contains("Joint Action Plan 2022-2024")
                && t.contains("II.2")
                && t.contains("Finance")),
        "{continues:?}"
    );
    let link = finance
        .select(&sel(".refs.related a"))
        .next()
        .unwrap()
        .value()
        .attr("href")
        .unwrap();
    assert!(
        link.starts_with("../../documents/china-lac-policy-paper-2025/en.html#"),
        "{link}"
    );

    let paper = parse(
        &std::fs::read(public.join("documents/china-lac-policy-paper-2025/zh-Hans.html")).unwrap(),
    );
    let section = paper
        .select(&sel(
            "[id=\"china-lac-policy-paper-2025:part_3__prog_2__sec_4\"]",
        ))
        .next()
        .unwrap();
    let back: Vec<String> = section
        .select(&sel(".refs.referenced_by li"))
        .map(|a| a.text().collect::<String>())
        .collect();
    assert!(
        back.iter().any(|t| t.contains("金融")),
        "backlink in Chinese: {back:?}"
    );

    let old = parse(
        &std::fs::read(public.join("documents/china-celac-action-plan-2022-2024/index.html"))
            .unwrap(),
    );
    let area = old
        .select(&sel(
            "[id=\"china-celac-action-plan-2022-2024:chp_2__area_2\"]",
        ))
        .next()
        .unwrap();
    assert!(
        area.select(&sel(".refs.continued_by a")).count() >= 1,
        "continued by …"
    );

    let caribbean = plan
        .select(&sel(
            "[id=\"china-celac-action-plan-2025-2027:art_4__sec_2__cl_1\"]",
        ))
        .next()
        .unwrap();
    let note = caribbean
        .select(&sel("aside.note"))
        .next()
        .expect("editorial note shown apart");
    assert!(note.text().collect::<String>().contains("Caribbean"));
    let official = caribbean
        .select(&sel("p.text"))
        .next()
        .unwrap()
        .text()
        .collect::<String>();
    assert!(
        official.contains("China-Canada (Lebi)"),
        "the official text is unchanged"
    );
}

#[test]
fn no_external_resources_anywhere() {
    let public = real_site().join("public");
    for (path, bytes) in files(&public) {
        let text = String::from_utf8_lossy(&bytes);
        if path.ends_with(".css") {
            assert!(
                !text.contains("@import") && !text.contains("url(http") && !text.contains("url(//"),
                "{path}"
            );
        }
        if path.ends_with(".js") {
            // Pagefind parses URLs against `https://example.com`, which is
            // never requested; no other absolute URL may appear.
            for (at, _) in text.match_indices("http") {
                let url: String = text[at..]
                    .chars()
                    .take_while(|c| !matches!(c, '"' | '\'' | '`' | ')' | ' ' | '$' | '{'))
                    .collect();
                if url.starts_with("http://") || url.starts_with("https://") {
                    assert!(
                        path.starts_with("pagefind/") && url == "https://example.com",
                        "{path}: {url}"
                    );
                }
            }
        }
        if path.ends_with(".html") {
            let html = parse(&bytes);
            for el in html.select(&sel(
                "script[src], img[src], iframe, link[rel=stylesheet], link[rel=icon]",
            )) {
                let url = el
                    .value()
                    .attr("src")
                    .or(el.value().attr("href"))
                    .unwrap_or("");
                assert!(
                    !url.contains("://") && !url.starts_with("//"),
                    "{path}: {url}"
                );
            }
        }
    }
}

/// The number of topics of the real content/topics.toml.
fn real_topics() -> usize {
    let text = std::fs::read_to_string(root().join("content/topics.toml")).unwrap();
    let file: toml::Value = toml::from_str(&text).unwrap();
    file["topic"].as_array().unwrap().len()
}

#[test]
fn home_404_sitemap_favicon() {
    let public = real_site().join("public");
    let home = parse(&std::fs::read(public.join("index.html")).unwrap());
    let cards: Vec<String> = home
        .select(&sel(".card h3 a"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .filter(|href| {
            !href.starts_with("briefings/")
                && !href.starts_with("compare/")
                && !href.starts_with("commitments/")
                && !href.starts_with("topics/")
        })
        .collect();
    assert_eq!(cards.len(), 3);
    assert!(cards
        .iter()
        .all(|c| c.starts_with("documents/") && c.ends_with("/index.html")));
    assert_eq!(
        home.select(&sel(".group h2")).count(),
        7,
        "action plans, policy papers, editions compared, commitments with figures, topics, briefings, pages"
    );
    let not_found = std::fs::read_to_string(public.join("404.html")).unwrap();
    assert!(
        not_found.contains("href=\"/accord/static/style.css\"")
            && not_found.contains("href=\"/accord/index.html\"")
    );
    let sitemap = std::fs::read_to_string(public.join("sitemap.xml")).unwrap();
    // One more with the commitments page of the action plans, and the
    // topic index and a page per topic of content/topics.toml.
    assert_eq!(sitemap.matches("<loc>").count(), 16 + 1 + real_topics());
    assert!(sitemap.contains("<loc>https://example.github.io/accord/topics/</loc>"));
    assert!(sitemap.contains(
        "<loc>https://example.github.io/accord/commitments/china-celac-action-plan.html</loc>"
    ));
    assert!(sitemap.contains("<loc>https://example.github.io/accord/documents/china-celac-action-plan-2025-2027/en.html</loc>"));
    assert!(public.join("static/favicon.svg").is_file());
}

#[test]
fn data_format_page_shows_real_content_and_highlighted_code() {
    let public = real_site().join("public");
    let page = std::fs::read_to_string(public.join("pages/data-format.html")).unwrap();
    assert!(page.contains("<pre class=\"hl\" tabindex=\"0\"><code class=\"language-toml\">"));
    assert!(page.contains("static/highlight.css"));
    // In English and in Chinese, the same examples.
    let mut blocks = 0;
    for file in ["data-format.md", "data-format.zh-Hans.md"] {
        let md = std::fs::read_to_string(root().join("content/pages").join(file)).unwrap();
        for block in md.split("```toml\n").skip(1) {
            let block = block.split("```").next().unwrap();
            let (first, body) = block.split_once('\n').unwrap();
            let file = first.trim_start_matches("# ").trim();
            let source = std::fs::read_to_string(root().join(file)).unwrap();
            for part in body.trim_end().split("\n\n") {
                assert!(
                    source.contains(part),
                    "the example from {file} is not in it word for word:\n{part}"
                );
            }
            blocks += 1;
        }
    }
    assert_eq!(blocks, 6);
}

/// The site's pages, each in Chinese (the site's first language, their
/// default) and in English: one HTML file each, the text of each
/// interface language its own.
#[test]
fn the_pages_are_in_every_site_language() {
    let public = real_site().join("public");
    for (page, zh, en) in [
        ("about", "关于本站文件", "About these documents"),
        ("how-to-cite", "如何引用", "How to cite"),
        ("data-format", "数据格式", "The data format"),
    ] {
        let html = parse(&std::fs::read(public.join(format!("pages/{page}.html"))).unwrap());
        assert_eq!(html.root_element().value().attr("data-ui"), Some("zh-Hans"));
        let articles: Vec<(String, String, String)> = html
            .select(&sel("main > article.page"))
            .map(|a| {
                let h1: String = a.select(&sel("h1")).next().unwrap().text().collect();
                let uis: Vec<&str> = ["zh-Hans", "en"]
                    .into_iter()
                    .filter(|ui| shown_in(a, ui))
                    .collect();
                (
                    a.value().attr("lang").unwrap().to_string(),
                    uis.join(" "),
                    h1,
                )
            })
            .collect();
        let row = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
        assert_eq!(
            articles,
            [row("zh-Hans", "zh-Hans", zh), row("en", "en", en)],
            "{page}"
        );
    }
}

#[test]
fn the_same_content_builds_byte_identical() {
    let a = tempfile::tempdir().unwrap();
    build_into(&root().join("content"), &a.path().join("public"));
    let first = files(&a.path().join("public"));
    assert_eq!(first, files(&real_site().join("public")));
}

#[test]
fn a_broken_crosswalk_fails_and_leaves_public_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("content"), &dir.path().join("content"));
    copy_dir(&root().join("templates"), &dir.path().join("templates"));
    copy_dir(&root().join("static"), &dir.path().join("static"));
    let ok = accord(dir.path(), &["build"]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    // 17 pages, and the topic index and a page per topic.
    let pages = 17 + 1 + real_topics();
    assert!(crate::support::stdout(&ok).starts_with(&format!(
        "built 3 documents, 406 nodes, 202 cross-links: {pages} pages, "
    )));
    let before = files(&dir.path().join("public"));
    edit(&dir.path().join("content/crosswalk.toml"), "to = \"china-lac-policy-paper-2025:part_3__prog_2__sec_4\"\nrelation = \"related\"\n\n[[link]]\nfrom = \"china-celac-action-plan-2025-2027:art_2__sec_3\"\nto = \"china-celac-action-plan-2022-2024:chp_2__area_2\"", "to = \"china-lac-policy-paper-2025:part_3__prog_2__sec_99\"\nrelation = \"related\"\n\n[[link]]\nfrom = \"china-celac-action-plan-2025-2027:art_2__sec_3\"\nto = \"china-celac-action-plan-2022-2024:chp_2__area_2\"");
    let bad = accord(dir.path(), &["build"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad)
            .contains("`china-lac-policy-paper-2025:part_3__prog_2__sec_99` does not exist"),
        "{}",
        stderr(&bad)
    );
    assert_eq!(
        files(&dir.path().join("public")),
        before,
        "public/ changed after a failed build"
    );
    let leftovers: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".public")
        })
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// A site language the theme has no strings for gets English ones, in
/// `t`, in `ui` and in the site's header and footer: the build does not
/// fail. (A site's strings.toml is merged over the theme's per key, so
/// the language is one the theme lacks: a third one, Portuguese.) The build
/// warns about it.
#[test]
fn a_language_without_interface_strings_falls_back_to_english() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("content"), &dir.path().join("content"));
    // Briefings need a title and topics a name in every site language:
    // none here.
    std::fs::remove_dir_all(dir.path().join("content/briefings")).unwrap();
    std::fs::remove_file(dir.path().join("content/topics.toml")).unwrap();
    let site = dir.path().join("content/site.toml");
    let toml = std::fs::read_to_string(&site).unwrap();
    let toml = toml.replace("\ntitle.en = ", "\ntitle.pt = \"Documentos\"\ntitle.en = ");
    let toml = toml + "\n[[language]]\ncode = \"pt\"\nname = \"Português\"\n";
    std::fs::write(&site, toml).unwrap();
    let text = std::fs::read_to_string(root().join("templates/strings.toml")).unwrap();
    assert!(
        !text.contains("[pt]"),
        "the theme has no Portuguese strings"
    );
    let out = accord(dir.path(), &["build", "--no-search"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).starts_with("warning: templates/strings.toml: no interface strings in `pt`: the interface of its pages is in English\n"),
        "{}",
        stderr(&out)
    );
    let home = parse(&std::fs::read(dir.path().join("public/index.html")).unwrap());
    // The footer of the Portuguese interface is the English one, marked
    // as English.
    let footer: Vec<(String, String)> = home
        .select(&sel("footer.site"))
        .flat_map(|f| shown_spans(f, "pt"))
        .collect();
    let english = |key: &str| {
        text[text.find("[en]").unwrap()..]
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{key} = ")))
            .unwrap()
            .trim_matches('"')
            .to_string()
    };
    assert_eq!(footer, [("en".to_string(), english("footer"))]);
    let pages_heading: String = home
        .select(&sel("section.group h2 span[lang=pt]"))
        .next_back()
        .unwrap()
        .text()
        .collect();
    assert_eq!(pages_heading, english("pages"));
}

#[test]
fn fixture_site_builds_and_links_resolve() {
    let dir = fixture("site");
    let out = dir.path().join("public");
    build_into(&dir.path().join("content"), &out);
    assert!(check_links(&out, "https://example.org/") > 50);
    let plan = parse(&std::fs::read(out.join("documents/plan-2024-2026/index.html")).unwrap());
    assert_eq!(plan.select(&sel(".node[id]")).count(), 3);
    assert_eq!(plan.select(&sel(".cell")).count(), 6);
    assert!(!out.join("pages").exists(), "no pages in the fixture");
}

#[test]
fn every_page_has_a_content_security_policy_and_no_inline_code() {
    let public = real_site().join("public");
    for (path, bytes) in files(&public).iter().filter(|(p, _)| p.ends_with(".html")) {
        let html = parse(bytes);
        let csp: Vec<&str> = html
            .select(&sel("meta[http-equiv=Content-Security-Policy]"))
            .filter_map(|m| m.value().attr("content"))
            .collect();
        assert_eq!(csp.len(), 1, "{path}: one CSP meta");
        for must in ["default-src 'none'", "style-src 'self'"] {
            assert!(csp[0].contains(must), "{path}: {must}");
        }
        assert!(!csp[0].contains("unsafe-inline"), "{path}");
        // One inline script at most (the interface language's, before the
        // first paint: templates/ui_script.html), allowed by its hash.
        let inline: Vec<String> = html
            .select(&sel("script:not([src])"))
            .map(|s| s.text().collect())
            .collect();
        assert!(inline.len() <= 1, "{path}: {} inline scripts", inline.len());
        let hashes: Vec<String> = inline.iter().map(|s| format!("'{}'", sha256(s))).collect();
        let allowed: Vec<String> = std::iter::once("'self'".to_string())
            .chain(hashes)
            .chain(["'wasm-unsafe-eval'".to_string()])
            .collect();
        assert!(
            csp[0].contains(&format!("script-src {};", allowed.join(" "))),
            "{path}: {}",
            csp[0]
        );
        assert_eq!(
            html.select(&sel("style, [style]")).count(),
            0,
            "{path}: inline style"
        );
        for el in html.select(&sel("*")) {
            assert!(
                el.value().attrs().all(|(k, _)| !k.starts_with("on")),
                "{path}: event handler attribute on <{}>",
                el.value().name()
            );
        }
    }
}

/// The source of an inline script in a Content-Security-Policy.
fn sha256(script: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha256::digest(script.as_bytes());
    let b64 = base64::engine::general_purpose::STANDARD.encode(digest);
    format!("sha256-{b64}")
}

/// The provenance of the three published documents, as their sources
/// give it (../shared/sources; content/imports.toml says where): the
/// 2025-2027 plan's date, place and parties (its lines 6-7), the policy
/// paper's issuer (its preface; the source gives no date or place), the
/// 2022-2024 plan's date and parties (its lines 9 and 11; the meeting was
/// virtual: no place). No source gives an official address, so no page
/// links to one.
#[test]
fn the_real_documents_show_their_provenance() {
    let public = real_site().join("public");
    // As shown in the interface language `ui`, by default the page's own:
    // the term, the language(s) of the value ("-": none of its own) and
    // the value.
    let rows_in = |page: &str, ui: Option<&str>| -> Vec<(String, String, String)> {
        let html = parse(&std::fs::read(public.join(page)).unwrap());
        let ui = ui.unwrap_or_else(|| html.root_element().value().attr("data-ui").unwrap());
        html.select(&sel(".doc-head dl.provenance > div"))
            .map(|row| {
                let one = |css: &str| row.select(&sel(css)).next().unwrap();
                let mut langs: Vec<String> = shown_spans(one("dd"), ui)
                    .into_iter()
                    .map(|(l, _)| l)
                    .collect();
                langs.dedup();
                let lang = if langs.is_empty() {
                    "-".to_string()
                } else {
                    langs.join(" ")
                };
                (shown(one("dt"), ui), lang, shown(one("dd"), ui))
            })
            .collect()
    };
    let rows = |page: &str| rows_in(page, None);
    let r = |dt: &str, lang: &str, dd: &str| (dt.to_string(), lang.to_string(), dd.to_string());
    let plan = "documents/china-celac-action-plan-2025-2027";
    assert_eq!(
        rows(&format!("{plan}/index.html")),
        [
            r("日期", "zh-Hans", "2025年5月13日"),
            r("地点", "zh-Hans", "北京"),
            r("发布方", "zh-Hans", "中华人民共和国与拉共体成员国"),
            r("版本", "-", "2025-2027"),
            r("导入自", "-", "china-celac-action-plan-2025-2027.zh-en.txt"),
        ]
    );
    assert_eq!(
        rows(&format!("{plan}/en.html")),
        [
            r("Date", "en", "13 May 2025"),
            r("Place", "en", "Beijing"),
            r(
                "Issued by",
                "en",
                "People’s Republic of China and the member states of CELAC"
            ),
            r("Edition", "-", "2025-2027"),
            r(
                "Imported from",
                "-",
                "china-celac-action-plan-2025-2027.zh-en.txt"
            ),
        ]
    );
    // The parallel page with an English interface says the same.
    assert_eq!(
        rows_in(&format!("{plan}/index.html"), Some("en")),
        rows(&format!("{plan}/en.html"))
    );
    let paper = "documents/china-lac-policy-paper-2025";
    assert_eq!(
        rows(&format!("{paper}/zh-Hans.html")),
        [
            r("发布方", "zh-Hans", "中国政府"),
            r("导入自", "-", "china-lac-policy-paper-2025.zh-en.txt"),
        ]
    );
    assert_eq!(
        rows(&format!("{paper}/en.html")),
        [
            r("Issued by", "en", "Chinese government"),
            r(
                "Imported from",
                "-",
                "china-lac-policy-paper-2025.zh-en.txt"
            ),
        ]
    );
    assert_eq!(
        rows("documents/china-celac-action-plan-2022-2024/index.html"),
        [
            r("Date", "en", "3 December 2021"),
            r(
                "Issued by",
                "en",
                "People's Republic of China and the CELAC Member States"
            ),
            r("Edition", "-", "2022-2024"),
            r(
                "Imported from",
                "-",
                "china-celac-action-plan-2022-2024.en.md"
            ),
        ]
    );
    // The home page: the 2022-2024 plan under its own English title, its
    // Chinese title after it and marked as a translation.
    let home = parse(&std::fs::read(public.join("index.html")).unwrap());
    let card = home
        .select(&sel("li.card"))
        .find(|c| {
            c.select(&sel("h3 a")).next().unwrap().value().attr("href")
                == Some("documents/china-celac-action-plan-2022-2024/index.html")
        })
        .unwrap();
    let titles: Vec<(String, bool)> = card
        .select(&sel("h3 .title"))
        .map(|t| {
            (
                t.value().attr("lang").unwrap().to_string(),
                t.select(&sel(".translated-mark")).next().is_some(),
            )
        })
        .collect();
    assert_eq!(
        titles,
        [("en".to_string(), false), ("zh-Hans".to_string(), true)]
    );
    assert_eq!(home.select(&sel(".translated-mark")).count(), 1);
    // The descriptions.
    let description = |page: &str| {
        let html = parse(&std::fs::read(public.join(page)).unwrap());
        let m = html.select(&sel("meta[name=\"description\"]")).next();
        m.and_then(|m| m.value().attr("content"))
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(
        description(&format!("{plan}/en.html")),
        "China-CELAC Joint Action Plan for Cooperation in Key Areas (2025-2027). Adopted on 13 May 2025 in Beijing. Text in Chinese, English."
    );
    assert_eq!(
        description(&format!("{paper}/zh-Hans.html")),
        "中国对拉丁美洲和加勒比政策文件。中文、英文文本。"
    );
    assert_eq!(
        description("index.html"),
        "中国—拉共体共同行动计划与中国对拉丁美洲和加勒比政策文件，中英文对照，逐条引用。"
    );
    for (path, bytes) in files(&public) {
        if path.ends_with(".html") && !path.starts_with("pagefind/") {
            let html = parse(&bytes);
            assert_eq!(
                html.select(&sel("head meta[name=\"description\"]")).count(),
                1,
                "{path}"
            );
            assert!(
                html.select(&sel(".provenance .official")).next().is_none(),
                "{path}"
            );
        }
    }
}
