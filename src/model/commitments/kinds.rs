//! What a figure counts, told by the words after it: scholarships,
//! training places, visits, credit, projects, people, books. A built-in
//! vocabulary per language (primary subtag: `zh`, `en`, `es`), not the
//! site's documents: a figure whose words name none of these is not a
//! commitment (a year, a clause number, "one China"), and an editor adds
//! or relabels one in `content/commitments.toml`.

/// A kind of commitment and the words that tell it, per language.
pub struct Kind {
    pub id: &'static str,
    /// Words whose presence in a Chinese unit marks the kind.
    pub zh: &'static [&'static str],
    /// Word beginnings (lower case) for English and Spanish: `scholarship`
    /// takes `scholarships`.
    pub en: &'static [&'static str],
    pub es: &'static [&'static str],
}

/// In priority order: a unit naming two kinds ("scholarships for
/// training") is the first.
pub const KINDS: &[Kind] = &[
    Kind {
        id: "scholarships",
        zh: &["奖学金"],
        en: &["scholarship"],
        es: &["beca"],
    },
    Kind {
        id: "training",
        zh: &["培训", "研修"],
        en: &["training", "trainee"],
        es: &["formación", "capacitación"],
    },
    Kind {
        id: "credit",
        zh: &["信贷", "贷款", "融资", "资金"],
        en: &["credit", "loan", "financing", "yuan", "dollar"],
        es: &["crédito", "préstamo", "financiamiento", "dólar", "yuanes"],
    },
    Kind {
        id: "projects",
        zh: &["项目"],
        en: &["project"],
        es: &["proyecto"],
    },
    Kind {
        id: "books",
        zh: &["教材", "图书", "读本", "书籍"],
        en: &["textbook", "book"],
        es: &["libro"],
    },
    // Before visits: "300 cadres to visit China" counts people.
    Kind {
        id: "people",
        zh: &[
            "人员", "专家", "记者", "官员", "干部", "教师", "青年", "人才", "学者",
        ],
        en: &[
            "people",
            "person",
            "expert",
            "journalist",
            "official",
            "cadre",
            "teacher",
            "leader",
        ],
        es: &[
            "persona",
            "experto",
            "periodista",
            "funcionario",
            "docente",
            "líder",
        ],
    },
    Kind {
        id: "visits",
        zh: &["访问", "互访", "来访"],
        en: &["visit"],
        es: &["visita"],
    },
];

pub fn find(id: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.id == id)
}

/// The ids, for error messages.
pub fn expected() -> String {
    KINDS
        .iter()
        .map(|k| format!("`{}`", k.id))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The kind the unit words of a figure name in `lang`, if any.
pub fn of_unit(unit: &str, lang: &str) -> Option<&'static str> {
    let primary = lang.split('-').next().unwrap_or(lang);
    if primary == "zh" {
        return KINDS
            .iter()
            .find(|k| k.zh.iter().any(|w| unit.contains(w)))
            .map(|k| k.id);
    }
    let lower = unit.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    KINDS
        .iter()
        .find(|k| {
            let list = if primary == "es" { k.es } else { k.en };
            list.iter().any(|p| {
                if p.contains(' ') {
                    lower.contains(p)
                } else {
                    words.iter().any(|w| w.starts_with(p))
                }
            })
        })
        .map(|k| k.id)
}
