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
