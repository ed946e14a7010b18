# The dashboard of `posture serve` (collector/src/dashboard, its templates in collector/templates).
# French is the reference; see docs/i18n.md.

## dashboard

dash-title = Tableau de bord de la collecte
dash-skip = Aller au contenu
dash-nav-organisations = Organisations
dash-nav-heatmap = Carte de chaleur
dash-nav-overdue = Réévaluations en retard
dash-nav-peers = Pairs
dash-nav-label = Sections du tableau de bord
dash-signed-in-as = Connecté en tant que { $name }
dash-sign-out = Se déconnecter
dash-lang-other = English
dash-lang-other-label = Read this page in English

dash-login-title = Connexion
dash-login-intro = Connectez-vous avec un jeton d’administration, créé sur le serveur par « posture serve token create --admin ». Un jeton d’organisation ne permet pas de se connecter.
dash-login-token = Jeton d’administration
dash-login-submit = Se connecter
dash-login-refused = Jeton inconnu ou révoqué, ou qui n’est pas un jeton d’administration.
dash-login-too-many = Trop de tentatives de connexion ; réessayez dans une minute.
dash-login-expired = Votre session a expiré ; reconnectez-vous.
dash-signed-out = Vous êtes déconnecté.

dash-orgs-title = Organisations
dash-col-name = Organisation
dash-col-sector = Secteur
dash-col-size = Effectif
dash-col-date = Dernière évaluation
dash-col-index = Indice
dash-col-level = Niveau
dash-col-change = Évolution
dash-col-status = Suivi
dash-badge-overdue = Réévaluation en retard
dash-never-assessed = Jamais évaluée
dash-first-assessment = première évaluation
dash-change-up = ▲ +{ $points }
dash-change-down = ▼ −{ $points }
dash-change-same = = 0
dash-change-up-label = en hausse de { $points } points
dash-change-down-label = en baisse de { $points } points
dash-filters = Filtres
dash-filter-all = Tous
dash-filter-overdue = En retard seulement
dash-filter-apply = Filtrer
dash-filter-reset = Effacer les filtres
dash-count = { $count ->
    [one] { $count } organisation
   *[other] { $count } organisations
}
dash-page = Page { $page } sur { $pages }
dash-pages = Pages
dash-page-previous = Page précédente
dash-page-next = Page suivante
dash-sort-ascending = tri croissant
dash-sort-descending = tri décroissant
dash-export-csv = Télécharger le CSV de toutes les évaluations
dash-none = Aucune organisation ne correspond.

dash-heatmap-title = Carte de chaleur des domaines
dash-heatmap-intro = Le niveau (0 à 4) de chaque domaine dans la dernière évaluation de chaque organisation. Une case vide signale un domaine sans objet.
dash-heatmap-domains = Domaines
dash-heatmap-levels = Niveaux
dash-not-applicable = sans objet

dash-org-contact = Contact
dash-org-assessments = Évaluations
dash-org-chart-index-title = Indice au fil des évaluations
dash-org-chart-index-desc = Indice global de chaque évaluation, de la plus ancienne à la plus récente : { $points }.
dash-org-radar-title = Domaines des deux dernières évaluations
dash-org-radar-desc = Score de chaque domaine : { $values }.
dash-org-deltas = Évolution par domaine
dash-col-domain = Domaine
dash-col-before = Avant
dash-col-after = Après
dash-col-delta = Écart
dash-col-score = Score
dash-col-control = Contrôle
dash-col-question = Question
dash-col-rank = Rang
dash-col-measure = Mesure
dash-col-target = Cible
dash-org-controls = Contrôles qui ont le plus bougé
dash-org-no-previous = Une seule évaluation : pas encore d’évolution.
dash-org-measures = Mesures prioritaires ouvertes
dash-org-no-measures = Aucune mesure prioritaire ouverte.
dash-org-downloads = Téléchargements
dash-org-download-json = Rapport JSON du { $date }
dash-org-download-csv = CSV des évaluations de cette organisation
dash-org-not-found = Cette organisation n’existe pas.
dash-figures = Les chiffres du graphique

dash-overdue-title = Réévaluations en retard
dash-overdue-intro = Les organisations dont la date de réévaluation est passée, ou dont la dernière évaluation a plus de six mois.
dash-col-due = Attendue le
dash-col-late = Retard
dash-late-days = { $count ->
    [one] { $count } jour
   *[other] { $count } jours
}
dash-overdue-none = Aucune organisation n’est en retard.

dash-peers-title = Position parmi les pairs
dash-peers-intro = Les quartiles de la dernière évaluation de chaque organisation d’un secteur et d’une tranche d’effectif.
dash-peers-band = Secteur et effectif
dash-peers-show = Afficher
dash-peers-choose = Choisissez un secteur et une tranche d’effectif.
dash-peers-too-few = Moins de cinq organisations : les chiffres ne sont pas montrés, pour qu’aucune ne puisse être reconnue.
dash-peers-chart-title = Quartiles par domaine
dash-peers-chart-desc = Premier quartile, médiane et troisième quartile de chaque domaine : { $values }.
dash-col-p25 = 1er quartile
dash-col-median = Médiane
dash-col-p75 = 3e quartile
dash-peers-overall = Indice global

dash-error-title = Erreur
dash-error-internal = Le serveur n’a pas pu répondre ; réessayez.
dash-error-cross-site = Requête refusée : elle ne vient pas de ce site.
dash-error-not-found = Cette page n’existe pas.
