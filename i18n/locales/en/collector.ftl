# The dashboard of `posture serve` (collector/src/dashboard, its templates in collector/templates).

## dashboard

dash-title = Collection dashboard
dash-skip = Skip to content
dash-nav-organisations = Organisations
dash-nav-heatmap = Heat map
dash-nav-overdue = Overdue re-assessments
dash-nav-peers = Peers
dash-nav-label = Dashboard sections
dash-signed-in-as = Signed in as { $name }
dash-sign-out = Sign out
dash-lang-other = Français
dash-lang-other-label = Lire cette page en français

dash-login-title = Sign in
dash-login-intro = Sign in with an admin token, made on the server with “posture serve token create --admin”. An organisation’s token cannot sign in.
dash-login-token = Admin token
dash-login-submit = Sign in
dash-login-refused = Unknown or revoked token, or not an admin token.
dash-login-too-many = Too many sign-in attempts; try again in a minute.
dash-login-expired = Your session expired; sign in again.
dash-signed-out = You are signed out.

dash-orgs-title = Organisations
dash-col-name = Organisation
dash-col-sector = Sector
dash-col-size = Size
dash-col-date = Latest assessment
dash-col-index = Index
dash-col-level = Level
dash-col-change = Change
dash-col-status = Follow-up
dash-badge-overdue = Re-assessment overdue
dash-never-assessed = Never assessed
dash-first-assessment = first assessment
dash-change-up = ▲ +{ $points }
dash-change-down = ▼ −{ $points }
dash-change-same = = 0
dash-change-up-label = up { $points } points
dash-change-down-label = down { $points } points
dash-filters = Filters
dash-filter-all = All
dash-filter-overdue = Overdue only
dash-filter-apply = Filter
dash-filter-reset = Clear the filters
dash-count = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}
dash-page = Page { $page } of { $pages }
dash-pages = Pages
dash-page-previous = Previous page
dash-page-next = Next page
dash-sort-ascending = ascending
dash-sort-descending = descending
dash-export-csv = Download the CSV of every assessment
dash-none = No organisation matches.

dash-heatmap-title = Domain heat map
dash-heatmap-intro = Each domain’s level (0 to 4) in each organisation’s latest assessment. An empty cell is a domain that does not apply.
dash-heatmap-domains = Domains
dash-heatmap-levels = Levels
dash-not-applicable = not applicable

dash-org-contact = Contact
dash-org-assessments = Assessments
dash-org-chart-index-title = Index over the assessments
dash-org-chart-index-desc = Overall index of each assessment, oldest first: { $points }.
dash-org-radar-title = Domains of the last two assessments
dash-org-radar-desc = Each domain’s score: { $values }.
dash-org-deltas = Change per domain
dash-col-domain = Domain
dash-col-before = Before
dash-col-after = After
dash-col-delta = Change
dash-col-score = Score
dash-col-control = Control
dash-col-question = Question
dash-col-rank = Rank
dash-col-measure = Measure
dash-col-target = Target
dash-org-controls = Controls that moved most
dash-org-no-previous = Only one assessment: no change yet.
dash-org-measures = Open priority measures
dash-org-no-measures = No open priority measure.
dash-org-downloads = Downloads
dash-org-download-json = Report JSON of { $date }
dash-org-download-csv = CSV of this organisation’s assessments
dash-org-not-found = No such organisation.
dash-figures = The chart’s figures

dash-overdue-title = Overdue re-assessments
dash-overdue-intro = The organisations whose re-assessment date has passed, or whose latest assessment is over six months old.
dash-col-due = Due on
dash-col-late = Late by
dash-late-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
dash-overdue-none = No organisation is overdue.

dash-peers-title = Position among peers
dash-peers-intro = The quartiles of the latest assessment of each organisation of a sector and size band.
dash-peers-band = Sector and size
dash-peers-show = Show
dash-peers-choose = Choose a sector and a size band.
dash-peers-too-few = Fewer than five organisations: the figures are not shown, so that none can be recognised.
dash-peers-chart-title = Quartiles per domain
dash-peers-chart-desc = First quartile, median and third quartile of each domain: { $values }.
dash-col-p25 = First quartile
dash-col-median = Median
dash-col-p75 = Third quartile
dash-peers-overall = Overall index

dash-error-title = Error
dash-error-internal = The server could not answer; try again.
dash-error-cross-site = Request refused: it does not come from this site.
dash-error-not-found = No such page.
