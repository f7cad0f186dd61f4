//! One document from several files, a language each, aligned by their
//! numbering ([`super::align`]); the report names each line by file.

use super::align::Tree;
use super::report::Report;
use super::schemes::Table;
use super::several::{aligned, mismatch, shape};
use super::{document, lang, monolingual, Format, Imported, Options, EN};
use crate::diag::Diagnostic;

/// One document from several files, one language each (`plan.zh.md`,
/// `plan.en.md`, `plan.es.md`), aligned by their numbering. Each file's
/// language is given (`languages`, in the files' order), or in its name,
/// or found in its text. The report names each line by file and number.
pub fn import_files(files: &[(String, String)], opts: &Options) -> Imported {
    let table = opts.schemes.clone().unwrap_or_else(Table::builtin);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let source = names.join(", ");
    let first = files.first().map_or("", |(_, t)| t.as_str());
    let kind = opts
        .kind
        .clone()
        .unwrap_or_else(|| super::meta::guess_kind(&opts.title, first));
    let declared = opts.declared();
    let mut reports = Vec::new();
    let mut trees = Vec::new();
    let mut errors = Vec::new();
    for (k, (name, text)) in files.iter().enumerate() {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let given = match declared.get(k).filter(|_| declared.len() == files.len()) {
            Some(l) => Some((l.clone(), false)),
            None => lang::from_file_name(name)
                .first()
                .filter(|_| lang::from_file_name(name).len() == 1)
                .map(|l| (l.clone(), true)),
        };
        let format = match opts.format {
            Some(f @ (Format::Markdown | Format::Text)) => f,
            _ if name.ends_with(".md") => Format::Markdown,
            _ => Format::Text,
        };
        let mut report = Report::new(name, format.name(), text);
        let applied = super::instructions::apply(name, text, &opts.instructions, &mut report)
            .unwrap_or_else(|e| {
                errors.push(super::instruction_error(name, e));
                text.to_string()
            });
        let text = applied.as_str();
        let lang = match &given {
            Some((l, named)) => {
                let pieces: Vec<(usize, &str)> =
                    text.lines().enumerate().map(|(i, l)| (i + 1, l)).collect();
                errors.extend(mismatch(name, l, &pieces, *named));
                l.clone()
            }
            None => lang::detect(text).unwrap_or_else(|| EN.to_string()),
        };
        if let Some(other) = trees.iter().position(|t: &Tree| t.lang == lang) {
            errors.push(Diagnostic::new(name.as_str(), None, format!("`{lang}` again: `{}` is in `{lang}` too", names[other]))
                .help("give one file per language, and the language of each (--lang zh-Hans,en,es in the files' order, or file names such as `plan.es.md`)"));
        }
        let b = monolingual::read(text, &lang, &table, &mut report);
        let shaped = shape(
            b,
            std::slice::from_ref(&lang),
            &lang,
            &table,
            &kind,
            true,
            &mut report,
        );
        trees.push(Tree {
            lang,
            shaped,
            file: Some(name.clone()),
        });
        reports.push(report);
    }
    let trees_langs: Vec<String> = trees.iter().map(|t| t.lang.clone()).collect();
    let (made, doubts) = aligned(trees, opts);
    for (t, line, message) in doubts {
        reports[t].warn(line, message);
    }
    let file_langs: Vec<String> = trees_langs;
    let base = opts.structural_in(&made.languages);
    let base = file_langs
        .iter()
        .position(|l| *l == made.languages[base])
        .unwrap_or(0);
    let mut head = Report::new(&source, "one file per language", "");
    let document = document(&source, made, opts, kind, &mut head);
    for e in head.entries.drain(..) {
        if let Some(r) = reports.get_mut(base) {
            r.warn(e.line, e.message);
        }
    }
    let mut combined = head;
    combined.format = format!("one file per language: {}", document.languages.join(", "));
    for (mut r, (_, text)) in reports.into_iter().zip(files) {
        r.finish(text.strip_prefix('\u{feff}').unwrap_or(text));
        combined.absorb(r);
    }
    combined.sort();
    Imported {
        document,
        report: combined,
        errors,
    }
}
