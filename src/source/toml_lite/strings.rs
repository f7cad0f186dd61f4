//! The strings of the subset: one-line basic and literal strings, and
//! multi-line basic strings without escapes.

use std::borrow::Cow;

use super::parse::{Item, Parser, Value};

impl<'a> Parser<'a> {
    /// A one-line basic or literal string, or a multi-line basic string.
    pub(super) fn string(&mut self) -> Option<Item<'a>> {
        let start = self.at;
        let quote = self.peek()?;
        if self.b[start..].starts_with(b"\"\"\"") {
            return self.multi_line();
        }
        if !matches!(quote, b'"' | b'\'') || self.b[start..].starts_with(&[quote; 3]) {
            return None;
        }
        self.at += 1;
        let mut owned: Option<String> = None;
        let mut from = self.at;
        loop {
            self.at = plain_run(self.b, self.at, quote);
            match self.peek()? {
                c if c == quote => break,
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[from..self.at]);
                    s.push(self.escape()?);
                    from = self.at;
                }
                _ => return None,
            }
        }
        let text = match owned {
            None => Cow::Borrowed(&self.text[from..self.at]),
            Some(mut s) => {
                s.push_str(&self.text[from..self.at]);
                Cow::Owned(s)
            }
        };
        self.at += 1;
        Some(Item {
            span: start..self.at,
            value: Value::Str(text),
        })
    }

    /// `"""…"""` without `\`: a line break right after the opening is left
    /// out, and one or two `"` may come before the closing `"""`.
    fn multi_line(&mut self) -> Option<Item<'a>> {
        let start = self.at;
        self.at += 3;
        if self.peek() == Some(b'\n') {
            self.newline();
        }
        let from = self.at;
        loop {
            match self.peek()? {
                b'"' => {
                    let run = self.b[self.at..].iter().take_while(|&&c| c == b'"').count();
                    if run > 5 {
                        return None;
                    }
                    self.at += run;
                    if run >= 3 {
                        return Some(Item {
                            span: start..self.at,
                            value: Value::Str(Cow::Borrowed(&self.text[from..self.at - 3])),
                        });
                    }
                }
                b'\n' => self.newline(),
                b'\t' | 0x20..=0x5b | 0x5d..=0x7e | 0x80.. => self.at += 1,
                _ => return None,
            }
        }
    }

    /// After a `\`: the character it stands for.
    fn escape(&mut self) -> Option<char> {
        let c = *self.b.get(self.at + 1)?;
        self.at += 2;
        let digits = match c {
            b'"' => return Some('"'),
            b'\\' => return Some('\\'),
            b'b' => return Some('\u{8}'),
            b'f' => return Some('\u{c}'),
            b'n' => return Some('\n'),
            b'r' => return Some('\r'),
            b't' => return Some('\t'),
            b'u' => 4,
            b'U' => 8,
            _ => return None,
        };
        let hex = self.b.get(self.at..self.at + digits)?;
        if !hex.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        self.at += digits;
        let hex = std::str::from_utf8(hex).ok()?;
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)
    }
}

/// The end of the run of bytes from `at` that a string of this quote takes
/// as they are: stops at the quote, a control character, the end, and in a
/// basic string at a `\`.
fn plain_run(b: &[u8], at: usize, quote: u8) -> usize {
    let escape = if quote == b'"' { b'\\' } else { quote };
    // The quote or escape that ends the run, found by memchr's vector
    // search, if no control character comes before it: those are looked
    // for in one pass without branches, and only when there is one, found
    // byte by byte.
    let end = memchr::memchr2(quote, escape, &b[at..]).map_or(b.len(), |i| at + i);
    let control = b[at..end].iter().fold(false, |found, &c| {
        found | ((c < 0x20) & (c != b'\t')) | (c == 0x7f)
    });
    if control {
        plain_run_bytes(b, at, quote)
    } else {
        end
    }
}

/// [`plain_run`], eight bytes at a time.
fn plain_run_bytes(b: &[u8], mut at: usize, quote: u8) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
    let escape = if quote == b'"' { b'\\' } else { quote };
    let (q, bs, del) = (
        ONES * u64::from(quote),
        ONES * u64::from(escape),
        ONES * 0x7f,
    );
    // Eight bytes at a time while none of them stops the run.
    while let Some(chunk) = b.get(at..at + 8) {
        let w = u64::from_ne_bytes(chunk.try_into().unwrap_or_default());
        let low = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
        if low | has_zero(w ^ q) | has_zero(w ^ bs) | has_zero(w ^ del) != 0 {
            break;
        }
        at += 8;
    }
    while let Some(&c) = b.get(at) {
        if c == quote || c == escape || c == 0x7f || (c < 0x20 && c != b'\t') {
            break;
        }
        at += 1;
    }
    at
}
