//! Rules about a file itself rather than its content: what ase-lint found where it
//! expected a README or an org file, before reading it (see [`crate::fsafe`]).

pub mod not_regular;
pub mod too_large;

/// Why a file's content was not read; the file gets one finding at line 1, column 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileProblem {
    /// A symlink, FIFO, device, socket or folder (`what` names it, e.g. "a symbolic
    /// link"), or a diff entry whose mode is not a regular file's.
    NotRegular { what: String },
    /// Larger than `limits.max_file_bytes` (`size`: bytes seen, at least `limit + 1`).
    TooLarge { size: u64, limit: u64 },
}
