//! HTML escaping of text for content and quoted attributes: `& < > " '`.
//! The one escaper of the site: the templates' autoescape ([`esc_to`]),
//! code blocks of the Markdown pages, and the search records.

/// The entity of each byte HTML text must escape (`& < > " '`), else "".
static ENTITY: [&str; 256] = {
    let mut t = [""; 256];
    t[b'&' as usize] = "&amp;";
    t[b'<' as usize] = "&lt;";
    t[b'>' as usize] = "&gt;";
    t[b'"' as usize] = "&quot;";
    t[b'\'' as usize] = "&#39;";
    t
};

/// Appends `s` with `& < > " '` escaped, as the templates' autoescape does.
pub fn esc(out: &mut String, s: &str) {
    let _ = pieces(s, |piece| {
        out.push_str(piece);
        Ok::<(), std::convert::Infallible>(())
    });
}

/// [`esc`] into a writer: the templates' escape function (tera writes
/// each value it prints through it).
pub fn esc_to(s: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    pieces(s, |piece| out.write_all(piece.as_bytes()))
}

/// `s` escaped, as the pieces to write one after the other: the runs
/// between special bytes, and the entities for them.
fn pieces<E>(s: &str, mut put: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    let mut start = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        let entity = ENTITY[usize::from(b)];
        if !entity.is_empty() {
            put(&s[start..i])?;
            put(entity)?;
            start = i + 1;
        }
    }
    put(&s[start..])
}

/// `s` with `& < > " '` escaped, as a new string.
pub fn html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    esc(&mut out, s);
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn esc_escapes_what_html_needs() {
        for s in [
            "",
            "plain",
            "a&b",
            "<x y=\"1\">'z'</x>",
            "&&",
            "中文&“引号”<",
            "end&",
        ] {
            let mut out = String::from("|");
            super::esc(&mut out, s);
            let want = s
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
                .replace('\'', "&#39;");
            assert_eq!(out, format!("|{want}"), "{s:?}");
            let mut written = Vec::new();
            super::esc_to(s, &mut written).unwrap();
            assert_eq!(String::from_utf8(written).unwrap(), want, "{s:?}");
        }
    }
}
