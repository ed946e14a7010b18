//! The server's bounds: request body size, per-token request rate, per-address rate of requests
//! without a valid token, request time, time to send a request's headers. One client (or one
//! leaked token, or one address trying tokens) must not be able to take the server from the
//! others, and the tables that keep count must not grow with the number of clients.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
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
    /// Requests a second that one client address may make without a valid token (answered
    /// `401`), on average; over it, `429` with `Retry-After`. A valid token is never refused
    /// for its address's failures.
    pub unauthenticated_rate_per_second: f64,
    /// Requests without a valid token that one address may make at once before that rate
    /// applies.
    pub unauthenticated_burst: f64,
    /// How many client addresses the unauthenticated rate keeps a count for; past that (many
    /// addresses at once), the newcomers share one count.
    pub tracked_addresses: usize,
    /// The longest a request may take before the server gives up on it (503).
    pub request_timeout: Duration,
    /// The longest a client may take to send a request's line and headers (and, over TLS, to
    /// complete its handshake), and the longest a kept-alive connection may stay idle: past
    /// it, the connection is closed (a slow client, "slowloris", holds no connection longer).
    pub header_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            body_bytes: 1024 * 1024,
            rate_per_second: 20.0,
            burst: 40.0,
            unauthenticated_rate_per_second: 1.0,
            unauthenticated_burst: 20.0,
            tracked_addresses: 10_000,
            request_timeout: Duration::from_secs(30),
            header_timeout: Duration::from_secs(10),
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

impl Bucket {
    /// The bucket refilled up to `now`.
    fn refill(&mut self, now: Instant, rate: f64, burst: f64) {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.tokens = (self.tokens + elapsed * rate).min(burst);
        self.last = now;
    }
}

/// The buckets, and the one shared by the keys that found the table full.
#[derive(Debug)]
struct Table<K> {
    buckets: HashMap<K, Bucket>,
    overflow: Option<Bucket>,
    last_sweep: Option<Instant>,
}

/// A token bucket per key (an API token id, a client address), in memory, for at most
/// `capacity` keys: when the table is full, the buckets that have refilled (whose keys have
/// been quiet long enough to start afresh) are dropped, at most once a second; when none has,
/// the newcomers share one bucket until room is made.
#[derive(Debug)]
pub(crate) struct RateLimiter<K> {
    rate: f64,
    burst: f64,
    capacity: usize,
    table: Mutex<Table<K>>,
}

/// How often a full table is swept at most (a sweep goes over every bucket).
const SWEEP_EVERY: Duration = Duration::from_secs(1);

impl<K: Hash + Eq> RateLimiter<K> {
    pub(crate) fn new(rate: f64, burst: f64, capacity: usize) -> RateLimiter<K> {
        RateLimiter {
            rate: if rate.is_finite() && rate > 0.0 {
                rate
            } else {
                f64::MIN_POSITIVE
            },
            burst: burst.max(1.0),
            capacity: capacity.max(1),
            table: Mutex::new(Table {
                buckets: HashMap::new(),
                overflow: None,
                last_sweep: None,
            }),
        }
    }

    /// Takes one request from `key`'s bucket: `Ok` when allowed, else `Err(seconds)` to wait
    /// before the next one is (for `Retry-After`).
    pub(crate) fn take(&self, key: K) -> Result<(), u64> {
        self.take_at(key, Instant::now())
    }

    fn take_at(&self, key: K, now: Instant) -> Result<(), u64> {
        let (rate, burst) = (self.rate, self.burst);
        // A poisoned lock only means another request panicked while holding it: the buckets
        // are still numbers, so keep going with them.
        let mut table = self
            .table
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let table = &mut *table;
        if !table.buckets.contains_key(&key) && table.buckets.len() >= self.capacity {
            let swept = table
                .last_sweep
                .is_some_and(|last| now.saturating_duration_since(last) < SWEEP_EVERY);
            if !swept {
                table.last_sweep = Some(now);
                table.buckets.retain(|_, bucket| {
                    bucket.refill(now, rate, burst);
                    bucket.tokens < burst
                });
            }
        }
        let fresh = Bucket {
            tokens: burst,
            last: now,
        };
        let bucket = if table.buckets.len() < self.capacity || table.buckets.contains_key(&key) {
            table.buckets.entry(key).or_insert(fresh)
        } else {
            table.overflow.get_or_insert(fresh)
        };
        bucket.refill(now, rate, burst);
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            let wait = ((1.0 - bucket.tokens) / rate).ceil();
            // At least a second; a rate set absurdly low still gives a finite answer.
            Err(if wait.is_finite() && wait >= 1.0 {
                wait.min(86_400.0) as u64
            } else {
                1
            })
        }
    }

    /// How many keys have a bucket of their own.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.table
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .buckets
            .len()
    }
}

/// The per-token limiter of `limits`.
pub(crate) fn per_token(limits: &Limits) -> RateLimiter<i64> {
    // One bucket per token that made a request: bounded by the tokens in the database.
    RateLimiter::new(limits.rate_per_second, limits.burst, usize::MAX)
}

/// The per-address limiter of requests without a valid token, of `limits`.
pub(crate) fn per_address(limits: &Limits) -> RateLimiter<IpAddr> {
    RateLimiter::new(
        limits.unauthenticated_rate_per_second,
        limits.unauthenticated_burst,
        limits.tracked_addresses,
    )
}

/// The key of a client address: an IPv4 address, or an IPv6 address's /64 network (one
/// machine commonly has a whole /64 to pick addresses from); an IPv4 address written as IPv6
/// is the IPv4 address.
pub(crate) fn address_key(address: IpAddr) -> IpAddr {
    match address.to_canonical() {
        IpAddr::V6(v6) => {
            let network = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(network.into())
        }
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_burst_then_the_rate() {
        let limiter = RateLimiter::new(2.0, 3.0, usize::MAX);
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

    #[test]
    fn the_table_never_holds_more_than_its_capacity() {
        let limiter = RateLimiter::new(1.0, 2.0, 100);
        let start = Instant::now();
        for key in 0..10_000u32 {
            let _ = limiter.take_at(key, start);
            assert!(limiter.len() <= 100);
        }
        // The newcomers past the capacity share one bucket: it is empty now.
        assert!(limiter.take_at(20_000, start).is_err());
        // A key with its own bucket keeps it.
        assert_eq!(limiter.take_at(5, start), Ok(()));
        // Once the buckets have refilled, a sweep makes room for new keys.
        let later = start + Duration::from_secs(5);
        assert_eq!(limiter.take_at(30_000, later), Ok(()));
        assert!(limiter.len() <= 100);
        assert_eq!(limiter.take_at(30_000, later), Ok(()));
        assert!(limiter.take_at(30_000, later).is_err());
    }

    #[test]
    fn an_ipv6_network_is_one_client() {
        let one: IpAddr = "2001:db8:1:2:aaaa::1".parse().expect("address");
        let two: IpAddr = "2001:db8:1:2:bbbb::9".parse().expect("address");
        let other: IpAddr = "2001:db8:1:3::1".parse().expect("address");
        assert_eq!(address_key(one), address_key(two));
        assert_ne!(address_key(one), address_key(other));
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().expect("address");
        assert_eq!(
            address_key(mapped),
            "192.0.2.7".parse::<IpAddr>().expect("v4")
        );
    }
}
