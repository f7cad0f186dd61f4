//! The deterministic generator of synthetic corpora shaped like the real
//! one: bilingual documents of articles, sections and clauses, in series of
//! two editions, with `continues` links between editions, `related` links
//! across series, and editorial notes. Same seed and size, same corpus.

use std::collections::HashSet;

use crate::rng::Rng;
use crate::text::{clause_text, pages, zh_number};
use crate::vocab::{self, Pair};

/// A text in Chinese and English.
#[derive(Clone, Debug, PartialEq)]
pub struct Bi {
    pub zh: String,
    pub en: String,
}

impl Bi {
    fn of(pair: Pair) -> Bi {
        Bi {
            zh: pair.0.to_string(),
            en: pair.1.to_string(),
        }
    }
}

pub struct Node {
    pub id: String,
    pub kind: &'static str,
    pub label: Option<Bi>,
    pub heading: Option<Bi>,
    pub text: Option<Bi>,
}

pub struct Doc {
    pub id: String,
    pub kind: &'static str,
    pub series: String,
    pub edition: String,
    pub date: String,
    pub title: Bi,
    pub nodes: Vec<Node>,
}

/// A node: (document index, node index).
pub type At = (usize, usize);

pub struct Link {
    pub from: At,
    pub to: At,
    pub relation: &'static str,
}

pub struct Note {
    pub target: At,
    pub kind: &'static str,
    pub text: Bi,
}

/// A Markdown page of `content/pages/`.
pub struct Page {
    pub slug: &'static str,
    pub lang: &'static str,
    pub title: String,
    pub markdown: String,
}

pub struct Corpus {
    pub docs: Vec<Doc>,
    pub links: Vec<Link>,
    pub notes: Vec<Note>,
    pub pages: Vec<Page>,
}

impl Corpus {
    pub fn clauses(&self) -> usize {
        let nodes = self.docs.iter().flat_map(|d| &d.nodes);
        nodes.filter(|n| n.kind == "clause").count()
    }

    pub fn nodes(&self) -> usize {
        self.docs.iter().map(|d| d.nodes.len()).sum()
    }
}

/// HTML pages per bilingual document (side by side, Chinese, English), and
/// pages besides the documents (home, 404, the Markdown pages).
pub const PAGES_PER_DOC: usize = 3;
pub const SITE_PAGES: usize = 2 + 3;

/// The number of documents (even: series of two editions) for about `pages` pages.
pub fn docs_for_pages(pages: usize) -> usize {
    let docs = pages.saturating_sub(SITE_PAGES) as f64 / PAGES_PER_DOC as f64;
    ((docs / 2.0).round() as usize).max(1) * 2
}

pub fn generate(seed: u64, docs: usize) -> Corpus {
    let mut rng = Rng::new(seed);
    let mut out = Corpus {
        docs: Vec::with_capacity(docs),
        links: Vec::new(),
        notes: Vec::new(),
        pages: pages(&mut rng),
    };
    for s in 0..docs.div_ceil(2) {
        let first = 1995 + (s * 7 % 28);
        for start in [first + 3, first] {
            out.docs.push(document(&mut rng, s, start));
        }
    }
    out.docs.truncate(docs);
    let mut seen = HashSet::new();
    for d in 0..out.docs.len() {
        links(&mut rng, &out.docs, d, &mut seen, &mut out.links);
        if rng.chance(0.5) {
            let clauses = indexes(&out.docs[d], "clause");
            let (kind, zh, en) = rng.pick(vocab::NOTES);
            out.notes.push(Note {
                target: (d, rng.pick(&clauses)),
                kind,
                text: Bi::of((zh, en)),
            });
        }
    }
    out
}

fn document(rng: &mut Rng, series: usize, start: usize) -> Doc {
    let partner = vocab::PARTNERS[series % vocab::PARTNERS.len()];
    let policy = series % 5 == 4;
    let (prefix, kind) = if policy {
        ("lpp", "policy-paper")
    } else {
        ("cap", "action-plan")
    };
    let period = if policy {
        start.to_string()
    } else {
        format!("{start}-{}", start + 2)
    };
    let title = if policy {
        Bi {
            zh: format!("中国对{}政策文件（{period}）", partner.0),
            en: format!("China's Policy Paper on {} ({period})", partner.1),
        }
    } else {
        Bi {
            zh: format!("中国—{}重点领域合作共同行动计划（{period}）", partner.0),
            en: format!(
                "China–{} Joint Action Plan for Cooperation in Key Areas ({period})",
                partner.1
            ),
        }
    };
    let date = format!("{start}-{:02}-{:02}", rng.range(1, 12), rng.range(1, 28));
    let mut nodes = vec![node("preamble", "preamble", None, None, None)];
    for p in 1..=2 {
        let text = clause_text(rng, p == 1);
        nodes.push(node(
            &format!("preamble__p_{p}"),
            "paragraph",
            None,
            None,
            Some(text),
        ));
    }
    for a in 1..=rng.range(3, 5) {
        let art = format!("art_{a}");
        let label = Bi {
            zh: format!("第{}条", zh_number(a)),
            en: format!("Article {a}"),
        };
        let heading = Bi::of(rng.pick(vocab::ARTICLE_HEADINGS));
        nodes.push(node(&art, "article", Some(label), Some(heading), None));
        for s in 1..=rng.range(2, 4) {
            let sec = format!("{art}__sec_{s}");
            let label = Bi {
                zh: format!("{}、", zh_number(s)),
                en: format!("{s}."),
            };
            let heading = Bi::of(rng.pick(vocab::TOPICS));
            nodes.push(node(&sec, "section", Some(label), Some(heading), None));
            for c in 1..=rng.range(3, 7) {
                let label = Bi {
                    zh: format!("（{}）", zh_number(c)),
                    en: format!("({c})"),
                };
                let text = clause_text(rng, true);
                nodes.push(node(
                    &format!("{sec}__cl_{c}"),
                    "clause",
                    Some(label),
                    None,
                    Some(text),
                ));
            }
        }
    }
    Doc {
        id: format!("{prefix}-{:04}-{period}", series + 1),
        kind,
        series: format!("{prefix}-{:04}", series + 1),
        edition: period,
        date,
        title,
        nodes,
    }
}

fn node(
    id: &str,
    kind: &'static str,
    label: Option<Bi>,
    heading: Option<Bi>,
    text: Option<Bi>,
) -> Node {
    Node {
        id: id.to_string(),
        kind,
        label,
        heading,
        text,
    }
}

fn indexes(doc: &Doc, kind: &str) -> Vec<usize> {
    (0..doc.nodes.len())
        .filter(|&i| doc.nodes[i].kind == kind)
        .collect()
}

/// The links declared from document `d`: `continues` to the older edition
/// of its series (when `d` is the newer), `related` to other series.
fn links(rng: &mut Rng, docs: &[Doc], d: usize, seen: &mut HashSet<(At, At)>, out: &mut Vec<Link>) {
    let sections = indexes(&docs[d], "section");
    let clauses = indexes(&docs[d], "clause");
    let mut add = |from: At, to: At, relation| {
        if seen.insert((from, to)) {
            out.push(Link { from, to, relation });
        }
    };
    let older = d + 1;
    if d.is_multiple_of(2) && older < docs.len() {
        let (old_sections, old_clauses) = (
            indexes(&docs[older], "section"),
            indexes(&docs[older], "clause"),
        );
        for &s in &sections {
            if rng.chance(0.6) {
                add((d, s), (older, rng.pick(&old_sections)), "continues");
            }
        }
        for &c in &clauses {
            if rng.chance(0.08) {
                add((d, c), (older, rng.pick(&old_clauses)), "continues");
            }
        }
    }
    if docs.len() < 3 {
        return;
    }
    let other = |rng: &mut Rng| loop {
        let o = rng.below(docs.len());
        if docs[o].series != docs[d].series {
            return o;
        }
    };
    for &s in &sections {
        if rng.chance(0.35) {
            let o = other(rng);
            let kind = if rng.chance(0.5) { "section" } else { "clause" };
            add((d, s), (o, rng.pick(&indexes(&docs[o], kind))), "related");
        }
    }
    for &c in &clauses {
        if rng.chance(0.03) {
            let o = other(rng);
            add(
                (d, c),
                (o, rng.pick(&indexes(&docs[o], "clause"))),
                "related",
            );
        }
    }
}
