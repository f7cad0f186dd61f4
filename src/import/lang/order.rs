//! The languages of an interleaved text and their order, when not given.

use super::super::parallel::split_gaps;
use super::{chinese_variant, guess_latin, script, script_of, Script, LATIN};

/// The languages of an interleaved text and their order, when not given:
/// the Chinese of its Han lines, the Latin languages its lines' words
/// name (on at least half as many lines as the most named); first the
/// language that most often starts a paragraph (after a blank line, or
/// first on a line split by wide gaps), else the Chinese, then each
/// language's usual successor.
pub fn order(text: &str) -> Vec<String> {
    let mut seq: Vec<(String, bool)> = Vec::new();
    let mut after_blank = true;
    let han = chinese_variant(text);
    let mut latin_counts = [0usize; 4];
    let parts = text.lines().flat_map(|l| {
        let l = l.trim();
        match split_gaps(l) {
            Some(parts) => std::iter::once("")
                .chain(parts)
                .chain(std::iter::once(""))
                .collect(),
            None => vec![l],
        }
    });
    for line in parts {
        if line.is_empty() {
            after_blank = true;
            continue;
        }
        let found = match script(line) {
            Some(Script::Han) => Some(han.to_string()),
            Some(Script::Latin) => guess_latin(line).map(|g| {
                latin_counts[LATIN.iter().position(|l| *l == g).unwrap_or(0)] += 1;
                g.to_string()
            }),
            None => None,
        };
        if let Some(f) = found {
            seq.push((f, after_blank));
        }
        after_blank = false;
    }
    let top = latin_counts.iter().copied().max().unwrap_or(0);
    let mut langs: Vec<String> = Vec::new();
    for (l, _) in &seq {
        let keep = script_of(l) == Script::Han || {
            let count = latin_counts[LATIN.iter().position(|x| x == l).unwrap_or(0)];
            count * 2 >= top
        };
        if keep && !langs.contains(l) {
            langs.push(l.clone());
        }
    }
    let has_latin_lines = text.lines().any(|l| script(l) == Some(Script::Latin));
    if !langs.iter().any(|l| script_of(l) == Script::Latin) && has_latin_lines {
        langs.push("en".into());
    }
    if langs.len() < 2 {
        return langs;
    }
    let starts = |l: &String| seq.iter().filter(|(x, b)| x == l && *b).count();
    let first = langs
        .iter()
        .max_by_key(|l| (starts(l), script_of(l) == Script::Han))
        .cloned()
        .unwrap_or_default();
    let mut order = vec![first];
    while order.len() < langs.len() {
        let last = order.last().cloned().unwrap_or_default();
        let follows = |l: &String| {
            seq.windows(2)
                .filter(|w| w[0].0 == last && &w[1].0 == l)
                .count()
        };
        let next = langs
            .iter()
            .filter(|l| !order.contains(l))
            .max_by_key(|l| {
                (
                    follows(l),
                    std::cmp::Reverse(langs.iter().position(|x| x == *l)),
                )
            })
            .cloned()
            .unwrap_or_default();
        order.push(next);
    }
    order
}
