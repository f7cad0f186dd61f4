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
pub fn run(cmd: &mut Command) -> Result<Run, String> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let mut child = cmd
        .spawn()
        .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
    let pid = child.id() as libc::pid_t;
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
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain data, and `wait4` only writes to the two
    // pointers it is given. The child is reaped here, not by `Child`.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    let stderr = stderr.join().unwrap_or_default();
    if r != pid {
        return Err(format!("wait4 failed for {cmd:?}"));
    }
    if !(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0) {
        return Err(format!("{cmd:?} failed ({status:#x}):\n{stdout}{stderr}"));
    }
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    Ok(Run {
        wall,
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        // ru_maxrss is in kilobytes on Linux.
        peak_rss: usage.ru_maxrss as u64 * 1024,
        stdout,
    })
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
