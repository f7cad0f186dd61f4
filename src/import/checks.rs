//! Doubts about the numbering of a built tree, for the report: gaps,
//! restarts and backward steps, decimals under the wrong number, runs of
//! unnumbered paragraphs in an action plan.

use super::report::Report;
use super::schemes::Shape;
use super::structure::Work;

/// Gaps, restarts and backward steps in each node's numbered children.
pub(super) fn check_numbering(work: &[Work], report: &mut Report) {
    // Where each (scheme, number) first is: a law's articles go on from one
    // chapter to the next, and that is no gap.
    let mut first: std::collections::HashMap<((usize, u8), u32), usize> = Default::default();
    for (i, w) in work.iter().enumerate() {
        if let Some(n) = w.mark.as_ref().and_then(|m| m.number) {
            first
                .entry((w.mark.as_ref().map_or((0, 0), |m| m.key()), n))
                .or_insert(i);
        }
    }
    let parents = std::iter::once(None).chain((0..work.len()).map(Some));
    for p in parents {
        let children: Vec<usize> = match p {
            Some(p) => work[p].children.clone(),
            None => (0..work.len())
                .filter(|&i| work[i].parent.is_none())
                .collect(),
        };
        let mut last: Vec<((usize, u8), u32, usize)> = Vec::new();
        for c in children {
            let Some(m) = &work[c].mark else { continue };
            let Some(num) = m.number else { continue };
            let line = work[c].first;
            let parent_num = p.and_then(|p| work[p].mark.as_ref()).and_then(|m| m.number);
            if let (Shape::Decimal, Some(&major), Some(parent_num)) =
                (m.shape, m.outer.last(), parent_num)
            {
                if major != parent_num {
                    let outer: Vec<String> = m.outer.iter().map(u32::to_string).collect();
                    report.warn(
                        line,
                        format!(
                            "clause {}.{num} stands under number {parent_num}",
                            outer.join(".")
                        ),
                    );
                }
            }
            let family = m.key();
            let prev = last.iter_mut().find(|(f, _, _)| *f == family);
            let (expected, prev_line) = prev.as_ref().map_or((1, 0), |(_, n, l)| (n + 1, *l));
            // An excerpt may start at any number at the top (written as
            // `first`); a gap inside is still a gap.
            let excerpt = p.is_none() && prev.is_none();
            let continues = excerpt
                || (prev.is_none()
                    && num > 1
                    && first.get(&(family, num - 1)).is_some_and(|&i| i < c));
            if num != expected && !continues {
                let what = if num > expected {
                    format!("numbering gap: number {num} where {expected} was expected")
                } else if num == 1 {
                    format!("numbering restarts at 1 after line {prev_line}: a heading level may be missing or wrong (renumbered section?)")
                } else {
                    format!("numbering goes back to {num} after line {prev_line}, where {expected} was expected (renumbered section?)")
                };
                report.warn(line, what);
            }
            match prev {
                Some(entry) => *entry = (family, num, line),
                None => last.push((family, num, line)),
            }
        }
    }
}

/// In an action plan, text is numbered clauses: a run of unnumbered
/// paragraphs inside a numbered node below the top is suspect.
pub(super) fn check_paragraph_runs(work: &[Work], report: &mut Report) {
    for w in work
        .iter()
        .filter(|w| w.mark.is_some() && w.parent.is_some())
    {
        let mut run: Vec<usize> = Vec::new();
        for &c in w.children.iter().chain(std::iter::once(&usize::MAX)) {
            if c != usize::MAX && work[c].mark.is_none() {
                run.push(c);
                continue;
            }
            if run.len() >= 2 {
                report.warn(work[run[0]].first, format!(
                    "{} unnumbered paragraphs in a row (lines {}–{}) inside the numbered node of line {}: suspected inserted passage",
                    run.len(), work[run[0]].first, work[run[run.len() - 1]].first, w.first));
            }
            run.clear();
        }
    }
}
