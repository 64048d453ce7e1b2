//! Rules about `ase-lint: allow` suppressions: each needs a reason, and one that silences
//! nothing is stale. The findings are made by [`crate::suppress`] when it applies the
//! suppressions of a file; these rules hold their names, severities and docs.

pub mod no_reason;
pub mod unused;
