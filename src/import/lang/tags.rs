//! Language tags as file names and front matter keys write them.

/// A language tag as written in a file name or front matter key, in the
/// form the content uses: `zh-cn` → `zh-Hans`, `zh-tw` → `zh-Hant`,
/// `pt-br` → `pt-BR`. None when it is not a tag of a known language.
pub fn normalise(tag: &str) -> Option<String> {
    const KNOWN: [&str; 12] = [
        "zh", "en", "es", "pt", "fr", "ru", "ar", "de", "it", "ja", "ko", "nl",
    ];
    let tag = tag.to_ascii_lowercase();
    let (primary, sub) = tag.split_once(['-', '_']).unwrap_or((&tag, ""));
    if !KNOWN.contains(&primary) {
        return None;
    }
    match (primary, sub) {
        ("zh", "" | "cn" | "hans" | "sg" | "hans-cn") => Some("zh-Hans".into()),
        ("zh", "tw" | "hk" | "mo" | "hant" | "hant-tw") => Some("zh-Hant".into()),
        (_, "") => Some(primary.to_string()),
        (_, s)
            if s.len() == 2
                && !KNOWN.contains(&s)
                && s.chars().all(|c| c.is_ascii_alphabetic()) =>
        {
            Some(format!("{primary}-{}", s.to_ascii_uppercase()))
        }
        _ => None,
    }
}

/// The languages a file name gives: `plan.es.md` → `[es]`,
/// `plan.zh-en.txt` → `[zh-Hans, en]`; empty when it gives none.
pub fn from_file_name(name: &str) -> Vec<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let parts: Vec<&str> = base.split('.').collect();
    for part in parts.iter().skip(1).rev().skip(1) {
        if let Some(one) = normalise(part) {
            return vec![one];
        }
        let many: Option<Vec<String>> = part.split('-').map(normalise).collect();
        if let Some(many) = many.filter(|m| m.len() > 1) {
            return many;
        }
    }
    Vec::new()
}
