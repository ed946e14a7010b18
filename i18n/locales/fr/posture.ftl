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
