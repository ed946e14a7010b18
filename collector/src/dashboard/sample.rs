//! Fictional but plausible report documents (`docs/report-json.md`) for the dashboard's tests,
//! its benchmark (10,000 organisations × 4 assessments) and the README's screenshot: thirteen
//! domains, answers, ranked measures, an organisation that progresses or slips over time.
//! Deterministic: the same seed gives the same document. Not used by the server itself.

use serde_json::{Value, json};

/// The thirteen domains of the catalog: id and French title.
pub const DOMAINS: [(&str, &str); 13] = [
    ("gouvernance", "Gouvernance et conformité"),
    ("sensibilisation", "Sensibilisation"),
    ("acces", "Comptes et accès"),
    ("acces-distants", "Accès à distance"),
    ("postes", "Postes de travail"),
    ("mises-a-jour", "Mises à jour"),
    ("sauvegardes", "Sauvegardes"),
    ("reseau", "Réseau"),
    ("journalisation", "Journalisation"),
    ("incidents", "Gestion des incidents"),
    ("prestataires", "Prestataires"),
    ("physique", "Sécurité physique"),
    ("developpement", "Développement"),
];

/// Fictional organisations for a demonstration: name, sector, size band.
pub const ORGANISATIONS: [(&str, &str, &str); 16] = [
    ("CPTS du Val de Rance", "CPTS", "1-9"),
    ("CPTS Pays de Questembert", "CPTS", "1-9"),
    ("CPTS Rives de l’Oust", "CPTS", "1-9"),
    ("CPTS Presqu’île de Rhuys", "CPTS", "1-9"),
    ("CPTS Vallée du Blavet", "CPTS", "1-9"),
    ("CPTS Monts d’Arrée", "CPTS", "1-9"),
    ("EHPAD Les Tilleuls", "EHPAD", "50-249"),
    ("EHPAD Ker Anna", "EHPAD", "50-249"),
    ("EHPAD La Roseraie", "EHPAD", "50-249"),
    ("Centre de santé de Ploërmel", "Centre de santé", "10-49"),
    ("Maison de santé de Malestroit", "Centre de santé", "10-49"),
    ("Clinique des Glycines", "Clinique", "250+"),
    ("Laboratoire d’analyses de l’Oust", "Laboratoire", "10-49"),
    ("Cabinet de radiologie du Port", "Imagerie", "10-49"),
    ("SSIAD du Pays de Vannes", "SSIAD", "10-49"),
    ("Mairie de Saint-Aubin", "Collectivité", "10-49"),
];

/// Controls per domain in a sample.
const CONTROLS: usize = 4;

/// A small deterministic generator (xorshift64*).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// From a seed (any value).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next value in `0..bound` (`bound` > 0).
    pub fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % bound.max(1)
    }
}

/// The level of a control of `domain` in assessment number `round` (0 the first) of an
/// organisation whose generator is `rng`: a base per organisation and domain, plus progress.
fn level(base: i64, round: usize, trend: i64, rng: &mut Rng) -> i64 {
    let noise = i64::try_from(rng.below(3)).unwrap_or(0) - 1;
    let round = i64::try_from(round).unwrap_or(0);
    (base + round * trend / 2 + noise).clamp(0, 4)
}

/// One fictional assessment: `organisation` of `sector` and `size`, number `round` (0 the first,
/// six months apart from `first_date`), from `seed` (the same seed for every round of one
/// organisation, so that it progresses coherently).
pub fn document(
    assessment_id: &str,
    organisation: &str,
    sector: &str,
    size: &str,
    first_date: chrono::NaiveDate,
    round: usize,
    seed: u64,
) -> Value {
    let date = first_date
        .checked_add_months(chrono::Months::new(u32::try_from(round * 6).unwrap_or(0)))
        .unwrap_or(first_date);
    let next = date
        .checked_add_months(chrono::Months::new(6))
        .unwrap_or(date);
    let mut org_rng = Rng::new(seed);
    let trend = i64::try_from(org_rng.below(4)).unwrap_or(0) - 1;
    let mut round_rng = Rng::new(seed ^ ((u64::try_from(round).unwrap_or(0) + 1) * 7919));
    let mut domains = Vec::new();
    let mut answers = Vec::new();
    let mut measures = Vec::new();
    let mut total_score = 0.0;
    for (id, title) in &DOMAINS {
        let base = i64::try_from(org_rng.below(4)).unwrap_or(0);
        let mut rows = Vec::new();
        let mut sum = 0;
        for control in 1..=CONTROLS {
            let control_id = format!("{}-{control:02}", id.to_uppercase().replace('-', ""));
            let level = level(base, round, trend, &mut round_rng);
            sum += level;
            rows.push(json!({
                "control": control_id, "domain": id,
                "question": format!("{title}\u{a0}: point de contrôle {control}"),
                "status": "answered", "choice": "c", "answer": "Réponse",
                "level": level, "effective_level": level, "target": 3,
                "weight": 2, "critical": control == 1, "note": "", "refs": []
            }));
            if level < 3 {
                measures.push((level, control_id, *id, *title, control));
            }
        }
        #[allow(clippy::cast_precision_loss)]
        let score = ((sum as f64) / (4.0 * CONTROLS as f64) * 1000.0).round() / 10.0;
        total_score += score;
        let domain_level = (sum / i64::try_from(CONTROLS).unwrap_or(1)).clamp(0, 4);
        domains.push(json!({
            "id": id, "title": title, "weight": 2, "applicable": true,
            "score": score, "level": domain_level, "level_name": "", "capped": false,
            "capped_by": [], "answered": CONTROLS, "total": CONTROLS, "previous_score": null
        }));
        answers.push(json!({ "domain": id, "title": title, "answers": rows }));
    }
    measures.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    let measures: Vec<Value> = measures
        .iter()
        .enumerate()
        .map(|(rank, (level, control, domain, title, n))| {
            json!({
                "rank": rank + 1, "priority": rank < 6, "control": control, "domain": domain,
                "domain_title": title, "title": format!("Renforcer «\u{a0}{title}\u{a0}» (point {n})"),
                "why": "", "how": "", "question": "", "answer": "", "level": level,
                "declared_level": null, "machines_note": "", "target": 3, "weight": 2,
                "critical": *n == 1, "refs": []
            })
        })
        .collect();
    #[allow(clippy::cast_precision_loss)]
    let overall = (total_score / DOMAINS.len() as f64 * 10.0).round() / 10.0;
    #[allow(clippy::cast_possible_truncation)]
    let overall_level = ((overall / 25.0).floor() as i64).clamp(0, 4);
    json!({
        "schema_version": 1,
        "assessment_id": assessment_id,
        "lang": "fr",
        "generated_at": format!("{date}T10:00:00Z"),
        "cover": {
            "organisation": organisation, "sector": sector, "headcount": size,
            "date": date.to_string(), "auditor": "A. Auditrice", "participants": [],
            "profile": "essentiel", "profile_title": "Essentiel", "duration_minutes": 60,
            "duration_recorded": true, "planned_minutes": 60, "catalog_id": "posture-sante",
            "catalog_version": "1.0.0", "catalog_hash": "sha256:00", "catalog_title": "Catalogue"
        },
        "overall": {
            "score": overall, "level": overall_level, "level_name": "", "capped": false,
            "answered": DOMAINS.len() * CONTROLS, "total": DOMAINS.len() * CONTROLS
        },
        "domains": domains,
        "measures": measures,
        "answers": answers,
        "to_check": [],
        "comparison": null,
        "next_assessment": next.to_string(),
        "method": [],
        "machines": [],
        "discrepancies": [],
        "points_to_verify": []
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sample_is_a_valid_report_document() {
        let first = chrono::NaiveDate::from_ymd_opt(2025, 1, 15).unwrap_or_default();
        let doc = document(
            "0b7e4c1a-5f3d-4e2b-9a6c-8d1f2e3a4b5c",
            "CPTS",
            "CPTS",
            "1-9",
            first,
            2,
            7,
        );
        let bytes = serde_json::to_vec(&doc).unwrap_or_default();
        let valid = crate::document::validate(&bytes);
        assert!(valid.is_ok(), "{:?}", valid.err());
        assert_eq!(doc["cover"]["date"], "2026-01-15");
        assert_eq!(doc["domains"].as_array().map(Vec::len), Some(13));
        assert_eq!(
            doc,
            document(
                "0b7e4c1a-5f3d-4e2b-9a6c-8d1f2e3a4b5c",
                "CPTS",
                "CPTS",
                "1-9",
                first,
                2,
                7
            )
        );
    }
}
