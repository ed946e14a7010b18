# Messages of the reports (reports crate), in English. The reference is ../fr/reports.ftl.

## reports: the labels of the HTML and PDF reports (and the Markdown's words they share)

report-title = Security audit report
report-date = Audit date
report-auditor = Auditor
report-participants = Participants
report-sector = Sector
report-headcount = Headcount
report-profile = Profile
report-duration = Meeting duration
report-catalog = Catalog
report-summary = Summary
report-overall = Overall index
report-level = Level
report-level-word = level
report-domain = Domain
report-score = Score
report-capped = Capped
report-capped-note = A failed critical control caps the domain's level at 1.
report-yes = yes
report-no = no
report-not-applicable = not applicable
report-answered = questions answered
report-radar = Maturity profile by domain
report-now = This assessment
report-before = Previous assessment
report-priorities = The six priority measures
report-why = Why
report-how = How
report-led-to = Finding
report-on-machines = On the machines
report-control = Control
report-answer = Answer
report-sources = Sources
report-critical = critical
report-action-plan = Action plan
report-measure = Measure
report-priority = Priority
report-target = Target level
report-answers = Answers by domain
report-question = Question
report-note = Note
report-to-check = Questions to complete ("Don't know" or not answered)
report-comparison = Progress since the previous assessment
report-previous-date = Previous assessment of
report-before-col = Before
report-after-col = After
report-change = Change
report-improved = Controls improved
report-regressed = Controls regressed
report-done = Measures done since
report-open = Measures still open
report-none = none
report-next = Next assessment
report-next-text = The next assessment, to measure progress, is planned for
report-method = Annex: scoring method
report-generated = Report made on
report-confidential = Confidential: this report describes the organisation's weak points.
report-machines = Machine findings
report-machines-intro = The posture agent read these facts on the organisation's machines. Where a fact proves an answer false, the lower of the two levels is kept, for the reason given; where it only questions the answer, it is a point to verify and the score keeps the answer.
report-discrepancies = Answers the machines contradict
report-no-discrepancy = No answer is contradicted by the machines.
report-points-to-verify = Points to verify
report-points-to-verify-intro = These facts question an answer without proving it false (one machine only, or a port open on the local network rather than the Internet): check them with the organisation. The score keeps the answer given.
report-no-point-to-verify = No fact questions an answer.
report-declared = Declared level
report-effective = Level kept
report-host = Host
report-fact = Fact
report-value = Value
report-status = Status
report-source = Source
report-as-root = read as root
report-as-user = read without root
report-in-container = in a container

## reports: the Markdown report's own words

report-md-title = Security audit
report-md-date = Date
report-md-answer-word = answer
report-md-finding = Control { $control } — answer { $answer } (level { $level } → { $target })
report-md-finding-critical = Control { $control } — answer { $answer } (level { $level } → { $target }), critical
report-md-to-check = Questions to complete
report-md-declared = Declared
report-md-kept = Kept
report-md-no-measure = none
report-md-method = Annex: method

## reports: the cover's meeting duration, the answers' words, the measures' note

report-duration-minutes = { $minutes } min
report-duration-not-recorded = not recorded
report-duration-planned = { $spent } (planned { $planned } min)
report-answer-none = Not answered
report-answer-context = Not applicable (context)
report-machines-note = declared level { $declared }, held to { $level } by the facts of { $shown }

## reports: the CSV's columns and statuses

report-csv-column-domain = domain
report-csv-column-domain-id = domain_id
report-csv-column-control = control
report-csv-column-question = question
report-csv-column-answer = answer
report-csv-column-status = status
report-csv-column-level = level
report-csv-column-target = target
report-csv-column-weight = weight
report-csv-column-critical = critical
report-csv-column-note = note
report-csv-column-refs = refs
report-csv-column-effective-level = effective_level
report-csv-status-answered = answered
report-csv-status-unknown = don't know
report-csv-status-unanswered = not answered
report-csv-status-not-applicable = not applicable
report-csv-status-context = context

## reports: sending the report (posture send): the e-mail, the archive, what went wrong

archive-file-word = report
mail-password-prompt = SMTP password of { $user }:
mail-body-greeting = Hello,
mail-body-attached = Please find attached the report of the security audit of "{ $organisation }" of { $date }.
mail-body-archive = The report is in an encrypted ZIP archive (AES-256), "{ $attachment }". Its password is not in this message: you will receive it through another channel (phone or text message).
mail-body-open = To open it, use 7-Zip (Windows), Keka or The Unarchiver (macOS), or any program that reads AES-encrypted ZIP archives; the Windows file explorer cannot always open them.
mail-body-keep = This report describes your organisation's weak points: keep it somewhere safe and do not forward it unencrypted.
mail-body-regards = Best regards,
send-error-report = cannot make the report to send: { $error }
send-error-random = the system's random generator failed: { $error }
send-error-archive = cannot create the encrypted archive: { $error }
send-error-address = "{ $address }" is not a valid e-mail address ({ $reason })
send-error-server = invalid SMTP server "{ $server }": expected HOST or HOST:PORT
send-error-insecure = sending without TLS to { $server } refused: --insecure-no-tls is only accepted towards this machine (localhost, 127.0.0.1, ::1)
send-error-password = cannot read the SMTP password: { $error }
send-error-message = cannot build the message: { $error }
send-error-content-type = invalid content type: { $error }
send-smtp-no-starttls = the SMTP server does not offer STARTTLS: nothing was sent, the report does not travel in clear ({ $detail })
send-smtp-tls = the TLS handshake with the SMTP server failed (invalid certificate?): { $detail }
send-smtp-timeout = the SMTP server does not answer: { $detail }
send-smtp-refused = the SMTP server refused the message: { $detail }
send-smtp-failed = sending by SMTP failed: { $detail }
send-hint-html = send the HTML report alone: --format html
send-hint-server = e.g. --smtp smtp.example.org:587 (STARTTLS) or --smtp smtp.example.org:465 (implicit TLS)
send-hint-insecure = remove --insecure-no-tls: the report then goes over TLS (STARTTLS, or --tls implicit on port 465)
send-hint-password = without a terminal, give the password in the environment variable { $variable }
send-hint-starttls = check the port (587 for STARTTLS, 465 with --tls implicit); for a test server on this machine: --insecure-no-tls
send-hint-login = check --user and the password ({ $variable })

## reports: the position among peers (posture report --benchmark)

report-peers = Your position among your peers
report-peers-ok = Compared with the { $count } organisations of the sector “{ $sector }”, headcount { $size }, by their latest assessment.
report-peers-how = The box spans the peers' first to third quartile (the middle half), the thick bar marks their median and the diamond your score.
report-peers-too-few = Too few comparable organisations to place yours: { $count } in the sector “{ $sector }”, headcount { $size }. At least { $min } are needed so that none can be recognised.
report-peers-unavailable = The comparison with your peers could not be obtained: { $reason }. The rest of the report does not depend on it.
report-peers-your-score = Your score
report-peers-p25 = 1st quartile
report-peers-median = Median
report-peers-p75 = 3rd quartile
report-peers-position = Position
report-peers-below = below the first quartile
report-peers-middle = in the middle half
report-peers-above = above the third quartile
report-peers-row = { $domain }: your score { $score }, peers from { $p25 } to { $p75 }, median { $median } ({ $position }).
