//! Text made plain: without accents or case, for searching and for file names that every mail
//! client and file system keeps as they are.

/// How long a [`slug`] may be.
const SLUG_MAX: usize = 60;

/// Lowercase without accents (French and the usual Latin-1 letters; `œ`, `æ`, `ß` written out),
/// so that "securite" finds "sécurité"; other characters as they are.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'æ' => {
                out.push_str("ae");
                continue;
            }
            'œ' => {
                out.push_str("oe");
                continue;
            }
            'ß' => {
                out.push_str("ss");
                continue;
            }
            other => other,
        };
        out.push(base);
    }
    out
}

/// `Maison de santé de l'Étang` → `maison-de-sante-de-l-etang`: lowercase ASCII letters and
/// digits, anything else a single dash between them, at most 60 characters.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
            if out.len() >= SLUG_MAX {
                break;
            }
        } else {
            dash = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(fold("Sécurité À Noël"), "securite a noel");
        assert_eq!(fold("Œuvre, Cæsar, Straße"), "oeuvre, caesar, strasse");
        assert_eq!(fold("ÇA Ÿ ÑO"), "ca y no");
    }

    #[test]
    fn slugs_are_plain_ascii() {
        assert_eq!(
            slug("Maison de santé de l'Étang"),
            "maison-de-sante-de-l-etang"
        );
        assert_eq!(slug("  CPTS — Cœur d'Hérault !"), "cpts-coeur-d-herault");
        assert_eq!(slug("诊所"), "");
        assert_eq!(slug(&"a".repeat(200)).len(), 60);
    }
}
