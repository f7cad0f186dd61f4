//! Output that is never half-written: a build killed midway, two builds at
//! once, a full disk; and the same bytes whatever the number of threads.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use crate::site::files;
use crate::support::{copy_dir, root};

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for d in ["content", "templates", "static"] {
        copy_dir(&root().join(d), &dir.path().join(d));
    }
    dir
}

fn build(dir: &Path, threads: Option<&str>) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_accord"));
    cmd.arg("build").current_dir(dir);
    if let Some(n) = threads {
        cmd.env("RAYON_NUM_THREADS", n);
    }
    cmd.output().unwrap()
}

/// Staging folders left beside `public/`.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public"))
        .collect()
}

#[test]
fn a_build_killed_midway_leaves_the_previous_site() {
    let dir = project();
    assert!(build(dir.path(), None).status.success());
    let reference = files(&dir.path().join("public"));
    for i in 0..8u64 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_accord"))
            .arg("build")
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(40 + i * 90));
        let _ = child.kill(); // SIGKILL: no chance to clean up
        let _ = child.wait();
        assert!(
            files(&dir.path().join("public")) == reference,
            "public/ damaged by a build killed after {} ms",
            40 + i * 90
        );
    }
    assert!(build(dir.path(), None).status.success());
    assert_eq!(
        leftovers(dir.path()),
        Vec::<String>::new(),
        "the next build removes what killed builds left"
    );
    assert!(files(&dir.path().join("public")) == reference);
}

#[test]
fn builds_started_at_once_leave_one_complete_site() {
    let dir = project();
    assert!(build(dir.path(), None).status.success());
    let reference = files(&dir.path().join("public"));
    let children: Vec<_> = (0..4)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_accord"))
                .arg("build")
                .current_dir(dir.path())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(
        files(&dir.path().join("public")) == reference,
        "public/ is not one complete site"
    );
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_full_disk_fails_the_build_and_keeps_the_previous_site() {
    let dir = project();
    assert!(build(dir.path(), None).status.success());
    let reference = files(&dir.path().join("public"));
    // A file size limit makes writes fail as on a full disk (EFBIG; the
    // signal that would kill the process is ignored).
    let script = format!(
        "trap '' XFSZ; ulimit -f 64; exec '{}' build",
        env!("CARGO_BIN_EXE_accord")
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("File too large"), "{err}");
    assert!(
        files(&dir.path().join("public")) == reference,
        "public/ changed after a failed write"
    );
}

#[test]
fn one_thread_and_many_give_the_same_bytes() {
    let a = project();
    let b = project();
    assert!(build(a.path(), Some("1")).status.success());
    assert!(build(b.path(), Some("4")).status.success());
    assert!(files(&a.path().join("public")) == files(&b.path().join("public")));
}
