# Messages of the posture command itself (the root crate), in English. The reference is
# ../fr/cli.ftl.

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

## serve: the server

help-serve = The collection server of an SSI team: organisations submit their assessments, the team reads them
help-serve-listen = The address and port to listen on, ADDR:PORT (default 127.0.0.1:8443; port 0 takes a free port, printed at start)
help-serve-db = The database: sqlite:PATH (default sqlite:posture-collecte.db, created 0600) or postgres://…
help-serve-tls-cert = The server's certificate chain (PEM), for HTTPS
help-serve-tls-key = The certificate's private key (PEM)
help-serve-self-signed = A self-signed certificate made at start, for a try-out; written beside the database, for posture submit --ca
help-serve-insecure-http = Plain HTTP, behind a reverse proxy that terminates TLS (loopback only, unless --behind-proxy)
help-serve-behind-proxy = With --insecure-http on a non-loopback address: a reverse proxy terminates TLS in front of the server
cli-serve-no-transport = the server does not know how to encrypt its connections
cli-serve-no-transport-hint = add --tls-cert CERT.pem --tls-key KEY.pem, or --self-signed for a try-out, or --insecure-http behind a reverse proxy that terminates TLS
cli-serve-insecure-public = --insecure-http on { $address }: plain HTTP is refused on a non-loopback address
cli-serve-insecure-public-hint = add --behind-proxy if a reverse proxy terminates TLS in front of this server, or listen on 127.0.0.1
cli-serve-insecure-warning = WARNING: PLAIN HTTP on { $address }; tokens and assessments travel unencrypted up to the reverse proxy
cli-serve-bad-listen = --listen { $address }: not a valid address
cli-serve-bad-listen-hint = give ADDR:PORT, e.g. 127.0.0.1:8443 or 0.0.0.0:443
cli-serve-tls = unusable certificate or key: { $reason }
cli-serve-tls-hint = --tls-cert takes the certificate chain and --tls-key the private key, in PEM
cli-serve-self-signed = self-signed certificate written to { $path } (SHA-256 fingerprint { $fingerprint }); clients trust it with posture submit --ca { $path }
cli-serve-bind = cannot listen on { $address }: { $reason }
cli-serve-write = cannot write { $path }: { $reason }
cli-serve-db = unusable database: { $reason }
cli-serve-failed = the server stopped on an error: { $reason }
cli-serve-stopped = server stopped

## submit: posture submit, the collection server's client

help-submit = Send the assessment (the session's report JSON) to the SSI team's collection server (posture serve)
help-submit-to = The server's address, e.g. https://collecte.exemple.fr (http:// only to this machine)
help-submit-token-file = The file that holds the organisation's token (default: the POSTURE_TOKEN variable; never on the command line)
help-submit-ca = A certificate authority to trust besides the public ones (PEM), e.g. the server's self-signed certificate
help-submit-without-notes = Leave out the auditor's notes (they may name people)
help-submit-dry-run = Print the document that would be sent, and send nothing (no token needed)
cli-submit-dry-run = nothing was sent (--dry-run); this document would go to { $url }
cli-submit-created = assessment submitted to { $url } (id { $id })
cli-submit-already = this assessment was already on the server { $url } (id { $id }): nothing is stored twice
cli-submit-bad-url = "{ $url }" is not a server address
cli-submit-bad-url-hint = give the collection server's address, e.g. --to https://collecte.exemple.fr
cli-submit-not-https = { $url }: only https:// addresses are accepted (http:// only to this machine: 127.0.0.1, ::1 or localhost)
cli-submit-not-https-hint = the token and the assessment do not cross the network in clear: give the server's https:// address
cli-submit-url-credentials = the server's address holds a user name or a password
cli-submit-url-credentials-hint = remove them from the address: the token is given with --token-file or the POSTURE_TOKEN variable
cli-submit-no-token = the organisation's token is missing
cli-submit-no-token-hint = give the file that holds it with --token-file FILE, or the POSTURE_TOKEN variable (never on the command line)
cli-submit-token-unreadable = cannot read the token file { $path }: { $why }
cli-submit-token-empty = the token file { $path } is empty
cli-submit-token-invalid = the token from { $source } is not one (it holds spaces or characters not allowed)
cli-submit-token-hint = put the token as "posture serve token create" printed it, alone on the first line
cli-submit-token-file-open = warning: the token file { $path } is open to other users (mode { $mode }); keep it to yourself: chmod 600 { $path }
cli-submit-ca-unreadable = cannot read the certificate authority { $path }: { $why }
cli-submit-ca-invalid = { $path }: no usable PEM certificate
cli-submit-ca-hint = give the authority's certificate, or the server's self-signed certificate, in PEM (-----BEGIN CERTIFICATE-----)
cli-submit-retry-status = the server answered { $status }; trying again in { $ms } ms ({ $attempt }/{ $tries })
cli-submit-retry-connection = no answer from the server ({ $why }); trying again in { $ms } ms ({ $attempt }/{ $tries })
cli-submit-server-failed = the server { $url } answered { $status } to each of { $tries } tries{ $reason }
cli-submit-later-hint = try again later: sending the same assessment again makes no duplicate
cli-submit-unreachable = cannot reach { $url } in { $tries } tries: { $why }
cli-submit-unreachable-hint = check the address, the network and that the server runs, then run the command again (sending again makes no duplicate)
cli-submit-redirected = the server { $url } redirects elsewhere ({ $status }, to { $location }): nothing was sent
cli-submit-redirected-hint = give --to the server's final address
cli-submit-refused = the server refused the assessment ({ $status }){ $reason }
cli-submit-reason = : { $error }
cli-submit-reason-field = : { $error } (field { $field })
cli-submit-unauthorized-hint = the server does not know the token, or it was revoked or miscopied: ask the SSI team for one
cli-submit-forbidden-hint = send with the token of the organisation assessed (an admin token is for reading, not sending)
cli-submit-too-large-hint = the server takes at most 1 MiB: --without-notes makes the document lighter
cli-submit-unexpected = unexpected answer from the server { $url }: { $status }
cli-submit-certificate = the certificate of the server { $url } is not trusted: { $why }
cli-submit-certificate-hint = for a server with a private or self-signed certificate, give its authority with --ca FILE.pem
cli-submit-tls = the TLS connection with { $url } failed: { $why }
cli-submit-why-unknown-issuer = it is signed by an unknown authority
cli-submit-why-expired = it has expired
cli-submit-why-other-name = it is made out to another name
cli-submit-why-timeout = timed out
cli-submit-why-refused = connection refused (no server listens at this address)
cli-submit-why-cut = connection cut off
cli-submit-why-unknown-host = unknown host name
cli-submit-why-library = { $why }

## serve token and org: the collection server's tokens and organisations

cli-serve-admin-token-created-org = token { $id } created for the organisation "{ $org }"
cli-serve-admin-token-created-admin = token { $id } created for { $name }, SSI team member (reads every organisation)
cli-serve-admin-token-once = keep it now, it will not be shown again (the database keeps only its hash):
cli-serve-admin-token-revoked = token { $id } revoked: the server refuses it from its next request
cli-serve-admin-no-such-token = no token has the id { $id }
cli-serve-admin-no-such-token-hint = posture serve token list shows the tokens and their ids
cli-serve-admin-no-tokens = no tokens; create one with posture serve token create
cli-serve-admin-column-id = id
cli-serve-admin-column-kind = kind
cli-serve-admin-column-name = name
cli-serve-admin-column-sector = sector
cli-serve-admin-column-size = size
cli-serve-admin-column-created = created
cli-serve-admin-column-revoked = revoked
cli-serve-admin-kind-admin = SSI team
cli-serve-admin-kind-organisation = organisation
cli-serve-admin-yes = yes
cli-serve-admin-no = no
cli-serve-admin-org-confirm = Delete the organisation "{ $name }", its tokens and all its assessments? This cannot be undone. [y/N]
cli-serve-admin-org-kept = nothing was deleted: "{ $name }" is kept
cli-serve-admin-org-confirm-needed = deleting "{ $name }" needs a confirmation, and there is no terminal to give it
cli-serve-admin-org-confirm-needed-hint = add --yes to delete without a confirmation
cli-serve-admin-org-deleted = organisation "{ $name }" deleted, with its tokens and assessments
cli-serve-admin-org-not-found = no organisation is called "{ $name }"
cli-serve-admin-org-not-found-hint = posture serve token list shows the organisations (name column)
cli-serve-admin-bad-sector = --sector: the sector is a short text on one line (100 characters at most)
cli-serve-admin-bad-sector-hint = write it as in the session form, e.g. --sector CPTS
cli-serve-admin-bad-size = --size { $size }: not a headcount band
cli-serve-admin-bad-size-hint = choose among: { $bands }
cli-serve-admin-bad-name = { $flag }: the name can be neither empty nor on several lines
cli-serve-admin-database = database: { $why }
help-serve-token = Create, list or revoke the collection server's tokens
help-serve-token-create = Create a token: an organisation's (--org) or an SSI team member's (--admin --name); it is shown once, alone on the last line
help-serve-token-db = The server's database: sqlite:PATH (default sqlite:posture-collecte.db) or postgres://…
help-serve-token-org = The organisation the token submits assessments for
help-serve-token-sector = The organisation's sector, as in the session form (CPTS, …): it places the organisation among its peers
help-serve-token-size = The organisation's headcount band: 1-9, 10-49, 50-249 or 250+
help-serve-token-admin = An SSI team member's token, which reads every organisation's data
help-serve-token-name = The team member's name
help-serve-token-list = List the tokens (never the tokens themselves)
help-serve-token-revoke = Revoke a token by its id; the server refuses it from its next request
help-serve-token-revoke-id = The token's id, as posture serve token list shows it
help-serve-org = Organisations: delete one with all its data
help-serve-org-delete = Delete an organisation, its tokens and all its assessments (right to erasure), after a confirmation
help-serve-org-delete-name = The organisation's name
help-serve-org-delete-yes = Delete without asking for a confirmation

## report --benchmark: the position among peers (posture report, end-of-meeting export)

help-report-benchmark = The address of a collection server (posture serve), e.g. https://collecte.exemple.fr: the report places the organisation among its peers (same sector, same headcount).
cli-benchmark-no-profile = the session does not give its sector and headcount, which name the peers
cli-benchmark-bad-answer = the server's answer cannot be read
cli-benchmark-unauthorized = the server refused the token (code 401: unknown or revoked token)
cli-benchmark-refused = the server refused the request (code { $status })
cli-benchmark-refused-reason = the server refused the request (code { $status }: { $reason })
cli-benchmark-server = the server answered with an error (code { $status }) on each of { $tries } tries
cli-benchmark-unreachable = the server { $url } cannot be reached ({ $why })
cli-benchmark-warning = warning: the position among peers is missing from the report: { $reason }. The report is written without it.
cli-benchmark-too-few = warning: too few comparable organisations ({ $count }, at least { $min } are needed); the report says so, without the peers' figures.

## dashboard (posture serve token create --contact)

help-serve-token-contact = Whom to call about the organisation (name, phone): the dashboard shows it among the overdue re-assessments.
