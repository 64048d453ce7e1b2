//! Publishing a run on the merge request: new inline discussions (or one review of draft
//! notes), replies that resolve or reopen the bot's threads, and the summary note edited
//! in place. With `--dry-run` every write is printed instead of sent.
//!
//! Works on [`Diagnostic`]s generically: it never looks at a rule's name.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::merge_request::MrState;
use super::position::{ChangedFile, Filter, LinePosition, NotInline, position_for};
use super::reconcile::{self, Candidate, Plan, SummaryNotes};
use super::threads::{apply_thread_actions, has_duplicates, remove_duplicates, reread};
use super::types::{DiffRefs, Discussion, User};
use super::writes::{GitlabWrite, record_failure};
use crate::diagnostic::Diagnostic;
use crate::http::bounded;
use crate::lint::LintRun;
use crate::report::mr_comment::{self, SummaryFinding, SummaryInput};
use crate::report::mr_note;
use crate::workflow::Workflow;

pub use super::writes::{PublishContext, PublishOutcome};

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
    cx: &PublishContext<'_>,
    state: &MrState,
    run: &LintRun,
    extras: &SummaryExtras,
) -> PublishOutcome {
    let mut outcome = PublishOutcome::default();
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
    cx: &PublishContext<'_>,
    refs: &DiffRefs,
    run: &LintRun,
    items: &[Item],
    create: &[usize],
    placements: &mut Placements,
    outcome: &mut PublishOutcome,
) {
    let writes: Vec<(usize, GitlabWrite<'_>)> = create
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
                GitlabWrite::Draft { body, position }
            } else {
                GitlabWrite::Discussion { body, position }
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
        && let Err(err) = cx.apply(refs, &GitlabWrite::PublishDrafts).await
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

/// Creates, edits or leaves the summary note; removes the bot's own duplicate summaries.
async fn publish_summary(
    cx: &PublishContext<'_>,
    state: &MrState,
    run: &LintRun,
    placements: &Placements,
    extras: &SummaryExtras,
    summaries: &SummaryNotes,
    outcome: &mut PublishOutcome,
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
        Some((note, _)) => Some(GitlabWrite::EditNote {
            note: *note,
            body: body.clone(),
        }),
        None if run.checked.is_empty() => None,
        None => Some(GitlabWrite::CreateNote { body: body.clone() }),
    };
    if let Some(write) = write {
        match cx.apply_without_refs(&write).await {
            Ok(()) => outcome.report.push(format!(
                "{} the summary note",
                cx.verb(write.summary_verb())
            )),
            Err(err)
                if err.status() == Some(403) && matches!(write, GitlabWrite::EditNote { .. }) =>
            {
                outcome.report.push(format!(
                    "cannot edit the earlier summary ({err}); posting a new one"
                ));
                let notice = "The earlier ase-lint summary could not be edited (403); this note replaces it.";
                let mut notices = extras.notices.clone();
                notices.push(notice.to_owned());
                let body = summary_text(cx, state, run, placements, extras, notices);
                if let Err(err) = cx
                    .apply_without_refs(&GitlabWrite::CreateNote { body })
                    .await
                {
                    record_failure(outcome, err, true);
                }
            }
            Err(err) => record_failure(outcome, err, true),
        }
    }
    for &note in &summaries.duplicates {
        if let Err(err) = cx
            .apply_without_refs(&GitlabWrite::DeleteNote { note })
            .await
        {
            outcome
                .report
                .push(format!("cannot delete a duplicate summary note: {err}"));
        }
    }
}

fn summary_text(
    cx: &PublishContext<'_>,
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
}
