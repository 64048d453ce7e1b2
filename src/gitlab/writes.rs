//! The writes of a publishing run: [`PublishContext`] (where and how to write), each
//! [`GitlabWrite`] to GitLab (sent, or printed with `--dry-run`), and the
//! [`PublishOutcome`] that records what was done and what failed.

use gitlab::api::common::NameOrId;
use gitlab::api::projects::merge_requests::discussions::{
    CreateMergeRequestDiscussion, Position, TextPosition,
};
use gitlab::api::projects::merge_requests::notes::{CreateMergeRequestNote, EditMergeRequestNote};

use super::client::Client;
use super::endpoints::{
    CreateDraftNote, DeleteNote, PublishDraftNotes, ReplyToDiscussion, ResolveDiscussion,
};
use super::error::Error;
use super::position::{Filter, LinePosition};
use super::types::DiffRefs;

/// What publishing needs besides the run.
pub struct PublishContext<'a> {
    pub client: &'a Client,
    pub project: NameOrId<'a>,
    pub iid: u64,
    pub filter: Filter,
    pub max_inline: usize,
    pub concurrency: usize,
    pub review: bool,
    pub dry_run: bool,
    /// Where rule pages and the review guide are read.
    pub docs_url: &'a str,
}

/// What happened.
#[derive(Debug, Default)]
pub struct PublishOutcome {
    /// One line per kind of change made (or, with `--dry-run`, that would be made).
    pub report: Vec<String>,
    /// GitLab refused the token for writing (401/403 on creating a note).
    pub token_refused: Option<String>,
    /// Writes that failed for another reason, in the order they failed.
    pub failures: Vec<Error>,
}

/// Records a failed write: a refused token (401/403 on creating notes) or another error.
pub(super) fn record_failure(outcome: &mut PublishOutcome, err: Error, creating: bool) {
    if creating && err.is_auth() {
        outcome.token_refused.get_or_insert_with(|| {
            format!("GitLab refused to create a note with ASE_LINT_TOKEN ({err})")
        });
    } else {
        outcome.failures.push(err);
    }
}

/// One write to GitLab.
pub(super) enum GitlabWrite<'a> {
    Discussion {
        body: String,
        position: &'a LinePosition,
    },
    Draft {
        body: String,
        position: &'a LinePosition,
    },
    PublishDrafts,
    Reply {
        discussion: &'a str,
        body: String,
    },
    Resolve {
        discussion: &'a str,
        resolved: bool,
    },
    CreateNote {
        body: String,
    },
    EditNote {
        note: u64,
        body: String,
    },
    /// Edits the bot's comment opening an inline thread.
    EditComment {
        note: u64,
        body: String,
    },
    DeleteNote {
        note: u64,
    },
}

impl GitlabWrite<'_> {
    /// What the write does, for `--dry-run` and logs.
    fn describe(&self) -> String {
        match self {
            GitlabWrite::Discussion { position, .. } => format!(
                "POST discussions: inline comment on {}",
                describe_position(position)
            ),
            GitlabWrite::Draft { position, .. } => format!(
                "POST draft_notes: review comment on {}",
                describe_position(position)
            ),
            GitlabWrite::PublishDrafts => {
                "POST draft_notes/bulk_publish: publish the review".into()
            }
            GitlabWrite::Reply { discussion, .. } => {
                format!("POST discussions/{discussion}/notes: reply")
            }
            GitlabWrite::Resolve {
                discussion,
                resolved: true,
            } => format!("PUT discussions/{discussion}?resolved=true"),
            GitlabWrite::Resolve {
                discussion,
                resolved: false,
            } => format!("PUT discussions/{discussion}?resolved=false"),
            GitlabWrite::CreateNote { .. } => "POST notes: create the summary note".into(),
            GitlabWrite::EditNote { note, .. } => {
                format!("PUT notes/{note}: update the summary note")
            }
            GitlabWrite::EditComment { note, .. } => {
                format!("PUT notes/{note}: update the list of a note's open questions")
            }
            GitlabWrite::DeleteNote { note } => {
                format!("DELETE notes/{note}: remove a duplicate summary note")
            }
        }
    }

    fn body(&self) -> Option<&str> {
        match self {
            GitlabWrite::Discussion { body, .. }
            | GitlabWrite::Draft { body, .. }
            | GitlabWrite::Reply { body, .. }
            | GitlabWrite::CreateNote { body }
            | GitlabWrite::EditNote { body, .. }
            | GitlabWrite::EditComment { body, .. } => Some(body),
            _ => None,
        }
    }

    /// What the summary line says was done with the note.
    pub(super) fn summary_verb(&self) -> &'static str {
        match self {
            GitlabWrite::EditNote { .. } => "updated",
            _ => "created",
        }
    }
}

fn describe_position(position: &LinePosition) -> String {
    let old = position
        .old_line
        .map_or(String::new(), |old| format!(", old_line {old}"));
    let renamed = if position.old_path == position.new_path {
        String::new()
    } else {
        format!(" (renamed from {})", position.old_path)
    };
    format!(
        "{}{renamed} new_line {}{old}",
        position.new_path, position.new_line
    )
}

impl PublishContext<'_> {
    /// `done`, or "would have `done`" with `--dry-run`.
    pub(super) fn verb(&self, done: &'static str) -> String {
        if self.dry_run {
            format!("would have {done}")
        } else {
            done.to_owned()
        }
    }

    /// Sends a write that needs no diff refs.
    pub(super) async fn apply_without_refs(&self, write: &GitlabWrite<'_>) -> Result<(), Error> {
        let none = DiffRefs {
            base_sha: String::new(),
            start_sha: String::new(),
            head_sha: String::new(),
        };
        self.apply(&none, write).await
    }

    /// Sends `write`, or prints it with `--dry-run`.
    pub(super) async fn apply(
        &self,
        refs: &DiffRefs,
        write: &GitlabWrite<'_>,
    ) -> Result<(), Error> {
        if self.dry_run {
            println!("=== would send: {} ===", write.describe());
            if let Some(body) = write.body() {
                println!("{}\n", body.trim_end());
            }
            return Ok(());
        }
        let what = write.describe();
        let project = self.project.clone();
        let mr = self.iid;
        match write {
            GitlabWrite::Discussion { body, position } => {
                let endpoint = discussion_endpoint(project, mr, body, refs, position)?;
                self.client.execute(&what, &endpoint).await
            }
            GitlabWrite::Draft { body, position } => {
                let endpoint = CreateDraftNote {
                    project,
                    mr,
                    body,
                    refs,
                    position,
                };
                self.client.execute(&what, &endpoint).await
            }
            GitlabWrite::PublishDrafts => {
                self.client
                    .execute(&what, &PublishDraftNotes { project, mr })
                    .await
            }
            GitlabWrite::Reply { discussion, body } => {
                let endpoint = ReplyToDiscussion {
                    project,
                    mr,
                    discussion,
                    body,
                };
                self.client.execute(&what, &endpoint).await
            }
            GitlabWrite::Resolve {
                discussion,
                resolved,
            } => {
                let endpoint = ResolveDiscussion {
                    project,
                    mr,
                    discussion,
                    resolved: *resolved,
                };
                self.client.execute(&what, &endpoint).await
            }
            GitlabWrite::CreateNote { body } => {
                let endpoint = CreateMergeRequestNote::builder()
                    .project(project)
                    .merge_request(mr)
                    .body(body.as_str())
                    .build()
                    .map_err(|e| Error::builder(&what, e))?;
                self.client.execute(&what, &endpoint).await
            }
            GitlabWrite::EditNote { note, body } | GitlabWrite::EditComment { note, body } => {
                let endpoint = EditMergeRequestNote::builder()
                    .project(project)
                    .merge_request(mr)
                    .note(*note)
                    .body(body.as_str())
                    .build()
                    .map_err(|e| Error::builder(&what, e))?;
                self.client.execute(&what, &endpoint).await
            }
            GitlabWrite::DeleteNote { note } => {
                self.client
                    .execute(
                        &what,
                        &DeleteNote {
                            project,
                            mr,
                            note: *note,
                        },
                    )
                    .await
            }
        }
    }
}

/// The crate's discussion endpoint with a text position.
fn discussion_endpoint<'a>(
    project: NameOrId<'a>,
    mr: u64,
    body: &'a str,
    refs: &'a DiffRefs,
    position: &'a LinePosition,
) -> Result<CreateMergeRequestDiscussion<'a>, Error> {
    let what = "building the inline discussion";
    let mut text = TextPosition::builder();
    text.old_path(position.old_path.as_str())
        .new_path(position.new_path.as_str())
        .new_line(u64::from(position.new_line));
    if let Some(old) = position.old_line {
        text.old_line(u64::from(old));
    }
    let text = text.build().map_err(|e| Error::builder(what, e))?;
    let position = Position::builder()
        .base_sha(refs.base_sha.as_str())
        .start_sha(refs.start_sha.as_str())
        .head_sha(refs.head_sha.as_str())
        .text_position(text)
        .build()
        .map_err(|e| Error::builder(what, e))?;
    CreateMergeRequestDiscussion::builder()
        .project(project)
        .merge_request(mr)
        .body(body)
        .position(position)
        .build()
        .map_err(|e| Error::builder(what, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_described_with_both_lines_and_renames() {
        let position = LinePosition {
            old_path: "a.yaml".into(),
            new_path: "b.yaml".into(),
            old_line: Some(3),
            new_line: 4,
        };
        assert_eq!(
            describe_position(&position),
            "b.yaml (renamed from a.yaml) new_line 4, old_line 3"
        );
    }
}
