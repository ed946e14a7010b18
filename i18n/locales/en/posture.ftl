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
