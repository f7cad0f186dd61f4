//! Input that once took time out of proportion to its size (issue 18,
//! item 2): what is published for it, whole. How the time grows is
//! measured by the `scaling` bench and its CI check (tests/scaling.rs).

use crate::support::{accord, fixture, stderr};

/// A code block with a line too long to highlight (syntect took 25.7 s on
/// 16 KB of `s/aaa…` in Perl) is published as plain escaped code, all of it,
/// and `check` says nothing about it.
#[test]
fn a_long_code_line_is_published_plain() {
    let dir = fixture("site");
    let pages = dir.path().join("content/pages");
    std::fs::create_dir_all(&pages).unwrap();
    let line = format!("s/{}/<b>/", "a".repeat(16 * 1024));
    let page =
        format!("+++\ntitle = \"Code\"\nlang = \"en\"\n+++\n\n```perl\nmy $x = 1;\n{line}\n```\n");
    std::fs::write(pages.join("code.md"), page).unwrap();
    let o = accord(dir.path(), &["build"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("code.md"), "{}", stderr(&o));
    let html = std::fs::read_to_string(dir.path().join("public/pages/code.html")).unwrap();
    let escaped = line.replace('<', "&lt;").replace('>', "&gt;");
    let block = format!("<pre tabindex=\"0\"><code>my $x = 1;\n{escaped}\n</code></pre>");
    assert!(html.contains(&block), "{html}");
}
