//! Reading a Zendesk id (organization or user) out of a table cell, and what is wrong with
//! it when it is not one. Shared by the `id/*`, `table/duplicate-account` and
//! `link/org-note` rules.

use crate::model::Cell;
use crate::rules::util;

/// A valid Zendesk id: a positive 64-bit integer written as plain digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ZendeskId {
    pub value: i64,
    /// How many digits it is written with.
    pub digits: usize,
}

/// Why a cell's text is not a Zendesk id. `digits` is the id the text most likely means,
/// when there is one (it is offered as a fix).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdError {
    /// No digit at all.
    NotANumber,
    /// `-123`.
    Negative { digits: Option<String> },
    /// `0`, `000`.
    Zero,
    /// `0123`.
    LeadingZero,
    /// More than a 64-bit integer holds.
    TooLarge,
    /// `3.61092E+11`, as spreadsheets write long numbers: the digits are lost.
    Scientific,
    /// `361,092,349,520`: thousands separators.
    Grouped {
        separator: char,
        digits: Option<String>,
    },
    /// `ID: 123`, `123 (old)`: one number with other text.
    StrayText { digits: Option<String> },
    /// `123 / 456`: more than one number.
    SeveralNumbers,
}

/// Reads a cell as a Zendesk id (`None` for an empty cell or a cell that is not an id).
/// Markdown around the id (a link, bold, code) is allowed: the plain text is judged.
pub fn cell_id(cell: &Cell) -> Option<ZendeskId> {
    if util::is_blank(cell) {
        return None;
    }
    parse(&util::value(cell)).ok()
}

/// Parses the text of an id cell.
pub fn parse(text: &str) -> Result<ZendeskId, IdError> {
    let text = text.trim();
    if is_digits(text) {
        return parse_digits(text);
    }
    if let Some(rest) = text.strip_prefix(['-', '−']).map(str::trim_start)
        && is_digits(rest)
    {
        return Err(IdError::Negative {
            digits: valid(rest),
        });
    }
    if is_scientific(text) {
        return Err(IdError::Scientific);
    }
    if let Some(separator) = thousands_separator(text) {
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        return Err(IdError::Grouped {
            separator,
            digits: valid(&digits),
        });
    }
    let runs: Vec<&str> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
        .collect();
    match runs.as_slice() {
        [] => Err(IdError::NotANumber),
        [one] => Err(IdError::StrayText { digits: valid(one) }),
        _ => Err(IdError::SeveralNumbers),
    }
}

fn parse_digits(digits: &str) -> Result<ZendeskId, IdError> {
    if digits.bytes().all(|b| b == b'0') {
        return Err(IdError::Zero);
    }
    if digits.starts_with('0') {
        return Err(IdError::LeadingZero);
    }
    let value = digits.parse::<i64>().map_err(|_| IdError::TooLarge)?;
    Ok(ZendeskId {
        value,
        digits: digits.len(),
    })
}

/// `digits` when they are a valid id by themselves (so offering them as a fix is safe).
fn valid(digits: &str) -> Option<String> {
    parse_digits(digits).ok().map(|_| digits.to_owned())
}

fn is_digits(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

/// `3.61092E+11`, `3E11`.
fn is_scientific(text: &str) -> bool {
    let Some((mantissa, exponent)) = text.split_once(['e', 'E']) else {
        return false;
    };
    let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, "0"));
    is_digits(whole) && is_digits(fraction) && is_digits(exponent)
}

/// The separator of `1,234,567`-style grouping (first group 1–3 digits, then groups of 3,
/// all separated by the same `,`, `.`, `'`, `_`, space or no-break space).
fn thousands_separator(text: &str) -> Option<char> {
    let separator = text.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(separator, ',' | '.' | '\'' | '_' | ' ' | '\u{a0}') {
        return None;
    }
    let mut groups = text.split(separator);
    let first = groups.next()?;
    let first_ok = is_digits(first) && first.len() <= 3;
    let rest_ok = groups.all(|g| is_digits(g) && g.len() == 3);
    (first_ok && rest_ok).then_some(separator)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Option<i64> {
        parse(text).ok().map(|id| id.value)
    }

    #[test]
    fn plain_positive_integers_are_ids() {
        assert_eq!(ok("361092349520"), Some(361_092_349_520));
        assert_eq!(ok(" 27946339528 "), Some(27_946_339_528));
        assert_eq!(ok("9223372036854775807"), Some(i64::MAX));
        assert_eq!(parse("1234").map(|id| id.digits), Ok(4));
    }

    #[test]
    fn numbers_that_are_not_ids() {
        assert_eq!(parse("0"), Err(IdError::Zero));
        assert_eq!(parse("0123"), Err(IdError::LeadingZero));
        assert_eq!(parse("9223372036854775808"), Err(IdError::TooLarge));
        assert_eq!(parse("3.61092E+11"), Err(IdError::Scientific));
        assert_eq!(
            parse("-361092349520"),
            Err(IdError::Negative {
                digits: Some("361092349520".into())
            })
        );
    }

    #[test]
    fn grouped_digits_are_recognised() {
        assert_eq!(
            parse("361,092,349,520"),
            Err(IdError::Grouped {
                separator: ',',
                digits: Some("361092349520".into())
            })
        );
        assert_eq!(
            parse("1 234"),
            Err(IdError::Grouped {
                separator: ' ',
                digits: Some("1234".into())
            })
        );
        assert_eq!(parse("1,2345"), Err(IdError::SeveralNumbers));
    }

    #[test]
    fn text_around_one_number_offers_the_digits() {
        for text in ["ID: 361092349520", "361092349520 (old)", "#361092349520"] {
            assert_eq!(
                parse(text),
                Err(IdError::StrayText {
                    digits: Some("361092349520".into())
                }),
                "{text}"
            );
        }
        assert_eq!(
            parse("ID: 0"),
            Err(IdError::StrayText { digits: None }),
            "no fix that is itself wrong"
        );
    }

    #[test]
    fn several_or_no_numbers() {
        assert_eq!(parse("123 / 456"), Err(IdError::SeveralNumbers));
        assert_eq!(parse("see note"), Err(IdError::NotANumber));
        assert_eq!(parse("١٢٣"), Err(IdError::NotANumber));
    }
}
