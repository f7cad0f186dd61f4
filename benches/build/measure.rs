//! Measuring one build: a child process, its wall time, its peak resident
//! memory and CPU time (from `wait4`), its output; medians; folder sizes.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One finished run of a command.
#[derive(Debug, Clone)]
pub struct Run {
    pub wall: Duration,
    /// User plus system CPU time.
    pub cpu: Duration,
    /// Peak resident set size (`ru_maxrss`), in bytes.
    pub peak_rss: u64,
    pub stdout: String,
}

/// Runs `cmd` to completion; an error if it cannot start or fails.
///
/// The command is started by a fresh copy of this bench (`--measure-child`,
/// see [`child_main`]), not by this process: on Linux a child's
/// `ru_maxrss` counts the memory of the process that spawned it, as it
/// was when the child was spawned (the old image is measured at `exec`),
/// and this process holds the corpus, hundreds of megabytes at 10k.
pub fn run(cmd: &mut Command) -> Result<Run, String> {
    let report = tempfile::NamedTempFile::new().map_err(|e| format!("temp file: {e}"))?;
    let exe = std::env::current_exe().map_err(|e| format!("this bench's path: {e}"))?;
    let mut wrapped = Command::new(exe);
    wrapped
        .arg(CHILD_FLAG)
        .arg(report.path())
        .arg(cmd.get_program())
        .args(cmd.get_args());
    for (k, v) in cmd.get_envs() {
        match v {
            Some(v) => wrapped.env(k, v),
            None => wrapped.env_remove(k),
        };
    }
    if let Some(dir) = cmd.get_current_dir() {
        wrapped.current_dir(dir);
    }
    wrapped
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = wrapped
        .spawn()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    let (mut out, err) = (child.stdout.take(), child.stderr.take());
    let stderr = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(mut e) = err {
            let _ = e.read_to_string(&mut s);
        }
        s
    });
    let mut stdout = String::new();
    if let Some(o) = out.as_mut() {
        let _ = o.read_to_string(&mut stdout);
    }
    let status = child.wait().map_err(|e| format!("wait for {cmd:?}: {e}"))?;
    let stderr = stderr.join().unwrap_or_default();
    if !status.success() {
        return Err(format!("{cmd:?} failed ({status}):\n{stdout}{stderr}"));
    }
    let figures = std::fs::read_to_string(report.path()).unwrap_or_default();
    let n: Vec<u64> = figures
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    let [wall_ns, cpu_ns, rss] = n[..] else {
        return Err(format!("{cmd:?}: no measurement ({figures:?})"));
    };
    Ok(Run {
        wall: Duration::from_nanos(wall_ns),
        cpu: Duration::from_nanos(cpu_ns),
        peak_rss: rss,
        stdout,
    })
}

/// The flag that makes this bench the measuring parent of one command.
pub const CHILD_FLAG: &str = "--measure-child";

/// `bench --measure-child REPORT PROGRAM ARGS…`: runs the command with
/// this process's stdio, measures it (`wait4`) and writes "wall_ns cpu_ns
/// peak_rss_bytes" into REPORT; exits with the command's status.
pub fn child_main(args: &[String]) -> ! {
    let [report, program, rest @ ..] = args else {
        eprintln!("usage: {CHILD_FLAG} REPORT PROGRAM [ARGS…]");
        std::process::exit(2);
    };
    let start = Instant::now();
    let child = match Command::new(program).args(rest).spawn() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("cannot run {program}: {e}");
            std::process::exit(2);
        }
    };
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain data, and `wait4` only writes to the two
    // pointers it is given. The child is reaped here, not by `Child`.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    if r != pid {
        eprintln!("wait4 failed for {program}");
        std::process::exit(2);
    }
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    let cpu = time(usage.ru_utime) + time(usage.ru_stime);
    // ru_maxrss is in kilobytes on Linux.
    let rss = usage.ru_maxrss as u64 * 1024;
    let line = format!("{} {} {rss}\n", wall.as_nanos(), cpu.as_nanos());
    if let Err(e) = std::fs::write(report, line) {
        eprintln!("cannot write {report}: {e}");
        std::process::exit(2);
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        1
    };
    std::process::exit(code)
}

/// The middle value (the lower middle one for an even count).
pub fn median<T: Copy + Ord>(values: impl IntoIterator<Item = T>) -> T {
    let mut v: Vec<T> = values.into_iter().collect();
    v.sort_unstable();
    v[(v.len() - 1) / 2]
}

/// The medians of several runs of one command.
#[derive(Debug, Clone)]
pub struct Stats {
    pub runs: Vec<Run>,
}

impl Stats {
    pub fn wall(&self) -> Duration {
        median(self.runs.iter().map(|r| r.wall))
    }
    pub fn cpu(&self) -> Duration {
        median(self.runs.iter().map(|r| r.cpu))
    }
    pub fn peak_rss(&self) -> u64 {
        median(self.runs.iter().map(|r| r.peak_rss))
    }
    /// A number accord prints in its summary line, median over runs.
    pub fn summary_number(&self, after: &str, before: &str) -> Option<u64> {
        let values: Option<Vec<u64>> = self
            .runs
            .iter()
            .map(|r| number_between(&r.stdout, after, before))
            .collect();
        values.filter(|v| !v.is_empty()).map(median)
    }
}

/// The number in `text` between the markers, e.g. ("index: ", " records").
pub fn number_between(text: &str, after: &str, before: &str) -> Option<u64> {
    let start = text.find(after)? + after.len();
    let rest = &text[start..];
    rest[..rest.find(before)?].trim().parse().ok()
}

/// Total bytes and number of files under `dir`, and the number of .html files.
pub fn tree_size(dir: &Path) -> (u64, usize, usize) {
    let (mut bytes, mut files, mut html) = (0, 0, 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            match e.metadata() {
                Ok(m) if m.is_dir() => stack.push(e.path()),
                Ok(m) => {
                    bytes += m.len();
                    files += 1;
                    html += usize::from(e.path().extension().is_some_and(|x| x == "html"));
                }
                Err(_) => {}
            }
        }
    }
    (bytes, files, html)
}

/// Moves a previous output out of the way (into `trash`, emptied when the
/// bench ends), so that every build starts from nothing and no build pays
/// for deleting the one before. Not deleted here: on ext4 without a
/// journal, as on this machine, creating files for half a minute after
/// tens of thousands were deleted is several times slower (each new inode
/// skips the recently deleted ones), which would burden the next build.
pub fn clear(dir: &Path, trash: &Path) {
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    if dir.exists() {
        let _ = std::fs::create_dir_all(trash);
        let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!("{}-{n}", std::process::id());
        if std::fs::rename(dir, trash.join(name)).is_err() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// Empties `trash`; with `settle`, then waits for the file system to
/// settle (see [`clear`]) if anything was there.
pub fn empty_trash(trash: &Path, settle: bool) {
    if !trash.exists() {
        return;
    }
    let start = std::time::Instant::now();
    let _ = std::fs::remove_dir_all(trash);
    println!(
        "removed the outputs of earlier runs in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    if settle {
        println!("waiting 30 s: right after mass deletions this file system creates files slowly");
        std::thread::sleep(std::time::Duration::from_secs(30));
    }
}
