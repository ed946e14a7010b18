# Messages of the questionnaire crate (the catalog's and sessions' errors, the score table, the
# guided audit's screens), in French. The reference; English in ../en/questionnaire.ftl.
# French typography in the characters themselves (see posture.ftl).

## The score table (posture score). The layout (columns, indents) is the program's; the words
## are here.

score-heading = { $organisation } — profil { $profile } — catalogue { $catalog } { $version }
score-overall = Indice global : { $score } / 100 — niveau { $level } ({ $name })
score-overall-none = Indice global : non applicable
column-domain = Domaine
column-score = Score
column-level = Niveau
column-answers = Réponses
score-level-none = n/a
score-capped = (*) { $count ->
    [one] niveau plafonné à 1 par un contrôle critique insuffisant : { $controls }
   *[other] niveau plafonné à 1 par des contrôles critiques insuffisants : { $controls }
}
score-priorities = Mesures prioritaires
score-priority = [{ $control }] { $title } (niveau { $level } → { $target })
score-priority-critical = [{ $control }] { $title } (niveau { $level } → { $target }) — critique
score-more-measures = { $count ->
    [one] { $count } autre mesure (--format json pour la liste complète)
   *[other] { $count } autres mesures (--format json pour la liste complète)
}
score-to-complete = { $count ->
    [one] Question à compléter (je ne sais pas, ou sans réponse) : { $controls }
   *[other] Questions à compléter (je ne sais pas, ou sans réponse) : { $controls }
}
score-discrepancies = Constats sur les machines qui contredisent les réponses ({ $count })
score-discrepancy = { $control } niveau { $declared } → { $effective } : { $fact } = { $value } ({ $host }, { $source })
score-points = Points à vérifier (les constats mettent la réponse en doute sans la prouver fausse ; le score n'en tient pas compte) ({ $count })
score-point = { $control } niveau { $declared } : { $fact } = { $value } ({ $host }, { $source })

## catalog and sessions: errors and texts
session-organisation-empty = le nom de l'organisation est vide
session-unreadable = impossible de lire la session { $path } : { $why }
session-unreadable-hint = vérifiez le chemin, ou créez la session avec « posture session new »
session-file-unreadable = fichier de session illisible : { $why }
session-file-unreadable-hint = corrigez le fichier à cet endroit (il n'a pas été modifié) ou repartez d'une copie de sauvegarde
session-format-unknown = format de session { $format } inconnu : cette version de posture lit le format { $expected }
session-format-newer-hint = le fichier vient d'une version plus récente de posture : mettez posture à jour (le fichier n'a pas été modifié)
session-format-hint = écrivez format = { $expected } dans [meta]
session-date-unreadable = date illisible « { $value } »
session-date-hint = écrivez une date RFC 3339, par exemple 2026-11-23T10:00:00Z
session-next-date-unreadable = date de la prochaine évaluation illisible « { $next } »
session-next-date-hint = écrivez la date sous la forme AAAA-MM-JJ, par exemple 2027-05-23
session-id-unreadable = identifiant illisible « { $value } »
session-id-hint = écrivez un UUID, par exemple 0b7e4c1a-5f3d-4e2b-9a6c-8d1f2e3a4b5c, ou retirez la ligne : posture en crée un à l’enregistrement
session-profile-unknown = profil inconnu « { $profile } »
session-profile-unknown-hint = profils du catalogue : { $profiles }
catalog-too-many-words = { $count ->
    [one] { $what } a { $count } mots en français (au plus { $limit } pour être dit à voix haute en moins d'une minute)
   *[other] { $what } a { $count } mots en français (au plus { $limit } pour être dit à voix haute en moins d'une minute)
}
catalog-text-missing = { $what } : le texte « { $lang } » manque ou est vide
catalog-text-missing-hint = écrivez { $what } = {"{"} fr = "…", en = "…" {"}"}
catalog-text-slip = { $what } (fr) : { $said }
catalog-text-untranslated = { $what } : le texte français est le même que l'anglais (« { $text } »)
catalog-out-of-range = { $what } vaut { $number } : il doit être entre { $min } et { $max }
catalog-id-blank = { $what } « { $value } » est vide ou contient des espaces
catalog-control-id-taken = l'identifiant de contrôle « { $control } » est déjà pris
catalog-control-id-taken-hint = il est défini aussi en { $previous } ; donnez-lui un autre identifiant
catalog-no-profile = le catalogue ne définit aucun profil
catalog-no-profile-hint = ajoutez [[profiles]] id = "complet" all = true
catalog-document-twice = le document « { $key } » est déclaré deux fois
catalog-domain-twice = le domaine « { $id } » est déclaré deux fois
catalog-no-domain = le catalogue ne déclare aucun domaine ([[domains]])
catalog-profile-twice = le profil « { $id } » est déclaré deux fois
catalog-domain-unknown = { $id } : domaine inconnu « { $domain } »
catalog-domain-unknown-hint = domaines déclarés : { $known }
catalog-profile-unknown = { $id } : profil inconnu « { $name } »
catalog-profile-unknown-hint = profils déclarés : { $known }
catalog-context-field = { $id } est une question de contexte : elle n'a pas de « { $field } »
catalog-context-na-allowed = { $id } est une question de contexte : na_allowed n'a pas de sens
catalog-field-missing = { $id } : le champ « { $field } » manque
catalog-target-unreached = { $id } : aucune option n'atteint la cible { $target }
catalog-context-evidence = { $id } est une question de contexte : elle n'a pas de règle de preuve
catalog-rule-useless = { $id } : max_level { $max_level } n'est sous aucune option : la règle sur « { $fact } » ne change rien
catalog-fact-unknown = { $id } : constat inconnu « { $fact } »
catalog-fact-unknown-hint = constats documentés (docs/facts.md) : { $known }
catalog-op-unknown = { $id } : comparaison inconnue « { $other } »
catalog-op-unknown-hint = op vaut >, >=, <, <=, ==, !=, empty ou not-empty
catalog-rule-value-mismatch = { $id } : la règle sur « { $fact } » (constat { $kind }) ne va pas avec « { $op_text } » et cette valeur
catalog-rule-value-mismatch-hint = avec « { $op_text } », { $expected }
catalog-rule-value-never = { $id } : « { $fact } » ne vaut jamais « { $text } » : la règle ne pourrait jamais s'appliquer
catalog-rule-value-never-hint = valeurs possibles (docs/facts.md) : { $list }
catalog-role-unknown = { $id } : rôle de machine inconnu « { $role } »
catalog-role-unknown-hint = rôles (constat host.role) : { $roles }
catalog-rule-no-reason = { $id } : la règle sur « { $fact } » ne dit pas pourquoi (reason)
catalog-rule-no-reason-hint = écrivez reason = {"{"} fr = "…", en = "…" {"}"} : quelle affirmation de quelle option le constat contredit, sur quelle sorte de machine
catalog-profile-empty = le profil « { $profile } » ne contient aucun contrôle
catalog-profile-empty-hint = ajoutez « { $profile } » au champ profiles des contrôles à poser
catalog-domain-empty = le domaine « { $domain } » ne contient aucun contrôle
catalog-domain-empty-hint = ajoutez des contrôles avec domain = "{ $domain }", ou retirez ce domaine du catalogue
catalog-upgrade-from = upgrades : « { $from } » doit être une version antérieure, citée une seule fois
catalog-upgrade-twice = upgrades { $from } : « { $id } » est cité deux fois
catalog-upgrade-change-unknown = upgrades { $from } : changement « { $other } » inconnu ou incomplet pour { $id }
catalog-upgrade-change-unknown-hint = change vaut reworded, options, removed, ou moved avec to = "NOUVEL-ID"
catalog-upgrade-control-missing = upgrades { $from } : le contrôle « { $now } » n'existe pas dans cette version
catalog-upgrade-removed-exists = upgrades { $from } : { $id } est dit retiré mais existe encore
catalog-upgrade-option-missing = upgrades { $from } : { $id } : l'option « { $option } » n'existe pas
catalog-rule-kind-hint = kind = "cap" quand le constat prouve fausse l'affirmation des options au-dessus de max_level (le niveau retenu baisse), kind = "verify" quand il la met seulement en doute (un point à vérifier, le score ne change pas)
catalog-rule-kind-unknown = { $id } : sorte de règle inconnue « { $kind } »
catalog-rule-kind-missing = { $id } : la règle de preuve ne dit pas sa sorte (kind)
catalog-no-refs = { $id } ne cite aucune source (refs)
catalog-ref-unknown-key = { $id } : la référence « { $text } » ne commence pas par une clé de document connue
catalog-ref-unknown-key-hint = écrivez la clé, une espace et la section, p. ex. « charte-ght §10.9.1 » ; clés : { $keys }
catalog-ref-no-section = { $id } : la référence « { $text } » ne donne pas de section
catalog-ref-no-section-hint = ajoutez la section telle que le document la numérote, p. ex. « { $key } §4 »
catalog-ref-no-sections = { $id } : « { $key } » n'a pas de sections ; écrivez seulement « { $key } »
catalog-option-count = { $count ->
    [one] { $id } a { $count } option : il en faut de { $min } à { $max }
   *[other] { $id } a { $count } options : il en faut de { $min } à { $max }
}
catalog-option-id-invalid = { $id } : l'identifiant d'option « { $option_id } » doit être en minuscules ASCII, chiffres et tirets
catalog-option-id-digits = { $id } : l'identifiant d'option « { $option_id } » n'est fait que de chiffres
catalog-option-id-digits-hint = un nombre désigne l'option par sa place (« posture answer … 3 » = la 3e option) : donnez un identifiant parlant, p. ex. « dans-le-mois »
catalog-option-id-reserved = { $id } : « { $option_id } » est réservé (« Je ne sais pas » et « Non applicable » sont offerts d'office)
catalog-option-twice = { $id } : l'option « { $option_id } » est définie deux fois
catalog-context-option-level = { $id } est une question de contexte : ses options n'ont pas de niveau
catalog-option-no-level = { $id } : l'option « { $option_id } » n'a pas de niveau (0 à 4)
catalog-option-order = { $id } : les options doivent monter l'échelle ; « { $option_id } » (niveau { $level }) vient après un niveau { $previous }
catalog-no-top-level = { $id } n'a pas d'option au niveau 4 : une organisation exemplaire ne pourrait pas atteindre 100
catalog-no-top-level-hint = ajoutez une option « géré et vérifié » de niveau 4
catalog-level-gap = { $id } : aucune option au niveau { $missing }, entre 0 et { $top } : l'échelle a un trou
catalog-condition-unknown = { $owner } : la condition renvoie au contrôle inconnu « { $target } »
catalog-condition-not-context = { $owner } : la condition renvoie à « { $target } », qui n'est pas une question de contexte
catalog-condition-not-context-hint = ajoutez context = true à { $target }, ou faites dépendre { $owner } d'une question de contexte
catalog-condition-self = { $owner } ne peut pas dépendre de lui-même
catalog-condition-no-option = { $owner } : la condition ne liste aucune option (any_of)
catalog-condition-option-unknown = { $owner } : « { $target } » n'a pas d'option « { $option } »
catalog-condition-option-unknown-hint = options de { $target } : { $known }
catalog-condition-loop = { $control } : les conditions forment une boucle
catalog-fact-kind-bool = oui/non
catalog-fact-kind-number = numérique
catalog-fact-kind-text = texte
catalog-fact-kind-list = liste
catalog-expected-bool = écrivez value = true ou value = false
catalog-expected-number = écrivez un nombre : value = 30
catalog-expected-text = écrivez un texte entre guillemets : value = "…"
catalog-expected-list = un constat liste se compare avec op = "empty" ou "not-empty", sans value
catalog-expected-no-value = n'écrivez pas de value
catalog-expected-not-empty-op = seuls les constats liste ou texte peuvent être vides ; utilisez == ou !=
catalog-expected-not-number-op = seuls les constats numériques se comparent avec >, >=, < ou <= ; utilisez == ou !=
catalog-header-given = { $path } est l'en-tête d'un catalogue en dossier : ses contrôles sont dans les autres fichiers du dossier
catalog-header-given-hint = donnez le dossier : posture catalog check { $dir }
catalog-unreadable = impossible de lire le catalogue { $path } : { $why }
catalog-unreadable-hint = donnez le chemin d'un fichier TOML ou d'un dossier contenant catalog.toml
catalog-no-header = le dossier { $dir } ne contient pas de { $header }
catalog-no-header-hint = un catalogue en dossier a un en-tête catalog.toml (voir docs/catalog-format.md)
catalog-dir-unreadable = impossible de lire le dossier { $dir } : { $why }
catalog-invalid-toml = TOML invalide : { $why }
catalog-invalid-toml-hint = corrigez le fichier ; le format est décrit dans docs/catalog-format.md
catalog-empty = le catalogue est vide
audit-control-unknown = la session répond au contrôle inconnu « { $id } »
audit-control-unknown-hint = retirez cette table [answers.…] ou corrigez l'identifiant ; « posture catalog export --format json » liste les contrôles
audit-choice-not-id = { $control } : « { $stored } » n'est pas un identifiant d'option
audit-choice-not-id-hint = dans un fichier de session, écrivez l'identifiant : choice = "{ $id }"
audit-na-refused = { $control } ne peut pas être « Non applicable »
audit-na-refused-hint = choisissez une option ou « unknown » (Je ne sais pas) : { $options }
audit-option-unknown = { $control } n'a pas d'option « { $typed } »
audit-option-unknown-hint = options possibles : { $options } ; ou unknown (Je ne sais pas){ $na }
audit-catalog-other = cette session a été faite avec le catalogue « { $session_catalog } », pas « { $catalog } »
audit-catalog-version = cette session a été faite avec la version { $session_version } du catalogue « { $catalog } » ; la version chargée est { $version }
audit-catalog-changed = le catalogue « { $catalog } » version { $version } a changé depuis la création de cette session (empreinte différente)
audit-catalog-changed-path-hint = utilisez le catalogue de la session : --catalog { $path } ; le fichier de session n'a pas été modifié
audit-catalog-changed-hint = utilisez la version de posture (ou --catalog) avec laquelle la session a été créée ; le fichier de session n'a pas été modifié
file-is-dir = { $path } est un dossier, pas un fichier
file-is-dir-hint = donnez un nom de fichier dans ce dossier
file-no-dir = impossible d'écrire { $path } : le dossier { $dir } n'existe pas
file-no-dir-hint = créez le dossier (mkdir -p) ou choisissez un autre chemin
evidence-unreadable = impossible de lire les constats { $path } : { $why }
evidence-unreadable-hint = vérifiez le chemin ; les constats d'une machine s'écrivent avec « posture agent collect -o FICHIER »
evidence-file-unreadable = fichier de constats illisible : { $why }
evidence-file-unreadable-hint = donnez le JSON écrit par « posture agent collect --format json » ou « -o »
upgrade-retired-changed = question modifiée depuis la version { $version } du catalogue : la réponse d'alors (« { $choice } ») ne correspond plus à ses options, reposez-la
upgrade-retired-removed = question retirée après la version { $version } du catalogue (réponse d'alors : « { $choice } »)
upgrade-note = remarque : cette session a été faite avec la version { $from } du catalogue, elle est lue avec la version { $to }
upgrade-carried =  ; questions reformulées, réponses reprises : { $list }
upgrade-changed =  ; questions modifiées, à reposer (l'ancienne réponse est gardée dans le fichier) : { $list }
upgrade-removed =  ; questions retirées du catalogue : { $list }
upgrade-choice-none = aucune
audit-choice-unknown = Je ne sais pas
audit-choice-na = Non applicable
file-hint = aide :
file-cannot-write = impossible d'écrire { $path } : { $why }
catalog-question-what = { $id } question
catalog-option-what = { $id } option « { $option_id } »

## tui: the guided audit's screens
## (questionnaire/src/tui) Fixed labels are looked up once per language (tui/labels.rs); the
## layout (columns, marks, spaces around them) is the program's.

# The header, the footer and the scrolling windows
tui-header-answered = { $answered }/{ $total } réponses
tui-pace-done = terminé
tui-pace-on-track = dans les temps
tui-pace-behind = en retard : accélérez
tui-pace-over = temps dépassé
tui-per-question-left = { $per } par question restante
tui-per-question-short = { $per }/question
tui-more = ↓ suite (↑↓ pour défiler)

# Key names
tui-key-enter = Entrée
tui-key-esc = Échap
tui-key-esc-ctrl-s = { tui-key-esc } Ctrl-S
tui-key-esc-r-back = { tui-key-esc } r ⌫

# The footer's hints: keys (as the ? window names them), then what they do
tui-hint-keys = touches
tui-hint-quit = quitter
tui-hint-pick = choisir
tui-hint-dont-know = ne sais pas
tui-hint-note = note
tui-hint-flag = marquer
tui-hint-na = n/a
tui-hint-next-open = suivante
tui-hint-search = chercher
tui-hint-export = exporter
tui-hint-next-assessment = prochaine évaluation
tui-hint-questions = questions
tui-hint-scroll = défiler
tui-hint-any-key-closes = une autre touche ferme
tui-hint-close = fermer
tui-hint-go = aller
tui-hint-select = choisir
tui-hint-type-to-search = tapez pour chercher
tui-hint-note-save-keys = { tui-key-esc } ou Ctrl-S :
tui-hint-save-back = enregistrer et revenir
tui-hint-note-quit-keys = Ctrl-C :

# The ? window: sections, then what each key does
tui-keys-title = Touches — une touche pour fermer
tui-keys-title-scroll = Touches — ↑↓ défiler, une autre touche ferme
tui-keys-questions = Questions
tui-keys-pick-next = choisir l'option et passer à la suivante
tui-keys-move = se déplacer dans les options
tui-keys-pick-highlighted = choisir l'option surlignée
tui-keys-na = Non applicable (si permis)
tui-keys-confirm = confirmer la réponse précédente (réévaluation)
tui-keys-previous = question précédente
tui-keys-next = question suivante
tui-keys-next-open = question suivante sans réponse ou marquée
tui-keys-flag = marquer / démarquer la question
tui-keys-next-flagged = question marquée suivante
tui-keys-note = écrire une note (ce qui a été dit, les preuves)
tui-keys-help = afficher / masquer l'aide de la question
tui-keys-scores = afficher / masquer les scores
tui-keys-search = chercher une question
tui-keys-summary = synthèse de fin de réunion
tui-keys-this-help-scroll = cette aide (↑↓ PgUp PgDn pour défiler)
tui-keys-save-quit = enregistrer et quitter
tui-keys-note-editor = Éditeur de note (n)
tui-keys-note-save-back = enregistrer la note et revenir
tui-keys-note-save-quit = enregistrer la note et quitter
tui-keys-new-line = nouvelle ligne (le brouillon est enregistré en continu)
tui-keys-search-section = Recherche (/)
tui-keys-select-result = choisir un résultat
tui-keys-go-to = aller à la question
tui-keys-close-search = fermer la recherche
tui-keys-summary-section = Synthèse (r)
tui-keys-export = exporter le rapport à côté de la session
tui-keys-next-assessment = fixer la prochaine évaluation (+6 mois)
tui-keys-scroll = faire défiler
tui-keys-back = revenir aux questions
tui-keys-this-help = cette aide
tui-keys-marks = Repères à l'écran
tui-keys-mark-cursor = ligne surlignée, domaine en cours
tui-keys-mark-answer = réponse enregistrée
tui-keys-mark-flag = question marquée
tui-keys-mark-note = question avec une note
tui-keys-mark-to-confirm = réponses reprises, à confirmer
tui-keys-mark-confirmed = réponses reprises, confirmées sans changement
tui-keys-mark-changed = réponses changées depuis l'évaluation précédente
tui-keys-mark-level = niveau du domaine
tui-keys-mark-capped = niveau plafonné par un contrôle critique ; en bas : une erreur

# The search and the note editor
tui-search-title = Chercher une question
tui-search-none = aucune question trouvée
tui-note-title = Note — { $id } — Échap pour enregistrer

# The sidebar
tui-domains = Domaines
tui-index = Indice { $score } · niv. { $level }
tui-index-none = Indice : —
tui-hide-scores = s : masquer les scores
tui-scores-hidden = scores masqués (s)

# The question
tui-no-question = Aucune question à poser pour ce profil.
tui-tag-critical = [critique]
tui-tag-context = [contexte]
tui-tag-flagged = [⚑ marquée]
tui-tag-to-confirm = [↻ à confirmer]
tui-tag-note = [✎ note]
tui-help = Aide :
tui-sources = Sources :
tui-note-then = Note d'alors :
tui-previous-answer = Réponse précédente :
tui-previous-note = Note précédente :
tui-confirm-hint = c : confirmer sans changement · un chiffre : changer
tui-current-answer = Réponse actuelle :
tui-previous-mark = [↻ précédente]
tui-level-suffix = (niv. { $level })
tui-dont-know = Je ne sais pas
tui-not-applicable = Non applicable
tui-note = Note :
tui-note-hint = n : ajouter une note (ce qui a été dit, les preuves montrées)
tui-pinned-note = ✎ Note :
tui-machine-facts = Constats des machines :
tui-contradiction = la machine { $host } contredit cette réponse : niveau retenu { $kept } au lieu de { $declared }
tui-point-to-verify = point à vérifier (le score garde la réponse) : { $host } · { $fact } = { $value }

# The summary (its table's columns are the score table's)
tui-summary-title = Synthèse de l'audit
tui-overall-index = Indice global :
tui-overall = { $score } / 100 — niveau { $level } ({ $name })
tui-overall-none = non applicable
tui-unanswered = { $count ->
    [one] { $count } question encore sans réponse (comptée au niveau 0)
   *[other] { $count } questions encore sans réponse (comptées au niveau 0)
}
tui-to-confirm = { $count ->
    [one] { $count } réponse reprise encore à confirmer (comptée à son niveau précédent)
   *[other] { $count } réponses reprises encore à confirmer (comptées à leur niveau précédent)
}
tui-capped = niveau plafonné à 1 par un contrôle critique insuffisant
tui-no-priority = Aucune : chaque contrôle atteint sa cible.
tui-priority = { $title } — { $control }
tui-priority-critical = { $title } — { $control } (critique)
tui-next-assessment = Prochaine évaluation :

# The start form
tui-form-title = posture — nouvel audit
tui-form-keys = Tab/↑↓ champ · ← → changer le choix · Entrée champ suivant, puis créer · Échap annuler
tui-form-catalog = catalogue { $id } { $version }
tui-form-profile = { $title } ({ $count ->
        [one] { $count } question
       *[other] { $count } questions
    })
tui-field-organisation = Organisation
tui-field-sector = Secteur
tui-field-headcount = Effectif
tui-field-auditor = Auditeur
tui-field-participants = Participants
tui-field-profile = Profil
tui-field-file = Fichier
tui-form-organisation-missing = indiquez le nom de l'organisation
tui-form-file-missing = indiquez le fichier de la session
tui-form-file-exists = le fichier « { $name } » existe déjà : choisissez un autre nom

# The footer's messages
tui-no-option = pas d'option { $digit } pour cette question
tui-na-not-allowed = « Non applicable » n'est pas possible pour cette question
tui-none-open = aucune question sans réponse ni marquée
tui-none-flagged = aucune question marquée
tui-next-assessment-set = prochaine évaluation fixée au { $date }
tui-note-saved = note enregistrée
tui-nothing-to-confirm = rien à confirmer : cette réponse n'a pas été reprise de l'évaluation précédente
tui-all-answered = { $count ->
    [0] toutes les questions ont une réponse — r : synthèse
    [one] toutes les questions ont une réponse — { $count } marquée à revoir (F) — r : synthèse
   *[other] toutes les questions ont une réponse — { $count } marquées à revoir (F) — r : synthèse
}
tui-previous-answers-dropped = réponses précédentes non reprises (contrôles modifiés) : { $controls }
tui-not-saved = NON ENREGISTRÉ : { $error }
tui-report-written = rapport écrit : { $files }

# posture audit's errors before the screen opens
tui-from-needs-output = --from demande le fichier de la nouvelle session
tui-from-needs-output-hint = ajoutez -o NOUVEAU.toml
tui-other-profile = --profile { $profile } : la session { $file } existe déjà et suit le profil { $kept } (le profil d'une session ne change pas)
tui-other-profile-hint = pour reprendre la session, enlevez --profile ; pour poser le profil { $profile }, partez de celle-ci : posture audit --from { $file } --profile { $profile } -o NOUVEAU.toml
tui-file-exists = le fichier { $path } existe déjà
tui-file-exists-hint = choisissez un autre nom pour la nouvelle session
tui-terminal-unusable = impossible d'utiliser le terminal : { $error }
tui-terminal-unusable-hint = lancez posture audit dans un terminal interactif ; en script, utilisez posture answer
