//! Tokens: random secrets shown once, stored as their SHA-256.
//!
//! A token is 256 random bits from the system (`getrandom`), URL-safe base64 without padding,
//! after a `pst_` prefix that says what it is (and lets secret scanners find one left in a file).
//! They are random, not passwords: a fast hash compared in constant time is enough, and a slow
//! one would cap the server at a few dozen requests a second.

use base64::Engine as _;
use sha2::{Digest as _, Sha256};

use super::StoreError;

/// What every token starts with.
pub const PREFIX: &str = "pst_";

/// The longest text looked up as a token (a token is 47 characters).
pub const MAX_LEN: usize = 256;

/// A new token: `pst_` and 32 random bytes in URL-safe base64 without padding.
pub fn generate() -> Result<String, StoreError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|error| StoreError::Random(error.to_string()))?;
    Ok(format!(
        "{PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    ))
}

/// The stored form of a token: its SHA-256, in lowercase hexadecimal.
pub fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_url_safe_and_long() {
        let (one, two) = (generate().ok(), generate().ok());
        assert_ne!(one, two);
        let token = one.unwrap_or_default();
        let body = token.strip_prefix(PREFIX).unwrap_or_default();
        assert_eq!(body.len(), 43, "{token}");
        assert!(
            body.bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_')
        );
    }

    #[test]
    fn the_hash_is_sha256_hex() {
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
