//! Fake machines built under a temporary directory and read with `--root` (no command is run):
//! a Debian 12 server late on its patches, a Rocky Linux 9 server in good order, a bare
//! container; plus garbage files that must never make the agent panic nor turn `unknown` into
//! anything else.
#![allow(clippy::unwrap_used)]

use std::io::Write as _;
use std::path::{Path, PathBuf};

use agent::collect::{Options, collect};
use agent::{Fact, FactReport, Status, Value};
use chrono::{Duration, Local, Utc};
use i18n::Lang;
use proptest::prelude::*;
use scoring::facts::{FACT_KEYS, Kind, allowed_values, kind_of};

/// Writes a file under the fake root, creating its directories.
fn put(root: &Path, path: &str, content: impl AsRef<[u8]>) {
    let full = root.join(path.trim_start_matches('/'));
    std::fs::create_dir_all(full.parent().unwrap()).unwrap();
    std::fs::write(full, content).unwrap();
}

/// A symbolic link under the fake root (the agent follows it inside the root, chroot-style).
fn link(root: &Path, path: &str, target: &str) {
    let full = root.join(path.trim_start_matches('/'));
    std::fs::create_dir_all(full.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(target, full).unwrap();
}

fn gzip(text: &str) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(text.as_bytes()).unwrap();
    encoder.finish().unwrap()
}

/// A `/proc/net/tcp` address as the kernel writes it on this machine.
fn hex_addr(ip: [u8; 4], port: u16) -> String {
    format!("{:08X}:{port:04X}", u32::from_ne_bytes(ip))
}

fn proc_net_tcp(listeners: &[([u8; 4], u16)]) -> String {
    let mut text = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n".to_owned();
    for (i, (ip, port)) in listeners.iter().enumerate() {
        text.push_str(&format!(
            "   {i}: {} 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 {} 1 0000000000000000 100 0 0 10 0\n",
            hex_addr(*ip, *port),
            1000 + i
        ));
    }
    // An established connection: not listening.
    text.push_str(&format!(
        "   9: {} {} 01 00000000:00000000 00:00000000 00000000  1000        0 99 1\n",
        hex_addr([10, 0, 0, 5], 22),
        hex_addr([10, 0, 0, 9], 51000)
    ));
    text
}

fn read(root: &Path, lang: Lang) -> FactReport {
    collect(&Options {
        root: Some(root.to_path_buf()),
        lang,
        progress: false,
    })
}

fn get<'a>(report: &'a FactReport, key: &str) -> &'a Fact {
    report
        .facts
        .iter()
        .find(|f| f.key == key)
        .unwrap_or_else(|| panic!("no fact {key}"))
}

/// The invariants of every report: documented keys, values of the documented kind, no value
/// means unknown, every fact says where it came from and why.
fn check_shape(report: &FactReport) {
    for fact in &report.facts {
        let kind = kind_of(&fact.key).unwrap_or_else(|| panic!("undocumented key {}", fact.key));
        match (&fact.value, kind) {
            (Value::Null, _) => assert_eq!(fact.status, Status::Unknown, "{fact:?}"),
            (Value::Bool(_), Kind::Bool)
            | (Value::Number(_), Kind::Number)
            | (Value::Text(_), Kind::Text)
            | (Value::List(_), Kind::List) => {}
            _ => panic!(
                "{} has a value of the wrong kind: {:?}",
                fact.key, fact.value
            ),
        }
        if let Value::Number(n) = fact.value {
            assert!(n.is_finite(), "{fact:?}");
        }
        // Keys with a closed set of texts never hold another one.
        if let (Value::Text(text), Some(allowed)) = (&fact.value, allowed_values(&fact.key)) {
            assert!(allowed.contains(&text.as_str()), "{fact:?}");
        }
        assert!(!fact.source.is_empty(), "{fact:?}");
        assert!(!fact.detail.is_empty(), "{fact:?}");
    }
    for (key, _) in FACT_KEYS {
        if key.starts_with("tls.")
            || key.starts_with("https.")
            || key.starts_with("exposure.")
            || agent::win::WINDOWS_ONLY_KEYS.contains(key)
        {
            continue;
        }
        assert!(
            report.facts.iter().any(|f| f.key == *key),
            "missing fact {key}"
        );
    }
}

fn debian12(root: &Path) -> String {
    put(
        root,
        "/etc/os-release",
        "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nVERSION_CODENAME=bookworm\nID=debian\n",
    );
    put(root, "/etc/hostname", "cabinet-srv\n");
    let upgraded = (Utc::now() - Duration::days(40)).with_timezone(&Local);
    let stamp = upgraded.format("%Y-%m-%d  %H:%M:%S").to_string();
    let installed = (Utc::now() - Duration::days(30)).with_timezone(&Local);
    put(
        root,
        "/var/log/apt/history.log",
        format!(
            "\nStart-Date: {stamp}\nCommandline: apt-get upgrade -y\nUpgrade: libssl3:amd64 (3.0.15-1~deb12u1, 3.0.16-1~deb12u1), openssl:amd64 (3.0.15-1~deb12u1, 3.0.16-1~deb12u1)\nEnd-Date: {stamp}\n\n\
             Start-Date: {}\nCommandline: apt-get install vim\nInstall: vim:amd64 (2:9.0.1378-2)\nEnd-Date: {}\n",
            installed.format("%Y-%m-%d  %H:%M:%S"),
            installed.format("%Y-%m-%d  %H:%M:%S"),
        ),
    );
    let older = (Utc::now() - Duration::days(100)).with_timezone(&Local);
    put(
        root,
        "/var/log/apt/history.log.2.gz",
        gzip(&format!(
            "\nStart-Date: {0}\nCommandline: apt-get upgrade\nUpgrade: bash:amd64 (5.2.15-2+b2, 5.2.15-2+b7)\nEnd-Date: {0}\n",
            older.format("%Y-%m-%d  %H:%M:%S")
        )),
    );
    put(
        root,
        "/var/lib/dpkg/status",
        "Package: bash\nStatus: install ok installed\nArchitecture: amd64\nVersion: 5.2.15-2+b7\n",
    );
    put(
        root,
        "/etc/ssh/sshd_config",
        "# Debian's sshd_config\nInclude /etc/ssh/sshd_config.d/*.conf\n\nPasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM yes\n\nMatch User backup\n    PasswordAuthentication no\n",
    );
    put(
        root,
        "/etc/ssh/sshd_config.d/50-custom.conf",
        "# added by the provider\nPasswordAuthentication yes\n",
    );
    put(
        root,
        "/proc/net/tcp",
        proc_net_tcp(&[([0, 0, 0, 0], 22), ([127, 0, 0, 1], 5432)]),
    );
    put(
        root,
        "/proc/net/tcp6",
        "  sl  local_address remote_address st\n",
    );
    put(
        root,
        "/etc/passwd",
        "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\naccueil:x:1001:1001:Accueil:/home/accueil:/bin/bash\nadmin:x:1002:1002::/home/admin:/usr/sbin/nologin\n",
    );
    upgraded.format("%Y-%m-%d").to_string()
}

#[test]
fn debian_12_late_on_patches_with_password_ssh() {
    let dir = tempfile::tempdir().unwrap();
    let upgraded = debian12(dir.path());
    let report = read(dir.path(), Lang::En);
    check_shape(&report);
    assert_eq!(report.host, "cabinet-srv");
    assert!(!report.container);

    let days = get(&report, "patch.days_since_upgrade");
    assert_eq!(days.value, Value::Number(40.0), "{days:?}");
    assert_eq!(days.status, Status::Fail);
    assert_eq!(days.source, "/var/log/apt/history.log");
    let last = get(&report, "patch.last_upgrade");
    assert_eq!(last.value, Value::Text(upgraded));
    assert_eq!(last.status, Status::Fail);

    let password = get(&report, "ssh.password_auth");
    assert_eq!(password.value, Value::Bool(true), "{password:?}");
    assert_eq!(password.status, Status::Fail);
    assert!(
        password.detail.contains("50-custom.conf"),
        "{}",
        password.detail
    );
    // Default PermitRootLogin: keys only.
    assert_eq!(get(&report, "ssh.root_login").value, Value::Bool(false));
    assert_eq!(get(&report, "ssh.root_login").status, Status::Warn);
    assert_eq!(
        get(&report, "ssh.root_login_mode").value,
        Value::Text("prohibit-password".into())
    );

    let Value::List(listening) = &get(&report, "net.listening").value else {
        panic!("net.listening is not a list");
    };
    assert!(
        listening.contains(&"tcp 0.0.0.0:22".to_owned()),
        "{listening:?}"
    );
    assert!(
        listening.contains(&"tcp 127.0.0.1:5432".to_owned()),
        "{listening:?}"
    );
    assert_eq!(listening.len(), 2, "{listening:?}");
    let exposed = get(&report, "net.admin_exposed");
    let Value::List(items) = &exposed.value else {
        panic!("net.admin_exposed is not a list");
    };
    assert!(items.iter().any(|i| i.starts_with("22/tcp")), "{items:?}");
    assert!(!items.iter().any(|i| i.contains("5432")), "{items:?}");
    assert_eq!(exposed.status, Status::Fail);

    let supported = get(&report, "os.supported");
    assert_eq!(supported.value, Value::Bool(true));
    assert_ne!(supported.status, Status::Fail);
    assert!(supported.detail.contains(agent::collect::eol::TABLE_DATE));
    assert_eq!(
        get(&report, "os.eol_date").value,
        Value::Text("2028-06-30".into())
    );
    assert_eq!(
        get(&report, "os.name").value,
        Value::Text("Debian GNU/Linux".into())
    );
    assert_eq!(get(&report, "os.version").value, Value::Text("12".into()));

    // No firewall configuration and no command under --root: unknown, not fail.
    assert_eq!(get(&report, "fw.active").status, Status::Unknown);
    assert_eq!(
        get(&report, "accounts.generic").value,
        Value::List(vec!["accueil".into()])
    );
    assert_eq!(
        get(&report, "accounts.uid0_extra").value,
        Value::List(vec![])
    );
    // dpkg present, no /run/reboot-required.
    assert_eq!(
        get(&report, "patch.reboot_required").value,
        Value::Bool(false)
    );
    assert_eq!(get(&report, "patch.auto_updates").value, Value::Bool(false));
    // No package list on disk.
    assert_eq!(
        get(&report, "patch.pending_security").status,
        Status::Unknown
    );
}

#[test]
fn rotated_gzipped_history_is_read() {
    let dir = tempfile::tempdir().unwrap();
    debian12(dir.path());
    std::fs::remove_file(dir.path().join("var/log/apt/history.log")).unwrap();
    let report = read(dir.path(), Lang::En);
    let days = get(&report, "patch.days_since_upgrade");
    assert_eq!(days.value, Value::Number(100.0), "{days:?}");
    assert_eq!(days.source, "/var/log/apt/history.log.2.gz");
    // A gzip archive cut short or pure garbage is skipped, not a panic.
    put(
        dir.path(),
        "/var/log/apt/history.log.3.gz",
        &gzip("Start-Date: x")[..10],
    );
    put(
        dir.path(),
        "/var/log/apt/history.log.4.gz",
        [0x1f, 0x8b, 0xff, 0x00, 0x01],
    );
    let report = read(dir.path(), Lang::En);
    assert_eq!(
        get(&report, "patch.days_since_upgrade").value,
        Value::Number(100.0)
    );
}

#[test]
fn debian_pending_security_from_the_lists_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    debian12(dir.path());
    put(
        dir.path(),
        "/var/lib/dpkg/status",
        "Package: libssl3\nStatus: install ok installed\nArchitecture: amd64\nVersion: 3.0.16-1~deb12u1\n\nPackage: bash\nStatus: install ok installed\nArchitecture: amd64\nVersion: 5.2.15-2+b7\n",
    );
    put(
        dir.path(),
        "/var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages",
        "Package: libssl3\nVersion: 3.0.17-1~deb12u2\nArchitecture: amd64\n\nPackage: bash\nVersion: 5.2.15-2+b7\nArchitecture: amd64\n",
    );
    put(
        dir.path(),
        "/var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security_InRelease",
        "x",
    );
    let report = read(dir.path(), Lang::En);
    let pending = get(&report, "patch.pending_security");
    assert_eq!(pending.value, Value::Number(1.0), "{pending:?}");
    assert_eq!(pending.status, Status::Warn);
    assert!(pending.detail.contains("libssl3"), "{}", pending.detail);
    // The files read, not a pattern.
    assert_eq!(
        pending.source,
        "/var/lib/dpkg/status, /var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages"
    );
}

/// An `InRelease` whose `Date:` is `days` ago.
fn in_release(days: i64) -> String {
    let date = (Utc::now() - Duration::days(days)).format("%a, %d %b %Y %H:%M:%S UTC");
    format!("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nOrigin: Debian\nDate: {date}\n")
}

/// Sets a file's modification time to `days` ago.
fn set_age(root: &Path, path: &str, days: i64) {
    let when = std::time::SystemTime::now() - std::time::Duration::from_secs(days as u64 * 86_400);
    std::fs::File::options()
        .write(true)
        .open(root.join(path.trim_start_matches('/')))
        .unwrap()
        .set_modified(when)
        .unwrap();
}

/// The age of the oldest pending security update is that of its list's `Release` date (a
/// lower bound); nothing pending in fresh lists turns an old upgrade into a warning only.
#[test]
fn security_updates_pending_for_days_and_nothing_pending() {
    const LIST: &str = "/var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages";
    const RELEASE: &str =
        "/var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security_InRelease";
    for (released, pending, expected) in [
        (40, true, (40.0, Status::Fail)),
        (3, true, (3.0, Status::Warn)),
        (1, false, (0.0, Status::Ok)),
        (20, false, (0.0, Status::Warn)),
    ] {
        let dir = tempfile::tempdir().unwrap();
        debian12(dir.path());
        put(
            dir.path(),
            "/var/lib/dpkg/status",
            "Package: libssl3\nStatus: install ok installed\nArchitecture: amd64\nVersion: 3.0.16-1~deb12u1\n",
        );
        let offered = if pending {
            "3.0.17-1~deb12u2"
        } else {
            "3.0.16-1~deb12u1"
        };
        put(
            dir.path(),
            LIST,
            format!("Package: libssl3\nVersion: {offered}\nArchitecture: amd64\n"),
        );
        put(dir.path(), RELEASE, in_release(released));
        set_age(dir.path(), RELEASE, released);
        set_age(dir.path(), LIST, released);
        for lang in [Lang::En, Lang::Fr] {
            let report = read(dir.path(), lang);
            check_shape(&report);
            let fact = get(&report, "patch.security_pending_days");
            assert_eq!(
                (&fact.value, fact.status),
                (&Value::Number(expected.0), expected.1),
                "{released} {pending}: {fact:?}"
            );
            let upgrade = get(&report, "patch.days_since_upgrade");
            assert_eq!(upgrade.value, Value::Number(40.0));
            if pending {
                assert!(
                    fact.detail.contains(lang.pick("au moins", "at least")),
                    "{fact:?}"
                );
                assert!(fact.detail.contains("libssl3"), "{fact:?}");
                assert!(fact.source.ends_with("_InRelease"), "{fact:?}");
            }
            if expected.1 == Status::Ok {
                // Last upgraded 40 days ago, but nothing is pending: not a failure.
                assert_eq!(upgrade.status, Status::Warn, "{upgrade:?}");
                assert!(
                    upgrade.detail.contains("patch.security_pending_days"),
                    "{upgrade:?}"
                );
                assert_eq!(get(&report, "patch.last_upgrade").status, Status::Warn);
            } else {
                assert_eq!(upgrade.status, Status::Fail, "{upgrade:?}");
            }
        }
    }
    // Without a Release file, the list's age on disk, said as such.
    let dir = tempfile::tempdir().unwrap();
    debian12(dir.path());
    put(
        dir.path(),
        "/var/lib/dpkg/status",
        "Package: libssl3\nStatus: install ok installed\nArchitecture: amd64\nVersion: 3.0.16-1~deb12u1\n",
    );
    put(
        dir.path(),
        LIST,
        "Package: libssl3\nVersion: 3.0.17-1~deb12u2\nArchitecture: amd64\n",
    );
    set_age(dir.path(), LIST, 12);
    let report = read(dir.path(), Lang::En);
    let fact = get(&report, "patch.security_pending_days");
    assert_eq!(
        (&fact.value, fact.status),
        (&Value::Number(12.0), Status::Fail),
        "{fact:?}"
    );
    assert!(fact.detail.contains("modification time"), "{fact:?}");
    // No list at all: unknown.
    let dir = tempfile::tempdir().unwrap();
    debian12(dir.path());
    let fact = get(&read(dir.path(), Lang::En), "patch.security_pending_days").clone();
    assert_eq!(fact.status, Status::Unknown, "{fact:?}");
}

/// The machine's public addresses decide whether a service on every interface is on the
/// Internet.
#[test]
fn public_addresses_decide_what_every_interface_means() {
    let fib = |addr: &str| {
        format!(
            "Main:\n  +-- 0.0.0.0/0 3 0 5\n     |-- 127.0.0.1\n        /32 host LOCAL\n     |-- {addr}\n        /32 host LOCAL\nLocal:\n"
        )
    };
    for (address, v6, public, exposed) in [
        ("192.168.1.10", "", Status::Ok, Status::Warn),
        ("100.64.3.4", "", Status::Ok, Status::Warn),
        ("51.15.20.30", "", Status::Fail, Status::Fail),
        // A public IPv6 address only: `::` is reachable, `0.0.0.0` is not.
        (
            "10.0.0.2",
            "2a010e0a000000000000000000000001 02 40 00 00     eth0\n",
            Status::Fail,
            Status::Warn,
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        put(root, "/proc/net/tcp", proc_net_tcp(&[([0, 0, 0, 0], 22)]));
        put(root, "/proc/net/fib_trie", fib(address));
        if !v6.is_empty() {
            put(root, "/proc/net/if_inet6", v6);
        }
        let report = read(root, Lang::En);
        check_shape(&report);
        assert_eq!(
            get(&report, "net.public_addresses").status,
            public,
            "{address}"
        );
        let admin = get(&report, "net.admin_exposed");
        assert_eq!(admin.status, exposed, "{address}: {admin:?}");
        let on_public = get(&report, "net.admin_public");
        assert_eq!(
            on_public.status,
            if exposed == Status::Fail {
                Status::Fail
            } else {
                Status::Ok
            },
            "{address}: {on_public:?}"
        );
    }
    // `::` with a public IPv6 address.
    let dir = tempfile::tempdir().unwrap();
    put(dir.path(), "/proc/net/tcp", proc_net_tcp(&[]));
    put(
        dir.path(),
        "/proc/net/tcp6",
        "  sl  local_address remote_address st\n   0: 00000000000000000000000000000000:0D3D 00000000000000000000000000000000:0000 0A 0\n",
    );
    put(dir.path(), "/proc/net/fib_trie", fib("10.0.0.2"));
    put(
        dir.path(),
        "/proc/net/if_inet6",
        "2a010e0a000000000000000000000001 02 40 00 00     eth0\n",
    );
    let report = read(dir.path(), Lang::En);
    assert_eq!(
        get(&report, "net.admin_public").value,
        Value::List(vec!["3389/tcp (RDP) ::".into()])
    );
    // No address table: the addresses are unknown, and so is admin_public; admin_exposed keeps
    // failing (a public address is not ruled out).
    let dir = tempfile::tempdir().unwrap();
    put(
        dir.path(),
        "/proc/net/tcp",
        proc_net_tcp(&[([0, 0, 0, 0], 22)]),
    );
    let report = read(dir.path(), Lang::Fr);
    assert_eq!(get(&report, "net.public_addresses").status, Status::Unknown);
    assert_eq!(get(&report, "net.admin_public").status, Status::Unknown);
    assert_eq!(get(&report, "net.admin_exposed").status, Status::Fail);
}

#[test]
fn security_lists_that_cannot_be_read_are_no_answer_not_nothing_pending() {
    let dir = tempfile::tempdir().unwrap();
    debian12(dir.path());
    put(
        dir.path(),
        "/var/lib/dpkg/status",
        "Package: libssl3\nStatus: install ok installed\nArchitecture: amd64\nVersion: 3.0.16-1~deb12u1\n",
    );
    // A list in the place of the file that cannot be read (a directory: as root, nothing else
    // refuses a read).
    std::fs::create_dir_all(dir.path().join(
        "var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages",
    ))
    .unwrap();
    let report = read(dir.path(), Lang::En);
    let pending = get(&report, "patch.pending_security");
    assert_eq!(pending.status, Status::Unknown, "{pending:?}");
    assert_eq!(pending.value, Value::Null);
    assert!(pending.detail.contains("unreadable"), "{}", pending.detail);
}

fn rocky9(root: &Path) {
    put(
        root,
        "/etc/os-release",
        "NAME=\"Rocky Linux\"\nVERSION=\"9.4 (Blue Onyx)\"\nID=\"rocky\"\nID_LIKE=\"rhel centos fedora\"\nVERSION_ID=\"9.4\"\nPRETTY_NAME=\"Rocky Linux 9.4 (Blue Onyx)\"\n",
    );
    let recent = (Utc::now() - Duration::days(3)).with_timezone(&Local);
    let old = (Utc::now() - Duration::days(60)).with_timezone(&Local);
    put(
        root,
        "/var/log/dnf.rpm.log",
        format!(
            "{0} SUBDEBUG Installed: vim-enhanced-2:8.2.2637-20.el9_1.x86_64\n{1} SUBDEBUG Upgrade: openssl-libs-1:3.0.7-27.el9.x86_64\n{1} SUBDEBUG Upgraded: openssl-libs-1:3.0.7-25.el9.x86_64\n{1} INFO --- logging initialized ---\n",
            old.format("%Y-%m-%dT%H:%M:%S%z"),
            recent.format("%Y-%m-%dT%H:%M:%S%z"),
        ),
    );
    put(root, "/etc/dnf/dnf.conf", "[main]\ngpgcheck=1\n");
    put(
        root,
        "/etc/dnf/automatic.conf",
        "[commands]\nupgrade_type = security\ndownload_updates = yes\napply_updates = yes\n",
    );
    link(
        root,
        "/etc/systemd/system/timers.target.wants/dnf-automatic.timer",
        "/usr/lib/systemd/system/dnf-automatic.timer",
    );
    link(
        root,
        "/etc/systemd/system/multi-user.target.wants/firewalld.service",
        "/usr/lib/systemd/system/firewalld.service",
    );
    link(
        root,
        "/etc/systemd/system/multi-user.target.wants/chronyd.service",
        "/usr/lib/systemd/system/chronyd.service",
    );
    put(
        root,
        "/etc/security/faillock.conf",
        "# deny = 3\ndeny = 5\nunlock_time = 600\n",
    );
    put(
        root,
        "/etc/security/pwquality.conf",
        "# minlen = 8\nminlen = 14\n",
    );
    put(
        root,
        "/etc/pam.d/system-auth",
        "auth        required      pam_env.so\n\
         auth        required      pam_faillock.so preauth silent\n\
         auth        sufficient    pam_unix.so nullok\n\
         auth        [default=die] pam_faillock.so authfail\n\
         password    requisite     pam_pwquality.so local_users_only\n\
         password    sufficient    pam_unix.so sha512 shadow use_authtok\n",
    );
    put(
        root,
        "/etc/ssh/sshd_config",
        "Include /etc/ssh/sshd_config.d/*.conf\nPermitRootLogin no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n",
    );
    put(
        root,
        "/etc/systemd/journald.conf",
        "[Journal]\n#Storage=auto\n",
    );
    std::fs::create_dir_all(root.join("var/log/journal/0123456789abcdef0123456789abcdef")).unwrap();
    put(
        root,
        "/etc/logrotate.conf",
        "weekly\nrotate 4\ncreate\ninclude /etc/logrotate.d\n",
    );
    put(
        root,
        "/etc/logrotate.d/rsyslog",
        "/var/log/cron\n/var/log/maillog\n/var/log/messages\n/var/log/secure\n{\n    missingok\n    sharedscripts\n    postrotate\n        /usr/bin/systemctl reload rsyslog.service >/dev/null 2>&1 || true\n    endscript\n}\n",
    );
    // LVM on LUKS: / on dm-1 (LVM) on dm-0 (CRYPT) on sda3.
    put(
        root,
        "/proc/self/mountinfo",
        "22 1 0:21 / /proc rw - proc proc rw\n28 1 253:1 / / rw,relatime shared:1 - xfs /dev/mapper/rl-root rw\n",
    );
    link(
        root,
        "/sys/dev/block/253:1",
        "../../devices/virtual/block/dm-1",
    );
    put(root, "/sys/class/block/dm-1/dm/uuid", "LVM-abcdef\n");
    std::fs::create_dir_all(root.join("sys/class/block/dm-1/slaves/dm-0")).unwrap();
    put(
        root,
        "/sys/class/block/dm-0/dm/uuid",
        "CRYPT-LUKS2-0123abcd-luks-0123abcd\n",
    );
    std::fs::create_dir_all(root.join("sys/class/block/dm-0/slaves/sda3")).unwrap();
    std::fs::create_dir_all(root.join("sys/class/block/sda3")).unwrap();
    put(
        root,
        "/etc/crypttab",
        "luks-0123abcd UUID=0123abcd none discard\n",
    );
    put(
        root,
        "/etc/passwd",
        "root:x:0:0:root:/root:/bin/bash\nsync:x:5:0:sync:/sbin:/bin/sync\nmdurand:x:1000:1000:M. Durand:/home/mdurand:/bin/bash\n",
    );
    put(root, "/usr/bin/restic", "");
    put(
        root,
        "/etc/cron.d/restic-backup",
        "30 2 * * * root /usr/bin/restic backup /srv --quiet\n",
    );
    put(
        root,
        "/etc/profile.d/tmout.sh",
        "TMOUT=600\nreadonly TMOUT\nexport TMOUT\n",
    );
}

#[test]
fn rocky_9_in_good_order() {
    let dir = tempfile::tempdir().unwrap();
    rocky9(dir.path());
    let report = read(dir.path(), Lang::Fr);
    check_shape(&report);
    let ok = |key: &str, value: Value| {
        let fact = get(&report, key);
        assert_eq!(fact.value, value, "{fact:?}");
        assert_eq!(fact.status, Status::Ok, "{fact:?}");
    };
    ok("os.name", Value::Text("Rocky Linux".into()));
    ok("os.version", Value::Text("9.4".into()));
    ok("os.supported", Value::Bool(true));
    ok("os.eol_date", Value::Text("2032-05-31".into()));
    ok("patch.days_since_upgrade", Value::Number(3.0));
    assert_eq!(
        get(&report, "patch.days_since_upgrade").source,
        "/var/log/dnf.rpm.log"
    );
    ok("patch.auto_updates", Value::Bool(true));
    ok("auth.lockout", Value::Bool(true));
    assert!(
        get(&report, "auth.lockout").detail.contains("5"),
        "{:?}",
        get(&report, "auth.lockout")
    );
    ok("auth.password_minlen", Value::Number(14.0));
    ok("ssh.password_auth", Value::Bool(false));
    ok("ssh.root_login", Value::Bool(false));
    ok("fw.active", Value::Bool(true));
    ok("disk.encrypted", Value::Bool(true));
    ok("time.synced", Value::Bool(true));
    ok("log.persistent", Value::Bool(true));
    ok("accounts.generic", Value::List(vec![]));
    ok("backup.tools", Value::List(vec!["restic".into()]));
    ok("screen.lock", Value::Bool(true));
    // logrotate's weekly × 4: less than a year.
    let retention = get(&report, "log.retention_days");
    assert_eq!(retention.value, Value::Number(28.0));
    assert_eq!(retention.status, Status::Warn);
    // French details.
    assert!(get(&report, "auth.lockout").detail.contains("échecs"));
    // No second factor anywhere.
    assert_eq!(get(&report, "auth.mfa_pam").value, Value::Bool(false));
    assert_eq!(get(&report, "ssh.mfa").value, Value::Bool(false));
}

fn bare_container(root: &Path) {
    put(
        root,
        "/etc/os-release",
        "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\nVERSION_ID=\"12\"\nVERSION=\"12 (bookworm)\"\nID=debian\n",
    );
    put(root, "/.dockerenv", "");
}

#[test]
fn bare_container_is_unknown_never_fail() {
    let dir = tempfile::tempdir().unwrap();
    bare_container(dir.path());
    for lang in [Lang::Fr, Lang::En] {
        let report = read(dir.path(), lang);
        check_shape(&report);
        assert!(report.container);
        for fact in &report.facts {
            assert_ne!(fact.status, Status::Fail, "{fact:?}");
            if fact.key.starts_with("os.") {
                continue;
            }
            assert_eq!(fact.status, Status::Unknown, "{fact:?}");
            assert_eq!(fact.value, Value::Null, "{fact:?}");
        }
        assert_eq!(
            get(&report, "os.name").value,
            Value::Text("Debian GNU/Linux".into())
        );
        assert_eq!(get(&report, "os.kernel").status, Status::Unknown);
    }
}

#[test]
fn an_empty_root_is_all_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let report = read(dir.path(), Lang::En);
    check_shape(&report);
    assert!(!report.container);
    assert!(
        report.facts.iter().all(|f| f.status == Status::Unknown),
        "{:#?}",
        report.facts
    );
}

/// Files that garbage is written into.
const GARBAGE_TARGETS: &[&str] = &[
    "/proc/net/tcp",
    "/proc/net/udp6",
    "/proc/self/mountinfo",
    "/proc/uptime",
    "/etc/os-release",
    "/etc/passwd",
    "/etc/ssh/sshd_config",
    "/etc/pam.d/common-auth",
    "/etc/security/pwquality.conf",
    "/etc/login.defs",
    "/etc/apt/apt.conf.d/20auto-upgrades",
    "/var/log/apt/history.log",
    "/var/log/apt/history.log.1.gz",
    "/var/log/dpkg.log",
    "/var/log/dnf.rpm.log",
    "/var/lib/dpkg/status",
    "/var/lib/apt/lists/x_dists_y-security_main_binary-amd64_Packages.lz4",
    "/etc/logrotate.conf",
    "/etc/logrotate.d/rsyslog",
    "/var/log/journal/m/system.journal",
    "/etc/dconf/db/local.d/00-lock",
    "/etc/profile",
    "/etc/crypttab",
    "/etc/ufw/ufw.conf",
    "/etc/cron.d/backup",
];

/// Lines that look almost right, to reach deeper into the parsers than random bytes do.
fn almost_right() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Start-Date: 2024-13-45  99:99:99\nUpgrade: x\n",
        "Start-Date: 9999-12-31  00:00:00\nUpgrade: x\n",
        "Include ../../../../etc/*\nInclude /etc/ssh/sshd_config\n",
        "   0: 00000000:FFFF 00000000:0000 0A\n   1: 0000:16 0:0 0A\n",
        "   0: 00000000000000000000000000000000:0016 00000000000000000000000000000000:0000 0A\n",
        "28 1 253:1 / / rw - xfs /dev/mapper/../../x rw\n",
        "99999999999999999999999999 0\n",
        "-1 -1\nNaN inf\n",
        "auth required pam_faillock.so deny=-3\npassword requisite pam_pwquality.so minlen=99999999999999999999\n",
        "minlen = -5\nPASS_MIN_LEN 4\n",
        "root:x:0:0\n:x:0:0:::\nx:x:0:0:::/bin/sh\n",
        "Package: a\nStatus: install ok installed\nVersion: 1:\n\nPackage: a\nVersion: ~~~:-\n",
        "rotate 99999999999\nmonthly\n{\n}\n}}}\n{{{\n",
        "[org/gnome/desktop/session]\nidle-delay=uint32 -1\n[[[\n",
        "TMOUT=99999999999999999999999\n",
        "ENABLED=yes\n",
        "\u{0}\u{1}\u{ff}\u{fffd}",
    ])
    .prop_map(str::to_owned)
}

fn content() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..512),
        almost_right().prop_map(String::into_bytes),
        (almost_right(), almost_right()).prop_map(|(a, b)| format!("{a}{b}").into_bytes()),
    ]
}

fn garbage_root(files: &[(usize, Vec<u8>)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    for (index, bytes) in files {
        put(
            &root,
            GARBAGE_TARGETS[*index % GARBAGE_TARGETS.len()],
            bytes,
        );
    }
    (dir, root)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Garbage never panics, every value keeps its documented kind, and what has no value is
    /// unknown.
    #[test]
    fn garbage_files_never_panic(files in prop::collection::vec((0usize..64, content()), 1..12)) {
        let (_dir, root) = garbage_root(&files);
        let report = read(&root, Lang::En);
        check_shape(&report);
    }

    /// A bare container with garbage on top of it: whatever cannot be read stays unknown, and
    /// unknown is never reported as a failure.
    #[test]
    fn unknown_is_never_fail(files in prop::collection::vec((0usize..64, content()), 0..4)) {
        let (_dir, root) = garbage_root(&files);
        bare_container(&root);
        let report = read(&root, Lang::Fr);
        check_shape(&report);
        prop_assert!(report.container);
        for fact in &report.facts {
            if fact.value == Value::Null {
                prop_assert_eq!(fact.status, Status::Unknown, "{:?}", fact);
            }
        }
    }
}

/// A tree copied from a real machine keeps its links: relative ones (`etc/os-release ->
/// ../usr/lib/os-release` on Debian) and absolute ones. Under `--root` they lead to files of
/// the tree, never to the host's.
#[test]
fn links_in_the_tree_stay_in_the_tree() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    put(
        root,
        "/usr/lib/os-release",
        "NAME=\"Fake Linux\"\nID=fakelinux\nVERSION_ID=\"1\"\n",
    );
    // Absolute, as `cp -a` of a chroot keeps it: DIR/usr/lib/os-release, not the host's.
    link(root, "/etc/os-release", "/usr/lib/os-release");
    let report = read(root, Lang::En);
    assert_eq!(
        get(&report, "os.name").value,
        Value::Text("Fake Linux".into()),
        "{:?}",
        get(&report, "os.name")
    );
    // A link to the host's own path, re-rooted, points at itself: a loop, so the tree's
    // /usr/lib/os-release is read instead — never the host's /etc/os-release.
    std::fs::remove_file(root.join("etc/os-release")).unwrap();
    link(root, "/etc/os-release", "/etc/os-release");
    let report = read(root, Lang::En);
    assert_eq!(
        get(&report, "os.name").value,
        Value::Text("Fake Linux".into())
    );
    // Without the tree's own file, nothing: unknown, whatever the host has.
    std::fs::remove_file(root.join("usr/lib/os-release")).unwrap();
    let report = read(root, Lang::En);
    assert_eq!(get(&report, "os.name").status, Status::Unknown);
    // `..` in a target stops at DIR: the tree's /etc/passwd, not the host's.
    put(
        root,
        "/etc/passwd",
        "root:x:0:0:root:/root:/bin/bash\ntoor:x:0:0::/root:/bin/sh\n",
    );
    link(root, "/etc/passwd.link", "../../../../../../../etc/passwd");
    std::fs::rename(root.join("etc/passwd"), root.join("srv-passwd")).unwrap();
    link(root, "/etc/passwd", "../../../../srv-passwd");
    let report = read(root, Lang::En);
    assert_eq!(
        get(&report, "accounts.uid0_extra").value,
        Value::List(vec!["toor".into()])
    );
}

/// RHEL 8/9 with authselect: `/etc/pam.d/system-auth -> /etc/authselect/system-auth`
/// (absolute). The lockout and the password length are read through the link, in the tree.
#[test]
fn rhel_authselect_links_are_followed_in_the_tree() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    put(
        root,
        "/etc/authselect/system-auth",
        "auth        required      pam_faillock.so preauth silent deny=4\n\
         auth        sufficient    pam_unix.so nullok\n\
         auth        required      pam_faillock.so authfail deny=4\n\
         password    requisite     pam_pwquality.so minlen=14\n\
         password    sufficient    pam_unix.so sha512 shadow use_authtok\n",
    );
    put(
        root,
        "/etc/authselect/password-auth",
        "auth        required      pam_faillock.so preauth silent deny=4\n",
    );
    link(
        root,
        "/etc/pam.d/system-auth",
        "/etc/authselect/system-auth",
    );
    link(
        root,
        "/etc/pam.d/password-auth",
        "../authselect/password-auth",
    );
    let report = read(root, Lang::En);
    let lockout = get(&report, "auth.lockout");
    assert_eq!(
        (&lockout.value, lockout.status),
        (&Value::Bool(true), Status::Ok),
        "{lockout:?}"
    );
    assert!(lockout.detail.contains('4'), "{lockout:?}");
    let minlen = get(&report, "auth.password_minlen");
    assert_eq!(minlen.value, Value::Number(14.0), "{minlen:?}");
}

/// A `/sys` with only `/sys/block` (no `/sys/class/block`): LVM on LUKS is still followed,
/// from `/dev/mapper/<name>` down to the `CRYPT-` device's `/sys/block/dm-0/dm/uuid`.
#[test]
fn disk_encryption_is_read_from_sys_block_too() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    put(
        root,
        "/proc/self/mountinfo",
        "28 1 253:1 / / rw,relatime - ext4 /dev/mapper/vg-root rw\n",
    );
    link(root, "/dev/mapper/vg-root", "../dm-1");
    put(root, "/sys/block/dm-1/dm/uuid", "LVM-xyz\n");
    std::fs::create_dir_all(root.join("sys/block/dm-1/slaves/dm-0")).unwrap();
    put(
        root,
        "/sys/block/dm-0/dm/uuid",
        "CRYPT-LUKS2-4567-cryptroot\n",
    );
    let report = read(root, Lang::En);
    let disk = get(&report, "disk.encrypted");
    assert_eq!(
        (&disk.value, disk.status),
        (&Value::Bool(true), Status::Ok),
        "{disk:?}"
    );
    assert!(disk.source.contains("/sys/block/dm-1"), "{disk:?}");
    assert!(disk.detail.contains("dm-0 (CRYPT"), "{disk:?}");
    // Plain LVM: false, a warning.
    put(root, "/sys/block/dm-0/dm/uuid", "LVM-plain\n");
    let report = read(root, Lang::En);
    assert_eq!(
        get(&report, "disk.encrypted").value,
        Value::Bool(false),
        "{:?}",
        get(&report, "disk.encrypted")
    );
}

/// Debian's default password policy: `#PASS_MIN_LEN` in login.defs, plain pam_unix in
/// common-password, no pwquality. pam_unix's default (6) is what is enforced: a warning, so
/// that the IAM-03 rule (`auth.password_minlen < 12`) holds.
#[test]
fn debian_default_password_policy_is_pam_unix_default() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    put(
        root,
        "/etc/login.defs",
        "# These options are now handled by PAM.\n#OBSCURE_CHECKS_ENAB\n#PASS_MIN_LEN\n#PASS_MAX_LEN\nPASS_MAX_DAYS\t99999\n",
    );
    put(
        root,
        "/etc/pam.d/common-password",
        "# here are the per-package modules (the \"Primary\" block)\n\
         password\t[success=1 default=ignore]\tpam_unix.so obscure yescrypt\n\
         password\trequisite\t\t\tpam_deny.so\n\
         password\trequired\t\t\tpam_permit.so\n",
    );
    put(root, "/etc/pam.d/passwd", "@include common-password\n");
    put(
        root,
        "/etc/pam.d/common-auth",
        "auth\t[success=1 default=ignore]\tpam_unix.so nullok\n",
    );
    let report = read(root, Lang::En);
    let minlen = get(&report, "auth.password_minlen");
    assert_eq!(
        (&minlen.value, minlen.status),
        (&Value::Number(6.0), Status::Warn),
        "{minlen:?}"
    );
    assert_eq!(
        minlen.source,
        "/etc/pam.d/common-password (pam_unix, default)"
    );
    assert!(minlen.detail.contains("pam_unix's default"), "{minlen:?}");
    // The catalog's IAM-03 rule holds on it.
    let rule = scoring::facts::EvidenceRule {
        fact: "auth.password_minlen".into(),
        op: scoring::facts::Op::Less,
        value: Some(Value::Number(12.0)),
        kind: scoring::facts::RuleKind::Cap,
        max_level: 2,
        roles: Vec::new(),
        reason: scoring::facts::Reason::default(),
    };
    assert!(rule.holds(minlen));
    // PASS_MIN_LEN set in login.defs changes nothing under PAM: still pam_unix's 6.
    put(root, "/etc/login.defs", "PASS_MIN_LEN 14\n");
    let minlen = get(&read(root, Lang::Fr), "auth.password_minlen").clone();
    assert_eq!(minlen.value, Value::Number(6.0), "{minlen:?}");
    assert!(minlen.detail.contains("sans effet"), "{minlen:?}");
    // pam_unix minlen= wins over its default; pwquality wins over pam_unix.
    put(
        root,
        "/etc/pam.d/common-password",
        "password requisite pam_pwquality.so retry=3 minlen=12\npassword [success=1 default=ignore] pam_unix.so obscure use_authtok\n",
    );
    let minlen = get(&read(root, Lang::En), "auth.password_minlen").clone();
    assert_eq!(
        (&minlen.value, minlen.status),
        (&Value::Number(12.0), Status::Ok),
        "{minlen:?}"
    );
}

/// An archived journal file named after its head time (µs since 1970, hexadecimal).
fn journal_file(root: &Path, days_ago: i64) {
    let head = (Utc::now() - Duration::days(days_ago)).timestamp_micros();
    put(
        root,
        &format!(
            "/var/log/journal/0123456789abcdef0123456789abcdef/system@00112233445566778899aabbccddeeff-0000000000000001-{head:016x}.journal"
        ),
        "LPKSHHRH",
    );
}

/// journald keeps writing to /var/log/journal only with `Storage=persistent`, or `auto` when
/// the directory exists: with `volatile` or `none`, old files there are not retention.
#[test]
fn journal_files_count_only_when_storage_is_persistent() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    put(root, "/usr/lib/systemd/systemd-journald", "");
    journal_file(root, 400);
    // auto (unset) with /var/log/journal: persistent, 400 days.
    put(
        root,
        "/etc/systemd/journald.conf",
        "[Journal]\n#Storage=auto\n",
    );
    let report = read(root, Lang::En);
    let retention = get(&report, "log.retention_days");
    assert_eq!(
        (&retention.value, retention.status),
        (&Value::Number(400.0), Status::Ok),
        "{retention:?}"
    );
    assert_eq!(get(&report, "log.persistent").value, Value::Bool(true));
    for storage in ["volatile", "none"] {
        put(
            root,
            "/etc/systemd/journald.conf",
            format!("[Journal]\nStorage={storage}\n"),
        );
        let report = read(root, Lang::En);
        let retention = get(&report, "log.retention_days");
        assert_eq!(
            (&retention.value, retention.status),
            (&Value::Null, Status::Unknown),
            "{storage}: {retention:?}"
        );
        assert!(
            retention.detail.contains("do not count"),
            "{storage}: {retention:?}"
        );
        let persistent = get(&report, "log.persistent");
        assert_eq!(
            (&persistent.value, persistent.status),
            (&Value::Bool(false), Status::Fail),
            "{storage}: {persistent:?}"
        );
        // With syslog rotated for 52 weeks, that is the retention, with the note.
        put(
            root,
            "/etc/logrotate.d/rsyslog",
            "/var/log/syslog {\n weekly\n rotate 52\n}\n",
        );
        let retention = get(&read(root, Lang::En), "log.retention_days").clone();
        assert_eq!(retention.value, Value::Number(364.0), "{retention:?}");
        assert!(retention.detail.contains("do not count"), "{retention:?}");
        std::fs::remove_file(root.join("etc/logrotate.d/rsyslog")).unwrap();
    }
    // A drop-in wins over journald.conf (last file by name).
    put(
        root,
        "/etc/systemd/journald.conf",
        "[Journal]\nStorage=volatile\n",
    );
    put(
        root,
        "/etc/systemd/journald.conf.d/50-keep.conf",
        "[Journal]\nStorage=persistent\n",
    );
    let retention = get(&read(root, Lang::En), "log.retention_days").clone();
    assert_eq!(retention.value, Value::Number(400.0), "{retention:?}");
    // auto without /var/log/journal: volatile (no file to count, nothing persistent).
    std::fs::remove_dir_all(root.join("etc/systemd/journald.conf.d")).unwrap();
    std::fs::remove_dir_all(root.join("var/log/journal")).unwrap();
    put(
        root,
        "/etc/systemd/journald.conf",
        "[Journal]\nStorage=auto\n",
    );
    let report = read(root, Lang::En);
    assert_eq!(get(&report, "log.persistent").value, Value::Bool(false));
    assert_eq!(get(&report, "log.retention_days").status, Status::Unknown);
}

#[test]
fn an_unrecognised_permit_root_login_is_unknown() {
    let dir = tempfile::tempdir().unwrap();
    put(
        dir.path(),
        "/etc/ssh/sshd_config",
        "PermitRootLogin maybe\n",
    );
    let report = read(dir.path(), Lang::En);
    check_shape(&report);
    for key in ["ssh.root_login", "ssh.root_login_mode"] {
        let fact = get(&report, key);
        assert_eq!(
            (&fact.value, fact.status),
            (&Value::Null, Status::Unknown),
            "{fact:?}"
        );
        assert!(fact.detail.contains("\"maybe\""), "{fact:?}");
    }
}

/// A root with odd files where files are expected: directories, a loop of links.
fn unreadable_files(root: &Path) {
    for dir in [
        "etc/passwd",
        "etc/os-release",
        "etc/ssh/sshd_config",
        "proc/net/tcp",
        "proc/uptime",
        "proc/self/mountinfo",
        "var/log/apt/history.log",
    ] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
    }
    link(root, "/etc/pam.d", "/etc/pam.d");
}

/// Builds a fake machine under a root.
type Fixture = fn(&Path);

/// Every fixture of this file, to check what holds for any machine.
fn fixtures() -> Vec<(&'static str, Fixture)> {
    vec![
        ("debian 12", |root: &Path| {
            debian12(root);
        }),
        ("rocky 9", rocky9),
        ("bare container", bare_container),
        ("empty", |_: &Path| {}),
        ("unreadable files", unreadable_files),
    ]
}

/// English words that never belong in a French detail (nor hide inside French words).
/// Configuration words (`PasswordAuthentication no`) and « quoted » messages are allowed.
const ENGLISH: &[&str] = &[
    " the ",
    " is ",
    " not ",
    "could not",
    "cannot",
    "missing",
    "readable",
    "found",
    "expected",
    "default)",
    "failed",
    "denied",
    "directory",
    "symbolic",
    "without",
];

fn english_outside_quotes(text: &str) -> Option<&'static str> {
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '«' => depth += 1,
            '»' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    ENGLISH.iter().copied().find(|word| plain.contains(word))
}

/// `source` says where a value came from, the same in every language: the same facts collected
/// with `--lang fr` and `--lang en` have the same sources, and every detail is in the language
/// asked.
#[test]
fn sources_are_language_neutral_and_details_french_in_french() {
    for (name, build) in fixtures() {
        let dir = tempfile::tempdir().unwrap();
        build(dir.path());
        let fr = read(dir.path(), Lang::Fr);
        let en = read(dir.path(), Lang::En);
        let sources = |report: &FactReport| -> Vec<(String, String)> {
            report
                .facts
                .iter()
                .map(|f| (f.key.clone(), f.source.clone()))
                .collect()
        };
        assert_eq!(sources(&fr), sources(&en), "{name}");
        assert_eq!(fr.host, en.host, "{name}");
        for fact in &fr.facts {
            if let Some(word) = english_outside_quotes(&fact.detail) {
                panic!("{name}: English ({word:?}) in a French detail: {fact:?}");
            }
        }
    }
    // The end-of-life table is named the same way in both.
    let dir = tempfile::tempdir().unwrap();
    debian12(dir.path());
    assert_eq!(
        get(&read(dir.path(), Lang::En), "os.supported").source,
        "/etc/os-release + posture eol-table"
    );
}

/// A file that cannot be read gives the reason of its `unknown`, in the UI language.
#[test]
fn unreadable_files_give_their_reason_in_the_ui_language() {
    let dir = tempfile::tempdir().unwrap();
    unreadable_files(dir.path());
    let fr = read(dir.path(), Lang::Fr);
    let en = read(dir.path(), Lang::En);
    check_shape(&fr);
    for (key, path) in [
        ("accounts.uid0_extra", "/etc/passwd"),
        ("os.name", "/etc/os-release"),
        ("os.supported", "/etc/os-release"),
        ("ssh.password_auth", "/etc/ssh/sshd_config"),
        ("net.listening", "/proc/net/tcp"),
        ("host.uptime_days", "/proc/uptime"),
        ("disk.encrypted", "/proc/self/mountinfo"),
        ("patch.days_since_upgrade", "/var/log/apt/history.log"),
    ] {
        let fact = get(&fr, key);
        assert_eq!(fact.status, Status::Unknown, "{fact:?}");
        assert!(
            fact.detail
                .contains(&format!("{path} : illisible (c'est un dossier)")),
            "{fact:?}"
        );
        let fact = get(&en, key);
        assert!(
            fact.detail
                .contains(&format!("{path}: cannot be read (it is a directory)")),
            "{fact:?}"
        );
    }
    for key in ["auth.lockout", "auth.mfa_pam"] {
        let fact = get(&fr, key);
        assert_eq!(fact.status, Status::Unknown, "{fact:?}");
        assert!(
            fact.detail
                .contains("/etc/pam.d : illisible (trop de liens symboliques"),
            "{fact:?}"
        );
    }
}

/// Without `/etc/os-release`, an unreadable `/usr/lib/os-release` is the file the `os.*`
/// facts name, in their source and in their reason — not `/etc/os-release`.
#[test]
fn an_unreadable_usr_lib_os_release_is_the_file_named() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("usr/lib/os-release")).unwrap();
    let report = read(dir.path(), Lang::En);
    for key in ["os.name", "os.version", "os.supported", "os.eol_date"] {
        let fact = get(&report, key);
        assert_eq!(fact.status, Status::Unknown, "{fact:?}");
        assert_eq!(fact.source, "/usr/lib/os-release", "{fact:?}");
        assert!(
            fact.detail
                .contains("/usr/lib/os-release: cannot be read (it is a directory)"),
            "{fact:?}"
        );
        assert!(!fact.detail.contains("/etc/os-release"), "{fact:?}");
    }
}

/// A machine with no `/etc/hostname` is still named: `DIR/proc/sys/kernel/hostname`, then
/// `machine-` and the start of its machine id, then `unnamed-host` — never an empty name.
#[test]
fn a_machine_without_a_host_name_is_still_named() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    assert_eq!(read(root, Lang::Fr).host, "unnamed-host");
    put(
        root,
        "/etc/machine-id",
        "0F1e2d3c4b5a69788796a5b4c3d2e1f0\n",
    );
    assert_eq!(read(root, Lang::Fr).host, "machine-0f1e2d3c4b5a");
    put(root, "/proc/sys/kernel/hostname", "kernel-name\n");
    assert_eq!(read(root, Lang::En).host, "kernel-name");
    // An empty or commented /etc/hostname does not count; its first name line does.
    put(root, "/etc/hostname", "\n# set by the installer\n\n");
    assert_eq!(read(root, Lang::En).host, "kernel-name");
    put(
        root,
        "/etc/hostname",
        "# set by the installer\n  secretariat-pc \n",
    );
    assert_eq!(read(root, Lang::En).host, "secretariat-pc");
    // Garbage is not a name.
    put(root, "/etc/hostname", "\u{0}\u{1}bad name\n");
    put(root, "/proc/sys/kernel/hostname", "(none)\n");
    assert_eq!(read(root, Lang::En).host, "machine-0f1e2d3c4b5a");
}

/// Package logs without any upgrade only give a lower bound of the delay: it cannot prove the
/// charter's 8 days (`warn`, never `ok`), but it does prove a delay beyond them.
#[test]
fn a_lower_bound_of_the_upgrade_delay_is_never_ok() {
    for (days, status) in [(2, Status::Warn), (20, Status::Warn), (40, Status::Fail)] {
        let dir = tempfile::tempdir().unwrap();
        let when = (Utc::now() - Duration::days(days)).with_timezone(&Local);
        let stamp = when.format("%Y-%m-%d  %H:%M:%S");
        put(
            dir.path(),
            "/var/log/apt/history.log",
            format!(
                "\nStart-Date: {stamp}\nCommandline: apt-get install vim\nInstall: vim:amd64 (2:9.0.1378-2)\nEnd-Date: {stamp}\n"
            ),
        );
        for lang in [Lang::Fr, Lang::En] {
            let report = read(dir.path(), lang);
            let fact = get(&report, "patch.days_since_upgrade");
            let value = Value::Number(days as f64);
            assert_eq!((&fact.value, fact.status), (&value, status), "{fact:?}");
            assert!(
                fact.detail
                    .contains(lang.pick("un minimum", "a lower bound")),
                "{fact:?}"
            );
            assert_eq!(get(&report, "patch.last_upgrade").status, Status::Unknown);
        }
    }
}

/// An empty or garbage `/proc/net/tcp` says nothing about the sockets: `unknown`, not "no
/// socket". The kernel's header with no entry is a machine with nothing listening: `ok`.
#[test]
fn empty_or_garbage_proc_net_is_unknown_not_safe() {
    for (content, expected) in [
        ("", Status::Unknown),
        ("\n\n", Status::Unknown),
        ("garbage\nmore garbage 0A\n", Status::Unknown),
        ("\u{0}\u{1}\u{2}", Status::Unknown),
        (
            "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n",
            Status::Ok,
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        for file in ["tcp", "tcp6", "udp", "udp6"] {
            put(dir.path(), &format!("/proc/net/{file}"), content);
        }
        for lang in [Lang::Fr, Lang::En] {
            let report = read(dir.path(), lang);
            for key in ["net.listening", "net.admin_exposed"] {
                let fact = get(&report, key);
                assert_eq!(fact.status, expected, "{content:?}: {fact:?}");
                if expected == Status::Unknown {
                    assert_eq!(fact.value, Value::Null);
                    assert!(
                        fact.detail
                            .contains(lang.pick("/proc/net/tcp : ", "/proc/net/tcp: ")),
                        "{fact:?}"
                    );
                } else {
                    assert_eq!(fact.value, Value::List(Vec::new()));
                }
            }
        }
    }
    // One good file is enough; the garbage one is named in the detail.
    let dir = tempfile::tempdir().unwrap();
    put(
        dir.path(),
        "/proc/net/tcp",
        proc_net_tcp(&[([0, 0, 0, 0], 22)]),
    );
    put(dir.path(), "/proc/net/udp", "garbage");
    let report = read(dir.path(), Lang::En);
    let exposed = get(&report, "net.admin_exposed");
    assert_eq!(exposed.status, Status::Fail, "{exposed:?}");
    assert!(
        exposed
            .detail
            .contains("/proc/net/udp: unrecognised content"),
        "{exposed:?}"
    );
    assert_eq!(exposed.source, "/proc/net/tcp");
}

/// `Include` loops are followed once and said; a file read twice is one source.
#[test]
fn sshd_config_include_loops_are_bounded_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    put(
        dir.path(),
        "/etc/ssh/sshd_config",
        "Include /etc/ssh/sshd_config\nInclude sshd_config.d/*.conf\nPasswordAuthentication no\n",
    );
    // A loop through another file, and a file included twice.
    put(
        dir.path(),
        "/etc/ssh/sshd_config.d/a.conf",
        "Include /etc/ssh/sshd_config.d/b.conf\nInclude /etc/ssh/sshd_config.d/b.conf\n",
    );
    put(
        dir.path(),
        "/etc/ssh/sshd_config.d/b.conf",
        "Include /etc/ssh/sshd_config.d/a.conf\nPermitRootLogin no\n",
    );
    for lang in [Lang::Fr, Lang::En] {
        let report = read(dir.path(), lang);
        for key in ["ssh.password_auth", "ssh.root_login", "ssh.mfa"] {
            let fact = get(&report, key);
            assert_eq!(
                fact.source,
                "/etc/ssh/sshd_config, /etc/ssh/sshd_config.d/a.conf, /etc/ssh/sshd_config.d/b.conf",
                "{fact:?}"
            );
        }
        let password = get(&report, "ssh.password_auth");
        assert_eq!(password.value, Value::Bool(false));
        assert!(
            password
                .detail
                .contains(lang.pick("Include en boucle", "Include loop")),
            "{password:?}"
        );
        assert!(
            password.detail.contains("/etc/ssh/sshd_config.d/a.conf"),
            "{password:?}"
        );
        assert_eq!(get(&report, "ssh.root_login").value, Value::Bool(false));
    }
}
