//! The colours of highlighted code made readable: each foreground colour of
//! the syntect theme darkened, keeping its hue, until its contrast with the
//! code's background is at least 4.5:1 (WCAG 2.x, level AA, for text).
//! InspiredGitHub's comments (#969896 on white, 2.9:1) failed it. Written
//! here: no crate adjusts a syntect theme for contrast; the formulas are
//! WCAG's own (relative luminance, contrast ratio).

use syntect::highlighting::{Color, Theme};

/// The contrast asked for, with a margin for rounding to 8-bit colours.
const RATIO: f64 = 4.6;

/// Darkens every foreground colour of `theme` that reads worse than
/// [`RATIO`] against `background`.
pub fn readable(theme: &mut Theme, background: Color) {
    if let Some(c) = theme.settings.foreground.as_mut() {
        *c = darkened(*c, background);
    }
    for item in &mut theme.scopes {
        if let Some(c) = item.style.foreground.as_mut() {
            *c = darkened(*c, background);
        }
    }
}

/// `c` scaled towards black in steps of 2 % until it reads well on `bg`.
fn darkened(c: Color, bg: Color) -> Color {
    let mut k = 1.0;
    let mut out = c;
    while ratio(out, bg) < RATIO && k > 0.0 {
        k -= 0.02;
        let scale = |v: u8| (f64::from(v) * k).round() as u8;
        out = Color {
            r: scale(c.r),
            g: scale(c.g),
            b: scale(c.b),
            a: c.a,
        };
    }
    out
}

/// WCAG's relative luminance of an sRGB colour.
fn luminance(c: Color) -> f64 {
    let channel = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.039_28 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
}

/// WCAG's contrast ratio of two colours, from 1 to 21.
fn ratio(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WHITE: Color = Color {
        r: 255,
        g: 255,
        b: 255,
        a: 255,
    };

    #[test]
    fn the_known_ratios() {
        let black = Color {
            r: 0,
            g: 0,
            b: 0,
            a: 255,
        };
        assert!((ratio(black, WHITE) - 21.0).abs() < 1e-9);
        let grey = Color {
            r: 0x96,
            g: 0x98,
            b: 0x96,
            a: 255,
        };
        // InspiredGitHub's comments, as axe-core measured them: 2.9.
        assert!((ratio(grey, WHITE) - 2.9).abs() < 0.05);
        let fixed = darkened(grey, WHITE);
        assert!(ratio(fixed, WHITE) >= 4.5);
        assert!(fixed.r < grey.r && fixed.r == fixed.b, "same hue, darker");
    }

    #[test]
    fn a_readable_colour_is_left_alone() {
        let dark = Color {
            r: 0x32,
            g: 0x32,
            b: 0x32,
            a: 255,
        };
        assert_eq!(darkened(dark, WHITE), dark);
    }
}
