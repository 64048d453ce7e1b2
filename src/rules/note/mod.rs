//! Rules over org files (`organizations/<id>.yaml`) and the six questions of an ASE note.

pub mod ase;
pub mod emergency;
pub mod missing;
pub mod out_of_hours;
pub mod pre_existing;
pub mod region;
pub mod schema;
pub mod unavailable;
pub mod workflow_link;
