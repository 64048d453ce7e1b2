//! Rules over the ASE table in the Assigned Support Engineers project's README.

pub mod ase_capacity;
pub mod cell_count;
pub mod duplicate_account;
pub mod empty_cell;
pub mod missing_column;
pub mod not_found;
pub mod org_name_format;
pub mod region;
