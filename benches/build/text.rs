//! The words of the corpus: Chinese numerals, clauses made of the
//! vocabulary's phrases, and the Markdown pages.

use crate::rng::Rng;
use crate::synth::{Bi, Page};
use crate::vocab::{self, Pair};

/// Chinese numerals 1–99 (一, 十二, 二十三).
pub fn zh_number(n: usize) -> String {
    const D: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n].to_string(),
        10..=19 => format!("十{}", D[n % 10]),
        _ => format!("{}十{}", D[n / 10 % 10], D[n % 10]),
    }
}

/// A clause of 60–120 Chinese characters and about 30–60 English words:
/// an opener, verb phrases, and what they are for.
pub fn clause_text(rng: &mut Rng, opener: bool) -> Bi {
    let target = rng.range(60, 120);
    let open = if opener {
        rng.pick(vocab::OPENERS)
    } else {
        ("", "The two sides will")
    };
    let purpose = rng.pick(vocab::PURPOSES);
    let mut actions: Vec<Pair> = Vec::new();
    let mut len = open.0.chars().count() + purpose.0.chars().count() + 2;
    while len < target {
        let a = rng.pick(vocab::ACTIONS);
        if !actions.contains(&a) {
            len += a.0.chars().count() + 1;
            actions.push(a);
        }
    }
    let zh_actions: Vec<&str> = actions.iter().map(|a| a.0).collect();
    let en_actions: Vec<&str> = actions.iter().map(|a| a.1).collect();
    let (last, rest) = en_actions.split_last().unwrap_or((&"", &[]));
    let en_list = if rest.is_empty() {
        last.to_string()
    } else {
        format!("{} and {last}", rest.join(", "))
    };
    Bi {
        zh: format!("{}{}，{}。", open.0, zh_actions.join("，"), purpose.0),
        en: format!("{} {en_list}, {}.", open.1, purpose.1),
    }
}

/// The Markdown pages: two in English, one in Chinese.
pub fn pages(rng: &mut Rng) -> Vec<Page> {
    let para = |rng: &mut Rng, zh: bool| {
        let t = clause_text(rng, true);
        if zh {
            t.zh
        } else {
            t.en
        }
    };
    let mut out = Vec::new();
    for (slug, lang, title) in [
        ("about", "en", "About these documents"),
        ("how-to-cite", "en", "How to cite"),
        ("shuoming", "zh-Hans", "关于本站"),
    ] {
        let zh = lang != "en";
        let markdown = format!(
            "{}\n\n## {}\n\n- {}\n- {}\n\n{}\n",
            para(rng, zh),
            if zh { "说明" } else { "Notes" },
            para(rng, zh),
            para(rng, zh),
            para(rng, zh)
        );
        out.push(Page {
            slug,
            lang,
            title: title.to_string(),
            markdown,
        });
    }
    out
}
