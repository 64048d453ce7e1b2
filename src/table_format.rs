//! `ase-lint fmt`: aligns the ASE table's pipes and padding.
//!
//! Only the table's lines change, and within them only the padding around cells: every
//! cell's content is kept byte for byte, and so is everything outside the table. Widths
//! are display widths, so tables with non-ASCII names stay aligned. Formatting is
//! idempotent: formatting a formatted table changes nothing.

use unicode_width::UnicodeWidthStr;

use crate::config::Settings;
use crate::parse::readme::{self, split_raw_cells};
use crate::source::SourceFile;

/// Column alignment taken from the separator row (`:--`, `:-:`, `--:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    None,
    Left,
    Center,
    Right,
}

/// Formats the ASE table of `text`; `None` when the text has no ASE table.
pub fn format_readme(text: &str, settings: &Settings) -> Option<String> {
    let source = SourceFile::new("README.md", text);
    let doc = readme::parse(source.clone(), settings, false);
    let table = doc.table?;
    let first = table.header.line;
    let last = table.rows.last().map_or(first + 1, |r| r.line);
    let lines: Vec<&str> = (first..=last).map(|l| source.line_text(l)).collect();
    let formatted = format_table_lines(&lines);
    let start = source.line_start(first);
    let end = source.line_span(last).end;
    let ending = if text.contains("\r\n") { "\r\n" } else { "\n" };
    Some(format!(
        "{}{}{}",
        &source.text[..start],
        formatted.join(ending),
        &source.text[end..]
    ))
}

/// Formats consecutive table lines (header, separator, rows) as aligned lines.
fn format_table_lines(lines: &[&str]) -> Vec<String> {
    let indent: String = lines
        .first()
        .map(|l| l.chars().take_while(|c| c.is_whitespace()).collect())
        .unwrap_or_default();
    let rows: Vec<Vec<&str>> = lines
        .iter()
        .map(|l| split_raw_cells(l).into_iter().map(str::trim).collect())
        .collect();
    let aligns: Vec<Align> = rows
        .get(1)
        .map_or_else(Vec::new, |sep| sep.iter().map(|c| alignment(c)).collect());
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .enumerate()
                .filter(|(r, _)| *r != 1)
                .filter_map(|(_, row)| row.get(i))
                .map(|c| c.width())
                .max()
                .unwrap_or(0)
                .max(3)
        })
        .collect();
    rows.iter()
        .enumerate()
        .map(|(r, row)| {
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(i, cell)| {
                    let align = aligns.get(i).copied().unwrap_or(Align::None);
                    if r == 1 {
                        separator(widths[i], align)
                    } else {
                        pad(cell, widths[i], align)
                    }
                })
                .collect();
            format!("{indent}| {} |", cells.join(" | "))
        })
        .collect()
}

fn alignment(separator: &str) -> Align {
    match (
        separator.starts_with(':'),
        separator.ends_with(':') && separator.len() > 1,
    ) {
        (true, true) => Align::Center,
        (true, false) => Align::Left,
        (false, true) => Align::Right,
        (false, false) => Align::None,
    }
}

fn separator(width: usize, align: Align) -> String {
    let dashes = |n: usize| "-".repeat(n);
    match align {
        Align::None => dashes(width),
        Align::Left => format!(":{}", dashes(width - 1)),
        Align::Right => format!("{}:", dashes(width - 1)),
        Align::Center => format!(":{}:", dashes(width - 2)),
    }
}

fn pad(cell: &str, width: usize, align: Align) -> String {
    let gap = width.saturating_sub(cell.width());
    match align {
        Align::Right => format!("{}{cell}", " ".repeat(gap)),
        Align::Center => format!("{}{cell}{}", " ".repeat(gap / 2), " ".repeat(gap - gap / 2)),
        Align::None | Align::Left => format!("{cell}{}", " ".repeat(gap)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MESSY: &str = "# ASE\n\nSome *prose* | with a pipe.\n\n|Account|ASE|Region|Links|\n|:--|---|:-:|--:|\n| Zürich AG |  Jill  |EMEA| [SF](https://x) \\| [Note](https://y) |\n|Acme|Bob|AMER||\n\nAfter.\n";

    fn fmt(text: &str) -> String {
        format_readme(text, &Settings::defaults()).unwrap_or_else(|| panic!("no table"))
    }

    #[test]
    fn aligns_pipes_and_keeps_everything_else() {
        let out = fmt(MESSY);
        let expected = "# ASE\n\nSome *prose* | with a pipe.\n\n| Account   | ASE  | Region |                                Links |\n| :-------- | ---- | :----: | -----------------------------------: |\n| Zürich AG | Jill |  EMEA  | [SF](https://x) \\| [Note](https://y) |\n| Acme      | Bob  |  AMER  |                                      |\n\nAfter.\n";
        assert_eq!(out, expected);
    }

    #[test]
    fn formatting_twice_is_formatting_once() {
        let once = fmt(MESSY);
        assert_eq!(fmt(&once), once);
    }

    #[test]
    fn cell_contents_survive_byte_for_byte() {
        let out = fmt(MESSY);
        for cell in ["Zürich AG", "[SF](https://x) \\| [Note](https://y)", "EMEA"] {
            assert!(out.contains(cell), "{cell} lost: {out}");
        }
    }

    #[test]
    fn wide_characters_use_display_width() {
        let out =
            fmt("| Account | ASE | Links |\n|---|---|---|\n| 株式会社 | a | b |\n| x | y | z |\n");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2].width(), lines[3].width(), "{out}");
    }

    #[test]
    fn crlf_files_keep_crlf() {
        let out = fmt("| Account | ASE | Links |\r\n|---|---|---|\r\n| a | b | c |\r\n");
        assert!(out.lines().all(|l| !l.is_empty()));
        assert_eq!(out.matches("\r\n").count(), 3, "{out:?}");
    }

    #[test]
    fn no_table_no_change() {
        assert_eq!(format_readme("# Hi\n", &Settings::defaults()), None);
    }
}
