//! Re-runs: which of the bot's threads to leave, resolve or reopen, which findings get a
//! new inline discussion, and which note is the bot's summary. Pure functions over what
//! GitLab returned, so every rule of the issue is a unit test.
//!
//! A thread is the bot's when its first note carries a fingerprint marker and was written
//! by the token's user or by another bot user (a rotated token: project and group access
//! token users are bots, named `project_<id>_bot…`/`group_<id>_bot…`). Threads people
//! started are never touched, whatever they contain.

use std::collections::HashSet;

use crate::report::mr_comment::{self, FIXED_MARKER};

use super::types::{Discussion, Note, User};

/// True when `author` is the token's user or another bot user.
pub fn is_bot_author(author: &User, me: Option<&User>) -> bool {
    me.is_some_and(|me| me.id == author.id) || author.bot || looks_like_token_user(&author.username)
}

/// `project_123_bot`, `project_123_bot_4f…`, `group_9_bot_…`: GitLab's names for access
/// token users.
fn looks_like_token_user(username: &str) -> bool {
    ["project_", "group_"].iter().any(|prefix| {
        username.strip_prefix(prefix).is_some_and(|rest| {
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            digits > 0 && rest[digits..].starts_with("_bot")
        })
    })
}

/// One of the bot's inline threads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BotThread {
    pub discussion_id: String,
    pub fingerprint: String,
    pub resolved: bool,
    /// The file the thread is on (new path).
    pub path: Option<String>,
    /// The last note is the bot's "fixed" reply (so the bot resolved it, not a person).
    pub closed_by_bot: bool,
    /// The thread's first note (the bot's comment): id and body.
    pub first_note: u64,
    pub body: String,
    /// Someone other than a bot wrote in it.
    pub replied: bool,
}

/// The bot's inline threads among `discussions`.
pub fn bot_threads(discussions: &[Discussion], me: Option<&User>) -> Vec<BotThread> {
    discussions
        .iter()
        .filter(|d| !d.individual_note)
        .filter_map(|d| {
            let notes: Vec<&Note> = d.notes.iter().filter(|n| !n.system).collect();
            let first = *notes.first()?;
            let last = *notes.last()?;
            if !first.resolvable || !is_bot_author(&first.author, me) {
                return None;
            }
            let fingerprint = mr_comment::fingerprint_in(&first.body)?.to_owned();
            Some(BotThread {
                discussion_id: d.id.clone(),
                fingerprint,
                resolved: notes.iter().filter(|n| n.resolvable).all(|n| n.resolved),
                path: first.position.as_ref().and_then(|p| p.new_path.clone()),
                closed_by_bot: is_bot_author(&last.author, me) && last.body.contains(FIXED_MARKER),
                first_note: first.id,
                body: first.body.clone(),
                replied: notes.iter().any(|n| !is_bot_author(&n.author, me)),
            })
        })
        .collect()
}

/// One thread per fingerprint, the one later runs work with: the first open thread, else
/// the first thread (GitLab lists discussions oldest first). The others are duplicates
/// two pipelines posted at once (see [`duplicate_threads`]).
pub fn canonical(threads: Vec<BotThread>) -> Vec<BotThread> {
    let mut kept: Vec<BotThread> = Vec::new();
    for thread in threads {
        match kept
            .iter_mut()
            .find(|k| k.fingerprint == thread.fingerprint)
        {
            Some(k) if k.resolved && !thread.resolved => *k = thread,
            Some(_) => {}
            None => kept.push(thread),
        }
    }
    kept
}

/// Open threads whose fingerprint already has an earlier open thread.
pub fn duplicate_threads(threads: &[BotThread]) -> Vec<&BotThread> {
    let mut seen = HashSet::new();
    threads
        .iter()
        .filter(|t| !t.resolved)
        .filter(|t| !seen.insert(t.fingerprint.as_str()))
        .collect()
}

/// A finding that can be placed inline: its index in the run and its fingerprint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate<'a> {
    pub index: usize,
    pub fingerprint: &'a str,
    /// A body kept current: an existing thread whose first note differs is edited.
    pub body: Option<&'a str>,
}

/// Why a thread is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// The file was checked and the finding is gone.
    Fixed,
    /// The file is no longer part of the merge request's changes.
    FileNoLongerChanged,
}

/// A change to an existing thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ThreadAction {
    /// Reply (unless the bot's reply is already the last note) and resolve.
    Resolve {
        discussion_id: String,
        resolution: Resolution,
        reply: bool,
    },
    /// The finding came back after the bot resolved the thread: reply and reopen.
    Reopen { discussion_id: String },
    /// The thread's comment lists what is open, which changed: edit it in place.
    Edit {
        discussion_id: String,
        note_id: u64,
        body: String,
    },
}

/// What to do on this run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    /// Findings (indices) to post as new inline discussions, in order.
    pub create: Vec<usize>,
    /// Findings that already have a bot thread (open, reopened, or resolved by a person).
    pub existing: Vec<usize>,
    /// Findings over the `--max-inline` limit.
    pub over_limit: Vec<usize>,
    /// Findings whose fingerprint another candidate of this run already uses.
    pub duplicates: Vec<usize>,
    pub actions: Vec<ThreadAction>,
}

/// Plans the run: `candidates` can go inline; `present` are the fingerprints of every
/// finding of this run (inline or not); `checked` the paths checked on this run.
pub fn plan(
    threads: &[BotThread],
    candidates: &[Candidate<'_>],
    present: &HashSet<&str>,
    checked: &HashSet<&str>,
    max_new: usize,
) -> Plan {
    let mut plan = Plan::default();
    let mut seen = HashSet::new();
    for candidate in candidates {
        if !seen.insert(candidate.fingerprint) {
            plan.duplicates.push(candidate.index);
        } else if let Some(thread) = threads
            .iter()
            .find(|t| t.fingerprint == candidate.fingerprint)
        {
            plan.existing.push(candidate.index);
            if let Some(body) = candidate
                .body
                .filter(|b| b.trim_end() != thread.body.trim_end())
            {
                plan.actions.push(ThreadAction::Edit {
                    discussion_id: thread.discussion_id.clone(),
                    note_id: thread.first_note,
                    body: body.to_owned(),
                });
            }
        } else if plan.create.len() < max_new {
            plan.create.push(candidate.index);
        } else {
            plan.over_limit.push(candidate.index);
        }
    }
    for thread in threads {
        let found = present.contains(thread.fingerprint.as_str());
        if found && thread.resolved && thread.closed_by_bot {
            plan.actions.push(ThreadAction::Reopen {
                discussion_id: thread.discussion_id.clone(),
            });
        } else if !found && !thread.resolved {
            let still_checked = thread.path.as_deref().is_none_or(|p| checked.contains(p));
            plan.actions.push(ThreadAction::Resolve {
                discussion_id: thread.discussion_id.clone(),
                resolution: if still_checked {
                    Resolution::Fixed
                } else {
                    Resolution::FileNoLongerChanged
                },
                reply: !thread.closed_by_bot,
            });
        }
    }
    plan
}

/// The summary notes found on the merge request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SummaryNotes {
    /// The token user's summary (the oldest): id and body.
    pub mine: Option<(u64, String)>,
    /// Later summaries of the token user nobody replied to (safe to delete).
    pub duplicates: Vec<u64>,
    /// Summaries written by another bot user (e.g. before the token was rotated).
    pub foreign: usize,
}

/// Finds the bot's summary notes (first notes carrying the summary marker).
pub fn find_summaries(discussions: &[Discussion], me: Option<&User>) -> SummaryNotes {
    let mut found = SummaryNotes::default();
    for discussion in discussions {
        let Some(first) = discussion.notes.iter().find(|n| !n.system) else {
            continue;
        };
        if !mr_comment::is_summary(&first.body) || !is_bot_author(&first.author, me) {
            continue;
        }
        let mine = me.is_some_and(|me| me.id == first.author.id);
        match (&found.mine, mine) {
            (None, true) => found.mine = Some((first.id, first.body.clone())),
            (Some(_), true) if discussion.notes.len() == 1 => found.duplicates.push(first.id),
            (Some(_), true) => {}
            (_, false) => found.foreign += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gitlab::types::NotePosition;
    use crate::report::mr_comment::{SUMMARY_MARKER, fingerprint_marker};

    fn user(id: u64, name: &str) -> User {
        User {
            id,
            username: name.into(),
            bot: false,
        }
    }

    fn note(id: u64, author: User, body: &str, resolved: bool) -> Note {
        Note {
            id,
            body: body.into(),
            author,
            system: false,
            resolvable: true,
            resolved,
            position: Some(NotePosition {
                new_path: Some("README.md".into()),
                old_path: None,
                new_line: Some(3),
                old_line: None,
            }),
        }
    }

    fn thread(id: &str, notes: Vec<Note>) -> Discussion {
        Discussion {
            id: id.into(),
            individual_note: false,
            notes,
        }
    }

    const ME: u64 = 7;

    fn me() -> User {
        user(ME, "project_5_bot_abc")
    }

    fn body(fp: &str) -> String {
        format!("finding\n{}", fingerprint_marker(fp))
    }

    #[test]
    fn own_old_bot_and_people_threads_are_told_apart() {
        let discussions = vec![
            thread("a", vec![note(1, me(), &body("f1"), false)]),
            thread(
                "b",
                vec![note(2, user(8, "project_5_bot_old"), &body("f2"), true)],
            ),
            thread("c", vec![note(3, user(9, "alice"), &body("f3"), false)]),
        ];
        let threads = bot_threads(&discussions, Some(&me()));
        let ids: Vec<&str> = threads.iter().map(|t| t.discussion_id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert!(threads[1].resolved);
    }

    fn open(fp: &str) -> BotThread {
        BotThread {
            discussion_id: format!("d-{fp}"),
            fingerprint: fp.into(),
            resolved: false,
            path: Some("README.md".into()),
            closed_by_bot: false,
            first_note: 1,
            body: body(fp),
            replied: false,
        }
    }

    #[test]
    fn known_findings_are_not_posted_again_and_gone_ones_are_resolved() {
        let threads = [open("keep"), open("gone")];
        let candidates = [
            Candidate {
                index: 0,
                fingerprint: "keep",
                body: None,
            },
            Candidate {
                index: 1,
                fingerprint: "new",
                body: None,
            },
        ];
        let present = HashSet::from(["keep", "new"]);
        let checked = HashSet::from(["README.md"]);
        let plan = plan(&threads, &candidates, &present, &checked, 25);
        assert_eq!(plan.create, [1]);
        assert_eq!(plan.existing, [0]);
        assert_eq!(
            plan.actions,
            [ThreadAction::Resolve {
                discussion_id: "d-gone".into(),
                resolution: Resolution::Fixed,
                reply: true
            }]
        );
    }

    #[test]
    fn a_finding_that_came_back_reopens_only_a_thread_the_bot_resolved() {
        let mut by_bot = open("back");
        by_bot.resolved = true;
        by_bot.closed_by_bot = true;
        let mut by_person = open("wontfix");
        by_person.resolved = true;
        let present = HashSet::from(["back", "wontfix"]);
        let plan = plan(&[by_bot, by_person], &[], &present, &HashSet::new(), 25);
        assert_eq!(
            plan.actions,
            [ThreadAction::Reopen {
                discussion_id: "d-back".into()
            }]
        );
    }

    #[test]
    fn limits_duplicates_and_files_no_longer_changed() {
        let candidates = [
            Candidate {
                index: 0,
                fingerprint: "a",
                body: None,
            },
            Candidate {
                index: 1,
                fingerprint: "a",
                body: None,
            },
            Candidate {
                index: 2,
                fingerprint: "b",
                body: None,
            },
        ];
        let mut stale = open("old");
        stale.closed_by_bot = true;
        let plan = plan(
            &[stale],
            &candidates,
            &HashSet::from(["a", "b"]),
            &HashSet::new(),
            1,
        );
        assert_eq!(
            (plan.create, plan.duplicates, plan.over_limit),
            (vec![0], vec![1], vec![2])
        );
        assert_eq!(
            plan.actions,
            [ThreadAction::Resolve {
                discussion_id: "d-old".into(),
                resolution: Resolution::FileNoLongerChanged,
                reply: false
            }]
        );
    }

    #[test]
    fn a_fingerprint_keeps_its_first_open_thread_and_the_other_open_ones_are_duplicates() {
        let mut resolved = open("x");
        resolved.discussion_id = "old".into();
        resolved.resolved = true;
        let mut first = open("x");
        first.discussion_id = "first".into();
        let mut second = open("x");
        second.discussion_id = "second".into();
        let threads = vec![resolved, first, second, open("y")];
        let ids = |ts: Vec<&BotThread>| -> Vec<String> {
            ts.into_iter().map(|t| t.discussion_id.clone()).collect()
        };
        assert_eq!(ids(duplicate_threads(&threads)), ["second"]);
        let kept = canonical(threads);
        assert_eq!(ids(kept.iter().collect()), ["first", "d-y"]);
    }

    #[test]
    fn a_changed_list_of_open_questions_edits_the_thread() {
        let threads = [open("q")];
        let candidates = [Candidate {
            index: 0,
            fingerprint: "q",
            body: Some("new list"),
        }];
        let plan = plan(
            &threads,
            &candidates,
            &HashSet::from(["q"]),
            &HashSet::new(),
            25,
        );
        assert_eq!(
            plan.actions,
            [ThreadAction::Edit {
                discussion_id: "d-q".into(),
                note_id: 1,
                body: "new list".into()
            }]
        );
        let same = [Candidate {
            index: 0,
            fingerprint: "q",
            body: Some(threads[0].body.as_str()),
        }];
        let plan = super::plan(&threads, &same, &HashSet::from(["q"]), &HashSet::new(), 25);
        assert!(plan.actions.is_empty(), "{plan:?}");
    }

    #[test]
    fn summaries_mine_duplicates_and_foreign() {
        let summary = format!("{SUMMARY_MARKER}\nx");
        let individual = |id: u64, author: User| Discussion {
            id: id.to_string(),
            individual_note: true,
            notes: vec![note(id, author, &summary, false)],
        };
        let discussions = vec![
            individual(1, user(8, "group_2_bot_x")),
            individual(2, me()),
            individual(3, me()),
            individual(4, user(9, "mallory")),
        ];
        let found = find_summaries(&discussions, Some(&me()));
        assert_eq!(found.mine.map(|m| m.0), Some(2));
        assert_eq!(found.duplicates, [3]);
        assert_eq!(found.foreign, 1);
        assert!(!looks_like_token_user("project_bot"));
        assert!(looks_like_token_user("project_12_bot"));
    }
}
