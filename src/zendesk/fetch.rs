//! `show_many` reads: the organizations and users a table names, 100 ids a request
//! (Zendesk's maximum), at most `concurrency` requests at a time, turned into
//! [`ZendeskFacts`]. Records of ids that were not asked about are ignored.

use std::collections::{BTreeMap, BTreeSet};

use futures_util::StreamExt;
use serde::Deserialize;
use serde_json::{Map, Value};

use super::client::Client;
use super::error::Error;
use crate::config::ZendeskFields;
use crate::rules::zendesk::{ZendeskFacts, ZendeskOrg, ZendeskUser};

/// Ids per `show_many` request (Zendesk accepts up to 100).
pub const IDS_PER_REQUEST: usize = 100;

#[derive(Debug, Deserialize)]
struct Organizations {
    organizations: Vec<OrgRecord>,
}

#[derive(Debug, Deserialize)]
struct OrgRecord {
    id: u64,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    organization_fields: Option<Map<String, Value>>,
}

#[derive(Debug, Deserialize)]
struct Users {
    users: Vec<UserRecord>,
}

#[derive(Debug, Deserialize)]
struct UserRecord {
    id: u64,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    active: Option<bool>,
    #[serde(default)]
    suspended: Option<bool>,
}

/// Reads the organizations `org_ids` and users `user_ids` of the instance `instance`.
pub async fn facts(
    client: &Client,
    instance: &str,
    org_ids: BTreeSet<u64>,
    user_ids: BTreeSet<u64>,
    fields: &ZendeskFields,
    concurrency: usize,
) -> Result<ZendeskFacts, Error> {
    // One after the other, so no more than `concurrency` requests are ever in flight.
    let orgs = organizations(client, &org_ids, fields, concurrency).await?;
    let users = users(client, &user_ids, concurrency).await?;
    Ok(ZendeskFacts {
        instance: instance.to_owned(),
        orgs,
        users,
        asked_orgs: org_ids,
        asked_users: user_ids,
    })
}

/// The organizations among `ids` that Zendesk has.
pub async fn organizations(
    client: &Client,
    ids: &BTreeSet<u64>,
    fields: &ZendeskFields,
    concurrency: usize,
) -> Result<BTreeMap<u64, ZendeskOrg>, Error> {
    let pages = show_many::<Organizations>(
        client,
        "reading organizations",
        "api/v2/organizations/show_many.json",
        ids,
        concurrency,
    )
    .await?;
    Ok(pages
        .into_iter()
        .flat_map(|page| page.organizations)
        .filter(|record| ids.contains(&record.id))
        .map(|record| (record.id, org_of(record, fields)))
        .collect())
}

/// The users among `ids` that Zendesk has.
pub async fn users(
    client: &Client,
    ids: &BTreeSet<u64>,
    concurrency: usize,
) -> Result<BTreeMap<u64, ZendeskUser>, Error> {
    let pages = show_many::<Users>(
        client,
        "reading users",
        "api/v2/users/show_many.json",
        ids,
        concurrency,
    )
    .await?;
    Ok(pages
        .into_iter()
        .flat_map(|page| page.users)
        .filter(|record| ids.contains(&record.id))
        .map(|record| (record.id, user_of(record)))
        .collect())
}

/// One `GET path?ids=…` per 100 ids, `concurrency` at a time; the first error wins.
async fn show_many<T: serde::de::DeserializeOwned>(
    client: &Client,
    what: &str,
    path: &str,
    ids: &BTreeSet<u64>,
    concurrency: usize,
) -> Result<Vec<T>, Error> {
    let ids: Vec<String> = ids.iter().map(u64::to_string).collect();
    let requests = ids.chunks(IDS_PER_REQUEST).map(|chunk| {
        let query = [("ids", chunk.join(","))];
        async move { client.get::<T>(what, path, &query).await }
    });
    let answers: Vec<Result<T, Error>> = futures_util::stream::iter(requests)
        .buffer_unordered(concurrency.max(1))
        .collect()
        .await;
    answers.into_iter().collect()
}

fn org_of(record: OrgRecord, fields: &ZendeskFields) -> ZendeskOrg {
    let custom = record.organization_fields.unwrap_or_default();
    ZendeskOrg {
        name: record.name.unwrap_or_default(),
        assigned_se: custom.get(&fields.assigned_se).and_then(text),
        ase_subscription: custom.get(&fields.ase_subscription).and_then(checkbox),
    }
}

fn user_of(record: UserRecord) -> ZendeskUser {
    ZendeskUser {
        name: record.name.unwrap_or_default(),
        role: record.role.unwrap_or_default(),
        active: record.active.unwrap_or(true),
        suspended: record.suspended.unwrap_or(false),
    }
}

/// A text field's value (`None` when null or blank); numbers as their digits.
fn text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        other => Some(other.to_string()),
    }
}

/// A checkbox field's value (`None` when null or not a checkbox's).
fn checkbox(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::String(s) if s.eq_ignore_ascii_case("true") => Some(true),
        Value::String(s) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_fields_are_read_whatever_their_json_type() {
        assert_eq!(text(&Value::Null), None);
        assert_eq!(text(&Value::from(" ")), None);
        assert_eq!(
            text(&Value::from("370415907240")).as_deref(),
            Some("370415907240")
        );
        assert_eq!(
            text(&Value::from(370415907240u64)).as_deref(),
            Some("370415907240")
        );
        assert_eq!(checkbox(&Value::Bool(true)), Some(true));
        assert_eq!(checkbox(&Value::from("false")), Some(false));
        assert_eq!(checkbox(&Value::Null), None);
    }
}
