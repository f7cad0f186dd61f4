//! Content that is not a plain file of the project: a named pipe, a link
//! to a device, a link to a file or a folder outside the project. `check`
//! reads none of them, names each, and ends (issue 18, items 1 and 9); a
//! page saved with Windows line ends is read like any other (item 7).

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{fixture, stderr};

/// `accord check` in `dir`, killed after 20 s (a pipe read would block).
fn check_within(dir: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_accord"))
        .arg("check")
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("accord check did not end");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[cfg(unix)]
#[test]
fn pipes_devices_and_links_are_named_and_not_read() {
    use std::os::unix::fs::symlink;
    let dir = fixture("site");
    let content = dir.path().join("content");
    let status = Command::new("mkfifo")
        .arg(content.join("documents/pipe.toml"))
        .status()
        .unwrap();
    assert!(status.success());
    symlink("/dev/zero", content.join("documents/zero.toml")).unwrap();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("far.toml"), "id = \"far\"\n").unwrap();
    symlink(
        outside.path().join("far.toml"),
        content.join("documents/far.toml"),
    )
    .unwrap();
    std::fs::remove_dir_all(content.join("notes")).unwrap();
    symlink(outside.path(), content.join("notes")).unwrap();

    let o = check_within(dir.path());
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for (file, what) in [
        (
            "documents/far.toml",
            "is a symbolic link: accord reads only the files and folders of the project itself",
        ),
        (
            "documents/pipe.toml",
            "not a regular file (a folder, a pipe or a device)",
        ),
        (
            "documents/zero.toml",
            "is a symbolic link: accord reads only the files and folders of the project itself",
        ),
        (
            "notes",
            "is a symbolic link: accord reads only the files and folders of the project itself",
        ),
    ] {
        let line = format!("error: content/{file}: {what}\n");
        assert!(err.contains(&line), "expected {line} in\n{err}");
    }
    assert!(
        !err.contains("far\""),
        "the outside file was not read: {err}"
    );
}

#[test]
fn a_page_with_windows_line_ends_is_read() {
    let dir = fixture("site");
    let pages = dir.path().join("content/pages");
    std::fs::create_dir_all(&pages).unwrap();
    std::fs::write(
        pages.join("about.md"),
        "+++\r\ntitle = \"About\"\r\nlang = \"en\"\r\n+++\r\n\r\nWritten on Windows.\r\n",
    )
    .unwrap();
    let o = check_within(dir.path());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = crate::support::accord(dir.path(), &["build", "--no-search"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let page = std::fs::read_to_string(dir.path().join("public/pages/about.html")).unwrap();
    assert!(page.contains("Written on Windows."), "{page}");
}
