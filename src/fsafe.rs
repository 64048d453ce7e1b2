//! File access that a hostile checkout cannot steer: reads that never follow a symlink
//! or open a special file (FIFO, device, socket) and never take more than a size cap, and
//! report artifacts written to an exclusively created temporary file and renamed into
//! place, never through a symlink.
//!
//! `ase-lint ci` runs on a checkout whose every file the merge request's author controls,
//! modes included (a git symlink is mode 120000): see README, "Reliability".

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Why a file was not read.
#[derive(Debug)]
pub enum ReadProblem {
    /// A symlink or special file where a regular file was expected; `what` names it.
    NotRegular { what: &'static str },
    /// Larger than the cap (`size`: what was seen, at least `limit + 1`).
    TooLarge { size: u64, limit: u64 },
    /// Any other failure (missing, permission …).
    Io(io::Error),
}

/// What kind of file `meta` (from `symlink_metadata`) describes, for messages.
pub fn kind_name(meta: &Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_symlink() {
        "a symbolic link"
    } else if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a named pipe (FIFO)"
    } else if t.is_socket() {
        "a socket"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else if t.is_file() {
        "a regular file"
    } else {
        "not a regular file"
    }
}

/// Reads the regular file at `path`, at most `limit` bytes: refuses a symlink or special
/// file (checked on the path without following it, and again on the opened handle, which
/// must be the same file) and a file larger than `limit`.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadProblem> {
    let before = std::fs::symlink_metadata(path).map_err(ReadProblem::Io)?;
    if !before.file_type().is_file() {
        return Err(ReadProblem::NotRegular {
            what: kind_name(&before),
        });
    }
    if before.len() > limit {
        return Err(ReadProblem::TooLarge {
            size: before.len(),
            limit,
        });
    }
    let file = File::open(path).map_err(ReadProblem::Io)?;
    let opened = file.metadata().map_err(ReadProblem::Io)?;
    if !opened.file_type().is_file() || opened.dev() != before.dev() || opened.ino() != before.ino()
    {
        return Err(ReadProblem::NotRegular {
            what: "a file replaced while it was opened",
        });
    }
    read_capped(file, limit)
}

/// Reads at most `limit` bytes; one byte more means the file is too large (files such as
/// those of `/proc` report a size of 0).
fn read_capped(file: File, limit: u64) -> Result<Vec<u8>, ReadProblem> {
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadProblem::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadProblem::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// A path from a merge request's diff, checked: relative, without `..`, `.` or empty
/// parts. `None` for anything else (GitLab never sends such a path for a real file).
pub fn checked_relative(path: &str) -> Option<&Path> {
    let p = Path::new(path);
    let plain = !path.is_empty()
        && !path.contains('\0')
        && p.components().all(|c| matches!(c, Component::Normal(_)));
    plain.then_some(p)
}

/// Reads `relative` inside `root` like [`read_regular`], and also refuses it when one of
/// its folders below `root` is a symlink or not a folder (so the file is inside `root`).
pub fn read_inside(root: &Path, relative: &Path, limit: u64) -> Result<Vec<u8>, ReadProblem> {
    let mut folder = root.to_path_buf();
    let parts: Vec<_> = relative.components().collect();
    for part in parts.iter().take(parts.len().saturating_sub(1)) {
        folder.push(part);
        let meta = std::fs::symlink_metadata(&folder).map_err(ReadProblem::Io)?;
        if !meta.file_type().is_dir() {
            return Err(ReadProblem::NotRegular {
                what: "inside a symbolic link or special file",
            });
        }
    }
    read_regular(&root.join(relative), limit)
}

/// Why an artifact was not written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("it is {what}; ase-lint never writes through one (remove it or choose another path)")]
    NotRegular { what: &'static str },
    #[error("{0}")]
    Io(#[from] io::Error),
}

impl WriteError {
    /// The problem in words for a message: "no such folder", "permission denied", ….
    pub fn in_words(&self) -> String {
        match self {
            WriteError::Io(e) => crate::words::io_problem(e),
            other => other.to_string(),
        }
    }
}

/// Writes a file the safe way: refuses a `path` (or its folder) that exists as a symlink
/// or special file, writes to a temporary file created exclusively in the same folder,
/// then renames it over `path` (a rename replaces a symlink, never follows it).
pub fn write_replacing(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    refuse_special(path)?;
    let folder = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => {
            refuse_special(parent)?;
            std::fs::create_dir_all(parent)?;
            parent.to_path_buf()
        }
        None => PathBuf::from("."),
    };
    let (temp_path, file) = create_temp(&folder, path)?;
    let written = write_then_sync(file, write).and_then(|()| std::fs::rename(&temp_path, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp_path);
    }
    Ok(written?)
}

/// Errs when `path` exists as a symlink or as anything but a regular file or folder.
fn refuse_special(path: &Path) -> Result<(), WriteError> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_file() || meta.file_type().is_dir() => Ok(()),
        Ok(meta) => Err(WriteError::NotRegular {
            what: kind_name(&meta),
        }),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(err.into()),
    }
}

/// A new file in `folder` that did not exist before (`O_EXCL`), named after `target`.
fn create_temp(folder: &Path, target: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let stem = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut last = io::Error::other("no temporary file name left");
    for _ in 0..16 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let name = format!(".{stem}.{}.{n}.tmp", std::process::id());
        let candidate = folder.join(name);
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(file) => return Ok((candidate, file)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => last = err,
            Err(err) => return Err(err),
        }
    }
    Err(last)
}

fn write_then_sync(
    file: File,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut out = io::BufWriter::new(file);
    write(&mut out)?;
    out.flush()?;
    out.get_ref().sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_paths_must_be_plain_and_relative() {
        assert!(checked_relative("organizations/1.yaml").is_some());
        assert!(checked_relative("README.md").is_some());
        for bad in [
            "",
            "/etc/passwd",
            "../x.yaml",
            "a/../b",
            "./a",
            "a//b/../c",
            "a\0b",
        ] {
            assert!(checked_relative(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn reads_refuse_symlinks_and_cap_sizes() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let real = dir.path().join("real.md");
        std::fs::write(&real, "12345").unwrap_or_else(|e| panic!("{e}"));
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(read_regular(&real, 5), Ok(b) if b == b"12345"));
        assert!(matches!(
            read_regular(&real, 4),
            Err(ReadProblem::TooLarge { limit: 4, .. })
        ));
        assert!(matches!(
            read_regular(&link, 99),
            Err(ReadProblem::NotRegular { .. })
        ));
    }
}
