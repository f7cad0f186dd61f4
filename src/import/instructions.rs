//! What a person decided about a source, recorded so that the import can
//! be made again (`--join 3-5`, `--drop 12` on the command line, or
//! `join = ["3-5"]`, `drop = ["12"]` in `content/imports.toml`): lines a
//! conversion broke apart joined again (a title or a note over two lines),
//! a line dropped (a duplicated line). Applied to the source's text before
//! it is read, keeping every line's number; each one is in the report.

use super::clean::is_cjk;
use super::report::Report;

/// One instruction, for the file named (several sources) or for the only one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instruction {
    pub file: Option<String>,
    pub action: Action,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Lines `first` to `last` are one line.
    Join(usize, usize),
    /// The line is not part of the document.
    Drop(usize),
}

impl Instruction {
    /// `3-5` to join, or `12` to drop, each maybe after `FILE:`.
    pub fn parse(s: &str, join: bool) -> Result<Instruction, String> {
        let (file, lines) = match s.rsplit_once(':') {
            Some((f, l)) => (Some(f.trim().to_string()), l.trim()),
            None => (None, s.trim()),
        };
        let number = |n: &str| n.trim().parse::<usize>().ok().filter(|&n| n > 0);
        let action = if join {
            let (a, b) = lines
                .split_once('-')
                .and_then(|(a, b)| Some((number(a)?, number(b)?)))
                .filter(|(a, b)| a < b)
                .ok_or_else(|| {
                    format!("`{s}`: write the lines to join as FIRST-LAST, e.g. 3-5 (or FILE:3-5)")
                })?;
            Action::Join(a, b)
        } else {
            Action::Drop(number(lines).ok_or_else(|| {
                format!("`{s}`: write the line to drop as a number, e.g. 12 (or FILE:12)")
            })?)
        };
        Ok(Instruction { file, action })
    }

    fn lines(&self) -> (usize, usize) {
        match self.action {
            Action::Join(a, b) => (a, b),
            Action::Drop(n) => (n, n),
        }
    }
}

/// `text` with the instructions for file `name` applied, every line kept
/// in its place (a joined or dropped line becomes empty); each is reported.
/// An instruction for a line the text does not have, or two that overlap,
/// is an error.
pub fn apply(
    name: &str,
    text: &str,
    all: &[Instruction],
    report: &mut Report,
) -> Result<String, String> {
    let mine: Vec<&Instruction> = all
        .iter()
        .filter(|i| i.file.as_deref().is_none_or(|f| f == name))
        .collect();
    if mine.is_empty() {
        return Ok(text.to_string());
    }
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut taken = vec![false; lines.len() + 1];
    for i in &mine {
        let (a, b) = i.lines();
        if b > lines.len() {
            return Err(format!(
                "{name} has {} lines: there is no line {b} to {}",
                lines.len(),
                verb(i)
            ));
        }
        if taken[a..=b].iter().any(|t| *t) {
            return Err(format!("{name}: line {a} is named by two instructions"));
        }
        taken[a..=b].iter_mut().for_each(|t| *t = true);
        if lines[a - 1..b].iter().any(|l| l.trim().is_empty()) {
            return Err(format!(
                "{name}: line {} is empty: nothing to {}",
                (a..=b)
                    .find(|&k| lines[k - 1].trim().is_empty())
                    .unwrap_or(a),
                verb(i)
            ));
        }
        match i.action {
            Action::Join(a, b) => {
                let mut joined = lines[a - 1].trim_end().to_string();
                for line in &mut lines[a..b] {
                    let next = line.trim();
                    let cjk = |c: Option<char>| {
                        c.is_some_and(|c| is_cjk(c) || "，。；：、（）《》“”".contains(c))
                    };
                    if !(cjk(joined.chars().last()) || cjk(next.chars().next())) {
                        joined.push(' ');
                    }
                    joined.push_str(next);
                    line.clear();
                }
                lines[a - 1] = joined;
                report.placed(a + 1, b);
                report.cleaned(a, format!("lines {a}–{b} joined into one, as instructed"));
            }
            Action::Drop(n) => {
                let line = std::mem::take(&mut lines[n - 1]);
                report.drop(n, "dropped as instructed", &line);
            }
        }
    }
    let mut out = lines.join("\n");
    if text.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

fn verb(i: &Instruction) -> &'static str {
    match i.action {
        Action::Join(..) => "join",
        Action::Drop(_) => "drop",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, list: &[Instruction]) -> (String, Report) {
        let mut report = Report::new("a.txt", "text", text);
        let out = apply("a.txt", text, list, &mut report).unwrap();
        (out, report)
    }

    #[test]
    fn joins_keep_line_numbers_and_words_apart() {
        let j = Instruction::parse("2-3", true).unwrap();
        let (out, report) = run("Title\nA title broken\nover two lines\nText.\n", &[j]);
        assert_eq!(out, "Title\nA title broken over two lines\n\nText.\n");
        assert!(report
            .to_string()
            .contains("lines 2–3 joined into one, as instructed"));
        let (out, _) = run(
            "题目\n中国对拉丁美洲\n和加勒比政策文件\n",
            &[Instruction::parse("2-3", true).unwrap()],
        );
        assert_eq!(out, "题目\n中国对拉丁美洲和加勒比政策文件\n\n");
    }

    #[test]
    fn a_drop_is_reported_with_its_text() {
        let d = Instruction::parse("2", false).unwrap();
        let (out, report) = run("One.\nOne.\nTwo.\n", &[d]);
        assert_eq!(out, "One.\n\nTwo.\n");
        assert!(
            report.to_string().contains("dropped as instructed"),
            "{report}"
        );
    }

    #[test]
    fn bad_instructions_are_refused() {
        assert!(Instruction::parse("5-3", true).is_err());
        assert!(Instruction::parse("x", false).is_err());
        assert_eq!(
            Instruction::parse("plan.en.md:4", false)
                .unwrap()
                .file
                .as_deref(),
            Some("plan.en.md")
        );
        let mut report = Report::new("a.txt", "text", "a\nb\n");
        let far = Instruction::parse("9", false).unwrap();
        assert!(apply("a.txt", "a\nb\n", &[far], &mut report)
            .unwrap_err()
            .contains("no line 9"));
        let both = [
            Instruction::parse("1-2", true).unwrap(),
            Instruction::parse("2", false).unwrap(),
        ];
        assert!(apply("a.txt", "a\nb\n", &both, &mut report)
            .unwrap_err()
            .contains("two instructions"));
        // Another file's instruction is not this one's.
        let other = Instruction::parse("b.txt:1", false).unwrap();
        assert_eq!(
            apply("a.txt", "a\nb\n", &[other], &mut report).unwrap(),
            "a\nb\n"
        );
    }
}
