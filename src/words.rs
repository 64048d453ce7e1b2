//! Messages in the words of the people who read them: "did you mean" suggestions, OS
//! errors without `os error 2`, and control characters as `U+0000`.

/// The candidate closest to `word` (edit distance), when it is close enough to be a
/// likely typo: at most a third of the word's length, and at least one edit allowed.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    let limit = (word.chars().count() / 3).max(2);
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(&word, &c.to_lowercase()), c))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// `"; did you mean `x`?"` for the closest candidate, or nothing.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(word, candidates).map_or_else(String::new, |c| format!("; did you mean `{c}`?"))
}

/// `a`, `b` or `c`: a list of allowed values, each in backticks.
pub fn one_of(values: &[&str]) -> String {
    let quoted: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// What went wrong with a file, in words (no `(os error 2)`).
pub fn io_problem(err: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    let words = match err.kind() {
        NotFound => "no such file",
        PermissionDenied => "permission denied",
        IsADirectory => "it is a folder, not a file",
        NotADirectory => "a part of the path is a file, not a folder",
        AlreadyExists => "a file of that name already exists",
        InvalidData => "it is not valid UTF-8 text",
        StorageFull => "the disk is full",
        ReadOnlyFilesystem => "the file system is read-only",
        FileTooLarge => "the file is too large",
        _ => return other_io_problem(err),
    };
    words.to_owned()
}

/// An OS error without its number: the kind's own description.
fn other_io_problem(err: &std::io::Error) -> String {
    if err.raw_os_error().is_some() {
        err.kind().to_string()
    } else {
        visible_controls(&err.to_string())
    }
}

/// `text` with control characters (other than tab and line breaks) written as `U+0000`.
pub fn visible_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            out.push_str(&codepoint(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// A character as `U+0000` (at least four hex digits).
pub fn codepoint(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_the_closest_candidate() {
        let rules = ["note/emergency", "note/region", "note/ase"];
        assert_eq!(closest("note/emergncy", rules), Some("note/emergency"));
        assert_eq!(closest("NOTE/REGION", rules), Some("note/region"));
        assert_eq!(closest("table/empty-cell", rules), None);
        assert_eq!(closest("of", ["off", "warning", "error"]), Some("off"));
    }

    #[test]
    fn allowed_values_read_as_a_sentence() {
        assert_eq!(
            one_of(&["off", "warning", "error"]),
            "`off`, `warning` or `error`"
        );
        assert_eq!(one_of(&["x"]), "`x`");
    }

    #[test]
    fn os_errors_have_no_number() {
        let err = std::io::Error::from_raw_os_error(2);
        assert_eq!(io_problem(&err), "no such file");
        let err = std::io::Error::from_raw_os_error(5);
        assert!(
            !io_problem(&err).contains("os error"),
            "{}",
            io_problem(&err)
        );
    }

    #[test]
    fn control_characters_are_named() {
        assert_eq!(visible_controls("a\u{0}b\u{7f}"), "aU+0000bU+007F");
    }
}
