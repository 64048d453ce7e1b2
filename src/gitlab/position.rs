//! Where a finding can be commented inline: the filter modes and GitLab's position rules
//! (an added line gets `new_line` only, an unchanged line `old_line` and `new_line`).

use clap::ValueEnum;

use super::diff::{DiffLines, LineKind};
use super::types::DiffFile;

/// Which findings may become inline discussions (the rest go to the summary note).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Filter {
    /// Only findings on lines the merge request adds.
    Added,
    /// Findings on added lines and on the unchanged lines the diff shows around them.
    #[value(name = "diff_context", alias = "diff-context")]
    DiffContext,
    /// Findings anywhere in a changed file.
    File,
    /// Every file in the working tree is checked; findings in changed files are placed
    /// inline where GitLab allows, everything else goes to the summary.
    #[value(name = "nofilter", alias = "no-filter")]
    NoFilter,
}

/// A changed file of the merge request, with its line map when the diff could be read.
#[derive(Debug, Clone)]
pub struct ChangedFile {
    pub old_path: String,
    pub new_path: String,
    pub new_file: bool,
    pub renamed: bool,
    pub deleted: bool,
    /// The new file's git mode as GitLab gives it (`b_mode`), if it does.
    pub new_mode: Option<String>,
    /// `None` when GitLab left the diff out (too large, collapsed) or it was unreadable.
    pub lines: Option<DiffLines>,
    /// The unified diff's text, when `lines` could be read from it.
    pub diff: Option<String>,
}

impl ChangedFile {
    /// Builds the file from the API's entry; an unreadable diff leaves `lines` empty.
    pub fn from_api(file: &DiffFile) -> Self {
        let excluded = file.too_large == Some(true) || file.collapsed == Some(true);
        let lines = if excluded || (file.diff.is_empty() && !file.deleted_file) {
            None
        } else {
            DiffLines::parse(&file.diff).ok()
        };
        Self {
            old_path: file.old_path.clone(),
            new_path: file.new_path.clone(),
            new_file: file.new_file,
            renamed: file.renamed_file,
            deleted: file.deleted_file,
            new_mode: file.b_mode.clone(),
            diff: lines.as_ref().map(|_| file.diff.clone()),
            lines,
        }
    }
}

/// A line position for an inline discussion (the shas are added when posting).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinePosition {
    pub old_path: String,
    pub new_path: String,
    pub old_line: Option<u32>,
    pub new_line: u32,
}

/// Why a finding is not commented inline (shown in the summary).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotInline {
    /// The file is not part of the merge request's changes.
    FileNotChanged,
    /// The line is not one the merge request adds (`--filter added`).
    NotAdded,
    /// The line is outside the diff's hunks.
    OutsideDiff,
    /// GitLab left the file's diff out (too large or collapsed).
    DiffUnavailable,
    /// GitLab refused the position (400 `line_code`).
    Refused,
    /// `--max-inline` new discussions were already posted.
    MaxInline,
    /// The same finding already has an inline discussion.
    Duplicate,
    /// Posting the comment failed (see the job log).
    Failed,
    /// The finding is already on the target branch (the merge request did not add it).
    AlreadyOnTarget,
}

impl NotInline {
    /// A short explanation for the summary note.
    pub fn describe(self) -> &'static str {
        match self {
            NotInline::FileNotChanged => "file not changed in this merge request",
            NotInline::NotAdded => "line not added by this merge request",
            NotInline::OutsideDiff => "line outside the diff",
            NotInline::DiffUnavailable => "GitLab did not provide the file's diff",
            NotInline::Refused => "GitLab did not accept a comment on this line",
            NotInline::MaxInline => "over the --max-inline limit",
            NotInline::Duplicate => "same finding as another inline comment",
            NotInline::Failed => "posting the comment failed (see the job log)",
            NotInline::AlreadyOnTarget => "already on the target branch",
        }
    }
}

/// The position of a finding on new-file `line` of `file` under `filter`.
pub fn position_for(
    file: &ChangedFile,
    line: u32,
    filter: Filter,
) -> Result<LinePosition, NotInline> {
    if file.deleted {
        return Err(NotInline::FileNotChanged);
    }
    let lines = file.lines.as_ref().ok_or(NotInline::DiffUnavailable)?;
    let old_line = match lines.kind(line) {
        Some(LineKind::Added) => None,
        Some(LineKind::Context { old_line }) if filter != Filter::Added => Some(old_line),
        Some(LineKind::Context { .. }) => return Err(NotInline::NotAdded),
        None if matches!(filter, Filter::File | Filter::NoFilter) && !file.new_file => Some(
            lines
                .old_line_between_hunks(line)
                .ok_or(NotInline::OutsideDiff)?,
        ),
        None if filter == Filter::Added => return Err(NotInline::NotAdded),
        None => return Err(NotInline::OutsideDiff),
    };
    let old_path = if file.new_file {
        file.new_path.clone()
    } else {
        file.old_path.clone()
    };
    Ok(LinePosition {
        old_path,
        new_path: file.new_path.clone(),
        old_line,
        new_line: line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn changed(old: &str, new: &str, diff: &str, new_file: bool) -> ChangedFile {
        ChangedFile::from_api(&DiffFile {
            old_path: old.into(),
            new_path: new.into(),
            diff: diff.into(),
            new_file,
            renamed_file: old != new,
            deleted_file: false,
            too_large: None,
            collapsed: None,
            b_mode: None,
        })
    }

    const DIFF: &str = "@@ -1,3 +1,4 @@\n a\n+b\n c\n d\n";

    #[test]
    fn added_lines_get_new_line_only() {
        let file = changed("R.md", "R.md", DIFF, false);
        let pos = position_for(&file, 2, Filter::Added).unwrap();
        assert_eq!((pos.old_line, pos.new_line), (None, 2));
    }

    #[test]
    fn context_lines_get_both_lines_unless_only_added_lines_are_wanted() {
        let file = changed("R.md", "R.md", DIFF, false);
        assert_eq!(
            position_for(&file, 3, Filter::Added),
            Err(NotInline::NotAdded)
        );
        let pos = position_for(&file, 3, Filter::DiffContext).unwrap();
        assert_eq!((pos.old_line, pos.new_line), (Some(2), 3));
    }

    #[test]
    fn lines_outside_the_hunks_only_with_file_filters() {
        let file = changed("R.md", "R.md", DIFF, false);
        assert_eq!(
            position_for(&file, 9, Filter::DiffContext),
            Err(NotInline::OutsideDiff)
        );
        assert_eq!(
            position_for(&file, 9, Filter::Added),
            Err(NotInline::NotAdded)
        );
        let pos = position_for(&file, 9, Filter::File).unwrap();
        assert_eq!((pos.old_line, pos.new_line), (Some(8), 9));
    }

    #[test]
    fn renamed_files_keep_the_old_path_and_new_files_repeat_the_new_one() {
        let renamed = changed("old/1.yaml", "organizations/1.yaml", DIFF, false);
        let pos = position_for(&renamed, 2, Filter::Added).unwrap();
        assert_eq!(
            (pos.old_path.as_str(), pos.new_path.as_str()),
            ("old/1.yaml", "organizations/1.yaml")
        );
        let new = changed(
            "organizations/2.yaml",
            "organizations/2.yaml",
            "@@ -0,0 +1,2 @@\n+a\n+b\n",
            true,
        );
        assert_eq!(position_for(&new, 2, Filter::File).unwrap().old_line, None);
        assert_eq!(
            position_for(&new, 3, Filter::File),
            Err(NotInline::OutsideDiff)
        );
    }

    #[test]
    fn a_left_out_diff_is_reported_as_such() {
        let mut file = changed("R.md", "R.md", "", false);
        file.lines = None;
        assert_eq!(
            position_for(&file, 1, Filter::File),
            Err(NotInline::DiffUnavailable)
        );
    }
}
