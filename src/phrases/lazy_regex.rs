//! How phrase patterns become regexes: `\w`-style classes made ASCII-only, many patterns
//! in one case-insensitive regex, compiled the first time a note needs it.

use std::sync::OnceLock;

use regex_automata::meta::Regex;
use regex_automata::util::syntax;

use super::PhraseError;
use super::names::expand;

/// One regex over one or more patterns, compiled the first time a note needs it.
#[derive(Debug, Clone)]
pub(super) struct LazyRegex {
    /// The patterns with `{name}` expanded and ASCII classes, as they are compiled.
    pub(super) expanded: Vec<String>,
    compiled: OnceLock<Option<Regex>>,
}

impl LazyRegex {
    pub(super) fn new<'p>(patterns: impl IntoIterator<Item = &'p String>) -> Self {
        LazyRegex {
            expanded: patterns
                .into_iter()
                .map(|p| ascii_classes(&expand(p)))
                .collect(),
            compiled: OnceLock::new(),
        }
    }

    /// Compiles now; the error names the engine's complaint.
    pub(super) fn compile_now(&self) -> Result<(), PhraseError> {
        let regex = build_regex(&self.expanded)?;
        let _ = self.compiled.set(regex);
        Ok(())
    }

    /// The compiled regex; `None` when there are no patterns, or for known-good patterns
    /// that failed after all (the built-in ones are all compiled by a unit test), which
    /// then match nothing.
    pub(super) fn get(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| build_regex(&self.expanded).ok().flatten())
            .as_ref()
    }

    pub(super) fn is_match(&self, text: &str) -> bool {
        self.get().is_some_and(|re| re.is_match(text))
    }
}

/// Makes `\w`, `\s`, `\d` and `\b` ASCII-only (a user's `\p{..}` stays Unicode). Case-insensitive Unicode `\w` costs tens of milliseconds to compile per
/// pattern, which made every run start ~1 s late; phrases are English words, so ASCII
/// classes match the same text.
pub(super) fn ascii_classes(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 32);
    let mut in_class = false;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(e @ ('w' | 's' | 'd')) if in_class => out.push_str(match e {
                    'w' => "0-9A-Za-z_",
                    's' => " \\t\\n\\r\\x0B\\x0C",
                    _ => "0-9",
                }),
                Some(e @ ('w' | 's' | 'd' | 'b')) => {
                    out.push_str("(?-u:\\");
                    out.push(e);
                    out.push(')');
                }
                Some(e) => {
                    out.push('\\');
                    out.push(e);
                }
                None => out.push('\\'),
            },
            '[' if !in_class => {
                in_class = true;
                out.push(c);
                // A `]` or `^]` right after the opening bracket is a literal.
                let rest = chars.as_str();
                let literal = if rest.starts_with("^]") {
                    2
                } else {
                    usize::from(rest.starts_with(']'))
                };
                for _ in 0..literal {
                    if let Some(l) = chars.next() {
                        out.push(l);
                    }
                }
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Compiles case-insensitive patterns (already expanded) into one regex; `None` when
/// there are none. No literal prefilter: for these long case-insensitive alternations it
/// cost milliseconds per pattern to build (every case variant of every word), far more
/// than it saves on notes of a few kilobytes, which the lazy DFA scans at once.
pub(super) fn build_regex(expanded: &[String]) -> Result<Option<Regex>, PhraseError> {
    if expanded.is_empty() {
        return Ok(None);
    }
    Regex::builder()
        .syntax(syntax::Config::new().case_insensitive(true))
        .configure(
            Regex::config()
                .auto_prefilter(false)
                .nfa_size_limit(Some(1 << 24)),
        )
        .build_many(expanded)
        .map(Some)
        .map_err(|e| PhraseError(Box::new(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_classes_rewrites_perl_classes_inside_and_outside_brackets() {
        assert_eq!(
            ascii_classes(r"\bASE\s+[\w.-]+"),
            r"(?-u:\b)ASE(?-u:\s)+[0-9A-Za-z_.-]+"
        );
        assert_eq!(
            ascii_classes(r"[^)\n]{1,4}\p{Lu}\.\\w"),
            r"[^)\n]{1,4}\p{Lu}\.\\w"
        );
        assert_eq!(ascii_classes(r"[]\d]"), r"[]0-9]");
    }
}
