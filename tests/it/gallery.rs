//! The gallery of bad input: one small project per kind of broken content
//! under tests/cmd/<case>.in, with the exact output `accord check` gives for
//! it in tests/cmd/<case>.toml (CLI transcripts, checked by trycmd).
//! After a deliberate change of wording: `TRYCMD=overwrite cargo test gallery`.

use crate::support::{accord, stderr};

#[test]
fn gallery_of_bad_input() {
    trycmd::TestCases::new()
        .register_bin(
            "accord",
            std::path::PathBuf::from(env!("CARGO_BIN_EXE_accord")),
        )
        .case("tests/cmd/*.toml");
}

/// Too large to keep in the repository: the oversized file is made here.
#[test]
fn oversized_file() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_dir(
        &crate::support::root().join("tests/cmd/numbering-gap.in"),
        dir.path(),
    );
    let big = dir.path().join("content/documents/big.toml");
    std::fs::write(&big, vec![b'#'; 8 * 1024 * 1024 + 1]).unwrap();
    let out = accord(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("error: content/documents/big.toml: file is 8388609 bytes, over the limit of 8388608\n  help: split the document into smaller files or remove what does not belong\n"),
        "{}",
        stderr(&out)
    );
}

/// A key of a megabyte is named by its first 60 characters and its length,
/// not echoed whole (issue 18, item 11).
#[test]
fn a_key_of_a_megabyte_is_not_echoed() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_dir(
        &crate::support::root().join("tests/cmd/unknown-field.in"),
        dir.path(),
    );
    let key = "k".repeat(1 << 20);
    crate::support::edit(
        &dir.path().join("content/documents/plan.toml"),
        "colour = \"red\"",
        &format!("{key} = \"red\""),
    );
    let out = accord(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let k60 = "k".repeat(60);
    assert_eq!(
        stderr(&out),
        format!(
            "error: content/documents/plan.toml:10: unknown field `{k60}…` (1048576 bytes), expected one of `id`, `kind`, `label`, `heading`, `text`\n  help: remove or rename the field; see content/README.md for the fields each table takes\nerror: 1 problem in the content\n"
        )
    );
}

/// A static file whose name is not UTF-8 is refused, named with its bytes
/// (`\xFF`), and nothing is published under another name (it was published
/// as `bad\u{FFFD}.css`).
#[cfg(unix)]
#[test]
fn a_static_file_named_in_another_encoding_is_refused() {
    use std::os::unix::ffi::OsStrExt;
    let dir = crate::support::fixture("site");
    let name = std::ffi::OsStr::from_bytes(b"bad\xff.css");
    std::fs::create_dir_all(dir.path().join("static")).unwrap();
    std::fs::write(dir.path().join("static").join(name), "p {}").unwrap();
    for command in ["check", "build"] {
        let out = accord(dir.path(), &[command]);
        assert_eq!(out.status.code(), Some(1), "{command}");
        assert_eq!(
            stderr(&out),
            "error: static/bad\\xFF.css: the path is not UTF-8 text\n  help: rename the file or folder: a file of the theme is published under its path, which must be text\nerror: 1 problem in the theme\n",
            "{command}"
        );
    }
    assert!(!dir.path().join("public").exists());
}
