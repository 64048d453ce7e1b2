//! Org file parser: `organizations/<id>.yaml` with `id`, `name` and `notes`, with spans.
//!
//! YAML goes through serde-saphyr with a budget (alias bombs and deep nesting fail fast)
//! and duplicate keys rejected. Keys other than the three are ignored.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::model::{OrgDoc, YamlField, YamlValue};
use crate::parse::yaml_words::{self, Position, Problem};
use crate::source::{SourceFile, Span};

/// The top of an org file: a mapping (its three keys, each present or not, a null value
/// included), or some other kind of node. Built once per file: its size does not matter.
#[allow(clippy::large_enum_variant)]
enum RawOrg {
    Mapping {
        id: Option<Spanned<AnyValue>>,
        name: Option<Spanned<AnyValue>>,
        notes: Option<Spanned<AnyValue>>,
    },
    Not(&'static str),
}

impl<'de> Deserialize<'de> for RawOrg {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawOrgVisitor)
    }
}

struct RawOrgVisitor;

impl<'de> Visitor<'de> for RawOrgVisitor {
    type Value = RawOrg;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an org file")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawOrg, A::Error> {
        let (mut id, mut name, mut notes) = (None, None, None);
        while let Some(AnyValue(key)) = map.next_key()? {
            let slot = match key {
                YamlValue::String(key) if key == "id" => &mut id,
                YamlValue::String(key) if key == "name" => &mut name,
                YamlValue::String(key) if key == "notes" => &mut notes,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            *slot = Some(map.next_value()?);
        }
        Ok(RawOrg::Mapping { id, name, notes })
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<RawOrg, A::Error> {
        AnyValueVisitor
            .visit_seq(seq)
            .map(|_| RawOrg::Not("a list"))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<RawOrg, E> {
        Ok(RawOrg::Not("text"))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<RawOrg, E> {
        Ok(RawOrg::Not("a number"))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<RawOrg, E> {
        Ok(RawOrg::Not("a number"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<RawOrg, E> {
        Ok(RawOrg::Not("a number"))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<RawOrg, E> {
        Ok(RawOrg::Not("a true/false value"))
    }
}

/// Any YAML node, reduced to what the rules need.
struct AnyValue(YamlValue);

impl<'de> Deserialize<'de> for AnyValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AnyValueVisitor)
    }
}

struct AnyValueVisitor;

impl<'de> Visitor<'de> for AnyValueVisitor {
    type Value = AnyValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<AnyValue, E> {
        Ok(AnyValue(YamlValue::Integer(i128::from(v))))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<AnyValue, E> {
        Ok(AnyValue(YamlValue::Integer(i128::from(v))))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<AnyValue, E> {
        Ok(AnyValue(YamlValue::Integer(v)))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<AnyValue, E> {
        Ok(AnyValue(YamlValue::Integer(
            i128::try_from(v).unwrap_or(i128::MAX),
        )))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<AnyValue, E> {
        Ok(AnyValue(YamlValue::Other("a decimal number")))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<AnyValue, E> {
        Ok(AnyValue(YamlValue::Other("a true/false value")))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<AnyValue, E> {
        Ok(AnyValue(YamlValue::String(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<AnyValue, E> {
        Ok(AnyValue(YamlValue::String(v)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<AnyValue, E> {
        Ok(AnyValue(YamlValue::Other(EMPTY_VALUE)))
    }
    fn visit_none<E: de::Error>(self) -> Result<AnyValue, E> {
        self.visit_unit()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<AnyValue, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AnyValue, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(AnyValue(YamlValue::Other("a list")))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnyValue, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(AnyValue(YamlValue::Other("a mapping")))
    }
}

/// How an empty value (`name:`, `~`, `null`) is described.
const EMPTY_VALUE: &str = "an empty value";

/// Most YAML events (and nodes) an org file may have. A real one has a few dozen: `id`,
/// `name`, `notes` and perhaps some Zendesk fields. Events replayed from aliases have the
/// same bound: with serde-saphyr's defaults (a million) an alias bomb took 0.7 s, and 7 s
/// under the fuzzer's sanitizer.
const MAX_YAML_EVENTS: usize = 20_000;

fn options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_events: MAX_YAML_EVENTS,
            max_aliases: 100,
            max_anchors: 100,
            max_depth: 64,
            max_nodes: MAX_YAML_EVENTS,
            max_total_scalar_bytes: 16 * 1024 * 1024,
        },
        alias_limits: serde_saphyr::alias_limits! {
            max_total_replayed_events: MAX_YAML_EVENTS,
        },
    }
}

/// Parses an org file. `file_stem` is the file name without `.yaml`/`.yml`.
pub fn parse(source: SourceFile, file_stem: &str) -> OrgDoc {
    let mut doc = OrgDoc {
        file_stem: file_stem.to_owned(),
        syntax_error: None,
        shape_error: None,
        id: None,
        name: None,
        notes: None,
        analysis: std::sync::OnceLock::new(),
        source,
    };
    let parsed: Result<Option<RawOrg>, _> =
        serde_saphyr::from_str_with_options(&doc.source.text, options());
    match parsed {
        Ok(Some(RawOrg::Mapping { id, name, notes })) => {
            doc.id = id.map(|v| field(&doc.source, "id", v));
            doc.name = name.map(|v| field(&doc.source, "name", v));
            doc.notes = notes.map(|v| empty_if_null(field(&doc.source, "notes", v)));
        }
        Ok(Some(RawOrg::Not(kind))) => {
            let end = doc.source.line_span(1).end;
            doc.shape_error = Some((
                0..end,
                format!("the file must be a mapping with `id`, `name` and `notes`, found {kind}"),
            ));
        }
        Ok(None) => {}
        Err(err) => record_error(&mut doc, &err),
    }
    doc
}

/// `notes:` with no value is an empty note (`note/missing` says so), not a wrong type.
fn empty_if_null(mut notes: YamlField<YamlValue>) -> YamlField<YamlValue> {
    if notes.value == YamlValue::Other(EMPTY_VALUE) {
        notes.value = YamlValue::String(String::new());
    }
    notes
}

/// A parse error, in words: a syntax error when the text is not YAML, else a shape error.
fn record_error(doc: &mut OrgDoc, err: &serde_saphyr::Error) {
    let (position, problem) = yaml_words::describe(err, &doc.source.text);
    let span = error_span(&doc.source, position);
    match problem {
        Problem::Syntax(words) => doc.syntax_error = Some((span, words)),
        other => doc.shape_error = Some((span, shape_words(other))),
    }
}

/// A valid document's problem in an org file's words.
fn shape_words(problem: Problem) -> String {
    match problem {
        Problem::Expected(what) => format!(
            "this value's YAML tag (`!!...`) says it is {what}, but it is not; remove the tag"
        ),
        Problem::Other(words) | Problem::Syntax(words) => words,
        Problem::MissingKey(key) => format!("`{key}` is missing"),
        Problem::UnknownKey { key, .. } => format!("the key `{key}` cannot be used here"),
        Problem::UnknownValue { value, .. } => format!("`{value}` cannot be used here"),
    }
}

fn field(source: &SourceFile, key: &str, value: Spanned<AnyValue>) -> YamlField<YamlValue> {
    let span = location_span(source, &value.referenced);
    let key_span = find_top_level_key(&source.text, key).unwrap_or_else(|| span.clone());
    YamlField {
        value: value.value.0,
        span,
        key_span,
    }
}

/// Span of a top-level `key:` written at column 0 (the first one).
pub fn find_top_level_key(text: &str, key: &str) -> Option<Span> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let rest = line.strip_prefix(key);
        if let Some(rest) = rest
            && rest.trim_start_matches([' ', '\t']).starts_with(':')
        {
            return Some(offset..offset + key.len());
        }
        offset += line.len();
    }
    None
}

fn location_span(source: &SourceFile, loc: &serde_saphyr::Location) -> Span {
    let span = loc.span();
    let start = span
        .byte_offset()
        .and_then(|o| usize::try_from(o).ok())
        .unwrap_or_else(|| line_column_offset(source, loc.line(), loc.column()));
    let len = span
        .byte_len()
        .and_then(|l| usize::try_from(l).ok())
        .unwrap_or(0);
    let start = start.min(source.text.len());
    start..start.saturating_add(len).min(source.text.len())
}

fn line_column_offset(source: &SourceFile, line: u64, column: u64) -> usize {
    let line = usize::try_from(line).unwrap_or(usize::MAX).max(1);
    let start = source.line_start(line);
    let column = usize::try_from(column).unwrap_or(1).max(1);
    source.text[start..]
        .char_indices()
        .nth(column - 1)
        .map_or(source.text.len(), |(i, _)| start + i)
}

/// From the error's position to the end of its line (the file's start when unknown).
fn error_span(source: &SourceFile, position: Position) -> Span {
    match position {
        Some((line, column)) => {
            let start = line_column_offset(source, line, column);
            let line_end = source.line_span(source.line_col(start).line).end;
            start..line_end.max(start)
        }
        None => 0..0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The user is told the file is beyond ase-lint's limits (a syntax error).
    fn assert_too_big(doc: OrgDoc) {
        let error = doc
            .syntax_error
            .map(|(_, message)| message)
            .unwrap_or_default();
        assert_eq!(error, yaml_words::TOO_BIG);
    }

    fn org(text: &str) -> OrgDoc {
        parse(SourceFile::new("organizations/1.yaml", text), "1")
    }

    #[test]
    fn reads_fields_with_key_spans() {
        let doc = org("---\nid: 27946339528\nname: 5a1f9965 Test\nnotes: |\n  Hello\n");
        assert_eq!(
            doc.id.as_ref().map(|f| &f.value),
            Some(&YamlValue::Integer(27946339528))
        );
        assert_eq!(doc.notes_text(), Some("Hello\n"));
        let key = doc.notes_anchor();
        assert_eq!(doc.source.line_col(key.start).line, 4);
        assert_eq!(&doc.source.text[key], "notes");
    }

    #[test]
    fn syntax_errors_are_located() {
        let doc = org("id: 1\nname: [unclosed\nnotes: x\n");
        let (span, message) = doc.syntax_error.clone().unwrap_or_default();
        assert!(!message.is_empty());
        assert!(doc.source.line_col(span.start).line >= 2, "{message}");
    }

    #[test]
    fn wrong_shapes_are_not_syntax_errors() {
        let doc = org("- a\n- b\n");
        assert!(doc.syntax_error.is_none());
        let shape = doc.shape_error.map(|(_, m)| m).unwrap_or_default();
        assert_eq!(
            shape,
            "the file must be a mapping with `id`, `name` and `notes`, found a list"
        );
        let doc = org("id: 1\nnotes: [a, b]\n");
        assert_eq!(doc.notes.map(|n| n.value), Some(YamlValue::Other("a list")));
    }

    #[test]
    fn alias_bombs_fail_fast() {
        let mut text = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..10 {
            let prev = if i == 0 {
                "a".to_owned()
            } else {
                format!("b{}", i - 1)
            };
            text.push_str(&format!("b{i}: &b{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        assert_too_big(org(&text));
    }

    #[test]
    fn an_org_file_has_a_bounded_number_of_yaml_events() {
        let items = |n: usize| format!("id: 1\ntags: [{}]\n", vec!["t"; n].join(", "));
        assert!(org(&items(1_000)).syntax_error.is_none());
        assert_too_big(org(&items(MAX_YAML_EVENTS)));
    }

    #[test]
    fn duplicate_keys_are_rejected() {
        let doc = org("id: 1\nid: 2\n");
        assert!(doc.syntax_error.is_some() || doc.shape_error.is_some());
    }

    #[test]
    fn an_empty_notes_value_is_an_empty_note_and_an_empty_name_is_kept() {
        let doc = org("id: 1\nname:\nnotes:\n");
        assert_eq!(doc.notes_text(), Some(""));
        assert_eq!(
            doc.name.map(|n| n.value),
            Some(YamlValue::Other("an empty value"))
        );
    }

    #[test]
    fn empty_file_has_no_fields() {
        let doc = org("");
        assert!(doc.syntax_error.is_none() && doc.id.is_none());
    }
}
