//! `accord serve`'s rebuild as a writer sees it: the server started on a
//! corpus (search excluded), one clause of one document saved several
//! times the way an editor saves (the whole file written), and each time
//! the time from just before the write to the rebuilt page on disk holding
//! the new text, with the server's own figure from its log. The edited
//! file is put back as it was, also on failure.

use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::bench::Bench;
use crate::edit::{self, Target};
use crate::measure::{clear, median};
use crate::server::{Restore, Server};

/// How long the first build may take before the server says it serves.
const START_TIMEOUT: Duration = Duration::from_secs(900);
/// How long one save may take to reach the page on disk, and the server
/// to log its rebuild.
const EDIT_TIMEOUT: Duration = Duration::from_secs(60);
/// The pause after the server logs the save's rebuild, before the next
/// save (a save during a rebuild would wait for it).
const PAUSE: Duration = Duration::from_millis(300);
/// A page read again even if its file looks unchanged (stat is cheaper).
const REREAD: Duration = Duration::from_millis(50);

/// One save of the clause.
pub struct Save {
    /// From just before the write to the page on disk holding the new text.
    pub to_page: Duration,
    /// The last "N ms after the change" the server logged for this save.
    pub logged: Option<u64>,
    /// The server's last log line of a rebuild for this save.
    pub line: Option<String>,
    /// Rebuilds the server logged for this save: done, failed.
    pub rebuilds: (usize, usize),
}

/// The saves of one corpus.
pub struct Stats {
    /// The document edited.
    pub document: String,
    /// From starting the server to its "serving" line (the first build).
    pub start: Duration,
    pub saves: Vec<Save>,
}

impl Stats {
    pub fn median(&self) -> Duration {
        median(self.saves.iter().map(|s| s.to_page))
    }
    pub fn max(&self) -> Duration {
        self.saves
            .iter()
            .map(|s| s.to_page)
            .max()
            .unwrap_or_default()
    }
    /// The median of the server's own figures, if it logged one every time.
    pub fn logged(&self) -> Option<u64> {
        let v: Option<Vec<u64>> = self.saves.iter().map(|s| s.logged).collect();
        v.filter(|v| !v.is_empty()).map(median)
    }
}

impl Bench {
    /// Serves `content` into `<base>/out-serve` and saves one clause `runs`
    /// times. The file edited is restored before this returns.
    pub fn serve(
        &self,
        name: &str,
        content: &Path,
        base: &Path,
        runs: u64,
    ) -> Result<Stats, String> {
        let target = edit::target(content)?;
        let original = std::fs::read(&target.file).map_err(|e| format!("{e}"))?;
        let mut restore = Restore(vec![(target.file.clone(), original.clone())]);
        // A synthetic corpus is rewritten only if its stamp differs: while
        // a file is edited the stamp is gone, so that an interrupted bench
        // leaves a corpus the next one writes again.
        let stamp = content.join(".fingerprint");
        if let Ok(bytes) = std::fs::read(&stamp) {
            restore.0.push((stamp.clone(), bytes));
            std::fs::remove_file(&stamp).map_err(|e| format!("{}: {e}", stamp.display()))?;
        }
        let out = base.join("out-serve");
        clear(&out, &self.trash);
        let started = Instant::now();
        let mut server = Server::start(self, content, &out)?;
        let deadline = started + START_TIMEOUT;
        loop {
            match server.next(deadline)? {
                Some(l) if l.starts_with("serving ") && l.contains(" on http://") => break,
                Some(_) => {}
                None => return Err(server.why("no \"serving\" line in time")),
            }
        }
        let start = started.elapsed();
        let page = out.join(format!("documents/{}/en.html", target.id));
        if !page.exists() {
            return Err(format!("no {} after the first build", page.display()));
        }
        println!(
            "  {name} serve: first build {:.1} s; editing {}, line {}",
            start.as_secs_f64(),
            target.file.display(),
            target.line + 1
        );
        let mut saves = Vec::new();
        for i in 1..=runs.max(1) {
            let save = save(&mut server, &target, &original, &page, i)?;
            println!(
                "  {name} serve run {i}/{runs}: save → page {:.1} ms; server: {}{}",
                save.to_page.as_secs_f64() * 1e3,
                save.line.as_deref().unwrap_or("no rebuild logged"),
                match save.rebuilds {
                    (0 | 1, 0) => String::new(),
                    (n, failed) => format!(" ({n} rebuilds logged, {failed} failed)"),
                }
            );
            saves.push(save);
        }
        drop(server);
        drop(restore);
        Ok(Stats {
            document: target.id,
            start,
            saves,
        })
    }
}

/// Saves the clause with marker `n`, waits for the page, then for the
/// server's log line and the pause.
fn save(
    server: &mut Server,
    target: &Target,
    original: &[u8],
    page: &Path,
    n: u64,
) -> Result<Save, String> {
    let marker = format!(" [edit {n}]");
    let text = edit::with_marker(original, target.line, &marker)?;
    server.skip();
    let t0 = Instant::now();
    std::fs::write(&target.file, &text).map_err(|e| format!("{}: {e}", target.file.display()))?;
    let to_page = wait_for_page(page, &marker, t0).ok_or_else(|| {
        server.why(&format!(
            "\"{marker}\" not in {} after {EDIT_TIMEOUT:?}",
            page.display()
        ))
    })?;
    // The server logs a rebuild once it is done, after the page: wait for
    // it, then pause, so that the next save does not meet a rebuild.
    let (mut logged, mut last, mut rebuilds) = (None, None, (0, 0));
    let mut deadline = Instant::now() + EDIT_TIMEOUT;
    while let Some(line) = server.next(deadline)? {
        if let Some(ms) = after_the_change(&line) {
            (logged, last) = (Some(ms), Some(line));
            rebuilds.0 += 1;
            deadline = Instant::now() + PAUSE;
        } else if line.starts_with("rebuild failed") {
            rebuilds.1 += 1;
        }
    }
    Ok(Save {
        to_page,
        logged,
        line: last,
        rebuilds,
    })
}

/// The time from `t0` to the poll that found `marker` in `page`; `None`
/// after [`EDIT_TIMEOUT`]. The page is read when its size, time or inode
/// changes (the server replaces files by renaming), or every [`REREAD`].
fn wait_for_page(page: &Path, marker: &str, t0: Instant) -> Option<Duration> {
    let (mut seen, mut read_at) = (None, None::<Instant>);
    loop {
        let now = Instant::now();
        let meta = std::fs::metadata(page)
            .ok()
            .map(|m| (m.len(), m.mtime_nsec(), m.mtime(), m.ino()));
        if meta != seen || read_at.is_none_or(|r| now - r > REREAD) {
            seen = meta;
            read_at = Some(now);
            if std::fs::read(page).is_ok_and(|b| String::from_utf8_lossy(&b).contains(marker)) {
                return Some(now - t0);
            }
        }
        if now - t0 > EDIT_TIMEOUT {
            return None;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

/// N of a log line "rebuilt … in M ms (N ms after the change)".
fn after_the_change(line: &str) -> Option<u64> {
    let head = line.strip_prefix("rebuilt ")?;
    let head = &head[..head.find(" ms after the change)")?];
    head[head.rfind('(')? + 1..].trim().parse().ok()
}

/// The first line of a reason (a server's failure has its log after it).
pub fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or_default()
}

/// A serve target: the median save → page time under `limit` ms, met or not.
pub fn verdict(serve: Option<&Result<Stats, String>>, limit: f64) -> String {
    match serve {
        Some(Ok(s)) => {
            let median = s.median().as_secs_f64() * 1e3;
            let verdict = if median < limit {
                "met".to_string()
            } else {
                format!("MISSED ({:.1}× the target)", median / limit)
            };
            format!(
                "{median:.0} ms median (max {:.0} ms, {} saves): {verdict}",
                s.max().as_secs_f64() * 1e3,
                s.saves.len()
            )
        }
        Some(Err(why)) => format!("not measured ({})", first_line(why)),
        None => "not measured (corpus not in this run)".into(),
    }
}
