# posture's messages in French: the reference catalog. Every message here has its English in
# ../en/posture.ftl, with the same arguments. French typography is written in the characters
# themselves: a no-break space (U+00A0) before « : » and inside « », a narrow no-break space
# (U+202F) before « ; ? ! ». Words follow docs/glossaire.md.

## A machine fact's status (docs/glossaire.md: ok, à surveiller, non conforme, inconnu).

fact-status-ok = ok
fact-status-warn = à surveiller
fact-status-fail = non conforme
fact-status-unknown = inconnu

## How many facts have a status, as the agent's summary counts them.

fact-count-ok = { $count } ok
fact-count-warn = { $count } à surveiller
fact-count-fail = { $count ->
    [one] { $count } non conforme
   *[other] { $count } non conformes
}
fact-count-unknown = { $count ->
    [one] { $count } inconnu
   *[other] { $count } inconnus
}

## Durations. French says "0 jour" and "1 jour" (CLDR: 0 and 1 are "one"), "2 jours".

days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}

## A maturity level's name (0 to 4), as every output prints it.

level-name = { $level ->
    [0] inexistant
    [1] initial
    [2] partiel
    [3] défini et appliqué
   *[4] géré et vérifié
}

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

## The comparison of two assessments (posture compare).

compare-heading = { $organisation } — évaluations du { $before } → { $after }
compare-overall = Indice global : { $before } → { $after } ({ $change })
column-before = Avant
column-after = Après
column-change = Écart
compare-improved = Contrôles en progrès ({ $count })
compare-regressed = Contrôles en recul ({ $count })
compare-done = Mesures réalisées ({ $count })
compare-open = Mesures encore ouvertes ({ $count })
