# The score table in German: a test-only language (i18n/tests/catalogs.rs).

score-heading = { $organisation } — Profil { $profile } — Katalog { $catalog } { $version }
score-overall = Gesamtindex: { $score } / 100 — Stufe { $level } ({ $name })
score-overall-none = Gesamtindex: nicht anwendbar
column-domain = Bereich
column-score = Punkte
column-level = Stufe
column-answers = Antworten
score-level-none = entf.
score-capped = (*) { $count ->
    [one] Stufe auf 1 begrenzt durch eine unzureichende kritische Maßnahme: { $controls }
   *[other] Stufe auf 1 begrenzt durch unzureichende kritische Maßnahmen: { $controls }
}
score-priorities = Vorrangige Maßnahmen
score-priority = [{ $control }] { $title } (Stufe { $level } → { $target })
score-priority-critical = [{ $control }] { $title } (Stufe { $level } → { $target }) — kritisch
score-more-measures = { $count ->
    [one] { $count } weitere Maßnahme (--format json für die vollständige Liste)
   *[other] { $count } weitere Maßnahmen (--format json für die vollständige Liste)
}
score-to-complete = { $count ->
    [one] Zu vervollständigende Frage (weiß nicht, oder unbeantwortet): { $controls }
   *[other] Zu vervollständigende Fragen (weiß nicht, oder unbeantwortet): { $controls }
}
score-discrepancies = Befunde auf den Rechnern, die den Antworten widersprechen ({ $count })
score-discrepancy = { $control } Stufe { $declared } → { $effective }: { $fact } = { $value } ({ $host }, { $source })
score-points = Zu prüfende Punkte (die Befunde stellen die Antwort in Frage, ohne sie zu widerlegen; der Index berücksichtigt sie nicht) ({ $count })
score-point = { $control } Stufe { $declared }: { $fact } = { $value } ({ $host }, { $source })
