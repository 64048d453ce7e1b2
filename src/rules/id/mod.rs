//! Rules over the Zendesk ids in the ASE table.

pub mod ase_conflict;
pub mod format;
pub mod suspicious_length;
pub mod zendesk_id;
