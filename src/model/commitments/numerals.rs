//! Figures as written, read as numbers: Arabic digits with thousands
//! separators (`3,500`, `10 000`), Chinese numerals (`三千五百`, `十万`)
//! and digits with a Chinese multiplier (`1万`, `3.5万`, `2亿`).
//! Chinese numerals are read by the `chinese-number` crate; the
//! multiplier after digits, which it does not take, is applied here.

use chinese_number::{ChineseCountMethod, ChineseToNumber};

/// The characters of a Chinese numeral, multipliers included.
pub fn is_chinese_numeral(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
    )
}

/// What `万` and `亿` multiply by.
pub fn multiplier(c: char) -> Option<u64> {
    match c {
        '万' => Some(10_000),
        '亿' => Some(100_000_000),
        _ => None,
    }
}

/// A Chinese numeral (`三千五百`, `一万`, `十万`, `两百`).
pub fn chinese(text: &str) -> Option<u64> {
    // The crate reads 二 but not 两, which counts in front of a unit.
    let text: String = text
        .chars()
        .map(|c| if c == '两' { '二' } else { c })
        .collect();
    ChineseToNumber::<u64>::to_number(&text, ChineseCountMethod::TenThousand).ok()
}

/// Digits with optional thousands separators (`,`, thin or plain space)
/// and an optional decimal part, times `mult` (`3.5` × 万): `None` when
/// the product is not a whole number.
pub fn digits(text: &str, mult: u64) -> Option<u64> {
    let clean: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{2009}' | '\u{202f}'))
        .collect();
    let (whole, frac) = clean.split_once('.').unwrap_or((&clean, ""));
    let mut value: u64 = whole.parse::<u64>().ok()?.checked_mul(mult)?;
    let mut scale = mult;
    for d in frac.chars() {
        scale /= 10;
        let d = d.to_digit(10)? as u64;
        if scale == 0 && d != 0 {
            return None;
        }
        value = value.checked_add(d * scale)?;
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_chinese_numerals() {
        assert_eq!(chinese("三千五百"), Some(3500));
        assert_eq!(chinese("一万"), Some(10_000));
        assert_eq!(chinese("十万"), Some(100_000));
        assert_eq!(chinese("两百"), Some(200));
        assert_eq!(chinese("一百零五"), Some(105));
        assert_eq!(chinese("万万"), None);
    }

    #[test]
    fn reads_digits_with_multipliers() {
        assert_eq!(digits("3,500", 1), Some(3500));
        assert_eq!(digits("1", 10_000), Some(10_000));
        assert_eq!(digits("3.5", 10_000), Some(35_000));
        assert_eq!(digits("1.5", 1), None);
        assert_eq!(digits("10,000", 1), Some(10_000));
    }
}
