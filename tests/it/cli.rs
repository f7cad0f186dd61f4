//! The command line: exit codes and messages for usage errors.

use crate::support::{accord, fixture, stderr, stdout};

#[test]
fn check_on_the_real_content_succeeds() {
    let o = accord(&crate::support::root(), &["check"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("ok: 3 documents, 406 nodes, "),
        "{}",
        stdout(&o)
    );
}

#[test]
fn missing_content_folder_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = accord(dir.path(), &["check"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        stderr(&o),
        "error: content folder `content` not found; run accord in the site's folder, \
         pass --root DIR (or --content DIR), or make a new site with `accord init DIR`\n"
    );
}

#[test]
fn root_names_the_site_folder_in_messages() {
    let dir = tempfile::tempdir().unwrap();
    let o = accord(dir.path(), &["build", "--root", "elsewhere"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("error: content folder `elsewhere/content` not found; "),
        "{}",
        stderr(&o)
    );
}

#[test]
fn unknown_command_is_a_usage_error() {
    let dir = fixture("site");
    let o = accord(dir.path(), &["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unrecognized subcommand 'frobnicate'"));
}

#[test]
fn import_of_a_missing_file_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = accord(dir.path(), &["import", "nope.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).starts_with("error: nope.txt: No such file or directory"),
        "{}",
        stderr(&o)
    );
}
