//! Which region a word or two names: codes, cities, countries and timezones (through
//! [`region_of`]), two-word names ("Pacific time", "Middle East", "São Paulo") and UTC
//! offsets ("UTC+10").

use crate::note::names::region_of;
use crate::note::text::{Kind, Token};

/// The region of token `k`, reading two-word names ("Pacific time" is AMER, "Middle East"
/// and "South Africa" EMEA, "New Zealand" APAC).
pub(super) fn region_word(tokens: &[Token], k: usize) -> Option<&'static str> {
    let token = &tokens[k];
    let next = tokens.get(k + 1).map(|t| t.lower.as_str()).unwrap_or("");
    let prev = k
        .checked_sub(1)
        .map(|p| tokens[p].lower.as_str())
        .unwrap_or("");
    if token.is("pacific")
        && ["time", "standard", "daylight", "coast", "northwest", "tz"].contains(&next)
    {
        return Some("AMER");
    }
    if ["eastern", "central", "mountain"].contains(&token.lower.as_str())
        && token.capitalised
        && ["time", "standard", "tz"].contains(&next)
    {
        return Some("AMER");
    }
    if token.is("east") && prev == "middle" {
        return Some("EMEA");
    }
    // Cities whose second word is also a first name: "São Paulo", "San José", "Los Angeles".
    let city_pairs = [
        ("são", "paulo"),
        ("sao", "paulo"),
        ("san", "francisco"),
        ("san", "diego"),
        ("san", "jose"),
        ("san", "josé"),
        ("los", "angeles"),
        ("santo", "domingo"),
        ("el", "salvador"),
    ];
    if city_pairs
        .iter()
        .any(|(a, b)| prev == *a && token.lower == *b)
    {
        return Some("AMER");
    }
    // "Ho Chi Minh City", "Kota Kinabalu": APAC cities whose words are also names.
    if [("chi", "minh"), ("kota", "kinabalu"), ("phnom", "penh")]
        .iter()
        .any(|(a, b)| prev == *a && token.lower == *b)
    {
        return Some("APAC");
    }
    if token.is("utc") || token.is("gmt") {
        if let Some(region) = utc_offset(tokens, k) {
            return Some(region);
        }
        if token.is("utc") {
            return None;
        }
    }
    if ["pacific", "eastern", "central", "mountain"].contains(&token.lower.as_str()) && prev == "us"
    {
        return Some("AMER");
    }
    region_of(token)
}

/// "UTC+10", "GMT-5", "UTC +5:30": the region of a UTC offset (−10…−3 AMER, −1…+4 EMEA,
/// +5…+13 APAC).
fn utc_offset(tokens: &[Token], k: usize) -> Option<&'static str> {
    let sign = tokens.get(k + 1)?;
    let hours = tokens.get(k + 2)?;
    let negative = match sign.kind {
        Kind::Punct('+') => false,
        Kind::Punct('-') => true,
        _ => return None,
    };
    let digits: String = hours
        .lower
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let hours: i32 = digits.parse().ok()?;
    let offset = if negative { -hours } else { hours };
    match offset {
        -10..=-3 => Some("AMER"),
        -1..=4 => Some("EMEA"),
        5..=13 => Some("APAC"),
        _ => None,
    }
}
