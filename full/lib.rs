//! Empty on purpose: this package only exists to enable `ase-lint/bot` for the workspace's
//! default members (see `full/Cargo.toml`).
