//! Pages in Markdown under `content/pages/`: about, how to cite, the data
//! format. Each starts with TOML front matter between `+++` lines. A page
//! may have a text per language of the site, as Zola and Hugo name
//! translations: `about.md` (its language given by `lang`) and
//! `about.zh-Hans.md` (in the language its name gives) are one page,
//! shown in the reader's interface language (src/render/pages/page.rs),
//! by default in the first of the site's languages it has.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diag::{Diagnostic, LineIndex};
use crate::model::ids;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    title: String,
    /// Required in a file without a language in its name.
    lang: Option<String>,
    /// Position in the navigation; smaller first.
    #[serde(default)]
    order: Option<i64>,
}

/// A Markdown page, ready to render.
#[derive(Debug, Clone)]
pub struct Page {
    pub slug: String,
    pub order: i64,
    /// Its texts, one per language, in the order of the site's languages.
    pub texts: Vec<PageText>,
}

/// A page in one language.
#[derive(Debug, Clone)]
pub struct PageText {
    pub lang: String,
    pub title: String,
    pub markdown: String,
}

impl Page {
    /// The page's language: its first text's, the first of the site's
    /// languages it has.
    pub fn lang(&self) -> &str {
        &self.texts[0].lang
    }

    /// Its text in `lang`, else its first.
    pub fn text_in(&self, lang: &str) -> &PageText {
        self.texts
            .iter()
            .find(|t| t.lang == lang)
            .unwrap_or(&self.texts[0])
    }
}

/// One file read: the page it belongs to, whether its name gives its
/// language, its order if it sets one, its text.
struct Read {
    slug: String,
    named: bool,
    order: Option<i64>,
    text: PageText,
    path: PathBuf,
}

/// Reads `content/pages/*.md`; problems go to `diags`. `langs` are the
/// site's languages.
pub fn load(root: &Path, langs: &[String], diags: &mut Vec<Diagnostic>) -> Vec<Page> {
    let dir = root.join("pages");
    if std::fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink()) {
        diags.push(super::load::symlink_refused(&dir));
        return Vec::new();
    }
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let read: Vec<Read> = paths
        .into_iter()
        .filter_map(|path| read(path, langs, diags))
        .collect();
    let mut pages: Vec<Page> = Vec::new();
    let mut slugs: Vec<&str> = read.iter().map(|r| r.slug.as_str()).collect();
    slugs.sort_unstable();
    slugs.dedup();
    for slug in slugs {
        let mut files: Vec<&Read> = read.iter().filter(|r| r.slug == slug).collect();
        // In the site's order; of two texts in one language, the file
        // without a language in its name is kept.
        files.sort_by_key(|r| (langs.iter().position(|l| *l == r.text.lang), r.named));
        let mut texts: Vec<PageText> = Vec::new();
        for r in &files {
            if texts.iter().any(|t| t.lang == r.text.lang) {
                diags.push(
                    Diagnostic::new(
                        &r.path,
                        None,
                        format!("page `{slug}` has two texts in `{}`", r.text.lang),
                    )
                    .help(format!(
                        "keep one: `{slug}.md` with `lang = \"{0}\"` or `{slug}.{0}.md`",
                        r.text.lang
                    )),
                );
                continue;
            }
            texts.push(r.text.clone());
        }
        pages.push(Page {
            slug: slug.to_string(),
            order: files.iter().find_map(|r| r.order).unwrap_or(0),
            texts,
        });
    }
    pages.sort_by(|a, b| (a.order, &a.slug).cmp(&(b.order, &b.slug)));
    pages
}

/// Reads one file of `content/pages`.
fn read(path: PathBuf, langs: &[String], diags: &mut Vec<Diagnostic>) -> Option<Read> {
    if path.extension().is_none_or(|x| x != "md") {
        diags.push(
            Diagnostic::new(&path, None, "not a .md file")
                .help("only Markdown pages belong in content/pages"),
        );
        return None;
    }
    let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
        diags.push(
            Diagnostic::new(&path, None, "the page's name is not UTF-8 text").help(
                "rename it with lower-case letters, digits and hyphens, e.g. `how-to-cite.md`",
            ),
        );
        return None;
    };
    let (slug, named) = match stem.split_once('.') {
        Some((slug, lang)) => (slug, Some(lang)),
        None => (stem, None),
    };
    if let Some(problem) = ids::too_long("page name", slug) {
        diags.push(Diagnostic::new(&path, None, problem).help(ids::TOO_LONG_HELP));
        return None;
    }
    if !ids::is_document_id(slug) {
        diags.push(
            Diagnostic::new(&path, None, format!("`{slug}` is not a valid page name")).help(
                "use lower-case letters, digits and hyphens, e.g. `how-to-cite.md`, and for a \
                 translation the language after a dot: `how-to-cite.zh-Hans.md`",
            ),
        );
        return None;
    }
    if let Some(lang) = named.filter(|l| !langs.iter().any(|s| s == l)) {
        diags.push(
            Diagnostic::new(
                &path,
                None,
                format!("`{lang}` in the file's name is not one of the site's languages"),
            )
            .help(format!("use one of: {}", langs.join(", "))),
        );
        return None;
    }
    let text = super::load::read_text(&path, diags, true)?;
    // Saved with Windows line ends: the same lines.
    let text = text.replace("\r\n", "\n");
    let Some(rest) = text.strip_prefix("+++\n") else {
        diags.push(
            Diagnostic::new(&path, Some(1), "missing front matter")
                .help("start the page with +++, then `title` and `lang`, then +++"),
        );
        return None;
    };
    let Some((front, body)) = rest.split_once("\n+++\n") else {
        diags.push(
            Diagnostic::new(&path, Some(1), "front matter is not closed")
                .help("end it with a line `+++`"),
        );
        return None;
    };
    let fm = match toml::from_str::<FrontMatter>(front) {
        Ok(fm) => fm,
        Err(e) => {
            let line = e.span().map(|s| LineIndex::new(&text).line(s.start + 4));
            diags.push(
                Diagnostic::new(&path, line, e.message().trim_end())
                    .help("front matter takes `title`, `lang` and `order`"),
            );
            return None;
        }
    };
    // The title and the text reach the page: checked as every content
    // text is.
    let problem = crate::check::safety::text_problem(&fm.title)
        .map(|(p, h)| (2, format!("title: {p}"), h))
        .or_else(|| {
            crate::check::safety::markdown_problem(body).map(|(p, h)| {
                // The line of the body, or of the invisible character that
                // is the problem if there is one.
                let hidden = crate::check::invisible::find(body);
                let before = &body[..hidden.map_or(0, |(at, _)| at)];
                let at = front.lines().count() + 3 + before.matches('\n').count();
                (at, p, h)
            })
        });
    if let Some((line, problem, help)) = problem {
        diags.push(Diagnostic::new(&path, Some(line), problem).help(help));
        return None;
    }
    let lang = match (named, fm.lang) {
        (Some(named), Some(lang)) if named != lang => {
            diags.push(Diagnostic::new(
                &path,
                Some(2),
                format!("`lang = \"{lang}\"` but the file's name says `{named}`"),
            ));
            return None;
        }
        (Some(named), _) => named.to_string(),
        (None, Some(lang)) => lang,
        (None, None) => {
            diags.push(
                Diagnostic::new(&path, Some(2), "missing field `lang`").help(
                    "give the page's language (`lang = \"en\"`), or put it in the file's \
                     name: `about.en.md`",
                ),
            );
            return None;
        }
    };
    if !langs.contains(&lang) {
        diags.push(Diagnostic::new(
            &path,
            Some(2),
            format!("page language `{lang}` is not one of the site's"),
        ));
        return None;
    }
    Some(Read {
        slug: slug.to_string(),
        named: named.is_some(),
        order: fm.order,
        text: PageText {
            lang,
            // Shown as plain text: see check::text::plain_texts.
            title: crate::render::text::plain(&fm.title),
            markdown: body.to_string(),
        },
        path,
    })
}
