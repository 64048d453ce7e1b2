//! Parsers: text in, located documents out (see [`crate::model`]).
//!
//! Parsers never fail: malformed input becomes data on the document (a syntax error with
//! its span) that a rule reports, so every problem gets a located diagnostic.

pub mod orgnote;
pub mod readme;
pub mod yaml_tree;
pub mod yaml_words;
