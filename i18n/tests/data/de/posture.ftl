# A third language for the tests only: a language is a file. It has the statuses, the days and
# the score table (tests/catalogs.rs, questionnaire/src/results.rs).

fact-status-ok = in Ordnung
fact-status-warn = zu beobachten
fact-status-fail = nicht konform
fact-status-unknown = unbekannt

days = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
}

level-name = { $level ->
    [0] nicht vorhanden
    [1] anfänglich
    [2] teilweise
    [3] festgelegt und angewandt
   *[4] gesteuert und überprüft
}
