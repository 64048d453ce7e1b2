//! Commands that are more than a lint run: each reads its inputs, calls the library and
//! writes what the user asked for. (The rest of the commands still live in [`crate::cli`].)

pub mod questions;
