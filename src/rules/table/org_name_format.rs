//! `table/org-name-format`: Zendesk Org Name is not `<8 lowercase hex> <account name>`.

use crate::declare_rule;
use crate::model::{AseTable, Cell, Column, Row};
use crate::rules::util;
use crate::rules::{Rule, RuleContext};
use crate::source::Span;

/// Hex digits in the prefix of a Zendesk organization name.
const PREFIX_LEN: usize = 8;

declare_rule! {
    /// ## What it does
    /// Checks that the Zendesk Org Name is written as Zendesk names the organization: eight
    /// lowercase hexadecimal digits, a space, then the Salesforce account name
    /// (`f6438d0c Acme Corp`). It says what is off: uppercase hex digits (with a fix),
    /// a prefix that is not eight digits long, a separator other than a space, a prefix
    /// at the end instead of the start, no prefix, or no name after the prefix.
    ///
    /// ## Why is this bad?
    /// The org name is how people find the organization in Zendesk; the hex prefix is
    /// what tells apart accounts with similar names. A name that does not match Zendesk's
    /// finds nothing, or the wrong customer.
    ///
    /// ## Example
    /// ```markdown
    /// | Acme | Jill Doe | AMER | … | | F6438D0C Acme Corp | 361092349520 | 370415907240 |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | Acme | Jill Doe | AMER | … | | f6438d0c Acme Corp | 361092349520 | 370415907240 |
    /// ```
    pub OrgNameFormat, name = "table/org-name-format", severity = Warning,
    summary = "Zendesk Org Name is not `<8 lowercase hex> <account name>`"
}

impl Rule for OrgNameFormat {
    fn check_table(&self, table: &AseTable, cx: &mut RuleContext<'_>) {
        for (row, cell) in util::filled_cells(table, Column::OrgName) {
            check(table, row, cell, cx);
        }
    }
}

/// What is wrong with an org name.
#[derive(Debug, PartialEq, Eq)]
enum Problem {
    Uppercase { prefix: String },
    Length { prefix: String },
    Separator { prefix: String, separator: char },
    AtEnd { prefix: String },
    NoPrefix,
    NoName { prefix: String },
}

fn check(table: &AseTable, row: &Row, cell: &Cell, cx: &mut RuleContext<'_>) {
    let value = util::value(cell);
    let Some(problem) = problem(&value) else {
        return;
    };
    let (message, help) = describe(&problem, &value);
    let fix = fix(&problem, cell, cx);
    let diagnostic = cx
        .report(cell.span.clone(), message)
        .label("expected `<8 lowercase hex> <account name>`")
        .help(help)
        .key(util::cell_key(table, row, Column::OrgName));
    if let Some((span, replacement)) = fix {
        diagnostic.fix(span, replacement);
    }
}

fn problem(value: &str) -> Option<Problem> {
    let (first, rest) = value.split_once(char::is_whitespace).unwrap_or((value, ""));
    let rest = rest.trim();
    if is_hex(first) && first.len() == PREFIX_LEN {
        let prefix = first.to_owned();
        return if first.chars().any(|c| c.is_ascii_uppercase()) {
            Some(Problem::Uppercase { prefix })
        } else if rest.is_empty() {
            Some(Problem::NoName { prefix })
        } else {
            None
        };
    }
    if let Some(problem) = glued_prefix(value) {
        return Some(problem);
    }
    if looks_like_prefix(first) && !rest.is_empty() {
        return Some(Problem::Length {
            prefix: first.to_owned(),
        });
    }
    let last = value.rsplit(char::is_whitespace).next().unwrap_or("");
    if last.len() == PREFIX_LEN && is_hex(last) && last != value {
        return Some(Problem::AtEnd {
            prefix: last.to_owned(),
        });
    }
    Some(Problem::NoPrefix)
}

/// `f6438d0c-Acme`, `f6438d0cAcme`: eight lowercase hex digits followed by something
/// other than a space (and other than a ninth hex digit, which is a length problem).
fn glued_prefix(value: &str) -> Option<Problem> {
    let prefix = value.get(..PREFIX_LEN)?;
    let separator = value[PREFIX_LEN..].chars().next()?;
    let lowercase_hex = |c: char| c.is_ascii_digit() || ('a'..='f').contains(&c);
    let glued = !separator.is_whitespace() && !lowercase_hex(separator);
    (is_hex(prefix) && glued).then(|| Problem::Separator {
        prefix: prefix.to_owned(),
        separator,
    })
}

fn is_hex(text: &str) -> bool {
    !text.is_empty() && text.chars().all(|c| c.is_ascii_hexdigit())
}

/// A first word that is meant as the prefix: hex with a digit in it (`f6438d0`), not an
/// ordinary word that happens to be hex (`Cafe`).
fn looks_like_prefix(word: &str) -> bool {
    is_hex(word) && word.chars().any(|c| c.is_ascii_digit())
}

fn describe(problem: &Problem, value: &str) -> (String, String) {
    let shape = "Zendesk names organizations `<8 lowercase hex digits> <account name>`, e.g. `f6438d0c Acme Corp`; copy the name from Zendesk";
    match problem {
        Problem::Uppercase { prefix } => (
            format!("the org name's prefix `{prefix}` has uppercase letters"),
            format!("write it in lowercase: `{}`", prefix.to_ascii_lowercase()),
        ),
        Problem::Length { prefix } => (
            format!(
                "the org name's prefix `{prefix}` has {} hex digits, not {PREFIX_LEN}",
                prefix.len()
            ),
            format!("a digit was lost or added; {shape}"),
        ),
        Problem::Separator { prefix, separator } => (
            format!("the org name's prefix `{prefix}` is followed by `{separator}`, not a space"),
            "separate the prefix from the account name with one space".to_owned(),
        ),
        Problem::AtEnd { prefix } => (
            format!("the org name's hex prefix `{prefix}` is at the end, not the start"),
            shape.to_owned(),
        ),
        Problem::NoPrefix => (
            format!("the org name `{value}` has no 8-digit hex prefix"),
            shape.to_owned(),
        ),
        Problem::NoName { prefix } => (
            format!("the org name has only its prefix `{prefix}`, no account name"),
            shape.to_owned(),
        ),
    }
}

/// A mechanical fix, when the problem has one and its text can be found in the source.
fn fix(problem: &Problem, cell: &Cell, cx: &RuleContext<'_>) -> Option<(Span, String)> {
    match problem {
        Problem::Uppercase { prefix } => {
            let span = util::locate(cx.source, &cell.span, prefix)?;
            Some((span, prefix.to_ascii_lowercase()))
        }
        Problem::Separator { prefix, separator } => {
            let glued = format!("{prefix}{separator}");
            let span = util::locate(cx.source, &cell.span, &glued)?;
            let replacement = if separator.is_alphanumeric() {
                format!("{prefix} {separator}")
            } else {
                format!("{prefix} ")
            };
            Some((span, replacement))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{lint_readme, only};

    #[test]
    fn problems_are_told_apart() {
        let p = |v: &str| problem(v);
        assert_eq!(p("f6438d0c Acme Corp"), None);
        assert_eq!(p("deadbeef Beef Inc."), None);
        assert_eq!(
            p("F6438D0C Acme"),
            Some(Problem::Uppercase {
                prefix: "F6438D0C".into()
            })
        );
        assert_eq!(
            p("f6438d0 Acme"),
            Some(Problem::Length {
                prefix: "f6438d0".into()
            })
        );
        assert_eq!(
            p("f6438d0c-Acme"),
            Some(Problem::Separator {
                prefix: "f6438d0c".into(),
                separator: '-'
            })
        );
        assert_eq!(
            p("Acme Corp f6438d0c"),
            Some(Problem::AtEnd {
                prefix: "f6438d0c".into()
            })
        );
        assert_eq!(
            p("f6438d0cAcme"),
            Some(Problem::Separator {
                prefix: "f6438d0c".into(),
                separator: 'A'
            })
        );
        assert_eq!(p("Cafe Corp"), Some(Problem::NoPrefix));
        assert_eq!(p("Acme"), Some(Problem::NoPrefix));
        assert_eq!(
            p("f6438d0c"),
            Some(Problem::NoName {
                prefix: "f6438d0c".into()
            })
        );
    }

    #[test]
    fn uppercase_prefix_gets_a_lowercase_fix_on_the_prefix() {
        let text = "| Account | ASE | Zendesk Org Name |\n|---|---|---|\n| Acme | Jill | **F6438D0C** Acme Corp |\n";
        let d = lint_readme(text, true);
        let found = only(&d, "table/org-name-format");
        assert_eq!(found.len(), 1);
        let start = text.find("F6438D0C").unwrap_or_default();
        assert_eq!(
            found[0].fix,
            Some(crate::diagnostic::Fix {
                span: start..start + 8,
                replacement: "f6438d0c".into()
            })
        );
        assert_eq!((found[0].start.line, found[0].start.column), (3, 17));
    }
}
