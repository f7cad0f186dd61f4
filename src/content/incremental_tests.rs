//! `load_site_cached` gives what a fresh load and check give, after every
//! kind of change, and keeps the documents that did not change.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use super::cache::Cache;
use super::load_site_cached;
use crate::Error;

/// A copy of the repository's content in a temporary folder.
fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("content");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    for e in walkdir::WalkDir::new(&from).into_iter().flatten() {
        let to = root.join(e.path().strip_prefix(&from).unwrap());
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&to).unwrap();
        } else {
            std::fs::copy(e.path(), &to).unwrap();
        }
    }
    (dir, root)
}

/// Writes `text` with a modification time of its own.
fn write(path: &Path, text: &str, tick: &mut u64) {
    std::fs::write(path, text).unwrap();
    *tick += 1;
    let time = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000 + *tick);
    let file = std::fs::File::options().write(true).open(path).unwrap();
    file.set_modified(time).unwrap();
}

/// The result as text: the site and pages, or the problems.
fn shown(r: &Result<(super::Site, Vec<super::pages::Page>), Error>) -> String {
    match r {
        Ok((site, pages)) => format!("{site:?}\n{pages:?}"),
        Err(Error::Content(diags)) => diags.iter().map(|d| format!("{d}\n")).collect(),
        Err(e) => format!("{e}"),
    }
}

/// Both ways agree; returns the cached way's result.
fn agree(root: &Path, cache: &mut Cache) -> Result<(super::Site, Vec<super::pages::Page>), Error> {
    let cached = load_site_cached(root, cache);
    let (raw, diags) = super::load::load(root).unwrap();
    let fresh = super::check_and_resolve(root, raw, diags);
    assert_eq!(shown(&cached), shown(&fresh));
    cached
}

fn shared(a: &super::Site, b: &super::Site, id: &str) -> bool {
    let find = |s: &super::Site| {
        let d = s.documents.iter().position(|d| d.id == id).unwrap();
        Arc::clone(&s.documents.shared()[d])
    };
    Arc::ptr_eq(&find(a), &find(b))
}

#[test]
fn every_change_gives_what_a_fresh_build_gives() {
    let (_dir, root) = project();
    let mut tick = 0;
    let mut cache = Cache::default();
    let (first, _) = agree(&root, &mut cache).unwrap();
    assert!(cache.changed.len() > 5, "{:?}", cache.changed);

    // A clause changes: only its document is made again.
    let plan = root.join("documents/china-celac-action-plan-2025-2027.toml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let edited = text.replacen("text.en = \"", "text.en = \"Edited. ", 1);
    write(&plan, &edited, &mut tick);
    let (second, _) = agree(&root, &mut cache).unwrap();
    assert_eq!(cache.changed, vec![plan.clone()]);
    assert!(!shared(
        &first,
        &second,
        "china-celac-action-plan-2025-2027"
    ));
    assert!(shared(&first, &second, "china-lac-policy-paper-2025"));

    // Nothing changes: every document is the same.
    let (third, _) = agree(&root, &mut cache).unwrap();
    assert!(cache.changed.is_empty());
    for d in second.documents.iter() {
        assert!(shared(&second, &third, &d.id), "{}", d.id);
    }

    // A problem, then its fix.
    write(
        &plan,
        &edited.replacen("kind = \"clause\"", "kind = \"clauze\"", 1),
        &mut tick,
    );
    assert!(agree(&root, &mut cache).is_err());
    assert_eq!(cache.changed, vec![plan.clone()]);
    write(&plan, &text, &mut tick);
    agree(&root, &mut cache).unwrap();

    // The crosswalk loses a link; notes, site and briefings change.
    let cw = root.join("crosswalk.toml");
    let links = std::fs::read_to_string(&cw).unwrap();
    let at = links.find("[[link]]").unwrap();
    let end = at + 8 + links[at + 8..].find("[[link]]").unwrap();
    write(
        &cw,
        &format!("{}{}", &links[..at], &links[end..]),
        &mut tick,
    );
    agree(&root, &mut cache).unwrap();
    let notes = root.join("notes/translation.toml");
    let n = std::fs::read_to_string(&notes).unwrap();
    write(
        &notes,
        &n.replacen("text.en = \"", "text.en = \"Note. ", 1),
        &mut tick,
    );
    write(&root.join("notes/more.toml"), "[[note]]\ntarget = \"china-lac-policy-paper-2025:preface\"\nkind = \"remark\"\ntext.en = \"x\"\n", &mut tick);
    agree(&root, &mut cache).unwrap();
    let site = root.join("site.toml");
    let s = std::fs::read_to_string(&site).unwrap();
    write(
        &site,
        &s.replacen("title.en = \"", "title.en = \"New ", 1),
        &mut tick,
    );
    agree(&root, &mut cache).unwrap();
    let briefing = root.join("briefings/education-exchanges.toml");
    let b = std::fs::read_to_string(&briefing).unwrap();
    write(
        &briefing,
        &b.replacen("date = \"", "date = \"x", 1),
        &mut tick,
    );
    assert!(agree(&root, &mut cache).is_err());
    write(&briefing, &b, &mut tick);

    // A document goes away (links to it break), then comes back.
    let paper = root.join("documents/china-lac-policy-paper-2025.toml");
    let p = std::fs::read_to_string(&paper).unwrap();
    std::fs::remove_file(&paper).unwrap();
    assert!(agree(&root, &mut cache).is_err());
    assert!(cache.changed.contains(&paper));
    write(&paper, &p, &mut tick);
    agree(&root, &mut cache).unwrap();

    // Node ids and editions change: the cross-links are checked again.
    let last = p.rfind("[[node]]").unwrap();
    write(&paper, &p[..last], &mut tick);
    agree(&root, &mut cache).ok();
    write(&paper, &p, &mut tick);
    agree(&root, &mut cache).unwrap();
    let old_plan = root.join("documents/china-celac-action-plan-2022-2024.toml");
    let o = std::fs::read_to_string(&old_plan).unwrap();
    write(
        &old_plan,
        &o.replacen("edition = \"", "edition = \"9", 1),
        &mut tick,
    );
    agree(&root, &mut cache).ok();
    write(&old_plan, &o, &mut tick);
    agree(&root, &mut cache).unwrap();

    // A file that is not TOML, and one that does not parse.
    write(&root.join("documents/notes.txt"), "x", &mut tick);
    write(&root.join("documents/broken.toml"), "id = ", &mut tick);
    assert!(agree(&root, &mut cache).is_err());
}
