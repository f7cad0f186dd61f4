//! The syntax of ids, language tags and dates.
//!
//! Node ids are hierarchical, in the spirit of Akoma Ntoso eIds: segments
//! joined by `__`, each an element abbreviation with an optional number
//! (`art_2__sec_3__cl_1`, `preface__p_2`, `annex__item_8`). The parent of a
//! node is its id without the last segment. Ids are stored in the content
//! and never derived from position after publication.

/// Longest id accepted, in bytes.
pub const MAX_ID_LEN: usize = 200;

/// `china-celac-action-plan-2025-2027`: lower-case ASCII letters and digits
/// in words joined by single hyphens.
pub fn is_document_id(id: &str) -> bool {
    !is_reserved(id)
        && !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Names some file systems refuse for a file (`con.toml`, `nul.html` …).
pub fn is_reserved(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    matches!(n.as_str(), "con" | "prn" | "aux" | "nul")
        || (n.len() == 4
            && (n.starts_with("com") || n.starts_with("lpt"))
            && n.as_bytes()[3].is_ascii_digit())
}

/// A BCP 47-shaped tag: a 2–3 letter language, then subtags of 2–8
/// letters or digits (`zh-Hans`, `en`, `es-419`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// `YYYY-MM-DD` with a plausible month and day.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    matches!((num(0..4), num(5..7), num(8..10)), (Some(_), Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d))
}

/// One segment of a node id: `sec_3` is `("sec", Some(3))`, `annex` is
/// `("annex", None)`. `None` if the segment is malformed.
pub fn parse_segment(seg: &str) -> Option<(&str, Option<u32>)> {
    let (abbr, num) = match seg.split_once('_') {
        Some((a, n)) => (a, Some(n)),
        None => (seg, None),
    };
    if abbr.is_empty() || !abbr.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    match num {
        None => Some((abbr, None)),
        Some(n)
            if !n.is_empty()
                && !n.starts_with('0')
                && n.len() <= 6
                && n.bytes().all(|b| b.is_ascii_digit()) =>
        {
            Some((abbr, n.parse().ok()))
        }
        Some(_) => None,
    }
}

/// The segments of a node id, or `None` if any is malformed.
pub fn parse_node_id(id: &str) -> Option<Vec<(&str, Option<u32>)>> {
    if id.is_empty() || id.len() > MAX_ID_LEN {
        return None;
    }
    id.split("__").map(parse_segment).collect()
}

/// The id of the parent node, if any.
pub fn parent_id(id: &str) -> Option<&str> {
    // As `rsplit_once("__")`, without a substring searcher.
    let at = id.as_bytes().windows(2).rposition(|w| w == b"__")?;
    Some(&id[..at])
}

/// The number of segments of a node id and its last segment, or `None`
/// when any segment is malformed: [`parse_node_id`] without the list, in
/// one pass over the bytes (it is run on every node of the site).
pub fn node_id_depth_last(id: &str) -> Option<(usize, (&str, Option<u32>))> {
    if id.is_empty() || id.len() > MAX_ID_LEN {
        return None;
    }
    let b = id.as_bytes();
    let (mut depth, mut at) = (0, 0);
    let mut last;
    loop {
        // A segment: lower-case letters, then maybe `_` and a number.
        last = at;
        let start = at;
        while b.get(at).is_some_and(u8::is_ascii_lowercase) {
            at += 1;
        }
        if at == start {
            return None;
        }
        if b.get(at) == Some(&b'_') && b.get(at + 1).is_some_and(|&c| c != b'_') {
            at += 1;
            let digits = at;
            while b.get(at).is_some_and(u8::is_ascii_digit) {
                at += 1;
            }
            if at == digits || b[digits] == b'0' || at - digits > 6 {
                return None;
            }
        }
        depth += 1;
        if at == b.len() {
            break;
        }
        if b[at] != b'_' || b.get(at + 1) != Some(&b'_') {
            return None;
        }
        at += 2;
    }
    Some((depth, parse_segment(&id[last..])?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-pass reading agrees with the segment by segment one on every
    /// string of up to six characters from the bytes that matter.
    #[test]
    fn depth_and_last_segment_as_parsed() {
        let alphabet = [b'a', b'b', b'_', b'1', b'0', b'A'];
        let mut strings = vec![String::new()];
        for _ in 0..6 {
            let longer: Vec<String> = strings
                .iter()
                .filter(|s| s.len() == strings.last().map_or(0, String::len))
                .flat_map(|s| alphabet.iter().map(move |&c| format!("{s}{}", c as char)))
                .collect();
            strings.extend(longer);
        }
        assert!(strings.len() > 50_000);
        for id in strings
            .iter()
            .map(String::as_str)
            .chain(["art_1234567", "art_123456__x"])
        {
            let parsed = parse_node_id(id).map(|segs| (segs.len(), *segs.last().unwrap()));
            assert_eq!(node_id_depth_last(id), parsed, "{id}");
        }
    }

    #[test]
    fn node_ids() {
        assert_eq!(
            parse_node_id("art_2__sec_3__cl_1"),
            Some(vec![("art", Some(2)), ("sec", Some(3)), ("cl", Some(1))])
        );
        assert_eq!(parse_node_id("annex"), Some(vec![("annex", None)]));
        for bad in [
            "",
            "art_02",
            "Art_1",
            "art__",
            "art_1__",
            "art_x",
            "../x",
            "art_1/sec_2",
            "art-1",
        ] {
            assert_eq!(parse_node_id(bad), None, "{bad}");
        }
        assert_eq!(parent_id("art_2__sec_3__cl_1"), Some("art_2__sec_3"));
        assert_eq!(parent_id("art_2"), None);
        for id in ["a___b", "a____b", "__", "_", "a__", "__a", "x__y__z"] {
            assert_eq!(parent_id(id), id.rsplit_once("__").map(|(p, _)| p), "{id}");
            assert_eq!(
                node_id_depth_last(id),
                parse_node_id(id).map(|s| (s.len(), *s.last().unwrap())),
                "{id}"
            );
        }
        assert_eq!(
            node_id_depth_last("art_2__sec_3"),
            Some((2, ("sec", Some(3))))
        );
    }

    #[test]
    fn document_ids_tags_dates() {
        assert!(is_document_id("china-celac-action-plan-2025-2027"));
        for bad in [
            "", "A", "a--b", "-a", "a/b", "a_b", "..", "con", "nul", "lpt1", "a.b", "a\\b",
        ] {
            assert!(!is_document_id(bad), "{bad}");
        }
        assert!(is_language_tag("zh-Hans") && is_language_tag("en") && is_language_tag("es-419"));
        assert!(!is_language_tag("english") && !is_language_tag("zh_Hans") && !is_language_tag(""));
        assert!(is_date("2025-05-13") && !is_date("2025-13-01") && !is_date("13 May 2025"));
    }
}
