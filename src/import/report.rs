//! The import report: every source line that is not in the output, and
//! every doubt about one that is, with its line number and reason.

use std::collections::BTreeMap;
use std::fmt;

/// What happened to a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The line is not in the output.
    Dropped,
    /// The line is in the output, but something about it is doubtful.
    Warning,
    /// The line is in the output after a cleaning step (a join, markup removed).
    Cleaned,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The file of the line, when the document is made of several.
    pub file: Option<String>,
    pub line: usize,
    pub severity: Severity,
    pub message: String,
}

/// The report of one import.
#[derive(Debug, Default)]
pub struct Report {
    pub source: String,
    pub format: String,
    /// Lines that are not blank.
    pub lines: usize,
    pub entries: Vec<Entry>,
    /// How many nodes of each kind were made.
    pub kinds: BTreeMap<String, usize>,
    /// For each line, whether it was placed in the output (`true`) or
    /// reported as dropped; `None` for blank lines and lines not yet seen.
    ledger: Vec<Option<bool>>,
    /// The ledgers of the files of a document made of several, by name.
    files: Vec<(String, Vec<Option<bool>>)>,
}

impl Report {
    pub fn new(source: &str, format: &str, text: &str) -> Report {
        Report {
            source: source.to_string(),
            format: format.to_string(),
            lines: text.lines().filter(|l| !l.trim().is_empty()).count(),
            ledger: vec![None; text.lines().count() + 1],
            ..Report::default()
        }
    }

    /// The line is not in the output, for `reason`; `text` is quoted.
    pub fn drop(&mut self, line: usize, reason: &str, text: &str) {
        self.mark(line, false);
        let quoted = quote(text);
        self.push(line, Severity::Dropped, format!("{reason}: {quoted}"));
    }

    /// Lines `first..=last` are not in the output, for `reason`: one thing
    /// that spans them (an HTML comment), quoted in one entry at `first`.
    /// A line of the span that also holds text is placed when that text is.
    pub fn drop_lines(&mut self, first: usize, last: usize, reason: &str, text: &str) {
        for line in first..=last {
            self.mark(line, false);
        }
        let lines = if first == last {
            format!("line {first}")
        } else {
            format!("lines {first}–{last}")
        };
        let quoted = quote(&text.split_whitespace().collect::<Vec<_>>().join(" "));
        self.push(
            first,
            Severity::Dropped,
            format!("{reason} ({lines}): {quoted}"),
        );
    }

    pub fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.push(line, Severity::Warning, message.into());
    }

    pub fn cleaned(&mut self, line: usize, message: impl Into<String>) {
        self.push(line, Severity::Cleaned, message.into());
    }

    /// Lines `first..=last` are in the output.
    pub fn placed(&mut self, first: usize, last: usize) {
        for line in first..=last {
            self.mark(line, true);
        }
    }

    fn mark(&mut self, line: usize, placed: bool) {
        if let Some(slot) = self.ledger.get_mut(line) {
            *slot = Some(placed || *slot == Some(true));
        }
    }

    fn push(&mut self, line: usize, severity: Severity, message: String) {
        self.entries.push(Entry {
            file: None,
            line,
            severity,
            message,
        });
    }

    /// Closes the ledger: a non-blank line neither placed nor dropped is
    /// reported, so that no line is ever lost without a word.
    pub fn finish(&mut self, text: &str) {
        for (i, l) in text.lines().enumerate() {
            if !l.trim().is_empty() && self.ledger.get(i + 1).copied().flatten().is_none() {
                self.drop(i + 1, "line not accounted for by the importer", l);
            }
        }
        self.sort();
    }

    /// Orders the entries by file (in the order they were taken in), line
    /// and severity.
    pub fn sort(&mut self) {
        let files: Vec<String> = self.files.iter().map(|(f, _)| f.clone()).collect();
        let at = |f: &Option<String>| {
            f.as_ref()
                .map_or(0, |f| 1 + files.iter().position(|x| x == f).unwrap_or(0))
        };
        self.entries
            .sort_by_key(|e| (at(&e.file), e.line, e.severity));
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.entries
            .iter()
            .filter(|e| e.severity == severity)
            .count()
    }

    /// Takes in the report of one of the files a document is made of: its
    /// entries, named by the file, and its ledger.
    pub fn absorb(&mut self, part: Report) {
        let file = part.source.clone();
        self.lines += part.lines;
        self.entries.extend(part.entries.into_iter().map(|mut e| {
            e.file.get_or_insert_with(|| file.clone());
            e
        }));
        self.files.push((file, part.ledger));
    }

    /// A doubt about line `line` of file `file` (None: this report's own).
    pub fn warn_in(&mut self, file: Option<&str>, line: usize, message: impl Into<String>) {
        self.warn(line, message);
        if let Some(e) = self.entries.last_mut() {
            e.file = file.map(str::to_string);
        }
    }

    /// Like [`Report::accounts_for_every_line`], for `text`, the file
    /// `file` of a document made of several.
    pub fn accounts_for_file(&self, file: &str, text: &str) -> bool {
        let Some((_, ledger)) = self.files.iter().find(|(f, _)| f == file) else {
            return false;
        };
        text.lines()
            .enumerate()
            .all(|(i, l)| l.trim().is_empty() || ledger.get(i + 1).copied().flatten().is_some())
    }

    /// True when every non-blank line was placed in the output or dropped
    /// with a reason.
    pub fn accounts_for_every_line(&self, text: &str) -> bool {
        text.lines().enumerate().all(|(i, l)| {
            l.trim().is_empty() || self.ledger.get(i + 1).copied().flatten().is_some()
        })
    }
}

fn quote(text: &str) -> String {
    let t = text.trim();
    let short: String = t.chars().take(60).collect();
    if short.len() < t.len() {
        format!("«{short}…»")
    } else {
        format!("«{short}»")
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kinds: Vec<String> = self.kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
        writeln!(
            f,
            "{} ({}): {} lines, nodes: {}",
            self.source,
            self.format,
            self.lines,
            kinds.join(", ")
        )?;
        writeln!(
            f,
            "  {} dropped, {} warnings, {} cleaned",
            self.count(Severity::Dropped),
            self.count(Severity::Warning),
            self.count(Severity::Cleaned)
        )?;
        for e in &self.entries {
            let what = match e.severity {
                Severity::Dropped => "dropped",
                Severity::Warning => "warning",
                Severity::Cleaned => "cleaned",
            };
            match &e.file {
                Some(file) => writeln!(f, "  {file}:{}: {what}: {}", e.line, e.message)?,
                None => writeln!(f, "  line {}: {what}: {}", e.line, e.message)?,
            }
        }
        Ok(())
    }
}
