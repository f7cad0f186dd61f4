//! The bundle the site ships: the files of Pagefind's bundles minus what
//! the site does not use. The build makes one bundle, every language in
//! one index (see the module above); several bundles (one instance per
//! language, as before) would be put side by side, their index files
//! named by language and content, with one `pagefind-entry.json` listing
//! every language.

use std::collections::BTreeMap;

use pagefind::api::SyntheticFile;
use serde_json::Value;

use super::BUNDLE;
use crate::render::OutFile;
use crate::Error;

const ENTRY: &str = "pagefind-entry.json";

/// The merged bundle, its files sorted by path.
pub fn bundles(bundles: Vec<Vec<SyntheticFile>>) -> Result<Vec<OutFile>, Error> {
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut entry: Option<Value> = None;
    for file in bundles.into_iter().flatten() {
        let name = file.filename.to_string_lossy().replace('\\', "/");
        if unused(&name) {
            continue;
        }
        if name == ENTRY {
            let this: Value = serde_json::from_slice(&file.contents).map_err(|e| bad(&e))?;
            entry = Some(match entry {
                None => this,
                Some(earlier) => entries(earlier, this)?,
            });
            continue;
        }
        match files.get(&name) {
            // The instances run the same Pagefind with the same options:
            // the files they share (pagefind.js, the WebAssembly) are equal.
            Some(earlier) if *earlier != file.contents => {
                return Err(Error::Usage(format!(
                    "search index: two languages made different {name}"
                )))
            }
            Some(_) => {}
            None => {
                files.insert(name, file.contents);
            }
        }
    }
    if let Some(entry) = entry {
        files.insert(ENTRY.to_string(), entry.to_string().into_bytes());
    }
    Ok(files
        .into_iter()
        .map(|(name, bytes)| OutFile {
            path: format!("{BUNDLE}/{name}"),
            bytes,
        })
        .collect())
}

/// The site has its own search box: Pagefind's ready-made interfaces and
/// the playground are not shipped. The search box runs Pagefind in the
/// page (noWorker): no worker either.
fn unused(name: &str) -> bool {
    name.contains("-ui.")
        || name.starts_with("pagefind-highlight")
        || name.starts_with("pagefind-worker")
        || name.starts_with("playground")
}

/// Two entries as one: the languages of both, the rest equal.
fn entries(mut a: Value, b: Value) -> Result<Value, Error> {
    let Value::Object(mut b) = b else {
        return Err(bad(&"not an object"));
    };
    let Some(Value::Object(more)) = b.remove("languages") else {
        return Err(bad(&"no languages"));
    };
    let Some(Value::Object(langs)) = a.get_mut("languages") else {
        return Err(bad(&"no languages"));
    };
    langs.extend(more);
    if a.as_object().map(|o| o.len() - 1) != Some(b.len())
        || b.iter().any(|(k, v)| a.get(k) != Some(v))
    {
        return Err(bad(&"the languages' entries differ"));
    }
    Ok(a)
}

fn bad(e: &dyn std::fmt::Display) -> Error {
    Error::Usage(format!("search index: {ENTRY}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn file(name: &str, bytes: &[u8]) -> SyntheticFile {
        SyntheticFile {
            filename: PathBuf::from(name),
            contents: bytes.to_vec(),
        }
    }

    fn entry(lang: &str) -> Vec<u8> {
        format!(
            r#"{{"version":"1.6.0","languages":{{"{lang}":{{"hash":"{lang}_1","wasm":null,"page_count":2}}}},"include_characters":["_"]}}"#
        )
        .into_bytes()
    }

    #[test]
    fn bundles_merge_into_one_entry_and_drop_what_is_not_shipped() {
        let en = vec![
            file("pagefind.js", b"js"),
            file("pagefind-ui.js", b"ui"),
            file("pagefind-worker.js", b"worker"),
            file(ENTRY, &entry("en")),
            file("index/en_1.pf_index", b"e"),
        ];
        let zh = vec![
            file("pagefind.js", b"js"),
            file("playground/index.html", b"p"),
            file(ENTRY, &entry("zh-hans")),
            file("index/zh-hans_1.pf_index", b"z"),
        ];
        let out = bundles(vec![en, zh]).unwrap();
        let paths: Vec<&str> = out.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "pagefind/index/en_1.pf_index",
                "pagefind/index/zh-hans_1.pf_index",
                "pagefind/pagefind-entry.json",
                "pagefind/pagefind.js"
            ]
        );
        let merged: Value = serde_json::from_slice(&out[2].bytes).unwrap();
        let langs: Vec<&String> = merged["languages"].as_object().unwrap().keys().collect();
        assert_eq!(langs, ["en", "zh-hans"]);
        assert_eq!(merged["version"], "1.6.0");
        assert_eq!(merged["include_characters"], serde_json::json!(["_"]));
    }

    #[test]
    fn bundles_that_disagree_are_an_error() {
        let a = vec![file("pagefind.js", b"one")];
        let b = vec![file("pagefind.js", b"two")];
        assert!(bundles(vec![a, b]).is_err());
        let other = String::from_utf8(entry("zh-hans"))
            .unwrap()
            .replace("1.6.0", "1.7.0");
        let a = vec![file(ENTRY, &entry("en"))];
        let b = vec![file(ENTRY, other.as_bytes())];
        assert!(bundles(vec![a, b]).is_err());
    }
}
