//! Configuration errors in words: each names the key path (`rules.note/emergency`), its
//! line and column in `.ase-lint.yml`, what was found and what is allowed, and the
//! closest valid key or value. [`ConfigError`] itself lives here ([`crate::config`]
//! re-exports it), so this file needs nothing from `config`.

use crate::parse::yaml_tree::{self, Node, Segment, path_text};
use crate::parse::yaml_words::{self, Problem};
use crate::words::{did_you_mean, one_of, visible_controls};

/// A configuration problem, located in the configuration file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error(
        "cannot read the configuration file `{path}`: {}",
        crate::words::io_problem(source)
    )]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: String,
        line: u64,
        column: u64,
        message: String,
    },
    #[error("{path}: {message}")]
    Value { path: String, message: String },
}

/// The user's configuration file as read: its name and its YAML tree, to locate the
/// errors found after parsing (unknown rule, column, question; a bad pattern).
#[derive(Debug, Clone, Default)]
pub struct ConfigOrigin {
    pub path: String,
    tree: Option<Node>,
}

impl ConfigOrigin {
    /// The origin of `text`, read from `path`.
    pub fn new(path: &str, text: &str) -> Self {
        Self {
            path: path.to_owned(),
            tree: yaml_tree::parse(text),
        }
    }
}

/// A parse error of the configuration file, located and in words.
pub fn parse_error(path: &str, text: &str, err: &serde_saphyr::Error) -> ConfigError {
    // Not YAML at all: the syntax error wins over what reading stumbled on first.
    let (tree, err) = match yaml_tree::parse_checked(text) {
        Ok(tree) => (tree, err),
        Err(syntax) => return located(path, text, &syntax, None),
    };
    located(path, text, err, tree.as_ref())
}

/// `err` located in the file and worded with the key path `tree` gives its position.
fn located(path: &str, text: &str, err: &serde_saphyr::Error, tree: Option<&Node>) -> ConfigError {
    let (position, problem) = yaml_words::describe(err, text);
    let (line, column) = position.unwrap_or((0, 0));
    let (key_path, found) = match (tree, position) {
        (Some(tree), Some((line, column))) => {
            let (path, node) = tree.at(line, column);
            (path, Some(node.describe()))
        }
        _ => (Vec::new(), None),
    };
    ConfigError::Invalid {
        path: path.to_owned(),
        line,
        column,
        message: problem_words(problem, &key_path, found),
    }
}

/// The message for a problem at `key_path`, where `found` was found.
fn problem_words(problem: Problem, key_path: &[Segment], found: Option<String>) -> String {
    let at = path_text(key_path);
    let found = found.unwrap_or_else(|| "something else".to_owned());
    match problem {
        Problem::Syntax(words) => words,
        Problem::Expected(what) if at.is_empty() => {
            format!("the configuration must be {what}, found {found}")
        }
        Problem::Expected(what) => format!("`{at}` must be {what}, found {found}"),
        Problem::UnknownKey { key, allowed } => {
            let parent = path_text(
                key_path
                    .get(..key_path.len().saturating_sub(1))
                    .unwrap_or(&[]),
            );
            unknown_key(&key, &parent, &allowed)
        }
        Problem::UnknownValue { value, allowed } => format!(
            "`{at}` must be {}, found `{value}`{}",
            one_of(&allowed),
            did_you_mean(&value, allowed.iter().copied())
        ),
        Problem::MissingKey(key) => format!("`{at}` needs the key `{key}`"),
        Problem::Other(words) if at.is_empty() => words,
        Problem::Other(words) => format!("`{at}`: {words}"),
    }
}

/// "unknown key `x` in `ids`; allowed: ...; did you mean `y`?"
fn unknown_key(key: &str, parent: &str, allowed: &[&str]) -> String {
    let within = if parent.is_empty() {
        String::new()
    } else {
        format!(" in `{parent}`")
    };
    format!(
        "unknown key `{key}`{within}; allowed: {}{}",
        one_of(allowed),
        did_you_mean(key, allowed.iter().copied())
    )
}

impl ConfigOrigin {
    /// An error at `node` (or without a position when the file does not hold it: the
    /// value came from the defaults).
    fn error_at(&self, node: Option<&Node>, message: String) -> ConfigError {
        match node {
            Some(node) => ConfigError::Invalid {
                path: self.path.clone(),
                line: node.line,
                column: node.column,
                message,
            },
            None => ConfigError::Value {
                path: self.path.clone(),
                message,
            },
        }
    }

    /// The key node of `parent.key`.
    fn key(&self, parent: &[&str], key: &str) -> Option<&Node> {
        let map = self.tree.as_ref()?.get(parent)?;
        map.entry(key).map(|(k, _)| k)
    }

    /// The first item of the list at `list` whose text is `text`, with its index.
    fn item(&self, list: &[&str], text: &str) -> Option<(usize, &Node)> {
        match &self.tree.as_ref()?.get(list)?.kind {
            yaml_tree::NodeKind::Seq(items) => {
                items.iter().enumerate().find(|(_, n)| n.text() == text)
            }
            _ => None,
        }
    }

    /// A column key that is not one: in `columns.required`, `columns.may_be_empty` or
    /// `columns.aliases`.
    pub fn unknown_column(&self, key: &str, known: &[&str]) -> ConfigError {
        let lists = [["columns", "required"], ["columns", "may_be_empty"]];
        let in_list = lists.iter().find_map(|list| {
            self.item(list, key)
                .map(|(i, node)| (format!("{}[{i}]", list.join(".")), node))
        });
        let (at, node) = match in_list {
            Some((at, node)) => (at, Some(node)),
            None => (
                format!("columns.aliases.{key}"),
                self.key(&["columns", "aliases"], key),
            ),
        };
        let message = format!(
            "`{at}` must be a column: {}; found `{}`{}",
            one_of(known),
            visible_controls(key),
            did_you_mean(key, known.iter().copied())
        );
        self.error_at(node, message)
    }

    /// A key under `questions` that is no question.
    pub fn unknown_question(&self, key: &str, known: &[&str]) -> ConfigError {
        let node = self.key(&["questions"], key);
        self.error_at(
            node,
            unknown_key(&visible_controls(key), "questions", known),
        )
    }

    /// A value under `limits` out of range.
    pub fn limit_error(&self, key: &str, problem: &str) -> ConfigError {
        let node = self.key(&["limits"], key);
        self.error_at(node, format!("`limits.{key}` {problem}"))
    }

    /// An `allow` entry that cannot be used.
    pub fn allow_error(&self, index: usize, problem: &str) -> ConfigError {
        let node = self.tree.as_ref().and_then(|t| t.get(&["allow"]));
        let node = match node.map(|n| &n.kind) {
            Some(crate::parse::yaml_tree::NodeKind::Seq(items)) => items.get(index),
            _ => node,
        };
        self.error_at(node, format!("`allow[{index}]` {problem}"))
    }

    /// A handbook step text that cannot be used (an unknown placeholder, a stray brace):
    /// located at the text's value.
    pub fn handbook_error(&self, problem: &crate::handbook::Problem) -> ConfigError {
        let section = self
            .tree
            .as_ref()
            .and_then(|t| t.get(&["handbook", problem.section]));
        let Some(index) = problem.index else {
            let at = format!("handbook.{}", problem.section);
            return self.error_at(section, format!("`{at}`: {}", problem.message));
        };
        let node = section
            .and_then(|list| match &list.kind {
                yaml_tree::NodeKind::Seq(items) => items.get(index),
                _ => None,
            })
            .and_then(|step| step.entry(problem.field))
            .map(|(_, value)| value);
        let at = format!("handbook.{}[{index}].{}", problem.section, problem.field);
        self.error_at(node, format!("`{at}`: {}", problem.message))
    }

    /// A key under `rules` that is no rule.
    pub fn unknown_rule(&self, name: &str, problem: &str) -> ConfigError {
        let node = self.key(&["rules"], name);
        self.error_at(node, format!("in `rules`: {problem}"))
    }

    /// A pattern of `questions.<question>` the regex engine refuses; `explanation` is the
    /// engine's own message.
    pub fn bad_pattern(&self, question: &str, pattern: &str, explanation: &str) -> ConfigError {
        let found = ["patterns", "guards"].iter().find_map(|list| {
            self.item(&["questions", question, list], pattern)
                .map(|(i, node)| (format!("questions.{question}.{list}[{i}]"), node))
        });
        let (at, node) = match found {
            Some((at, node)) => (at, Some(node)),
            None => (format!("questions.{question}"), None),
        };
        let message = format!(
            "`{at}`: the pattern `{}` is not a valid regular expression: {explanation}",
            visible_controls(pattern)
        );
        self.error_at(node, message)
    }
}

/// The regex engine's explanation of why `pattern` does not compile: its last line
/// (`error: unclosed group`) first, then the pattern with the caret under the fault.
pub fn regex_explanation(pattern: &str) -> Option<String> {
    let err = regex::Regex::new(pattern).err()?;
    let text = err.to_string();
    let lines: Vec<&str> = text.lines().collect();
    let reason = lines
        .iter()
        .rev()
        .find_map(|l| l.strip_prefix("error: "))
        .unwrap_or(text.as_str());
    let drawing: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("    "))
        .collect();
    if drawing.is_empty() {
        Some(reason.to_owned())
    } else {
        Some(format!("{reason}\n{}", drawing.join("\n")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn error(text: &str) -> String {
        match Config::from_user_yaml(".ase-lint.yml", text) {
            Ok(_) => panic!("{text:?} is accepted"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn a_wrong_level_names_the_key_the_values_and_the_closest() {
        assert_eq!(
            error("rules:\n  note/emergency: of\n"),
            ".ase-lint.yml:2:19: `rules.note/emergency` must be `off`, `warning` or `error`, found `of`; did you mean `off`?"
        );
    }

    #[test]
    fn an_unknown_key_names_where_and_the_closest() {
        assert_eq!(
            error("ids:\n  min_digit: 3\n"),
            ".ase-lint.yml:2:3: unknown key `min_digit` in `ids`; allowed: `min_digits` or `max_digits`; did you mean `min_digits`?"
        );
    }

    #[test]
    fn a_wrong_kind_says_what_was_found() {
        assert_eq!(
            error("columns:\n  required: account\n"),
            ".ase-lint.yml:2:13: `columns.required` must be a list, found `account`"
        );
        assert_eq!(
            error("columns:\n  required: [account, ~]\n"),
            ".ase-lint.yml:2:23: `columns.required[1]` must be text, found an empty value"
        );
    }

    #[test]
    fn an_unknown_handbook_placeholder_is_located_with_the_closest() {
        let text = "handbook:\n  offboarding:\n    - for: manager\n      text: \"file the form for {acount}\"\n";
        let config =
            Config::from_user_yaml(".ase-lint.yml", text).unwrap_or_else(|e| panic!("{e}"));
        let err = crate::config::Settings::new(config, std::path::Path::new("."), ".ase-lint.yml")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.starts_with(".ase-lint.yml:4:13: `handbook.offboarding[0].text`: unknown placeholder `{acount}`; allowed here: `{account}`, "),
            "{err}"
        );
        assert!(err.ends_with("; did you mean `{account}`?"), "{err}");
    }

    #[test]
    fn the_regex_engine_explains_a_bad_pattern() {
        let explained = regex_explanation("(P1").unwrap_or_default();
        assert!(explained.starts_with("unclosed group\n"), "{explained}");
        assert!(explained.contains("(P1"), "{explained}");
    }
}
