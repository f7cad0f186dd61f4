//! The `accord serve` process of the serve benchmark, its log read line
//! by line, and the files to put back when the measurement ends.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Instant;

use crate::bench::Bench;

/// Files put back as they were when dropped.
pub struct Restore(pub Vec<(PathBuf, Vec<u8>)>);

impl Drop for Restore {
    fn drop(&mut self) {
        for (path, bytes) in self.0.drain(..).rev() {
            if let Err(e) = std::fs::write(&path, &bytes) {
                eprintln!("COULD NOT RESTORE {}: {e}", path.display());
            }
        }
    }
}

/// The running server, killed when dropped; its stderr, line by line.
pub struct Server {
    child: Child,
    lines: Receiver<String>,
    /// The last lines received, for error messages.
    tail: Vec<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    pub fn start(bench: &Bench, content: &Path, out: &Path) -> Result<Server, String> {
        let mut cmd = Command::new(&bench.accord);
        cmd.args(["serve", "--content"]).arg(content);
        cmd.arg("--templates").arg(&bench.templates);
        cmd.arg("--static").arg(&bench.statics);
        cmd.arg("--out").arg(out);
        cmd.args(["--port", "0", "--no-search"]);
        cmd.stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        let mut child = cmd
            .spawn()
            .map_err(|e| format!("cannot run {cmd:?}: {e}"))?;
        let stderr = child.stderr.take().expect("stderr is piped");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Ok(Server {
            child,
            lines,
            tail: Vec::new(),
        })
    }

    /// The next line before `deadline`; `Ok(None)` when the time is up.
    pub fn next(&mut self, deadline: Instant) -> Result<Option<String>, String> {
        let wait = deadline.saturating_duration_since(Instant::now());
        match self.lines.recv_timeout(wait) {
            Ok(line) => {
                if self.tail.len() == 20 {
                    self.tail.remove(0);
                }
                self.tail.push(line.clone());
                Ok(Some(line))
            }
            Err(RecvTimeoutError::Timeout) => Ok(None),
            Err(RecvTimeoutError::Disconnected) => Err(self.why("the server stopped")),
        }
    }

    /// Drops the lines received so far.
    pub fn skip(&mut self) {
        while self.lines.try_recv().is_ok() {}
    }

    /// What went wrong, with the server's exit status and last lines.
    pub fn why(&mut self, what: &str) -> String {
        let status = self.child.try_wait().ok().flatten();
        let status = status.map_or(String::new(), |s| format!(" ({s})"));
        format!(
            "{what}{status}\n  the server's last lines:\n{}",
            self.tail.join("\n")
        )
    }
}
