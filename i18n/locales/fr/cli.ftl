# Messages of the posture command itself (the root crate: commands' output, help, errors), in
# French. The reference; English in ../en/cli.ftl. French typography in the characters
# themselves (see posture.ftl).

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

## The comparison of two assessments (posture compare).

compare-heading = { $organisation } — évaluations du { $before } → { $after }
compare-overall = Indice global : { $before } → { $after } ({ $change })
compare-column-domain = Domaine
column-before = Avant
column-after = Après
column-change = Écart
compare-improved = Contrôles en progrès ({ $count })
compare-regressed = Contrôles en recul ({ $count })
compare-done = Mesures réalisées ({ $count })
compare-open = Mesures encore ouvertes ({ $count })
