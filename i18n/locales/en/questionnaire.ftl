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

## catalog and sessions: errors and texts
session-organisation-empty = the organisation name is empty
session-unreadable = cannot read the session { $path }: { $why }
session-unreadable-hint = check the path, or create the session with "posture session new"
session-file-unreadable = unreadable session file: { $why }
session-file-unreadable-hint = fix the file at that place (it was not changed) or start again from a backup copy
session-format-unknown = unknown session format { $format }: this version of posture reads format { $expected }
session-format-newer-hint = the file comes from a newer posture: update posture (the file was not changed)
session-format-hint = write format = { $expected } in [meta]
session-date-unreadable = unreadable date "{ $value }"
session-date-hint = write an RFC 3339 date, for example 2026-11-23T10:00:00Z
session-next-date-unreadable = unreadable next assessment date "{ $next }"
session-next-date-hint = write the date as YYYY-MM-DD, for example 2027-05-23
session-id-unreadable = unreadable id "{ $value }"
session-id-hint = write a UUID, for example 0b7e4c1a-5f3d-4e2b-9a6c-8d1f2e3a4b5c, or remove the line: posture makes one when it saves the session
session-profile-unknown = unknown profile "{ $profile }"
session-profile-unknown-hint = the catalog's profiles: { $profiles }
catalog-too-many-words = { $count ->
    [one] { $what } has { $count } word in French (at most { $limit } to be said aloud in under a minute)
   *[other] { $what } has { $count } words in French (at most { $limit } to be said aloud in under a minute)
}
catalog-text-missing = { $what }: the "{ $lang }" text is missing or empty
catalog-text-missing-hint = write { $what } = {"{"} fr = "…", en = "…" {"}"}
catalog-text-slip = { $what } (fr): { $said }
catalog-text-untranslated = { $what }: the French text is the same as the English one ("{ $text }")
catalog-out-of-range = { $what } is { $number }: it must be between { $min } and { $max }
catalog-id-blank = { $what } "{ $value }" is empty or contains spaces
catalog-control-id-taken = the control id "{ $control }" is already taken
catalog-control-id-taken-hint = it is also defined at { $previous }; give it another id
catalog-no-profile = the catalog defines no profile
catalog-no-profile-hint = add [[profiles]] id = "complet" all = true
catalog-document-twice = the document "{ $key }" is declared twice
catalog-domain-twice = the domain "{ $id }" is declared twice
catalog-no-domain = the catalog declares no domain ([[domains]])
catalog-profile-twice = the profile "{ $id }" is declared twice
catalog-domain-unknown = { $id }: unknown domain "{ $domain }"
catalog-domain-unknown-hint = declared domains: { $known }
catalog-profile-unknown = { $id }: unknown profile "{ $name }"
catalog-profile-unknown-hint = declared profiles: { $known }
catalog-context-field = { $id } is a context question: it has no "{ $field }"
catalog-context-na-allowed = { $id } is a context question: na_allowed has no meaning
catalog-field-missing = { $id }: the field "{ $field }" is missing
catalog-target-unreached = { $id }: no option reaches the target { $target }
catalog-context-evidence = { $id } is a context question: it has no evidence rule
catalog-rule-useless = { $id }: max_level { $max_level } is below no option: the rule on "{ $fact }" changes nothing
catalog-fact-unknown = { $id }: unknown fact "{ $fact }"
catalog-fact-unknown-hint = documented facts (docs/facts.md): { $known }
catalog-op-unknown = { $id }: unknown comparison "{ $other }"
catalog-op-unknown-hint = op is >, >=, <, <=, ==, !=, empty or not-empty
catalog-rule-value-mismatch = { $id }: the rule on "{ $fact }" (a { $kind } fact) does not fit "{ $op_text }" with this value
catalog-rule-value-mismatch-hint = with "{ $op_text }", { $expected }
catalog-rule-value-never = { $id }: "{ $fact }" never has the value "{ $text }": the rule could never hold
catalog-rule-value-never-hint = possible values (docs/facts.md): { $list }
catalog-role-unknown = { $id }: unknown machine role "{ $role }"
catalog-role-unknown-hint = roles (the host.role fact): { $roles }
catalog-rule-no-reason = { $id }: the rule on "{ $fact }" does not say why (reason)
catalog-rule-no-reason-hint = write reason = {"{"} fr = "…", en = "…" {"}"}: which claim of which option the fact disproves, on which kind of machine
catalog-profile-empty = the profile "{ $profile }" has no control
catalog-profile-empty-hint = add "{ $profile }" to the profiles field of the controls to ask
catalog-domain-empty = the domain "{ $domain }" has no control
catalog-domain-empty-hint = add controls with domain = "{ $domain }", or remove this domain from the catalog
catalog-upgrade-from = upgrades: "{ $from }" must be an earlier version, named once
catalog-upgrade-twice = upgrades { $from }: "{ $id }" is named twice
catalog-upgrade-change-unknown = upgrades { $from }: unknown or incomplete change "{ $other }" for { $id }
catalog-upgrade-change-unknown-hint = change is reworded, options, removed, or moved with to = "NEW-ID"
catalog-upgrade-control-missing = upgrades { $from }: the control "{ $now }" does not exist in this version
catalog-upgrade-removed-exists = upgrades { $from }: { $id } is said removed but still exists
catalog-upgrade-option-missing = upgrades { $from }: { $id }: the option "{ $option }" does not exist
catalog-rule-kind-hint = kind = "cap" when the fact proves the options above max_level false (the level kept is lowered), kind = "verify" when it only questions them (a point to verify, the score is untouched)
catalog-rule-kind-unknown = { $id }: unknown kind of rule "{ $kind }"
catalog-rule-kind-missing = { $id }: the evidence rule does not say its kind
catalog-no-refs = { $id } cites no source (refs)
catalog-ref-unknown-key = { $id }: the ref "{ $text }" does not start with a known document key
catalog-ref-unknown-key-hint = write the key, a space and the section, e.g. "charte-ght §10.9.1"; keys: { $keys }
catalog-ref-no-section = { $id }: the ref "{ $text }" names no section
catalog-ref-no-section-hint = add the section as the document numbers it, e.g. "{ $key } §4"
catalog-ref-no-sections = { $id }: "{ $key }" has no sections; write just "{ $key }"
catalog-option-count = { $count ->
    [one] { $id } has { $count } option: it needs { $min } to { $max }
   *[other] { $id } has { $count } options: it needs { $min } to { $max }
}
catalog-option-id-invalid = { $id }: the option id "{ $option_id }" must be lowercase ASCII letters, digits and dashes
catalog-option-id-digits = { $id }: the option id "{ $option_id }" is made of digits only
catalog-option-id-digits-hint = a number names an option by its place ("posture answer … 3" = the 3rd option): give a telling id, e.g. "within-a-month"
catalog-option-id-reserved = { $id }: "{ $option_id }" is reserved ("Don't know" and "Not applicable" are always offered)
catalog-option-twice = { $id }: the option "{ $option_id }" is defined twice
catalog-context-option-level = { $id } is a context question: its options have no level
catalog-option-no-level = { $id }: the option "{ $option_id }" has no level (0 to 4)
catalog-option-order = { $id }: options must climb the scale; "{ $option_id }" (level { $level }) comes after a level { $previous }
catalog-no-top-level = { $id } has no option at level 4: an exemplary organisation could not reach 100
catalog-no-top-level-hint = add a "managed and checked" option at level 4
catalog-level-gap = { $id }: no option at level { $missing }, between 0 and { $top }: the scale has a gap
catalog-condition-unknown = { $owner }: the condition points at the unknown control "{ $target }"
catalog-condition-not-context = { $owner }: the condition points at "{ $target }", which is not a context question
catalog-condition-not-context-hint = add context = true to { $target }, or make { $owner } depend on a context question
catalog-condition-self = { $owner } cannot depend on itself
catalog-condition-no-option = { $owner }: the condition lists no option (any_of)
catalog-condition-option-unknown = { $owner }: "{ $target }" has no option "{ $option }"
catalog-condition-option-unknown-hint = options of { $target }: { $known }
catalog-condition-loop = { $control }: the conditions form a loop
catalog-fact-kind-bool = yes/no
catalog-fact-kind-number = number
catalog-fact-kind-text = text
catalog-fact-kind-list = list
catalog-expected-bool = write value = true or value = false
catalog-expected-number = write a number: value = 30
catalog-expected-text = write a text in quotes: value = "…"
catalog-expected-list = a list fact is compared with op = "empty" or "not-empty", without value
catalog-expected-no-value = write no value
catalog-expected-not-empty-op = only list or text facts can be empty; use == or !=
catalog-expected-not-number-op = only number facts compare with >, >=, < or <=; use == or !=
catalog-header-given = { $path } is the header of a catalog directory: its controls are in the directory's other files
catalog-header-given-hint = give the directory: posture catalog check { $dir }
catalog-unreadable = cannot read the catalog { $path }: { $why }
catalog-unreadable-hint = give the path of a TOML file or of a directory holding catalog.toml
catalog-no-header = the directory { $dir } holds no { $header }
catalog-no-header-hint = a catalog directory has a catalog.toml header (see docs/catalog-format.md)
catalog-dir-unreadable = cannot read the directory { $dir }: { $why }
catalog-invalid-toml = invalid TOML: { $why }
catalog-invalid-toml-hint = fix the file; the format is described in docs/catalog-format.md
catalog-empty = the catalog is empty
audit-control-unknown = the session answers the unknown control "{ $id }"
audit-control-unknown-hint = remove this [answers.…] table or fix the id; "posture catalog export --format json" lists the controls
audit-choice-not-id = { $control }: "{ $stored }" is not an option id
audit-choice-not-id-hint = in a session file, write the id: choice = "{ $id }"
audit-na-refused = { $control } cannot be "Not applicable"
audit-na-refused-hint = choose an option or "unknown" (Don't know): { $options }
audit-option-unknown = { $control } has no option "{ $typed }"
audit-option-unknown-hint = possible options: { $options }; or unknown (Don't know){ $na }
audit-catalog-other = this session was made with the catalog "{ $session_catalog }", not "{ $catalog }"
audit-catalog-version = this session was made with version { $session_version } of the catalog "{ $catalog }"; the loaded version is { $version }
audit-catalog-changed = the catalog "{ $catalog }" version { $version } has changed since this session was made (different hash)
audit-catalog-changed-path-hint = use the session's catalog: --catalog { $path }; the session file was not changed
audit-catalog-changed-hint = use the posture version (or --catalog) the session was made with; the session file was not changed
file-is-dir = { $path } is a directory, not a file
file-is-dir-hint = give a file name inside that directory
file-no-dir = cannot write { $path }: the directory { $dir } does not exist
file-no-dir-hint = create the directory (mkdir -p) or choose another path
evidence-unreadable = cannot read the facts { $path }: { $why }
evidence-unreadable-hint = check the path; a machine's facts are written with "posture agent collect -o FILE"
evidence-file-unreadable = unreadable facts file: { $why }
evidence-file-unreadable-hint = give the JSON written by "posture agent collect --format json" or "-o"
upgrade-retired-changed = question changed since version { $version } of the catalog: the answer given then ("{ $choice }") no longer matches its options; ask it again
upgrade-retired-removed = question removed after version { $version } of the catalog (answer given then: "{ $choice }")
upgrade-note = note: this session was made with version { $from } of the catalog; it is read with version { $to }
upgrade-carried = ; questions reworded, answers carried over: { $list }
upgrade-changed = ; questions changed, to ask again (the former answer is kept in the file): { $list }
upgrade-removed = ; questions removed from the catalog: { $list }
upgrade-choice-none = none
audit-choice-unknown = Don't know
audit-choice-na = Not applicable
file-hint = hint:
file-cannot-write = cannot write { $path }: { $why }
catalog-question-what = { $id } question
catalog-option-what = { $id } option "{ $option_id }"

## tui: the guided audit's screens
## (questionnaire/src/tui) Fixed labels are looked up once per language (tui/labels.rs); the
## layout (columns, marks, spaces around them) is the program's.

# The header, the footer and the scrolling windows
tui-header-answered = { $answered }/{ $total } answered
tui-pace-done = done
tui-pace-on-track = on track
tui-pace-behind = behind: speed up
tui-pace-over = over time
tui-per-question-left = { $per } per question left
tui-per-question-short = { $per }/question
tui-more = ↓ more (↑↓ to scroll)

# Key names
tui-key-enter = Enter
tui-key-esc = Esc
tui-key-esc-ctrl-s = { tui-key-esc } Ctrl-S
tui-key-esc-r-back = { tui-key-esc } r ⌫

# The footer's hints: keys (as the ? window names them), then what they do
tui-hint-keys = keys
tui-hint-quit = quit
tui-hint-pick = pick
tui-hint-dont-know = don't know
tui-hint-note = note
tui-hint-flag = flag
tui-hint-na = n/a
tui-hint-next-open = next open
tui-hint-search = search
tui-hint-export = export
tui-hint-next-assessment = next assessment
tui-hint-questions = questions
tui-hint-scroll = scroll
tui-hint-any-key-closes = any other key closes
tui-hint-close = close
tui-hint-go = go
tui-hint-select = select
tui-hint-type-to-search = type to search
tui-hint-note-save-keys = { tui-key-esc } or Ctrl-S:
tui-hint-save-back = save and go back
tui-hint-note-quit-keys = Ctrl-C:

# The ? window: sections, then what each key does
tui-keys-title = Keys — any key to close
tui-keys-title-scroll = Keys — ↑↓ scroll, any other key closes
tui-keys-questions = Questions
tui-keys-pick-next = pick the option and move on
tui-keys-move = move through the options
tui-keys-pick-highlighted = pick the highlighted option
tui-keys-na = Not applicable (where allowed)
tui-keys-confirm = confirm the previous answer (re-assessment)
tui-keys-previous = previous question
tui-keys-next = next question
tui-keys-next-open = next unanswered or flagged question
tui-keys-flag = flag / unflag the question
tui-keys-next-flagged = next flagged question
tui-keys-note = write a note (what was said, the evidence)
tui-keys-help = show / hide the question's help text
tui-keys-scores = show / hide the scores
tui-keys-search = search the questions
tui-keys-summary = end-of-meeting summary
tui-keys-this-help-scroll = this help (↑↓ PgUp PgDn to scroll)
tui-keys-save-quit = save and quit
tui-keys-note-editor = Note editor (n)
tui-keys-note-save-back = save the note and go back
tui-keys-note-save-quit = save the note and quit
tui-keys-new-line = new line (the draft is saved as you type)
tui-keys-search-section = Search (/)
tui-keys-select-result = select a result
tui-keys-go-to = go to the question
tui-keys-close-search = close the search
tui-keys-summary-section = Summary (r)
tui-keys-export = export the report next to the session
tui-keys-next-assessment = set the next assessment (+6 months)
tui-keys-scroll = scroll
tui-keys-back = back to the questions
tui-keys-this-help = this help
tui-keys-marks = Marks on screen
tui-keys-mark-cursor = highlighted line, current domain
tui-keys-mark-answer = recorded answer
tui-keys-mark-flag = flagged question
tui-keys-mark-note = question with a note
tui-keys-mark-to-confirm = carried-over answers to confirm
tui-keys-mark-confirmed = carried-over answers confirmed unchanged
tui-keys-mark-changed = answers changed since the previous assessment
tui-keys-mark-level = level of the domain
tui-keys-mark-capped = level capped by a critical control; at the bottom: an error

# The search and the note editor
tui-search-title = Search the questions
tui-search-none = no question found
tui-note-title = Note — { $id } — Esc to save

# The sidebar
tui-domains = Domains
tui-index = Index { $score } · lvl { $level }
tui-index-none = Index: —
tui-hide-scores = s: hide scores
tui-scores-hidden = scores hidden (s)

# The question
tui-no-question = No question to ask for this profile.
tui-tag-critical = [critical]
tui-tag-context = [context]
tui-tag-flagged = [⚑ flagged]
tui-tag-to-confirm = [↻ to confirm]
tui-tag-note = [✎ note]
tui-help = Help:
tui-sources = Sources:
tui-note-then = Note then:
tui-previous-answer = Previous answer:
tui-previous-note = Previous note:
tui-confirm-hint = c: confirm unchanged · a digit: change it
tui-current-answer = Current answer:
tui-previous-mark = [↻ previous]
tui-level-suffix = (lvl { $level })
tui-dont-know = Don't know
tui-not-applicable = Not applicable
tui-note = Note:
tui-note-hint = n: add a note (what was said, the evidence shown)
tui-pinned-note = ✎ Note:
tui-machine-facts = Machine facts:
tui-contradiction = the machine { $host } contradicts this answer: level { $kept } kept instead of { $declared }
tui-point-to-verify = point to verify (the score keeps the answer): { $host } · { $fact } = { $value }

# The summary (its table's columns are the score table's)
tui-summary-title = Audit summary
tui-overall-index = Overall index:
tui-overall = { $score } / 100 — level { $level } ({ $name })
tui-overall-none = not applicable
tui-unanswered = { $count ->
    [one] { $count } question still unanswered (counted as level 0)
   *[other] { $count } questions still unanswered (counted as level 0)
}
tui-to-confirm = { $count ->
    [one] { $count } carried-over answer still to confirm (counted at its previous level)
   *[other] { $count } carried-over answers still to confirm (counted at their previous level)
}
tui-capped = level capped at 1 by a failed critical control
tui-no-priority = None: every control meets its target.
tui-priority = { $title } — { $control }
tui-priority-critical = { $title } — { $control } (critical)
tui-next-assessment = Next assessment:

# The start form
tui-form-title = posture — new audit
tui-form-keys = Tab/↑↓ field · ← → change the choice · Enter next field, then create · Esc cancel
tui-form-catalog = catalog { $id } { $version }
tui-form-profile = { $title } ({ $count ->
        [one] { $count } question
       *[other] { $count } questions
    })
tui-field-organisation = Organisation
tui-field-sector = Sector
tui-field-headcount = Headcount
tui-field-auditor = Auditor
tui-field-participants = Participants
tui-field-profile = Profile
tui-field-file = File
tui-form-organisation-missing = enter the organisation's name
tui-form-file-missing = enter the session's file
tui-form-file-exists = the file "{ $name }" already exists: choose another name

# The footer's messages
tui-no-option = no option { $digit } for this question
tui-na-not-allowed = "Not applicable" is not possible for this question
tui-none-open = no unanswered or flagged question
tui-none-flagged = no flagged question
tui-next-assessment-set = next assessment set for { $date }
tui-note-saved = note saved
tui-nothing-to-confirm = nothing to confirm: this answer was not carried over from the previous assessment
tui-all-answered = { $count ->
    [0] every question is answered — r: summary
   *[other] every question is answered — { $count } flagged to review (F) — r: summary
}
tui-previous-answers-dropped = previous answers not carried over (controls changed): { $controls }
tui-not-saved = NOT SAVED: { $error }
tui-report-written = report written: { $files }

# posture audit's errors before the screen opens
tui-from-needs-output = --from needs the file of the new session
tui-from-needs-output-hint = add -o NEW.toml
tui-other-profile = --profile { $profile }: the session { $file } already exists and follows the profile { $kept } (a session's profile does not change)
tui-other-profile-hint = to resume the session, drop --profile; to ask the profile { $profile }, start from this one: posture audit --from { $file } --profile { $profile } -o NEW.toml
tui-file-exists = the file { $path } already exists
tui-file-exists-hint = choose another name for the new session
tui-terminal-unusable = cannot use the terminal: { $error }
tui-terminal-unusable-hint = run posture audit in an interactive terminal; in scripts, use posture answer
