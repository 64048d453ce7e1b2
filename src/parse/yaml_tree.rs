//! Any YAML document as a tree of located nodes, so that messages can name a key path
//! (`rules.note/emergency`), say what was found there, and point at its line and column.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

/// A node and where it starts (1-based line and column).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub line: u64,
    pub column: u64,
    pub kind: NodeKind,
}

/// What a node is.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// `key: value` pairs, keys as nodes.
    Map(Vec<(Node, Node)>),
    Seq(Vec<Node>),
    /// Any scalar but null, as written (numbers and booleans included).
    Scalar(String),
    /// An empty value (`key:`, `~`, `null`).
    Null,
}

/// Parses `text` into a tree (`None` when it is not YAML, or empty).
pub fn parse(text: &str) -> Option<Node> {
    parse_checked(text).ok().flatten()
}

/// Parses `text` into a tree (`Ok(None)`: empty), or says why it is not YAML.
pub fn parse_checked(text: &str) -> Result<Option<Node>, serde_saphyr::Error> {
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! { max_events: 100_000, max_depth: 64 },
    };
    serde_saphyr::from_str_with_options::<Option<Located>>(text, options)
        .map(|found| found.map(|l| l.0))
}

/// A key path's segment: a mapping key or a list index.
#[derive(Debug, Clone, PartialEq)]
pub enum Segment {
    Key(String),
    Index(usize),
}

/// `rules.note/emergency`, `columns.required[2]`.
pub fn path_text(path: &[Segment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            Segment::Key(key) if out.is_empty() => out.push_str(key),
            Segment::Key(key) => {
                out.push('.');
                out.push_str(key);
            }
            Segment::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

impl Node {
    /// The key path to the innermost node at or before `(line, column)`, and that node.
    pub fn at(&self, line: u64, column: u64) -> (Vec<Segment>, &Node) {
        let mut path = Vec::new();
        let mut node = self;
        while let Some((segment, child)) = node.child_at((line, column)) {
            path.push(segment);
            node = child;
        }
        (path, node)
    }

    /// The child holding `pos`: the last entry starting at or before it. A position on a
    /// key is that key itself (unknown keys are reported there).
    fn child_at(&self, pos: (u64, u64)) -> Option<(Segment, &Node)> {
        match &self.kind {
            NodeKind::Map(entries) => {
                let (key, value) = entries.iter().rev().find(|(k, _)| k.start() <= pos)?;
                let segment = Segment::Key(key.text());
                Some((segment, if key.start() == pos { key } else { value }))
            }
            NodeKind::Seq(items) => {
                let (i, item) = items
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|(_, n)| n.start() <= pos)?;
                Some((Segment::Index(i), item))
            }
            NodeKind::Scalar(_) | NodeKind::Null => None,
        }
    }

    fn start(&self) -> (u64, u64) {
        (self.line, self.column)
    }

    /// The key node and value node of `key` in a mapping.
    pub fn entry(&self, key: &str) -> Option<(&Node, &Node)> {
        match &self.kind {
            NodeKind::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.text() == key)
                .map(|(k, v)| (k, v)),
            _ => None,
        }
    }

    /// The node at a path of keys (`["rules"]`), if there is one.
    pub fn get(&self, keys: &[&str]) -> Option<&Node> {
        keys.iter()
            .try_fold(self, |node, key| node.entry(key).map(|(_, v)| v))
    }

    /// The text of a scalar (empty for anything else).
    pub fn text(&self) -> String {
        match &self.kind {
            NodeKind::Scalar(text) => text.clone(),
            _ => String::new(),
        }
    }

    /// What the node is, for "found ..." in messages: "`of`", "a list", "an empty value".
    pub fn describe(&self) -> String {
        match &self.kind {
            NodeKind::Map(_) => "a mapping (`key: value` lines)".to_owned(),
            NodeKind::Seq(_) => "a list".to_owned(),
            NodeKind::Null => "an empty value".to_owned(),
            NodeKind::Scalar(text) => format!("`{}`", short(text)),
        }
    }
}

/// A scalar shortened for a message, with control characters named.
fn short(text: &str) -> String {
    let visible = crate::words::visible_controls(text);
    match visible.char_indices().nth(60) {
        Some((end, _)) => format!("{}…", &visible[..end]),
        None => visible,
    }
}

/// A node read through serde-saphyr's `Spanned` (its start location).
struct Located(Node);

impl<'de> Deserialize<'de> for Located {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Kind>::deserialize(deserializer)?;
        Ok(Located(Node {
            line: spanned.referenced.line(),
            column: spanned.referenced.column(),
            kind: spanned.value.0,
        }))
    }
}

/// A node's kind, read with `deserialize_any`.
struct Kind(NodeKind);

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KindVisitor)
    }
}

struct KindVisitor;

impl KindVisitor {
    fn scalar<E>(text: impl ToString) -> Result<Kind, E> {
        Ok(Kind(NodeKind::Scalar(text.to_string())))
    }
}

impl<'de> Visitor<'de> for KindVisitor {
    type Value = Kind;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Kind, E> {
        Self::scalar(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Kind, E> {
        Self::scalar(v)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Kind, E> {
        Self::scalar(v)
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Kind, E> {
        Self::scalar(v)
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Kind, E> {
        Self::scalar(v)
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Kind, E> {
        Self::scalar(v)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Kind, E> {
        Self::scalar(v)
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Kind, E> {
        Self::scalar(String::from_utf8_lossy(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Kind, E> {
        Ok(Kind(NodeKind::Null))
    }
    fn visit_none<E: de::Error>(self) -> Result<Kind, E> {
        self.visit_unit()
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Kind, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Kind, A::Error> {
        let mut items = Vec::new();
        while let Some(Located(node)) = seq.next_element()? {
            items.push(node);
        }
        Ok(Kind(NodeKind::Seq(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Kind, A::Error> {
        let mut entries = Vec::new();
        while let Some((Located(key), Located(value))) = map.next_entry()? {
            entries.push((key, value));
        }
        Ok(Kind(NodeKind::Map(entries)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_lead_to_key_paths() {
        let tree = parse("ids:\n  min_digit: 3\nrules:\n  note/emergency: of\nreq: [a, ~]\n");
        let tree = tree.unwrap_or_else(|| panic!("no tree"));
        let (path, node) = tree.at(2, 3);
        assert_eq!(path_text(&path), "ids.min_digit");
        assert_eq!(node.text(), "min_digit");
        let (path, node) = tree.at(4, 19);
        assert_eq!(path_text(&path), "rules.note/emergency");
        assert_eq!(node.describe(), "`of`");
        let (path, node) = tree.at(5, 10);
        assert_eq!(path_text(&path), "req[1]");
        assert_eq!(node.describe(), "an empty value");
    }

    #[test]
    fn paths_lead_to_nodes() {
        let tree = parse("a:\n  b: [x]\n").unwrap_or_else(|| panic!("no tree"));
        assert_eq!(tree.get(&["a", "b"]).map(|n| n.line), Some(2));
        assert!(tree.get(&["a", "c"]).is_none());
    }
}
