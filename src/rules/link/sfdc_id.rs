//! Salesforce record ids: the 15-character case-sensitive id, its 3-character case-safe
//! suffix, and what makes an id an *Account* id (the `001` key prefix).

/// The key prefix of Account records.
pub const ACCOUNT_PREFIX: &str = "001";

/// The alphabet the case-safe suffix is written in (index = 5-bit value).
const SUFFIX_ALPHABET: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

/// Other common key prefixes, to say what a wrong link points at.
const KNOWN_PREFIXES: [(&str, &str); 7] = [
    ("003", "a Contact"),
    ("005", "a User"),
    ("006", "an Opportunity"),
    ("00Q", "a Lead"),
    ("500", "a Case"),
    ("800", "a Contract"),
    ("a0", "a custom object record"),
];

/// Why a string is not a valid Salesforce Account id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SfIdError {
    /// A character other than ASCII letters and digits.
    BadCharacter(char),
    /// Not 15 or 18 characters long.
    BadLength(usize),
    /// The key prefix is not `001`; `kind` names the record type when known.
    NotAccount {
        prefix: String,
        kind: Option<&'static str>,
    },
    /// An 18-character id whose last three characters are not the case-safe suffix of the
    /// first fifteen.
    BadChecksum { found: String, expected: String },
}

/// The case-safe suffix of a 15-character id (`None` if it is not 15 ASCII alphanumerics).
///
/// Split the id into three chunks of five; in each chunk, character `i` (left to right)
/// that is an uppercase letter sets bit `i`; each 0–31 value is a letter of
/// `ABCDEFGHIJKLMNOPQRSTUVWXYZ012345`.
pub fn case_safe_suffix(id15: &str) -> Option<String> {
    if id15.len() != 15 || !id15.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let suffix = id15
        .as_bytes()
        .chunks(5)
        .map(|chunk| {
            let bits = chunk
                .iter()
                .enumerate()
                .filter(|(_, b)| b.is_ascii_uppercase())
                .fold(0usize, |acc, (i, _)| acc | (1 << i));
            char::from(SUFFIX_ALPHABET[bits])
        })
        .collect();
    Some(suffix)
}

/// Checks that `id` is a 15- or 18-character Account id with a correct suffix.
pub fn check_account_id(id: &str) -> Result<(), SfIdError> {
    if let Some(bad) = id.chars().find(|c| !c.is_ascii_alphanumeric()) {
        return Err(SfIdError::BadCharacter(bad));
    }
    if id.len() != 15 && id.len() != 18 {
        return Err(SfIdError::BadLength(id.len()));
    }
    if !id.starts_with(ACCOUNT_PREFIX) {
        let kind = KNOWN_PREFIXES
            .iter()
            .find(|(prefix, _)| id.starts_with(prefix))
            .map(|(_, kind)| *kind);
        return Err(SfIdError::NotAccount {
            prefix: id[..3].to_owned(),
            kind,
        });
    }
    if id.len() == 18 {
        let (id15, found) = id.split_at(15);
        let expected = case_safe_suffix(id15).unwrap_or_default();
        if found != expected {
            return Err(SfIdError::BadChecksum {
                found: found.to_owned(),
                expected,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suffix_test_vectors() {
        assert_eq!(case_safe_suffix("0014M00001hHV5C").as_deref(), Some("QAW"));
        assert_eq!(case_safe_suffix("AAAAABBBBBCCCCC").as_deref(), Some("555"));
        assert_eq!(case_safe_suffix("000000000000000").as_deref(), Some("AAA"));
        assert_eq!(case_safe_suffix("0014M00001hHV5"), None);
        assert_eq!(case_safe_suffix("0014M00001hHV5-"), None);
    }

    #[test]
    fn account_ids() {
        assert_eq!(check_account_id("0014M00001hHV5C"), Ok(()));
        assert_eq!(check_account_id("0014M00001hHV5CQAW"), Ok(()));
    }

    #[test]
    fn wrong_suffix_names_the_right_one() {
        assert_eq!(
            check_account_id("0014M00001hHV5CQAA"),
            Err(SfIdError::BadChecksum {
                found: "QAA".into(),
                expected: "QAW".into()
            })
        );
        // A suffix computed as if the id were all lowercase is wrong too.
        assert!(check_account_id("0014M00001hHV5CAAA").is_err());
    }

    #[test]
    fn other_records_and_shapes() {
        assert_eq!(
            check_account_id("0064M00001hHV5C"),
            Err(SfIdError::NotAccount {
                prefix: "006".into(),
                kind: Some("an Opportunity")
            })
        );
        assert_eq!(
            check_account_id("0014M00001hHV5"),
            Err(SfIdError::BadLength(14))
        );
        assert_eq!(
            check_account_id("0014M00001hHV5C-"),
            Err(SfIdError::BadCharacter('-'))
        );
    }
}
