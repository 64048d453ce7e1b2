//! Rules over the Links cell of the ASE table (Salesforce, Zendesk Org Note).

pub mod org_note;
pub mod salesforce;
pub mod sfdc_id;
pub mod target;
