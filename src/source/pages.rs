//! Pages in Markdown under `content/pages/`: about, how to cite, the data
//! format. Each starts with TOML front matter between `+++` lines.

use std::path::Path;

use serde::Deserialize;

use crate::diag::{Diagnostic, LineIndex};
use crate::model::ids;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    lang: String,
    /// Position in the navigation; smaller first.
    #[serde(default)]
    order: i64,
}

/// A Markdown page, ready to render.
#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub title: String,
    pub lang: String,
    pub order: i64,
    pub markdown: String,
}

/// Reads `content/pages/*.md`; problems go to `diags`. `langs` are the
/// site's languages.
pub fn load(root: &Path, langs: &[String], diags: &mut Vec<Diagnostic>) -> Vec<Page> {
    let dir = root.join("pages");
    let mut pages = Vec::new();
    if std::fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink()) {
        diags.push(super::load::symlink_refused(&dir));
        return pages;
    }
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return pages;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.extension().is_none_or(|x| x != "md") {
            diags.push(
                Diagnostic::new(&path, None, "not a .md file")
                    .help("only Markdown pages belong in content/pages"),
            );
            continue;
        }
        let Some(slug) = path.file_stem().and_then(|s| s.to_str()) else {
            diags.push(
                Diagnostic::new(&path, None, "the page's name is not UTF-8 text").help(
                    "rename it with lower-case letters, digits and hyphens, e.g. `how-to-cite.md`",
                ),
            );
            continue;
        };
        let slug = slug.to_string();
        if let Some(problem) = ids::too_long("page name", &slug) {
            diags.push(Diagnostic::new(&path, None, problem).help(ids::TOO_LONG_HELP));
            continue;
        }
        if !ids::is_document_id(&slug) {
            diags.push(
                Diagnostic::new(&path, None, format!("`{slug}` is not a valid page name"))
                    .help("use lower-case letters, digits and hyphens, e.g. `how-to-cite.md`"),
            );
            continue;
        }
        let Some(text) = super::load::read_text(&path, diags, true) else {
            continue;
        };
        // Saved with Windows line ends: the same lines.
        let text = text.replace("\r\n", "\n");
        let Some(rest) = text.strip_prefix("+++\n") else {
            diags.push(
                Diagnostic::new(&path, Some(1), "missing front matter")
                    .help("start the page with +++, then `title` and `lang`, then +++"),
            );
            continue;
        };
        let Some((front, body)) = rest.split_once("\n+++\n") else {
            diags.push(
                Diagnostic::new(&path, Some(1), "front matter is not closed")
                    .help("end it with a line `+++`"),
            );
            continue;
        };
        let lines = LineIndex::new(&text);
        match toml::from_str::<FrontMatter>(front) {
            Ok(fm) => {
                // The title and the text reach the page: checked as
                // every content text is.
                let problem = crate::check::safety::text_problem(&fm.title)
                    .map(|(p, h)| (2, format!("title: {p}"), h))
                    .or_else(|| {
                        crate::check::safety::markdown_problem(body).map(|(p, h)| {
                            // The line of the body, or of the invisible
                            // character that is the problem if there is one.
                            let hidden = crate::check::invisible::find(body);
                            let before = &body[..hidden.map_or(0, |(at, _)| at)];
                            let at = front.lines().count() + 3 + before.matches('\n').count();
                            (at, p, h)
                        })
                    });
                if let Some((line, problem, help)) = problem {
                    diags.push(Diagnostic::new(&path, Some(line), problem).help(help));
                    continue;
                }
                if !langs.contains(&fm.lang) {
                    diags.push(Diagnostic::new(
                        &path,
                        Some(2),
                        format!("page language `{}` is not one of the site's", fm.lang),
                    ));
                    continue;
                }
                pages.push(Page {
                    slug,
                    // Shown as plain text: see check::text::plain_texts.
                    title: crate::render::text::plain(&fm.title),
                    lang: fm.lang,
                    order: fm.order,
                    markdown: body.to_string(),
                });
            }
            Err(e) => {
                let line = e.span().map(|s| lines.line(s.start + 4));
                diags.push(
                    Diagnostic::new(&path, line, e.message().trim_end())
                        .help("front matter takes `title`, `lang` and `order`"),
                );
            }
        }
    }
    pages.sort_by(|a, b| (a.order, &a.slug).cmp(&(b.order, &b.slug)));
    pages
}
