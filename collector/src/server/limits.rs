//! The server's bounds: request body size, per-token request rate, request time. One client
//! (or one leaked token) must not be able to take the server from the others.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The bounds a server applies; `Limits::default()` is what `posture serve` uses.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest request body, in bytes (larger: 413).
    pub body_bytes: usize,
    /// Requests a second a token may make, on average.
    pub rate_per_second: f64,
    /// Requests a token may make at once before the rate applies.
    pub burst: f64,
    /// The longest a request may take before the server gives up on it (503).
    pub request_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            body_bytes: 1024 * 1024,
            rate_per_second: 20.0,
            burst: 40.0,
            request_timeout: Duration::from_secs(30),
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

/// A token bucket per API token id, in memory (one entry per token that made a request).
#[derive(Debug)]
pub(crate) struct RateLimiter {
    rate: f64,
    burst: f64,
    buckets: Mutex<HashMap<i64, Bucket>>,
}

impl RateLimiter {
    pub(crate) fn new(limits: &Limits) -> RateLimiter {
        RateLimiter {
            rate: limits.rate_per_second.max(f64::MIN_POSITIVE),
            burst: limits.burst.max(1.0),
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one request from `token_id`'s bucket: `Ok` when allowed, else `Err(seconds)` to
    /// wait before the next one is (for `Retry-After`).
    pub(crate) fn take(&self, token_id: i64) -> Result<(), u64> {
        self.take_at(token_id, Instant::now())
    }

    fn take_at(&self, token_id: i64, now: Instant) -> Result<(), u64> {
        // A poisoned lock only means another request panicked while holding it: the buckets
        // are still numbers, so keep going with them.
        let mut buckets = self
            .buckets
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let bucket = buckets.entry(token_id).or_insert(Bucket {
            tokens: self.burst,
            last: now,
        });
        let elapsed = now.saturating_duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * self.rate).min(self.burst);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = ((1.0 - bucket.tokens) / self.rate).ceil();
            // At least a second; a rate set absurdly low still gives a finite answer.
            Err(if wait.is_finite() && wait >= 1.0 {
                wait.min(86_400.0) as u64
            } else {
                1
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_the_rate() {
        let limits = Limits {
            rate_per_second: 2.0,
            burst: 3.0,
            ..Limits::default()
        };
        let limiter = RateLimiter::new(&limits);
        let start = Instant::now();
        for _ in 0..3 {
            assert_eq!(limiter.take_at(1, start), Ok(()));
        }
        assert_eq!(limiter.take_at(1, start), Err(1));
        // Another token has its own bucket.
        assert_eq!(limiter.take_at(2, start), Ok(()));
        // Half a second later, one more request.
        let later = start + Duration::from_millis(500);
        assert_eq!(limiter.take_at(1, later), Ok(()));
        assert!(limiter.take_at(1, later).is_err());
    }
}
