# Messages of the agent (agent crate), in French: what a machine fact says, and the probes'
# sentences. The reference catalog; English in ../en/agent.ftl, same ids and arguments. French
# typography in the characters themselves (see posture.ftl).

## collect: what a machine fact says

# Why a file could not be read, why a command gave nothing (nested in other messages).
collect-read-missing = { $path } : absent
collect-read-denied = { $path } : accès refusé (lancez posture en root pour ce constat)
collect-read-other = { $path } : illisible ({ $why })
collect-io-link-loop = trop de liens symboliques (boucle de liens)
collect-cmd-offline = { $program } : commande non lancée avec --root
collect-cmd-missing = { $program } n'est pas installé
collect-cmd-failed = { $program } n'a pas pu être lancé : { $why }
collect-cmd-stopped = arrêté au bout de { $seconds } s
collect-cmd-exit = { $program } a échoué (code { $code })
collect-cmd-exit-said = { $program } a échoué (code { $code }) : « { $said } »

# An area whose reader failed; an unknown fact with why its files could not be read.
collect-area-failed = la lecture de « { $name } » a échoué (erreur interne)
collect-reasons = { $first } ; { $next }
collect-explained = { $detail } — { $reasons }
collect-explained-more = { $detail } — { $reasons } (et { $more ->
        [one] { $more } autre
       *[other] { $more } autres
    })

# os.*, host.uptime_days
collect-os-name-missing = NAME absent du fichier
collect-os-no-version-id = pas de VERSION_ID (version de développement ou « testing » ?)
collect-os-version = version { $version }
collect-os-no-os-release = pas de /etc/os-release : système non identifié
collect-os-unidentified = système non identifié
collect-os-kernel-version-unreadable = version du noyau illisible
collect-os-uptime-unreadable = durée de fonctionnement illisible
collect-os-unidentified-no-os-release = système non identifié (pas de /etc/os-release)
collect-os-system = système : { $name }
collect-os-kernel = noyau Linux { $kernel }
collect-os-kernel-of-host = noyau Linux { $kernel } (celui de l'hôte du conteneur)
collect-os-up-days = démarré depuis { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }{ $container ->
        [yes] { " " }(celle de l'hôte du conteneur)
       *[other] { "" }
    }
collect-os-up-days-reboot = démarré depuis { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }{ $container ->
        [yes] { " " }(celle de l'hôte du conteneur)
       *[other] { "" }
    } : le noyau en service est sans doute plus vieux que la dernière mise à jour du noyau (redémarrer)
collect-os-maintained-until = { $name } est maintenu par son éditeur jusqu'au { $date } ({ $days ->
        [one] { $days } jour
       *[other] { $days } jours
    })
collect-os-unmaintained-since = { $name } n'est plus maintenu par son éditeur depuis le { $date } : plus de correctifs de sécurité
collect-os-reduced-support = { $detail } ; support réduit (Debian LTS) depuis le { $date }, fin de l'équipe sécurité
collect-os-with-esm = { $detail } ; avec Ubuntu Pro (ESM)
collect-os-paid-extension = { $detail } ; une extension payante va jusqu'au { $date }
collect-os-eol-table = { $detail } (table du { $date })
collect-os-not-in-eol-table = « { $id } { $version } » n'est pas dans la table de fin de vie de posture (table du { $table_date }) : vérifier sur le site de l'éditeur

# patch.*
collect-patch-but-nothing-pending = { $detail } ; mais aucune mise à jour de sécurité n'attend dans les listes de paquets à jour (patch.security_pending_days) : l'ancienneté de la dernière mise à jour ne prouve à elle seule aucun correctif manquant
collect-patch-last-upgrade-ok = dernière mise à jour de paquets le { $date }, il y a { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } (charte : 8 jours au plus)
collect-patch-last-upgrade-late = dernière mise à jour de paquets le { $date }, il y a { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } : plus que les 8 jours de la charte
collect-patch-no-upgrade-within = aucune mise à jour dans les journaux de paquets, qui remontent au { $oldest } : au moins { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } sans mise à jour — un minimum, qui ne prouve pas le délai de 8 jours de la charte (la dernière mise à jour peut être plus ancienne)
collect-patch-no-upgrade-since = aucune mise à jour dans les journaux de paquets, qui remontent au { $oldest } : au moins { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } sans mise à jour (un minimum : la dernière mise à jour peut être plus ancienne)
collect-patch-no-upgrade-in-logs = aucune mise à jour dans les journaux de paquets (depuis le { $oldest })
collect-patch-no-logs = aucun journal de paquets (apt, dpkg, dnf, zypper) lisible
collect-patch-logs-unreadable = journaux de paquets illisibles
collect-patch-unattended-on = unattended-upgrades installe les mises à jour de sécurité chaque jour
collect-patch-unattended-not-installed = APT::Periodic::Unattended-Upgrade est activé mais le paquet unattended-upgrades n'est pas installé
collect-patch-unattended-off = pas de mises à jour automatiques (unattended-upgrades : APT::Periodic::Unattended-Upgrade "1" absent)
collect-patch-dnf-automatic-installs = dnf-automatic installe les mises à jour ({ $timer } activé)
collect-patch-dnf-automatic-notifies = dnf-automatic est activé mais ne fait que télécharger ou prévenir (apply_updates = no)
collect-patch-yum-cron = yum-cron installe les mises à jour
collect-patch-dnf-automatic-off = pas de mises à jour automatiques (minuterie dnf-automatic non activée)
collect-patch-auto-unknown = ni apt ni dnf : mécanisme de mise à jour automatique non reconnu
collect-patch-reboot-requested = un redémarrage est demandé pour finir des mises à jour
collect-patch-reboot-requested-by = un redémarrage est demandé pour finir des mises à jour ({ $packages })
collect-patch-reboot-container = dans un conteneur, le noyau est celui de l'hôte : redémarrage à voir sur l'hôte
collect-patch-needs-restarting-yes = needs-restarting : un redémarrage est nécessaire (noyau ou bibliothèques de base mis à jour)
collect-patch-needs-restarting-no = needs-restarting : aucun redémarrage nécessaire
collect-patch-kernel-newer = le noyau installé le plus récent ({ $newest }) n'est pas celui en service ({ $running }) : redémarrer
collect-patch-kernel-newest = le noyau en service ({ $running }) est le plus récent installé
collect-patch-no-reboot-flag = aucune demande de redémarrage (/run/reboot-required absent)
collect-patch-reboot-unknown = impossible de savoir si un redémarrage est attendu
collect-patch-no-security-lists = aucune liste de paquets de sécurité sur le disque (apt-get update jamais lancé, listes effacées, ou pas de dépôt -security)
collect-patch-lists-unreadable-offline = listes de paquets illisibles ou dans une compression non lue ({ $files }) et pas de commande avec --root
collect-patch-no-dpkg-offline = ni base dpkg ni commande (dnf updateinfo) avec --root
collect-patch-dnf-no-answer = dnf sans réseau n'a pas répondu (métadonnées absentes ?) : { $failed }
collect-patch-no-dpkg-no-dnf = ni dpkg ni dnf : mises à jour de sécurité en attente inconnues
collect-patch-pending-none-stale = aucune mise à jour de sécurité en attente, mais les listes de paquets ont { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } : les mises à jour publiées depuis n'y sont pas (lancer apt-get update)
collect-patch-pending-none-aged = aucune mise à jour de sécurité en attente dans les listes de paquets (vieilles de { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    })
collect-patch-pending-none-in-lists = aucune mise à jour de sécurité en attente dans les listes de paquets
collect-patch-pending-undated = { $count ->
        [one] { $count } mise à jour de sécurité en attente
       *[other] { $count } mises à jour de sécurité en attente
    }, date de publication illisible (ni fichier Release ni date des listes) : { $packages }
collect-patch-published-release = la liste qui contient la plus ancienne a été publiée le { $date } (champ Date de { $file })
collect-patch-published-on-disk = la liste qui contient la plus ancienne est sur le disque depuis le { $date } (date de modification de { $file }, faute de fichier Release)
collect-patch-pending-late = { $count ->
        [one] { $count } mise à jour de sécurité en attente
       *[other] { $count } mises à jour de sécurité en attente
    } depuis au moins { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } : { $how } — plus que les 8 jours de la charte : { $packages }
collect-patch-pending-lower-bound = { $count ->
        [one] { $count } mise à jour de sécurité en attente
       *[other] { $count } mises à jour de sécurité en attente
    } depuis au moins { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } : { $how } — un minimum, qui ne prouve pas le délai de 8 jours de la charte : { $packages }
collect-patch-pending-no-lists = aucune liste de paquets de sécurité sur le disque : âge des mises à jour en attente inconnu
collect-patch-pending-none = aucune mise à jour de sécurité en attente
collect-patch-pending-undated-elsewhere = { $count ->
        [one] { $count } mise à jour de sécurité en attente
       *[other] { $count } mises à jour de sécurité en attente
    } (patch.pending_security), mais leur date de publication n'est lue que dans les listes d'apt sur le disque
collect-patch-security-none-on-disk = aucune mise à jour de sécurité en attente dans les listes de paquets du disque
collect-patch-security-count = { $count ->
        [one] { $count } paquet a une mise à jour de sécurité en attente
       *[other] { $count } paquets ont une mise à jour de sécurité en attente
    }
collect-patch-lists-aged = { $detail } (listes du disque vieilles de { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    })
collect-patch-lists-stale = { $detail } (listes du disque vieilles de { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } : lancer apt-get update)
collect-patch-packages = { $detail } : { $packages }

# net.*
collect-addr-empty = { $path } : vide
collect-addr-unrecognised = { $path } : contenu non reconnu (pas la table du noyau)
collect-net-container-addresses = { $detail } (adresses du conteneur : celles de l'hôte n'y figurent pas)
collect-net-public-address = la machine a une adresse publique, joignable depuis Internet sauf pare-feu en amont : { $public }
collect-net-no-proc-net-fib-trie = pas de /proc/net/fib_trie : adresses de la machine inconnues
collect-net-addresses-unknown = adresses de la machine inconnues : { $problems }
collect-net-no-public-address-loopback-only = aucune adresse publique, adresses privées ou locales seulement (aucune hors boucle locale)
collect-net-no-public-address = aucune adresse publique, adresses privées ou locales seulement ({ $own })
collect-net-listening-sockets-unknown = sockets en écoute inconnues
collect-net-admin-on-public = administration à distance ou partage de fichiers en écoute sur une adresse publique : { $items } — joignable depuis Internet sauf pare-feu
collect-net-admin-on-public-address = administration à distance ou partage de fichiers en écoute sur une adresse publique (adresse publique de la machine : { $public }) : { $items } — joignable depuis Internet sauf pare-feu
collect-net-admin-public-unknown = adresses de la machine inconnues (pas de /proc/net/fib_trie) : impossible de dire si un service d'administration écoute sur une adresse publique
collect-net-admin-public-unknown-because = adresses de la machine inconnues ({ $problems }) : impossible de dire si un service d'administration écoute sur une adresse publique
collect-net-no-admin-on-public = aucun service d'administration ou de partage de fichiers en écoute sur une adresse publique
collect-net-no-proc-net-tcp-listening = pas de /proc/net/tcp : sockets en écoute inconnues
collect-net-sockets-unknown = sockets en écoute inconnues : { $problems }
collect-net-not-read = { $detail } ; non lus : { $problems }
collect-net-in-container = { $detail } (dans le réseau du conteneur : ce qui est publié sur l'hôte dépend de sa configuration)
collect-net-listening = { $count ->
        [one] { $count } socket en écoute
       *[other] { $count } sockets en écoute
    }, dont { $everywhere } sur toutes les interfaces
collect-net-no-admin-everywhere = aucun port d'administration ou de partage de fichiers en écoute sur toutes les interfaces
collect-net-admin-everywhere-private = administration à distance ou partage de fichiers ouvert sur toutes les interfaces : { $names } — mais la machine n'a que des adresses privées ou locales ({ $own }) : être en écoute sur le réseau local ne dit rien d'Internet (une redirection de port du routeur ne se voit que de l'extérieur : posture agent probe-ports)
collect-net-admin-everywhere-public = administration à distance ou partage de fichiers ouvert sur toutes les interfaces : { $names }, sur une machine qui a une adresse publique ({ $public }) — à limiter à une interface d'administration, un VPN ou un pare-feu
collect-net-admin-everywhere-unknown = administration à distance ou partage de fichiers ouvert sur toutes les interfaces : { $names } (adresses de la machine inconnues : une adresse publique n'est pas exclue) — à limiter à une interface d'administration, un VPN ou un pare-feu

# host.role
collect-role-battery-laptop = une batterie ({ $battery }) : un portable
collect-role-chassis-graphical = { $chassis }, session graphique ({ $graphical })
collect-role-chassis-no-server-service = { $chassis }, aucun service de serveur en écoute
collect-role-graphical = session graphique ({ $graphical })
collect-role-workstation = { $why } : un poste de travail
collect-role-no-chassis = pas de type de châssis lisible
collect-role-nothing-runs = ni session graphique ni service de serveur en écoute
collect-role-services-unknown = services inconnus
collect-role-chassis = type de châssis { $code } ({ $code ->
        [3] ordinateur de bureau
        [4] ordinateur de bureau extra-plat
        [5] boîtier « pizza box »
        [6] mini-tour
        [7] tour
        [8] portable
        [9] ordinateur portable
        [10] ordinateur portable
        [11] appareil de poche
        [13] tout-en-un
        [14] ultraportable
        [15] boîtier compact
        [16] boîtier « lunch box »
        [17] châssis de serveur
        [23] châssis en baie
        [24] PC scellé
        [25] châssis multi-systèmes
        [28] lame
        [29] châssis de lames
        [30] tablette
        [31] convertible
        [32] détachable
        [35] mini-PC
        [36] PC clé
       *[other] autre
    })
collect-role-chassis-server = { $chassis } : un serveur
collect-role-chassis-laptop = { $chassis } : un portable
collect-role-server-services = aucune session graphique et des services de serveur en écoute ({ $services }) : un serveur
collect-role-server-services-chassis = { $chassis }, aucune session graphique et des services de serveur en écoute ({ $services }) : un serveur
collect-role-workstation-also = { $why } (services de serveur aussi en écoute : { $services }) : un poste de travail
collect-role-unknown = rôle de la machine indéterminé : { $chassis }, pas de batterie, { $runs }

# ssh.*
collect-ssh-no-config = pas de /etc/ssh/sshd_config : pas de serveur SSH trouvé
collect-ssh-config-unreadable = configuration du serveur SSH illisible
collect-ssh-root-login-yes = root peut se connecter directement en SSH, mot de passe compris (PermitRootLogin yes, { $from })
collect-ssh-root-login-no = root ne peut pas se connecter en SSH (PermitRootLogin no, { $from })
collect-ssh-root-login-key = root peut se connecter en SSH avec une clé, pas avec un mot de passe (PermitRootLogin { $mode }, { $from }) : préférer des comptes nominatifs
collect-ssh-root-login-unknown = valeur de PermitRootLogin non reconnue : « { $other } » ({ $from }) ; sshd refuse de démarrer avec
collect-ssh-single-factor = une connexion SSH à un seul facteur reste possible (AuthenticationMethods { $methods }) : exiger par exemple publickey,keyboard-interactive avec un code à usage unique
collect-ssh-sshd-default = valeur par défaut de sshd
collect-ssh-why-password = PasswordAuthentication { $value } ({ $from })
collect-ssh-why-kbd-interactive = KbdInteractiveAuthentication yes + UsePAM yes
collect-ssh-why-methods = AuthenticationMethods { $methods }
collect-ssh-password-alone = le serveur SSH accepte un mot de passe seul : { $why }
collect-ssh-no-password-alone = pas de connexion SSH par mot de passe seul : { $why }
collect-ssh-files-denied = { $detail } (fichiers illisibles sans root : { $files })
collect-ssh-include-loop = { $detail } ; Include en boucle : { $files } s'inclut lui-même (lu une fois ici ; sshd, lui, refuse de démarrer avec cette configuration : « Too many recursive configuration includes »)
collect-ssh-include-too-deep = { $detail } ; plus de { $depth } niveaux d'Include : les plus profonds ne sont pas lus (sshd refuse de démarrer avec cette configuration)
collect-ssh-two-factors = toute connexion SSH demande deux facteurs (AuthenticationMethods { $methods })
collect-ssh-two-factors-pam = toute connexion SSH demande deux facteurs (AuthenticationMethods { $methods }, code à usage unique par PAM)

# firewall.active
collect-firewall-enabled = { $name } est activé
collect-firewall-nothing-offline = ni ufw, ni firewalld, ni règles enregistrées pour le démarrage ; les règles chargées ne se lisent qu'avec une commande (pas avec --root)
collect-firewall-no-tool = ni nft ni iptables installés, ni ufw ni firewalld activés
collect-firewall-nothing-as-user = ni ufw ni firewalld activés ; les règles chargées ne se lisent qu'en root (nft list ruleset)
collect-firewall-no-rule-in-container = aucune règle chargée dans ce conteneur ({ $hint }) : le filtrage se fait en général sur l'hôte ou par le moteur de conteneurs, invisible d'ici — vérifiez le pare-feu de l'hôte
collect-firewall-no-rule = aucune règle de pare-feu ne filtre le trafic entrant (chaîne input vide, politique accept)
collect-firewall-in-container = { $detail } (dans un conteneur : le filtrage est souvent celui de l'hôte)
collect-firewall-rules-filter-incoming = des règles de pare-feu filtrent le trafic entrant ({ $program })
collect-firewall-boot-rules = des règles filtrant le trafic entrant sont chargées au démarrage
collect-firewall-loaded-rules-unreadable = règles chargées illisibles : { $errors }

# disk.encrypted
collect-disk-no-mountinfo = pas de /proc/self/mountinfo : périphérique de / inconnu
collect-disk-device-unknown = périphérique de / inconnu : { $why }
collect-disk-root-not-in-mountinfo = / introuvable dans /proc/self/mountinfo
collect-disk-zfs = / est sur ZFS : chiffrement par jeu de données (zfs get encryption), non lu
collect-disk-device-not-in-sys-block = { $device } introuvable dans /sys/class/block ni /sys/block
collect-disk-virtual-file-system = / est un système de fichiers { $mount } (conteneur ou mémoire) : le disque de l'hôte n'est pas visible
collect-disk-device-not-found-sys = périphérique de / ({ $source }, { $dev }) introuvable dans /sys
collect-disk-encrypted = / est sur un volume chiffré dm-crypt : { $chain }
collect-disk-crypttab-lists = { $why } ; /etc/crypttab liste des volumes chiffrés ({ $crypttab }), sans preuve que / en fait partie
collect-disk-not-encrypted = / n'est pas chiffré ({ $chain }) ; un chiffrement fait par l'hyperviseur ou le disque n'est pas visible d'ici
collect-disk-not-encrypted-crypttab = / n'est pas chiffré ({ $chain }) ; /etc/crypttab liste : { $crypttab } ; un chiffrement fait par l'hyperviseur ou le disque n'est pas visible d'ici

# auth.*
collect-auth-lockout = { $module } verrouille un compte après { $deny ->
        [one] { $deny } échec
       *[other] { $deny } échecs
    } de connexion
collect-auth-lockout-deny-0 = { $module } est présent mais deny=0 : aucun verrouillage
collect-auth-faillock-conf-unused = faillock.conf : deny = { $deny }, mais pam_faillock n'apparaît pas dans /etc/pam.d (activer : authselect enable-feature with-faillock, ou pam-auth-update)
collect-auth-faillock-conf-lockout = faillock.conf : verrouillage après { $deny ->
        [one] { $deny } échec
       *[other] { $deny } échecs
    } de connexion
collect-auth-faillock-conf-deny-0 = faillock.conf : deny = 0, et ni pam_faillock ni pam_tally2 dans /etc/pam.d
collect-auth-no-lockout = aucun verrouillage de compte après des échecs de connexion (ni pam_faillock ni pam_tally2 dans /etc/pam.d)
collect-auth-pam-unreadable = /etc/pam.d illisible
collect-auth-pam-missing-or-empty = /etc/pam.d absent ou vide
collect-auth-no-minimum-length = aucune longueur minimale de mot de passe configurée (pwquality, login.defs)
collect-auth-minimum-length = mots de passe d'au moins { $n } caractères
collect-auth-minimum-length-short = mots de passe d'au moins { $n } caractères : moins des 12 recommandés par la CNIL
collect-auth-no-pam = pas de /etc/pam.d
collect-auth-no-second-factor = aucun second facteur dans PAM (pam_google_authenticator, pam_u2f, pam_oath…)
collect-auth-second-factor = second facteur dans PAM : { $found }
collect-auth-pam-unix-default = { $detail } (valeur par défaut de pam_unix, qui n'a pas de minlen= et sans pam_pwquality ; PASS_MIN_LEN de /etc/login.defs n'est pas lu par PAM)
collect-auth-pam-unix-default-login-defs = { $detail } (valeur par défaut de pam_unix, qui n'a pas de minlen= et sans pam_pwquality ; PASS_MIN_LEN de /etc/login.defs n'est pas lu par PAM, { $length } y est sans effet)
collect-auth-pwquality-inert = { $detail } (pwquality.conf fixe une longueur, mais pam_pwquality n'est pas appelé dans /etc/pam.d : réglage sans effet)

# accounts.*
collect-accounts-no-passwd = pas de /etc/passwd
collect-accounts-unreadable = comptes illisibles
collect-accounts-root-only-uid-0 = root est le seul compte d'uid 0
collect-accounts-no-shared = aucun compte partagé (admin, accueil, stagiaire…) avec un shell de connexion
collect-accounts-other-uid-0 = autres comptes d'uid 0 (super-utilisateurs cachés) : { $uid0 }
collect-accounts-shared = comptes partagés avec un shell de connexion : { $shared } — un compte par personne

# av.*
collect-antivirus-no-usr-bin = pas de /usr/bin : système de fichiers incomplet
collect-antivirus-none-known = aucun antivirus ni agent de sécurité connu (ClamAV, Defender, Sophos, ESET…)
collect-antivirus-clamav-no-signatures = ClamAV est installé mais n'a aucune base de signatures (freshclam jamais lancé ?)
collect-antivirus-defender = Microsoft Defender présent, âge des signatures non lu (mdatp health)
collect-antivirus-age-in-console = { $name } : l'âge des signatures se lit dans sa console
collect-antivirus-none = pas d'antivirus
collect-antivirus-found = antivirus : { $names }
collect-antivirus-signatures-fresh = signatures { $what } à jour (il y a { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    })
collect-antivirus-signatures-old = signatures { $what } vieilles de { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } : la mise à jour automatique ne fonctionne pas ?

# log.*
collect-logs-journal-on-disk = le journal systemd est conservé sur disque (Storage={ $storage }, /var/log/journal)
collect-logs-syslog-on-disk = syslog écrit les journaux sur disque ({ $file })
collect-logs-no-journald-no-syslog = journald ne tourne pas et aucun syslog n'écrit sur disque : les journaux partent sans doute vers le moteur de conteneurs ou la console
collect-logs-none-found = ni journald ni syslog trouvés (conteneur ?)
collect-logs-journal-files-ignored = les fichiers de /var/log/journal ne comptent pas : journald ne les écrit plus (Storage={ $storage }, { $source })
collect-logs-no-retention-source = ni journal persistant lisible ni règle logrotate pour syslog
collect-logs-journal-goes-back = le journal systemd remonte à { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }
collect-logs-logrotate-keeps = logrotate garde { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } de syslog
collect-logs-journal-not-kept = le journal systemd n'est gardé nulle part et aucun syslog n'écrit sur disque : tout est perdu au redémarrage
collect-logs-journal-in-memory-no-dir = le journal systemd n'est gardé qu'en mémoire (Storage={ $storage }, pas de /var/log/journal) et aucun syslog n'écrit sur disque : tout est perdu au redémarrage
collect-logs-journal-in-memory-dir-unused = le journal systemd n'est gardé qu'en mémoire (Storage={ $storage } : /var/log/journal n'est plus écrit) et aucun syslog n'écrit sur disque : tout est perdu au redémarrage
collect-logs-journal-in-memory = le journal systemd n'est gardé qu'en mémoire (Storage={ $storage }) et aucun syslog n'écrit sur disque : tout est perdu au redémarrage
collect-logs-less-than-a-year = { $detail } : moins d'un an de traces (la charte demande un an)

# time.synced, screen.lock, backup.tools
collect-misc-time-timesyncd-synced = horloge synchronisée par systemd-timesyncd
collect-misc-time-ntp-synced = horloge synchronisée (NTP)
collect-misc-time-container = dans un conteneur, l'horloge est celle de l'hôte
collect-misc-time-no-systemd = systemd ne tourne pas (pas de /run/systemd/system) : les services de temps activés ne démarrent pas
collect-misc-time-not-synced-yet = { $unit } est activé, mais l'horloge n'est pas encore synchronisée (timedatectl)
collect-misc-time-enabled = synchronisation de l'heure activée ({ $unit })
collect-misc-time-none = aucune synchronisation de l'heure (timesyncd, chrony, ntp) : des traces datées de travers ne prouvent rien
collect-misc-time-unknown = ni systemd ni service de temps trouvés
collect-misc-screen-lock-off = verrouillage de l'écran désactivé (lock-enabled={ $lock }, idle-delay={ $idle })
collect-misc-screen-kde-locks = KDE verrouille l'écran après inactivité
collect-misc-screen-kde-lock-off = KDE : verrouillage automatique désactivé
collect-misc-screen-no-tmout = pas de bureau et pas de TMOUT : une session laissée ouverte le reste
collect-misc-screen-unknown = ni bureau ni /etc/profile trouvés
collect-misc-backup-no-usr-bin = pas de /usr/bin : système de fichiers incomplet
collect-misc-backup-none = aucun outil de sauvegarde installé (restic, borg, duplicity, bacula…) : les sauvegardes se font peut-être ailleurs (hyperviseur, NAS) — à vérifier
collect-misc-screen-tmout = pas de bureau ; les sessions shell se ferment après { $minutes } min d'inactivité (TMOUT={ $seconds })
collect-misc-backup-scheduled = sauvegardes planifiées : { $places }
collect-misc-backup-unscheduled = outils de sauvegarde installés : { $tools }, mais aucune planification trouvée (cron, minuteries systemd)
collect-misc-backup-unscheduled-crontabs = outils de sauvegarde installés : { $tools }, mais aucune planification trouvée (cron, minuteries systemd) (les crontabs des utilisateurs ne se lisent qu'en root)
collect-misc-screen-locks = l'écran se verrouille après { $minutes } min d'inactivité
collect-misc-screen-locks-late = l'écran se verrouille après { $minutes } min d'inactivité : plus de 15 min

## probes: probe-tls and probe-ports

# What probe-tls says of a site.
tls-internal-error = erreur interne
tls-failure-bad-url = adresse invalide ({ $why })
tls-failure-dns = nom d'hôte introuvable ({ $why })
tls-failure-refused = connexion refusée
tls-failure-timeout = pas de réponse en 5 s
tls-failure-unreachable = réseau ou machine injoignable ({ $why })
tls-failure-too-old-named = le serveur ne propose que { $version }, antérieur à TLS 1.2
tls-failure-too-old = le serveur ne propose qu'une version antérieure à TLS 1.2
tls-failure-handshake = échec de la négociation TLS ({ $why })
tls-ca-file = { $file } : { $why }
tls-ca-unusable = certificat d'autorité inutilisable ({ $why })
tls-url-scheme = protocole { $scheme }:// (http ou https attendu)
tls-url-no-host = pas de nom d'hôte
tls-host-invalid = « { $host } » n'est pas un nom d'hôte valide
tls-site-not-probed = Site non sondé : { $reason }.
tls-cert-unreadable = Certificat illisible : { $why }.
tls-cert-not-read = Certificat non lu : { $reason }.
tls-version-too-old-named = Le site ne propose que { $version }, version de TLS antérieure à 1.2 et obsolète : l'annexe RGPD demande la dernière version (TLS 1.3).
tls-version-too-old = Le site ne propose qu'une version de TLS antérieure à 1.2 (il refuse TLS 1.2 et 1.3), obsolète : l'annexe RGPD demande la dernière version (TLS 1.3).
tls-no-connection = Connexion TLS à { $source } impossible : { $reason }.
tls-version-1-3 = Le site négocie TLS 1.3, la dernière version.
tls-version-1-2 = Le site négocie au mieux TLS 1.2 : acceptable, mais l'annexe RGPD demande la dernière version (TLS 1.3).
tls-version-obsolete = Version de TLS obsolète ({ $version }).
tls-cert-expired-since = expiré depuis le { $date }
tls-cert-not-yet-valid = valide seulement à partir du { $date }
tls-cert-wrong-name = ne couvre pas { $host } (noms : { $names })
tls-cert-problems = { $head } ; { $tail }
tls-cert-valid = Certificat valide pour { $host } jusqu'au { $date }.
tls-cert-invalid = Certificat invalide : { $problems }.
tls-cert-expired = Le certificat a expiré le { $date } (il y a { $days ->
    [one] { $days } jour
   *[other] { $days } jours
}).
tls-cert-days-left = { $days ->
    [one] { $days } jour
   *[other] { $days } jours
} avant l'expiration du certificat ({ $date }).
tls-cert-days-left-renew = { $days ->
    [one] { $days } jour
   *[other] { $days } jours
} avant l'expiration du certificat ({ $date }) : à renouveler.
tls-chain-trusted = Chaîne de certificats reconnue (émetteur : { $issuer }).
tls-chain-unknown-issuer = autorité inconnue, certificat auto-signé ou intermédiaire manquant
tls-chain-expired = un certificat de la chaîne a expiré
tls-chain-bad-signature = signature invalide
tls-chain-untrusted-ca-unread = Chaîne non reconnue ({ $why }, émetteur : { $issuer }), mais le fichier --ca n'a pas pu être lu : { $ca_error }.
tls-chain-untrusted = Chaîne de certificats non reconnue : { $why } (émetteur : { $issuer }). Les navigateurs affichent une alerte.
tls-redirect-to-https = { $http } redirige vers { $location } ({ $status }).
tls-redirect-not-https = { $http } redirige vers { $location } ({ $status }), qui n'est pas en HTTPS.
tls-redirect-plain = { $http } répond { $status } en clair, sans rediriger vers HTTPS : les pages peuvent être lues en HTTP.
tls-redirect-refused = { $http } : connexion refusée. Le site n'est pas servi en HTTP, donc rien n'y circule en clair ; mais qui tape l'adresse sans https:// tombe sur une erreur au lieu d'être redirigé vers HTTPS.
tls-redirect-unchecked = Redirection non vérifiée : { $http } : { $reason }.
tls-hsts-days = { $days ->
    [0] moins d'un jour
    [one] { $days } jour
   *[other] { $days } jours
}
tls-hsts-ok = En-tête Strict-Transport-Security présent (max-age={ $max_age }, { $days }).
tls-hsts-short = En-tête Strict-Transport-Security présent mais court (max-age={ $max_age }, { $days } ; 180 jours au moins recommandés).
tls-hsts-off = En-tête Strict-Transport-Security à max-age=0 : HSTS désactivé.
tls-hsts-invalid = En-tête Strict-Transport-Security sans max-age valide (« { $raw } ») : ignoré par les navigateurs.
tls-hsts-absent = Pas d'en-tête Strict-Transport-Security sur la réponse HTTPS : le navigateur peut encore être amené en HTTP.
tls-hsts-unread = En-tête HSTS non lu : { $reason }.
# Why the handshake or an HTTP request failed.
tls-no-address-for = aucune adresse pour { $host }
tls-handshake-closed = connexion fermée pendant la négociation
tls-handshake-reset = connexion réinitialisée pendant la négociation
tls-handshake-endless = la négociation ne se termine pas
tls-handshake-no-version = aucune version négociée
tls-http-connect-failed = connexion impossible ({ $why })
tls-http-request-failed = requête HTTP en échec ({ $why })
# Why a probe failed (a library's words).
tls-quoted = message : « { $raw } »
tls-io-refused = connexion refusée
tls-io-reset = connexion réinitialisée par le serveur
tls-io-aborted = connexion interrompue
tls-io-broken-pipe = connexion coupée
tls-io-not-connected = pas de connexion
tls-io-eof = connexion fermée avant la fin de la réponse
tls-io-timeout = pas de réponse à temps
tls-io-network-unreachable = réseau injoignable
tls-io-host-unreachable = machine injoignable
tls-io-network-down = réseau hors service
tls-io-address-not-available = adresse locale indisponible
tls-io-address-in-use = adresse déjà utilisée
tls-io-invalid-data = données invalides
tls-io-invalid-input = paramètre invalide
tls-io-interrupted = opération interrompue
tls-dns-unknown-name = nom inconnu du DNS
tls-dns-no-address = aucune adresse pour ce nom
tls-dns-temporary-failure = échec temporaire de la résolution de noms (pas de réseau ou de DNS ?)
tls-url-empty-host = nom d'hôte vide
tls-url-invalid-idn = nom de domaine international invalide
tls-url-invalid-port = numéro de port invalide
tls-url-invalid-ipv4 = adresse IPv4 invalide
tls-url-invalid-ipv6 = adresse IPv6 invalide
tls-url-invalid-domain-character = caractère interdit dans le nom de domaine
tls-url-relative = adresse incomplète
tls-http-not-http = le serveur ne répond pas en HTTP (un port HTTPS ?)
tls-http-closed = connexion fermée avant la réponse
tls-http-bad-header = en-tête HTTP invalide dans la réponse
tls-http-bad-status = code de statut HTTP invalide dans la réponse
tls-http-head-too-large = en-têtes de réponse trop longs
tls-error-alert = le serveur a répondu par l'alerte TLS { $alert }
tls-error-certificate-refused = certificat refusé ({ $why })
tls-error-incompatible = serveur incompatible ({ $why })
tls-error-misbehaved = le serveur ne suit pas le protocole TLS ({ $why })
tls-error-invalid-message = message TLS invalide ({ $why })
tls-error-unexpected-message = message TLS inattendu du serveur
tls-error-name-type = type de nom d'hôte non pris en charge
tls-error-decrypt = échec du déchiffrement
tls-error-oversized-record = enregistrement TLS trop grand envoyé par le serveur
tls-error-no-server-certificate = le serveur n'a envoyé aucun certificat
tls-pem-no-end = section PEM sans ligne de fin (-----END …-----)
tls-pem-bad-start = ligne de début de section PEM invalide
tls-pem-bad-base64 = contenu PEM invalide (base64)
tls-pem-too-large = section PEM trop grande
tls-pem-no-certificate = aucun certificat dans le fichier (une clé privée, ou pas du PEM ?)
tls-cert-malformed = certificat X.509 mal formé ({ $why })
# probe-ports: its arguments.
ports-empty-list = --ports : liste vide
ports-out-of-range = --ports : port { $port } hors limites (de 1 à 65535)
ports-not-a-port = --ports : « { $item } » n'est ni un numéro de port (de 1 à 65535) ni une plage (8000-8010)
ports-empty-item = --ports : élément vide dans « { $list } » (des numéros séparés par des virgules, p. ex. 22,3389,8000-8010)
ports-reversed = --ports : plage { $range } à l'envers (écrire { $high }-{ $low })
ports-too-many = --ports : { $count } ports, { $max } au plus par sondage
ports-not-a-host = « { $host } » n'est pas un nom d'hôte ni une adresse (donnez p. ex. 51.15.20.30 ou acces.example.org, sans https:// ni chemin)
# probe-ports: what it says of a host.
ports-no-address = « { $host } » : aucune adresse
ports-dns-failed = « { $host } » : nom inconnu du DNS ou résolution impossible (message : « { $error } »)
ports-unreachable = { $host } ({ $addr }) injoignable : aucun port n'a répondu (réseau ou hôte inaccessible depuis cette machine)
ports-target-public = { $host } ({ $addr }), adresse publique, sondée depuis cette machine : ce que voit Internet si le sondage part de l'extérieur du réseau de l'organisation
ports-target-private = { $host } ({ $addr }) n'est pas une adresse publique : ce sondage montre la vue du réseau local, pas celle d'Internet (à lancer de l'extérieur, contre les adresses publiques de l'organisation)
ports-probed = { $count ->
    [one] { $count } port TCP sondé
   *[other] { $count } ports TCP sondés
} : { $open ->
    [one] { $open } ouvert
   *[other] { $open } ouverts
}, { $closed ->
    [one] { $closed } fermé
   *[other] { $closed } fermés
}, { $filtered ->
    [one] { $filtered } filtré
   *[other] { $filtered } filtrés
} (sans réponse en { $timeout } s){ $failed ->
    [0] {""}
    [one] , { $failed } injoignable
   *[other] , { $failed } injoignables
}
ports-open-none = { $count ->
    [one] le port sondé n'accepte pas de connexion
   *[other] aucun des { $count } ports sondés n'accepte de connexion
}
ports-open = ports qui acceptent une connexion : { $ports }
ports-local-view = {" "}({ $addr } n'est pas une adresse publique : vue du réseau local, pas d'Internet)
ports-admin-open = administration à distance ou partage de fichiers ouvert depuis ce réseau : { $ports } — à fermer, ou à réserver à un VPN{ $view }
ports-admin-unknown = aucun port d'administration ouvert parmi ceux qui ont répondu, mais { $failed ->
    [one] { $failed } port n'a pas pu être sondé
   *[other] { $failed } ports n'ont pas pu être sondés
} (erreur réseau)
ports-admin-none-probed = aucun port d'administration ou de partage de fichiers parmi les ports sondés{ $view }
ports-admin-none-open = aucun port d'administration ou de partage de fichiers ouvert (fermés ou filtrés){ $view }

## Windows agent: posture-agent's commands and Windows facts

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
agent-heading = machine { $host } — { $collected } { $account ->
    [root] root
   *[user] utilisateur
}{ $container ->
    [yes] , conteneur
   *[no] {""}
}, agent { $version }
agent-written = constats écrits dans { $path } : { $ok }, { $warn }, { $fail }, { $unknown }
agent-ports-example = exemple : { $program } probe-ports 51.15.20.30 --ports 22,3389,8000-8010
agent-root-not-a-directory = --root { $root } : ce n'est pas un dossier
agent-root-missing = --root { $root } : dossier introuvable
agent-root-unreadable = --root { $root } : illisible ({ $why })
agent-root-hint = donnez le dossier qui tient lieu de / de la machine à lire (une image disque montée, une copie de ses fichiers), ou retirez --root pour lire cette machine
agent-error = erreur : { $message }
agent-cannot-write = impossible d'écrire { $path } : { $why }
agent-press-key = Appuyez sur une touche pour fermer cette fenêtre.
agent-double-click = Lecture des constats de cette machine…
agent-help = L'agent de posture : les constats lus sur cette machine, le TLS des sites web et les ports ouverts des adresses publiques. Lancé sans argument (double-clic), il écrit faits-MACHINE-DATE.json à côté de lui.
agent-help-collect = Lire les constats de cette machine (lecture seule, sans réseau).
agent-help-collect-root = Lire les fichiers sous DIR au lieu de / et n'exécuter aucune commande (machines factices des tests).
agent-help-output = Écrire les constats dans ce fichier (JSON) ; la sortie standard ne reçoit alors qu'une ligne de résumé.
agent-help-format = Format de sortie : text (tableau, par défaut) ou json.
agent-help-probe-tls = Sonder des sites web : version de TLS, certificat, redirection HTTPS, HSTS.
agent-help-probe-tls-urls = Les sites à sonder, p. ex. https://www.example.org
agent-help-probe-tls-ca = Une autorité de certification privée (fichier PEM) à accepter.
agent-help-probe-ports = Sonder les ports TCP (administration, partage de fichiers) de l'adresse publique de l'organisation : à lancer de l'extérieur de son réseau, avec son accord.
agent-help-probe-ports-host = L'adresse publique ou le nom d'hôte de l'organisation, p. ex. 51.15.20.30
agent-help-probe-ports-ports = Les ports TCP, p. ex. 22,3389,8000-8010 (1024 au plus ; par défaut : les ports d'administration et de partage de fichiers).
agent-help-lang = Langue de l'interface : fr ou en (par défaut : celle du système, sinon le français).
agent-help-help = Afficher l'aide.
agent-help-version = Afficher la version.
agent-help-usage = Utilisation :
agent-help-commands = Commandes :
agent-help-arguments = Arguments :
agent-help-options = Options :
collect-win-denied = { $key } : accès refusé (lancez posture-agent en administrateur pour ce constat)
collect-win-unreadable = { $key } : illisible ({ $why })
collect-win-not-read = pas lu sur Windows par cette version de l'agent
collect-win-api-denied = { $api } : accès refusé (lancez posture-agent en administrateur pour ce constat)
collect-win-api-failed = { $api } : échec ({ $why })
collect-win-os-name = { $name }
collect-win-os-unreadable = { $key } ne dit pas quel Windows est installé
collect-win-os-build = build { $build }
collect-win-not-in-eol-table = « { $name } » (build { $build }) n'est pas dans la table de fin de support de posture (table du { $table_date }) : vérifier sur le site de Microsoft
collect-win-eol-windows10-esu = support de Windows 10 terminé le { $date } : seules les mises à jour de sécurité étendues payantes (Extended Security Updates) le maintiennent encore
collect-win-eol-past = { $product } { $version } : support de Microsoft terminé le { $date }
collect-win-eol-soon = { $product } { $version } : fin du support de Microsoft le { $date }, dans { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }
collect-win-eol-ok = { $product } { $version } : maintenu par Microsoft jusqu'au { $date }
collect-win-role-server = édition serveur de Windows (ProductType { $product_type })
collect-win-role-battery = une batterie : un portable
collect-win-role-no-battery = pas de batterie : un poste fixe
collect-win-role-unknown = ni l'édition ni la batterie ne disent ce qu'est la machine
collect-win-uptime = démarrée il y a { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }
collect-win-update-none = aucune installation de mise à jour réussie trouvée
collect-win-update-none-because = aucune installation de mise à jour réussie trouvée — { $reasons }
collect-win-update-ok = dernière mise à jour installée le { $date }, il y a { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } (charte : 8 jours au plus)
collect-win-update-late = dernière mise à jour installée le { $date }, il y a { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } : plus que les 8 jours de la charte
collect-win-au-off = mises à jour automatiques désactivées par stratégie (NoAutoUpdate)
collect-win-au-scheduled = mises à jour téléchargées et installées automatiquement (stratégie AUOptions 4)
collect-win-au-local-admin = la stratégie laisse l'administrateur local choisir (AUOptions 5)
collect-win-au-notify = la stratégie ne fait que prévenir ou télécharger, sans installer (AUOptions { $option })
collect-win-au-default = aucune stratégie : Windows installe les mises à jour de lui-même
collect-win-reboot-pending = un redémarrage attend pour finir d'installer des mises à jour
collect-win-no-reboot-pending = aucun redémarrage en attente
collect-win-listening = { $count ->
        [one] { $count } socket en écoute
       *[other] { $count } sockets en écoute
    }
collect-win-admin-exposed-none = aucun service d'administration ni de partage de fichiers en écoute sur toutes les interfaces
collect-win-admin-exposed = en écoute sur toutes les interfaces : { $list } ; joignable depuis Internet seulement si un routeur le redirige (à vérifier avec probe-ports depuis l'extérieur)
collect-win-bitlocker-on = BitLocker protège le lecteur système
collect-win-bitlocker-off = BitLocker ne protège pas le lecteur système (état { $state })
collect-win-password-minlen = longueur minimale des mots de passe : { $length } (CNIL : 12 au moins)
collect-win-lockout-on = comptes verrouillés après { $threshold } échecs de connexion
collect-win-lockout-off = aucun verrouillage des comptes après des échecs de connexion
collect-win-admins = { $count ->
        [one] { $count } administrateur local
       *[other] { $count } administrateurs locaux
    } : { $list }
collect-win-guest-on = le compte Invité est activé
collect-win-guest-off = le compte Invité est désactivé
collect-win-generic-none = aucun compte partagé parmi les comptes locaux actifs
collect-win-generic = comptes partagés : { $list } (un compte par personne)
collect-win-fw-service-off = le service du pare-feu Windows (MpsSvc) est désactivé : rien ne filtre
collect-win-fw-on = pare-feu Windows actif pour les profils domaine, privé et public
collect-win-fw-off = pare-feu Windows désactivé pour : { $profiles }
collect-win-rdp-on = Bureau à distance activé (port { $port }) : qui peut s'y connecter ?
collect-win-rdp-off = Bureau à distance désactivé
collect-win-nla-off = Bureau à distance sans authentification au niveau du réseau (NLA) : l'écran de connexion s'ouvre à n'importe qui
collect-win-nla-on = Bureau à distance avec authentification au niveau du réseau (NLA)
collect-win-nla-rdp-off = Bureau à distance désactivé : le réglage NLA ne sert pas
collect-win-rdp-port = port du Bureau à distance : { $port }
collect-win-smb1-off = SMBv1 désactivé sur le serveur de fichiers
collect-win-smb1-on = SMBv1 activé sur le serveur de fichiers (le protocole de WannaCry)
collect-win-smb1-feature = la fonctionnalité SMB 1.0 est installée et active
collect-win-smb1-absent = la fonctionnalité SMB 1.0 n'est pas installée
collect-win-av-present = antivirus : { $names }
collect-win-av-none = ni Microsoft Defender ni antivirus connu
collect-win-av-not-defender = Microsoft Defender n'est pas l'antivirus actif : sa console le montre
collect-win-realtime-off = protection en temps réel de Microsoft Defender désactivée
collect-win-realtime-on = protection en temps réel de Microsoft Defender active
collect-win-signatures = signatures de Microsoft Defender mises à jour le { $date }, il y a { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    }
collect-win-signatures-unreadable = date des signatures de Microsoft Defender illisible
collect-win-security-log = journal Sécurité : { $size } Mo au plus (recommandé : { $min } Mo au moins)
collect-win-security-log-default = journal Sécurité : taille par défaut de Windows, { $size } Mo (recommandé : { $min } Mo au moins)
collect-win-time-disabled = le service de temps Windows (W32Time) est désactivé
collect-win-time-nosync = le service de temps Windows ne synchronise pas l'horloge (Type NoSync)
collect-win-time-on = horloge synchronisée par le service de temps Windows (Type { $kind })
collect-win-time-unknown = réglage du service de temps Windows introuvable
collect-win-lock-policy = la session se verrouille après { $minutes } min d'inactivité (stratégie)
collect-win-lock-screensaver = économiseur d'écran avec mot de passe après { $minutes } min
collect-win-lock-none = ni stratégie d'inactivité ni économiseur d'écran avec mot de passe
collect-win-remote-none = aucun logiciel de prise de main à distance installé
collect-win-remote = prise de main à distance installée : { $tools } (charte : télémaintenance encadrée, §12 et §19)
collect-win-backup-none = aucun logiciel de sauvegarde installé (les sauvegardes peuvent être faites ailleurs : serveur, NAS)
collect-win-backup = sauvegarde installée : { $tools } (la planification se vérifie dans l'outil)
collect-win-bitlocker-suspended = BitLocker suspendu sur le lecteur système : les données sont chiffrées, mais la clé est en clair
collect-win-bitlocker-unknown = état de BitLocker inconnu de posture ({ $state })

## Windows agent: Security Center's antivirus list (WMI)
collect-win-av-fallback = { $detail } (Centre de sécurité Windows : { $why })
collect-win-sc-absent = absent, comme sur Windows Server
collect-win-sc-denied = accès refusé
collect-win-sc-failed = illisible ({ $why })
collect-win-sc-empty = aucun antivirus inscrit
collect-win-sc-present = antivirus inscrits au Centre de sécurité Windows : { $names }
collect-win-sc-realtime-on = protection en temps réel active selon le Centre de sécurité Windows : { $names }
collect-win-sc-realtime-off = aucun des antivirus inscrits au Centre de sécurité Windows n'est actif (désactivé, en pause ou expiré) : { $names }
collect-win-sc-signatures-current = signatures de { $name } à jour selon le Centre de sécurité Windows ; leur date est dans sa console
collect-win-sc-signatures-outdated = signatures de { $name } périmées selon le Centre de sécurité Windows ; leur date est dans sa console
collect-win-sc-timeout = pas de réponse de WMI en { $seconds } s
