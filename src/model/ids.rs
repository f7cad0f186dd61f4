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
    id.rsplit_once("__").map(|(parent, _)| parent)
}

/// The number of segments of a node id and its last segment, or `None`
/// when any segment is malformed.
pub fn node_id_depth_last(id: &str) -> Option<(usize, (&str, Option<u32>))> {
    let segments = parse_node_id(id)?;
    Some((segments.len(), *segments.last()?))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(parent_id("a___b"), Some("a_"));
        assert_eq!(parent_id("x__y__z"), Some("x__y"));
        assert_eq!(
            node_id_depth_last("art_2__sec_3"),
            Some((2, ("sec", Some(3))))
        );
        assert_eq!(node_id_depth_last("preface"), Some((1, ("preface", None))));
        assert_eq!(node_id_depth_last("art_123456__x"), Some((2, ("x", None))));
        assert_eq!(
            node_id_depth_last("annex__item_8"),
            Some((2, ("item", Some(8))))
        );
        for bad in [
            "",
            "_",
            "__",
            "a__",
            "__a",
            "a___b",
            "a____b",
            "a_1_2",
            "a_",
            "a_0",
            "art_1234567",
            "art_1__sec_01",
            "art_1__Sec_1",
            "a1",
            "a b",
            "章_1",
        ] {
            assert_eq!(node_id_depth_last(bad), None, "{bad}");
        }
        let long = ["a"; 100].join("__");
        assert!(long.len() > MAX_ID_LEN);
        assert_eq!(node_id_depth_last(&long), None);
        assert_eq!(
            node_id_depth_last(&long[..MAX_ID_LEN - 1]).map(|d| d.0),
            Some(67)
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
