//! Phrase matching for org-note questions: compiled once per run, shared by all files.
//!
//! A question is answered when one of its patterns matches the note text after every
//! guard's matches were blanked out (so "non-emergency" never counts as "emergency").

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// A compiled phrase set for one question.
#[derive(Debug, Clone)]
pub struct PhraseMatcher {
    patterns: RegexSet,
    pattern_list: Vec<Regex>,
    guards: Vec<Regex>,
}

/// Where a phrase matched, in the note text (byte offsets) and the matched text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseMatch {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl PhraseMatcher {
    /// Compiles case-insensitive patterns and guards; an invalid regex is returned as an
    /// error naming it.
    pub fn compile(patterns: &[String], guards: &[String]) -> Result<Self, regex::Error> {
        let pattern_list = patterns
            .iter()
            .map(|p| build_regex(p))
            .collect::<Result<Vec<_>, _>>()?;
        let guards = guards
            .iter()
            .map(|p| build_regex(p))
            .collect::<Result<Vec<_>, _>>()?;
        let patterns = RegexSetBuilder::new(patterns)
            .case_insensitive(true)
            .size_limit(1 << 24)
            .build()?;
        Ok(Self {
            patterns,
            pattern_list,
            guards,
        })
    }

    /// Replaces what the guards match with spaces (byte offsets are kept).
    pub fn mask<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        let mut masked: Option<String> = None;
        for guard in &self.guards {
            let current = masked.as_deref().unwrap_or(text);
            let ranges: Vec<_> = guard.find_iter(current).map(|m| m.range()).collect();
            if ranges.is_empty() {
                continue;
            }
            let mut next = current.to_owned();
            for range in ranges {
                let blank = " ".repeat(range.len());
                next.replace_range(range, &blank);
            }
            masked = Some(next);
        }
        masked.map_or(std::borrow::Cow::Borrowed(text), std::borrow::Cow::Owned)
    }

    /// True when the (guard-masked) text answers the question.
    pub fn is_match(&self, text: &str) -> bool {
        self.patterns.is_match(&self.mask(text))
    }

    /// The first (leftmost) match in the guard-masked text, if any.
    pub fn find(&self, text: &str) -> Option<PhraseMatch> {
        let masked = self.mask(text);
        self.patterns
            .matches(&masked)
            .iter()
            .filter_map(|i| self.pattern_list[i].find(&masked))
            .min_by_key(|m| m.start())
            .map(|m| PhraseMatch {
                start: m.start(),
                end: m.end(),
                text: text[m.range()].to_owned(),
            })
    }
}

fn build_regex(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .size_limit(1 << 24)
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(p: &[&str], g: &[&str]) -> PhraseMatcher {
        let p: Vec<String> = p.iter().map(|s| s.to_string()).collect();
        let g: Vec<String> = g.iter().map(|s| s.to_string()).collect();
        PhraseMatcher::compile(&p, &g).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn guards_blank_out_traps() {
        let m = matcher(&[r"\bemergenc(y|ies)\b"], &[r"\bnon-emergenc(y|ies)\b"]);
        assert!(!m.is_match("all new non-emergency tickets go to Jill"));
        assert!(m.is_match("non-emergency to Jill; emergency tickets to on-call"));
    }

    #[test]
    fn find_reports_the_leftmost_match_in_original_text() {
        let m = matcher(&["on-call", "EMERGENCY"], &[]);
        let found = m.find("The Emergency goes on-call");
        assert_eq!(found.map(|f| f.text), Some("Emergency".to_owned()));
    }
}
