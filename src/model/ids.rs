//! The syntax of ids, language tags and dates.
//!
//! Node ids are hierarchical, in the spirit of Akoma Ntoso eIds: segments
//! joined by `__`, each an element abbreviation with an optional number
//! (`art_2__sec_3__cl_1`, `preface__p_2`, `annex__item_8`). The parent of a
//! node is its id without the last segment. Ids are stored in the content
//! and never derived from position after publication.

/// Longest id accepted, in bytes.
pub const MAX_ID_LEN: usize = 200;

/// The problem of an id longer than [`MAX_ID_LEN`], if it is: named with
/// the limit and its length, without the id itself (the line shows it; a
/// 10,000-segment id was echoed as 60 KB and called malformed).
pub fn too_long(what: &str, id: &str) -> Option<String> {
    (id.len() > MAX_ID_LEN).then(|| {
        format!(
            "{what} of {} bytes is over the limit of {MAX_ID_LEN} bytes",
            id.len()
        )
    })
}

/// What to do about an id [`too_long`].
pub const TOO_LONG_HELP: &str =
    "shorten it: ids are part of the site's addresses and of citation keys";

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
    let num = |r: std::ops::Range<usize>| {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    // The days of each month, February's in a leap year of the Gregorian calendar.
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// What is wrong with `s` as the URL a site is served at, if anything: it
/// must be an absolute http(s) URL with a host, no user, query or
/// fragment, and a path that ends in `/` with no empty segment (a `//` in
/// it would make `//host/` links of the site's own files).
pub fn base_url_problem(s: &str) -> Option<&'static str> {
    let Ok(url) = url::Url::parse(s) else {
        return Some("is not an absolute URL");
    };
    if !matches!(url.scheme(), "http" | "https") {
        Some("is not an http or https URL")
    } else if url.host_str().is_none_or(str::is_empty) {
        Some("has no host")
    } else if !url.username().is_empty() || url.password().is_some() {
        Some("has a user name or password in it")
    } else if url.query().is_some() || url.fragment().is_some() {
        Some("has a query or fragment")
    } else if url.path().contains("//") {
        Some("has an empty segment (`//`) in its path")
    } else if !s.ends_with('/') {
        Some("does not end in `/`")
    } else if url.as_str() != s {
        Some("is not written in its normal form (lower-case host, escaped characters)")
    } else {
        None
    }
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
    fn base_urls() {
        for ok in [
            "https://example.org/",
            "https://user.github.io/accord/",
            "http://127.0.0.1:8000/x/",
        ] {
            assert_eq!(base_url_problem(ok), None, "{ok}");
        }
        for (bad, why) in [
            (
                "https://example.org//evil.example/",
                "has an empty segment (`//`) in its path",
            ),
            ("https://example.org", "does not end in `/`"),
            ("ftp://example.org/", "is not an http or https URL"),
            ("example.org/", "is not an absolute URL"),
            (
                "https://a:b@example.org/",
                "has a user name or password in it",
            ),
            ("https://example.org/?x=1", "has a query or fragment"),
            (
                "https://Example.org/",
                "is not written in its normal form (lower-case host, escaped characters)",
            ),
        ] {
            assert_eq!(base_url_problem(bad), Some(why), "{bad}");
        }
    }

    #[test]
    fn dates_are_days_of_the_calendar() {
        for ok in ["2025-05-13", "2024-02-29", "2000-02-29", "1999-12-31"] {
            assert!(is_date(ok), "{ok}");
        }
        for bad in [
            "2025-02-31",
            "2025-02-29",
            "1900-02-29",
            "2025-04-31",
            "2025-13-01",
            "2025-00-10",
            "2025-1-01",
            "2025-+1-01",
            "2025/05/13",
        ] {
            assert!(!is_date(bad), "{bad}");
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
