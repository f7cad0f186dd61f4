//! What the importer guesses of a document when it is not told: its id
//! from the file name, its edition from a period in the id or title, its
//! kind from words of its title.

use crate::source::raw::LangMap;

/// `china-celac-action-plan-2022-2024.en.md` → `china-celac-action-plan-2022-2024-en`.
pub fn default_id(source: &str) -> String {
    let stem = source.rsplit('/').next().unwrap_or(source);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let mut id = String::new();
    for c in stem.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('-') {
            id.push('-');
        }
    }
    let id = id.trim_end_matches('-').to_string();
    if id.is_empty() {
        "document".to_string()
    } else {
        id
    }
}

/// A period such as `2025-2027` in a text.
pub(super) fn find_period(s: &str) -> Option<String> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(8)).find_map(|i| {
        let w = &b[i..i + 9];
        let digits = |r: std::ops::Range<usize>| w[r].iter().all(u8::is_ascii_digit);
        let bounded = i == 0 || !b[i - 1].is_ascii_digit();
        (bounded && digits(0..4) && w[4] == b'-' && digits(5..9)).then(|| s[i..i + 9].to_string())
    })
}

/// Words in a title (or the first lines) that name a default kind, in the
/// order they are tried: a "plan of action" that "adopts a resolution" is
/// a plan first.
const KIND_WORDS: [(&str, &[&str]); 6] = [
    (
        "policy-paper",
        &["政策文件", "policy paper", "documento de política"],
    ),
    (
        "action-plan",
        &[
            "行动计划",
            "action plan",
            "plan of action",
            "plan de acción",
            "plano de ação",
        ],
    ),
    (
        "resolution",
        &["决议", "resolution", "resolución", "resolução"],
    ),
    (
        "treaty",
        &[
            "条约",
            "公约",
            "协定",
            "宪章",
            "treaty",
            "convention",
            "agreement",
            "charter",
            "tratado",
            "convenio",
            "acuerdo",
            "carta de",
        ],
    ),
    (
        "statement",
        &[
            "声明",
            "宣言",
            "statement",
            "declaration",
            "communiqué",
            "declaración",
            "declaração",
            "déclaration",
        ],
    ),
    (
        "law",
        &[
            "法律", "条例", "law", " act", "código", "ley ", "lei ", "loi ",
        ],
    ),
];

/// The kind a document's title suggests (`action-plan` when none does).
pub(super) fn guess_kind(title: &LangMap, text: &str) -> String {
    let head: String = text.chars().take(400).collect::<String>().to_lowercase();
    // The titles given, else the source's first line, which is its title
    // more often than not (Markdown's `#` and a front matter aside).
    let first = text
        .lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .find(|l| !l.is_empty() && *l != "---")
        .map(|l| format!("{} ", l.to_lowercase()));
    let titles: Vec<String> = if title.is_empty() {
        first.into_iter().collect()
    } else {
        title.values().map(|t| t.to_lowercase()).collect()
    };
    let named = |words: &[&str]| {
        // A Chinese law's title ends in 法 (数据安全法), which, within a
        // title, is too common a character to look for anywhere.
        let law = words == KIND_WORDS[5].1;
        let has =
            |t: &str| words.iter().any(|w| t.contains(w)) || (law && t.trim_end().ends_with('法'));
        titles.iter().any(|t| has(t))
    };
    let found = KIND_WORDS
        .iter()
        .find(|(_, words)| named(words))
        .or_else(|| {
            KIND_WORDS[..2]
                .iter()
                .find(|(_, words)| words.iter().any(|w| head.contains(w)))
        });
    found.map_or("action-plan", |(kind, _)| kind).to_string()
}

#[cfg(test)]
mod tests {
    use super::guess_kind;
    use crate::source::raw::LangMap;

    fn kind_of(lang: &str, title: &str) -> String {
        let mut t = LangMap::new();
        t.insert(lang, title.to_string());
        guess_kind(&t, "")
    }

    #[test]
    fn the_title_names_the_kind() {
        assert_eq!(
            kind_of("zh-Hans", "中国对拉丁美洲和加勒比政策文件"),
            "policy-paper"
        );
        assert_eq!(
            kind_of("en", "China-CELAC Joint Plan of Action 2025-2027"),
            "action-plan"
        );
        assert_eq!(kind_of("zh-Hans", "中华人民共和国数据安全法"), "law");
        assert_eq!(kind_of("en", "Foreign Relations Act"), "law");
        assert_eq!(kind_of("en", "Charter of the United Nations"), "treaty");
        assert_eq!(kind_of("es", "Declaración de Beijing"), "statement");
        assert_eq!(kind_of("en", "Resolution 2758 (XXVI)"), "resolution");
        // A method is not a law: 法 counts only at the end of a title.
        assert_eq!(kind_of("zh-Hans", "合作方法备忘"), "action-plan");
    }
}
