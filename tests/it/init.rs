//! `accord init`, the default theme embedded in the binary, a site's own
//! templates, static files and strings over it, `accord theme --eject`,
//! and `--root`.

use std::path::{Path, PathBuf};

use crate::site::{check_links, files, parse, sel};
use crate::support::{accord, root, stderr, stdout};

const PLAN: &str = "example-action-plan-2026-2028";

/// A temporary folder with a starter site in `site/`, made by `accord init site`.
fn starter() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let o = accord(dir.path(), &["init", "site"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("wrote site/content/site.toml\n"),
        "{}",
        stdout(&o)
    );
    let site = dir.path().join("site");
    (dir, site)
}

/// Builds the site in `site` (cwd) without the search index; its public/.
fn build(site: &Path) -> PathBuf {
    let o = accord(site, &["build", "--no-search"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    site.join("public")
}

fn text(html: &scraper::Html, selector: &str) -> Vec<String> {
    let selector = sel(selector);
    let texts = html.select(&selector).map(|e| e.text().collect::<String>());
    texts.map(|t| t.trim().to_string()).collect()
}

#[test]
fn a_starter_site_builds_with_the_embedded_theme_from_its_root() {
    let (dir, site) = starter();
    for theme_dir in ["templates", "static"] {
        assert!(!site.join(theme_dir).exists(), "init wrote {theme_dir}/");
    }
    let check = accord(&site, &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    assert!(stdout(&check).starts_with("ok: 2 documents, 12 nodes, 1 cross-link"));
    // The full build (with the search index) from inside the site...
    let o = accord(&site, &["build"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let public = site.join("public");
    assert!(check_links(&public, "https://example.org/") > 40);
    assert!(public.join("pagefind/pagefind.js").is_file());
    for file in ["static/style.css", "static/accord.js", "static/favicon.svg"] {
        let embedded = std::fs::read(root().join(file)).unwrap();
        assert_eq!(
            std::fs::read(public.join(file)).unwrap(),
            embedded,
            "{file}"
        );
    }
    // ...and with --root from its parent give the same site.
    let o = accord(dir.path(), &["build", "--root", "site", "--out", "again"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(files(&dir.path().join("again")), files(&public));

    let home = parse(&std::fs::read(public.join("index.html")).unwrap());
    let href = format!("documents/{PLAN}/index.html");
    let card = text(
        &home,
        &format!(".card h3 a[href=\"{href}\"] .title[lang=en]"),
    );
    assert_eq!(
        card,
        ["Example Joint Action Plan for Cooperation (2026-2028)"]
    );
    assert_eq!(
        text(&home, ".pagelist a[href=\"pages/about.html\"]"),
        ["About this site"]
    );

    // Each clause of the document, in both languages, as the TOML has it.
    let toml_text = std::fs::read_to_string(site.join(format!("content/documents/{PLAN}.toml")));
    let doc: toml::Value = toml::from_str(&toml_text.unwrap()).unwrap();
    let page = parse(&std::fs::read(public.join(&href)).unwrap());
    let mut clauses = 0;
    for node in doc["node"].as_array().unwrap() {
        if node["kind"].as_str() != Some("clause") {
            continue;
        }
        clauses += 1;
        let id = format!("{PLAN}:{}", node["id"].as_str().unwrap());
        for lang in ["zh-Hans", "en"] {
            let cell = format!(".node[id=\"{id}\"] > .cell[lang=\"{lang}\"] p.text");
            let shown = text(&page, &cell);
            let want = node["text"][lang].as_str().unwrap();
            assert_eq!(shown.len(), 1, "{id} {lang}: {shown:?}");
            assert!(shown[0].contains(want), "{id} {lang}: {shown:?}");
        }
    }
    assert_eq!(clauses, 4);
}

#[test]
fn a_site_template_replaces_the_embedded_one_of_that_name_only() {
    let (_dir, site) = starter();
    let before = files(&build(&site));
    let embedded = std::fs::read_to_string(root().join("templates/page.html")).unwrap();
    let mine = embedded.replace("<h1>", "<p class=\"overridden\">my theme</p>\n<h1>");
    assert_ne!(mine, embedded, "page.html has an <h1> to mark");
    std::fs::create_dir_all(site.join("templates")).unwrap();
    std::fs::write(site.join("templates/page.html"), mine).unwrap();
    let after = files(&build(&site));
    let about = parse(&after["pages/about.html"]);
    assert_eq!(text(&about, "article.page > p.overridden"), ["my theme"]);
    assert_eq!(text(&about, "article.page > h1"), ["About this site"]);
    let changed: Vec<&String> = after
        .keys()
        .filter(|p| after.get(*p) != before.get(*p))
        .collect();
    assert_eq!(
        changed,
        ["pages/about.html"],
        "only the page's template was replaced"
    );
    assert_eq!(after.len(), before.len());
}

#[test]
fn a_site_node_partial_changes_every_node_of_every_document_page() {
    let (_dir, site) = starter();
    let before = files(&build(&site));
    let embedded = std::fs::read_to_string(root().join("templates/node.html")).unwrap();
    // A mark in each cell, after the node's own markup.
    let mine = embedded.replace(
        "<div class=\"cell\" lang=\"{{ c.lang }}\">\n",
        "<div class=\"cell\" lang=\"{{ c.lang }}\">\n<p class=\"mark\">{{ n.key }} {{ c.lang }}</p>\n",
    );
    assert_ne!(mine, embedded, "node.html has a cell to mark");
    std::fs::create_dir_all(site.join("templates")).unwrap();
    std::fs::write(site.join("templates/node.html"), mine).unwrap();
    let after = files(&build(&site));
    let mut pages = 0;
    for (path, bytes) in &after {
        if !path.starts_with("documents/") || !path.ends_with(".html") {
            assert_eq!(Some(bytes), before.get(path), "{path} changed");
            continue;
        }
        pages += 1;
        let page = parse(bytes);
        let cells: Vec<(String, String)> = page
            .select(&sel(".node > .cell"))
            .map(|cell| {
                let node = cell.parent().and_then(scraper::ElementRef::wrap).unwrap();
                let key = node.value().attr("id").unwrap().to_string();
                let lang = cell.value().attr("lang").unwrap().to_string();
                (key, lang)
            })
            .collect();
        let marks: Vec<(String, String)> = page
            .select(&sel(".node > .cell > p.mark:first-child"))
            .map(|p| {
                let t = p.text().collect::<String>();
                let (key, lang) = t.split_once(' ').unwrap();
                (key.to_string(), lang.to_string())
            })
            .collect();
        assert!(!cells.is_empty(), "{path} has no node");
        assert_eq!(
            marks, cells,
            "{path}: every cell, with its node and language"
        );
    }
    // The parallel view and the two one-language views of each document.
    assert_eq!(pages, 6);
}

#[test]
fn a_site_static_file_replaces_or_adds_to_the_embedded_ones() {
    let (_dir, site) = starter();
    std::fs::create_dir_all(site.join("static/img")).unwrap();
    std::fs::write(site.join("static/style.css"), "body { color: teal }\n").unwrap();
    std::fs::write(site.join("static/img/seal.svg"), "<svg/>").unwrap();
    let public = build(&site);
    assert_eq!(
        std::fs::read_to_string(public.join("static/style.css")).unwrap(),
        "body { color: teal }\n"
    );
    assert_eq!(
        std::fs::read(public.join("static/img/seal.svg")).unwrap(),
        b"<svg/>"
    );
    let script = std::fs::read(root().join("static/accord.js")).unwrap();
    assert_eq!(
        std::fs::read(public.join("static/accord.js")).unwrap(),
        script
    );
}

#[test]
fn site_strings_are_merged_over_the_embedded_ones_per_key() {
    let (_dir, site) = starter();
    std::fs::create_dir_all(site.join("templates")).unwrap();
    let strings = "[en]\nfooter = \"Published by the example library.\"\n";
    std::fs::write(site.join("templates/strings.toml"), strings).unwrap();
    let public = build(&site);
    let home = parse(&std::fs::read(public.join("index.html")).unwrap());
    let footer = text(&home, "footer.site p");
    assert_eq!(
        footer,
        [
            "官方文本照录原文；编者注另行标出。",
            "Published by the example library."
        ]
    );
    // Keys the site leaves alone keep the embedded text, in both languages.
    let headings = text(&home, "section.group h2 span[lang=en]");
    assert_eq!(
        headings,
        [
            "Joint Action Plans",
            "Policy Papers",
            "Commitments with figures",
            "Pages"
        ]
    );
    assert_eq!(
        text(&home, "section.group h2 span[lang=zh-Hans]")
            .last()
            .unwrap(),
        "页面"
    );
}

#[test]
fn an_ejected_theme_builds_the_same_site_byte_for_byte() {
    let (_dir, site) = starter();
    let before = files(&build(&site));
    let o = accord(&site, &["theme", "--eject"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let report = stdout(&o);
    let written: Vec<&str> = report
        .lines()
        .map(|l| l.strip_prefix("wrote ").unwrap())
        .collect();
    for file in [
        "templates/base.html",
        "templates/page.html",
        "templates/strings.toml",
        "static/style.css",
    ] {
        assert!(written.contains(&file), "{written:?}");
    }
    for file in &written {
        let ejected = std::fs::read(site.join(file)).unwrap();
        assert_eq!(ejected, std::fs::read(root().join(file)).unwrap(), "{file}");
    }
    let listed = stdout(&accord(&site, &["theme"]));
    assert!(
        listed.contains("templates/page.html") && !listed.contains("default theme\n"),
        "{listed}"
    );
    assert_eq!(files(&build(&site)), before);

    // A second eject replaces nothing without --force.
    std::fs::write(
        site.join("templates/page.html"),
        "{% extends \"base.html\" %}",
    )
    .unwrap();
    let again = accord(&site, &["theme", "--eject"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("already has templates/404.html, "),
        "{}",
        stderr(&again)
    );
    assert!(
        stderr(&again).contains("nothing written; pass --force"),
        "{}",
        stderr(&again)
    );
    let page = std::fs::read_to_string(site.join("templates/page.html")).unwrap();
    assert_eq!(page, "{% extends \"base.html\" %}");
    let forced = accord(&site, &["theme", "--eject", "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    assert_eq!(files(&build(&site)), before);
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "mine").unwrap();
    let o = accord(dir.path(), &["init"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: the current folder is not empty: accord init writes a new site into an empty \
         or new folder; name another one, or pass --force to write the starter files into it \
         (files of the same names are replaced)\n"
    );
    assert!(!dir.path().join("content").exists());
    let o = accord(dir.path(), &["init", "--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("wrote content/site.toml\n"),
        "{}",
        stdout(&o)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        "mine"
    );
    build(dir.path());
}

#[test]
fn check_reports_what_build_refuses_in_the_theme() {
    let (_dir, site) = starter();
    std::fs::create_dir_all(site.join("templates")).unwrap();
    // A template that parses, but fails on every document page it renders.
    let embedded = std::fs::read_to_string(root().join("templates/node.html")).unwrap();
    std::fs::write(
        site.join("templates/node.html"),
        embedded.replace("{{ n.key }}", "{{ n.no_such_field }}"),
    )
    .unwrap();
    let build = accord(&site, &["build", "--no-search"]);
    let check = accord(&site, &["check"]);
    for (what, o) in [("build", &build), ("check", &check)] {
        assert_eq!(o.status.code(), Some(1), "{what}: {}", stderr(o));
        assert!(
            stderr(o).ends_with("error: 1 problem in the theme\n"),
            "{what}: {}",
            stderr(o)
        );
        assert!(stderr(o).contains("no_such_field"), "{what}: {}", stderr(o));
    }
    // Named at the template and line of the field, not at the page's
    // template that includes it.
    let line = 1 + embedded
        .lines()
        .position(|l| l.contains("{{ n.key }}"))
        .unwrap();
    let at =
        format!("error: templates/node.html:{line}: error: Field `no_such_field` is not defined");
    assert!(stderr(&check).starts_with(&at), "{}", stderr(&check));
    assert_eq!(stderr(&check), stderr(&build));
    assert!(!site.join("public").exists(), "nothing written");
    // A template that does not parse, the same in both.
    std::fs::write(site.join("templates/node.html"), "{{ oops( }}\n").unwrap();
    let build = accord(&site, &["build", "--no-search"]);
    let check = accord(&site, &["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(stderr(&check), stderr(&build));
    assert!(stderr(&check).starts_with("error: templates/node.html:1: "));
}

#[test]
fn a_broken_site_template_is_reported_with_its_file_and_line() {
    let (_dir, site) = starter();
    std::fs::create_dir_all(site.join("templates")).unwrap();
    std::fs::write(
        site.join("templates/page.html"),
        "{% extends \"base.html\" %}\n{{ oops( }}\n",
    )
    .unwrap();
    let o = accord(&site, &["build"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.starts_with("error: templates/page.html:2: "), "{err}");
    assert!(
        err.contains(
            "help: fix the template, or delete templates/page.html to use the default theme's"
        ),
        "{err}"
    );
    // A site template that breaks a default one: the default one is named.
    std::fs::remove_file(site.join("templates/page.html")).unwrap();
    std::fs::write(site.join("templates/base.html"), "<html></html>\n").unwrap();
    let o = accord(&site, &["build"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("error: (default theme) templates/briefing.html:2: "),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("templates/base.html"), "{}", stderr(&o));
}
