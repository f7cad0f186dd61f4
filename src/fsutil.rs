//! File-system helpers.

use std::io::Write;
use std::path::Path;

use crate::Error;

/// Writes `bytes` to `path` through a temporary file in the same folder
/// and a rename, so that a reader never sees a half-written file; the data
/// reaches the disk before the rename (for content files).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_via_rename(path, bytes, true)
}

/// As [`write_atomic`] without waiting for the disk: for output files
/// that a rebuild can always make again (`serve`).
pub fn replace(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_via_rename(path, bytes, false)
}

fn write_via_rename(path: &Path, bytes: &[u8], durable: bool) -> Result<(), Error> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| Error::io(dir, e))?;
    tmp.write_all(bytes).map_err(|e| Error::io(tmp.path(), e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::Permissions::from_mode(0o644);
        tmp.as_file()
            .set_permissions(mode)
            .map_err(|e| Error::io(tmp.path(), e))?;
    }
    if durable {
        tmp.as_file().sync_all().map_err(|e| Error::io(path, e))?;
    }
    tmp.persist(path).map_err(|e| Error::io(path, e.error))?;
    Ok(())
}
