//! `table/cell-count`: a row has more or fewer cells than the header.

use crate::declare_rule;
use crate::model::{AseTable, Row};
use crate::parse::readme::split_raw_cells;
use crate::rules::{Rule, RuleContext};
use crate::source::Span;

declare_rule! {
    /// ## What it does
    /// Reports a table row whose number of cells differs from the header's. Cells are
    /// counted in the raw line: `|` separates cells unless escaped as `\|`.
    ///
    /// ## Why is this bad?
    /// Markdown renderers silently drop extra cells and pad short rows, so a forgotten or
    /// doubled `|` shifts ids and links into the wrong column without anyone seeing it.
    ///
    /// ## Example
    /// ```markdown
    /// | Account | ASE | Links |
    /// |---|---|---|
    /// | Acme | Jill | link | extra |
    /// ```
    /// Use instead:
    /// ```markdown
    /// | Acme | Jill | link |
    /// ```
    pub CellCount, name = "table/cell-count", severity = Error,
    summary = "A table row has more or fewer cells than the header"
}

impl Rule for CellCount {
    fn check_table(&self, table: &AseTable, cx: &mut RuleContext<'_>) {
        let width = table.header.raw_cell_count;
        for row in table.rows.iter().filter(|r| r.raw_cell_count != width) {
            let found = row.raw_cell_count;
            let (label, help) = if found > width {
                (
                    "extra cells",
                    "remove the extra `|` or escape a `|` inside a cell as `\\|`",
                )
            } else {
                (
                    "too few cells",
                    "add the missing cells (an empty cell is `|  |`)",
                )
            };
            let span = mismatch_span(&cx.source.text, row, width);
            // The span may be just the closing `|`: the row itself tells findings apart.
            let key = format!("row@{}", cx.source.text[row.span.clone()].trim());
            cx.report(
                span,
                format!("this row has {found} cells but the header has {width}"),
            )
            .label(label)
            .help(help)
            .key(key);
        }
    }
}

/// Where the row goes wrong: its cells past the header's width, or (too few cells) the
/// row's last character, where the missing cells belong.
fn mismatch_span(text: &str, row: &Row, width: usize) -> Span {
    let line = &text[row.span.clone()];
    let trimmed_end = row.span.start + line.trim_end().len();
    let cells = split_raw_cells(line);
    match cells.get(width) {
        Some(extra) => {
            // `split_raw_cells` returns slices of `line`: their offset is their place in it.
            let blanks = extra.len() - extra.trim_start().len();
            let offset = extra.as_ptr() as usize - line.as_ptr() as usize + blanks;
            (row.span.start + offset).min(trimmed_end)..trimmed_end
        }
        None => {
            // The last character may be several bytes long (`Chloé`, or U+FFFD for a byte
            // that is not UTF-8): the span must not start inside it.
            let last = line
                .trim_end()
                .chars()
                .next_back()
                .map_or(0, char::len_utf8);
            (trimmed_end - last)..trimmed_end
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::{lint_readme, rules_of};

    const HEAD: &str = "| Account | ASE | Links |\n|---|---|---|\n";

    #[test]
    fn extra_and_missing_cells() {
        let text = format!("{HEAD}| a | b | c | d |\n| a | b |\n| a | b \\| c | d |\n");
        let d = lint_readme(&text, false);
        let found: Vec<_> = rules_of(&d)
            .into_iter()
            .filter(|r| r.0 == "table/cell-count")
            .collect();
        assert_eq!(
            found,
            vec![("table/cell-count", 3, 15), ("table/cell-count", 4, 9)]
        );
        assert!(
            d[0].message.contains("4 cells but the header has 3")
                || d.iter()
                    .any(|x| x.message.contains("4 cells but the header has 3"))
        );
    }
}
