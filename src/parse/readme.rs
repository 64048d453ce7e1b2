//! README parser: finds the ASE table in Markdown and reads it with spans.
//!
//! pulldown-cmark (GFM tables) finds tables and cells; each row's raw line is also split
//! by hand, because the parser silently drops extra cells and pads short rows.

use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use regex::Regex;

use crate::config::Settings;
use crate::model::{AseTable, Cell, Column, Link, ReadmeDoc, Row};
use crate::source::{SourceFile, Span};

/// How many known columns a header needs to be taken for the ASE table.
const MIN_KNOWN_COLUMNS: usize = 3;

static BARE_URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"https?://[^\s<>|()\[\]"'`]+[^\s<>|()\[\]"'`.,;:!?]"#)
        .unwrap_or_else(|e| unreachable!("static regex: {e}"))
});

/// Parses a Markdown file; `required` says the file must hold the ASE table.
pub fn parse(source: SourceFile, settings: &Settings, required: bool) -> ReadmeDoc {
    let table = find_ase_table(&source, settings);
    ReadmeDoc {
        source,
        table,
        required,
    }
}

/// A table as the Markdown parser reports it, before columns are recognised.
struct RawTable {
    header: Row,
    rows: Vec<Row>,
}

fn find_ase_table(source: &SourceFile, settings: &Settings) -> Option<AseTable> {
    let mut events = Parser::new_ext(&source.text, Options::ENABLE_TABLES).into_offset_iter();
    while let Some((event, _)) = events.next() {
        if let Event::Start(Tag::Table(_)) = event {
            let raw = read_table(source, &mut events);
            let columns: Vec<Option<Column>> = raw
                .header
                .cells
                .iter()
                .map(|c| settings.column_for_header(&c.text))
                .collect();
            let mut known: Vec<Column> = columns.iter().flatten().copied().collect();
            known.sort();
            known.dedup();
            if known.len() >= MIN_KNOWN_COLUMNS {
                return Some(AseTable {
                    header: raw.header,
                    columns,
                    rows: raw.rows,
                });
            }
        }
    }
    None
}

fn read_table<'a>(
    source: &SourceFile,
    events: &mut impl Iterator<Item = (Event<'a>, std::ops::Range<usize>)>,
) -> RawTable {
    let mut header: Option<Row> = None;
    let mut rows = Vec::new();
    while let Some((event, range)) = events.next() {
        match event {
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                let row = read_row(source, range, events);
                if header.is_none() {
                    header = Some(row);
                } else {
                    rows.push(row);
                }
            }
            Event::End(TagEnd::Table) => break,
            _ => {}
        }
    }
    let header = header.unwrap_or_else(|| empty_row(source, 0));
    let width = header.cells.len();
    for row in &mut rows {
        while row.cells.len() < width {
            let end = row.span.end;
            row.cells.push(empty_cell(end));
        }
    }
    RawTable { header, rows }
}

fn read_row<'a>(
    source: &SourceFile,
    range: std::ops::Range<usize>,
    events: &mut impl Iterator<Item = (Event<'a>, std::ops::Range<usize>)>,
) -> Row {
    let line = source.line_col(range.start).line;
    let line_span = source.line_span(line);
    let row_text = &source.text[range.start.max(line_span.start)..line_span.end];
    let mut row = Row {
        line,
        span: line_span.clone(),
        cells: Vec::new(),
        raw_cell_count: count_raw_cells(row_text),
    };
    while let Some((event, range)) = events.next() {
        match event {
            Event::Start(Tag::TableCell) => row.cells.push(read_cell(source, range, events)),
            Event::End(TagEnd::TableHead) | Event::End(TagEnd::TableRow) => break,
            _ => {}
        }
    }
    row
}

fn read_cell<'a>(
    source: &SourceFile,
    range: std::ops::Range<usize>,
    events: &mut impl Iterator<Item = (Event<'a>, std::ops::Range<usize>)>,
) -> Cell {
    let mut text = String::new();
    let mut links = Vec::new();
    let mut open_link: Option<(String, Span, usize)> = None;
    for (event, event_range) in events.by_ref() {
        match event {
            Event::End(TagEnd::TableCell) => break,
            Event::Text(t) | Event::Code(t) | Event::InlineHtml(t) | Event::Html(t) => {
                text.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Link { dest_url, .. }) => {
                open_link = Some((dest_url.into_string(), event_range, text.len()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((url, span, text_start)) = open_link.take() {
                    links.push(Link {
                        text: text[text_start..].trim().to_owned(),
                        url,
                        span,
                    });
                }
            }
            _ => {}
        }
    }
    let span = trim_span(&source.text, range);
    let raw = source.text[span.clone()].to_owned();
    add_bare_urls(&raw, span.start, &mut links);
    Cell {
        span,
        raw,
        text: text.trim().to_owned(),
        links,
    }
}

/// Adds URLs written without Markdown link syntax (GFM autolinks them; pulldown-cmark
/// does not), unless they sit inside a Markdown link already found.
fn add_bare_urls(raw: &str, offset: usize, links: &mut Vec<Link>) {
    let found: Vec<Link> = BARE_URL
        .find_iter(raw)
        .map(|m| (m.as_str(), offset + m.start()..offset + m.end()))
        .filter(|(_, span)| {
            !links
                .iter()
                .any(|l| l.span.start <= span.start && span.end <= l.span.end)
        })
        .map(|(url, span)| Link {
            text: url.to_owned(),
            url: url.to_owned(),
            span,
        })
        .collect();
    links.extend(found);
    links.sort_by_key(|l| l.span.start);
}

/// The cell's content without surrounding blanks; an empty cell keeps its blanks, so a
/// diagnostic underlines the gap between the pipes rather than a pipe.
fn trim_span(text: &str, range: std::ops::Range<usize>) -> Span {
    let slice = &text[range.clone()];
    if slice.trim().is_empty() {
        return range;
    }
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = (range.end - (slice.len() - slice.trim_end().len())).max(start);
    start..end
}

fn empty_cell(at: usize) -> Cell {
    Cell {
        span: at..at,
        raw: String::new(),
        text: String::new(),
        links: Vec::new(),
    }
}

fn empty_row(source: &SourceFile, at: usize) -> Row {
    let line = source.line_col(at).line;
    Row {
        line,
        span: source.line_span(line),
        cells: Vec::new(),
        raw_cell_count: 0,
    }
}

/// Counts the cells of a raw table line (see [`split_raw_cells`]).
pub fn count_raw_cells(line: &str) -> usize {
    split_raw_cells(line).len()
}

/// Splits a raw table line into its cells (untrimmed): `|` separates cells unless escaped
/// as `\|`; a leading and a trailing `|` are borders, not separators.
pub fn split_raw_cells(line: &str) -> Vec<&str> {
    let trimmed = line.trim();
    let mut separators = Vec::new();
    let mut escaped = false;
    for (i, c) in trimmed.char_indices() {
        if c == '|' && !escaped {
            separators.push(i);
        }
        escaped = c == '\\' && !escaped;
    }
    let leading = separators.first() == Some(&0);
    let trailing = trimmed.len() > 1 && separators.last() == Some(&(trimmed.len() - 1));
    let mut bounds = Vec::with_capacity(separators.len() + 2);
    if !leading {
        bounds.push(None);
    }
    bounds.extend(separators.iter().map(|&i| Some(i)));
    if !trailing {
        bounds.push(None);
    }
    bounds
        .windows(2)
        .map(|pair| {
            let start = pair[0].map_or(0, |i| i + 1);
            let end = pair[1].unwrap_or(trimmed.len());
            &trimmed[start..end.max(start)]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const README: &str = "# ASE accounts\n\n| Account | ASE | Links | Special Notes | Zendesk Org Name | Zendesk Account ID | Zendesk User (ASE) ID |\n|---|---|---|---|---|---|---|\n| Acme | Jill Doe | [Salesforce](https://gitlab.my.salesforce.com/0014M00001hHV5CQAW), https://gitlab.zendesk.com/agent/organizations/361092349520 | | f6438d0c Acme Corp | 361092349520 | 370415907240 |\n| Short | Bob |\n";

    fn parse_readme(text: &str) -> ReadmeDoc {
        parse(
            SourceFile::new("README.md", text),
            &Settings::defaults(),
            true,
        )
    }

    #[test]
    fn finds_the_ase_table_and_its_columns() {
        let doc = parse_readme(README);
        let table = doc.table.unwrap_or_else(|| panic!("no table"));
        assert_eq!(table.header.line, 3);
        assert_eq!(table.column_index(Column::UserId), Some(6));
        assert_eq!(table.rows.len(), 2);
        let row = &table.rows[0];
        assert_eq!(row.line, 5);
        let id = table.cell(row, Column::AccountId).map(|c| c.text.as_str());
        assert_eq!(id, Some("361092349520"));
        let links = &table
            .cell(row, Column::Links)
            .map(|c| c.links.clone())
            .unwrap_or_default();
        assert_eq!(links.len(), 2);
        assert_eq!(links[0].text, "Salesforce");
        assert_eq!(
            links[1].url,
            "https://gitlab.zendesk.com/agent/organizations/361092349520"
        );
    }

    #[test]
    fn short_rows_are_padded_but_counted_raw() {
        let doc = parse_readme(README);
        let table = doc.table.unwrap_or_else(|| panic!("no table"));
        let short = &table.rows[1];
        assert_eq!(short.raw_cell_count, 2);
        assert_eq!(short.cells.len(), 7);
    }

    #[test]
    fn ordinary_tables_are_not_the_ase_table() {
        let doc = parse_readme("| Name | Colour |\n|---|---|\n| a | b |\n");
        assert!(doc.table.is_none());
    }

    #[test]
    fn raw_cells_respect_escapes_and_borders() {
        assert_eq!(count_raw_cells("| a | b |"), 2);
        assert_eq!(count_raw_cells("a | b"), 2);
        assert_eq!(count_raw_cells("| a \\| b | c |"), 2);
        assert_eq!(count_raw_cells("| a | b | c | d |"), 4);
        assert_eq!(count_raw_cells("|  |"), 1);
        assert_eq!(split_raw_cells("| a | b \\| c |"), vec![" a ", " b \\| c "]);
    }
}
