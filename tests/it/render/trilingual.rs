//! A site in three languages (fixture `render/trilingual`: Chinese,
//! English, Spanish): the parallel view has a cell per language in every
//! row, named from the three languages, with a chooser of the languages
//! shown; the Spanish view has a Spanish interface; a parallel briefing
//! shows the two languages it names. In headless Chromium: three aligned
//! columns at 1280 px, the two asked for in the address, one column at
//! 390 px, a language unticked and remembered (screenshots in
//! `target/browser/`).

use super::{all, attr, build, cell_langs, node, one, shown, shown_spans, text_of};
use crate::browser::{puppeteer_available, script, serve};
use crate::support::root;

#[test]
fn the_parallel_view_has_a_column_per_language_and_a_chooser() {
    let site = build("trilingual");
    let html = site.page("documents/ocean-plan/index.html");
    for key in [
        "ocean-plan:art_1",
        "ocean-plan:art_1__cl_1",
        "ocean-plan:art_2__cl_1",
    ] {
        assert_eq!(
            cell_langs(node(&html, key)),
            ["zh-Hans", "en", "es"],
            "{key}"
        );
    }
    let root = html.root_element();
    // The parallel view named in the interface language, each language in
    // itself.
    for (ui, parallel) in [
        ("zh-Hans", "中英西对照"),
        ("en", "Side by side"),
        ("es", "En paralelo"),
    ] {
        let views: Vec<(String, String)> = all(root, "nav.views a")
            .iter()
            .flat_map(|a| shown_spans(*a, ui))
            .collect();
        assert_eq!(
            views,
            super::owned(&[
                (ui, parallel),
                ("zh-Hans", "中文"),
                ("en", "English"),
                ("es", "Español")
            ]),
            "{ui} interface"
        );
    }
    let chooser = one(root, "fieldset.show-langs");
    assert!(
        chooser.value().attr("hidden").is_some(),
        "shown by the script only"
    );
    let boxes: Vec<&str> = all(chooser, "input[type=checkbox][checked]")
        .iter()
        .map(|i| attr(*i, "value"))
        .collect();
    assert_eq!(boxes, ["zh-Hans", "en", "es"]);
    // A two-language document has no chooser.
    let two = site.page("documents/port-note/index.html");
    assert!(all(two.root_element(), "fieldset.show-langs").is_empty());
    let parallel = all(two.root_element(), "nav.views a")[0];
    assert_eq!(shown(parallel, "zh-Hans"), "中英对照");
    assert_eq!(shown(parallel, "es"), "En paralelo");
}

#[test]
fn the_spanish_view_has_a_spanish_interface() {
    let site = build("trilingual");
    let html = site.page("documents/ocean-plan/es.html");
    let root = html.root_element();
    assert_eq!(attr(root, "lang"), "es");
    assert_eq!(attr(root, "data-ui"), "es", "the default interface");
    let toc = one(root, "nav.toc");
    let title = one(root, &format!("#{}", attr(toc, "aria-labelledby")));
    assert_eq!(shown_spans(title, "es"), super::owned(&[("es", "Índice")]));
    assert_eq!(shown(one(root, "a.skip"), "es"), "Ir al texto");
    // And the interface in the other languages, when the reader chooses.
    assert_eq!(shown(title, "zh-Hans"), "目录");
    assert_eq!(shown(one(root, "a.skip"), "en"), "Skip to the text");
    assert_eq!(cell_langs(node(&html, "ocean-plan:art_2__cl_1")), ["es"]);
    let home = site.page("index.html");
    let captions: Vec<String> = all(home.root_element(), "section.group h2 span[lang=es]")
        .iter()
        .map(|s| text_of(*s))
        .collect();
    assert_eq!(
        captions,
        ["Planes de Acción Conjunta", "Declaraciones", "Dosieres"]
    );
}

/// A clause related to a statement that has no Spanish text: the marker
/// in the interface language of each page, the target named in the
/// languages of the page it has (else in its first language, once).
#[test]
fn cross_link_markers_speak_the_pages_language() {
    let site = build("trilingual");
    let key = "ocean-plan:art_1__cl_2";
    for (page, marker, button, titles) in [
        (
            "index.html",
            "相关 1",
            "展开全部关联条目",
            &[
                ("zh-Hans", "港口声明 港口向所有船只开放。"),
                ("en", "Statement on Ports Ports are open to all ships."),
            ][..],
        ),
        (
            "en.html",
            "Related 1",
            "Show all cross-links",
            &[("en", "Statement on Ports Ports are open to all ships.")][..],
        ),
        (
            "es.html",
            "Relacionado 1",
            "Mostrar todos los vínculos",
            &[("zh-Hans", "港口声明 港口向所有船只开放。")][..],
        ),
    ] {
        let html = site.page(&format!("documents/ocean-plan/{page}"));
        let ui = attr(html.root_element(), "data-ui");
        let row = node(&html, key);
        let xrefs = one(row, ":scope > .xrefs");
        let summary = one(xrefs, "summary");
        let count = text_of(one(summary, ".count"));
        let caption = |ui: &str| shown(one(summary, ".caption"), ui);
        assert_eq!(format!("{} {count}", caption(ui)), marker, "{page}");
        assert_eq!(
            format!("{} {count}", caption("zh-Hans")),
            "相关 1",
            "{page}"
        );
        let named: Vec<(String, String)> = all(xrefs, "a.ref > .t")
            .iter()
            .map(|t| (attr(*t, "lang").to_string(), text_of(*t)))
            .collect();
        assert_eq!(named, super::owned(titles), "{page}");
        assert_eq!(
            shown(one(html.root_element(), ".refs-switch button"), ui),
            button,
            "{page}"
        );
    }
}

#[test]
fn a_parallel_briefing_shows_the_languages_it_names() {
    let site = build("trilingual");
    let html = site.page("briefings/ocean.html");
    let item = all(html.root_element(), "section.item")[0];
    let row = all(item, ".node")[0];
    assert_eq!(cell_langs(row), ["zh-Hans", "es"]);
    let intro: Vec<&str> = all(html.root_element(), ".briefing-intro .col")
        .iter()
        .map(|c| attr(*c, "lang"))
        .collect();
    assert_eq!(intro, ["zh-Hans", "es"]);
}

#[test]
fn a_language_without_interface_strings_is_a_warning() {
    let dir = crate::support::fixture("render/trilingual");
    // Malay added, with the titles every site language needs.
    let site_toml = dir.path().join("content/site.toml");
    let text = std::fs::read_to_string(&site_toml).unwrap();
    let text = text.replace("title.es = ", "title.ms = \"Tiga bahasa\"\ntitle.es = ");
    std::fs::write(
        &site_toml,
        format!("{text}\n[[language]]\ncode = \"ms\"\nname = \"Bahasa Melayu\"\n"),
    )
    .unwrap();
    let briefing = dir.path().join("content/briefings/ocean.toml");
    let text = std::fs::read_to_string(&briefing).unwrap();
    std::fs::write(
        &briefing,
        text.replace("title.es = ", "title.ms = \"Taklimat lautan\"\ntitle.es = "),
    )
    .unwrap();
    let out = crate::support::accord(dir.path(), &["check"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        crate::support::stderr(&out)
    );
    assert_eq!(
        crate::support::stderr(&out),
        "warning: templates/strings.toml: no interface strings in `ms`: the interface of its pages is in English\n  \
         help: add them under [ms] in the site's templates/strings.toml (`accord theme --eject` writes out the default strings)\n"
    );
    // Chinese, English and Spanish have theirs: no warning.
    let dir = crate::support::fixture("render/trilingual");
    let out = crate::support::accord(dir.path(), &["check"]);
    assert_eq!(crate::support::stderr(&out), "");
}

/// Where the cells of one row are, from `tests/browser/columns.mjs`.
fn boxes(v: &serde_json::Value) -> Vec<(String, i64, i64)> {
    v["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["lang"].as_str().unwrap().to_string(),
                c["x"].as_i64().unwrap(),
                c["y"].as_i64().unwrap(),
            )
        })
        .collect()
}

fn langs(b: &[(String, i64, i64)]) -> Vec<&str> {
    b.iter().map(|(l, _, _)| l.as_str()).collect()
}

/// Side by side: one top, left to right.
fn side_by_side(b: &[(String, i64, i64)]) -> bool {
    b.windows(2).all(|w| w[0].2 == w[1].2 && w[0].1 < w[1].1)
}

#[test]
fn three_columns_at_1280_two_on_request_stacked_at_390() {
    if !puppeteer_available() {
        return;
    }
    let site = build("trilingual");
    let port = serve(site.out.clone());
    let shots = root().join("target/browser");
    std::fs::create_dir_all(&shots).unwrap();
    let args = [
        format!("http://127.0.0.1:{port}/documents/ocean-plan/index.html"),
        "ocean-plan:art_1__cl_1".to_string(),
        shots.display().to_string(),
        "zh-Hans,es".to_string(),
    ];
    let Some(r) = script("columns.mjs", &args) else {
        return;
    };

    let all3 = boxes(&r["all"]);
    assert_eq!(langs(&all3), ["zh-Hans", "en", "es"]);
    assert!(side_by_side(&all3), "three columns side by side: {all3:?}");
    let widths: Vec<i64> = r["all"]["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["w"].as_i64().unwrap())
        .collect();
    assert!(
        widths
            .iter()
            .all(|w| (w - widths[0]).abs() <= 2 && *w > 200),
        "equal columns: {widths:?}"
    );
    let heads: Vec<i64> = r["all"]["heads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["x"].as_i64().unwrap())
        .collect();
    let cols: Vec<i64> = all3.iter().map(|c| c.1).collect();
    assert_eq!(heads.len(), 3);
    assert!(
        heads.iter().zip(&cols).all(|(h, c)| (h - c).abs() <= 40),
        "column heads over their columns: {heads:?} {cols:?}"
    );
    assert_eq!(r["all"]["chooser"], true, "the chooser is shown");

    let two = boxes(&r["two"]);
    assert_eq!(langs(&two), ["zh-Hans", "es"], "?show=zh-Hans,es");
    assert!(side_by_side(&two), "{two:?}");
    assert_eq!(r["two"]["heads"].as_array().unwrap().len(), 2);

    let narrow = boxes(&r["narrow"]);
    assert_eq!(langs(&narrow), ["zh-Hans", "en", "es"]);
    assert!(
        narrow
            .windows(2)
            .all(|w| w[0].1 == w[1].1 && w[0].2 < w[1].2),
        "stacked, one under the other: {narrow:?}"
    );

    assert_eq!(langs(&boxes(&r["unticked"])), ["zh-Hans", "es"]);
    assert_eq!(
        langs(&boxes(&r["remembered"])),
        ["zh-Hans", "es"],
        "kept after a reload"
    );
    for name in ["all-1280", "two-1280", "narrow-390"] {
        let png = shots.join(format!("trilingual-{name}.png"));
        assert!(
            std::fs::metadata(&png)
                .map(|m| m.len() > 10_000)
                .unwrap_or(false),
            "{}",
            png.display()
        );
    }
}
