//! Helpers shared by the table, id, link, cross and zendesk rules: which rows to trust,
//! what counts as an empty cell (and a column's filled cells), how names are compared, how a
//! row is identified in fingerprints, and how a piece of a cell is located in the source.

use crate::model::{AseTable, Cell, Column, Row};
use crate::source::{SourceFile, Span};

/// Values people write into a cell instead of leaving it empty; they count as empty.
const PLACEHOLDERS: [&str; 16] = [
    "-", "--", "---", "–", "—", "?", "??", "...", "…", "n/a", "na", "tbd", "tba", "todo", "none",
    "null",
];

/// Rows whose cells line up with the header.
///
/// A row with more or fewer cells than the header is `table/cell-count`'s finding; its
/// cells may sit in the wrong columns, so rules that read a cell's content skip it rather
/// than report the shifted values.
pub fn aligned_rows(table: &AseTable) -> impl Iterator<Item = &Row> {
    let width = table.header.raw_cell_count;
    table.rows.iter().filter(move |r| r.raw_cell_count == width)
}

/// The row's `column` cell when the header has the column and the cell is filled (not
/// blank, see [`is_blank`]).
pub fn filled_cell<'a>(table: &AseTable, row: &'a Row, column: Column) -> Option<&'a Cell> {
    table.cell(row, column).filter(|c| !is_blank(c))
}

/// Each aligned row (see [`aligned_rows`]) whose `column` cell is filled, with that cell.
pub fn filled_cells(table: &AseTable, column: Column) -> impl Iterator<Item = (&Row, &Cell)> {
    aligned_rows(table).filter_map(move |row| Some((row, filled_cell(table, row, column)?)))
}

/// The row's cells of the known columns present in the header, with their column.
pub fn known_cells<'a>(
    table: &'a AseTable,
    row: &'a Row,
) -> impl Iterator<Item = (Column, &'a Cell)> {
    table
        .columns
        .iter()
        .zip(&row.cells)
        .filter_map(|(column, cell)| column.map(|c| (c, cell)))
}

/// A cell's value as rules judge it: the plain text without inline HTML tags such as
/// `<br>`, whitespace trimmed.
pub fn value(cell: &Cell) -> String {
    let mut out = String::with_capacity(cell.text.len());
    let mut rest = cell.text.as_str();
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        match tail.find('>') {
            Some(close) if looks_like_tag(&tail[1..close]) => rest = &tail[close + 1..],
            _ => {
                out.push('<');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out.trim().to_owned()
}

fn looks_like_tag(inner: &str) -> bool {
    let name = inner.trim_start_matches('/');
    name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
}

/// The placeholder a cell holds instead of a value (`TBD`, `N/A`, `-`, …), if any.
pub fn placeholder(cell: &Cell) -> Option<String> {
    let value = value(cell);
    let lower = value.to_lowercase();
    PLACEHOLDERS.contains(&lower.as_str()).then_some(value)
}

/// True when a cell has no value: nothing but whitespace, HTML tags or a placeholder.
/// Empty cells are `table/empty-cell`'s findings; other rules skip them.
pub fn is_blank(cell: &Cell) -> bool {
    (value(cell).is_empty() && cell.links.is_empty()) || placeholder(cell).is_some()
}

/// A name as compared across rows: lowercase, runs of whitespace as one space, without a
/// leading `@` (so `@Jill  Doe` and `jill doe` are the same name).
pub fn normalize_name(text: &str) -> String {
    let trimmed = text.trim();
    let trimmed = trimmed.strip_prefix('@').unwrap_or(trimmed);
    trimmed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A stable identity of a row for fingerprints (no line number): its account, org name and
/// account id, as written.
pub fn row_key(table: &AseTable, row: &Row) -> String {
    [Column::Account, Column::OrgName, Column::AccountId]
        .into_iter()
        .map(|c| table.cell(row, c).map_or("", |cell| cell.text.as_str()))
        .collect::<Vec<_>>()
        .join("|")
}

/// The fingerprint key of a finding about one column of one row.
pub fn cell_key(table: &AseTable, row: &Row, column: Column) -> String {
    format!("{}@{}", column.config_key(), row_key(table, row))
}

/// Where `needle` first stands inside `within` in the source, as an absolute span.
pub fn locate(source: &SourceFile, within: &Span, needle: &str) -> Option<Span> {
    if needle.is_empty() {
        return None;
    }
    let start = source.slice(within).find(needle)? + within.start;
    Some(start..start + needle.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> Cell {
        Cell {
            span: 0..text.len(),
            raw: text.to_owned(),
            text: text.to_owned(),
            links: Vec::new(),
        }
    }

    #[test]
    fn html_tags_are_not_values() {
        assert_eq!(value(&cell("a<br>b")), "ab");
        assert_eq!(value(&cell(" <br/> ")), "");
        assert_eq!(value(&cell("1 < 2 > 0")), "1 < 2 > 0");
    }

    #[test]
    fn placeholders_and_whitespace_are_blank() {
        for text in ["", "  ", "<br>", "TBD", "n/a", "-", "—", "None"] {
            assert!(is_blank(&cell(text)), "{text:?}");
        }
        for text in ["0", "x", "Jill"] {
            assert!(!is_blank(&cell(text)), "{text:?}");
        }
    }

    #[test]
    fn names_ignore_case_spacing_and_at() {
        assert_eq!(normalize_name(" @Jill   Doe "), "jill doe");
        assert_eq!(normalize_name("jill doe"), "jill doe");
    }

    #[test]
    fn locate_finds_absolute_spans() {
        let src = SourceFile::new("a.md", "| x | ab12 |\n");
        assert_eq!(locate(&src, &(6..10), "12"), Some(8..10));
        assert_eq!(locate(&src, &(6..10), "zz"), None);
    }
}
