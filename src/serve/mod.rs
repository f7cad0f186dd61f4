//! `accord serve`: build, serve the output on 127.0.0.1, watch the sources,
//! rebuild what a change affects, and reload the open pages.

mod affected;
pub mod http;
pub mod session;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};
use tokio::sync::broadcast;

use crate::build::{Options, Paths};
use crate::Error;
use http::{Notice, Shared};
use session::Session;

/// Where to listen and what to build.
pub struct ServeOptions {
    pub paths: Paths,
    pub build: Options,
    pub addr: SocketAddr,
}

/// How long to wait after a change for the rest of a save to arrive.
const SETTLE: Duration = Duration::from_millis(8);

/// Where log lines go.
pub type Log = Arc<dyn Fn(String) + Send + Sync>;

/// Runs until the process is stopped. Log lines go to `log`.
pub fn serve(options: ServeOptions, log: Log) -> Result<(), Error> {
    // Watch before the first build and before saying "serving": a change
    // saved meanwhile is then rebuilt at once, not missed.
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |e: notify::Result<notify::Event>| {
        if let Ok(e) = e {
            if !matches!(e.kind, notify::EventKind::Access(_)) {
                let _ = tx.send(Instant::now());
            }
        }
    })
    .map_err(|e| Error::Usage(format!("cannot watch files: {e}")))?;
    for dir in [
        &options.paths.content,
        &options.paths.templates,
        &options.paths.statics,
    ] {
        if !dir.exists() {
            continue; // the first build says what is missing
        }
        watcher
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|e| Error::Usage(format!("cannot watch {}: {e}", dir.display())))?;
    }
    let mut session = Session::new(options.paths.clone(), options.build.clone());
    let first = session.rebuild()?;
    log(format!("{first}"));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::io("serve runtime", e))?;
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind(options.addr))
        .map_err(|e| Error::Usage(format!("cannot listen on {}: {e}", options.addr)))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::io("listener", e))?;
    let (notices, _) = broadcast::channel(16);
    let shared = Shared {
        out: options.paths.out.clone(),
        notices,
        error: Arc::new(Mutex::new(None)),
        generation: Arc::new(Mutex::new(1)),
        loopback: addr.ip().is_loopback(),
    };
    let app = http::router(shared.clone());
    runtime.spawn(async move {
        http::serve_http(listener, app).await;
    });
    log(format!(
        "serving {} on http://{addr}/ (Ctrl-C to stop)",
        options.paths.out.display()
    ));

    let indexer = spawn_indexer(options.paths.out.clone(), log.clone());
    if !options.build.no_search {
        if let Some(site) = session.site() {
            let _ = indexer.send(site);
        }
    }

    while let Ok(first_change) = rx.recv() {
        std::thread::sleep(SETTLE);
        while rx.try_recv().is_ok() {}
        match session.rebuild() {
            Ok(rebuilt) => {
                let since_save = first_change.elapsed().as_millis();
                log(format!("{rebuilt} ({since_save} ms after the change)"));
                if let Ok(mut e) = shared.error.lock() {
                    *e = None;
                }
                if let Ok(mut g) = shared.generation.lock() {
                    *g += 1;
                }
                let _ = shared.notices.send(Notice::Reload);
                if !options.build.no_search {
                    if let Some(site) = session.site() {
                        let _ = indexer.send(site);
                    }
                }
            }
            Err(e) => {
                let text = error_text(&e);
                log(format!(
                    "rebuild failed; still serving the last good site\n{text}"
                ));
                if let Ok(mut slot) = shared.error.lock() {
                    *slot = Some(text.clone());
                }
                let _ = shared.notices.send(Notice::Failed(text));
            }
        }
    }
    drop(watcher);
    Ok(())
}

/// Re-indexes the site for search in the background, always the newest
/// site received, from its pages as served, writing only the index files
/// that changed.
fn spawn_indexer(out: PathBuf, log: Log) -> mpsc::Sender<Arc<crate::model::Site>> {
    let (tx, rx) = mpsc::channel::<Arc<crate::model::Site>>();
    std::thread::spawn(move || {
        let mut written: BTreeMap<String, u64> = BTreeMap::new();
        while let Ok(mut site) = rx.recv() {
            while let Ok(newer) = rx.try_recv() {
                site = newer;
            }
            let start = Instant::now();
            let result = crate::search::index(&site, &out).and_then(|index| {
                let mut changed = 0;
                for f in &index.files {
                    let h = session::hash(&f.bytes);
                    if written.get(&f.path) != Some(&h) {
                        crate::fsutil::replace(&out.join(&f.path), &f.bytes)?;
                        written.insert(f.path.clone(), h);
                        changed += 1;
                    }
                }
                let made: std::collections::HashSet<&str> =
                    index.files.iter().map(|f| f.path.as_str()).collect();
                let gone: Vec<String> = written
                    .keys()
                    .filter(|p| !made.contains(p.as_str()))
                    .cloned()
                    .collect();
                for p in &gone {
                    let _ = std::fs::remove_file(out.join(p));
                    written.remove(p);
                }
                Ok((index.records, changed, gone.len()))
            });
            match result {
                Ok((records, changed, removed)) => log(format!(
                    "search index: {records} records, {changed} file(s) written, {removed} removed in {} ms",
                    start.elapsed().as_millis()
                )),
                Err(e) => log(format!("search index failed: {}", error_text(&e))),
            }
        }
    });
    tx
}

/// The error as the terminal shows it: every diagnostic, then the summary.
pub fn error_text(e: &Error) -> String {
    match e {
        Error::Content(diags) => {
            let mut s: String = diags.iter().map(|d| format!("{d}\n")).collect();
            s.push_str(&format!("error: {e}"));
            s
        }
        other => format!("error: {other}"),
    }
}
