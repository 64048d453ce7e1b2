//! The bot's existing threads on the merge request: resolving those whose finding is gone,
//! reopening those whose finding is back, editing the comments that list a note's open
//! questions, and removing what a pipeline running at the same time posted twice.

use super::error::Error;
use super::merge_request::MrState;
use super::reconcile::{self, Resolution, ThreadAction};
use super::types::{Discussion, User};
use super::writes::{GitlabWrite, PublishContext, PublishOutcome, record_failure};
use crate::http::bounded;
use crate::report::mr_comment;

/// The discussions as they are now (`None` with `--dry-run`, or when they cannot be read:
/// the run goes on with what it read first).
pub(super) async fn reread(cx: &PublishContext<'_>) -> Option<Vec<Discussion>> {
    if cx.dry_run {
        return None;
    }
    super::merge_request::read_discussions(cx.client, cx.project.clone(), cx.iid)
        .await
        .ok()
}

/// The writes that remove each duplicate in `discussions` (one list of steps each).
fn duplicate_removals<'d>(
    discussions: &'d [Discussion],
    me: Option<&User>,
) -> Vec<Vec<GitlabWrite<'d>>> {
    let threads = reconcile::bot_threads(discussions, me);
    let mut writes: Vec<Vec<GitlabWrite<'d>>> = reconcile::duplicate_threads(&threads)
        .into_iter()
        .map(|duplicate| {
            if !duplicate.replied {
                return vec![GitlabWrite::DeleteNote {
                    note: duplicate.first_note,
                }];
            }
            let discussion = discussions
                .iter()
                .find(|d| d.id == duplicate.discussion_id)
                .map_or("", |d| d.id.as_str());
            vec![
                GitlabWrite::Reply {
                    discussion,
                    body: mr_comment::duplicate_reply(),
                },
                GitlabWrite::Resolve {
                    discussion,
                    resolved: true,
                },
            ]
        })
        .collect();
    let summaries = reconcile::find_summaries(discussions, me).duplicates;
    writes.extend(
        summaries
            .into_iter()
            .map(|note| vec![GitlabWrite::DeleteNote { note }]),
    );
    writes
}

/// True when `discussions` hold a second open bot thread of one finding, or a second
/// summary.
pub(super) fn has_duplicates(discussions: &[Discussion], me: Option<&User>) -> bool {
    let threads = reconcile::bot_threads(discussions, me);
    !reconcile::duplicate_threads(&threads).is_empty()
        || !reconcile::find_summaries(discussions, me)
            .duplicates
            .is_empty()
}

/// Removes what another pipeline running at the same time posted twice: a newer open
/// thread of a finding that already has one is deleted when nobody replied to it, else
/// resolved with a reply naming the older one; newer summaries nobody replied to are
/// deleted.
pub(super) async fn remove_duplicates(
    cx: &PublishContext<'_>,
    me: Option<&User>,
    outcome: &mut PublishOutcome,
) {
    let Some(fresh) = reread(cx).await else {
        return;
    };
    let writes = duplicate_removals(&fresh, me);
    let mut removed = 0;
    for steps in &writes {
        let mut done = true;
        for write in steps {
            if let Err(err) = cx.apply_without_refs(write).await {
                outcome
                    .report
                    .push(format!("cannot remove a duplicate comment: {err}"));
                done = false;
                break;
            }
        }
        removed += usize::from(done);
    }
    if removed > 0 {
        outcome.report.push(format!(
            "removed {removed} duplicate thread(s) or summary note(s) of a pipeline that ran at the same time"
        ));
    }
}

/// What a thread action did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Done {
    Resolved,
    Reopened,
    Edited,
}

/// Resolves the threads whose finding is gone, reopens those whose finding is back, and
/// edits the comments that list what is open.
pub(super) async fn apply_thread_actions(
    cx: &PublishContext<'_>,
    state: &MrState,
    actions: &[ThreadAction],
    outcome: &mut PublishOutcome,
) {
    let head = state.refs.as_ref().map_or("", |r| r.head_sha.as_str());
    let results = bounded(actions, cx.concurrency, |action| async move {
        apply_thread_action(cx, head, action).await
    })
    .await;
    let mut counts = [0usize; 3];
    for result in results {
        match result {
            Ok(done) => counts[done as usize] += 1,
            Err((err, false)) if err.status() == Some(403) => outcome.report.push(format!(
                "cannot resolve or reopen a thread: the token needs the Developer role ({err})"
            )),
            Err((err, creating)) => record_failure(outcome, err, creating),
        }
    }
    let said = [
        ("resolved", "thread(s) whose finding is gone"),
        ("reopened", "thread(s) whose finding came back"),
        ("updated", "thread(s) listing a note's open questions"),
    ];
    for (count, (verb, what)) in counts.into_iter().zip(said) {
        if count > 0 {
            outcome
                .report
                .push(format!("{} {count} {what}", cx.verb(verb)));
        }
    }
}

/// One thread action's writes; the error says whether it was creating a note.
async fn apply_thread_action(
    cx: &PublishContext<'_>,
    head: &str,
    action: &ThreadAction,
) -> Result<Done, (Error, bool)> {
    let (discussion, reply, resolved) = match action {
        ThreadAction::Resolve {
            discussion_id,
            resolution,
            reply,
        } => {
            let body = match resolution {
                Resolution::Fixed => mr_comment::fixed_reply(head),
                Resolution::FileNoLongerChanged => mr_comment::no_longer_changed_reply(head),
            };
            (discussion_id.as_str(), reply.then_some(body), true)
        }
        ThreadAction::Reopen { discussion_id } => (
            discussion_id.as_str(),
            Some(mr_comment::reopened_reply(head)),
            false,
        ),
        ThreadAction::Edit { note_id, body, .. } => {
            let write = GitlabWrite::EditComment {
                note: *note_id,
                body: body.clone(),
            };
            cx.apply_without_refs(&write)
                .await
                .map_err(|e| (e, false))?;
            return Ok(Done::Edited);
        }
    };
    if let Some(body) = reply {
        let write = GitlabWrite::Reply { discussion, body };
        cx.apply_without_refs(&write).await.map_err(|e| (e, true))?;
    }
    let write = GitlabWrite::Resolve {
        discussion,
        resolved,
    };
    cx.apply_without_refs(&write)
        .await
        .map_err(|e| (e, false))?;
    Ok(if resolved {
        Done::Resolved
    } else {
        Done::Reopened
    })
}
