# posture's messages in English. The reference is ../fr/posture.ftl: every message there is
# here too, with the same arguments. Words follow docs/glossaire.md.

## A machine fact's status (docs/glossaire.md: ok, to watch, non-compliant, unknown).

fact-status-ok = ok
fact-status-warn = to watch
fact-status-fail = non-compliant
fact-status-unknown = unknown

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
