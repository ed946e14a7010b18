//! The archive's passphrase: random characters from the operating system's generator, from an
//! alphabet with no look-alikes (no `i`, `l`, `o`, `u`), in groups of four, so that it can be read
//! out on the phone or typed from an SMS without a mistake.

use std::fmt;

/// The characters of a passphrase: digits and lowercase letters, without `i`, `l` and `o` (read as
/// `1` and `0`) nor `u` (heard as `v`, `w`). 32 symbols: 5 bits each.
pub const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// How many random characters a passphrase holds.
pub const LENGTH: usize = 24;

/// How many characters a group holds; groups are separated by `-`.
pub const GROUP: usize = 4;

/// The entropy of a passphrase, in bits: `LENGTH × log2(32)` = 120.
pub fn entropy_bits() -> f64 {
    LENGTH as f64 * (ALPHABET.len() as f64).log2()
}

/// A passphrase. Its `Debug` does not show it, so that it ends up in no log by mistake.
#[derive(Clone, PartialEq, Eq)]
pub struct Passphrase(String);

impl fmt::Debug for Passphrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Passphrase(…)")
    }
}

impl Passphrase {
    /// A new passphrase, from the operating system's random generator.
    pub fn generate() -> Result<Passphrase, getrandom::Error> {
        let mut bytes = [0u8; LENGTH];
        getrandom::fill(&mut bytes)?;
        let mut text = String::with_capacity(LENGTH + LENGTH / GROUP);
        for (drawn, byte) in bytes.into_iter().enumerate() {
            if drawn > 0 && drawn % GROUP == 0 {
                text.push('-');
            }
            // 256 is a multiple of 32: the low five bits are uniform, no byte is thrown away.
            text.push(char::from(ALPHABET[usize::from(byte) % ALPHABET.len()]));
        }
        Ok(Passphrase(text))
    }

    /// The passphrase as typed, dashes included (`k7mp-x3rt-…`).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_six_groups_of_four_characters_from_the_alphabet() {
        let passphrase = Passphrase::generate().unwrap();
        let groups: Vec<&str> = passphrase.expose().split('-').collect();
        assert_eq!(groups.len(), LENGTH / GROUP);
        for group in groups {
            assert_eq!(group.len(), GROUP);
            assert!(group.bytes().all(|b| ALPHABET.contains(&b)), "{group}");
        }
        assert_eq!(passphrase.expose().len(), LENGTH + LENGTH / GROUP - 1);
    }

    #[test]
    fn the_alphabet_has_no_look_alikes_and_no_duplicates() {
        for confusable in [b'i', b'l', b'o', b'u', b'I', b'O'] {
            assert!(!ALPHABET.contains(&confusable));
        }
        let mut sorted = ALPHABET.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 32);
    }

    #[test]
    fn holds_at_least_100_bits_of_entropy() {
        assert!(entropy_bits() >= 100.0, "{}", entropy_bits());
        assert!((entropy_bits() - 120.0).abs() < 1e-9);
    }

    #[test]
    fn two_passphrases_differ() {
        let a = Passphrase::generate().unwrap();
        let b = Passphrase::generate().unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn every_symbol_is_drawn() {
        // 200 passphrases draw 4,800 symbols; the chance that one of 32 never shows is ~1e-62.
        let mut seen = std::collections::BTreeSet::new();
        for _ in 0..200 {
            seen.extend(Passphrase::generate().unwrap().expose().bytes());
        }
        seen.remove(&b'-');
        assert_eq!(seen.len(), ALPHABET.len());
    }

    #[test]
    fn debug_does_not_show_it() {
        let passphrase = Passphrase::generate().unwrap();
        assert!(!format!("{passphrase:?}").contains(passphrase.expose()));
    }
}
