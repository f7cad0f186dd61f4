//! `accord pdf`: every briefing, document page, edition comparison and
//! topic page of a built site, printed to PDF by headless Chromium into
//! `<out>/pdf/`: `briefing-<id>.pdf`, `<document-id>.pdf`,
//! `compare-<series>-<old>--<new>.pdf` and `topic-<id>.pdf`.
//!
//! Each PDF is printed to a temporary file in the same folder and renamed
//! when complete, so that no half-written PDF is ever left under its name.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::Error;

mod contents;

/// Names tried on `PATH`, in order; `ACCORD_CHROMIUM` overrides them.
const BROWSERS: &[&str] = &["chromium", "chromium-browser", "google-chrome"];

/// Longest a single print may take.
const TIMEOUT: Duration = Duration::from_secs(180);

/// One page to print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The HTML file.
    pub page: PathBuf,
    /// The PDF's file name without `.pdf`.
    pub name: String,
}

/// The pages of the built site in `site` to print: its briefings, its
/// documents' main pages, its edition comparisons, then its topics' pages
/// (not the index), each sorted by name: `briefing-<id>`, `<document-id>`,
/// `compare-<series>-<old>--<new>` and `topic-<id>`.
pub fn jobs(site: &Path) -> Result<Vec<Job>, Error> {
    if !site.join("index.html").is_file() {
        return Err(Error::Usage(format!(
            "no built site in `{}`: run `accord build` first, or pass --site",
            site.display()
        )));
    }
    let mut jobs = Vec::new();
    let mut add = |mut found: Vec<Job>| {
        found.sort_by(|a, b| a.name.cmp(&b.name));
        jobs.extend(found);
    };
    add(entries(&site.join("briefings"))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .filter_map(|p| Some((stem(&p, true)?, p)))
        .map(|(id, page)| Job {
            page,
            name: format!("briefing-{id}"),
        })
        .collect());
    add(entries(&site.join("documents"))
        .filter_map(|d| Some((stem(&d, false)?, d.join("index.html"))))
        .map(|(name, page)| Job { page, name })
        .collect());
    add(entries(&site.join("compare"))
        .flat_map(|series| entries(&series).map(move |pair| (series.clone(), pair)))
        .filter_map(|(series, pair)| {
            let name = format!("compare-{}-{}", stem(&series, false)?, stem(&pair, false)?);
            Some(Job {
                page: pair.join("index.html"),
                name,
            })
        })
        .collect());
    add(entries(&site.join("topics"))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .filter_map(|p| Some((stem(&p, true)?, p)))
        .filter(|(id, _)| id != "index")
        .map(|(id, page)| Job {
            page,
            name: format!("topic-{id}"),
        })
        .collect());
    jobs.retain(|j| j.page.is_file());
    Ok(jobs)
}

/// The paths in folder `dir`; none when it cannot be read.
fn entries(dir: &Path) -> impl Iterator<Item = PathBuf> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
}

/// The name of `path`, without its extension when `file`.
fn stem(path: &Path, file: bool) -> Option<String> {
    let name = if file {
        path.file_stem()
    } else {
        path.file_name()
    };
    Some(name?.to_string_lossy().into_owned())
}

/// The Chromium to print with: `ACCORD_CHROMIUM`, else the first of
/// [`BROWSERS`] on `PATH`.
pub fn find_chromium() -> Result<PathBuf, Error> {
    if let Some(path) = std::env::var_os("ACCORD_CHROMIUM").filter(|p| !p.is_empty()) {
        let path = PathBuf::from(path);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(Error::Usage(format!(
                "ACCORD_CHROMIUM is `{}`, which is not a file",
                path.display()
            )))
        };
    }
    let dirs: Vec<PathBuf> =
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()).collect();
    BROWSERS
        .iter()
        .flat_map(|name| dirs.iter().map(move |d| d.join(name)))
        .find(|p| p.is_file())
        .ok_or_else(|| {
            Error::Usage(
                "`accord pdf` prints through headless Chromium, and none was found: no `chromium`, \
                 `chromium-browser` or `google-chrome` on PATH\n  \
                 help: on Debian or Ubuntu, install it with `apt-get install chromium fonts-noto-cjk` \
                 (the fonts are for the Chinese text), or set ACCORD_CHROMIUM to the browser's path"
                    .into(),
            )
        })
}

/// `file://` URL of an absolute path, with everything but unreserved
/// characters and `/` percent-encoded.
pub fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// How accord runs Chromium: headless, in a throwaway profile the caller
/// gives (`--user-data-dir`), with no request of its own to the network
/// (updates, sync, QUIC). The browser tests run it the same way.
pub const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
];

/// Prints `page` to `target`; a briefing twice, the second time with the
/// page numbers of its contents ([`contents`]). A topic's page has items
/// as a briefing has, but no contents: once. Returns the PDF's size in
/// bytes.
pub fn print(chromium: &Path, page: &Path, target: &Path) -> Result<u64, Error> {
    let size = print_once(chromium, page, "", target)?;
    let topic = page
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|d| d == "topics");
    if topic {
        return Ok(size);
    }
    let pages = contents::item_pages(target)?;
    if pages.is_empty() {
        return Ok(size);
    }
    print_once(chromium, page, &contents::query(&pages), target)
}

/// Prints `page`, with `query` added to its address, to `target` through
/// a temporary file beside it; returns the PDF's size in bytes.
fn print_once(chromium: &Path, page: &Path, query: &str, target: &Path) -> Result<u64, Error> {
    let dir = target.parent().unwrap_or(Path::new("."));
    let tmp = tempfile::Builder::new()
        .prefix(".accord-")
        .suffix(".pdf.part")
        .tempfile_in(dir)
        .map_err(|e| Error::io(dir, e))?;
    let profile = tempfile::tempdir().map_err(|e| Error::io(std::env::temp_dir(), e))?;
    let page = page.canonicalize().map_err(|e| Error::io(page, e))?;
    let mut child = Command::new(chromium)
        .args(CHROMIUM_FLAGS)
        .args(["--no-pdf-header-footer", "--virtual-time-budget=5000"])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", tmp.path().display()))
        .arg(format!("{}{query}", file_url(&page)))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| Error::io(chromium, e))?;
    // Read stderr while waiting, so that a chatty browser never blocks.
    let mut stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(s) = stderr.as_mut() {
            let _ = s.read_to_string(&mut text);
        }
        text
    });
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        match child.try_wait().map_err(|e| Error::io(chromium, e))? {
            Some(status) => break Some(status),
            None if Instant::now() > deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    };
    let log = reader.join().unwrap_or_default();
    let mut head = [0u8; 5];
    let complete = std::fs::File::open(tmp.path())
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && &head == b"%PDF-";
    match status {
        Some(s) if s.success() && complete => {}
        None => {
            return Err(Error::Usage(format!(
                "Chromium did not finish printing {} within {} s",
                page.display(),
                TIMEOUT.as_secs()
            )))
        }
        _ => {
            let tail: Vec<&str> = log.lines().rev().take(5).collect();
            return Err(Error::Usage(format!(
                "Chromium could not print {}: {}",
                page.display(),
                tail.into_iter().rev().collect::<Vec<_>>().join(" / ")
            )));
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o644))
            .map_err(|e| Error::io(tmp.path(), e))?;
    }
    let size = std::fs::metadata(tmp.path())
        .map_err(|e| Error::io(tmp.path(), e))?
        .len();
    tmp.persist(target)
        .map_err(|e| Error::io(target, e.error))?;
    Ok(size)
}

/// `accord pdf`: prints the pages of `jobs(site)` named in `names` (all
/// when empty) into `out/pdf/`, a few at a time; reports each file in the
/// order of the jobs.
pub fn run(site: &Path, out: &Path, names: &[String], w: &mut dyn Write) -> Result<(), Error> {
    let chromium = find_chromium()?;
    let mut jobs = jobs(site)?;
    if let Some(unknown) = names.iter().find(|n| !jobs.iter().any(|j| &j.name == *n)) {
        let known: Vec<&str> = jobs.iter().map(|j| j.name.as_str()).collect();
        return Err(Error::Usage(format!(
            "no page to print is named `{unknown}`; the names are: {}",
            known.join(", ")
        )));
    }
    if !names.is_empty() {
        jobs.retain(|j| names.contains(&j.name));
    }
    let dir = out.join("pdf");
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let start = Instant::now();
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .clamp(1, 4);
    let queue = Mutex::new(jobs.iter().enumerate());
    let results: Mutex<Vec<(usize, Result<u64, Error>)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let next = queue.lock().map(|mut q| q.next()).ok().flatten();
                let Some((i, job)) = next else { break };
                let result = print(&chromium, &job.page, &dir.join(format!("{}.pdf", job.name)));
                if let Ok(mut r) = results.lock() {
                    r.push((i, result));
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_default();
    results.sort_by_key(|(i, _)| *i);
    let wio = |e| Error::io("stdout", e);
    let mut first_error = None;
    for (i, result) in results {
        let path = dir.join(format!("{}.pdf", jobs[i].name));
        match result {
            Ok(bytes) => writeln!(w, "wrote {} ({} KB)", path.display(), bytes.div_ceil(1024))
                .map_err(wio)?,
            Err(e) => {
                writeln!(w, "failed {}: {e}", path.display()).map_err(wio)?;
                first_error.get_or_insert(e);
            }
        }
    }
    if let Some(e) = first_error {
        return Err(e);
    }
    writeln!(
        w,
        "printed {} PDFs in {} ms",
        jobs.len(),
        start.elapsed().as_millis()
    )
    .map_err(wio)
}
