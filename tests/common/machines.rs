//! Two fake machines for `posture agent collect --root DIR`, built under a directory at test
//! time. Their dated files (package logs, package lists, journal) are dated relative to now, so
//! that the facts' statuses do not depend on the day the tests run — except `os.supported`,
//! which follows the bundled end-of-life table (Debian 12's LTS ends on 2028-06-30).
//!
//! - [`well_run_lan_server`]: a server on the local network (192.168.10.5 only) that does
//!   things right; what only looks bad (SSH and Samba on every interface, last upgrade 20 days
//!   ago with nothing pending) must not count against it.
//! - [`neglected_server`]: a public address (51.15.20.30, written in the files only, never
//!   contacted), SSH with passwords and root login and RDP on every interface, a security
//!   update pending in lists published 40 days ago, Debian 9, volatile journal.

use std::path::Path;
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Local, Utc};

/// The private address of [`well_run_lan_server`].
pub const LAN_ADDRESS: &str = "192.168.10.5";
/// The public address of [`neglected_server`] (in its files only: never contacted).
pub const PUBLIC_ADDRESS: &str = "51.15.20.30";
/// Days since [`well_run_lan_server`]'s last upgrade.
pub const WELL_RUN_UPGRADE_DAYS: i64 = 20;
/// Days since [`neglected_server`]'s last upgrade.
pub const NEGLECTED_UPGRADE_DAYS: i64 = 200;
/// Age in days of the security list holding [`neglected_server`]'s pending update.
pub const NEGLECTED_PENDING_DAYS: i64 = 40;

/// Writes a file under the fake root, creating its directories.
pub fn put(root: &Path, path: &str, content: impl AsRef<[u8]>) {
    let full = root.join(path.trim_start_matches('/'));
    if let Some(parent) = full.parent() {
        std::fs::create_dir_all(parent).expect("create the fake machine's directories");
    }
    std::fs::write(&full, content).expect("write a fake machine's file");
}

/// Sets a file's modification time to `days` days ago.
pub fn age(root: &Path, path: &str, days: i64) {
    let full = root.join(path.trim_start_matches('/'));
    let when = SystemTime::now() - Duration::from_secs(days.max(0) as u64 * 86_400);
    std::fs::File::options()
        .write(true)
        .open(&full)
        .and_then(|file| file.set_modified(when))
        .expect("date a fake machine's file");
}

/// `days` days ago, in local time.
fn days_ago(days: i64) -> DateTime<Local> {
    (Utc::now() - chrono::Duration::days(days)).with_timezone(&Local)
}

/// A `/proc/net/tcp` listing these listening sockets, as the kernel writes it on this machine
/// (32-bit words in the machine's byte order).
pub fn proc_net_tcp(listeners: &[([u8; 4], u16)]) -> String {
    let mut text = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n".to_owned();
    for (i, (ip, port)) in listeners.iter().enumerate() {
        text.push_str(&format!(
            "   {i}: {:08X}:{port:04X} 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 {} 1 0000000000000000 100 0 0 10 0\n",
            u32::from_ne_bytes(*ip),
            20_000 + i
        ));
    }
    text
}

/// A `/proc/net/fib_trie` whose local addresses are loopback and `address` (on a /24).
pub fn fib_trie(address: [u8; 4]) -> String {
    let [a, b, c, d] = address;
    let table = format!(
        "  +-- 0.0.0.0/0 3 0 5\n     |-- 0.0.0.0\n        /0 universe UNICAST\n     +-- 127.0.0.0/8 2 0 2\n        +-- 127.0.0.0/31 1 0 0\n           |-- 127.0.0.0\n              /8 host LOCAL\n           |-- 127.0.0.1\n              /32 host LOCAL\n        |-- 127.255.255.255\n           /32 link BROADCAST\n     +-- {a}.{b}.{c}.0/24 2 0 2\n        |-- {a}.{b}.{c}.0\n           /24 link UNICAST\n        |-- {a}.{b}.{c}.{d}\n           /32 host LOCAL\n        |-- {a}.{b}.{c}.255\n           /32 link BROADCAST\n"
    );
    format!("Main:\n{table}Local:\n{table}")
}

/// `/proc/net/if_inet6` with loopback and a link-local address (no public IPv6).
const IF_INET6: &str = "00000000000000000000000000000001 01 80 10 80       lo\nfe800000000000000a0027fffe5c6a1e 02 40 20 80     eth0\n";

/// An `InRelease` file published `days` days ago.
fn in_release(suite: &str, days: i64) -> String {
    let date = (Utc::now() - chrono::Duration::days(days)).format("%a, %d %b %Y %H:%M:%S UTC");
    format!(
        "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nOrigin: Debian\nLabel: Debian-Security\nSuite: {suite}\nDate: {date}\nArchitectures: amd64\nComponents: main\n-----BEGIN PGP SIGNATURE-----\n\nxx\n-----END PGP SIGNATURE-----\n"
    )
}

/// An `apt/history.log` with an upgrade `upgraded` days ago and an install `installed` days
/// ago.
fn apt_history(upgraded: i64, installed: i64) -> String {
    let stamp = |days| days_ago(days).format("%Y-%m-%d  %H:%M:%S").to_string();
    format!(
        "\nStart-Date: {0}\nCommandline: apt-get install -y samba\nInstall: samba:amd64 (2:4.17.12+dfsg-0+deb12u1)\nEnd-Date: {0}\n\n\
         Start-Date: {1}\nCommandline: /usr/bin/unattended-upgrade\nUpgrade: libssl3:amd64 (3.0.16-1~deb12u1, 3.0.17-1~deb12u2)\nEnd-Date: {1}\n",
        stamp(installed),
        stamp(upgraded),
    )
}

/// The parts both machines share: a host name, systemd, a few programs (no backup tool).
fn base(root: &Path, host: &str) {
    put(root, "/etc/hostname", format!("{host}\n"));
    put(
        root,
        "/etc/machine-id",
        "0123456789abcdef0123456789abcdef\n",
    );
    put(
        root,
        "/etc/passwd",
        "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nsshd:x:100:65534::/run/sshd:/usr/sbin/nologin\nadmin-it:x:1000:1000:IT,,,:/home/admin-it:/bin/bash\n",
    );
    for program in ["/usr/bin/bash", "/usr/bin/apt-get", "/usr/sbin/sshd"] {
        put(root, program, "");
    }
    put(root, "/usr/lib/systemd/systemd-journald", "");
    std::fs::create_dir_all(root.join("etc/systemd/system/multi-user.target.wants"))
        .expect("create systemd's directories");
    put(
        root,
        "/proc/net/tcp6",
        "  sl  local_address                         remote_address                        st\n",
    );
    put(
        root,
        "/proc/net/udp",
        "   sl  local_address rem_address   st\n",
    );
    put(root, "/proc/net/if_inet6", IF_INET6);
}

/// A Debian 13 server on the local network, in good order:
///
/// - chassis type 17 (main server chassis): `host.role` = `server`;
/// - addresses 127.0.0.1 and [`LAN_ADDRESS`] (and link-local IPv6): `net.public_addresses` =
///   `[]` (`ok`);
/// - sshd (keys only: `PasswordAuthentication no`, `PermitRootLogin no`) on `0.0.0.0:22` and
///   Samba on `0.0.0.0:445`: `net.admin_exposed` = `22/tcp (SSH) 0.0.0.0`, `445/tcp (SMB)
///   0.0.0.0` (`warn`: private addresses only), `net.admin_public` = `[]` (`ok`);
///   `ssh.password_auth` false, `ssh.root_login` false (`ok`);
/// - security lists published yesterday, nothing pending: `patch.pending_security` 0 and
///   `patch.security_pending_days` 0 (`ok`); last upgrade [`WELL_RUN_UPGRADE_DAYS`] days ago
///   (`patch.days_since_upgrade` 20, `warn`); unattended-upgrades on (`patch.auto_updates`
///   true, `ok`);
/// - Debian 13 (`os.supported` true until 2030-06-30, so that the scoring tests that use this
///   machine stay true for years; the end-of-life table is tested on its own);
/// - no backup tool (`backup.tools` `[]`, `warn`: the NAS backs it up), no host firewall;
/// - persistent journal going back 400 days (`log.persistent` true, `log.retention_days`
///   ≥ 365, `ok`), time synchronised (`time.synced` true, `ok`).
pub fn well_run_lan_server(root: &Path) {
    base(root, "srv-lan");
    put(
        root,
        "/etc/os-release",
        "PRETTY_NAME=\"Debian GNU/Linux 13 (trixie)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"13\"\nVERSION=\"13 (trixie)\"\nVERSION_CODENAME=trixie\nID=debian\n",
    );
    put(root, "/sys/class/dmi/id/chassis_type", "17\n");
    put(root, "/proc/net/fib_trie", fib_trie([192, 168, 10, 5]));
    put(
        root,
        "/proc/net/tcp",
        proc_net_tcp(&[
            ([0, 0, 0, 0], 22),
            ([0, 0, 0, 0], 445),
            ([0, 0, 0, 0], 139),
            ([127, 0, 0, 1], 25),
        ]),
    );
    put(
        root,
        "/etc/ssh/sshd_config",
        "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM yes\nX11Forwarding no\nSubsystem sftp /usr/lib/openssh/sftp-server\n",
    );
    put(root, "/usr/sbin/smbd", "");
    put(
        root,
        "/etc/samba/smb.conf",
        "[global]\n   workgroup = CABINET\n   server min protocol = SMB3\n[partage]\n   path = /srv/partage\n   valid users = @equipe\n",
    );
    // Packages: the security list offers nothing newer than what is installed.
    put(
        root,
        "/var/lib/dpkg/status",
        "Package: libssl3\nStatus: install ok installed\nArchitecture: amd64\nVersion: 3.0.17-1~deb12u2\n\n\
         Package: openssh-server\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1:9.2p1-2+deb12u7\n\n\
         Package: samba\nStatus: install ok installed\nArchitecture: amd64\nVersion: 2:4.17.12+dfsg-0+deb12u1\n\n\
         Package: unattended-upgrades\nStatus: install ok installed\nArchitecture: all\nVersion: 2.9.1+nmu3\n",
    );
    let lists = "/var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security";
    put(
        root,
        &format!("{lists}_main_binary-amd64_Packages"),
        "Package: libssl3\nVersion: 3.0.17-1~deb12u2\nArchitecture: amd64\n\n\
         Package: openssh-server\nVersion: 1:9.2p1-2+deb12u7\nArchitecture: amd64\n",
    );
    put(
        root,
        &format!("{lists}_InRelease"),
        in_release("stable-security", 1),
    );
    put(
        root,
        "/var/log/apt/history.log",
        apt_history(WELL_RUN_UPGRADE_DAYS, 300),
    );
    put(
        root,
        "/etc/apt/apt.conf.d/20auto-upgrades",
        "APT::Periodic::Update-Package-Lists \"1\";\nAPT::Periodic::Unattended-Upgrade \"1\";\n",
    );
    put(root, "/usr/bin/unattended-upgrade", "");
    // Logs kept a year and more, time synchronised.
    put(
        root,
        "/etc/systemd/journald.conf",
        "[Journal]\nStorage=persistent\nMaxRetentionSec=1year\n",
    );
    let head = (Utc::now() - chrono::Duration::days(400)).timestamp_micros();
    put(
        root,
        &format!(
            "/var/log/journal/0123456789abcdef0123456789abcdef/system@00112233445566778899aabbccddeeff-0000000000000001-{head:016x}.journal"
        ),
        "",
    );
    put(
        root,
        "/var/log/journal/0123456789abcdef0123456789abcdef/system.journal",
        "",
    );
    put(root, "/run/systemd/timesync/synchronized", "");
}

/// A Debian 9 server with a public address, neglected:
///
/// - chassis type 3 (a desktop reused as a server), no graphical login, sshd and xrdp
///   listening: `host.role` = `server` (from what runs);
/// - addresses 127.0.0.1 and [`PUBLIC_ADDRESS`]: `net.public_addresses` =
///   `["51.15.20.30"]` (`fail`);
/// - SSH with passwords and root login on `0.0.0.0:22`, RDP (xrdp) on `0.0.0.0:3389`:
///   `net.admin_exposed` and `net.admin_public` = `22/tcp (SSH) 0.0.0.0`,
///   `3389/tcp (RDP) 0.0.0.0` (`fail`); `ssh.password_auth` and `ssh.root_login` true (`fail`);
/// - a security update of libssl1.1 pending in lists published [`NEGLECTED_PENDING_DAYS`]
///   days ago: `patch.pending_security` 1 (`warn`), `patch.security_pending_days` ≥ 40
///   (`fail`); last upgrade [`NEGLECTED_UPGRADE_DAYS`] days ago (`fail`); no automatic updates;
/// - Debian 9, past its end of life (`os.supported` false, `fail`);
/// - no host firewall, no backup tool, a volatile journal (`log.persistent` false, `fail`).
pub fn neglected_server(root: &Path) {
    base(root, "vieux-serveur");
    put(
        root,
        "/etc/os-release",
        "PRETTY_NAME=\"Debian GNU/Linux 9 (stretch)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"9\"\nVERSION=\"9 (stretch)\"\nVERSION_CODENAME=stretch\nID=debian\n",
    );
    put(root, "/sys/class/dmi/id/chassis_type", "3\n");
    put(root, "/proc/net/fib_trie", fib_trie([51, 15, 20, 30]));
    put(
        root,
        "/proc/net/tcp",
        proc_net_tcp(&[([0, 0, 0, 0], 22), ([0, 0, 0, 0], 3389)]),
    );
    put(
        root,
        "/etc/ssh/sshd_config",
        "PermitRootLogin yes\nPasswordAuthentication yes\nChallengeResponseAuthentication no\nUsePAM yes\n",
    );
    put(root, "/usr/sbin/xrdp", "");
    put(
        root,
        "/var/lib/dpkg/status",
        "Package: libssl1.1\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1.1.0l-1~deb9u5\n\n\
         Package: openssh-server\nStatus: install ok installed\nArchitecture: amd64\nVersion: 1:7.4p1-10+deb9u7\n\n\
         Package: xrdp\nStatus: install ok installed\nArchitecture: amd64\nVersion: 0.9.1-9+deb9u3\n",
    );
    // Debian 9's security suite is `stretch/updates`: `stretch_updates` in the lists' names.
    let lists = "/var/lib/apt/lists/security.debian.org_debian-security_dists_stretch_updates";
    let packages = format!("{lists}_main_binary-amd64_Packages");
    let release = format!("{lists}_InRelease");
    put(
        root,
        &packages,
        "Package: libssl1.1\nVersion: 1.1.0l-1~deb9u6\nArchitecture: amd64\n\n\
         Package: openssh-server\nVersion: 1:7.4p1-10+deb9u7\nArchitecture: amd64\n",
    );
    put(
        root,
        &release,
        in_release("oldoldstable", NEGLECTED_PENDING_DAYS),
    );
    age(root, &packages, NEGLECTED_PENDING_DAYS);
    age(root, &release, NEGLECTED_PENDING_DAYS);
    put(
        root,
        "/var/log/apt/history.log",
        apt_history(NEGLECTED_UPGRADE_DAYS, 900),
    );
    put(
        root,
        "/etc/systemd/journald.conf",
        "[Journal]\nStorage=volatile\n",
    );
}
