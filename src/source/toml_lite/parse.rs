//! The plain TOML that content files are written in, read in one pass into
//! a small tree of borrowed strings.
//!
//! Accepted: comments, `key = value` with bare and dotted keys (`title.en`),
//! `[[table]]` headers with one bare key, one-line basic strings (escapes
//! `\" \\ \b \f \n \r \t \uXXXX \UXXXXXXXX`) and literal strings, and
//! one-line arrays of those strings. Anything else, valid TOML or not, is
//! declined (`None`): the caller then reads the text with the toml crate,
//! which decides and reports. What this accepts, the toml crate accepts
//! too, with the same values and spans (tests in `super::tests`).

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

/// A value with the byte span the toml crate gives it.
#[derive(Debug)]
pub(super) struct Item<'a> {
    pub span: Range<usize>,
    pub value: Value<'a>,
}

#[derive(Debug)]
pub(super) enum Value<'a> {
    Str(Cow<'a, str>),
    Array(Vec<Item<'a>>),
    /// The tables of `[[key]]` headers, in order.
    Tables(Vec<Item<'a>>),
    /// `dotted` for a table made by dotted keys, which later dotted keys
    /// may extend; else a `[[key]]` table or the root.
    Table {
        entries: Table<'a>,
        dotted: bool,
    },
}

/// Keys and values in the order written.
#[derive(Debug, Default)]
pub(super) struct Table<'a> {
    pub entries: Vec<(&'a str, Item<'a>)>,
    /// Where each key is in `entries`, once there are more than `SCAN`:
    /// every new key is looked up, and a scan of all the keys before it
    /// made a table of many keys quadratic (160,000 distinct keys took
    /// 27 s). A content table has a handful, which a scan finds faster.
    index: Option<HashMap<&'a str, usize>>,
}

/// Up to this many keys a table is scanned.
const SCAN: usize = 16;

impl<'a> Table<'a> {
    pub fn position(&self, key: &str) -> Option<usize> {
        match &self.index {
            Some(index) => index.get(key).copied(),
            None => self.entries.iter().position(|(k, _)| *k == key),
        }
    }

    /// Adds a key that is not in the table yet; returns its position.
    pub fn push(&mut self, key: &'a str, item: Item<'a>) -> usize {
        let at = self.entries.len();
        self.entries.push((key, item));
        match &mut self.index {
            Some(index) => {
                index.insert(key, at);
            }
            None if self.entries.len() > SCAN => {
                let index = self.entries.iter().enumerate();
                self.index = Some(index.map(|(i, (k, _))| (*k, i)).collect());
            }
            None => {}
        }
        at
    }
}

/// The whole document as its root table, with the byte offset where each
/// line starts, or `None` when declined.
pub(super) fn document(text: &str) -> Option<(Table<'_>, Vec<u32>)> {
    if text.starts_with('\u{feff}') || u32::try_from(text.len()).is_err() {
        return None;
    }
    let mut p = Parser {
        text,
        b: text.as_bytes(),
        at: 0,
        lines: vec![0],
    };
    let mut root = Table::default();
    // The root entry whose last table takes the keys, after a `[[key]]`.
    let mut current: Option<usize> = None;
    loop {
        p.skip_ws();
        match p.peek() {
            None => return Some((root, p.lines)),
            Some(b'\n') => p.newline(),
            Some(b'#') => p.comment()?,
            Some(b'[') => {
                let (key, span) = p.header()?;
                p.end_of_line()?;
                let table = Item {
                    span: span.clone(),
                    value: Value::Table {
                        entries: Table::default(),
                        dotted: false,
                    },
                };
                current = Some(match root.position(key) {
                    Some(i) => match &mut root.entries[i].1.value {
                        Value::Tables(list) => {
                            list.push(table);
                            i
                        }
                        _ => return None,
                    },
                    None => root.push(
                        key,
                        Item {
                            span,
                            value: Value::Tables(vec![table]),
                        },
                    ),
                });
            }
            Some(_) => {
                let table = match current {
                    None => &mut root,
                    Some(i) => match &mut root.entries[i].1.value {
                        Value::Tables(list) => match &mut list.last_mut()?.value {
                            Value::Table { entries, .. } => entries,
                            _ => return None,
                        },
                        _ => return None,
                    },
                };
                p.key_value(table)?;
                p.end_of_line()?;
            }
        }
    }
}

pub(super) struct Parser<'a> {
    pub text: &'a str,
    pub b: &'a [u8],
    pub at: usize,
    /// Where each line read so far starts: every line break of the
    /// subset goes through `newline`.
    pub lines: Vec<u32>,
}

impl<'a> Parser<'a> {
    /// Steps over a line break.
    pub fn newline(&mut self) {
        self.at += 1;
        self.lines.push(self.at as u32);
    }

    pub fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    /// `# …` up to the end of the line: tabs and printable characters only.
    fn comment(&mut self) -> Option<()> {
        while let Some(c) = self.peek() {
            match c {
                b'\n' => break,
                b'\t' | 0x20..=0x7e | 0x80.. => self.at += 1,
                _ => return None,
            }
        }
        Some(())
    }

    /// After a header or a value: blanks, an optional comment, the end of
    /// the line (or of the text).
    fn end_of_line(&mut self) -> Option<()> {
        self.skip_ws();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.newline();
                Some(())
            }
            Some(_) => None,
        }
    }

    fn bare_key(&mut self) -> Option<(&'a str, Range<usize>)> {
        let start = self.at;
        while matches!(
            self.peek(),
            Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-')
        ) {
            self.at += 1;
        }
        (self.at > start).then(|| (&self.text[start..self.at], start..self.at))
    }

    /// `[[key]]`: the key and the span of the whole header.
    fn header(&mut self) -> Option<(&'a str, Range<usize>)> {
        let start = self.at;
        if !self.b[self.at..].starts_with(b"[[") {
            return None;
        }
        self.at += 2;
        self.skip_ws();
        let (key, _) = self.bare_key()?;
        self.skip_ws();
        if !self.b[self.at..].starts_with(b"]]") {
            return None;
        }
        self.at += 2;
        Some((key, start..self.at))
    }

    /// `a.b.c = value` into `table`: `a` and `b` are dotted tables, made
    /// when missing; `c` must be new.
    fn key_value(&mut self, mut table: &mut Table<'a>) -> Option<()> {
        let (mut key, mut span) = self.bare_key()?;
        while self.peek() == Some(b'.') {
            self.at += 1;
            let i = match table.position(key) {
                Some(i) => i,
                None => table.push(
                    key,
                    Item {
                        span,
                        value: Value::Table {
                            entries: Table::default(),
                            dotted: true,
                        },
                    },
                ),
            };
            table = match &mut table.entries[i].1.value {
                Value::Table {
                    entries,
                    dotted: true,
                } => entries,
                _ => return None,
            };
            (key, span) = self.bare_key()?;
        }
        self.skip_ws();
        if self.peek() != Some(b'=') {
            return None;
        }
        self.at += 1;
        self.skip_ws();
        let value = match self.peek()? {
            b'[' => self.array()?,
            _ => self.string()?,
        };
        if table.position(key).is_some() {
            return None;
        }
        table.push(key, value);
        Some(())
    }

    /// `["a", 'b']` on one line.
    fn array(&mut self) -> Option<Item<'a>> {
        let start = self.at;
        self.at += 1;
        let mut items = Vec::new();
        loop {
            self.skip_ws();
            if self.peek()? == b']' {
                break;
            }
            items.push(self.string()?);
            self.skip_ws();
            match self.peek()? {
                b',' => self.at += 1,
                b']' => break,
                _ => return None,
            }
        }
        self.at += 1;
        Some(Item {
            span: start..self.at,
            value: Value::Array(items),
        })
    }
}
