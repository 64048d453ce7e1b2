//! Publishing a run on the merge request: new inline discussions (or one review of draft
//! notes), replies that resolve or reopen the bot's threads, and the summary note edited
//! in place. With `--dry-run` every write is printed instead of sent.
//!
//! Works on [`Diagnostic`]s generically: it never looks at a rule's name.

use std::collections::{BTreeMap, HashMap, HashSet};

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
use super::merge_request::MrState;
use super::position::{ChangedFile, Filter, LinePosition, NotInline, position_for};
use super::reconcile::{self, Candidate, Plan, Resolution, SummaryNotes, ThreadAction};
use super::types::{DiffRefs, Discussion, User};
use crate::diagnostic::Diagnostic;
use crate::http::bounded;
use crate::lint::LintRun;
use crate::report::mr_comment::{self, SummaryFinding, SummaryInput};
use crate::report::mr_note;
use crate::workflow::Workflow;

/// What publishing needs besides the run.
pub struct Context<'a> {
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
pub struct Outcome {
    /// One line per kind of change made (or, with `--dry-run`, that would be made).
    pub report: Vec<String>,
    /// GitLab refused the token for writing (401/403 on creating a note).
    pub token_refused: Option<String>,
    /// Writes that failed for another reason, in the order they failed.
    pub failures: Vec<Error>,
}

/// What the summary shows besides the findings.
#[derive(Debug, Default)]
pub struct SummaryExtras {
    /// Changed org notes: each gets the handbook's questions with their answers.
    pub notes: Vec<crate::report::mr_note::NoteReview>,
    /// The handbook's steps the merge request calls for.
    pub workflow: Workflow,
    /// Sentences about the run (e.g. the other project could not be read).
    pub notices: Vec<String>,
    /// The merge request changes `.ase-lint.yml`.
    pub config_change: Option<crate::report::mr_comment::ConfigChange>,
    /// By finding (the run's order): it is already on the target branch (no thread; the
    /// summary lists it apart). Empty: none is.
    pub already_on_target: Vec<bool>,
    /// The token expires soon: said in the summary's footer.
    pub token_warning: Option<String>,
}

/// Why a finding stays out of the diff; `None` once it is inline.
type Placements = Vec<Option<NotInline>>;

/// Publishes `run` on the merge request read into `state`.
///
/// Two pipelines may publish at once (a quick second push, a retried job): the
/// discussions are read again just before new threads are posted, and after any write the
/// run reads them once more and removes the duplicates (same fingerprint; the oldest
/// thread and summary stay), so each run leaves one open thread per finding and one
/// summary.
pub async fn publish(
    cx: &Context<'_>,
    state: &MrState,
    run: &LintRun,
    extras: &SummaryExtras,
) -> Outcome {
    let mut outcome = Outcome::default();
    let writes_before = cx.client.writes();
    let positions = positions(state, run, cx.filter);
    let fingerprints: Vec<String> = run
        .diagnostics
        .iter()
        .map(Diagnostic::fingerprint)
        .collect();
    let items = items(state, run, &positions, &fingerprints, extras);
    let me = state.me.as_ref();
    let mut discussions = std::borrow::Cow::Borrowed(&state.discussions);
    let mut plan = plan_threads(&discussions, me, run, &items, &fingerprints, cx.max_inline);
    if !plan.create.is_empty()
        && let Some(fresh) = reread(cx).await
    {
        plan = plan_threads(&fresh, me, run, &items, &fingerprints, cx.max_inline);
        discussions = std::borrow::Cow::Owned(fresh);
    }
    let mut placements = placements(&positions, &items, &plan, extras);
    if let Some(refs) = &state.refs {
        post_inline(
            cx,
            refs,
            run,
            &items,
            &plan.create,
            &mut placements,
            &mut outcome,
        )
        .await;
    }
    if outcome.token_refused.is_some() {
        return outcome;
    }
    apply_thread_actions(cx, state, &plan.actions, &mut outcome).await;
    let summaries = reconcile::find_summaries(&discussions, me);
    publish_summary(
        cx,
        state,
        run,
        &placements,
        extras,
        &summaries,
        &mut outcome,
    )
    .await;
    if cx.client.writes() > writes_before || has_duplicates(&discussions, me) {
        remove_duplicates(cx, me, &mut outcome).await;
    }
    outcome
}

/// Each finding's place: inline (`None`) or why not.
fn placements(
    positions: &[Result<LinePosition, NotInline>],
    items: &[Item],
    plan: &Plan,
    extras: &SummaryExtras,
) -> Placements {
    let mut placements: Placements = positions
        .iter()
        .map(|p| p.as_ref().err().copied())
        .collect();
    let held_back = plan
        .over_limit
        .iter()
        .map(|i| (i, NotInline::MaxInline))
        .chain(plan.duplicates.iter().map(|i| (i, NotInline::Duplicate)));
    for (&i, why) in held_back {
        for &member in &items[i].members {
            placements[member] = Some(why);
        }
    }
    for (placement, _) in placements
        .iter_mut()
        .zip(&extras.already_on_target)
        .filter(|(_, already)| **already)
    {
        *placement = Some(NotInline::AlreadyOnTarget);
    }
    placements
}

/// The discussions as they are now (`None` with `--dry-run`, or when they cannot be read:
/// the run goes on with what it read first).
async fn reread(cx: &Context<'_>) -> Option<Vec<Discussion>> {
    if cx.dry_run {
        return None;
    }
    super::merge_request::read_discussions(cx.client, cx.project.clone(), cx.iid)
        .await
        .ok()
}

/// The writes that remove each duplicate in `discussions` (one list of steps each).
fn duplicate_removals<'d>(discussions: &'d [Discussion], me: Option<&User>) -> Vec<Vec<Write<'d>>> {
    let threads = reconcile::bot_threads(discussions, me);
    let mut writes: Vec<Vec<Write<'d>>> = reconcile::duplicate_threads(&threads)
        .into_iter()
        .map(|duplicate| {
            if !duplicate.replied {
                return vec![Write::DeleteNote {
                    note: duplicate.first_note,
                }];
            }
            let discussion = discussions
                .iter()
                .find(|d| d.id == duplicate.discussion_id)
                .map_or("", |d| d.id.as_str());
            vec![
                Write::Reply {
                    discussion,
                    body: mr_comment::duplicate_reply(),
                },
                Write::Resolve {
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
            .map(|note| vec![Write::DeleteNote { note }]),
    );
    writes
}

/// True when `discussions` hold a second open bot thread of one finding, or a second
/// summary.
fn has_duplicates(discussions: &[Discussion], me: Option<&User>) -> bool {
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
async fn remove_duplicates(cx: &Context<'_>, me: Option<&User>, outcome: &mut Outcome) {
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

/// Each finding's inline position, or why it has none.
fn positions(
    state: &MrState,
    run: &LintRun,
    filter: Filter,
) -> Vec<Result<LinePosition, NotInline>> {
    let files: HashMap<&str, &ChangedFile> = state
        .files
        .iter()
        .filter(|f| !f.deleted)
        .map(|f| (f.new_path.as_str(), f))
        .collect();
    run.diagnostics
        .iter()
        .map(|d| {
            let file = files
                .get(d.path.as_str())
                .ok_or(NotInline::FileNotChanged)?;
            state.refs.as_ref().ok_or(NotInline::DiffUnavailable)?;
            let line = u32::try_from(d.start.line).map_err(|_| NotInline::OutsideDiff)?;
            position_for(file, line, filter)
        })
        .collect()
}

fn plan_threads(
    discussions: &[Discussion],
    me: Option<&User>,
    run: &LintRun,
    items: &[Item],
    fingerprints: &[String],
    max_inline: usize,
) -> Plan {
    let candidates: Vec<Candidate<'_>> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.position.is_some())
        .map(|(index, item)| Candidate {
            index,
            fingerprint: &item.fingerprint,
            body: item.body.as_deref(),
        })
        .collect();
    let present: HashSet<&str> = fingerprints
        .iter()
        .chain(items.iter().map(|item| &item.fingerprint))
        .map(String::as_str)
        .collect();
    let checked: HashSet<&str> = run.checked.iter().map(String::as_str).collect();
    let threads = reconcile::canonical(reconcile::bot_threads(discussions, me));
    reconcile::plan(&threads, &candidates, &present, &checked, max_inline)
}

/// One inline thread to be: one finding, or the question findings on one line of an org
/// note (one thread listing them, edited as answers come and go).
struct Item {
    /// Indices of its findings in the run; the first one's line is the thread's.
    members: Vec<usize>,
    /// The first finding's position (`None`: it cannot go inline).
    position: Option<LinePosition>,
    fingerprint: String,
    /// A group's body, kept current by editing the thread; `None`: one finding, whose
    /// body is made when it is posted.
    body: Option<String>,
}

/// The inline threads this run wants, in report order: findings already on the target
/// branch get none.
fn items(
    state: &MrState,
    run: &LintRun,
    positions: &[Result<LinePosition, NotInline>],
    fingerprints: &[String],
    extras: &SummaryExtras,
) -> Vec<Item> {
    let mut items = Vec::new();
    let mut groups: BTreeMap<(&str, usize), Vec<usize>> = BTreeMap::new();
    for (i, d) in run.diagnostics.iter().enumerate() {
        if extras.already_on_target.get(i).copied().unwrap_or(false) {
            continue;
        }
        if mr_note::is_question_finding(d) {
            groups
                .entry((d.path.as_str(), d.start.line))
                .or_default()
                .push(i);
        } else {
            items.push(Item {
                position: positions[i].as_ref().ok().cloned(),
                members: vec![i],
                fingerprint: fingerprints[i].clone(),
                body: None,
            });
        }
    }
    let project_url = project_url(&state.mr.web_url);
    let links = mr_note::Links {
        project_url: project_url.as_deref(),
        head_sha: head_sha(state),
    };
    for ((path, line), members) in groups {
        let line_text = run
            .sources
            .get(path)
            .and_then(|s| s.text.get(s.line_span(line)))
            .unwrap_or_default();
        let fingerprint = mr_note::questions_thread_fingerprint(path, line_text);
        let findings: Vec<&Diagnostic> = members.iter().map(|&i| &run.diagnostics[i]).collect();
        let review = extras.notes.iter().find(|r| r.path == path);
        let body = mr_note::questions_thread_body(&findings, review, links, &fingerprint);
        items.push(Item {
            position: positions[members[0]].as_ref().ok().cloned(),
            members,
            fingerprint,
            body: Some(body),
        });
    }
    items.sort_by_key(|item| item.members[0]);
    items
}

/// The head commit the review is of.
fn head_sha(state: &MrState) -> &str {
    state
        .refs
        .as_ref()
        .map(|r| r.head_sha.as_str())
        .or(state.mr.sha.as_deref())
        .unwrap_or_default()
}

/// Posts the new inline discussions (or draft notes, then publishes them).
async fn post_inline(
    cx: &Context<'_>,
    refs: &DiffRefs,
    run: &LintRun,
    items: &[Item],
    create: &[usize],
    placements: &mut Placements,
    outcome: &mut Outcome,
) {
    let writes: Vec<(usize, Write<'_>)> = create
        .iter()
        .filter_map(|&i| {
            let item = &items[i];
            let position = item.position.as_ref()?;
            let body = item.body.clone().unwrap_or_else(|| {
                let d = &run.diagnostics[item.members[0]];
                let suggestion = run
                    .sources
                    .get(&d.path)
                    .and_then(|s| mr_comment::suggestion_line(d, s));
                mr_comment::inline_body(d, suggestion.as_deref(), cx.docs_url)
            });
            let write = if cx.review {
                Write::Draft { body, position }
            } else {
                Write::Discussion { body, position }
            };
            Some((i, write))
        })
        .collect();
    let results = bounded(writes, cx.concurrency, |(i, write)| async move {
        (i, cx.apply(refs, &write).await)
    })
    .await;
    let mut posted = 0;
    let mut refused = 0;
    for (i, result) in results {
        match result {
            Ok(()) => posted += 1,
            Err(err) if err.is_bad_position() => {
                for &member in &items[i].members {
                    placements[member] = Some(NotInline::Refused);
                }
                refused += 1;
            }
            Err(err) => {
                for &member in &items[i].members {
                    placements[member] = Some(NotInline::Failed);
                }
                record_failure(outcome, err, true);
            }
        }
    }
    if cx.review
        && posted > 0
        && outcome.token_refused.is_none()
        && let Err(err) = cx.apply(refs, &Write::PublishDrafts).await
    {
        record_failure(outcome, err, true);
    }
    if posted + refused > 0 {
        outcome.report.push(format!(
            "{} {posted} inline {}{}",
            cx.verb("posted"),
            if cx.review {
                "review comment(s)"
            } else {
                "discussion(s)"
            },
            if refused > 0 {
                format!("; GitLab refused {refused} position(s), listed in the summary instead")
            } else {
                String::new()
            }
        ));
    }
}

/// Records a failed write: a refused token (401/403 on creating notes) or another error.
fn record_failure(outcome: &mut Outcome, err: Error, creating: bool) {
    if creating && err.is_auth() {
        outcome.token_refused.get_or_insert_with(|| {
            format!("GitLab refused to create a note with ASE_LINT_TOKEN ({err})")
        });
    } else {
        outcome.failures.push(err);
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
async fn apply_thread_actions(
    cx: &Context<'_>,
    state: &MrState,
    actions: &[ThreadAction],
    outcome: &mut Outcome,
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
    cx: &Context<'_>,
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
            let write = Write::EditComment {
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
        let write = Write::Reply { discussion, body };
        cx.apply_without_refs(&write).await.map_err(|e| (e, true))?;
    }
    let write = Write::Resolve {
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

/// Creates, edits or leaves the summary note; removes the bot's own duplicate summaries.
async fn publish_summary(
    cx: &Context<'_>,
    state: &MrState,
    run: &LintRun,
    placements: &Placements,
    extras: &SummaryExtras,
    summaries: &SummaryNotes,
    outcome: &mut Outcome,
) {
    let mut notices = extras.notices.clone();
    if summaries.foreign > 0 {
        notices.push(
            "An earlier ase-lint summary here was written by another account (the token was \
             probably rotated) and cannot be edited; this note replaces it."
                .to_owned(),
        );
    }
    let body = summary_text(cx, state, run, placements, extras, notices);
    let write = match &summaries.mine {
        Some((_, old)) if old.trim_end() == body.trim_end() => None,
        Some((note, _)) => Some(Write::EditNote {
            note: *note,
            body: body.clone(),
        }),
        None if run.checked.is_empty() => None,
        None => Some(Write::CreateNote { body: body.clone() }),
    };
    if let Some(write) = write {
        match cx.apply_without_refs(&write).await {
            Ok(()) => outcome.report.push(format!(
                "{} the summary note",
                cx.verb(write.summary_verb())
            )),
            Err(err) if err.status() == Some(403) && matches!(write, Write::EditNote { .. }) => {
                outcome.report.push(format!(
                    "cannot edit the earlier summary ({err}); posting a new one"
                ));
                let notice = "The earlier ase-lint summary could not be edited (403); this note replaces it.";
                let mut notices = extras.notices.clone();
                notices.push(notice.to_owned());
                let body = summary_text(cx, state, run, placements, extras, notices);
                if let Err(err) = cx.apply_without_refs(&Write::CreateNote { body }).await {
                    record_failure(outcome, err, true);
                }
            }
            Err(err) => record_failure(outcome, err, true),
        }
    }
    for &note in &summaries.duplicates {
        if let Err(err) = cx.apply_without_refs(&Write::DeleteNote { note }).await {
            outcome
                .report
                .push(format!("cannot delete a duplicate summary note: {err}"));
        }
    }
}

fn summary_text(
    cx: &Context<'_>,
    state: &MrState,
    run: &LintRun,
    placements: &Placements,
    extras: &SummaryExtras,
    notices: Vec<String>,
) -> String {
    let docs_url = cx.docs_url;
    let head = head_sha(state);
    if run.checked.is_empty() && extras.config_change.is_none() && notices.is_empty() {
        return mr_comment::nothing_to_check_body(head);
    }
    let project_url = project_url(&state.mr.web_url);
    let already = |p: &Option<NotInline>| *p == Some(NotInline::AlreadyOnTarget);
    let input = SummaryInput {
        findings: run
            .diagnostics
            .iter()
            .zip(placements)
            .filter(|(_, placement)| !already(placement))
            .map(|(diagnostic, placement)| SummaryFinding {
                diagnostic,
                not_inline: placement.map(NotInline::describe),
            })
            .collect(),
        checked_files: run.files,
        notes: &extras.notes,
        project_url: project_url.as_deref(),
        head_sha: head,
        notices,
        workflow: Some(&extras.workflow),
        config_change: extras.config_change.as_ref(),
        already_on_target: run
            .diagnostics
            .iter()
            .zip(placements)
            .filter(|(_, placement)| already(placement))
            .map(|(diagnostic, _)| diagnostic)
            .collect(),
        token_warning: extras.token_warning.as_deref(),
        docs_url: Some(docs_url),
    };
    mr_comment::summary_body(&input)
}

/// The project's web URL from the merge request's (`…/-/merge_requests/12`).
fn project_url(mr_web_url: &str) -> Option<String> {
    let (project, _) = mr_web_url.rsplit_once("/-/merge_requests/")?;
    Some(project.to_owned())
}

/// One write to GitLab.
enum Write<'a> {
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

impl Write<'_> {
    /// What the write does, for `--dry-run` and logs.
    fn describe(&self) -> String {
        match self {
            Write::Discussion { position, .. } => format!(
                "POST discussions: inline comment on {}",
                describe_position(position)
            ),
            Write::Draft { position, .. } => format!(
                "POST draft_notes: review comment on {}",
                describe_position(position)
            ),
            Write::PublishDrafts => "POST draft_notes/bulk_publish: publish the review".into(),
            Write::Reply { discussion, .. } => {
                format!("POST discussions/{discussion}/notes: reply")
            }
            Write::Resolve {
                discussion,
                resolved: true,
            } => format!("PUT discussions/{discussion}?resolved=true"),
            Write::Resolve {
                discussion,
                resolved: false,
            } => format!("PUT discussions/{discussion}?resolved=false"),
            Write::CreateNote { .. } => "POST notes: create the summary note".into(),
            Write::EditNote { note, .. } => format!("PUT notes/{note}: update the summary note"),
            Write::EditComment { note, .. } => {
                format!("PUT notes/{note}: update the list of a note's open questions")
            }
            Write::DeleteNote { note } => {
                format!("DELETE notes/{note}: remove a duplicate summary note")
            }
        }
    }

    fn body(&self) -> Option<&str> {
        match self {
            Write::Discussion { body, .. }
            | Write::Draft { body, .. }
            | Write::Reply { body, .. }
            | Write::CreateNote { body }
            | Write::EditNote { body, .. }
            | Write::EditComment { body, .. } => Some(body),
            _ => None,
        }
    }

    fn summary_verb(&self) -> &'static str {
        match self {
            Write::EditNote { .. } => "updated",
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

impl Context<'_> {
    fn verb(&self, done: &'static str) -> String {
        if self.dry_run {
            format!("would have {done}")
        } else {
            done.to_owned()
        }
    }

    /// Sends a write that needs no diff refs.
    async fn apply_without_refs(&self, write: &Write<'_>) -> Result<(), Error> {
        let none = DiffRefs {
            base_sha: String::new(),
            start_sha: String::new(),
            head_sha: String::new(),
        };
        self.apply(&none, write).await
    }

    /// Sends `write`, or prints it with `--dry-run`.
    async fn apply(&self, refs: &DiffRefs, write: &Write<'_>) -> Result<(), Error> {
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
            Write::Discussion { body, position } => {
                let endpoint = discussion_endpoint(project, mr, body, refs, position)?;
                self.client.execute(&what, &endpoint).await
            }
            Write::Draft { body, position } => {
                let endpoint = CreateDraftNote {
                    project,
                    mr,
                    body,
                    refs,
                    position,
                };
                self.client.execute(&what, &endpoint).await
            }
            Write::PublishDrafts => {
                self.client
                    .execute(&what, &PublishDraftNotes { project, mr })
                    .await
            }
            Write::Reply { discussion, body } => {
                let endpoint = ReplyToDiscussion {
                    project,
                    mr,
                    discussion,
                    body,
                };
                self.client.execute(&what, &endpoint).await
            }
            Write::Resolve {
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
            Write::CreateNote { body } => {
                let endpoint = CreateMergeRequestNote::builder()
                    .project(project)
                    .merge_request(mr)
                    .body(body.as_str())
                    .build()
                    .map_err(|e| build_error(&what, e))?;
                self.client.execute(&what, &endpoint).await
            }
            Write::EditNote { note, body } | Write::EditComment { note, body } => {
                let endpoint = EditMergeRequestNote::builder()
                    .project(project)
                    .merge_request(mr)
                    .note(*note)
                    .body(body.as_str())
                    .build()
                    .map_err(|e| build_error(&what, e))?;
                self.client.execute(&what, &endpoint).await
            }
            Write::DeleteNote { note } => {
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

fn build_error(what: &str, err: impl std::fmt::Display) -> Error {
    Error::Transport {
        what: what.to_owned(),
        message: format!("cannot build the request: {err}"),
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
    let text = text.build().map_err(|e| build_error(what, e))?;
    let position = Position::builder()
        .base_sha(refs.base_sha.as_str())
        .start_sha(refs.start_sha.as_str())
        .head_sha(refs.head_sha.as_str())
        .text_position(text)
        .build()
        .map_err(|e| build_error(what, e))?;
    CreateMergeRequestDiscussion::builder()
        .project(project)
        .merge_request(mr)
        .body(body)
        .position(position)
        .build()
        .map_err(|e| build_error(what, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_url_comes_from_the_merge_request_url() {
        assert_eq!(
            project_url("https://gitlab.com/g/sub/p/-/merge_requests/12").as_deref(),
            Some("https://gitlab.com/g/sub/p")
        );
        assert_eq!(project_url("https://gitlab.com/g/p"), None);
    }

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
