//! Rules over an org file's YAML itself.

pub mod syntax;
