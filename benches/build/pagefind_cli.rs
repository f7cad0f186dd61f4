//! Hugo + the Pagefind CLI, the search a Hugo site has: `pagefind_extended`
//! 1.6 (the build that segments Chinese), from npm (`benches/pagefind/`,
//! `npm ci` there), run on Hugo's output after each Hugo build that has an
//! accord full build beside it; compared with accord's full build.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::measure::Stats;
use crate::report::{mib, ms, Result};

/// The Pagefind CLI and its version, or why there is none: `$PAGEFIND`,
/// else the binary of `benches/pagefind/node_modules`.
pub fn find(root: &Path) -> std::result::Result<(PathBuf, String), String> {
    let bin = std::env::var_os("PAGEFIND").map_or_else(
        || root.join("benches/pagefind/node_modules/@pagefind/linux-x64/bin/pagefind_extended"),
        PathBuf::from,
    );
    let out = Command::new(&bin).arg("--version").output().map_err(|e| {
        format!(
            "{}: {e} (install it: cd benches/pagefind && npm ci)",
            bin.display()
        )
    })?;
    let version = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() || !version.contains("1.6.") {
        return Err(format!(
            "{} is `{version}`; the reference is pagefind_extended 1.6",
            bin.display()
        ));
    }
    Ok((bin, version))
}

/// Hugo's and Pagefind's runs of one size, when both ran.
fn both(r: &Result) -> Option<(&Stats, &Stats)> {
    Some((&r.hugo.as_ref()?.0, r.pagefind.as_ref()?))
}

/// Hugo + Pagefind's wall time (medians added: they run one after the
/// other) and peak memory (the larger: the machine holds one at a time).
fn hugo_pagefind(h: &Stats, p: &Stats) -> (f64, u64) {
    let wall = h.wall().as_secs_f64() + p.wall().as_secs_f64();
    (wall, h.peak_rss().max(p.peak_rss()))
}

/// The report's rows: (label, cell per result).
pub fn rows(results: &[Result]) -> Vec<(String, Vec<String>)> {
    let cell = |f: &dyn Fn(&Result, &Stats, &Stats) -> String| -> Vec<String> {
        let dash = || "–".to_string();
        results
            .iter()
            .map(|r| both(r).map_or_else(dash, |(h, p)| f(r, h, p)))
            .collect()
    };
    vec![
        (
            "**Pagefind CLI** on Hugo's output, wall · peak RSS".into(),
            cell(&|_, _, p| format!("{} · {}", ms(p.wall()), mib(p.peak_rss()))),
        ),
        (
            "Hugo + Pagefind ÷ accord full build: wall · peak RSS (accord ÷ theirs)".into(),
            cell(&|r, h, p| {
                let (wall, rss) = hugo_pagefind(h, p);
                r.full.as_ref().map_or("–".into(), |a| {
                    format!(
                        "{:.2}× · {:.2}",
                        wall / a.wall().as_secs_f64(),
                        a.peak_rss() as f64 / rss as f64
                    )
                })
            }),
        ),
    ]
}

/// Issue 18's target at 10k: the full build at least 4× faster than Hugo +
/// Pagefind, with at most a quarter of their peak memory.
pub fn target(results: &[Result]) {
    let ten = results.iter().find(|r| r.name == "10k");
    let measured = ten.and_then(|r| Some((r.full.as_ref().ok()?, both(r)?)));
    let Some((full, (h, p))) = measured else {
        println!("- 10k full build against Hugo + Pagefind: not measured (needs the 10k full build, Hugo and the Pagefind CLI)");
        return;
    };
    let (wall, rss) = hugo_pagefind(h, p);
    let speed = wall / full.wall().as_secs_f64();
    let memory = full.peak_rss() as f64 / rss as f64;
    let verdict = |ok: bool| if ok { "met" } else { "MISSED" };
    println!(
        "- 10k full build at least 4× faster than Hugo + Pagefind CLI: {speed:.2}× ({}); \
         at most ¼ of their peak RSS: {memory:.2} ({})",
        verdict(speed >= 4.0),
        verdict(memory <= 0.25)
    );
}
