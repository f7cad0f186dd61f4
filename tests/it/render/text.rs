//! Text as HTML (fixture `render/text`): inline Markdown rendered, `<`
//! shown as text, a link whose target turns out `javascript:` reduced to
//! its text, Chinese inside English marked, and a container node with
//! nothing of its own captioned by its kind.

use super::{all, attr, build, cell, node, one, shown, text_of};

const PAGE: &str = "documents/text-sample/index.html";

#[test]
fn emphasis_and_links_in_text_are_rendered() {
    let site = build("text");
    let html = site.page(PAGE);
    let p = node(&html, "text-sample:preamble__p_1");
    for (lang, text, em, link) in [
        ("zh-Hans", "双方重申合作，详见网站。", "重申", "网站"),
        (
            "en",
            "The sides reaffirm their cooperation; see the site.",
            "reaffirm",
            "the site",
        ),
    ] {
        let para = one(cell(p, lang), "p.text");
        assert_eq!(text_of(para), text, "{lang}");
        assert_eq!(text_of(one(para, "em")), em, "{lang}");
        let a = one(para, "a:not(.anchor)");
        assert_eq!(attr(a, "href"), "https://example.org/ports");
        assert_eq!(text_of(a), link);
    }
}

#[test]
fn markup_written_as_text_stays_text() {
    let site = build("text");
    let html = site.page(PAGE);
    let p = node(&html, "text-sample:preamble__p_2");
    for (lang, text) in [
        ("zh-Hans", "写<b>不会加粗。"),
        ("en", "Writing <b> does not make bold, and R&D stays."),
    ] {
        let para = one(cell(p, lang), "p.text");
        assert_eq!(text_of(para), text, "{lang}");
        assert!(all(para, "b").is_empty(), "{lang}: no <b> element");
    }
    assert!(site
        .read(PAGE)
        .contains("Writing &lt;b&gt; does not make bold, and R&amp;D stays."));
}

#[test]
fn a_link_to_javascript_is_refused_and_never_reaches_a_page() {
    // check refuses it, written with an entity (`&#58;`) or not, as the
    // page would read it ...
    let dir = crate::support::fixture("render/text");
    let file = dir.path().join("content/documents/text-sample.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text.replace(
        "text.en = \"[Click here](#text-sample:preamble__p_1) to read on.\"",
        "text.en = \"[Click here](javascript&#58;alert(1)) to read on.\"",
    );
    std::fs::write(&file, text).unwrap();
    let out = crate::support::accord(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        crate::support::stderr(&out)
            .contains("text of node `preamble__p_3` in `en`: link to `javascript:alert(1)`"),
        "{}",
        crate::support::stderr(&out)
    );
    // ... and the renderer, should one reach it, keeps only its text.
    let html = accord::render::text::inline("[Click here](javascript&#58;alert(1)) to read on.");
    assert_eq!(html, "Click here to read on.");
    // The fixture's own link, to a clause of the page, is kept.
    let site = build("text");
    let page = site.page(PAGE);
    let p = node(&page, "text-sample:preamble__p_3");
    for (lang, text) in [("zh-Hans", "点此继续。"), ("en", "Click here to read on.")] {
        let para = one(cell(p, lang), "p.text");
        assert_eq!(text_of(para), text, "{lang}");
        assert_eq!(
            attr(one(para, "a:not(.anchor)"), "href"),
            "#text-sample:preamble__p_1"
        );
    }
}

#[test]
fn chinese_inside_english_text_is_marked_chinese() {
    let site = build("text");
    let html = site.page(PAGE);
    let p = node(&html, "text-sample:preamble__p_4");
    let en = one(cell(p, "en"), "p.text");
    assert_eq!(text_of(en), "The Chinese reads 合作共赢 here.");
    let marked = one(en, "span[lang]");
    assert_eq!(attr(marked, "lang"), "zh-Hans");
    assert_eq!(text_of(marked), "合作共赢");
    // Chinese text in a Chinese cell needs no span of its own.
    let zh = one(cell(p, "zh-Hans"), "p.text");
    assert_eq!(text_of(zh), "中文本作“合作共赢”。");
    assert!(all(zh, "span[lang]").is_empty());
}

#[test]
fn markdown_in_headings_is_rendered_in_the_page_and_its_contents() {
    let site = build("text");
    let html = site.page(PAGE);
    let part = node(&html, "text-sample:part_1");
    for (lang, text, em) in [
        ("zh-Hans", "第一部分 港口", "港口"),
        ("en", "Part I Ports", "Ports"),
    ] {
        let h = one(cell(part, lang), "h2");
        assert_eq!(text_of(h), text, "{lang}");
        assert_eq!(text_of(one(h, "em")), em, "{lang}");
    }
    // The parallel page's contents, in each interface language.
    let toc = one(html.root_element(), "nav.toc");
    let a = one(toc, "ol a");
    assert_eq!(attr(a, "href"), "#text-sample:part_1");
    assert_eq!(shown(a, "zh-Hans"), "第一部分 港口");
    assert_eq!(shown(a, "en"), "Part I Ports");
    let ems: Vec<String> = all(a, "em").into_iter().map(text_of).collect();
    assert_eq!(ems, ["港口", "Ports"]);
    let en = site.page("documents/text-sample/en.html");
    assert_eq!(
        text_of(one(one(en.root_element(), "nav.toc"), "a em")),
        "Ports"
    );
}

#[test]
fn a_container_with_nothing_of_its_own_is_captioned_by_its_kind() {
    let site = build("text");
    let html = site.page(PAGE);
    let preamble = node(&html, "text-sample:preamble");
    for (lang, caption) in [("zh-Hans", "序言"), ("en", "Preamble")] {
        let c = cell(preamble, lang);
        let p = one(c, "p.caption");
        assert_eq!(text_of(p), caption, "{lang}");
        assert!(all(c, "h2, h3, p.text").is_empty(), "{lang}");
        let anchor = one(p, "a.anchor");
        assert_eq!(attr(anchor, "href"), "#text-sample:preamble");
    }
    let en = site.page("documents/text-sample/en.html");
    let c = cell(node(&en, "text-sample:preamble"), "en");
    assert_eq!(text_of(one(c, "p.caption")), "Preamble");
}

/// A title is Markdown like every text: `&lt;` and `&amp;` in it are the
/// characters `<` and `&`, shown once escaped in the page and kept as
/// characters in the open data; they were shown as `&amp;lt;` (issue 18,
/// item 11).
#[test]
fn entities_in_titles_are_shown_as_their_characters() {
    let dir = crate::support::fixture("render/text");
    let content = dir.path().join("content");
    crate::support::edit(
        &content.join("documents/text-sample.toml"),
        "title.en = \"Text Sample\"",
        "title.en = \"Text &lt;Sample&gt; R&amp;D\"",
    );
    std::fs::create_dir_all(content.join("pages")).unwrap();
    let page = "+++\ntitle = \"About &lt;this&gt; &amp; *that*\"\nlang = \"en\"\n+++\n\nText.\n";
    std::fs::write(content.join("pages/about.md"), page).unwrap();
    let out = crate::support::accord(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", crate::support::stderr(&out));
    let read = |path: &str| std::fs::read_to_string(dir.path().join("public").join(path)).unwrap();
    let doc = read("documents/text-sample/en.html");
    assert!(
        doc.contains("<title>Text &lt;Sample&gt; R&amp;D · Text test</title>"),
        "{doc}"
    );
    assert!(doc.contains("<span class=\"title\" lang=\"en\">Text &lt;Sample&gt; R&amp;D</span>"));
    assert!(
        !doc.contains("&amp;lt;") && !doc.contains("&amp;amp;"),
        "{doc}"
    );
    let about = read("pages/about.html");
    assert!(
        about.contains("<h1>About &lt;this&gt; &amp; that</h1>"),
        "{about}"
    );
    assert!(!about.contains("&amp;lt;"), "{about}");
    assert!(read("data/text-sample.json").contains("\"en\":\"Text <Sample> R&D\""));
}
