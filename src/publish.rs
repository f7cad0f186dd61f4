//! Write stage: the rendered files into `public/`, atomically. The site is
//! written into a fresh folder beside `public/`, then swapped in, so that a
//! failed build leaves the previous `public/` exactly as it was.

use std::path::{Component, Path, PathBuf};

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::render::{OutFile, Rendering};
use crate::Error;

/// True for a relative path of plain segments (no `..`, no root, no `\`).
fn is_safe(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// Writes `files` as the new content of `out` (see [`Staging`]).
pub fn publish(out: &Path, files: &[OutFile]) -> Result<(), Error> {
    let staging = Staging::new(out)?;
    files.par_iter().try_for_each(|f| staging.write(f))?;
    staging.commit()
}

/// Renders `site` and writes it as the new content of `out`: each part
/// written as soon as it is rendered, in parallel, so that a large site is
/// never all in memory; then the files `more` makes of the folder written
/// (the search index). Returns the counts of the site's files and HTML
/// pages (`more`'s apart).
pub fn publish_rendered(
    out: &Path,
    site: &Rendering,
    more: impl FnOnce(&Path) -> Result<Vec<OutFile>, Error>,
) -> Result<(usize, usize), Error> {
    let staging = Staging::new(out)?;
    let (files, pages) = (AtomicUsize::new(0), AtomicUsize::new(0));
    let write = |f: &OutFile| {
        staging.write(f)?;
        files.fetch_add(1, Ordering::Relaxed);
        if f.path.ends_with(".html") {
            pages.fetch_add(1, Ordering::Relaxed);
        }
        Ok::<(), Error>(())
    };
    (0..site.parts())
        .into_par_iter()
        .try_for_each(|i| site.part(i)?.iter().try_for_each(write))?;
    more(staging.dir.path())?
        .par_iter()
        .try_for_each(|f| staging.write(f))?;
    staging.commit()?;
    Ok((files.into_inner(), pages.into_inner()))
}

/// A new site being written beside `out`, swapped in whole by [`commit`].
///
/// The new site is written in full into a staging folder beside `out`, then
/// swapped in with one atomic exchange (Linux `renameat2`), so that at any
/// moment `out` is one complete site: the old or the new. A build killed
/// midway leaves only its staging folder, which the next build removes; two
/// builds at once each swap in a complete site. Files may be written from
/// several threads at once, as they are rendered.
///
/// [`commit`]: Staging::commit
pub struct Staging {
    dir: tempfile::TempDir,
    out: PathBuf,
}

impl Staging {
    /// Makes the staging folder beside `out` (and removes those of killed builds).
    pub fn new(out: &Path) -> Result<Staging, Error> {
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let name = out
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        remove_abandoned(&parent, &name);
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.new-{}-", std::process::id()))
            .tempdir_in(&parent)
            .map_err(|e| Error::io(&parent, e))?;
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
        })
    }

    /// Writes one file of the new site.
    pub fn write(&self, f: &OutFile) -> Result<(), Error> {
        if !is_safe(&f.path) {
            return Err(Error::Usage(format!(
                "refusing to write `{}`: not a plain relative path",
                f.path
            )));
        }
        let target = self.dir.path().join(&f.path);
        // Most files go into a folder already made: its folders are made
        // only when writing the file finds them missing.
        match std::fs::write(&target, &f.bytes) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if let Some(dir) = target.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
                }
                std::fs::write(&target, &f.bytes)
            }
            written => written,
        }
        .map_err(|e| Error::io(&target, e))
    }

    /// Swaps the new site in, then removes the previous one.
    pub fn commit(self) -> Result<(), Error> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(self.dir.path(), std::fs::Permissions::from_mode(0o755))
                .map_err(|e| Error::io(self.dir.path(), e))?;
        }
        swap(self.dir.path(), &self.out)?;
        // The staging folder now holds the previous site.
        let old = self.dir.keep();
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    }
}

/// Puts the folder `new` at `out`: exchanged atomically with the present
/// one, or renamed into place when there is none.
fn swap(new: &Path, out: &Path) -> Result<(), Error> {
    loop {
        if !out.exists() {
            match std::fs::rename(new, out) {
                Ok(()) => return Ok(()),
                // Another build put a site there meanwhile: exchange with it.
                Err(_) if out.exists() => continue,
                Err(e) => return Err(Error::io(out, e)),
            }
        }
        return exchange(new, out).map_err(|e| Error::io(out, e));
    }
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    Ok(renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE)?)
}

/// Elsewhere: two renames, with a short moment when `b` does not exist.
#[cfg(not(target_os = "linux"))]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    let aside = b.with_extension(format!("old-{}", std::process::id()));
    std::fs::rename(b, &aside)?;
    if let Err(e) = std::fs::rename(a, b) {
        let _ = std::fs::rename(&aside, b);
        return Err(e);
    }
    std::fs::rename(&aside, a)
}

/// Removes staging folders left by builds that were killed: their process
/// is gone.
fn remove_abandoned(parent: &Path, name: &str) {
    let prefix = format!(".{name}.new-");
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    for e in entries.flatten() {
        let file = e.file_name().to_string_lossy().into_owned();
        let Some(pid) = file
            .strip_prefix(&prefix)
            .and_then(|r| r.split('-').next())
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let alive =
            Path::new("/proc").join(pid.to_string()).exists() || !Path::new("/proc/self").exists();
        if !alive {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}
