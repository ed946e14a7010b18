# Messages of the questionnaire crate, in English. The reference is ../fr/questionnaire.ftl.

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
