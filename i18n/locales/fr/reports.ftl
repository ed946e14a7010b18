# Messages of the reports (reports crate: HTML, PDF, Markdown, CSV, JSON labels, delivery), in
# French. The reference; English in ../en/reports.ftl. French typography in the characters
# themselves (see posture.ftl).

## reports: the labels of the HTML and PDF reports (and the Markdown's words they share)

report-title = Rapport d'audit de sécurité
report-date = Date de l'audit
report-auditor = Auditeur
report-participants = Participants
report-sector = Secteur
report-headcount = Effectif
report-profile = Profil
report-duration = Durée de la réunion
report-catalog = Catalogue
report-summary = Synthèse
report-overall = Indice global
report-level = Niveau
report-level-word = niveau
report-domain = Domaine
report-score = Score
report-capped = Plafonné
report-capped-note = Un contrôle critique insuffisant plafonne le niveau du domaine à 1.
report-yes = oui
report-no = non
report-not-applicable = non applicable
report-answered = questions répondues
report-radar = Profil de maturité par domaine
report-now = Cette évaluation
report-before = Évaluation précédente
report-priorities = Les six mesures prioritaires
report-why = Pourquoi
report-how = Comment
report-led-to = Constat
report-on-machines = Sur les machines
report-control = Contrôle
report-answer = Réponse
report-sources = Sources
report-critical = critique
report-action-plan = Plan d'action
report-measure = Mesure
report-priority = Priorité
report-target = Niveau cible
report-answers = Réponses par domaine
report-question = Question
report-note = Note
report-to-check = Questions à compléter (« Je ne sais pas » ou sans réponse)
report-comparison = Évolution depuis l'évaluation précédente
report-previous-date = Évaluation précédente du
report-before-col = Avant
report-after-col = Après
report-change = Écart
report-improved = Contrôles en progrès
report-regressed = Contrôles en recul
report-done = Mesures réalisées depuis
report-open = Mesures encore ouvertes
report-none = aucun
report-next = Prochaine évaluation
report-next-text = La prochaine évaluation, pour mesurer les progrès, est prévue le
report-method = Annexe : méthode de calcul
report-generated = Rapport établi le
report-confidential = Confidentiel : ce rapport décrit les points faibles de l'organisation.
report-machines = Constats sur les machines
report-machines-intro = L'agent posture a relevé ces faits sur les machines de l'organisation. Quand un constat prouve une réponse fausse, le niveau retenu est le plus bas des deux, pour la raison dite ; quand il la met seulement en doute, c'est un point à vérifier et le score garde la réponse.
report-discrepancies = Réponses contredites par les machines
report-no-discrepancy = Aucune réponse n'est contredite par les machines.
report-points-to-verify = Points à vérifier
report-points-to-verify-intro = Ces constats mettent une réponse en doute sans la prouver fausse (une seule machine, ou un port ouvert sur le réseau local et non sur Internet) : vérifiez-les avec la structure. Le score garde la réponse donnée.
report-no-point-to-verify = Aucun constat ne met une réponse en doute.
report-declared = Niveau déclaré
report-effective = Niveau retenu
report-host = Machine
report-fact = Constat
report-value = Valeur
report-status = État
report-source = Source
report-as-root = lu en root
report-as-user = lu sans droits root
report-in-container = dans un conteneur

## reports: the Markdown report's own words

report-md-title = Audit de sécurité
report-md-date = Date
report-md-answer-word = réponse
report-md-finding = Contrôle { $control } — réponse { $answer } (niveau { $level } → { $target })
report-md-finding-critical = Contrôle { $control } — réponse { $answer } (niveau { $level } → { $target }), critique
report-md-to-check = Questions à compléter
report-md-declared = Déclaré
report-md-kept = Retenu
report-md-no-measure = aucune
report-md-method = Annexe : méthode

## reports: the cover's meeting duration, the answers' words, the measures' note

report-duration-minutes = { $minutes } min
report-duration-not-recorded = non mesurée
report-duration-planned = { $spent } (prévu { $planned } min)
report-answer-none = Sans réponse
report-answer-context = Non applicable (contexte)
report-machines-note = niveau déclaré { $declared }, ramené à { $level } par les constats de { $shown }

## reports: the CSV's columns and statuses

report-csv-column-domain = domaine
report-csv-column-domain-id = id_domaine
report-csv-column-control = contrôle
report-csv-column-question = question
report-csv-column-answer = réponse
report-csv-column-status = statut
report-csv-column-level = niveau
report-csv-column-target = cible
report-csv-column-weight = poids
report-csv-column-critical = critique
report-csv-column-note = note
report-csv-column-refs = références
report-csv-column-effective-level = niveau_retenu
report-csv-status-answered = répondu
report-csv-status-unknown = ne sait pas
report-csv-status-unanswered = sans réponse
report-csv-status-not-applicable = non applicable
report-csv-status-context = contexte

## reports: sending the report (posture send): the e-mail, the archive, what went wrong

archive-file-word = rapport
mail-password-prompt = mot de passe SMTP de { $user } :
mail-body-greeting = Bonjour,
mail-body-attached = Vous trouverez ci-joint le rapport de l'audit de sécurité de « { $organisation } » du { $date }.
mail-body-archive = Le rapport est dans une archive ZIP chiffrée (AES-256), « { $attachment } ». Son mot de passe ne figure pas dans ce message : il vous est transmis par un autre canal (téléphone ou SMS).
mail-body-open = Pour l'ouvrir, utilisez 7-Zip (Windows), Keka ou The Unarchiver (macOS), ou tout logiciel qui lit les archives ZIP chiffrées en AES ; l'explorateur de fichiers de Windows ne les ouvre pas toujours.
mail-body-keep = Ce rapport décrit les points faibles de votre organisation : conservez-le en lieu sûr et ne le transférez pas sans le chiffrer.
mail-body-regards = Cordialement,
send-error-report = impossible de produire le rapport à envoyer : { $error }
send-error-random = le générateur aléatoire du système a échoué : { $error }
send-error-archive = impossible de créer l'archive chiffrée : { $error }
send-error-address = « { $address } » n'est pas une adresse électronique valide ({ $reason })
send-error-server = serveur SMTP « { $server } » invalide : attendu HÔTE ou HÔTE:PORT
send-error-insecure = envoi sans TLS refusé vers { $server } : --insecure-no-tls n'est accepté que vers cette machine (localhost, 127.0.0.1, ::1)
send-error-password = impossible de lire le mot de passe SMTP : { $error }
send-error-message = impossible de composer le message : { $error }
send-error-content-type = type de contenu invalide : { $error }
send-smtp-no-starttls = le serveur SMTP ne propose pas STARTTLS : rien n'a été envoyé, le rapport ne part pas en clair ({ $detail })
send-smtp-tls = la négociation TLS avec le serveur SMTP a échoué (certificat invalide ?) : { $detail }
send-smtp-timeout = le serveur SMTP ne répond pas : { $detail }
send-smtp-refused = le serveur SMTP a refusé le message : { $detail }
send-smtp-failed = l'envoi par SMTP a échoué : { $detail }
send-hint-html = envoyez le rapport HTML seul : --format html
send-hint-server = p. ex. --smtp smtp.example.org:587 (STARTTLS) ou --smtp smtp.example.org:465 (TLS implicite)
send-hint-insecure = retirez --insecure-no-tls : le rapport part alors sous TLS (STARTTLS, ou --tls implicit sur le port 465)
send-hint-password = sans terminal, donnez le mot de passe dans la variable d'environnement { $variable }
send-hint-starttls = vérifiez le port (587 pour STARTTLS, 465 avec --tls implicit) ; pour un serveur de test sur cette machine : --insecure-no-tls
send-hint-login = vérifiez --user et le mot de passe ({ $variable })

## reports: the position among peers (posture report --benchmark)

report-peers = Votre position parmi vos pairs
report-peers-ok = Comparaison avec les { $count } organisations du secteur « { $sector } », effectif { $size }, d'après leur dernière évaluation.
report-peers-how = La boîte va du premier au troisième quartile des pairs (la moitié centrale), le trait épais marque leur médiane et le losange votre score.
report-peers-too-few = Trop peu d'organisations comparables pour situer la vôtre : { $count } dans le secteur « { $sector } », effectif { $size }. Il en faut au moins { $min } pour qu'aucune ne puisse être reconnue.
report-peers-unavailable = La comparaison avec vos pairs n'a pas pu être obtenue : { $reason }. Le reste du rapport n'en dépend pas.
report-peers-your-score = Votre score
report-peers-p25 = 1er quartile
report-peers-median = Médiane
report-peers-p75 = 3e quartile
report-peers-position = Position
report-peers-below = sous le premier quartile
report-peers-middle = dans la moitié centrale
report-peers-above = au-dessus du troisième quartile
report-peers-row = { $domain } : votre score { $score }, pairs de { $p25 } à { $p75 }, médiane { $median } ({ $position }).
