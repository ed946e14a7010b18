# posture's messages in English. The reference is ../fr/posture.ftl: every message there is
# here too, with the same arguments. Words follow docs/glossaire.md.

## A machine fact's status (docs/glossaire.md: ok, to watch, non-compliant, unknown).

fact-status-ok = ok
fact-status-warn = to watch
fact-status-fail = non-compliant
fact-status-unknown = unknown

## How many facts have a status, as the agent's summary counts them.

fact-count-ok = { $count } ok
fact-count-warn = { $count } to watch
fact-count-fail = { $count } non-compliant
fact-count-unknown = { $count } unknown

## Durations.

days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}

## A maturity level's name (0 to 4), as every output prints it.

level-name = { $level ->
    [0] none
    [1] initial
    [2] partial
    [3] defined and applied
   *[4] managed and checked
}

## The score table (posture score). The layout (columns, indents) is the program's; the words
## are here.

score-heading = { $organisation } — profile { $profile } — catalog { $catalog } { $version }
score-overall = Overall index: { $score } / 100 — level { $level } ({ $name })
score-overall-none = Overall index: not applicable
column-domain = Domain
column-score = Score
column-level = Level
column-answers = Answers
score-level-none = n/a
score-capped = (*) { $count ->
    [one] level capped at 1 by a failed critical control: { $controls }
   *[other] level capped at 1 by failed critical controls: { $controls }
}
score-priorities = Priority measures
score-priority = [{ $control }] { $title } (level { $level } → { $target })
score-priority-critical = [{ $control }] { $title } (level { $level } → { $target }) — critical
score-more-measures = { $count ->
    [one] { $count } more measure (--format json for the full list)
   *[other] { $count } more measures (--format json for the full list)
}
score-to-complete = { $count ->
    [one] Question to complete (don't know, or not answered): { $controls }
   *[other] Questions to complete (don't know, or not answered): { $controls }
}
score-discrepancies = Machine findings that contradict the answers ({ $count })
score-discrepancy = { $control } level { $declared } → { $effective }: { $fact } = { $value } ({ $host }, { $source })
score-points = Points to verify (the facts question the answer without proving it false; the score does not use them) ({ $count })
score-point = { $control } level { $declared }: { $fact } = { $value } ({ $host }, { $source })

## The comparison of two assessments (posture compare).

compare-heading = { $organisation } — assessments of { $before } → { $after }
compare-overall = Overall index: { $before } → { $after } ({ $change })
column-before = Before
column-after = After
column-change = Change
compare-improved = Controls improved ({ $count })
compare-regressed = Controls regressed ({ $count })
compare-done = Measures done ({ $count })
compare-open = Measures still open ({ $count })
