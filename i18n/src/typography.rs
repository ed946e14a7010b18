//! French typography, checked: a no-break space (U+00A0) before `:` and inside guillemets, a
//! narrow no-break space (U+202F) before `;`, `?` and `!`. `catalog check` warns on a French text
//! that breaks these rules, and the tests check every French output of the program with the same
//! function, so that the catalog and the program's own words follow one rule
//! (`docs/glossaire.md`).

use crate::lang::Text;

/// No-break space, before `:` and inside guillemets.
pub const NBSP: char = '\u{a0}';
/// Narrow no-break space, before `;`, `?` and `!`.
pub const NNBSP: char = '\u{202f}';

/// One break of the rules, at a character offset of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    /// Character offset (not byte) of the sign.
    pub at: usize,
    /// The sign concerned.
    pub sign: char,
    /// What is expected there.
    pub expected: Expected,
}

/// The space a sign needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// U+00A0 before the sign.
    NoBreakBefore,
    /// U+202F before the sign.
    NarrowBefore,
    /// U+00A0 after « .
    NoBreakAfter,
}

impl Slip {
    /// The slip in words, with a short excerpt of the text around it.
    pub fn describe(&self, text: &str) -> Text {
        let chars: Vec<char> = text.chars().collect();
        let start = self.at.saturating_sub(12);
        let end = (self.at + 6).min(chars.len());
        let excerpt: String = chars[start..end]
            .iter()
            .map(|c| match *c {
                NBSP => '⍽',
                NNBSP => '·',
                c => c,
            })
            .collect();
        let sign = self.sign.to_string();
        match self.expected {
            Expected::NoBreakBefore => {
                crate::text!("typography-nbsp-before", sign = sign, excerpt = excerpt)
            }
            Expected::NarrowBefore => {
                crate::text!("typography-narrow-before", sign = sign, excerpt = excerpt)
            }
            Expected::NoBreakAfter => crate::text!("typography-nbsp-after", excerpt = excerpt),
        }
    }
}

/// Whether a sign at `index` ends a clause: followed by a space, the end, a closing quote or
/// bracket. (`https://`, `10:30`, `?lang=en`, `!=` are not punctuation of the sentence.)
fn ends_clause(chars: &[char], index: usize) -> bool {
    match chars.get(index + 1) {
        None => true,
        Some(next) => next.is_whitespace() || matches!(next, '»' | ')' | '"' | '\'' | ']' | '*'),
    }
}

/// Whether a space may break a line: every white space but the no-break ones.
pub fn breaks(c: char) -> bool {
    c.is_whitespace() && c != NBSP && c != NNBSP
}

/// The words of `text`, split at the spaces that may break a line only: "Indice global\u{a0}:"
/// is two words, and joining them again with spaces keeps the no-break one.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(breaks).filter(|word| !word.is_empty())
}

/// Every slip of French typography in `text`.
pub fn slips(text: &str) -> Vec<Slip> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (index, &sign) in chars.iter().enumerate() {
        let before = index.checked_sub(1).map(|i| chars[i]);
        let expected = match sign {
            ':' if ends_clause(&chars, index) && before != Some(NBSP) => {
                // A colon right after a space or a word; not one that opens a line (`:` alone,
                // e.g. a list of keys) or follows another sign (`::`).
                match before {
                    Some(c)
                        if c == ' '
                            || c.is_alphanumeric()
                            || matches!(c, '»' | ')' | '*' | '"' | ']') =>
                    {
                        Some(Expected::NoBreakBefore)
                    }
                    _ => None,
                }
            }
            ';' | '?' | '!' if ends_clause(&chars, index) && before != Some(NNBSP) => {
                match before {
                    Some(c)
                        if c == ' '
                            || c == NBSP
                            || c.is_alphanumeric()
                            || matches!(c, '»' | ')' | '*' | '"' | ']') =>
                    {
                        // "?!" and "!!" take one space before the first sign only.
                        Some(Expected::NarrowBefore)
                    }
                    _ => None,
                }
            }
            '«' if chars.get(index + 1) != Some(&NBSP) => Some(Expected::NoBreakAfter),
            '»' if before != Some(NBSP) && index > 0 => Some(Expected::NoBreakBefore),
            _ => None,
        };
        if let Some(expected) = expected {
            found.push(Slip {
                at: index,
                sign,
                expected,
            });
        }
    }
    found
}

/// `text` with its slips mended: the spaces before `:`, `;`, `?` and `!` and inside guillemets
/// made the right no-break ones. For texts built from parts that are not French typography
/// themselves (a library's message quoted in a French sentence); literals are written right in
/// the source.
pub fn mend(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let slips = slips(text);
    let mut out = String::with_capacity(text.len() + 8);
    for (index, &c) in chars.iter().enumerate() {
        let slip = slips.iter().find(|s| s.at == index);
        let next_slip = slips.iter().find(|s| s.at == index + 1);
        // A plain space right before a sign that needs a no-break one is replaced, not kept.
        if c == ' '
            || (c == NBSP && next_slip.is_some_and(|s| s.expected == Expected::NarrowBefore))
        {
            if let Some(next) = next_slip
                && next.expected != Expected::NoBreakAfter
            {
                out.push(if next.expected == Expected::NarrowBefore {
                    NNBSP
                } else {
                    NBSP
                });
                continue;
            }
            // The space after « is replaced by the no-break one below.
            if index > 0 && chars[index - 1] == '«' && slips.iter().any(|s| s.at == index - 1) {
                continue;
            }
        }
        match slip.map(|s| s.expected) {
            Some(Expected::NoBreakBefore) if index == 0 || chars[index - 1] != ' ' => {
                out.push(NBSP);
                out.push(c);
            }
            Some(Expected::NarrowBefore)
                if index == 0 || !matches!(chars[index - 1], ' ' | NBSP) =>
            {
                out.push(NNBSP);
                out.push(c);
            }
            Some(Expected::NoBreakAfter) => {
                out.push(c);
                out.push(NBSP);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_french_has_no_slip() {
        for text in [
            "Indice global\u{a0}: 62,5",
            "Sauvegardez-vous vos données\u{202f}?",
            "«\u{a0}Je ne sais pas\u{a0}»",
            "Voir https://exemple.fr/a?b=c, à 10:30, et x != y.",
            "Attention\u{202f}! Oui\u{202f}; non.",
        ] {
            assert_eq!(slips(text), vec![], "{text}");
        }
    }

    #[test]
    fn each_rule_is_caught_where_it_is_broken() {
        let kinds = |text: &str| -> Vec<(char, Expected)> {
            slips(text).iter().map(|s| (s.sign, s.expected)).collect()
        };
        assert_eq!(
            kinds("Indice global : 62"),
            vec![(':', Expected::NoBreakBefore)]
        );
        assert_eq!(
            kinds("Indice global: 62"),
            vec![(':', Expected::NoBreakBefore)]
        );
        assert_eq!(kinds("Vraiment ?"), vec![('?', Expected::NarrowBefore)]);
        assert_eq!(
            kinds("Vraiment\u{a0}?"),
            vec![('?', Expected::NarrowBefore)]
        );
        assert_eq!(kinds("oui ; non"), vec![(';', Expected::NarrowBefore)]);
        assert_eq!(
            kinds("« non »"),
            vec![
                ('«', Expected::NoBreakAfter),
                ('»', Expected::NoBreakBefore)
            ]
        );
    }

    #[test]
    fn mending_gives_right_french() {
        assert_eq!(mend("Indice global : 62"), "Indice global\u{a0}: 62");
        assert_eq!(mend("Indice global: 62"), "Indice global\u{a0}: 62");
        assert_eq!(mend("Vraiment ?"), "Vraiment\u{202f}?");
        assert_eq!(
            mend("« non » ; oui !"),
            "«\u{a0}non\u{a0}»\u{202f}; oui\u{202f}!"
        );
        assert_eq!(mend("déjà bon\u{a0}: oui"), "déjà bon\u{a0}: oui");
        for text in ["a : b ; « c » ?", "x: y", "«a»"] {
            assert_eq!(slips(&mend(text)), vec![], "{text} → {}", mend(text));
        }
    }
}
