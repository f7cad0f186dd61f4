//! Write stage: the rendered files into `public/`, atomically. The site is
//! written into a fresh folder beside `public/`, then swapped in, so that a
//! failed build leaves the previous `public/` exactly as it was.

use std::path::{Component, Path, PathBuf};

use crate::render::OutFile;
use crate::Error;

/// True for a relative path of plain segments (no `..`, no root, no `\`).
fn is_safe(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// Writes `files` as the new content of `out`.
///
/// The new site is written in full into a staging folder beside `out`, then
/// swapped in with one atomic exchange (Linux `renameat2`), so that at any
/// moment `out` is one complete site: the old or the new. A build killed
/// midway leaves only its staging folder, which the next build removes; two
/// builds at once each swap in a complete site.
pub fn publish(out: &Path, files: &[OutFile]) -> Result<(), Error> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let name = out
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    remove_abandoned(&parent, &name);
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.new-{}-", std::process::id()))
        .tempdir_in(&parent)
        .map_err(|e| Error::io(&parent, e))?;
    for f in files {
        if !is_safe(&f.path) {
            return Err(Error::Usage(format!(
                "refusing to write `{}`: not a plain relative path",
                f.path
            )));
        }
        let target = staging.path().join(&f.path);
        if let Some(dir) = target.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        }
        std::fs::write(&target, &f.bytes).map_err(|e| Error::io(&target, e))?;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(staging.path(), std::fs::Permissions::from_mode(0o755))
            .map_err(|e| Error::io(staging.path(), e))?;
    }
    // After the swap the staging folder holds the previous site; dropping
    // it removes that.
    swap(staging.path(), out)
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
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both paths are valid NUL-terminated strings for the call.
    let r = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
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
