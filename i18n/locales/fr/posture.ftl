# posture's messages in French: the reference catalog. Every message here has its English in
# ../en/posture.ftl, with the same arguments. French typography is written in the characters
# themselves: a no-break space (U+00A0) before « : » and inside « », a narrow no-break space
# (U+202F) before « ; ? ! ». Words follow docs/glossaire.md.

## A machine fact's status (docs/glossaire.md: ok, à surveiller, non conforme, inconnu).

fact-status-ok = ok
fact-status-warn = à surveiller
fact-status-fail = non conforme
fact-status-unknown = inconnu

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
