# Messages of the posture command itself (the root crate: commands' output, help, errors), in
# French. The reference; English in ../en/cli.ftl. French typography in the characters
# themselves (see posture.ftl).

## How many facts have a status, as the agent's summary counts them.

fact-count-ok = { $count } ok
fact-count-warn = { $count } à surveiller
fact-count-fail = { $count ->
    [one] { $count } non conforme
   *[other] { $count } non conformes
}
fact-count-unknown = { $count ->
    [one] { $count } inconnu
   *[other] { $count } inconnus
}

## The comparison of two assessments (posture compare).

compare-heading = { $organisation } — évaluations du { $before } → { $after }
compare-overall = Indice global : { $before } → { $after } ({ $change })
compare-column-domain = Domaine
column-before = Avant
column-after = Après
column-change = Écart
compare-improved = Contrôles en progrès ({ $count })
compare-regressed = Contrôles en recul ({ $count })
compare-done = Mesures réalisées ({ $count })
compare-open = Mesures encore ouvertes ({ $count })

## cli: commands, help and usage

# The help of every command and argument, in clap's help (src/help.rs maps each command and
# argument to its id), with clap's section headings.

help-heading-usage = Utilisation :
help-heading-commands = Commandes :
help-heading-arguments = Arguments :
help-heading-options = Options :
help-posture = Audits de posture de sécurité des petites structures de santé et du secteur public.
help-option-lang = Langue de l'interface : fr ou en (par défaut : celle de LANG, sinon le français).
help-option-catalog = Un catalogue de contrôles à vous (fichier TOML ou dossier contenant catalog.toml) au lieu du catalogue intégré.
help-option-help = Afficher l'aide.
help-option-version = Afficher la version.
help-session-file = Le fichier de session.
help-facts-capped = Fichiers de constats de posture agent (un par machine) : les réponses sont plafonnées par ce que montrent les machines.
help-previous = L'évaluation précédente, pour montrer les progrès.
help-format-text-json = Format de sortie : text (tableau, par défaut) ou json.
help-facts-output = Écrire les constats dans ce fichier (JSON) ; la sortie standard n'affiche alors qu'un résumé d'une ligne.
help-audit = Mener l'audit guidé dans le terminal (reprend FICHIER s'il existe).
help-audit-file = Le fichier de session : repris à la première question sans réponse s'il existe ; sinon un formulaire le crée.
help-audit-facts = Fichiers de constats de posture agent : affichés sous les questions qu'ils concernent.
help-audit-profile = Le jeu de questions d'une nouvelle session : express ou complet.
help-audit-duration = Le temps prévu pour la réunion, p. ex. 90m, 1h30, 2h (par défaut 90 minutes).
help-audit-from = Réévaluation : partir des réponses de cette session précédente, chacune à confirmer.
help-audit-output = Le fichier de la nouvelle session (avec --from).
help-catalog = Vérifier ou exporter le catalogue de contrôles.
help-catalog-check = Valider un catalogue et signaler chaque problème avec son fichier, sa ligne et sa colonne.
help-catalog-check-path = Le catalogue à vérifier (par défaut : le catalogue intégré, ou --catalog).
help-catalog-export = Afficher le catalogue dans un format lisible par les programmes.
help-catalog-export-format = Format de sortie : json (par défaut).
help-session = Créer une session d'audit.
help-session-new = Créer un fichier de session vide.
help-session-new-profile = Le jeu de questions : express (la réunion de 90 minutes) ou complet (tous les contrôles).
help-session-new-org = Nom de l'organisation auditée.
help-session-new-auditor = Qui mène l'audit.
help-session-new-participants = Un participant (répétez l'option, ou séparez les noms par des virgules).
help-session-new-sector = Le secteur de l'organisation (CPTS, santé au travail…).
help-session-new-headcount = La tranche d'effectif : 1-9, 10-49, 50-249 ou 250+.
help-session-new-output = Le fichier de session à créer.
help-session-new-force = Remplacer le fichier s'il existe.
help-answer = Enregistrer une réponse dans une session.
help-answer-control = L'identifiant du contrôle, p. ex. PAT-01.
help-answer-choice = Un identifiant d'option, son numéro affiché (à partir de 1), « unknown » (je ne sais pas) ou « na » (non applicable).
help-answer-note = Ce qui a été dit, les preuves montrées (un texte vide efface la note).
help-score = Calculer les scores d'une session : domaines, indice global, mesures prioritaires.
help-score-format = Format de sortie : text (tableau, par défaut) ou json (pour les scripts).
help-report = Écrire le rapport d'audit (HTML et PDF par défaut ; Markdown, JSON, CSV).
help-report-format = Format : html, pdf, md, json ou csv (répétable, ou séparés par des virgules) ; par défaut html et pdf côte à côte.
help-report-output = Fichier de sortie (son extension est remplacée pour chaque format s'il y en a plusieurs ; « - » pour la sortie standard).
help-compare = Comparer deux évaluations de la même organisation.
help-compare-old = L'évaluation précédente.
help-compare-new = La nouvelle évaluation.
help-agent = L'agent local : les constats lus sur cette machine, le TLS des sites web et les ports ouverts des adresses publiques.
help-agent-collect = Lire les constats de cette machine (lecture seule, sans réseau ; plus complet en root).
help-agent-collect-root = Lire les fichiers sous DIR au lieu de / et n'exécuter aucune commande (machines factices des tests).
help-agent-probe-tls = Sonder des sites web : version de TLS, certificat, redirection HTTPS, HSTS.
help-agent-probe-tls-urls = Les sites à sonder, p. ex. https://www.example.org
help-agent-probe-tls-ca = Une autorité de certification privée (fichier PEM) à accepter.
help-agent-probe-ports = Sonder les ports TCP (administration, partage de fichiers) de l'adresse publique de l'organisation : à lancer de l'extérieur de son réseau (partage de connexion 4G d'un téléphone, autre site), avec son accord.
help-agent-probe-ports-host = L'adresse publique ou le nom d'hôte de l'organisation, p. ex. 51.15.20.30
help-agent-probe-ports-ports = Les ports TCP, p. ex. 22,3389,8000-8010 (1024 au plus ; par défaut : les ports d'administration et de partage de fichiers).
help-send = Envoyer le rapport par courriel dans une archive ZIP chiffrée (AES-256) ; le mot de passe est affiché, à transmettre par téléphone ou SMS.
help-send-to = L'adresse du destinataire (répétez l'option pour plusieurs).
help-send-from = L'adresse de l'expéditeur (par défaut : --user, si c'est une adresse).
help-send-smtp = Le serveur SMTP, HÔTE:PORT : STARTTLS sur le port 587 (par défaut), TLS implicite sur le 465.
help-send-user = Le compte SMTP ; son mot de passe vient de la variable POSTURE_SMTP_PASSWORD, ou est demandé sans écho.
help-send-tls = Le démarrage de TLS : starttls (par défaut) ou implicit (par défaut sur le port 465).
help-send-insecure-no-tls = Envoyer sans TLS, vers un serveur de test sur cette machine uniquement (refusé vers tout autre hôte).
help-send-format = Ce que contient l'archive : html, pdf (répétable, ou séparés par des virgules) ; par défaut les deux.
help-send-subject = L'objet du message (par défaut : le titre du rapport, l'organisation et la date).

# Usage errors (src/usage.rs): what clap found wrong on the command line.

usage-quoted = « { $text } »
usage-or = ou
usage-unknown-argument = argument inattendu { $arg }
usage-unknown-subcommand = sous-commande inconnue { $name }
usage-value-missing = une valeur est attendue pour { $arg }, mais aucune n'a été donnée
usage-invalid-value = valeur « { $value } » invalide pour { $arg }
usage-invalid-value-because = valeur « { $value } » invalide pour { $arg } : { $reason }
usage-missing-arguments = arguments obligatoires manquants : { $arguments }
usage-conflict = { $arg } ne peut pas être utilisé avec { $other }
usage-conflict-another = un autre argument
usage-unexpected-value = valeur inattendue { $value } pour { $arg }
usage-value-count = nombre de valeurs incorrect pour { $arg }
usage-no-equals = { $arg } attend une valeur après « = »
usage-possible-values = valeurs possibles : { $values }
usage-did-you-mean = astuce : vouliez-vous dire { $suggestions } ?
usage-more = Pour en savoir plus : --help
usage-bad-duration = en minutes (90m, 90) ou en heures (1h30, 2h), plus que zéro

# The commands' output, notes, errors and hints.

cli-error = erreur : { $message }
cli-previous-other-catalog = remarque : l'évaluation précédente ({ $path }) a été faite avec le catalogue { $then } ; elle est relue avec { $now }
cli-previous-other-catalog-dropped = remarque : l'évaluation précédente ({ $path }) a été faite avec le catalogue { $then } ; elle est relue avec { $now } ; réponses qui n'y ont plus de sens, laissées de côté : { $answers }
cli-previous-other-organisation = attention : l'évaluation précédente concerne « { $previous } », celle-ci « { $current } »
cli-previous-more-recent = attention : l'évaluation précédente { $previous } (du { $previous_day }) est plus récente que { $current } (du { $current_day }) ; les deux fichiers sont-ils inversés ?
cli-answer-unknown-control = contrôle inconnu « { $control } »
cli-answer-profile-controls = contrôles du profil { $profile } : { $controls }
cli-answer-not-in-profile = { $control } ne fait pas partie du profil { $profile } de cette session
cli-answer-asking-profiles = profils qui le posent : { $profiles }
cli-answer-about-argument = { $file } : { $problem } (argument { $argument })
cli-answer-set = { $control } = { $choice } : { $label }
cli-answer-level = niveau { $level } ({ $name })
cli-answer-not-applicable = remarque : d'après les réponses de contexte, cette question ne s'applique pas ; elle ne compte pas dans le score
cli-audit-cancelled = audit annulé : aucun fichier créé
cli-audit-saved = session enregistrée : { $path } ({ $answered }/{ $total } réponses)
cli-audit-resume = reprendre : { $command }
cli-audit-results = résultats : { $command }
cli-catalog-valid = catalogue valide : { $catalog } — { $controls } et { $context }, { $domains } ; profils : { $profiles }
cli-catalog-controls = { $count ->
    [one] { $count } contrôle
   *[other] { $count } contrôles
}
cli-catalog-context-questions = { $count ->
    [one] { $count } question de contexte
   *[other] { $count } questions de contexte
}
cli-catalog-domains = { $count ->
    [one] { $count } domaine
   *[other] { $count } domaines
}
cli-catalog-warnings = { $count ->
    [one] { $count } avertissement :
   *[other] { $count } avertissements :
}
cli-report-input-session = le fichier de session { $path }
cli-report-input-previous = l'évaluation précédente { $path }
cli-report-input-facts = le fichier de constats { $path }
cli-report-would-replace = le rapport { $report } remplacerait { $input } : rien n'a été écrit
cli-report-would-replace-session-hint = choisissez un autre fichier avec -o (ou nommez la session en .toml, son extension habituelle)
cli-report-would-replace-hint = choisissez un autre fichier avec -o
cli-report-stdout-one-format = « -o - » n'accepte qu'un seul format
cli-report-stdout-one-format-hint = ajoutez --format md (ou json, csv, html)
cli-report-written = rapport écrit : { $path }
cli-send-no-sender = il manque l'adresse de l'expéditeur
cli-send-no-sender-hint = ajoutez --from ADRESSE (ou définissez POSTURE_SMTP_FROM)
cli-send-no-server = il manque le serveur SMTP
cli-send-no-server-hint = ajoutez --smtp HÔTE:PORT, p. ex. --smtp smtp.example.org:587 (ou définissez POSTURE_SMTP)
cli-send-sent = rapport envoyé à { $recipients } par { $server } : { $attachment } ({ $files }), archive chiffrée en AES-256
cli-send-password = mot de passe de l'archive (à transmettre par téléphone ou SMS) : { $passphrase }
cli-session-exists = le fichier { $path } existe déjà
cli-session-exists-hint = choisissez un autre nom, ou ajoutez --force pour le remplacer
cli-session-created = session créée : { $path } — { $organisation }, profil { $profile } ({ $questions }), catalogue { $catalog }
cli-session-questions = { $count ->
    [one] { $count } question
   *[other] { $count } questions
}

## agent command: posture agent's output

cli-agent-heading = machine { $host } — { $collected } { $account ->
    [root] root
   *[user] utilisateur
}{ $container ->
    [yes] , conteneur
   *[no] {""}
}, agent { $version }
cli-agent-written = constats écrits dans { $path } : { $ok }, { $warn }, { $fail }, { $unknown }
cli-agent-ports-example = exemple : posture agent probe-ports 51.15.20.30 --ports 22,3389,8000-8010
cli-agent-root-not-a-directory = --root { $root } : ce n'est pas un dossier
cli-agent-root-missing = --root { $root } : dossier introuvable
cli-agent-root-unreadable = --root { $root } : illisible ({ $why })
cli-agent-root-hint = donnez le dossier qui tient lieu de / de la machine à lire (une image disque montée, une copie de ses fichiers), ou retirez --root pour lire cette machine
