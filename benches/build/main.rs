//! `cargo bench --bench build`: builds of the real site and of synthetic
//! corpora of about 1,000 and 10,000 pages, each build measured as its own
//! process (wall time, CPU time, peak RSS, output size), the search index
//! reported apart, and the same corpora built by Hugo in the same run; then
//! `accord serve` on each corpus, from saving one clause to the rebuilt
//! page on disk (see `serve`).
//!
//! Environment: ACCORD_BENCH_QUICK=1 (or `-- --quick`): real site and 1k
//! only; ACCORD_BENCH_SIZES=1000,10000 (pages); ACCORD_BENCH_RUNS_REAL,
//! ACCORD_BENCH_RUNS_1K, ACCORD_BENCH_RUNS_10K (runs, median reported);
//! ACCORD_BENCH_REPEAT_LIMIT_S (a full build slower than this is run once,
//! default 30); ACCORD_BENCH_FULL=always|never and ACCORD_BENCH_MAX_FULL_S
//! (default 600): see `bench::full_plan`; ACCORD_BENCH_SEED;
//! ACCORD_BENCH_DIR (default target/bench); ACCORD_BENCH_NO_HUGO=1;
//! HUGO=/path/to/hugo; PAGEFIND=/path/to/pagefind_extended;
//! ACCORD_BENCH_RUNS_PAGEFIND (runs per size with the Pagefind CLI on
//! Hugo's output, default 1: minutes at 10k); ACCORD_BENCH_RUNS_SERVE
//! (saves per corpus, default 5); ACCORD_BENCH_NO_SERVE=1; ACCORD_BENCH_NO_SEARCH_DOWNLOAD=1 (else,
//! after each corpus's full build, what one query of the search box
//! downloads, in headless Chromium: see `search_download`).

mod bench;
mod edit;
mod emit;
mod hugo;
mod hugo_bin;
mod measure;
mod pagefind_cli;
mod report;
mod rng;
mod search_download;
mod serve;
mod server;
mod synth;
mod text;
mod vocab;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bench::{full_plan, Bench};
use measure::clear;

const DEFAULT_SEED: u64 = 0x00AC_C0D5_EED0_2025;

fn env_num(name: &str, default: u64) -> u64 {
    let value = std::env::var(name).ok();
    value.and_then(|v| v.trim().parse().ok()).unwrap_or(default)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some(measure::CHILD_FLAG) {
        measure::child_main(&args[2..]);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let quick = args.iter().any(|a| a == "--quick")
        || std::env::var_os("ACCORD_BENCH_QUICK").is_some_and(|v| v != "0");
    let sizes: Vec<u64> = match std::env::var("ACCORD_BENCH_SIZES") {
        Ok(s) => s.split(',').filter_map(|x| x.trim().parse().ok()).collect(),
        Err(_) if quick => vec![1_000],
        Err(_) => vec![1_000, 10_000],
    };
    let seed = env_num("ACCORD_BENCH_SEED", DEFAULT_SEED);
    let dir = std::env::var_os("ACCORD_BENCH_DIR")
        .map_or_else(|| root.join("target/bench"), PathBuf::from);
    let hugo = if std::env::var_os("ACCORD_BENCH_NO_HUGO").is_some() {
        Err("ACCORD_BENCH_NO_HUGO is set".to_string())
    } else {
        hugo_bin::find()
    };
    let pagefind = match (&hugo, pagefind_cli::find(root)) {
        (Ok(_), Ok((bin, v))) => {
            println!("Pagefind CLI {v}: {}", bin.display());
            Some(bin)
        }
        (Ok(_), Err(why)) => {
            println!("Hugo + Pagefind comparison skipped: {why}");
            None
        }
        (Err(_), _) => None,
    };
    let bench = Bench {
        accord: PathBuf::from(env!("CARGO_BIN_EXE_accord")),
        templates: root.join("templates"),
        statics: root.join("static"),
        hugo: hugo.as_ref().ok().map(|(bin, _)| bin.clone()),
        pagefind,
        pagefind_runs: env_num("ACCORD_BENCH_RUNS_PAGEFIND", 1),
        trash: dir.join("trash"),
        repeat_limit: Duration::from_secs(env_num("ACCORD_BENCH_REPEAT_LIMIT_S", 30)),
    };
    let max_full = Duration::from_secs(env_num("ACCORD_BENCH_MAX_FULL_S", 600));
    println!("accord build benchmark: {}", report::machine());
    match &hugo {
        Ok((bin, v)) => println!("Hugo {v}: {}", bin.display()),
        Err(why) => println!("Hugo comparison skipped: {why}"),
    }
    let fingerprint = |docs| emit::fingerprint(&emit::accord_content(&synth::generate(seed, docs)));
    let same = fingerprint(64) == fingerprint(64);
    println!(
        "generator: seed {seed:#x}, deterministic: {}",
        if same {
            "yes (generated twice, same bytes)"
        } else {
            "NO"
        }
    );

    measure::empty_trash(&bench.trash, true);
    let mut results = Vec::new();
    let runs = env_num("ACCORD_BENCH_RUNS_REAL", 5);
    let serve_runs = env_num("ACCORD_BENCH_RUNS_SERVE", 5);
    let no_serve = std::env::var_os("ACCORD_BENCH_NO_SERVE").is_some_and(|v| v != "0");
    let measure_serve = |name: &str, content: &Path, base: &Path| {
        if no_serve {
            return Err("ACCORD_BENCH_NO_SERVE is set".to_string());
        }
        let r = bench.serve(name, content, base, serve_runs);
        if let Err(why) = &r {
            println!("  {name}: serve not measured: {why}");
        }
        r
    };
    let real_content = root.join("content");
    let mut real = bench.measure(
        "real site",
        &real_content,
        None,
        &dir.join("real"),
        runs,
        full_plan(None, 0, max_full),
    );
    // The real site's serve edits a copy: the repository's content is
    // never written to.
    let copy = dir.join("real/content-serve");
    clear(&copy, &bench.trash);
    real.serve = edit::copy_tree(&real_content, &copy)
        .map_err(|e| format!("cannot copy {}: {e}", real_content.display()))
        .and_then(|()| measure_serve("real site", &copy, &dir.join("real")));
    results.push(real);
    let mut prev = None;
    for pages in sizes {
        let name = if pages.is_multiple_of(1000) {
            format!("{}k", pages / 1000)
        } else {
            pages.to_string()
        };
        let base = dir.join(&name);
        let content = base.join("content");
        let hugo_src = base.join("hugo");
        prepare(&bench, seed, pages, &name, &content, &hugo_src);
        let runs = if pages <= 2_000 {
            env_num("ACCORD_BENCH_RUNS_1K", 5)
        } else {
            env_num("ACCORD_BENCH_RUNS_10K", 3)
        };
        let plan = full_plan(prev, pages, max_full);
        if let Err(why) = &plan {
            println!("  {name}: full build with search not run: {why}");
        }
        let hugo_src = bench.hugo.as_ref().map(|_| hugo_src.as_path());
        let mut r = bench.measure(&name, &content, hugo_src, &base, runs, plan);
        if r.full.is_ok() && std::env::var_os("ACCORD_BENCH_NO_SEARCH_DOWNLOAD").is_none() {
            search_download_report(root, &name, &base.join("out-accord"));
        }
        r.serve = measure_serve(&name, &content, &base);
        if let Ok(full) = &r.full {
            prev = Some((r.pages(), full.wall(), full.peak_rss()));
        }
        results.push(r);
    }
    report::print(&results, hugo.as_ref().ok().map(|(_, v)| v.as_str()));
    measure::empty_trash(&bench.trash, false);
}

/// Prints what each query of `search_download::QUERIES` downloads from
/// the built site `out`, and the largest.
fn search_download_report(root: &Path, name: &str, out: &Path) {
    match search_download::measure(root, out) {
        Ok(rows) => {
            for (q, bytes, js) in &rows {
                println!(
                    "  {name}: search {q}: {:.0} KB of search files, pagefind.js fetched {js}×",
                    *bytes as f64 / 1024.0
                );
            }
            let max = rows.iter().map(|r| r.1).max().unwrap_or(0);
            println!(
                "  {name}: search download per query, largest: {:.0} KB (budget 300 KB)",
                max as f64 / 1024.0
            );
        }
        Err(why) => println!("  {name}: search download not measured: {why}"),
    }
}

/// Generates the corpus of about `pages` pages and writes it as accord
/// content and as a Hugo site (each left alone when already up to date).
fn prepare(bench: &Bench, seed: u64, pages: u64, name: &str, content: &Path, hugo_src: &Path) {
    let started = Instant::now();
    let corpus = synth::generate(seed, synth::docs_for_pages(pages as usize));
    let files = emit::accord_content(&corpus);
    let wrote = emit::write_tree(content, &files).expect("write the accord corpus");
    if bench.hugo.is_some() {
        // Hugo is given accord's pages: built here once, untimed.
        let built = content.with_file_name("out-nosearch");
        clear(&built, &bench.trash);
        let mut cmd = std::process::Command::new(&bench.accord);
        cmd.args(["build", "--no-search", "--content"]).arg(content);
        cmd.stdout(std::process::Stdio::null());
        cmd.arg("--templates").arg(&bench.templates);
        cmd.arg("--static").arg(&bench.statics);
        let status = cmd.arg("--out").arg(&built).status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "accord could not build {}",
            content.display()
        );
        let made = hugo::site_from(&built, hugo_src).expect("write the Hugo site");
        println!(
            "{name}: Hugo site made from accord's output: {} pages, {} static files",
            made.pages, made.statics
        );
    }
    let size = |f: &[emit::File]| f.iter().map(|(_, t)| t.len()).sum::<usize>() as f64 / 1e6;
    let crosswalk = files.iter().filter(|(p, _)| p == "crosswalk.toml");
    println!(
        "{name}: {} documents, {} nodes ({} clauses), {} links, {} notes; content {:.1} MB \
         (crosswalk.toml {:.1} MB), fingerprint {:016x}, {} in {:.1} s",
        corpus.docs.len(),
        corpus.nodes(),
        corpus.clauses(),
        corpus.links.len(),
        corpus.notes.len(),
        size(&files),
        size(&crosswalk.cloned().collect::<Vec<_>>()),
        emit::fingerprint(&files),
        if wrote {
            "written"
        } else {
            "unchanged, reused"
        },
        started.elapsed().as_secs_f64()
    );
}
