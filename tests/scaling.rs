//! CI's check of growth (issue 18): every case of the `scaling` bench
//! (`benches/scaling/cases.rs`) at a small n, failing when the time of
//! `accord check` grows clearly faster than the input: more than 8 times
//! from n to 4n.
//!
//! Made to see growth, and not to fail by chance on a busy machine of two
//! cores. n is doubled until the time at n is at least 4 times the time
//! at size 1 (the part that does not grow, 10–40 ms unoptimised) and 20
//! ms: then linear growth gives at most 4 from n to 4n, quadratic at least
//! 12. A case whose limits (the size of a text, of a file) stop n before
//! that is held to the same limit, its growth diluted by the fixed part.
//! The times are totals, never differences, each the least of 5 runs
//! taken in turn; a case above the limit is measured again, twice, and
//! fails only if every measurement is above it.

#[path = "../benches/scaling/cases.rs"]
mod cases;

/// The allocator of the `accord` binary (src/main.rs).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::time::Duration;

/// The least time at n sought, whatever the fixed part.
const LEAST: Duration = Duration::from_millis(20);
/// The largest growth from n to 4n taken as linear.
const LIMIT: f64 = 8.0;
const RUNS: usize = 5;
const ATTEMPTS: usize = 3;

#[test]
fn no_step_grows_faster_than_linear() {
    let root = tempfile::tempdir().unwrap();
    let mut report = String::new();
    let mut failed = Vec::new();
    for (i, case) in cases::CASES.iter().enumerate() {
        let dir = root.path().join(i.to_string());
        let (one, at) = (dir.join("one"), dir.join("calibrate"));
        (case.make)(&one, 1);
        let fixed = cases::least_times(&[&one], RUNS)[0];
        let enough = (fixed * 4).max(LEAST);
        let mut n = (case.max_n / 64).max(1);
        let time_at = |n: usize| {
            (case.make)(&at, n);
            cases::least_times(&[&at], 3)[0]
        };
        while time_at(n) < enough && n * 2 <= case.max_n {
            n *= 2;
        }
        let mut attempts = Vec::new();
        let ok = (0..ATTEMPTS).any(|_| {
            let g = cases::growth(case, n, RUNS, &dir);
            let [one, a, _, c] = g.times;
            let (_, r4) = g.ratios();
            attempts.push(format!(
                "{:.1} | {:.1} → {:.1} ms (4n/n {r4:.2})",
                one.as_secs_f64() * 1e3,
                a.as_secs_f64() * 1e3,
                c.as_secs_f64() * 1e3
            ));
            r4 <= LIMIT
        });
        let line = format!(
            "{}: n = {n} {} (t(1) | t(n) → t(4n)): {}",
            case.name,
            case.unit,
            attempts.join("; ")
        );
        report.push_str(&line);
        report.push('\n');
        if !ok {
            failed.push(line);
        }
    }
    println!("{report}");
    assert!(
        failed.is_empty(),
        "grows faster than linear (4n/n above {LIMIT}):\n{}\n\nall cases:\n{report}",
        failed.join("\n")
    );
}
