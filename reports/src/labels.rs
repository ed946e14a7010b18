//! The words of the HTML and PDF reports, in French and English.

use questionnaire::Lang;
use std::collections::BTreeMap;

/// Every label of the report templates, by key.
const LABELS: &[(&str, &str, &str)] = &[
    (
        "title",
        "Rapport d'audit de sécurité",
        "Security audit report",
    ),
    ("date", "Date de l'audit", "Audit date"),
    ("auditor", "Auditeur", "Auditor"),
    ("participants", "Participants", "Participants"),
    ("sector", "Secteur", "Sector"),
    ("headcount", "Effectif", "Headcount"),
    ("profile", "Profil", "Profile"),
    ("duration", "Durée de la réunion", "Meeting duration"),
    ("planned", "prévu", "planned"),
    ("catalog", "Catalogue", "Catalog"),
    ("summary", "Synthèse", "Summary"),
    ("overall", "Indice global", "Overall index"),
    ("level", "Niveau", "Level"),
    ("level_word", "niveau", "level"),
    ("domain", "Domaine", "Domain"),
    ("score", "Score", "Score"),
    ("capped", "Plafonné", "Capped"),
    (
        "capped_note",
        "Un contrôle critique insuffisant plafonne le niveau du domaine à 1.",
        "A failed critical control caps the domain's level at 1.",
    ),
    ("yes", "oui", "yes"),
    ("no", "non", "no"),
    ("not_applicable", "non applicable", "not applicable"),
    ("answered", "questions répondues", "questions answered"),
    (
        "radar",
        "Profil de maturité par domaine",
        "Maturity profile by domain",
    ),
    ("now", "Cette évaluation", "This assessment"),
    ("before", "Évaluation précédente", "Previous assessment"),
    (
        "priorities",
        "Les six mesures prioritaires",
        "The six priority measures",
    ),
    ("why", "Pourquoi", "Why"),
    ("how", "Comment", "How"),
    ("led_to", "Constat", "Finding"),
    ("on_machines", "Sur les machines", "On the machines"),
    ("control", "Contrôle", "Control"),
    ("answer", "Réponse", "Answer"),
    ("sources", "Sources", "Sources"),
    ("critical", "critique", "critical"),
    ("action_plan", "Plan d'action", "Action plan"),
    ("measure", "Mesure", "Measure"),
    ("priority", "Priorité", "Priority"),
    ("target", "Niveau cible", "Target level"),
    ("answers", "Réponses par domaine", "Answers by domain"),
    ("question", "Question", "Question"),
    ("note", "Note", "Note"),
    (
        "to_check",
        "Questions à compléter (« Je ne sais pas » ou sans réponse)",
        "Questions to complete (\"Don't know\" or not answered)",
    ),
    (
        "comparison",
        "Évolution depuis l'évaluation précédente",
        "Progress since the previous assessment",
    ),
    (
        "previous_date",
        "Évaluation précédente du",
        "Previous assessment of",
    ),
    ("before_col", "Avant", "Before"),
    ("after_col", "Après", "After"),
    ("change", "Écart", "Change"),
    ("improved", "Contrôles en progrès", "Controls improved"),
    ("regressed", "Contrôles en recul", "Controls regressed"),
    ("done", "Mesures réalisées depuis", "Measures done since"),
    ("open", "Mesures encore ouvertes", "Measures still open"),
    ("none", "aucun", "none"),
    ("next", "Prochaine évaluation", "Next assessment"),
    (
        "next_text",
        "La prochaine évaluation, pour mesurer les progrès, est prévue le",
        "The next assessment, to measure progress, is planned for",
    ),
    (
        "method",
        "Annexe : méthode de calcul",
        "Annex: scoring method",
    ),
    ("generated", "Rapport établi le", "Report made on"),
    (
        "confidential",
        "Confidentiel : ce rapport décrit les points faibles de l'organisation.",
        "Confidential: this report describes the organisation's weak points.",
    ),
    ("machines", "Constats sur les machines", "Machine findings"),
    (
        "machines_intro",
        "L'agent posture a relevé ces faits sur les machines de l'organisation. Quand un constat prouve une réponse fausse, le niveau retenu est le plus bas des deux, pour la raison dite\u{202f}; quand il la met seulement en doute, c'est un point à vérifier et le score garde la réponse.",
        "The posture agent read these facts on the organisation's machines. Where a fact proves an answer false, the lower of the two levels is kept, for the reason given; where it only questions the answer, it is a point to verify and the score keeps the answer.",
    ),
    (
        "discrepancies",
        "Réponses contredites par les machines",
        "Answers the machines contradict",
    ),
    (
        "no_discrepancy",
        "Aucune réponse n'est contredite par les machines.",
        "No answer is contradicted by the machines.",
    ),
    ("points_to_verify", "Points à vérifier", "Points to verify"),
    (
        "points_to_verify_intro",
        "Ces constats mettent une réponse en doute sans la prouver fausse (une seule machine, ou un port ouvert sur le réseau local et non sur Internet)\u{a0}: vérifiez-les avec la structure. Le score garde la réponse donnée.",
        "These facts question an answer without proving it false (one machine only, or a port open on the local network rather than the Internet): check them with the organisation. The score keeps the answer given.",
    ),
    (
        "no_point_to_verify",
        "Aucun constat ne met une réponse en doute.",
        "No fact questions an answer.",
    ),
    ("declared", "Niveau déclaré", "Declared level"),
    ("effective", "Niveau retenu", "Level kept"),
    ("host", "Machine", "Host"),
    ("fact", "Constat", "Fact"),
    ("value", "Valeur", "Value"),
    ("status", "État", "Status"),
    ("source", "Source", "Source"),
    ("as_root", "lu en root", "read as root"),
    ("as_user", "lu sans droits root", "read without root"),
    ("in_container", "dans un conteneur", "in a container"),
];

/// The labels in `lang` (`fr` or `en`).
pub fn labels(lang: Lang) -> BTreeMap<&'static str, &'static str> {
    LABELS
        .iter()
        .map(|(key, fr, en)| (*key, lang.pick(fr, en)))
        .collect()
}
