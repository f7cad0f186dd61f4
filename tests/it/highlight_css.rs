//! The stylesheet of highlighted code, `static/highlight.css`: a file of
//! the default theme (a site may replace it, as mdBook's `highlight.css`),
//! made from syntect's InspiredGitHub with its colours darkened until
//! they read on the code's white background (WCAG 2.x AA, 4.5:1 for text:
//! InspiredGitHub's comments, #969896 on white, are 2.9:1).
//!
//! `ACCORD_WRITE_HIGHLIGHT_CSS=1 cargo test highlight_css` writes the file
//! again, after a syntect upgrade changes the theme.

use syntect::highlighting::{Color, Theme, ThemeSet};
use syntect::html::{css_for_theme_with_class_style, ClassStyle};

const SHIPPED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/static/highlight.css");

/// The contrast asked for, with a margin for rounding to 8-bit colours.
const RATIO: f64 = 4.6;

const WHITE: Color = Color {
    r: 255,
    g: 255,
    b: 255,
    a: 255,
};

/// The stylesheet as made from syntect's theme: the classes the
/// highlighter writes (`hl-`, src/render/markdown.rs), every foreground
/// darkened to [`RATIO`] on white.
fn made() -> String {
    let mut themes = ThemeSet::load_defaults();
    let theme = themes
        .themes
        .get_mut("InspiredGitHub")
        .expect("syntect ships InspiredGitHub");
    readable(theme, WHITE);
    let style = ClassStyle::SpacedPrefixed { prefix: "hl-" };
    css_for_theme_with_class_style(theme, style).expect("a stylesheet")
}

/// Darkens every foreground colour of `theme` that reads worse than
/// [`RATIO`] against `background`.
fn readable(theme: &mut Theme, background: Color) {
    let colours = (theme.settings.foreground.iter_mut()).chain(
        theme
            .scopes
            .iter_mut()
            .filter_map(|i| i.style.foreground.as_mut()),
    );
    for c in colours {
        *c = darkened(*c, background);
    }
}

/// `c` scaled towards black in steps of 2 %, keeping its hue, until it
/// reads well on `bg`.
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

fn rgb(hex: &str) -> Color {
    let v = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex");
    Color {
        r: v(0),
        g: v(2),
        b: v(4),
        a: 255,
    }
}

#[test]
fn highlight_css_is_the_theme_made_readable() {
    let made = made();
    if std::env::var_os("ACCORD_WRITE_HIGHLIGHT_CSS").is_some() {
        std::fs::write(SHIPPED, &made).unwrap();
    }
    let shipped = std::fs::read_to_string(SHIPPED).unwrap();
    assert!(
        shipped == made,
        "{SHIPPED} is not what syntect's InspiredGitHub makes: \
         ACCORD_WRITE_HIGHLIGHT_CSS=1 cargo test highlight_css writes it again"
    );
}

/// Read from the file itself, so that a hand-edited colour is held to the
/// same contrast.
#[test]
fn highlight_css_colours_all_read_on_white() {
    let css = std::fs::read_to_string(SHIPPED).unwrap();
    let mut seen = 0;
    for line in css.lines().map(str::trim) {
        let Some(hex) = line.strip_prefix("color: #") else {
            continue; // background-color, selectors, font styles
        };
        let hex = hex.trim_end_matches(';');
        let r = ratio(rgb(hex), WHITE);
        assert!(r >= 4.5, "#{hex} on white: {r:.2}:1, under 4.5:1");
        seen += 1;
    }
    assert!(seen > 20, "only {seen} colours in {SHIPPED}");
}

#[test]
fn the_known_ratios() {
    assert!((ratio(rgb("000000"), WHITE) - 21.0).abs() < 1e-9);
    let grey = rgb("969896");
    // InspiredGitHub's comments, as axe-core measured them: 2.9.
    assert!((ratio(grey, WHITE) - 2.9).abs() < 0.05);
    let fixed = darkened(grey, WHITE);
    assert!(ratio(fixed, WHITE) >= 4.5);
    assert!(fixed.r < grey.r && fixed.r == fixed.b, "same hue, darker");
    let dark = rgb("323232");
    assert_eq!(
        darkened(dark, WHITE),
        dark,
        "a readable colour is left alone"
    );
}
