//! The token's own expiry (`GET /personal_access_tokens/self`, which also names its
//! user): a warning in the job log and the summary's footer when it expires within
//! [`WARN_DAYS`] days, so the bot does not fall silent one morning.

use std::time::{SystemTime, UNIX_EPOCH};

/// Warn this many days ahead.
pub const WARN_DAYS: i64 = 14;

/// The warning for a token expiring on `expires_at` (`YYYY-MM-DD`), seen on day `today`
/// (days since 1970-01-01); `None` when it is further off, never expires or the date is
/// unreadable.
pub fn expiry_warning(expires_at: Option<&str>, today: i64) -> Option<String> {
    let date = expires_at?;
    let left = days_from_date(date)? - today;
    if left > WARN_DAYS {
        return None;
    }
    let when = match left {
        ..0 => "has expired".to_owned(),
        0 => "expires today".to_owned(),
        1 => "expires tomorrow".to_owned(),
        n => format!("expires in {n} days"),
    };
    Some(format!(
        "the bot's token (ASE_LINT_TOKEN) {when} ({date}). A project maintainer should create \
         a new one (Settings > Access tokens) and replace the CI/CD variable, or the bot stops \
         commenting."
    ))
}

/// Today as days since 1970-01-01 (UTC).
pub fn today() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs() / 86_400).unwrap_or(0))
}

/// `YYYY-MM-DD` (a longer timestamp is cut to its date) as days since 1970-01-01.
fn days_from_date(date: &str) -> Option<i64> {
    let mut parts = date.get(..10)?.split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let day: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days() {
        assert_eq!(days_from_date("1970-01-01"), Some(0));
        assert_eq!(days_from_date("2000-03-01"), Some(11_017));
        assert_eq!(days_from_date("2026-11-29T00:00:00Z"), Some(20_786));
        assert_eq!(days_from_date("2026-13-01"), None);
    }

    #[test]
    fn warns_within_two_weeks_only() {
        let today = 20_786; // 2026-11-29
        assert_eq!(expiry_warning(Some("2027-01-30"), today), None);
        assert_eq!(expiry_warning(None, today), None);
        let soon = expiry_warning(Some("2026-12-03"), today).unwrap_or_default();
        assert!(soon.contains("expires in 4 days (2026-12-03)"), "{soon}");
        let gone = expiry_warning(Some("2026-11-01"), today).unwrap_or_default();
        assert!(gone.contains("has expired"), "{gone}");
    }
}
