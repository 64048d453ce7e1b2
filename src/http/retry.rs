//! When to try a request again and how long to wait: bounded exponential backoff with
//! jitter on 5xx and connection errors, `Retry-After` on 429, slowing down as
//! `RateLimit-Remaining` falls, and a pacer that keeps note creation under GitLab's
//! per-minute limit. Pure functions of time and headers, so they are unit-tested.

use std::collections::VecDeque;
use std::hash::{BuildHasher, Hasher};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use http::{HeaderMap, Method, StatusCode};

/// How often and how long to retry.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// First backoff step; doubles on every attempt.
    pub base: Duration,
    /// Longest single wait (also caps `Retry-After`).
    pub max_delay: Duration,
    /// Attempts in all (the first one included).
    pub max_attempts: u32,
}

impl RetryPolicy {
    /// The policy used in CI: 0.5 s, 1 s, 2 s, 4 s … capped at 60 s, 6 attempts.
    pub fn with_base(base: Duration) -> Self {
        Self {
            base,
            max_delay: Duration::from_secs(60).max(base),
            max_attempts: 6,
        }
    }

    /// Wait before retry number `attempt` (0-based): half the exponential step plus a
    /// random share of the other half ("equal jitter"), so clients spread out.
    pub fn backoff(&self, attempt: u32, random: u64) -> Duration {
        let step = self
            .base
            .saturating_mul(1u32 << attempt.min(16))
            .min(self.max_delay);
        let half = step / 2;
        let spread = u64::try_from(half.as_millis()).unwrap_or(u64::MAX).max(1);
        half + Duration::from_millis(random % spread)
    }
}

/// What to do with an answer (or a failure to get one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryDecision {
    /// Give the answer to the caller.
    Done,
    /// Try again after the wait.
    Retry(Duration),
}

/// Methods that can be repeated without changing the result twice.
pub fn is_idempotent(method: &Method) -> bool {
    matches!(
        *method,
        Method::GET | Method::HEAD | Method::PUT | Method::DELETE
    )
}

/// Decides about an HTTP answer to attempt number `attempt` (0-based).
///
/// 429 is always retried (GitLab did not act). 502/503/504 come from in front of the
/// application and are retried for every method; other 5xx only for idempotent ones, so
/// a note is not posted twice.
pub fn after_status(
    policy: &RetryPolicy,
    method: &Method,
    status: StatusCode,
    headers: &HeaderMap,
    attempt: u32,
) -> RetryDecision {
    if attempt + 1 >= policy.max_attempts {
        return RetryDecision::Done;
    }
    let gateway = matches!(status.as_u16(), 502..=504);
    if status == StatusCode::TOO_MANY_REQUESTS {
        let wait = retry_after(headers).unwrap_or_else(|| policy.backoff(attempt, random()));
        RetryDecision::Retry(wait.min(policy.max_delay))
    } else if gateway || (status.is_server_error() && is_idempotent(method)) {
        RetryDecision::Retry(policy.backoff(attempt, random()))
    } else {
        RetryDecision::Done
    }
}

/// Decides about a request that got no answer: connection errors are retried; timeouts
/// only for idempotent methods (the server may have acted on a POST).
pub fn after_failure(
    policy: &RetryPolicy,
    method: &Method,
    connect_error: bool,
    attempt: u32,
) -> RetryDecision {
    if attempt + 1 >= policy.max_attempts || !(connect_error || is_idempotent(method)) {
        RetryDecision::Done
    } else {
        RetryDecision::Retry(policy.backoff(attempt, random()))
    }
}

/// `Retry-After` in seconds (GitLab sends seconds).
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    header_u64(headers, "retry-after").map(Duration::from_secs)
}

fn header_u64(headers: &HeaderMap, name: &str) -> Option<u64> {
    headers.get(name)?.to_str().ok()?.trim().parse().ok()
}

/// A pause before the next request when few requests are left in the rate-limit window:
/// below a tenth of `RateLimit-Limit`, the rest of the window (until `RateLimit-Reset`)
/// is spread over the remaining requests. Capped at `cap`.
pub fn rate_limit_pause(headers: &HeaderMap, now: SystemTime, cap: Duration) -> Option<Duration> {
    let remaining = header_u64(headers, "ratelimit-remaining")?;
    let limit = header_u64(headers, "ratelimit-limit")?;
    if limit == 0 || remaining.saturating_mul(10) > limit {
        return None;
    }
    let now_secs = now.duration_since(UNIX_EPOCH).ok()?.as_secs();
    let window = header_u64(headers, "ratelimit-reset")
        .map(|reset| reset.saturating_sub(now_secs))
        .unwrap_or(60);
    let pause = Duration::from_secs(window)
        .checked_div(u32::try_from(remaining.max(1)).unwrap_or(u32::MAX))?;
    Some(pause.min(cap))
}

/// Keeps note creations under `per_minute` in any sliding minute.
#[derive(Debug)]
pub struct Pacer {
    per_minute: usize,
    window: Duration,
    /// When each recent creation was (or will be) sent.
    sent: VecDeque<Instant>,
}

impl Pacer {
    pub fn new(per_minute: usize) -> Self {
        Self {
            per_minute: per_minute.max(1),
            window: Duration::from_secs(60),
            sent: VecDeque::new(),
        }
    }

    /// Books a slot for one creation and returns how long to wait before sending it.
    pub fn reserve(&mut self, now: Instant) -> Duration {
        while self
            .sent
            .front()
            .is_some_and(|t| now.saturating_duration_since(*t) >= self.window)
        {
            self.sent.pop_front();
        }
        let at = if self.sent.len() >= self.per_minute {
            let oldest = self.sent[self.sent.len() - self.per_minute];
            (oldest + self.window).max(now)
        } else {
            now
        };
        self.sent.push_back(at);
        at.saturating_duration_since(now)
    }
}

/// A random number for jitter (std's per-instance random hasher keys; no extra crate).
pub fn random() -> u64 {
    std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn policy() -> RetryPolicy {
        RetryPolicy::with_base(Duration::from_millis(100))
    }

    #[test]
    fn backoff_grows_is_jittered_and_bounded() {
        let p = policy();
        assert_eq!(p.backoff(0, 0), Duration::from_millis(50));
        assert!(p.backoff(0, 49) < Duration::from_millis(100));
        assert_eq!(p.backoff(3, 0), Duration::from_millis(400));
        assert!(p.backoff(30, u64::MAX) <= p.max_delay);
    }

    #[test]
    fn statuses_are_retried_by_method() {
        let p = policy();
        let h = HeaderMap::new();
        let retried = |m: &Method, s: u16| {
            matches!(
                after_status(&p, m, StatusCode::from_u16(s).unwrap(), &h, 0),
                RetryDecision::Retry(_)
            )
        };
        assert!(retried(&Method::POST, 429));
        assert!(retried(&Method::POST, 502));
        assert!(!retried(&Method::POST, 500));
        assert!(retried(&Method::GET, 500));
        assert!(!retried(&Method::GET, 404));
        assert!(!retried(&Method::POST, 400));
        let last = after_status(&p, &Method::GET, StatusCode::BAD_GATEWAY, &h, 5);
        assert_eq!(last, RetryDecision::Done);
    }

    #[test]
    fn retry_after_is_honoured_and_capped() {
        let p = policy();
        let mut h = HeaderMap::new();
        h.insert("retry-after", "3".parse().unwrap());
        let got = after_status(&p, &Method::POST, StatusCode::TOO_MANY_REQUESTS, &h, 0);
        assert_eq!(got, RetryDecision::Retry(Duration::from_secs(3)));
        h.insert("retry-after", "99999".parse().unwrap());
        let got = after_status(&p, &Method::POST, StatusCode::TOO_MANY_REQUESTS, &h, 0);
        assert_eq!(got, RetryDecision::Retry(p.max_delay));
    }

    #[test]
    fn timeouts_are_retried_only_when_safe() {
        let p = policy();
        assert!(matches!(
            after_failure(&p, &Method::POST, true, 0),
            RetryDecision::Retry(_)
        ));
        assert_eq!(
            after_failure(&p, &Method::POST, false, 0),
            RetryDecision::Done
        );
        assert!(matches!(
            after_failure(&p, &Method::GET, false, 0),
            RetryDecision::Retry(_)
        ));
    }

    #[test]
    fn low_remaining_budget_slows_down() {
        let now = UNIX_EPOCH + Duration::from_secs(1_000);
        let mut h = HeaderMap::new();
        h.insert("ratelimit-limit", "2000".parse().unwrap());
        h.insert("ratelimit-remaining", "1500".parse().unwrap());
        h.insert("ratelimit-reset", "1030".parse().unwrap());
        assert_eq!(rate_limit_pause(&h, now, Duration::from_secs(10)), None);
        h.insert("ratelimit-remaining", "10".parse().unwrap());
        assert_eq!(
            rate_limit_pause(&h, now, Duration::from_secs(10)),
            Some(Duration::from_secs(3))
        );
        h.insert("ratelimit-remaining", "0".parse().unwrap());
        assert_eq!(
            rate_limit_pause(&h, now, Duration::from_secs(10)),
            Some(Duration::from_secs(10))
        );
    }

    #[test]
    fn pacer_keeps_under_the_limit_per_minute() {
        let mut pacer = Pacer::new(2);
        let t0 = Instant::now();
        assert_eq!(pacer.reserve(t0), Duration::ZERO);
        assert_eq!(pacer.reserve(t0), Duration::ZERO);
        assert_eq!(pacer.reserve(t0), Duration::from_secs(60));
        assert_eq!(pacer.reserve(t0 + Duration::from_secs(61)), Duration::ZERO);
    }
}
