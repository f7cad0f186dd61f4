//! `cargo bench --bench scaling`: for each step whose time depends on the
//! size of one input (a clause text, the keys of a file, a code line, an
//! id, the nodes of a document: `cases.rs`), the time of `accord check` at
//! n, 2n and 4n (each the least of several runs) and its growth. Linear growth doubles the
//! time with n (4n/n about 4); quadratic quadruples it (about 16). The CI
//! test `tests/scaling.rs` runs the same cases at small n and fails above 8.
//!
//! Environment: ACCORD_SCALING_RUNS (runs per size, default 3),
//! ACCORD_SCALING_SCALE (n times this, default 1).

mod cases;

/// The allocator of the `accord` binary (src/main.rs), so that what is
/// measured here is what the command does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn env_num(name: &str, default: usize) -> usize {
    let value = std::env::var(name).ok();
    value.and_then(|v| v.trim().parse().ok()).unwrap_or(default)
}

fn ms(d: f64) -> String {
    format!("{:.1} ms", d * 1000.0)
}

fn main() {
    // cargo bench passes `--bench`; nothing else is taken.
    let runs = env_num("ACCORD_SCALING_RUNS", 3).max(1);
    let scale = env_num("ACCORD_SCALING_SCALE", 1).max(1);
    let root = tempfile::tempdir().expect("a temporary folder");
    println!("accord scaling: time of `accord check` (in this process), least of {runs} runs");
    println!();
    println!("| input | n | t(1) | t(n) | t(2n) | t(4n) | 2n/n | 4n/n |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (i, case) in cases::CASES.iter().enumerate() {
        let n = case.bench_n * scale;
        let g = cases::growth(case, n, runs, &root.path().join(i.to_string()));
        let [one, a, b, c] = g.times.map(|t| ms(t.as_secs_f64()));
        let (r2, r4) = g.ratios();
        println!(
            "| {} | {n} {} | {one} | {a} | {b} | {c} | {r2:.2} | {r4:.2} |",
            case.name, case.unit
        );
    }
    println!();
    println!(
        "t(1): the same project with one of the unit (what does not grow). \
         Where t(n) is close to t(1), the input is refused or passed over \
         at once, and the ratios are those of the fixed part."
    );
}
