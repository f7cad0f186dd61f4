//! The steps whose time depends on the size of one input (issue 18, item
//! 2), each as a small project made for a size n, and the time of `accord
//! check` on it (every stage of a build but the writing, in this process,
//! whether it finds the input fine or refuses it).
//! Shared by the `scaling` bench (large n, a table) and the CI test
//! `tests/scaling.rs` (small n, a limit on the growth).

use std::path::Path;
use std::time::{Duration, Instant};

/// One input that grows: what grows, in what unit, and the project of size n.
pub struct Case {
    pub name: &'static str,
    pub unit: &'static str,
    /// The size the issue measured at (the bench's n).
    #[allow(dead_code)] // read by the bench only
    pub bench_n: usize,
    /// The largest n the CI test may go to (4n must stay within the limits
    /// that `check` puts on a text, a file, a document).
    #[allow(dead_code)] // read by tests/scaling.rs only
    pub max_n: usize,
    pub make: fn(&Path, usize),
}

pub const CASES: &[Case] = &[
    Case {
        name: "clause text of `](( ` repeated",
        unit: "repeats",
        bench_n: 6_000,
        max_n: 6_000,
        make: |dir, n| project(dir, &[("text.en", &"](( ".repeat(n))], ""),
    },
    Case {
        name: "TOML keys (language codes of a title)",
        unit: "keys",
        bench_n: 40_000,
        max_n: 40_000,
        make: |dir, n| {
            let keys: String = (0..n).map(|i| format!("title.k{i} = \"x\"\n")).collect();
            project(dir, &[], &keys);
        },
    },
    Case {
        name: "highlighted line (Perl `s/aaa…`)",
        unit: "bytes",
        bench_n: 4_096,
        max_n: 512 * 1024,
        make: |dir, n| {
            project(dir, &[], "");
            let page = format!(
                "+++\ntitle = \"Code\"\nlang = \"en\"\n+++\n\n```perl\ns/{}\n```\n",
                "a".repeat(n)
            );
            write(&dir.join("content/pages/code.md"), &page);
        },
    },
    Case {
        name: "node id of many segments",
        unit: "segments",
        bench_n: 10_000,
        max_n: 200_000,
        make: |dir, n| project(dir, &[("id", &vec!["p"; n].join("__"))], ""),
    },
    Case {
        name: "nodes in one document",
        unit: "nodes",
        bench_n: 10_000,
        // 4n nodes of about 160 bytes within the 8 MiB of a file.
        max_n: 12_000,
        make: |dir, n| {
            let nodes: String = (2..n + 2)
                .map(|i| {
                    format!(
                        "\n[[node]]\nid = \"art_1__item_{i}\"\nkind = \"item\"\nlabel.zh-Hans = \"（{i}）\"\nlabel.en = \"({i})\"\ntext.zh-Hans = \"第{i}项。\"\ntext.en = \"Item {i} of the plan.\"\n"
                    )
                })
                .collect();
            project(dir, &[], "");
            let file = dir.join("content/documents/plan.toml");
            let text = std::fs::read_to_string(&file).expect("project written");
            write(&file, &(text + &nodes));
        },
    },
    Case {
        name: "clause text of entities and quotes",
        unit: "repeats",
        bench_n: 2_500,
        max_n: 2_500,
        make: |dir, n| project(dir, &[("text.en", &"“R&amp;D” ".repeat(n))], ""),
    },
];

fn write(path: &Path, text: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("folder made");
    }
    std::fs::write(path, text).expect("file written");
}

/// A site of one document with one article and one clause: the clause's
/// `fields` set as given (an `id`, a `text.en`), `extra` added to the
/// document's head.
pub fn project(dir: &Path, fields: &[(&str, &str)], extra: &str) {
    let _ = std::fs::remove_dir_all(dir.join("content"));
    write(
        &dir.join("content/site.toml"),
        "base_url = \"https://example.org/\"\ntitle.zh-Hans = \"测试\"\ntitle.en = \"Test\"\n\n\
         [[language]]\ncode = \"zh-Hans\"\nname = \"中文\"\n\n[[language]]\ncode = \"en\"\nname = \"English\"\n",
    );
    let mut clause = vec![
        ("id", "art_1__item_1".to_string()),
        ("kind", "item".to_string()),
        ("text.zh-Hans", "加强合作。".to_string()),
        ("text.en", "Strengthen cooperation.".to_string()),
    ];
    for (key, value) in fields {
        match clause.iter_mut().find(|(k, _)| k == key) {
            Some(field) => field.1 = value.to_string(),
            None => clause.push((key, value.to_string())),
        }
    }
    let clause: String = clause
        .iter()
        .map(|(k, v)| format!("{k} = \"{v}\"\n"))
        .collect();
    write(
        &dir.join("content/documents/plan.toml"),
        &format!(
            "id = \"plan\"\nkind = \"action-plan\"\nlanguages = [\"zh-Hans\", \"en\"]\n\
             title.zh-Hans = \"计划\"\ntitle.en = \"Plan\"\n{extra}\n\
             [[node]]\nid = \"art_1\"\nkind = \"article\"\nlabel.zh-Hans = \"第一条\"\nlabel.en = \"Article 1\"\n\
             heading.zh-Hans = \"金融\"\nheading.en = \"Finance\"\n\n[[node]]\n{clause}"
        ),
    );
}

/// The time of one `accord check` of the project in `dir`, whatever it
/// finds (some cases are refused, as they should be: the time to say so
/// is what is measured).
pub fn check_time(dir: &Path) -> Duration {
    let paths = accord::build::Paths {
        content: dir.join("content"),
        templates: dir.join("templates"),
        statics: dir.join("static"),
        out: dir.join("public"),
    };
    let start = Instant::now();
    let _ = std::hint::black_box(accord::build::check(&paths));
    start.elapsed()
}

/// The least time of `runs` checks of each project of `dirs`, taken in
/// turn (a noisy moment slows one run of each, not every run of one).
pub fn least_times(dirs: &[&Path], runs: usize) -> Vec<Duration> {
    let mut least = vec![Duration::MAX; dirs.len()];
    for _ in 0..runs {
        for (dir, best) in dirs.iter().zip(&mut least) {
            *best = (*best).min(check_time(dir));
        }
    }
    least
}

/// The time of `accord check` on a case's project at sizes 1, n, 2n and
/// 4n, each the least of several runs. At size 1 it is the time of a
/// project of that shape (one of every file) with next to nothing of the
/// input: what does not grow.
pub struct Growth {
    pub times: [Duration; 4],
}

impl Growth {
    /// t(2n)/t(n) and t(4n)/t(n).
    pub fn ratios(&self) -> (f64, f64) {
        let [_, a, b, c] = self.times.map(|t| t.as_secs_f64().max(1e-9));
        (b / a, c / a)
    }
}

/// Measures `case` at 1, n, 2n and 4n, each the least of `runs`, in
/// folders under `root`.
pub fn growth(case: &Case, n: usize, runs: usize, root: &Path) -> Growth {
    let dirs: Vec<_> = [1, n, 2 * n, 4 * n]
        .iter()
        .enumerate()
        .map(|(i, &size)| {
            let dir = root.join(format!("size{i}"));
            (case.make)(&dir, size);
            dir
        })
        .collect();
    let dirs: Vec<&Path> = dirs.iter().map(|d| d.as_path()).collect();
    let t = least_times(&dirs, runs);
    Growth {
        times: [t[0], t[1], t[2], t[3]],
    }
}
