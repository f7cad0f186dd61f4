//! Building one corpus several times: accord's full build (`accord build`,
//! search index included), accord with search excluded (`accord build
//! --no-search`), and Hugo, in turn, each as its own process into an empty
//! output folder; and, where accord's full build runs, the Pagefind CLI
//! indexing Hugo's output (Hugo + Pagefind being what a Hugo site with
//! search does).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::measure::{clear, run, tree_size, Run, Stats};
use crate::report;

pub struct Bench {
    pub accord: PathBuf,
    pub templates: PathBuf,
    pub statics: PathBuf,
    pub hugo: Option<PathBuf>,
    /// The Pagefind CLI (`pagefind_extended`), run on Hugo's output in the
    /// first `pagefind_runs` runs of each size (it takes minutes at 10k).
    pub pagefind: Option<PathBuf>,
    pub pagefind_runs: u64,
    /// Where earlier outputs go (see `measure::clear`).
    pub trash: PathBuf,
    /// A full build slower than this is not repeated.
    pub repeat_limit: Duration,
}

/// What the full build of one size is measured as: (pages, wall, peak RSS).
pub type FullPoint = (u64, Duration, u64);

impl Bench {
    /// `full` is `Err(why)` when the full build is not to be run at all.
    pub fn measure(
        &self,
        name: &str,
        content: &Path,
        hugo_src: Option<&Path>,
        base: &Path,
        runs: u64,
        full: std::result::Result<(), String>,
    ) -> report::Result {
        let outs = ["out-accord", "out-nosearch", "out-hugo", "out-pagefind"].map(|o| base.join(o));
        let (mut full_runs, mut nosearch, mut hugo) = (Vec::new(), Vec::new(), Vec::new());
        let mut pagefind = Vec::new();
        let fail = |e: String| -> ! {
            eprintln!("{name}: {e}");
            std::process::exit(1)
        };
        let measure = |out: &Path, cmd: &mut Command, into: &mut Vec<Run>| {
            clear(out, &self.trash);
            settle_writes();
            into.push(run(cmd).unwrap_or_else(|e| fail(e)));
        };
        for i in 0..runs.max(1) {
            let slow = full_runs
                .last()
                .is_some_and(|r: &Run| r.wall > self.repeat_limit);
            if full.is_ok() && !slow {
                let mut cmd = Command::new(&self.accord);
                cmd.arg("build").arg("--content").arg(content);
                cmd.arg("--templates").arg(&self.templates);
                cmd.arg("--static").arg(&self.statics);
                cmd.arg("--out").arg(&outs[0]);
                measure(&outs[0], &mut cmd, &mut full_runs);
            }
            let mut cmd = Command::new(&self.accord);
            cmd.args(["build", "--no-search", "--content"]).arg(content);
            cmd.arg("--templates").arg(&self.templates);
            cmd.arg("--static").arg(&self.statics);
            cmd.arg("--out").arg(&outs[1]);
            measure(&outs[1], &mut cmd, &mut nosearch);
            if let (Some(bin), Some(src)) = (&self.hugo, hugo_src) {
                let mut cmd = Command::new(bin);
                cmd.args(["--quiet", "--noBuildLock", "--source"]).arg(src);
                cmd.arg("--destination").arg(&outs[2]);
                measure(&outs[2], &mut cmd, &mut hugo);
                // Its index in a folder of its own, so that Hugo's output
                // stays the same files as accord's without search.
                let more = i < self.pagefind_runs && full.is_ok() && !slow;
                if let (Some(pf), true) = (&self.pagefind, more) {
                    let mut cmd = Command::new(pf);
                    cmd.arg("--site").arg(&outs[2]);
                    cmd.arg("--output-path").arg(&outs[3]);
                    measure(&outs[3], &mut cmd, &mut pagefind);
                }
            }
            let last = |v: &[Run], what: &str| {
                v.last().map_or(String::new(), |r| {
                    format!(", {what} {:.0} ms", r.wall.as_secs_f64() * 1e3)
                })
            };
            let full_now = if full_runs.len() as u64 == i + 1 {
                last(&full_runs, "accord")
            } else {
                String::new()
            };
            println!(
                "  {name} run {}/{runs}{full_now}{}{}{}",
                i + 1,
                last(&nosearch, "search excluded"),
                last(&hugo, "Hugo"),
                last(&pagefind, "Pagefind on Hugo's output")
            );
        }
        let has_hugo = !hugo.is_empty();
        let same_output = has_hugo.then(|| same_output(&outs[1], &outs[2]));
        report::Result {
            name: name.to_string(),
            out_full: full.is_ok().then(|| tree_size(&outs[0])),
            full: full.map(|()| Stats { runs: full_runs }),
            nosearch: Stats { runs: nosearch },
            out_nosearch: tree_size(&outs[1]),
            hugo: has_hugo.then(|| (Stats { runs: hugo }, tree_size(&outs[2]))),
            same_output,
            pagefind: (!pagefind.is_empty()).then_some(Stats { runs: pagefind }),
            serve: Err("not run".into()),
        }
    }
}

/// How Hugo's output `hugo` compares with accord's `accord`, in words:
/// the bench gives Hugo accord's pages, so all should be the same.
fn same_output(accord: &Path, hugo: &Path) -> String {
    match crate::hugo::compare(accord, hugo) {
        Ok(c) if c.differ.is_empty() && c.only_one.is_empty() => {
            format!("the same {} files, byte for byte", c.same)
        }
        Ok(c) => format!(
            "{} files the same; {} differ (first: {}); {} in one only (first: {})",
            c.same,
            c.differ.len(),
            c.differ.first().map_or("–", String::as_str),
            c.only_one.len(),
            c.only_one.first().map_or("–", String::as_str)
        ),
        Err(e) => format!("not compared: {e}"),
    }
}

/// Writes what earlier builds left in the page cache to disk (`sync`),
/// untimed, before each build: each build writes up to a gigabyte, and the
/// kernel's writing it out in the background otherwise takes the CPU of
/// whichever build runs next on this 2-core machine, more so with each
/// run (as `hyperfine --prepare sync` does).
fn settle_writes() {
    if let Err(e) = Command::new("sync").status() {
        eprintln!("sync: {e}");
    }
}

/// Whether the full build (with the search index) of `pages` pages can be
/// run here: not when a linear extrapolation from the previous size already
/// predicts more memory than this machine has free, or more time than
/// `max`. Search indexing grows faster than linearly, so the prediction
/// is a lower bound. ACCORD_BENCH_FULL=always|never overrides.
pub fn full_plan(
    prev: Option<FullPoint>,
    pages: u64,
    max: Duration,
) -> std::result::Result<(), String> {
    match std::env::var("ACCORD_BENCH_FULL").as_deref() {
        Ok("always") => return Ok(()),
        Ok("never") => return Err("ACCORD_BENCH_FULL=never".into()),
        _ => {}
    }
    let Some((p0, wall, rss)) = prev else {
        return Ok(());
    };
    let k = pages as f64 / p0 as f64;
    let gib = |b: f64| b / (1024.0 * 1024.0 * 1024.0);
    let available = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| crate::measure::number_between(&m, "MemAvailable:", "kB"))
        .map_or(f64::INFINITY, |kb| kb as f64 * 1024.0);
    let rss = rss as f64 * k;
    if rss > 0.75 * available {
        return Err(format!(
            "peak RSS predicted at {:.0} GiB or more (linear from the {p0}-page build), over ¾ of the {:.0} GiB available",
            gib(rss),
            gib(available)
        ));
    }
    let wall = wall.mul_f64(k);
    if wall > max {
        return Err(format!(
            "predicted to take {:.0} s or more (linear from the {p0}-page build), over ACCORD_BENCH_MAX_FULL_S={}",
            wall.as_secs_f64(),
            max.as_secs()
        ));
    }
    Ok(())
}
