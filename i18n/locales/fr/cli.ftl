# Messages of the posture command itself (the root crate: commands' output, help, errors), in
# French. The reference; English in ../en/cli.ftl. French typography in the characters
# themselves (see posture.ftl).

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

## serve: the server

help-serve = Le serveur de collecte d'une équipe SSI : les organisations y déposent leurs évaluations, l'équipe les consulte.
help-serve-listen = L'adresse et le port d'écoute, ADRESSE:PORT (par défaut 127.0.0.1:8443 ; le port 0 prend un port libre, affiché au démarrage).
help-serve-db = La base de données : sqlite:CHEMIN (par défaut sqlite:posture-collecte.db, créée en 0600) ou postgres://…
help-serve-tls-cert = La chaîne de certificats du serveur (PEM), pour HTTPS.
help-serve-tls-key = La clé privée du certificat (PEM).
help-serve-self-signed = Un certificat autosigné fait au démarrage, pour un essai ; il est écrit à côté de la base, pour posture submit --ca.
help-serve-insecure-http = HTTP sans chiffrement, derrière un mandataire inverse qui termine TLS (boucle locale seulement, sauf avec --behind-proxy).
help-serve-behind-proxy = Avec --insecure-http sur une adresse autre que la boucle locale : un mandataire inverse termine TLS devant le serveur.
cli-serve-no-transport = le serveur ne sait pas comment chiffrer ses connexions
cli-serve-no-transport-hint = ajoutez --tls-cert CERT.pem --tls-key CLÉ.pem, ou --self-signed pour un essai, ou --insecure-http derrière un mandataire inverse qui termine TLS
cli-serve-insecure-public = --insecure-http sur { $address } : HTTP sans chiffrement est refusé sur une adresse autre que la boucle locale
cli-serve-insecure-public-hint = ajoutez --behind-proxy si un mandataire inverse termine TLS devant ce serveur, ou écoutez sur 127.0.0.1
cli-serve-insecure-warning = ATTENTION : HTTP SANS CHIFFREMENT sur { $address } ; les jetons et les évaluations circulent en clair jusqu'au mandataire inverse
cli-serve-bad-listen = --listen { $address } : adresse invalide
cli-serve-bad-listen-hint = donnez ADRESSE:PORT, p. ex. 127.0.0.1:8443 ou 0.0.0.0:443
cli-serve-tls = certificat ou clé inutilisable : { $reason }
cli-serve-tls-hint = --tls-cert attend la chaîne de certificats et --tls-key la clé privée, en PEM
cli-serve-self-signed = certificat autosigné écrit dans { $path } (empreinte SHA-256 { $fingerprint }) ; les clients lui font confiance avec posture submit --ca { $path }
cli-serve-bind = impossible d'écouter sur { $address } : { $reason }
cli-serve-write = impossible d'écrire { $path } : { $reason }
cli-serve-db = base de données inutilisable : { $reason }
cli-serve-failed = le serveur s'est arrêté sur une erreur : { $reason }
cli-serve-stopped = serveur arrêté

## submit: posture submit, the collection server's client

help-submit = Envoyer l'évaluation (le rapport JSON de la session) au serveur de collecte de l'équipe SSI (posture serve).
help-submit-to = L'adresse du serveur, p. ex. https://collecte.exemple.fr (http:// seulement vers cette machine).
help-submit-token-file = Le fichier qui contient le jeton de l'organisation (par défaut : la variable POSTURE_TOKEN ; jamais sur la ligne de commande).
help-submit-ca = Une autorité de certification à reconnaître en plus des autorités publiques (PEM), p. ex. le certificat autosigné du serveur.
help-submit-without-notes = Retirer les notes de l'auditeur (elles peuvent nommer des personnes).
help-submit-dry-run = Afficher le document qui serait envoyé, sans rien envoyer (aucun jeton n'est nécessaire).
cli-submit-dry-run = rien n'a été envoyé (--dry-run) ; ce document irait à { $url }
cli-submit-created = évaluation envoyée à { $url } (identifiant { $id })
cli-submit-already = cette évaluation était déjà sur le serveur { $url } (identifiant { $id }) : rien n'est enregistré deux fois
cli-submit-bad-url = « { $url } » n'est pas une adresse de serveur
cli-submit-bad-url-hint = donnez l'adresse du serveur de collecte, p. ex. --to https://collecte.exemple.fr
cli-submit-not-https = { $url } : seules les adresses https:// sont acceptées (http:// seulement vers cette machine : 127.0.0.1, ::1 ou localhost)
cli-submit-not-https-hint = le jeton et l'évaluation ne circulent pas en clair sur le réseau : donnez l'adresse https:// du serveur
cli-submit-url-credentials = l'adresse du serveur contient un identifiant ou un mot de passe
cli-submit-url-credentials-hint = retirez-les de l'adresse : le jeton se donne avec --token-file ou la variable POSTURE_TOKEN
cli-submit-no-token = il manque le jeton de l'organisation
cli-submit-no-token-hint = donnez le fichier qui le contient avec --token-file FICHIER, ou la variable POSTURE_TOKEN (jamais sur la ligne de commande)
cli-submit-token-unreadable = impossible de lire le fichier du jeton { $path } : { $why }
cli-submit-token-empty = le fichier du jeton { $path } est vide
cli-submit-token-invalid = le jeton de { $source } n'en est pas un (il contient des espaces ou des caractères non permis)
cli-submit-token-hint = mettez le jeton tel que « posture serve token create » l'a affiché, seul sur la première ligne
cli-submit-token-file-open = attention : le fichier du jeton { $path } est accessible à d'autres utilisateurs (mode { $mode }) ; réservez-le à vous seul : chmod 600 { $path }
cli-submit-ca-unreadable = impossible de lire l'autorité de certification { $path } : { $why }
cli-submit-ca-invalid = { $path } : aucun certificat PEM utilisable
cli-submit-ca-hint = donnez le certificat de l'autorité, ou le certificat autosigné du serveur, au format PEM (-----BEGIN CERTIFICATE-----)
cli-submit-retry-status = le serveur a répondu { $status } ; nouvel essai dans { $ms } ms ({ $attempt }/{ $tries })
cli-submit-retry-connection = pas de réponse du serveur ({ $why }) ; nouvel essai dans { $ms } ms ({ $attempt }/{ $tries })
cli-submit-server-failed = le serveur { $url } a répondu { $status } à chacun des { $tries } essais{ $reason }
cli-submit-later-hint = réessayez plus tard : un nouvel envoi de la même évaluation ne crée pas de doublon
cli-submit-unreachable = impossible de joindre { $url } en { $tries } essais : { $why }
cli-submit-unreachable-hint = vérifiez l'adresse, le réseau et que le serveur fonctionne, puis relancez la commande (un nouvel envoi ne crée pas de doublon)
cli-submit-redirected = le serveur { $url } renvoie ailleurs ({ $status }, vers { $location }) : rien n'a été envoyé
cli-submit-redirected-hint = donnez à --to l'adresse définitive du serveur
cli-submit-refused = le serveur a refusé l'évaluation ({ $status }){ $reason }
cli-submit-reason =  : { $error }
cli-submit-reason-field =  : { $error } (champ { $field })
cli-submit-unauthorized-hint = le jeton est inconnu du serveur, révoqué ou mal copié : demandez-en un à l'équipe SSI
cli-submit-forbidden-hint = envoyez avec le jeton de l'organisation évaluée (un jeton d'administrateur sert à lire, pas à envoyer)
cli-submit-too-large-hint = le serveur accepte au plus 1 Mio : --without-notes allège le document
cli-submit-unexpected = réponse inattendue du serveur { $url } : { $status }
cli-submit-certificate = le certificat du serveur { $url } n'est pas reconnu : { $why }
cli-submit-certificate-hint = pour un serveur au certificat privé ou autosigné, donnez son autorité avec --ca FICHIER.pem
cli-submit-tls = la connexion TLS avec { $url } a échoué : { $why }
cli-submit-why-unknown-issuer = il est signé par une autorité inconnue
cli-submit-why-expired = il a expiré
cli-submit-why-other-name = il est établi pour un autre nom
cli-submit-why-timeout = délai dépassé
cli-submit-why-refused = connexion refusée (aucun serveur n'écoute à cette adresse)
cli-submit-why-cut = connexion interrompue
cli-submit-why-unknown-host = nom d'hôte inconnu
cli-submit-why-library = { $why }

## serve token and org: the collection server's tokens and organisations

cli-serve-admin-token-created-org = jeton { $id } créé pour l'organisation « { $org } »
cli-serve-admin-token-created-admin = jeton { $id } créé pour { $name }, membre de l'équipe SSI (lecture de toutes les organisations)
cli-serve-admin-token-once = conservez-le maintenant, il ne sera plus affiché (la base n'en garde que l'empreinte) :
cli-serve-admin-token-revoked = jeton { $id } révoqué : le serveur le refuse dès sa prochaine requête
cli-serve-admin-no-such-token = aucun jeton n'a l'identifiant { $id }
cli-serve-admin-no-such-token-hint = posture serve token list montre les jetons et leurs identifiants
cli-serve-admin-no-tokens = aucun jeton ; créez-en un avec posture serve token create
cli-serve-admin-column-id = id
cli-serve-admin-column-kind = type
cli-serve-admin-column-name = nom
cli-serve-admin-column-sector = secteur
cli-serve-admin-column-size = effectif
cli-serve-admin-column-created = créé le
cli-serve-admin-column-revoked = révoqué
cli-serve-admin-kind-admin = équipe SSI
cli-serve-admin-kind-organisation = organisation
cli-serve-admin-yes = oui
cli-serve-admin-no = non
cli-serve-admin-org-confirm = Supprimer l'organisation « { $name } », ses jetons et toutes ses évaluations ? C'est définitif. [o/N]
cli-serve-admin-org-kept = rien n'a été supprimé : « { $name } » est conservée
cli-serve-admin-org-confirm-needed = supprimer « { $name } » demande une confirmation, et aucun terminal ne peut la donner
cli-serve-admin-org-confirm-needed-hint = ajoutez --yes pour supprimer sans confirmation
cli-serve-admin-org-deleted = organisation « { $name } » supprimée, avec ses jetons et ses évaluations
cli-serve-admin-org-not-found = aucune organisation ne s'appelle « { $name } »
cli-serve-admin-org-not-found-hint = posture serve token list montre les organisations (colonne nom)
cli-serve-admin-bad-sector = --sector : le secteur est un texte court sur une ligne (100 caractères au plus)
cli-serve-admin-bad-sector-hint = écrivez-le comme dans le formulaire de session, p. ex. --sector CPTS
cli-serve-admin-bad-size = --size { $size } : ce n'est pas une tranche d'effectif
cli-serve-admin-bad-size-hint = choisissez parmi : { $bands }
cli-serve-admin-bad-name = { $flag } : le nom ne peut être ni vide ni sur plusieurs lignes
cli-serve-admin-database = base de données : { $why }
help-serve-token = Créer, lister ou révoquer les jetons du serveur de collecte.
help-serve-token-create = Créer un jeton : celui d'une organisation (--org) ou d'un membre de l'équipe SSI (--admin --name) ; il est affiché une seule fois, seul sur la dernière ligne.
help-serve-token-db = La base de données du serveur : sqlite:CHEMIN (par défaut sqlite:posture-collecte.db) ou postgres://…
help-serve-token-org = L'organisation pour laquelle le jeton dépose les évaluations.
help-serve-token-sector = Le secteur de l'organisation, comme dans le formulaire de session (CPTS, …) : il la place parmi ses pairs.
help-serve-token-size = La tranche d'effectif de l'organisation : 1-9, 10-49, 50-249 ou 250+.
help-serve-token-admin = Un jeton de membre de l'équipe SSI, qui lit les données de toutes les organisations.
help-serve-token-name = Le nom du membre de l'équipe.
help-serve-token-list = Lister les jetons (jamais les jetons eux-mêmes).
help-serve-token-revoke = Révoquer un jeton par son identifiant ; le serveur le refuse dès sa requête suivante.
help-serve-token-revoke-id = L'identifiant du jeton, tel que posture serve token list l'affiche.
help-serve-org = Les organisations : en supprimer une avec toutes ses données.
help-serve-org-delete = Supprimer une organisation, ses jetons et toutes ses évaluations (droit à l'effacement), après confirmation.
help-serve-org-delete-name = Le nom de l'organisation.
help-serve-org-delete-yes = Supprimer sans demander de confirmation.

## report --benchmark: the position among peers (posture report, end-of-meeting export)

help-report-benchmark = L'adresse d'un serveur de collecte (posture serve), p. ex. https://collecte.exemple.fr : le rapport situe l'organisation parmi ses pairs (même secteur, même effectif).
cli-benchmark-no-profile = la session n'indique pas son secteur et son effectif, qui désignent les pairs
cli-benchmark-bad-answer = la réponse du serveur est illisible
cli-benchmark-unauthorized = le serveur a refusé le jeton (code 401 : jeton inconnu ou révoqué)
cli-benchmark-refused = le serveur a refusé la demande (code { $status })
cli-benchmark-refused-reason = le serveur a refusé la demande (code { $status } : { $reason })
cli-benchmark-server = le serveur a répondu par une erreur (code { $status }) à chacun des { $tries } essais
cli-benchmark-unreachable = le serveur { $url } est injoignable ({ $why })
cli-benchmark-warning = attention : la position parmi les pairs manque au rapport : { $reason }. Le rapport est écrit sans elle.
cli-benchmark-too-few = attention : trop peu d'organisations comparables ({ $count }, il en faut au moins { $min }) ; le rapport le dit, sans les chiffres des pairs.

## dashboard (posture serve token create --contact)

help-serve-token-contact = Qui appeler pour cette organisation (nom, téléphone) : le tableau de bord le montre parmi les réévaluations en retard.
