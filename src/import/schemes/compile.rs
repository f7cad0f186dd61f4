//! A scheme as written made ready to match: its pattern as a regex, its
//! kinds checked against the node kinds; every problem with its place.

use std::collections::BTreeMap;

use regex::Regex;
use toml::Spanned;

use super::{Level, LevelDef, Problem, Scheme, SchemeDef, Shape};
use crate::import::numerals::Numeral;
use crate::model::NodeKind;

fn node_kind(s: &Spanned<String>) -> Result<NodeKind, Problem> {
    NodeKind::parse(s.get_ref()).ok_or_else(|| Problem {
        span: Some(s.span()),
        message: format!(
            "unknown node kind `{}`: use one of {}",
            s.get_ref(),
            NodeKind::expected()
        ),
    })
}

type Levels = (Level, Vec<(NodeKind, Level)>);

fn level_of(
    kind: &Spanned<String>,
    leaf: &Option<Spanned<String>>,
    under: &BTreeMap<String, LevelDef>,
) -> Result<Levels, Vec<Problem>> {
    let mut problems = Vec::new();
    let kind_k = node_kind(kind).map_err(|p| problems.push(p)).ok();
    let leaf_k = leaf
        .as_ref()
        .map(node_kind)
        .transpose()
        .map_err(|p| problems.push(p))
        .ok()
        .flatten();
    let mut subs = Vec::new();
    for (parent, def) in under {
        let p = NodeKind::parse(parent).ok_or_else(|| Problem {
            span: Some(def.kind.span()),
            message: format!(
                "`under.{parent}`: unknown node kind `{parent}`: use one of {}",
                NodeKind::expected()
            ),
        });
        match (p, level(def)) {
            (Ok(p), Ok((l, deeper))) if deeper.is_empty() => subs.push((p, l)),
            (Ok(_), Ok(_)) => problems.push(Problem {
                span: Some(def.kind.span()),
                message: format!("`under.{parent}` cannot have an `under` of its own"),
            }),
            (p, l) => {
                problems.extend(p.err());
                problems.extend(l.err().into_iter().flatten());
            }
        }
    }
    match kind_k {
        Some(k) if problems.is_empty() => Ok((
            Level {
                kind: k,
                leaf: leaf_k.unwrap_or(k),
            },
            subs,
        )),
        _ => Err(problems),
    }
}

pub(super) fn level(def: &LevelDef) -> Result<Levels, Vec<Problem>> {
    level_of(&def.kind, &def.leaf, &def.under)
}

/// Compiles a scheme's pattern and levels.
pub(super) fn compile(d: &SchemeDef) -> Result<Scheme, Vec<Problem>> {
    let at = |message: String| {
        vec![Problem {
            span: Some(d.pattern.span()),
            message,
        }]
    };
    let id = d.id.get_ref();
    let (body, numerals, shape) =
        pattern(d.pattern.get_ref()).map_err(|m| at(format!("scheme `{id}`: {m}")))?;
    let (level, under) = level_of(&d.kind, &d.leaf, &d.under)?;
    let numbered = !matches!(shape, Shape::Named);
    if numbered == level.kind.is_unnumbered() {
        return Err(at(format!(
            "scheme `{id}`: kind `{}` {}",
            level.kind,
            if numbered {
                "has no number: its pattern cannot have a numeral"
            } else {
                "is numbered: its pattern needs a numeral such as `{1}`"
            }
        )));
    }
    if let Some(a) = &d.abbrev {
        if a.get_ref() != level.kind.abbrev() {
            return Err(vec![Problem {
                span: Some(a.span()),
                message: format!(
                    "scheme `{id}`: kind `{}` is abbreviated `{}` in ids, not `{}`",
                    level.kind,
                    level.kind.abbrev(),
                    a.get_ref()
                ),
            }]);
        }
    }
    let then = if d.then.is_empty() {
        String::new()
    } else {
        format!("[{}]*", regex::escape(&d.then))
    };
    let regex = match shape {
        Shape::Heading => None,
        Shape::Named => Some(format!("^{body}\\s*$")),
        _ => Some(format!("^{body}{then}")),
    };
    let regex = regex
        .map(|r| Regex::new(&r))
        .transpose()
        .map_err(|e| at(format!("scheme `{id}`: {e}")))?;
    Ok(Scheme {
        id: id.clone(),
        shape,
        langs: d.langs.clone(),
        regex,
        numerals,
        level,
        under,
    })
}

/// A pattern as a regex body, its numerals and its shape.
fn pattern(p: &str) -> Result<(String, Vec<Numeral>, Shape), String> {
    let mut body = String::new();
    let mut numerals = Vec::new();
    let mut shape = Shape::Named;
    let mut rest = p;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        if c == '{' {
            let (name, after) = rest.split_once('}').ok_or("`{` without `}`")?;
            rest = after;
            if shape != Shape::Named {
                return Err("more than one numeral".into());
            }
            if name == "#" {
                if p != "{#}" {
                    return Err("`{#}` (a Markdown heading) stands alone".into());
                }
                return Ok((String::new(), Vec::new(), Shape::Heading));
            }
            for n in name.split('|') {
                numerals.push(
                    Numeral::from_name(n).ok_or_else(|| {
                        format!("unknown numeral `{{{n}}}`: use {}", Numeral::NAMES)
                    })?,
                );
            }
            shape = if numerals.contains(&Numeral::Decimal) {
                if numerals.len() > 1 {
                    return Err("`{1.1}` cannot be one of several".into());
                }
                Shape::Decimal
            } else {
                Shape::Numbered
            };
            let alts: Vec<String> = numerals
                .iter()
                .map(|n| format!("(?:{})", n.regex()))
                .collect();
            body.push_str(&format!("(?P<n>{})", alts.join("|")));
            continue;
        }
        body.push_str(&match c {
            ' ' => "\\s+".to_string(),
            '(' | '（' => "[(（]".to_string(),
            ')' | '）' => "[)）]".to_string(),
            '.' | '．' => "[.．]".to_string(),
            ':' | '：' => "[:：]".to_string(),
            c if c.is_alphabetic() => format!("(?i:{})", regex::escape(&c.to_string())),
            c => regex::escape(&c.to_string()),
        });
    }
    if body.is_empty() {
        return Err("empty pattern".into());
    }
    Ok((body, numerals, shape))
}
