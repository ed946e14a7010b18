# A third language for the tests only: a language is a file.

fact-status-ok = in Ordnung
fact-status-warn = zu beobachten
fact-status-fail = nicht konform
fact-status-unknown = unbekannt

days = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
}
