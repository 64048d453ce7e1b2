//! Rules over org files (`organizations/<id>.yaml`) and the six questions of an ASE note.
//!
//! The question rules share one analysis of the note ([`questions`]).

pub mod ase;
pub mod emergency;
pub mod missing;
pub mod out_of_hours;
pub mod pre_existing;
pub mod questions;
pub mod region;
pub mod schema;
pub mod unavailable;
pub mod workflow_link;
