//! The real corpus: its structure, its re-making by `import`, its notes and
//! crosswalk.

use accord::model::Site;
use accord::model::{Document, Node, NodeKind, Relation};

use crate::support::{accord, root, stdout};

fn site() -> Site {
    accord::check::load_site(&root().join("content")).expect("the real content is valid")
}

fn doc<'a>(site: &'a Site, id: &str) -> &'a Document {
    site.documents.iter().find(|d| d.id == id).unwrap()
}

fn node<'a>(d: &'a Document, id: &str) -> &'a Node {
    d.nodes
        .iter()
        .find(|n| n.id == id)
        .unwrap_or_else(|| panic!("{id}"))
}

fn children<'a>(d: &'a Document, id: &str) -> Vec<&'a Node> {
    let i = d
        .nodes
        .iter()
        .position(|n| n.id == id)
        .unwrap_or_else(|| panic!("{id}"));
    d.children(i).map(|c| &d.nodes[c]).collect()
}

fn count(nodes: &[&Node], kind: NodeKind) -> usize {
    nodes.iter().filter(|n| n.kind == kind).count()
}

/// Every node has its heading or text in each of the document's languages.
fn bilingual_throughout(d: &Document) {
    for n in &d.nodes {
        for lang in &d.languages {
            if !n.heading.is_empty() {
                assert!(n.heading.contains_key(lang), "{} heading {lang}", n.id);
            }
            if !n.text.is_empty() {
                assert!(n.text.contains_key(lang), "{} text {lang}", n.id);
            }
        }
    }
}

#[test]
fn plan_2025_2027_structure() {
    let site = site();
    let d = doc(&site, "china-celac-action-plan-2025-2027");
    assert_eq!(d.languages, ["zh-Hans", "en"]);
    assert_eq!(d.date.as_deref(), Some("2025-05-13"));
    assert_eq!(
        (d.series.as_deref(), d.edition.as_deref()),
        (Some("china-celac-action-plan"), Some("2025-2027"))
    );
    let top: Vec<&str> = d
        .nodes
        .iter()
        .filter(|n| n.parent.is_none())
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(
        top,
        ["preamble", "art_1", "art_2", "art_3", "art_4", "art_5", "annex"]
    );
    let art = |i: u32| children(d, &format!("art_{i}"));
    let clauses_under = |secs: &[&Node]| {
        secs.iter()
            .map(|s| {
                children(d, &s.id)
                    .iter()
                    .filter(|c| c.kind == NodeKind::Clause)
                    .count()
            })
            .sum::<usize>()
    };

    assert_eq!(count(&art(1), NodeKind::Item), 4);
    let a2 = art(2);
    assert_eq!(a2.len(), 8);
    assert_eq!(
        a2[0].kind,
        NodeKind::Item,
        "Article 2's first section is itself a clause"
    );
    assert_eq!(count(&a2, NodeKind::Section), 7);
    assert_eq!(clauses_under(&a2), 33);
    let a3 = art(3);
    assert_eq!(count(&a3, NodeKind::Section), 6);
    assert_eq!(clauses_under(&a3), 21);
    let ip = children(d, "art_3__sec_6");
    assert_eq!(
        (ip.len(), ip[0].kind),
        (1, NodeKind::Paragraph),
        "the intellectual-property paragraph"
    );
    let a4 = art(4);
    assert_eq!(count(&a4, NodeKind::Section), 9);
    assert_eq!(clauses_under(&a4), 38);
    assert_eq!(count(&art(5), NodeKind::Item), 4);
    assert_eq!(count(&children(d, "annex"), NodeKind::Item), 8);

    let level1 = d
        .nodes
        .iter()
        .filter(|n| n.label.get("zh-Hans").is_some_and(|l| l.ends_with('、')))
        .count();
    let level2 = d
        .nodes
        .iter()
        .filter(|n| n.label.get("zh-Hans").is_some_and(|l| l.starts_with('（')))
        .count();
    assert_eq!((level1, level2), (39, 92));
    assert_eq!(
        d.nodes
            .iter()
            .filter(|n| n.kind == NodeKind::Clause)
            .count(),
        92
    );
    bilingual_throughout(d);
    assert!(d
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Clause)
        .all(|n| n.text.len() == 2));
}

#[test]
fn policy_paper_structure() {
    let site = site();
    let d = doc(&site, "china-lac-policy-paper-2025");
    let top: Vec<&str> = d
        .nodes
        .iter()
        .filter(|n| n.parent.is_none())
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(top, ["preface", "part_1", "part_2", "part_3"]);
    assert_eq!(
        node(d, "part_1").heading["zh-Hans"],
        "拉丁美洲和加勒比——充满生机和希望的热土"
    );
    assert_eq!(node(d, "part_1").label["en"], "Part I");
    assert_eq!(
        d.nodes
            .iter()
            .filter(|n| n.kind == NodeKind::Programme)
            .count(),
        5
    );
    assert_eq!(
        d.nodes
            .iter()
            .filter(|n| n.kind == NodeKind::Section)
            .count(),
        44
    );
    let per_programme: Vec<usize> = (1..=5)
        .map(|p| {
            count(
                &children(d, &format!("part_3__prog_{p}")),
                NodeKind::Section,
            )
        })
        .collect();
    assert_eq!(per_programme, [9, 17, 6, 6, 6]);
    assert_eq!(
        node(d, "part_3__prog_2__sec_4").heading["zh-Hans"],
        "金融合作"
    );
    assert_eq!(count(&children(d, "preface"), NodeKind::Paragraph), 3);
    let paragraphs = d.nodes.iter().filter(|n| n.kind == NodeKind::Paragraph);
    assert!(
        paragraphs.clone().all(|p| p.text.len() == 2),
        "every paragraph in both languages"
    );
    assert_eq!(paragraphs.count(), 75);
    bilingual_throughout(d);
}

#[test]
fn plan_2022_2024_structure() {
    let site = site();
    let d = doc(&site, "china-celac-action-plan-2022-2024");
    let chapters: Vec<&str> = d
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Chapter)
        .map(|n| n.label["en"].as_str())
        .collect();
    assert_eq!(chapters, ["I.", "II.", "III.", "IV.", "V.", "VI.", "VII."]);
    assert_eq!(count(&children(d, "chp_2"), NodeKind::Area), 10);
    assert_eq!(count(&children(d, "chp_4"), NodeKind::Area), 6);
    assert_eq!(node(d, "chp_2__area_2").heading["en"], "Finance");
    assert_eq!(node(d, "chp_2__area_1__cl_1").label["en"], "1.1.");
    assert_eq!(count(&children(d, "chp_1"), NodeKind::Clause), 9);
    assert_eq!(count(&children(d, "preamble"), NodeKind::Paragraph), 2);
    assert!(node(d, "chp_2__area_6__cl_2").text["en"]
        .contains("and supports them in developing space capabilities"));
    assert!(node(d, "chp_2__area_3__cl_4").text["en"].contains("US$2 million"));
}

#[test]
fn import_remakes_the_content_exactly() {
    let out = tempfile::tempdir().unwrap();
    let manifest = root().join("content/imports.toml");
    let o = accord(
        &root(),
        &[
            "import",
            "--manifest",
            manifest.to_str().unwrap(),
            "--out",
            out.path().to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report = stdout(&o);
    assert_eq!(report.matches("wrote ").count(), 3, "{report}");
    assert!(!report.contains("not accounted for"), "{report}");
    for entry in std::fs::read_dir(root().join("content/documents")).unwrap() {
        let path = entry.unwrap().path();
        let made = std::fs::read_to_string(out.path().join(path.file_name().unwrap())).unwrap();
        let committed = std::fs::read_to_string(&path).unwrap();
        assert!(
            made == committed,
            "{} differs from a fresh import: re-run the import command of content/imports.toml",
            path.display()
        );
    }
}

#[test]
fn editorial_notes_are_apart_from_the_official_text() {
    let site = site();
    let d = doc(&site, "china-celac-action-plan-2025-2027");
    let caribbean = node(d, "art_4__sec_2__cl_1");
    assert!(
        caribbean.text["en"].contains("China-Canada (Lebi)"),
        "the official text stays as it is"
    );
    assert!(caribbean.text["zh-Hans"].contains("中加（勒比）"));
    let attached = |id: &str| site.attached(site.lookup(&format!("{}:{id}", d.id)).unwrap());
    let note = &site.notes[attached("art_4__sec_2__cl_1").notes[0]];
    assert!(note.text["en"].contains("Caribbean"));
    let substitute = node(d, "art_5__item_2");
    assert!(substitute.text["en"].contains("as a substitute for"));
    assert!(site.notes[attached("art_5__item_2").notes[0]].text["en"].contains("not a substitute"));
}

#[test]
fn crosswalk_covers_the_plan() {
    let site = site();
    let plan = site
        .documents
        .iter()
        .position(|d| d.id == "china-celac-action-plan-2025-2027")
        .unwrap();
    let key = |doc: &str, node: &str| site.lookup(&format!("{doc}:{node}")).unwrap();
    let linked = |from: (&str, &str), to: (&str, &str), rel: Relation| {
        let (f, t) = (key(from.0, from.1), key(to.0, to.1));
        site.links
            .iter()
            .any(|l| l.from == f && l.to == t && l.relation == rel)
    };
    let p25 = "china-celac-action-plan-2025-2027";
    let pp = "china-lac-policy-paper-2025";
    let p22 = "china-celac-action-plan-2022-2024";
    assert!(
        linked(
            (p25, "art_2__sec_3"),
            (pp, "part_3__prog_2__sec_4"),
            Relation::Related
        ),
        "finance"
    );
    assert!(
        linked(
            (p25, "art_2__sec_4"),
            (pp, "part_3__prog_2__sec_6"),
            Relation::Related
        ),
        "infrastructure"
    );
    assert!(
        linked(
            (p25, "art_2__sec_3"),
            (p22, "chp_2__area_2"),
            Relation::Continues
        ),
        "finance continues"
    );
    // Every section of Articles 2-4 continues something of 2022-2024.
    let d = &site.documents[plan];
    for (i, n) in d.nodes.iter().enumerate().filter(|(_, n)| {
        n.depth == 1
            && ["art_2", "art_3", "art_4"]
                .iter()
                .any(|a| n.id.starts_with(&format!("{a}__")))
    }) {
        let outgoing: Vec<Relation> = site
            .attached(accord::model::NodeRef { doc: plan, node: i })
            .links_out
            .iter()
            .map(|&l| site.links[l].relation)
            .collect();
        assert!(
            outgoing.contains(&Relation::Continues),
            "{} continues nothing",
            n.id
        );
    }
    // Backlinks are derived: the policy paper's finance section knows who cites it.
    let finance = key(pp, "part_3__prog_2__sec_4");
    assert!(site
        .attached(finance)
        .links_in
        .iter()
        .any(|&l| site.links[l].from == key(p25, "art_2__sec_3")));
}
