# Messages of the questionnaire crate (the catalog's and sessions' errors, the score table, the
# guided audit's screens), in French. The reference; English in ../en/questionnaire.ftl.
# French typography in the characters themselves (see posture.ftl).

## The score table (posture score). The layout (columns, indents) is the program's; the words
## are here.

score-heading = { $organisation } — profil { $profile } — catalogue { $catalog } { $version }
score-overall = Indice global : { $score } / 100 — niveau { $level } ({ $name })
score-overall-none = Indice global : non applicable
column-domain = Domaine
column-score = Score
column-level = Niveau
column-answers = Réponses
score-level-none = n/a
score-capped = (*) { $count ->
    [one] niveau plafonné à 1 par un contrôle critique insuffisant : { $controls }
   *[other] niveau plafonné à 1 par des contrôles critiques insuffisants : { $controls }
}
score-priorities = Mesures prioritaires
score-priority = [{ $control }] { $title } (niveau { $level } → { $target })
score-priority-critical = [{ $control }] { $title } (niveau { $level } → { $target }) — critique
score-more-measures = { $count ->
    [one] { $count } autre mesure (--format json pour la liste complète)
   *[other] { $count } autres mesures (--format json pour la liste complète)
}
score-to-complete = { $count ->
    [one] Question à compléter (je ne sais pas, ou sans réponse) : { $controls }
   *[other] Questions à compléter (je ne sais pas, ou sans réponse) : { $controls }
}
score-discrepancies = Constats sur les machines qui contredisent les réponses ({ $count })
score-discrepancy = { $control } niveau { $declared } → { $effective } : { $fact } = { $value } ({ $host }, { $source })
score-points = Points à vérifier (les constats mettent la réponse en doute sans la prouver fausse ; le score n'en tient pas compte) ({ $count })
score-point = { $control } niveau { $declared } : { $fact } = { $value } ({ $host }, { $source })
