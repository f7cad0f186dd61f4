use super::*;

/// (scheme id, number, label, rest) of the first match.
fn m(lang: &str, s: &str) -> Option<(String, Option<u32>, String, String)> {
    let t = Table::builtin();
    t.find(lang, s).map(|f| {
        (
            t.scheme(f.scheme).id.clone(),
            f.number,
            f.label.to_string(),
            f.rest.to_string(),
        )
    })
}

fn id(lang: &str, s: &str) -> Option<String> {
    m(lang, s).map(|f| f.0)
}

#[test]
fn the_built_in_table_compiles() {
    let t = Table::builtin();
    assert!(t.schemes.len() > 30);
    assert!(t.schemes.iter().any(|s| s.shape == Shape::Heading));
}

#[test]
fn chinese_markers() {
    assert_eq!(
        m("zh-Hans", "第一条 平等互信,巩固中拉政治关系"),
        Some((
            "zh-article".into(),
            Some(1),
            "第一条".into(),
            "平等互信,巩固中拉政治关系".into()
        ))
    );
    assert_eq!(
        m("zh-Hans", "(十二)海关检验检疫"),
        Some((
            "zh-paren".into(),
            Some(12),
            "(十二)".into(),
            "海关检验检疫".into()
        ))
    );
    assert_eq!(
        m("zh-Hans", "三、金融"),
        Some(("zh-enum".into(), Some(3), "三、".into(), "金融".into()))
    );
    let cases = [
        ("第二编 物权", "zh-book", 2),
        ("第三部分", "zh-part", 3),
        ("第十二章 附则", "zh-chapter", 12),
        ("第一节 一般规定", "zh-section", 1),
        ("第一百零五条 本法自公布之日起施行。", "zh-article", 105),
        ("第二款", "zh-paragraph", 2),
        ("第三项", "zh-item", 3),
        ("（1）加强合作", "arabic-paren", 1),
        ("1．加强合作", "arabic", 1),
        ("1.加强合作", "arabic", 1),
        ("②扩大交流", "circled", 2),
        ("2.3 深化合作", "decimal", 3),
    ];
    for (s, scheme, n) in cases {
        let f = m("zh-Hans", s).unwrap_or_else(|| panic!("{s}"));
        assert_eq!((f.0.as_str(), f.1), (scheme, Some(n)), "{s}");
    }
    assert_eq!(
        m("zh-Hans", "附件").map(|f| (f.0, f.2, f.3)),
        Some(("zh-annex".into(), "".into(), "附件".into()))
    );
    assert_eq!(
        id("zh-Hans", "附件一所列项目"),
        None,
        "a named part is the whole line"
    );
    assert_eq!(id("zh-Hans", "双方愿加强知识产权部门务实合作。"), None);
    assert_eq!(id("zh-Hans", "十分重要"), None);
    assert_eq!(id("zh-Hans", "2025年5月13日"), None);
    assert_eq!(
        id("zh-Hans", "Article 1"),
        None,
        "English markers are not Chinese"
    );
}

#[test]
fn english_markers() {
    assert_eq!(id("en", "- unused"), None);
    assert_eq!(
        m("en", "II. Pragmatic Economic Cooperation").map(|f| (f.0, f.1)),
        Some(("roman".into(), Some(2)))
    );
    assert_eq!(
        m("en", "1.1. Strengthen exchanges"),
        Some((
            "decimal".into(),
            Some(1),
            "1.1.".into(),
            "Strengthen exchanges".into()
        ))
    );
    assert_eq!(
        m("en", "3.4China is willing").map(|f| (f.0, f.1)),
        Some(("decimal".into(), Some(4)))
    );
    assert_eq!(
        m("en", "10. Explore").map(|f| (f.0, f.1)),
        Some(("arabic".into(), Some(10)))
    );
    assert_eq!(
        m("en", "(3) Promote").map(|f| (f.0, f.1)),
        Some(("arabic-paren".into(), Some(3)))
    );
    assert_eq!(
        m("en", "Article 3: Mutual").map(|f| f.2),
        Some("Article 3:".into())
    );
    assert_eq!(
        m("en", "ARTICLE IV").map(|f| (f.0, f.1)),
        Some(("en-article".into(), Some(4)))
    );
    assert_eq!(m("en", "Article Two").map(|f| f.1), Some(Some(2)));
    assert_eq!(
        m("en", "Part III").map(|f| (f.0, f.1)),
        Some(("en-part".into(), Some(3)))
    );
    assert_eq!(
        m("en", "Chapter 7 Final provisions").map(|f| (f.0, f.3)),
        Some(("en-chapter".into(), "Final provisions".into()))
    );
    assert_eq!(m("en", "Section 2").map(|f| f.0), Some("en-section".into()));
    assert_eq!(
        m("en", "(b) to promote").map(|f| (f.0, f.1)),
        Some(("letter-paren".into(), Some(2)))
    );
    assert_eq!(
        m("en", "(iv) to promote").map(|f| (f.0, f.1)),
        Some(("roman-paren".into(), Some(4)))
    );
    assert_eq!(
        m("en", "1.2.3 Ports").map(|f| (f.0, f.1)),
        Some(("decimal".into(), Some(3)))
    );
    assert_eq!(id("en", "Annex").as_deref(), Some("en-annex"));
    assert_eq!(id("en", "2024 was a year"), None);
    assert_eq!(id("en", "3,500 scholarships"), None);
    assert_eq!(
        id("en", "1234.5 tonnes"),
        None,
        "at most three digits a number"
    );
    assert_eq!(id("en", "In 2025."), None);
    assert_eq!(id("en", "Partnership matters"), None);
    assert_eq!(id("en", "Part IIIa"), None);
    assert_eq!(id("en", "I.e. the parties"), None);
    assert_eq!(id("en", "Articles of faith"), None);
}

#[test]
fn several_schemes_match_an_ambiguous_marker() {
    let t = Table::builtin();
    let ids: Vec<&str> = t
        .find_all("en", "(i) first")
        .iter()
        .map(|f| t.scheme(f.scheme).id.as_str())
        .collect();
    assert_eq!(ids, ["letter-paren", "roman-paren"]);
    let f = t.find_all("en", "(i) first");
    assert_eq!((f[0].number, f[1].number), (Some(9), Some(1)));
}

#[test]
fn spanish_portuguese_french_markers() {
    let cases = [
        ("es", "Capítulo I Disposiciones generales", "es-chapter", 1),
        ("es", "CAPÍTULO II", "es-chapter", 2),
        ("es", "Artículo 1. Objeto", "es-article", 1),
        ("es", "Artículo 2º Ámbito", "es-article", 2),
        ("es", "Título III", "es-title", 3),
        ("es", "Sección 1", "es-section", 1),
        ("es", "Parte II", "es-part", 2),
        ("pt", "Capítulo IV", "es-chapter", 4),
        ("pt", "Seção I", "pt-section", 1),
        ("pt", "Secção II", "pt-section-eu", 2),
        ("pt", "Artigo 5.º", "pt-article", 5),
        ("fr", "Titre I", "fr-title", 1),
        ("fr", "Chapitre 3", "fr-chapter", 3),
        ("fr", "Article 12", "fr-article", 12),
        ("es", "b) la cooperación", "letter-close", 2),
        ("es", "Artículos 1 y 2", "", 0),
    ];
    for (lang, s, scheme, n) in cases {
        match m(lang, s) {
            Some(f) => assert_eq!((f.0.as_str(), f.1), (scheme, Some(n)), "{s}"),
            None => assert_eq!(scheme, "", "{s}"),
        }
    }
    assert_eq!(
        m("pt", "Artigo 5.º Objeto").map(|f| f.2),
        Some("Artigo 5.º".into())
    );
    assert_eq!(id("de", "Artikel 1"), None);
    assert_eq!(
        id("es-419", "Artículo 3").as_deref(),
        Some("es-article"),
        "a region tag takes its language's schemes"
    );
}

fn def(toml_text: &str) -> Vec<SchemeDef> {
    #[derive(Deserialize)]
    struct D {
        scheme: Vec<SchemeDef>,
    }
    toml::from_str::<D>(toml_text).unwrap().scheme
}

#[test]
fn added_schemes_and_levels() {
    let extra = def("[[scheme]]\nid = \"rule\"\nlangs = [\"en\"]\npattern = \"Rule {1}\"\nthen = \".\"\nkind = \"article\"\nabbrev = \"art\"\n");
    let levels: BTreeMap<String, LevelDef> = toml::from_str(
        "arabic = { kind = \"para\" }\nzh-paren = { kind = \"point\", leaf = \"point\" }",
    )
    .unwrap();
    let t = Table::new(&extra, &levels).unwrap();
    let f = t.find("en", "Rule 4. Quorum").unwrap();
    assert_eq!(
        (t.scheme(f.scheme).id.as_str(), f.number, f.label),
        ("rule", Some(4), "Rule 4.")
    );
    assert_eq!(t.kind(f.scheme, None, true), NodeKind::Article);
    let a = t.find("en", "1. Decides").unwrap();
    assert_eq!(
        t.kind(a.scheme, Some(NodeKind::Chapter), true),
        NodeKind::Para,
        "the profile's level replaces `under`"
    );
    let b = Table::builtin();
    let a = b.find("en", "1. Decides").unwrap();
    assert_eq!(
        b.kind(a.scheme, Some(NodeKind::Chapter), true),
        NodeKind::Clause
    );
    assert_eq!(
        b.kind(a.scheme, Some(NodeKind::Chapter), false),
        NodeKind::Area
    );
    assert_eq!(b.kind(a.scheme, None, false), NodeKind::Section);
}

#[test]
fn bad_schemes_are_problems_with_their_place() {
    let text = "[[scheme]]\nid = \"x\"\npattern = \"Rule {9}\"\nkind = \"article\"\n\n[[scheme]]\nid = \"y\"\npattern = \"Rule {1}\"\nkind = \"rule\"\n\n[[scheme]]\nid = \"z\"\npattern = \"Rule {1}\"\nkind = \"article\"\nabbrev = \"a\"\n\n[[scheme]]\nid = \"w\"\npattern = \"Preamble\"\nkind = \"article\"\n";
    let err = Table::new(&def(text), &BTreeMap::new()).unwrap_err();
    let at: Vec<(usize, &str)> = err
        .iter()
        .map(|p| {
            (
                text[..p.span.clone().unwrap().start].lines().count(),
                p.message.as_str(),
            )
        })
        .collect();
    assert_eq!(at.len(), 4, "{at:?}");
    assert_eq!(at[0].0, 3);
    assert!(
        at[0].1.starts_with("scheme `x`: unknown numeral `{9}`"),
        "{at:?}"
    );
    assert_eq!(at[1].0, 9);
    assert!(at[1].1.starts_with("unknown node kind `rule`"), "{at:?}");
    assert_eq!(
        (at[2].0, at[2].1),
        (
            15,
            "scheme `z`: kind `article` is abbreviated `art` in ids, not `a`"
        )
    );
    assert_eq!(at[3].0, 19);
    assert!(at[3].1.contains("kind `article` is numbered"), "{at:?}");
    let levels: BTreeMap<String, LevelDef> = toml::from_str("nope = { kind = \"para\" }").unwrap();
    let err = Table::new(&[], &levels).unwrap_err();
    assert_eq!(err[0].message, "`levels.nope`: no numbering scheme `nope`");
}
