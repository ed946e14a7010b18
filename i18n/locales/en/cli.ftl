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

## cli: commands, help and usage

# The help of every command and argument, in clap's help (src/help.rs maps each command and
# argument to its id), with clap's section headings.

help-heading-usage = Usage:
help-heading-commands = Commands:
help-heading-arguments = Arguments:
help-heading-options = Options:
help-posture = Security-posture audits for small health and public organisations
help-option-lang = Language of the interface: fr or en (default: from LANG, else French)
help-option-catalog = A control catalog of your own (a TOML file or a directory holding catalog.toml) instead of the bundled one
help-option-help = Print help
help-option-version = Print the version
help-session-file = The session file
help-facts-capped = Facts files from `posture agent` (one per machine): answers are capped by what the machines show
help-previous = The previous assessment, to show progress
help-format-text-json = Output format: text (a table, the default) or json
help-facts-output = Write the facts to this file (JSON); standard output then gets only a one-line summary
help-audit = Run the guided audit in the terminal (resumes FILE if it exists)
help-audit-file = The session file: resumed at the first unanswered question if it exists; otherwise a start form creates it
help-audit-facts = Facts files from `posture agent`: shown under the questions they bear on
help-audit-profile = The set of questions for a new session: express or complet
help-audit-duration = The meeting's time budget, e.g. 90m, 1h30, 2h (default 90 minutes)
help-audit-from = Re-assess: start from this previous session's answers, each to confirm
help-audit-output = The new session file (with --from)
help-catalog = Check or export the control catalog
help-catalog-check = Validate a catalog and report every problem with its file, line and column
help-catalog-check-path = The catalog to check (default: the bundled one, or --catalog)
help-catalog-export = Print the catalog in a machine-readable format
help-catalog-export-format = Output format: json (the default)
help-session = Create an audit session
help-session-new = Create an empty session file
help-session-new-profile = The set of questions: express (the 90-minute meeting) or complet (every control)
help-session-new-org = Name of the audited organisation
help-session-new-auditor = Who runs the audit
help-session-new-participants = A participant (repeat the flag, or separate names with commas)
help-session-new-sector = The organisation's sector (care network, occupational health…)
help-session-new-headcount = The organisation's headcount band: 1-9, 10-49, 50-249 or 250+
help-session-new-output = The session file to create
help-session-new-force = Replace the file if it exists
help-answer = Set one answer of a session
help-answer-control = The control id, e.g. PAT-01
help-answer-choice = An option id, its number as shown (from 1), "unknown" (don't know) or "na" (not applicable)
help-answer-note = What was said, the evidence shown (an empty text removes the note)
help-score = Score a session: domains, overall index, priority measures
help-score-format = Output format: text (a table, the default) or json (for scripts)
help-report = Write the audit report (HTML and PDF by default; Markdown, JSON, CSV)
help-report-format = Format: html, pdf, md, json or csv (repeatable, or comma-separated); default: html and pdf side by side
help-report-output = Output file (its extension is replaced for each format when there are several; "-" for standard output)
help-compare = Compare two assessments of the same organisation
help-compare-old = The previous assessment
help-compare-new = The new assessment
help-agent = The local agent: facts read from this machine, the TLS of web sites, and the open ports of public addresses
help-agent-collect = Read this machine's facts (read-only, no network; better as root)
help-agent-collect-root = Read every file under DIR instead of / and run no command (fake machines for tests)
help-agent-probe-tls = Probe web sites: TLS version, certificate, HTTPS redirect, HSTS
help-agent-probe-tls-urls = The sites to probe, e.g. https://www.example.org
help-agent-probe-tls-ca = A private certificate authority (PEM file) to trust
help-agent-probe-ports = Probe the TCP ports (administration, file sharing) of the organisation's own public address: run it from outside its network (a 4G phone share, another site), with its consent
help-agent-probe-ports-host = The organisation's public address or host name, e.g. 51.15.20.30
help-agent-probe-ports-ports = The TCP ports, e.g. 22,3389,8000-8010 (at most 1024; default: administration and file-sharing ports)
help-send = E-mail the report in an AES-256 encrypted ZIP; the password is printed, to give by phone or SMS
help-send-to = The recipient's address (repeat the flag for several)
help-send-from = The sender's address (default: --user, when it is an address)
help-send-smtp = The SMTP server, HOST:PORT: STARTTLS on 587 (the default port), implicit TLS on 465
help-send-user = The SMTP account; its password comes from POSTURE_SMTP_PASSWORD, or is asked without echo
help-send-tls = How TLS starts: starttls (default) or implicit (default on port 465)
help-send-insecure-no-tls = Send without TLS, to a test server on this machine only (refused towards any other host)
help-send-format = What goes in the archive (repeatable, or comma-separated): html, pdf; default: both
help-send-subject = The e-mail's subject (default: the report's title, organisation and date)

# Usage errors (src/usage.rs): what clap found wrong on the command line.

usage-quoted = '{ $text }'
usage-or = or
usage-unknown-argument = unexpected argument { $arg } found
usage-unknown-subcommand = unrecognized subcommand { $name }
usage-value-missing = a value is required for { $arg } but none was supplied
usage-invalid-value = invalid value '{ $value }' for { $arg }
usage-invalid-value-because = invalid value '{ $value }' for { $arg }: { $reason }
usage-missing-arguments = the following required arguments were not provided: { $arguments }
usage-conflict = the argument { $arg } cannot be used with { $other }
usage-conflict-another = one or more of the other specified arguments
usage-unexpected-value = unexpected value { $value } for { $arg } found
usage-value-count = wrong number of values for { $arg }
usage-no-equals = equal sign is needed when assigning values to { $arg }
usage-possible-values = [possible values: { $values }]
usage-did-you-mean = tip: did you mean { $suggestions }?
usage-more = For more information, try '--help'.
usage-bad-duration = use minutes (90m, 90) or hours (1h30, 2h), more than zero

# The commands' output, notes, errors and hints.

cli-error = error: { $message }
cli-previous-other-catalog = note: the previous assessment ({ $path }) was made with the catalog { $then }; it is read with { $now }
cli-previous-other-catalog-dropped = note: the previous assessment ({ $path }) was made with the catalog { $then }; it is read with { $now }; answers that no longer fit, left out: { $answers }
cli-previous-other-organisation = warning: the previous assessment is of "{ $previous }", this one of "{ $current }"
cli-previous-more-recent = warning: the previous assessment { $previous } ({ $previous_day }) is more recent than { $current } ({ $current_day }); are the two files swapped?
cli-answer-unknown-control = unknown control "{ $control }"
cli-answer-profile-controls = controls of the profile { $profile }: { $controls }
cli-answer-not-in-profile = { $control } is not part of this session's profile { $profile }
cli-answer-asking-profiles = profiles that ask it: { $profiles }
cli-answer-about-argument = { $file }: { $problem } ({ $argument } argument)
cli-answer-set = { $control } = { $choice }: { $label }
cli-answer-level = level { $level } ({ $name })
cli-answer-not-applicable = note: given the context answers, this question does not apply; it does not count in the score
cli-audit-cancelled = audit cancelled: no file created
cli-audit-saved = session saved: { $path } ({ $answered }/{ $total } answered)
cli-audit-resume = resume: { $command }
cli-audit-results = results: { $command }
cli-catalog-valid = valid catalog: { $catalog } — { $controls } and { $context }, { $domains }; profiles: { $profiles }
cli-catalog-controls = { $count ->
    [one] { $count } control
   *[other] { $count } controls
}
cli-catalog-context-questions = { $count ->
    [one] { $count } context question
   *[other] { $count } context questions
}
cli-catalog-domains = { $count ->
    [one] { $count } domain
   *[other] { $count } domains
}
cli-catalog-warnings = { $count ->
    [one] { $count } warning:
   *[other] { $count } warnings:
}
cli-report-input-session = the session file { $path }
cli-report-input-previous = the previous assessment { $path }
cli-report-input-facts = the facts file { $path }
cli-report-would-replace = the report { $report } would replace { $input }: nothing was written
cli-report-would-replace-session-hint = choose another file with -o (or name the session .toml, its usual extension)
cli-report-would-replace-hint = choose another file with -o
cli-report-stdout-one-format = "-o -" takes a single format
cli-report-stdout-one-format-hint = add --format md (or json, csv, html)
cli-report-written = report written: { $path }
cli-send-no-sender = the sender's address is missing
cli-send-no-sender-hint = add --from ADDRESS (or set POSTURE_SMTP_FROM)
cli-send-no-server = the SMTP server is missing
cli-send-no-server-hint = add --smtp HOST:PORT, e.g. --smtp smtp.example.org:587 (or set POSTURE_SMTP)
cli-send-sent = report sent to { $recipients } through { $server }: { $attachment } ({ $files }), archive encrypted with AES-256
cli-send-password = archive password (give it by phone or SMS): { $passphrase }
cli-session-exists = the file { $path } already exists
cli-session-exists-hint = choose another name, or add --force to replace it
cli-session-created = session created: { $path } — { $organisation }, profile { $profile } ({ $questions }), catalog { $catalog }
cli-session-questions = { $count ->
    [one] { $count } question
   *[other] { $count } questions
}

## agent command: posture agent's output

cli-agent-heading = host { $host } — { $collected } { $account ->
    [root] root
   *[user] user
}{ $container ->
    [yes] , container
   *[no] {""}
}, agent { $version }
cli-agent-written = facts written to { $path }: { $ok }, { $warn }, { $fail }, { $unknown }
cli-agent-ports-example = example: posture agent probe-ports 51.15.20.30 --ports 22,3389,8000-8010
cli-agent-root-not-a-directory = --root { $root }: not a directory
cli-agent-root-missing = --root { $root }: no such directory
cli-agent-root-unreadable = --root { $root }: cannot be read ({ $why })
cli-agent-root-hint = give the directory that stands for the machine's / (a mounted disk image, a copy of its files), or drop --root to read this machine
