//! The words that tell English, Spanish, Portuguese and French apart, and
//! the characters that tell traditional from simplified Chinese.

/// Function words and numbering words of each of [`super::LATIN`], lower case.
pub(super) const WORDS: [&[&str]; 4] = [
    &[
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "are",
        "shall",
        "be",
        "with",
        "for",
        "on",
        "that",
        "by",
        "this",
        "which",
        "as",
        "its",
        "their",
        "will",
        "or",
        "an",
        "at",
        "from",
        "article",
        "chapter",
        "part",
        "section",
        "annex",
        "preface",
        "united",
        "nations",
        "states",
        "both",
        "sides",
        "all",
        "have",
        "has",
        "other",
        "such",
        "into",
        "between",
        "english",
        "text",
        // Short lines of plans and statements: `a` as in Portuguese, and the
        // words such texts are made of (none of them a word of the others).
        "a",
        "cooperation",
        "development",
        "support",
        "strengthen",
        "promote",
        "joint",
        "jointly",
        "exchanges",
        "countries",
        "investment",
        "trade",
        "seminar",
        "enhance",
    ],
    &[
        "el",
        "la",
        "los",
        "las",
        "de",
        "del",
        "y",
        "en",
        "que",
        "por",
        "para",
        "con",
        "se",
        "su",
        "sus",
        "una",
        "un",
        "al",
        "es",
        "son",
        "como",
        "entre",
        "artículo",
        "capítulo",
        "título",
        "sección",
        "anexo",
        "naciones",
        "unidas",
        "ambas",
        "partes",
        "estados",
        "todos",
        "texto",
        "español",
        "cooperación",
        "desarrollo",
        "paz",
    ],
    &[
        "o",
        "os",
        "a",
        "as",
        "de",
        "do",
        "da",
        "dos",
        "das",
        "e",
        "em",
        "no",
        "na",
        "nos",
        "nas",
        "que",
        "por",
        "para",
        "com",
        "se",
        "um",
        "uma",
        "ao",
        "é",
        "são",
        "entre",
        "artigo",
        "capítulo",
        "título",
        "seção",
        "secção",
        "anexo",
        "nações",
        "unidas",
        "ambas",
        "partes",
        "estados",
        "todos",
        "não",
        "português",
        "cooperação",
        "desenvolvimento",
    ],
    &[
        "le",
        "la",
        "les",
        "de",
        "du",
        "des",
        "et",
        "en",
        "à",
        "au",
        "aux",
        "que",
        "qui",
        "par",
        "pour",
        "avec",
        "se",
        "sur",
        "un",
        "une",
        "est",
        "sont",
        "dans",
        "entre",
        "article",
        "chapitre",
        "titre",
        "annexe",
        "nations",
        "unies",
        "deux",
        "parties",
        "états",
        "tous",
        "français",
        "coopération",
        "développement",
    ],
];

/// Characters written only in traditional Chinese, and their simplified
/// forms (a common sample: enough to tell a text's writing, not to convert).
pub(super) const TRADITIONAL: &str = "國會對與這為說發經關個們來時議條際員區產應權規務歷於開組織聯總導現實體長門問題書動當點進過義東業學將從無機營協資貿並憲設決領參選係愛聽讓認";
pub(super) const SIMPLIFIED: &str = "国会对与这为说发经关个们来时议条际员区产应权规务历于开组织联总导现实体长门问题书动当点进过义东业学将从无机营协资贸并宪设决领参选系爱听让认";

/// The scores of each of [`super::LATIN`] for a text: one per common word, two
/// per letter only one of them writes.
pub fn latin_scores(text: &str) -> [usize; 4] {
    let mut scores = [0; 4];
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let w = word.to_lowercase();
        for (k, list) in WORDS.iter().enumerate() {
            if list.contains(&w.as_str()) {
                scores[k] += 1;
            }
        }
        if w.ends_with("ción") || w.ends_with("ciones") {
            scores[1] += 1;
        }
        if w.ends_with("ção") || w.ends_with("ções") {
            scores[2] += 1;
        }
    }
    for c in text.chars() {
        match c {
            'ñ' | '¿' | '¡' => scores[1] += 2,
            'ã' | 'õ' => scores[2] += 2,
            'è' | 'ê' | 'œ' | 'î' | 'û' => scores[3] += 2,
            _ => {}
        }
    }
    scores
}
