//! Which language a text or a line is in: Chinese by its script (Han;
//! traditional when characters found only in traditional writing outnumber
//! those found only in simplified), English, Spanish, Portuguese and French
//! by their common words and numbering words; and the language a file name
//! gives (`plan.es.md`, `plan.zh-en.txt`).
//!
//! Written here rather than with `whatlang` or `lingua`: the lines to judge
//! are short (`Artículo 3`, a heading of three words), where trigram
//! models guess poorly and know nothing of numbering words, and the
//! importer must tell only the few languages its numbering schemes know,
//! the same way on every run. Whole texts are judged by the same words.

mod order;
mod tags;
mod words;

use super::clean::is_cjk;
pub use order::order;
pub use tags::{from_file_name, normalise};
pub use words::latin_scores;
use words::{SIMPLIFIED, TRADITIONAL};

/// A writing system, as far as the importer tells them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Han,
    Latin,
}

/// The Latin-script languages told apart by their words.
pub const LATIN: [&str; 4] = ["en", "es", "pt", "fr"];

/// The script of a line: Han when it starts with a Chinese character (an
/// address or a name in Latin letters may follow), or has Chinese
/// characters that are not a few words quoted in a Latin sentence; None
/// for a line of neither (numbers, symbols).
pub fn script(line: &str) -> Option<Script> {
    let han = line.chars().filter(|&c| is_cjk(c)).count();
    let latin = line
        .chars()
        .filter(|c| c.is_alphabetic() && !is_cjk(*c))
        .count();
    let starts_han = line.chars().find(|c| c.is_alphabetic()).is_some_and(is_cjk);
    if han > 0 && (starts_han || han * 4 >= latin) {
        Some(Script::Han)
    } else if latin > 0 {
        Some(Script::Latin)
    } else {
        None
    }
}

/// The script a language is written in (Latin unless Chinese).
pub fn script_of(lang: &str) -> Script {
    if primary(lang) == "zh" {
        Script::Han
    } else {
        Script::Latin
    }
}

/// `zh` of `zh-Hans`.
pub fn primary(lang: &str) -> &str {
    lang.split('-').next().unwrap_or(lang)
}

/// The Latin language of a text, when its words tell: the best score, at
/// least 2 (1 in a label of a few words: `Artículo 1`), ahead of the next
/// by at least 2 (1 when the best is under 4).
pub fn guess_latin(text: &str) -> Option<&'static str> {
    let s = latin_scores(text);
    let mut order: Vec<usize> = (0..4).collect();
    order.sort_by_key(|&k| std::cmp::Reverse(s[k]));
    let (best, next) = (s[order[0]], s[order[1]]);
    let margin = if best >= 4 { 2 } else { 1 };
    let words = text.split_whitespace().count();
    let least = if words <= 3 { 1 } else { 2 };
    (best >= least && best >= next + margin).then_some(LATIN[order[0]])
}

/// `zh-Hant` when traditional-only characters outnumber simplified-only
/// ones, else `zh-Hans`.
pub fn chinese_variant(text: &str) -> &'static str {
    let trad = text.chars().filter(|c| TRADITIONAL.contains(*c)).count();
    let simp = text.chars().filter(|c| SIMPLIFIED.contains(*c)).count();
    if trad > simp {
        "zh-Hant"
    } else {
        "zh-Hans"
    }
}

/// The language of a whole text, if it tells: Chinese when most of its
/// lines are Han, else a Latin language by its words.
pub fn detect(text: &str) -> Option<String> {
    let lines: Vec<Script> = text.lines().filter_map(script).collect();
    let han = lines.iter().filter(|s| **s == Script::Han).count();
    if han > 0 && han * 2 >= lines.len() {
        return Some(chinese_variant(text).to_string());
    }
    let latin: String = text
        .lines()
        .filter(|l| script(l) == Some(Script::Latin))
        .collect::<Vec<_>>()
        .join("\n");
    guess_latin(&latin).map(str::to_string)
}

/// The language of `lang` among `langs` (`es` matches `es-MX`).
pub fn find_in(langs: &[String], lang: &str) -> Option<usize> {
    langs
        .iter()
        .position(|l| l == lang)
        .or_else(|| langs.iter().position(|l| primary(l) == primary(lang)))
}

/// Why a text is not in the `declared` language: the language it is in,
/// and its first lines that say so (line number, text). None when it may
/// be in that language (or the importer cannot tell).
pub fn contradicts(declared: &str, text: &str) -> Option<(String, Vec<(usize, String)>)> {
    let found = detect(text)?;
    let differs = match (script_of(declared), script_of(&found)) {
        (Script::Han, Script::Han) => false,
        (a, b) if a != b => true,
        _ => {
            // Latin and Latin: only when the words leave no doubt.
            let s = latin_scores(text);
            let best = s.iter().copied().max().unwrap_or(0);
            let own = LATIN
                .iter()
                .position(|l| *l == primary(declared))
                .map(|k| s[k]);
            own.is_some_and(|own| best >= 5 && own * 3 < best)
                && primary(&found) != primary(declared)
        }
    };
    if !differs || !LATIN.contains(&primary(declared)) && primary(declared) != "zh" {
        return None;
    }
    let lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            let s = script(l);
            s.is_some()
                && (s != Some(script_of(declared))
                    || (s == Some(Script::Latin) && guess_latin(l) == Some(primary(&found))))
        })
        .take(3)
        .map(|(i, l)| (i + 1, l.trim().to_string()))
        .collect();
    Some((found, lines))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_latin_languages() {
        assert_eq!(script("第一条 联合国之宗旨为："), Some(Script::Han));
        assert_eq!(
            script("the concept of 命运共同体 in the text"),
            Some(Script::Latin)
        );
        assert_eq!(script("1."), None);
        assert_eq!(
            guess_latin("The Purposes of the United Nations are:"),
            Some("en")
        );
        assert_eq!(
            guess_latin("Los propósitos de las Naciones Unidas son:"),
            Some("es")
        );
        assert_eq!(
            guess_latin("Os propósitos das Nações Unidas são:"),
            Some("pt")
        );
        assert_eq!(
            guess_latin("Les buts des Nations Unies sont les suivants :"),
            Some("fr")
        );
        assert_eq!(guess_latin("Artículo 1"), Some("es"));
        assert_eq!(guess_latin("Capítulo I"), None, "Spanish or Portuguese");
        assert_eq!(chinese_variant("聯合國憲章"), "zh-Hant");
        assert_eq!(chinese_variant("联合国宪章"), "zh-Hans");
    }

    #[test]
    fn file_names_give_languages() {
        assert_eq!(from_file_name("plan.es.md"), ["es"]);
        assert_eq!(from_file_name("dir/plan.zh-cn.md"), ["zh-Hans"]);
        assert_eq!(from_file_name("a.zh-en.txt"), ["zh-Hans", "en"]);
        assert_eq!(from_file_name("a.pt-br.md"), ["pt-BR"]);
        assert!(from_file_name("a.en-variant.txt").is_empty());
        assert!(from_file_name("plan.md").is_empty());
    }

    #[test]
    fn a_declared_language_that_the_text_contradicts() {
        let zh = "联合国宪章\n第一条\n联合国之宗旨为：维持国际和平及安全。\n";
        let (found, lines) = contradicts("en", zh).unwrap();
        assert_eq!(found, "zh-Hans");
        assert_eq!(lines[0], (1, "联合国宪章".to_string()));
        assert!(contradicts("zh-Hans", zh).is_none());
        assert!(contradicts(
            "en",
            "The Purposes of the United Nations are: to maintain peace."
        )
        .is_none());
    }
}
