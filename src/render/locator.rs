//! The locator of a node in a citation (`art. 2.3(3)`, `Preamble, para. 2`,
//! `第二条第三项第（三）目`): made from the node's id, not from the labels
//! as printed, so that one document has one number format, and every node
//! of a document a locator of its own.
//!
//! The forms are interface strings (`templates/strings.toml`, `loc_*`):
//!
//! - `loc_<kind>`: a node that starts a locator, or a named part with no
//!   number (`loc_preamble`, `loc_annex`);
//! - `loc_next` / `loc_next_paren`: a numbered node below another, joined
//!   to it (`.3`, `(3)`); `loc_next_paren` when the node's label in the
//!   document's first language (the structural one) is in brackets;
//! - `loc_paragraph`: an unnumbered source paragraph (`p_N`), always a
//!   part of its own;
//! - `loc_sep`: what comes before a part of its own (`, `; nothing in
//!   Chinese).
//!
//! In a form, `{n}` is the number in Arabic figures, `{I}` in Roman
//! numerals, `{zh}` in Chinese numerals. An article whose number occurs
//! once in its document (a law numbers its articles throughout) starts
//! the locator afresh: `art. 12`, not `ch. II.12`.

use std::collections::HashMap;

use crate::model::{Document, NodeKind};
use crate::render::Ctx;

/// The locator of node `index` of `doc` in `lang`; empty for none.
pub fn locator(cx: &Ctx, doc: &Document, index: usize, lang: &str) -> String {
    Locators::new(cx, doc, lang).of(index)
}

/// The forms of one language, and what a document's locators need to know
/// of it, made once per document and language.
pub struct Locators<'a> {
    doc: &'a Document,
    forms: HashMap<&'static str, String>,
    next: String,
    next_paren: String,
    sep: String,
    /// Article numbers that occur once in the document.
    restarting: Vec<bool>,
}

impl<'a> Locators<'a> {
    pub fn new(cx: &Ctx, doc: &'a Document, lang: &str) -> Locators<'a> {
        let forms = NodeKind::ALL
            .iter()
            .map(|k| (k.as_str(), cx.ui(lang, &format!("loc_{}", k.as_str()))))
            .collect();
        let mut articles: HashMap<u32, usize> = HashMap::new();
        for n in &doc.nodes {
            if let (NodeKind::Article, Some(num)) = (n.kind, number(&n.id)) {
                *articles.entry(num).or_default() += 1;
            }
        }
        let restarting = doc
            .nodes
            .iter()
            .map(|n| {
                n.kind == NodeKind::Article
                    && number(&n.id).is_some_and(|num| articles.get(&num) == Some(&1))
            })
            .collect();
        Locators {
            doc,
            forms,
            next: cx.ui(lang, "loc_next"),
            next_paren: cx.ui(lang, "loc_next_paren"),
            sep: cx.ui(lang, "loc_sep"),
            restarting,
        }
    }

    /// The locator of node `index`.
    pub fn of(&self, index: usize) -> String {
        let mut chain = Vec::new();
        let mut at = Some(index);
        while let Some(i) = at {
            chain.push(i);
            if self.restarting[i] {
                break;
            }
            at = self.doc.nodes[i].parent;
        }
        let mut out = String::new();
        // Whether the last part was numbered, so that a number may follow on.
        let mut numbered = false;
        for &i in chain.iter().rev() {
            let node = &self.doc.nodes[i];
            let num = number(&node.id);
            let kind = node.kind.as_str();
            let joined = numbered && num.is_some() && node.kind != NodeKind::Paragraph;
            let form = if joined {
                if self.bracketed(i) {
                    &self.next_paren
                } else {
                    &self.next
                }
            } else {
                if !out.is_empty() {
                    out.push_str(&self.sep);
                }
                &self.forms[kind]
            };
            out.push_str(&fill(form, num.unwrap_or(0)));
            numbered = num.is_some() && node.kind != NodeKind::Paragraph;
        }
        out
    }

    /// The node's label in the document's first language is in brackets:
    /// `（三）`, `(3)`.
    fn bracketed(&self, i: usize) -> bool {
        let first = self.doc.languages.first();
        first
            .and_then(|l| self.doc.nodes[i].label.get(l))
            .is_some_and(|l| l.trim_start().starts_with(['(', '（']))
    }
}

/// The number at the end of a node id (`art_2__sec_3` → 3).
fn number(id: &str) -> Option<u32> {
    let last = id.rsplit("__").next()?;
    last.rsplit_once('_')?.1.parse().ok()
}

/// A form with its number: `{n}`, `{I}`, `{zh}`.
fn fill(form: &str, n: u32) -> String {
    let mut out = form.to_string();
    if out.contains("{n}") {
        out = out.replace("{n}", &n.to_string());
    }
    if out.contains("{I}") {
        out = out.replace("{I}", &roman(n));
    }
    if out.contains("{zh}") {
        out = out.replace("{zh}", &chinese(n));
    }
    out
}

/// Upper-case Roman numerals (`0` stays `0`).
pub fn roman(mut n: u32) -> String {
    if n == 0 {
        return "0".to_string();
    }
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, s) in TABLE {
        while n >= value {
            out.push_str(s);
            n -= value;
        }
    }
    out
}

/// Chinese numerals as in legal texts: 三, 十二, 二十, 一百零五.
pub fn chinese(n: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if n >= 10_000 {
        return n.to_string();
    }
    if n < 10 {
        return DIGITS[n as usize].to_string();
    }
    let places = [(1000, '千'), (100, '百'), (10, '十')];
    let mut out = String::new();
    let mut rest = n;
    let mut zero = false;
    for (value, unit) in places {
        let d = rest / value;
        rest %= value;
        if d > 0 {
            if zero {
                out.push('零');
                zero = false;
            }
            // 十二, not 一十二, when ten is the highest place.
            if !(value == 10 && d == 1 && out.is_empty()) {
                out.push(DIGITS[d as usize]);
            }
            out.push(unit);
        } else if !out.is_empty() {
            zero = true;
        }
    }
    if rest > 0 {
        if zero {
            out.push('零');
        }
        out.push(DIGITS[rest as usize]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        let zh: Vec<String> = [1, 10, 12, 20, 21, 100, 105, 110, 999, 1001]
            .iter()
            .map(|&n| chinese(n))
            .collect();
        assert_eq!(
            zh,
            [
                "一",
                "十",
                "十二",
                "二十",
                "二十一",
                "一百",
                "一百零五",
                "一百一十",
                "九百九十九",
                "一千零一"
            ]
        );
        for n in 1..1000 {
            assert_eq!(
                crate::import::numerals::chinese_number(&chinese(n)),
                Some(n),
                "{n}"
            );
            if n < 400 {
                assert_eq!(crate::import::numerals::roman_number(&roman(n)), Some(n));
            }
        }
        assert_eq!(roman(2024), "MMXXIV");
        assert_eq!(fill("第（{zh}）目", 3), "第（三）目");
        assert_eq!(fill("Part {I}.{n}", 4), "Part IV.4");
    }
}
