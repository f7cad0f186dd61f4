//! What the fast reader accepts, the toml crate reads to the same value,
//! spans included: checked on every content file of the repository and on
//! many mutations of small files.

use std::fmt::Debug;
use std::path::Path;

use serde::de::DeserializeOwned;

use crate::source::briefings::RawBriefing;
use crate::source::raw::{RawCrosswalk, RawDocument, RawNotes, RawSite};

/// Reads `text` both ways; `Some(true)` when the fast reader took it, and
/// then the two values must be equal.
fn agree<T: DeserializeOwned + Debug>(text: &str) -> bool {
    let fast: Option<(T, Vec<u32>)> = super::from_str(text);
    let Some((fast, lines)) = fast else {
        return false;
    };
    let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i as u32 + 1));
    assert_eq!(lines, starts.collect::<Vec<_>>(), "{text}");
    match toml::from_str::<T>(text) {
        Ok(slow) => assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{text}"),
        Err(e) => panic!("taken by the fast reader, refused by toml ({e}):\n{text}"),
    }
    true
}

/// Every raw type; how many took the text.
fn agree_all(text: &str) -> usize {
    [
        agree::<RawDocument>(text),
        agree::<RawNotes>(text),
        agree::<RawCrosswalk>(text),
        agree::<RawSite>(text),
        agree::<RawBriefing>(text),
    ]
    .iter()
    .filter(|&&b| b)
    .count()
}

fn toml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in walkdir::WalkDir::new(dir).into_iter().flatten() {
        if e.path().extension().is_some_and(|x| x == "toml") {
            out.push(e.into_path());
        }
    }
}

#[test]
fn repository_content_reads_the_same() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["content", "tests", "fuzz/corpus", "target/bench/1k/content"] {
        toml_files(&root.join(dir), &mut files);
    }
    assert!(files.len() > 20, "{} files", files.len());
    let mut taken = 0;
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        taken += usize::from(agree_all(&text) > 0);
    }
    assert!(taken * 2 > files.len(), "{taken} of {}", files.len());
    // The files made for it are read by it.
    let mut made = vec![
        root.join("content/crosswalk.toml"),
        root.join("content/site.toml"),
    ];
    toml_files(&root.join("content/documents"), &mut made);
    toml_files(&root.join("content/briefings"), &mut made);
    for path in made {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(agree_all(&text) > 0, "{}", path.display());
    }
    let notes = std::fs::read_to_string(root.join("content/notes/translation.toml")).unwrap();
    assert!(agree::<RawNotes>(&notes), "escapes in notes");
}

const DOC: &str = r#"# comment ü
id = "a-b"
kind = 'action-plan'
languages = [ "zh-Hans","en", ]
title.zh-Hans = "标题\t\"q\" \\ \u00e9\U0001F600"
title.en = "Title"   # trailing

[[node]]
id = "art_1"
kind = "article"
heading.en = "H"
	[[ node ]]
id = "art_1__p_1"
kind = "paragraph"
text.en = 'C:\path'
text.zh-Hans = ""

[[node]]
id = "art_2"
kind = "article"
heading.en = """He said "yes" and 'no'."""
heading.zh-Hans = """
Two
 lines ""with"" quotes"""""
"#;

#[test]
fn small_cases() {
    assert_eq!(agree_all(DOC), 1);
    for declined in [
        "\u{feff}id = \"x\"",
        "id = \"\"\"x\\n\"\"\"",
        "id = \"\"\"x\"\"\"\"\"\"",
        "id = '''x'''",
        "id = 'x\ny'",
        "id = \"a\\e\"",
        "id = \"\\uD800\"",
        "id = \"x\"\r\n",
        "title = { en = \"x\" }",
        "[title]\nen = \"x\"",
        "title . en = \"x\"",
        "\"id\" = \"x\"",
        "id = \"x\"\nid = \"y\"",
        "title.en = \"x\"\ntitle = \"y\"",
        "title = \"y\"\ntitle.en = \"x\"",
        "title.en = \"x\"\n[[title]]",
        "languages = [\n\"en\"]",
        "id = 1",
        "id = \"a\u{7f}\"",
        "# a\u{1}",
        "id = \"x\" y",
    ] {
        assert!(super::parse::document(declined).is_none(), "{declined:?}");
    }
}

/// Past `SCAN` keys a table is looked up through its index: the same
/// values, and a key given twice is still declined, wherever it is.
#[test]
fn large_tables() {
    let titles: String = (0..40)
        .map(|i| format!("title.l{i} = \"t{i}\"\n"))
        .collect();
    let doc = DOC.replacen("[[node]]", &format!("{titles}[[node]]"), 1);
    assert_eq!(agree_all(&doc), 1);
    let nodes: String = (0..40)
        .map(|i| format!("[[node]]\nid = \"n{i}\"\n"))
        .collect();
    let root: String = (0..40).map(|i| format!("k{i} = \"v\"\n")).collect();
    assert!(super::parse::document(&format!("{root}{nodes}")).is_some());
    for again in ["title.l3 = \"x\"\n", "title.l39 = \"x\"\n"] {
        assert!(super::parse::document(&format!("{titles}{again}")).is_none());
    }
    for again in ["k0 = \"x\"\n", "k39 = \"x\"\n", "[[k20]]\n"] {
        assert!(super::parse::document(&format!("{root}{again}")).is_none());
    }
}

/// splitmix64: the same edits on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        (z ^ (z >> 31)) as usize
    }
}

#[test]
fn mutations_read_the_same() {
    const PIECES: &[&str] = &[
        "\"",
        "\"\"\"",
        "'",
        "\\",
        "\\u00e9",
        "\\uD800",
        "\\U0010FFFF",
        "\\x41",
        "\n",
        "\r\n",
        "#",
        "[",
        "]",
        "[[node]]\n",
        "[[link]]\n",
        ".",
        "=",
        " ",
        "\t",
        "\u{7f}",
        "\u{1}",
        "\u{85}",
        "title.en = \"x\"\n",
        "x",
        ",",
        "{",
        "}",
        "\"\"\"",
        "0",
        "é",
        "node",
        "id = \"y\"\n",
        "text.en.x = \"z\"\n",
        "\u{feff}",
    ];
    let seeds = [
        DOC,
        "[[note]]\ntarget = \"a:b\"\nkind = \"remark\"\ntext.en = \"n\"\n",
        "[[link]]\nfrom = \"a:b\"\nto = \"c:d\"\nrelation = \"related\"\n",
        "base_url = \"https://x.org/\"\ntitle.en = \"T\"\n\n[[language]]\ncode = \"en\"\nname = \"English\"\n",
        "title.en = \"T\"\ndate = \"2025-01-01\"\naudience.en = \"A\"\nintro.en = \"I\"\nmode = \"en\"\n[[item]]\nnode = \"a:b\"\ncomment.en = \"c\"\n",
    ];
    let mut rng = Rng(6);
    let mut taken = 0;
    for round in 0..20_000 {
        let mut text = seeds[round % seeds.len()].to_string();
        for _ in 0..1 + rng.next() % 3 {
            let mut at = rng.next() % (text.len() + 1);
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            if rng.next().is_multiple_of(4) {
                let mut end = (at + 1 + rng.next() % 8).min(text.len());
                while !text.is_char_boundary(end) {
                    end += 1;
                }
                text.replace_range(at..end, "");
            } else {
                text.insert_str(at, PIECES[rng.next() % PIECES.len()]);
            }
        }
        taken += usize::from(agree_all(&text) > 0);
    }
    // Many mutations stay inside the subset.
    assert!(taken > 1000, "{taken}");
}
