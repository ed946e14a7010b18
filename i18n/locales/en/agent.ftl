# Messages of the agent (agent crate), in English. The reference is ../fr/agent.ftl.

## collect: what a machine fact says

# Why a file could not be read, why a command gave nothing (nested in other messages).
collect-read-missing = { $path }: missing
collect-read-denied = { $path }: permission denied (run posture as root for this fact)
collect-read-other = { $path }: cannot be read ({ $why })
collect-io-link-loop = too many levels of symbolic links (a loop of links)
collect-cmd-offline = { $program }: command not run with --root
collect-cmd-missing = { $program } is not installed
collect-cmd-failed = { $program } could not be run: { $why }
collect-cmd-stopped = stopped after { $seconds } s
collect-cmd-exit = { $program } failed (exit code { $code })
collect-cmd-exit-said = { $program } failed (exit code { $code }): "{ $said }"

# An area whose reader failed; an unknown fact with why its files could not be read.
collect-area-failed = reading "{ $name }" failed (internal error)
collect-reasons = { $first }; { $next }
collect-explained = { $detail } — { $reasons }
collect-explained-more = { $detail } — { $reasons } (and { $more } more)

# os.*, host.uptime_days
collect-os-name-missing = NAME missing from the file
collect-os-no-version-id = no VERSION_ID (a development or "testing" release?)
collect-os-version = version { $version }
collect-os-no-os-release = no /etc/os-release: unidentified system
collect-os-unidentified = unidentified system
collect-os-kernel-version-unreadable = kernel version not readable
collect-os-uptime-unreadable = uptime not readable
collect-os-unidentified-no-os-release = unidentified system (no /etc/os-release)
collect-os-system = system: { $name }
collect-os-kernel = Linux kernel { $kernel }
collect-os-kernel-of-host = Linux kernel { $kernel } (the container host's)
collect-os-up-days = up for { $days ->
        [one] { $days } day
       *[other] { $days } days
    }{ $container ->
        [yes] { " " }(the container host's)
       *[other] { "" }
    }
collect-os-up-days-reboot = up for { $days ->
        [one] { $days } day
       *[other] { $days } days
    }{ $container ->
        [yes] { " " }(the container host's)
       *[other] { "" }
    }: the running kernel is probably older than the last kernel update (reboot)
collect-os-maintained-until = { $name } is maintained by its vendor until { $date } ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    })
collect-os-unmaintained-since = { $name } is no longer maintained by its vendor since { $date }: no more security fixes
collect-os-reduced-support = { $detail }; reduced support (Debian LTS) since { $date }, the security team has stopped
collect-os-with-esm = { $detail }; with Ubuntu Pro (ESM)
collect-os-paid-extension = { $detail }; a paid extension runs until { $date }
collect-os-eol-table = { $detail } (table of { $date })
collect-os-not-in-eol-table = "{ $id } { $version }" is not in posture's end-of-life table (table of { $table_date }): check the vendor's site

# patch.*
collect-patch-but-nothing-pending = { $detail }; but no security update is pending in up-to-date package lists (patch.security_pending_days): the age of the last upgrade alone proves no missing patch
collect-patch-last-upgrade-ok = packages last upgraded on { $date }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago (charter: 8 days at most)
collect-patch-last-upgrade-late = packages last upgraded on { $date }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago: more than the charter's 8 days
collect-patch-no-upgrade-within = no upgrade in the package logs, which go back to { $oldest }: at least { $days ->
        [one] { $days } day
       *[other] { $days } days
    } without an upgrade — a lower bound, which does not prove the charter's 8 days (the last upgrade may be older)
collect-patch-no-upgrade-since = no upgrade in the package logs, which go back to { $oldest }: at least { $days ->
        [one] { $days } day
       *[other] { $days } days
    } without an upgrade (a lower bound: the last upgrade may be older)
collect-patch-no-upgrade-in-logs = no upgrade in the package logs (since { $oldest })
collect-patch-no-logs = no package log (apt, dpkg, dnf, zypper) to read
collect-patch-logs-unreadable = package logs not readable
collect-patch-unattended-on = unattended-upgrades installs security updates every day
collect-patch-unattended-not-installed = APT::Periodic::Unattended-Upgrade is on but the unattended-upgrades package is not installed
collect-patch-unattended-off = no automatic updates (unattended-upgrades: APT::Periodic::Unattended-Upgrade "1" missing)
collect-patch-dnf-automatic-installs = dnf-automatic installs updates ({ $timer } enabled)
collect-patch-dnf-automatic-notifies = dnf-automatic is enabled but only downloads or notifies (apply_updates = no)
collect-patch-yum-cron = yum-cron installs updates
collect-patch-dnf-automatic-off = no automatic updates (dnf-automatic timer not enabled)
collect-patch-auto-unknown = neither apt nor dnf: automatic update mechanism not recognised
collect-patch-reboot-requested = a reboot is required to finish updates
collect-patch-reboot-requested-by = a reboot is required to finish updates ({ $packages })
collect-patch-reboot-container = in a container the kernel is the host's: check reboots on the host
collect-patch-needs-restarting-yes = needs-restarting: a reboot is needed (kernel or core libraries updated)
collect-patch-needs-restarting-no = needs-restarting: no reboot needed
collect-patch-kernel-newer = the newest installed kernel ({ $newest }) is not the running one ({ $running }): reboot
collect-patch-kernel-newest = the running kernel ({ $running }) is the newest installed
collect-patch-no-reboot-flag = no reboot requested (/run/reboot-required absent)
collect-patch-reboot-unknown = cannot tell whether a reboot is pending
collect-patch-no-security-lists = no security package list on disk (apt-get update never run, lists removed, or no -security suite)
collect-patch-lists-unreadable-offline = package lists unreadable or in an unread compression ({ $files }) and no command with --root
collect-patch-no-dpkg-offline = neither a dpkg database nor a command (dnf updateinfo) with --root
collect-patch-dnf-no-answer = dnf without network gave no answer (no cached metadata?): { $failed }
collect-patch-no-dpkg-no-dnf = neither dpkg nor dnf: pending security updates unknown
collect-patch-pending-none-stale = no pending security update, but the package lists are { $days ->
        [one] { $days } day
       *[other] { $days } days
    } old: updates published since are not in them (run apt-get update)
collect-patch-pending-none-aged = no pending security update in the package lists ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    } old)
collect-patch-pending-none-in-lists = no pending security update in the package lists
collect-patch-pending-undated = { $count ->
        [one] { $count } pending security update
       *[other] { $count } pending security updates
    }, publication date not readable (neither a Release file nor the lists' date): { $packages }
collect-patch-published-release = the list holding the oldest was published on { $date } (the Date field of { $file })
collect-patch-published-on-disk = the list holding the oldest has been on disk since { $date } (modification time of { $file }, for want of a Release file)
collect-patch-pending-late = { $count ->
        [one] { $count } security update
       *[other] { $count } security updates
    } pending for at least { $days ->
        [one] { $days } day
       *[other] { $days } days
    }: { $how } — more than the charter's 8 days: { $packages }
collect-patch-pending-lower-bound = { $count ->
        [one] { $count } security update
       *[other] { $count } security updates
    } pending for at least { $days ->
        [one] { $days } day
       *[other] { $days } days
    }: { $how } — a lower bound, which does not prove the charter's 8 days: { $packages }
collect-patch-pending-no-lists = no security package list on disk: the age of pending updates is unknown
collect-patch-pending-none = no pending security update
collect-patch-pending-undated-elsewhere = { $count ->
        [one] { $count } pending security update
       *[other] { $count } pending security updates
    } (patch.pending_security), but their publication date is only read from apt's lists on disk
collect-patch-security-none-on-disk = no pending security update in the package lists on disk
collect-patch-security-count = { $count ->
        [one] { $count } package has a pending security update
       *[other] { $count } packages have a pending security update
    }
collect-patch-lists-aged = { $detail } (lists on disk { $days ->
        [one] { $days } day
       *[other] { $days } days
    } old)
collect-patch-lists-stale = { $detail } (lists on disk { $days ->
        [one] { $days } day
       *[other] { $days } days
    } old: run apt-get update)
collect-patch-packages = { $detail }: { $packages }

# net.*
collect-addr-empty = { $path }: empty
collect-addr-unrecognised = { $path }: unrecognised content (not the kernel's table)
collect-net-container-addresses = { $detail } (the container's addresses: the host's are not among them)
collect-net-public-address = the machine has a public address, reachable from the Internet unless a firewall stands in front: { $public }
collect-net-no-proc-net-fib-trie = no /proc/net/fib_trie: the machine's addresses are unknown
collect-net-addresses-unknown = the machine's addresses are unknown: { $problems }
collect-net-no-public-address-loopback-only = no public address, private or local addresses only (none but loopback)
collect-net-no-public-address = no public address, private or local addresses only ({ $own })
collect-net-listening-sockets-unknown = listening sockets unknown
collect-net-admin-on-public = remote administration or file sharing listening on a public address: { $items } — reachable from the Internet unless a firewall stops it
collect-net-admin-on-public-address = remote administration or file sharing listening on a public address (the machine's public address: { $public }): { $items } — reachable from the Internet unless a firewall stops it
collect-net-admin-public-unknown = the machine's addresses are unknown (no /proc/net/fib_trie): cannot tell whether an administration service listens on a public address
collect-net-admin-public-unknown-because = the machine's addresses are unknown ({ $problems }): cannot tell whether an administration service listens on a public address
collect-net-no-admin-on-public = no remote administration or file-sharing service listening on a public address
collect-net-no-proc-net-tcp-listening = no /proc/net/tcp: listening sockets unknown
collect-net-sockets-unknown = listening sockets unknown: { $problems }
collect-net-not-read = { $detail }; not read: { $problems }
collect-net-in-container = { $detail } (in the container's network: what the host publishes depends on its settings)
collect-net-listening = { $count ->
        [one] { $count } listening socket
       *[other] { $count } listening sockets
    }, { $everywhere } of them on every interface
collect-net-no-admin-everywhere = no remote administration or file-sharing port listening on every interface
collect-net-admin-everywhere-private = remote administration or file sharing open on every interface: { $names } — but the machine has private or local addresses only ({ $own }): listening on the local network says nothing of the Internet (a router's port forwarding is only seen from outside: posture agent probe-ports)
collect-net-admin-everywhere-public = remote administration or file sharing open on every interface: { $names }, on a machine with a public address ({ $public }) — restrict it to an admin interface, a VPN or a firewall
collect-net-admin-everywhere-unknown = remote administration or file sharing open on every interface: { $names } (the machine's addresses are unknown: a public address is not ruled out) — restrict it to an admin interface, a VPN or a firewall

# host.role
collect-role-battery-laptop = a battery ({ $battery }): a laptop
collect-role-chassis-graphical = { $chassis }, graphical login ({ $graphical })
collect-role-chassis-no-server-service = { $chassis }, no server service listening
collect-role-graphical = graphical login ({ $graphical })
collect-role-workstation = { $why }: a workstation
collect-role-no-chassis = no readable chassis type
collect-role-nothing-runs = neither a graphical login nor a server service listening
collect-role-services-unknown = services unknown
collect-role-chassis = chassis type { $code } ({ $code ->
        [3] desktop
        [4] low profile desktop
        [5] pizza box
        [6] mini tower
        [7] tower
        [8] portable
        [9] laptop
        [10] notebook
        [11] hand held
        [13] all in one
        [14] sub notebook
        [15] space-saving
        [16] lunch box
        [17] main server chassis
        [23] rack mount chassis
        [24] sealed-case PC
        [25] multi-system chassis
        [28] blade
        [29] blade enclosure
        [30] tablet
        [31] convertible
        [32] detachable
        [35] mini PC
        [36] stick PC
       *[other] other
    })
collect-role-chassis-server = { $chassis }: a server
collect-role-chassis-laptop = { $chassis }: a laptop
collect-role-server-services = no graphical login and server services listening ({ $services }): a server
collect-role-server-services-chassis = { $chassis }, no graphical login and server services listening ({ $services }): a server
collect-role-workstation-also = { $why } (server services listening too: { $services }): a workstation
collect-role-unknown = the machine's role cannot be told: { $chassis }, no battery, { $runs }

# ssh.*
collect-ssh-no-config = no /etc/ssh/sshd_config: no SSH server found
collect-ssh-config-unreadable = SSH server configuration not readable
collect-ssh-root-login-yes = root can log in directly over SSH, passwords included (PermitRootLogin yes, { $from })
collect-ssh-root-login-no = root cannot log in over SSH (PermitRootLogin no, { $from })
collect-ssh-root-login-key = root can log in over SSH with a key, not with a password (PermitRootLogin { $mode }, { $from }): prefer named accounts
collect-ssh-root-login-unknown = unrecognised PermitRootLogin value: "{ $other }" ({ $from }); sshd does not start with it
collect-ssh-single-factor = a single-factor SSH login is still possible (AuthenticationMethods { $methods }): require e.g. publickey,keyboard-interactive with a one-time code
collect-ssh-sshd-default = sshd's default
collect-ssh-why-password = PasswordAuthentication { $value } ({ $from })
collect-ssh-why-kbd-interactive = KbdInteractiveAuthentication yes + UsePAM yes
collect-ssh-why-methods = AuthenticationMethods { $methods }
collect-ssh-password-alone = the SSH server accepts a password alone: { $why }
collect-ssh-no-password-alone = no SSH login with a password alone: { $why }
collect-ssh-files-denied = { $detail } (files not readable without root: { $files })
collect-ssh-include-loop = { $detail }; Include loop: { $files } includes itself (read once here; sshd refuses to start with this configuration: "Too many recursive configuration includes")
collect-ssh-include-too-deep = { $detail }; more than { $depth } levels of Include: the deepest are not read (sshd refuses to start with this configuration)
collect-ssh-two-factors = every SSH login needs two factors (AuthenticationMethods { $methods })
collect-ssh-two-factors-pam = every SSH login needs two factors (AuthenticationMethods { $methods }, one-time code through PAM)

# firewall.active
collect-firewall-enabled = { $name } is enabled
collect-firewall-nothing-offline = no ufw, firewalld nor rules saved for boot; loaded rules can only be read with a command (not with --root)
collect-firewall-no-tool = neither nft nor iptables installed, neither ufw nor firewalld enabled
collect-firewall-nothing-as-user = neither ufw nor firewalld enabled; loaded rules can only be read as root (nft list ruleset)
collect-firewall-no-rule-in-container = no rule loaded in this container ({ $hint }): filtering is usually done on the host or by the container engine, not visible from here — check the host's firewall
collect-firewall-no-rule = no firewall rule filters incoming traffic (empty input chain, accept policy)
collect-firewall-in-container = { $detail } (in a container: filtering is often the host's)
collect-firewall-rules-filter-incoming = firewall rules filter incoming traffic ({ $program })
collect-firewall-boot-rules = rules filtering incoming traffic are loaded at boot
collect-firewall-loaded-rules-unreadable = loaded rules not readable: { $errors }

# disk.encrypted
collect-disk-no-mountinfo = no /proc/self/mountinfo: device of / unknown
collect-disk-device-unknown = device of / unknown: { $why }
collect-disk-root-not-in-mountinfo = / not found in /proc/self/mountinfo
collect-disk-zfs = / is on ZFS: encryption is per dataset (zfs get encryption), not read
collect-disk-device-not-in-sys-block = { $device } not found in /sys/class/block nor /sys/block
collect-disk-virtual-file-system = / is a { $mount } file system (container or memory): the host's disk is not visible
collect-disk-device-not-found-sys = device of / ({ $source }, { $dev }) not found in /sys
collect-disk-encrypted = / is on an encrypted dm-crypt volume: { $chain }
collect-disk-crypttab-lists = { $why }; /etc/crypttab lists encrypted volumes ({ $crypttab }), with no proof that / is one of them
collect-disk-not-encrypted = / is not encrypted ({ $chain }); encryption by the hypervisor or the drive is not visible from here
collect-disk-not-encrypted-crypttab = / is not encrypted ({ $chain }); /etc/crypttab lists: { $crypttab }; encryption by the hypervisor or the drive is not visible from here

# auth.*
collect-auth-lockout = { $module } locks an account after { $deny ->
        [one] { $deny } failed login
       *[other] { $deny } failed logins
    }
collect-auth-lockout-deny-0 = { $module } is present but deny=0: no lockout
collect-auth-faillock-conf-unused = faillock.conf: deny = { $deny }, but pam_faillock is not in /etc/pam.d (enable it: authselect enable-feature with-faillock, or pam-auth-update)
collect-auth-faillock-conf-lockout = faillock.conf: lockout after { $deny ->
        [one] { $deny } failed login
       *[other] { $deny } failed logins
    }
collect-auth-faillock-conf-deny-0 = faillock.conf: deny = 0, and neither pam_faillock nor pam_tally2 in /etc/pam.d
collect-auth-no-lockout = no account lockout after failed logins (neither pam_faillock nor pam_tally2 in /etc/pam.d)
collect-auth-pam-unreadable = /etc/pam.d not readable
collect-auth-pam-missing-or-empty = /etc/pam.d missing or empty
collect-auth-no-minimum-length = no minimum password length configured (pwquality, login.defs)
collect-auth-minimum-length = passwords of at least { $n } characters
collect-auth-minimum-length-short = passwords of at least { $n } characters: fewer than the 12 the CNIL recommends
collect-auth-no-pam = no /etc/pam.d
collect-auth-no-second-factor = no second factor in PAM (pam_google_authenticator, pam_u2f, pam_oath…)
collect-auth-second-factor = second factor in PAM: { $found }
collect-auth-pam-unix-default = { $detail } (pam_unix's default: no minlen= and no pam_pwquality; PAM does not read PASS_MIN_LEN of /etc/login.defs)
collect-auth-pam-unix-default-login-defs = { $detail } (pam_unix's default: no minlen= and no pam_pwquality; PAM does not read PASS_MIN_LEN of /etc/login.defs, its { $length } has no effect)
collect-auth-pwquality-inert = { $detail } (pwquality.conf sets a length, but pam_pwquality is not called from /etc/pam.d: the setting has no effect)

# accounts.*
collect-accounts-no-passwd = no /etc/passwd
collect-accounts-unreadable = accounts not readable
collect-accounts-root-only-uid-0 = root is the only account with uid 0
collect-accounts-no-shared = no shared account (admin, accueil, stagiaire…) with a login shell
collect-accounts-other-uid-0 = other accounts with uid 0 (hidden superusers): { $uid0 }
collect-accounts-shared = shared accounts with a login shell: { $shared } — one account per person

# av.*
collect-antivirus-no-usr-bin = no /usr/bin: incomplete file system
collect-antivirus-none-known = no known antivirus or security agent (ClamAV, Defender, Sophos, ESET…)
collect-antivirus-clamav-no-signatures = ClamAV is installed but has no signature database (freshclam never run?)
collect-antivirus-defender = Microsoft Defender present, signature age not read (mdatp health)
collect-antivirus-age-in-console = { $name }: the signature age is shown in its console
collect-antivirus-none = no antivirus
collect-antivirus-found = antivirus: { $names }
collect-antivirus-signatures-fresh = { $what } signatures up to date ({ $days ->
        [one] { $days } day
       *[other] { $days } days
    } old)
collect-antivirus-signatures-old = { $what } signatures are { $days ->
        [one] { $days } day
       *[other] { $days } days
    } old: is the automatic update working?

# log.*
collect-logs-journal-on-disk = the systemd journal is kept on disk (Storage={ $storage }, /var/log/journal)
collect-logs-syslog-on-disk = syslog writes logs to disk ({ $file })
collect-logs-no-journald-no-syslog = journald is not running and no syslog writes to disk: logs probably go to the container engine or the console
collect-logs-none-found = neither journald nor syslog found (a container?)
collect-logs-journal-files-ignored = the files of /var/log/journal do not count: journald no longer writes them (Storage={ $storage }, { $source })
collect-logs-no-retention-source = neither a readable persistent journal nor a logrotate rule for syslog
collect-logs-journal-goes-back = the systemd journal goes back { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
collect-logs-logrotate-keeps = logrotate keeps { $days ->
        [one] { $days } day
       *[other] { $days } days
    } of syslog
collect-logs-journal-not-kept = the systemd journal is not kept at all and no syslog writes to disk: everything is lost at reboot
collect-logs-journal-in-memory-no-dir = the systemd journal is only kept in memory (Storage={ $storage }, no /var/log/journal) and no syslog writes to disk: everything is lost at reboot
collect-logs-journal-in-memory-dir-unused = the systemd journal is only kept in memory (Storage={ $storage }: /var/log/journal is no longer written) and no syslog writes to disk: everything is lost at reboot
collect-logs-journal-in-memory = the systemd journal is only kept in memory (Storage={ $storage }) and no syslog writes to disk: everything is lost at reboot
collect-logs-less-than-a-year = { $detail }: less than one year of traces (the charter asks for one year)

# time.synced, screen.lock, backup.tools
collect-misc-time-timesyncd-synced = clock synchronised by systemd-timesyncd
collect-misc-time-ntp-synced = clock synchronised (NTP)
collect-misc-time-container = in a container the clock is the host's
collect-misc-time-no-systemd = systemd is not running (no /run/systemd/system): enabled time services do not start
collect-misc-time-not-synced-yet = { $unit } is enabled, but the clock is not synchronised yet (timedatectl)
collect-misc-time-enabled = time synchronisation enabled ({ $unit })
collect-misc-time-none = no time synchronisation (timesyncd, chrony, ntp): badly dated traces prove nothing
collect-misc-time-unknown = neither systemd nor a time service found
collect-misc-screen-lock-off = screen lock disabled (lock-enabled={ $lock }, idle-delay={ $idle })
collect-misc-screen-kde-locks = KDE locks the screen when idle
collect-misc-screen-kde-lock-off = KDE: automatic lock disabled
collect-misc-screen-no-tmout = no desktop and no TMOUT: a session left open stays open
collect-misc-screen-unknown = neither a desktop nor /etc/profile found
collect-misc-backup-no-usr-bin = no /usr/bin: incomplete file system
collect-misc-backup-none = no backup tool installed (restic, borg, duplicity, bacula…): backups may be made elsewhere (hypervisor, NAS) — check
collect-misc-screen-tmout = no desktop; shell sessions close after { $minutes } min idle (TMOUT={ $seconds })
collect-misc-backup-scheduled = scheduled backups: { $places }
collect-misc-backup-unscheduled = backup tools installed: { $tools }, but no schedule found (cron, systemd timers)
collect-misc-backup-unscheduled-crontabs = backup tools installed: { $tools }, but no schedule found (cron, systemd timers) (users' crontabs are only readable by root)
collect-misc-screen-locks = the screen locks after { $minutes } min idle
collect-misc-screen-locks-late = the screen locks after { $minutes } min idle: more than 15 min

## probes: probe-tls and probe-ports

# What probe-tls says of a site.
tls-internal-error = internal error
tls-failure-bad-url = invalid address ({ $why })
tls-failure-dns = host name not found ({ $why })
tls-failure-refused = connection refused
tls-failure-timeout = no answer within 5 s
tls-failure-unreachable = network or host unreachable ({ $why })
tls-failure-too-old-named = the server only offers { $version }, older than TLS 1.2
tls-failure-too-old = the server only offers a version older than TLS 1.2
tls-failure-handshake = TLS handshake failed ({ $why })
tls-ca-file = { $file }: { $why }
tls-ca-unusable = unusable authority certificate ({ $why })
tls-url-scheme = scheme { $scheme }:// (http or https expected)
tls-url-no-host = no host
tls-host-invalid = "{ $host }" is not a valid host name
tls-site-not-probed = Site not probed: { $reason }.
tls-cert-unreadable = Unreadable certificate: { $why }.
tls-cert-not-read = Certificate not read: { $reason }.
tls-version-too-old-named = The site only offers { $version }, a TLS version older than 1.2 and obsolete: the GDPR annex asks for the latest version (TLS 1.3).
tls-version-too-old = The site only offers a TLS version older than 1.2 (it refuses TLS 1.2 and 1.3), which is obsolete: the GDPR annex asks for the latest version (TLS 1.3).
tls-no-connection = No TLS connection to { $source }: { $reason }.
tls-version-1-3 = The site negotiates TLS 1.3, the latest version.
tls-version-1-2 = The best the site negotiates is TLS 1.2: acceptable, but the GDPR annex asks for the latest version (TLS 1.3).
tls-version-obsolete = Obsolete TLS version ({ $version }).
tls-cert-expired-since = expired on { $date }
tls-cert-not-yet-valid = not valid before { $date }
tls-cert-wrong-name = does not cover { $host } (names: { $names })
tls-cert-problems = { $head }; { $tail }
tls-cert-valid = Certificate valid for { $host } until { $date }.
tls-cert-invalid = Invalid certificate: { $problems }.
tls-cert-expired = The certificate expired on { $date } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} ago).
tls-cert-days-left = { $days ->
    [one] { $days } day
   *[other] { $days } days
} before the certificate expires ({ $date }).
tls-cert-days-left-renew = { $days ->
    [one] { $days } day
   *[other] { $days } days
} before the certificate expires ({ $date }): renew it.
tls-chain-trusted = Certificate chain trusted (issuer: { $issuer }).
tls-chain-unknown-issuer = unknown authority, self-signed certificate or missing intermediate
tls-chain-expired = a certificate of the chain has expired
tls-chain-bad-signature = invalid signature
tls-chain-untrusted-ca-unread = Chain not trusted ({ $why }, issuer: { $issuer }), but the --ca file could not be read: { $ca_error }.
tls-chain-untrusted = Certificate chain not trusted: { $why } (issuer: { $issuer }). Browsers show a warning.
tls-redirect-to-https = { $http } redirects to { $location } ({ $status }).
tls-redirect-not-https = { $http } redirects to { $location } ({ $status }), which is not HTTPS.
tls-redirect-plain = { $http } answers { $status } in plain HTTP without redirecting to HTTPS: pages can be read over HTTP.
tls-redirect-refused = { $http }: connection refused. The site is not served over HTTP, so nothing travels in plain text there; but whoever types the address without https:// gets an error instead of a redirect to HTTPS.
tls-redirect-unchecked = Redirect not checked: { $http }: { $reason }.
tls-hsts-days = { $days ->
    [0] less than a day
    [one] { $days } day
   *[other] { $days } days
}
tls-hsts-ok = Strict-Transport-Security header present (max-age={ $max_age }, { $days }).
tls-hsts-short = Strict-Transport-Security header present but short (max-age={ $max_age }, { $days }; at least 180 days advised).
tls-hsts-off = Strict-Transport-Security header with max-age=0: HSTS switched off.
tls-hsts-invalid = Strict-Transport-Security header without a valid max-age ("{ $raw }"): browsers ignore it.
tls-hsts-absent = No Strict-Transport-Security header on the HTTPS answer: browsers can still be led to HTTP.
tls-hsts-unread = HSTS header not read: { $reason }.
# Why the handshake or an HTTP request failed.
tls-no-address-for = no address for { $host }
tls-handshake-closed = connection closed during the handshake
tls-handshake-reset = connection reset during the handshake
tls-handshake-endless = the handshake does not end
tls-handshake-no-version = no version negotiated
tls-http-connect-failed = could not connect ({ $why })
tls-http-request-failed = HTTP request failed ({ $why })
# Why a probe failed (a library's words).
tls-quoted = { $raw }
tls-io-refused = connection refused
tls-io-reset = connection reset by the server
tls-io-aborted = connection aborted
tls-io-broken-pipe = broken connection
tls-io-not-connected = not connected
tls-io-eof = connection closed before the end of the answer
tls-io-timeout = no answer in time
tls-io-network-unreachable = network unreachable
tls-io-host-unreachable = host unreachable
tls-io-network-down = network down
tls-io-address-not-available = local address not available
tls-io-address-in-use = address in use
tls-io-invalid-data = invalid data
tls-io-invalid-input = invalid input
tls-io-interrupted = operation interrupted
tls-dns-unknown-name = name not known to the DNS
tls-dns-no-address = no address for this name
tls-dns-temporary-failure = temporary failure in name resolution (no network or DNS?)
tls-url-empty-host = empty host
tls-url-invalid-idn = invalid international domain name
tls-url-invalid-port = invalid port number
tls-url-invalid-ipv4 = invalid IPv4 address
tls-url-invalid-ipv6 = invalid IPv6 address
tls-url-invalid-domain-character = invalid domain character
tls-url-relative = relative URL without a base
tls-http-not-http = the server does not answer in HTTP (an HTTPS port?)
tls-http-closed = connection closed before the answer
tls-http-bad-header = invalid HTTP header in the answer
tls-http-bad-status = invalid HTTP status code in the answer
tls-http-head-too-large = answer headers too large
tls-error-alert = the server answered with the TLS alert { $alert }
tls-error-certificate-refused = certificate refused ({ $why })
tls-error-incompatible = incompatible server ({ $why })
tls-error-misbehaved = the server does not follow the TLS protocol ({ $why })
tls-error-invalid-message = invalid TLS message ({ $why })
tls-error-unexpected-message = unexpected TLS message from the server
tls-error-name-type = unsupported host name type
tls-error-decrypt = decryption failed
tls-error-oversized-record = oversized TLS record sent by the server
tls-error-no-server-certificate = the server sent no certificate
tls-pem-no-end = PEM section without its end line (-----END …-----)
tls-pem-bad-start = invalid PEM section start line
tls-pem-bad-base64 = invalid PEM content (base64)
tls-pem-too-large = PEM section too large
tls-pem-no-certificate = no certificate in the file (a private key, or not PEM?)
tls-cert-malformed = malformed X.509 certificate ({ $why })
# probe-ports: its arguments.
ports-empty-list = --ports: empty list
ports-out-of-range = --ports: port { $port } out of range (1 to 65535)
ports-not-a-port = --ports: "{ $item }" is neither a port number (1 to 65535) nor a range (8000-8010)
ports-empty-item = --ports: empty item in "{ $list }" (numbers separated by commas, e.g. 22,3389,8000-8010)
ports-reversed = --ports: range { $range } is reversed (write { $high }-{ $low })
ports-too-many = --ports: { $count } ports, at most { $max } per probe
ports-not-a-host = "{ $host }" is neither a host name nor an address (give e.g. 51.15.20.30 or access.example.org, without https:// nor a path)
# probe-ports: what it says of a host.
ports-no-address = "{ $host }": no address
ports-dns-failed = "{ $host }": unknown to the DNS or not resolvable ({ $error })
ports-unreachable = { $host } ({ $addr }) unreachable: no port answered (network or host not reachable from this machine)
ports-target-public = { $host } ({ $addr }), a public address, probed from this machine: what the Internet sees when the probe runs from outside the organisation's network
ports-target-private = { $host } ({ $addr }) is not a public address: this probe shows the local network's view, not the Internet's (run it from outside, against the organisation's public addresses)
ports-probed = { $count ->
    [one] { $count } TCP port probed
   *[other] { $count } TCP ports probed
}: { $open } open, { $closed } closed, { $filtered } filtered (no answer within { $timeout } s){ $failed ->
    [0] {""}
   *[other] , { $failed } unreachable
}
ports-open-none = { $count ->
    [one] the probed port does not accept a connection
   *[other] none of the { $count } probed ports accepts a connection
}
ports-open = ports accepting a connection: { $ports }
ports-local-view = {" "}({ $addr } is not a public address: the local network's view, not the Internet's)
ports-admin-open = remote administration or file sharing open from this network: { $ports } — close it, or keep it behind a VPN{ $view }
ports-admin-unknown = no administration port open among those that answered, but { $failed ->
    [one] { $failed } port
   *[other] { $failed } ports
} could not be probed (network error)
ports-admin-none-probed = no administration or file-sharing port among the probed ports{ $view }
ports-admin-none-open = no administration or file-sharing port open (closed or filtered){ $view }

## Windows agent: posture-agent's commands and Windows facts

fact-count-ok = { $count } ok
fact-count-warn = { $count } to watch
fact-count-fail = { $count } non-compliant
fact-count-unknown = { $count } unknown
agent-heading = host { $host } — { $collected } { $account ->
    [root] root
   *[user] user
}{ $container ->
    [yes] , container
   *[no] {""}
}, agent { $version }
agent-written = facts written to { $path }: { $ok }, { $warn }, { $fail }, { $unknown }
agent-ports-example = example: { $program } probe-ports 51.15.20.30 --ports 22,3389,8000-8010
agent-root-not-a-directory = --root { $root }: not a directory
agent-root-missing = --root { $root }: no such directory
agent-root-unreadable = --root { $root }: cannot be read ({ $why })
agent-root-hint = give the directory that stands for the machine's / (a mounted disk image, a copy of its files), or drop --root to read this machine
agent-error = error: { $message }
agent-cannot-write = cannot write { $path }: { $why }
agent-press-key = Press any key to close this window.
agent-double-click = Reading this machine's facts…
agent-help = posture's agent: facts read from this machine, the TLS of web sites, and the open ports of public addresses. Run with no argument (double-click), it writes faits-HOST-DATE.json next to itself
agent-help-collect = Read this machine's facts (read-only, no network)
agent-help-collect-root = Read every file under DIR instead of / and run no command (fake machines for tests)
agent-help-output = Write the facts to this file (JSON); standard output then gets only a one-line summary
agent-help-format = Output format: text (a table, the default) or json
agent-help-probe-tls = Probe web sites: TLS version, certificate, HTTPS redirect, HSTS
agent-help-probe-tls-urls = The sites to probe, e.g. https://www.example.org
agent-help-probe-tls-ca = A private certificate authority (PEM file) to trust
agent-help-probe-ports = Probe the TCP ports (administration, file sharing) of the organisation's own public address: run it from outside its network, with its consent
agent-help-probe-ports-host = The organisation's public address or host name, e.g. 51.15.20.30
agent-help-probe-ports-ports = The TCP ports, e.g. 22,3389,8000-8010 (at most 1024; default: administration and file-sharing ports)
agent-help-lang = Interface language: fr or en (default: the system's, else French)
agent-help-help = Print help
agent-help-version = Print version
agent-help-usage = Usage:
agent-help-commands = Commands:
agent-help-arguments = Arguments:
agent-help-options = Options:
collect-win-denied = { $key }: access denied (run posture-agent as an administrator for this fact)
collect-win-unreadable = { $key }: cannot be read ({ $why })
collect-win-not-read = not read on Windows by this version of the agent
collect-win-api-denied = { $api }: access denied (run posture-agent as an administrator for this fact)
collect-win-api-failed = { $api }: failed ({ $why })
collect-win-os-name = { $name }
collect-win-os-unreadable = { $key } does not say which Windows is installed
collect-win-os-build = build { $build }
collect-win-not-in-eol-table = "{ $name }" (build { $build }) is not in posture's end-of-servicing table (table of { $table_date }): check on Microsoft's site
collect-win-eol-windows10-esu = Windows 10's servicing ended on { $date }: only the paid Extended Security Updates still keep it patched
collect-win-eol-past = { $product } { $version }: Microsoft's servicing ended on { $date }
collect-win-eol-soon = { $product } { $version }: Microsoft's servicing ends on { $date }, in { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
collect-win-eol-ok = { $product } { $version }: serviced by Microsoft until { $date }
collect-win-role-server = a server edition of Windows (ProductType { $product_type })
collect-win-role-battery = a battery: a laptop
collect-win-role-no-battery = no battery: a desktop
collect-win-role-unknown = neither the edition nor a battery tells what the machine is
collect-win-uptime = started { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago
collect-win-update-none = no successful update install found
collect-win-update-none-because = no successful update install found — { $reasons }
collect-win-update-ok = last update installed on { $date }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago (charter: 8 days at most)
collect-win-update-late = last update installed on { $date }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago: more than the charter's 8 days
collect-win-au-off = automatic updates turned off by policy (NoAutoUpdate)
collect-win-au-scheduled = updates downloaded and installed automatically (policy AUOptions 4)
collect-win-au-local-admin = the policy lets the local administrator choose (AUOptions 5)
collect-win-au-notify = the policy only notifies or downloads, without installing (AUOptions { $option })
collect-win-au-default = no policy: Windows installs updates by itself
collect-win-reboot-pending = a restart is pending to finish installing updates
collect-win-no-reboot-pending = no restart pending
collect-win-listening = { $count ->
        [one] { $count } listening socket
       *[other] { $count } listening sockets
    }
collect-win-admin-exposed-none = no administration or file-sharing service listening on every interface
collect-win-admin-exposed = listening on every interface: { $list }; reachable from the Internet only if a router forwards it (check with probe-ports from outside)
collect-win-bitlocker-on = BitLocker protects the system drive
collect-win-bitlocker-off = BitLocker does not protect the system drive (state { $state })
collect-win-password-minlen = minimum password length: { $length } (CNIL: at least 12)
collect-win-lockout-on = accounts lock after { $threshold } failed logons
collect-win-lockout-off = accounts never lock after failed logons
collect-win-admins = { $count ->
        [one] { $count } local administrator
       *[other] { $count } local administrators
    }: { $list }
collect-win-guest-on = the Guest account is enabled
collect-win-guest-off = the Guest account is disabled
collect-win-generic-none = no shared account among the enabled local accounts
collect-win-generic = shared accounts: { $list } (one account per person)
collect-win-fw-service-off = the Windows Firewall service (MpsSvc) is disabled: nothing filters
collect-win-fw-on = Windows Firewall on for the domain, private and public profiles
collect-win-fw-off = Windows Firewall off for: { $profiles }
collect-win-rdp-on = Remote Desktop on (port { $port }): who may connect?
collect-win-rdp-off = Remote Desktop off
collect-win-nla-off = Remote Desktop without Network Level Authentication (NLA): the logon screen opens to anyone
collect-win-nla-on = Remote Desktop with Network Level Authentication (NLA)
collect-win-nla-rdp-off = Remote Desktop off: the NLA setting does not matter
collect-win-rdp-port = Remote Desktop port: { $port }
collect-win-smb1-off = SMBv1 off on the file server
collect-win-smb1-on = SMBv1 on on the file server (WannaCry's protocol)
collect-win-smb1-feature = the SMB 1.0 feature is installed and on
collect-win-smb1-absent = the SMB 1.0 feature is not installed
collect-win-av-present = antivirus: { $names }
collect-win-av-none = neither Microsoft Defender nor a known antivirus
collect-win-av-not-defender = Microsoft Defender is not the active antivirus: its console shows this
collect-win-realtime-off = Microsoft Defender's real-time protection off
collect-win-realtime-on = Microsoft Defender's real-time protection on
collect-win-signatures = Microsoft Defender's signatures updated on { $date }, { $days ->
        [one] { $days } day
       *[other] { $days } days
    } ago
collect-win-signatures-unreadable = Microsoft Defender's signature date cannot be read
collect-win-security-log = Security log: { $size } MB at most (recommended: at least { $min } MB)
collect-win-security-log-default = Security log: Windows' default size, { $size } MB (recommended: at least { $min } MB)
collect-win-time-disabled = the Windows Time service (W32Time) is disabled
collect-win-time-nosync = the Windows Time service does not synchronise the clock (Type NoSync)
collect-win-time-on = clock synchronised by the Windows Time service (Type { $kind })
collect-win-time-unknown = the Windows Time service's setting was not found
collect-win-lock-policy = the session locks after { $minutes } min idle (policy)
collect-win-lock-screensaver = password-protected screen saver after { $minutes } min
collect-win-lock-none = neither an inactivity policy nor a password-protected screen saver
collect-win-remote-none = no remote-control software installed
collect-win-remote = remote-control software installed: { $tools } (charter: supervised remote maintenance, §12 and §19)
collect-win-backup-none = no backup software installed (backups may be made elsewhere: a server, a NAS)
collect-win-backup = backup software installed: { $tools } (check its schedule in the tool)
collect-win-bitlocker-suspended = BitLocker suspended on the system drive: the data is encrypted, but the key is in clear
collect-win-bitlocker-unknown = a BitLocker state posture does not know ({ $state })

## Windows agent: Security Center's antivirus list (WMI)
collect-win-av-fallback = { $detail } (Windows Security Center: { $why })
collect-win-sc-absent = not there, as on Windows Server
collect-win-sc-denied = access denied
collect-win-sc-failed = unreadable ({ $why })
collect-win-sc-empty = no antivirus registered
collect-win-sc-present = antivirus registered with Windows Security Center: { $names }
collect-win-sc-realtime-on = real-time protection on according to Windows Security Center: { $names }
collect-win-sc-realtime-off = none of the antivirus products registered with Windows Security Center is on (off, snoozed or expired): { $names }
collect-win-sc-signatures-current = { $name }'s signatures up to date according to Windows Security Center; their date is in its console
collect-win-sc-signatures-outdated = { $name }'s signatures out of date according to Windows Security Center; their date is in its console
collect-win-sc-timeout = no answer from WMI in { $seconds } s
