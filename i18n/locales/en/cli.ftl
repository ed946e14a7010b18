# Messages of the posture command itself (the root crate), in English. The reference is
# ../fr/cli.ftl.

## How many facts have a status, as the agent's summary counts them.

fact-count-ok = { $count } ok
fact-count-warn = { $count } to watch
fact-count-fail = { $count } non-compliant
fact-count-unknown = { $count } unknown

## The comparison of two assessments (posture compare).

compare-heading = { $organisation } — assessments of { $before } → { $after }
compare-overall = Overall index: { $before } → { $after } ({ $change })
compare-column-domain = Domain
column-before = Before
column-after = After
column-change = Change
compare-improved = Controls improved ({ $count })
compare-regressed = Controls regressed ({ $count })
compare-done = Measures done ({ $count })
compare-open = Measures still open ({ $count })
