//! The report: one Markdown table (a column per corpus), then the targets
//! of issue 6, each with its measured value and whether it is met.

use std::time::Duration;

use crate::measure::{number_between, Stats};

/// (bytes, files, HTML files) of an output folder.
pub type Tree = (u64, usize, usize);

/// What was measured for one corpus.
pub struct Result {
    pub name: String,
    /// The full build, or why it was not run.
    pub full: std::result::Result<Stats, String>,
    pub nosearch: Stats,
    pub out_full: Option<Tree>,
    pub out_nosearch: Tree,
    pub hugo: Option<(Stats, Tree)>,
    /// How Hugo's output compares with accord's, search excluded.
    pub same_output: Option<String>,
    /// The Pagefind CLI indexing Hugo's output (run with the full build).
    pub pagefind: Option<Stats>,
    /// `accord serve`'s rebuild after one clause is saved, or why not.
    pub serve: std::result::Result<crate::serve::Stats, String>,
}

impl Result {
    /// A number of accord's summary line: the full build's, else the
    /// search-excluded build's (it prints the same counts).
    fn summary(&self, after: &str, before: &str) -> Option<u64> {
        self.full_summary(after, before)
            .or_else(|| self.nosearch.summary_number(after, before))
    }

    /// A number of the full build's summary line only.
    fn full_summary(&self, after: &str, before: &str) -> Option<u64> {
        self.full
            .as_ref()
            .ok()
            .and_then(|s| s.summary_number(after, before))
    }

    pub fn pages(&self) -> u64 {
        self.summary(": ", " page")
            .unwrap_or(self.out_nosearch.2 as u64)
    }
}

/// The machine, for the report's first line.
pub fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let gib = |key| number_between(&meminfo, key, "kB").unwrap_or(0) as f64 / 1024.0 / 1024.0;
    format!(
        "{cores} cores, {:.0} GiB RAM ({:.0} GiB available), load average {} \
         (a shared machine: other processes may be running)",
        gib("MemTotal:"),
        gib("MemAvailable:"),
        load.join(" ")
    )
}

pub fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms >= 10_000.0 {
        format!("{:.1} s", ms / 1e3)
    } else {
        format!("{ms:.0} ms")
    }
}

pub fn mib(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn per_s(pages: u64, d: Duration) -> String {
    format!("{:.0}", pages as f64 / d.as_secs_f64())
}

fn opt(v: Option<u64>, unit: &str) -> String {
    v.map_or("–".into(), |v| format!("{v} {unit}"))
}

/// A cell of the full build's measurements, or "not run".
fn full_cell(r: &Result, f: impl Fn(&Stats) -> String) -> String {
    r.full.as_ref().map_or("not run¹".into(), f)
}

/// A cell of Hugo's measurements, or a dash where Hugo did not run.
fn hugo_cell(r: &Result, f: impl Fn(&Stats, Tree) -> String) -> String {
    r.hugo.as_ref().map_or("–".into(), |(s, out)| f(s, *out))
}

pub fn print(results: &[Result], hugo: Option<&str>) {
    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    let mut row = |label: &str, f: &dyn Fn(&Result) -> String| {
        rows.push((label.to_string(), results.iter().map(f).collect()))
    };
    row("HTML pages", &|r| r.pages().to_string());
    row("documents · nodes · cross-links", &|r| {
        let n = |a, b| r.summary(a, b).map_or("?".into(), |v| v.to_string());
        let (d, n_, l) = (
            n("built ", " documents"),
            n("documents, ", " nodes"),
            n("nodes, ", " cross-links"),
        );
        format!("{d} · {n_} · {l}")
    });
    row("runs: full · search excl. · Hugo", &|r| {
        let full = r.full.as_ref().map_or(0, |s| s.runs.len());
        let hugo = r.hugo.as_ref().map_or(0, |(s, _)| s.runs.len());
        format!("{full} · {} · {hugo}", r.nosearch.runs.len())
    });
    row("**accord build** (full), wall", &|r| {
        full_cell(r, |s| ms(s.wall()))
    });
    row("pages/s", &|r| full_cell(r, |s| per_s(r.pages(), s.wall())));
    row("CPU (user + sys)", &|r| full_cell(r, |s| ms(s.cpu())));
    row("peak RSS", &|r| full_cell(r, |s| mib(s.peak_rss())));
    row("output: files, size", &|r| {
        r.out_full
            .map_or("–".into(), |o| format!("{}, {}", o.1, mib(o.0)))
    });
    row("its own time, search excluded²", &|r| {
        opt(r.full_summary("written in ", " ms"), "ms")
    });
    row("search index: time", &|r| {
        opt(r.full_summary(" KB in ", " ms"), "ms")
    });
    row("search index: records, size", &|r| {
        let kb = r.full_summary("files, ", " KB");
        let records = r.full_summary("search index: ", " records");
        records.map_or("–".into(), |n| {
            format!("{n}, {}", mib(kb.unwrap_or(0) * 1024))
        })
    });
    row("**accord, search excluded**, wall", &|r| {
        ms(r.nosearch.wall())
    });
    row("pages/s", &|r| per_s(r.pages(), r.nosearch.wall()));
    row("CPU (user + sys)", &|r| ms(r.nosearch.cpu()));
    row("peak RSS", &|r| mib(r.nosearch.peak_rss()));
    row("output: files, size", &|r| {
        format!("{}, {}", r.out_nosearch.1, mib(r.out_nosearch.0))
    });
    let serve = |r: &Result, f: &dyn Fn(&crate::serve::Stats) -> String| {
        r.serve.as_ref().map_or("not measured³".into(), f)
    };
    row(
        "**accord serve**: save → page on disk, median (max)",
        &|r| serve(r, &|s| format!("{} ({})", ms(s.median()), ms(s.max()))),
    );
    row("its log: ms after the change, median", &|r| {
        serve(r, &|s| opt(s.logged(), "ms"))
    });
    row("saves · first build (to serving)", &|r| {
        serve(r, &|s| format!("{} · {}", s.saves.len(), ms(s.start)))
    });
    let hugo = hugo.map_or("**Hugo**".into(), |v| format!("**Hugo {v}**"));
    row(&format!("{hugo}, wall"), &|r| {
        hugo_cell(r, |s, _| ms(s.wall()))
    });
    row("pages/s", &|r| {
        hugo_cell(r, |s, out| per_s(out.2 as u64, s.wall()))
    });
    row("CPU (user + sys)", &|r| hugo_cell(r, |s, _| ms(s.cpu())));
    row("peak RSS", &|r| hugo_cell(r, |s, _| mib(s.peak_rss())));
    row("output: files, size", &|r| {
        hugo_cell(r, |_, out| format!("{}, {}", out.1, mib(out.0)))
    });
    row("its output against accord's (search excl.)", &|r| {
        r.same_output.clone().unwrap_or_else(|| "–".into())
    });
    row("Hugo wall ÷ accord wall (search excl. · full)", &|r| {
        hugo_cell(r, |h, _| {
            let x = |a: &Stats| format!("{:.2}×", h.wall().as_secs_f64() / a.wall().as_secs_f64());
            format!(
                "{} · {}",
                x(&r.nosearch),
                r.full.as_ref().map_or("–".into(), x)
            )
        })
    });
    row("Hugo CPU ÷ accord CPU (search excl. · full)", &|r| {
        hugo_cell(r, |h, _| {
            let x = |a: &Stats| format!("{:.2}×", h.cpu().as_secs_f64() / a.cpu().as_secs_f64());
            format!(
                "{} · {}",
                x(&r.nosearch),
                r.full.as_ref().map_or("–".into(), x)
            )
        })
    });
    row("accord RSS ÷ Hugo RSS (search excl. · full)", &|r| {
        hugo_cell(r, |h, _| {
            let x = |a: &Stats| format!("{:.2}", a.peak_rss() as f64 / h.peak_rss() as f64);
            format!(
                "{} · {}",
                x(&r.nosearch),
                r.full.as_ref().map_or("–".into(), x)
            )
        })
    });

    rows.extend(crate::pagefind_cli::rows(results));
    let names: Vec<&str> = results.iter().map(|r| r.name.as_str()).collect();
    println!("\n| | {} |", names.join(" | "));
    println!("|---|{}", "---:|".repeat(results.len()));
    for (label, cells) in &rows {
        println!("| {label} | {} |", cells.join(" | "));
    }
    println!();
    for r in results {
        if let Err(why) = &r.full {
            println!("¹ {}: the full build was not run: {why}.", r.name);
        }
    }
    println!("² accord's own \"written in\" time of the full build: load, check, render and write, including writing the search index's files but not building it.");
    for r in results {
        if let Err(why) = &r.serve {
            println!(
                "³ {}: serve not measured: {}.",
                r.name,
                crate::serve::first_line(why)
            );
        }
    }
    let edited: Vec<String> = results
        .iter()
        .filter_map(|r| {
            r.serve
                .as_ref()
                .ok()
                .map(|s| format!("{} {}", r.name, s.document))
        })
        .collect();
    if !edited.is_empty() {
        println!(
            "serve: the document whose clause is saved: {}.",
            edited.join("; ")
        );
    }
    println!();
    targets(results);
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "met"
    } else {
        "MISSED"
    }
}

/// The targets of issue 6 (and issue 14's 2× against Hugo), from the
/// medians above.
fn targets(results: &[Result]) {
    let find = |n: &str| results.iter().find(|r| r.name == n);
    println!("Targets (issue 6; issue 14):");
    if let Some(r) = find("real site") {
        let wall = r.nosearch.wall().as_secs_f64() * 1e3;
        println!(
            "- real site in under 50 ms wall, search excluded: {wall:.0} ms: {}",
            if wall < 50.0 {
                "met".to_string()
            } else {
                format!("MISSED ({:.1}× the target)", wall / 50.0)
            }
        );
    }
    match find("10k").and_then(|r| r.hugo.as_ref().map(|h| (r, &h.0))) {
        Some((r, h)) => {
            let fmt = |x: Option<f64>, ok: &dyn Fn(f64) -> bool| {
                x.map_or("not run".into(), |x| format!("{x:.2} ({})", verdict(ok(x))))
            };
            let speed = |a: &Stats| h.wall().as_secs_f64() / a.wall().as_secs_f64();
            let cpu = h.cpu().as_secs_f64() / r.nosearch.cpu().as_secs_f64();
            for times in [3.0, 2.0] {
                let fast = |x: f64| x >= times;
                println!(
                    "- 10k pages at least {times}× faster than Hugo (Hugo wall ÷ accord wall): search excluded {}; \
                     full build {}; (CPU time, search excluded: {cpu:.2}×)",
                    fmt(Some(speed(&r.nosearch)), &fast),
                    fmt(r.full.as_ref().ok().map(speed), &fast)
                );
            }
            let mem = |a: &Stats| a.peak_rss() as f64 / h.peak_rss() as f64;
            let small = |x: f64| x <= 0.25;
            println!(
                "- 10k pages with at most ¼ of Hugo's peak RSS (accord ÷ Hugo): search excluded {}; full build {}",
                fmt(Some(mem(&r.nosearch)), &small),
                fmt(r.full.as_ref().ok().map(mem), &small)
            );
        }
        None => println!("- 10k pages against Hugo: not measured (no 10k corpus, or no Hugo)"),
    }
    if let (Some(a), Some(b)) = (find("1k"), find("10k")) {
        let growth = |x: &Stats, y: &Stats| y.wall().as_secs_f64() / x.wall().as_secs_f64();
        let g = growth(&a.nosearch, &b.nosearch);
        let cpu = b.nosearch.cpu().as_secs_f64() / a.nosearch.cpu().as_secs_f64();
        let full = match (&a.full, &b.full) {
            (Ok(x), Ok(y)) => {
                let g = growth(x, y);
                format!("{g:.1}× ({})", verdict(g <= 11.0))
            }
            _ => "not measured (full build not run at both sizes)".into(),
        };
        println!(
            "- linear growth, 10k at most 11× the 1k build (wall): search excluded {g:.1}× ({}); \
             full build {full} (CPU time, search excluded: {cpu:.1}×)",
            verdict(g <= 11.0)
        );
    }
    crate::pagefind_cli::target(results);
    for (name, limit) in [("real site", 50.0), ("10k", 500.0)] {
        println!(
            "- serve, {name}: from saving one clause to the rebuilt page on disk in under {limit} ms: {}",
            crate::serve::verdict(find(name).map(|r| &r.serve), limit)
        );
    }
}
