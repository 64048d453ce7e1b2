//! Retries and pacing now live in the shared transport: see [`crate::http::retry`].

pub use crate::http::retry::*;
