#!/usr/bin/env bash
# Time and coverage of `posture agent collect` against Lynis on this machine.
#
# Targets of the issue: collection ≤ 1 s, at least 50× faster than `lynis audit system --quick`.
#
# What it does:
#   1. builds posture in release mode (SKIP_BUILD=1 to reuse target/release/posture);
#   2. runs `posture agent collect --format json` RUNS times (10 by default) and keeps the last
#      report;
#   3. runs `lynis audit system --quick` LYNIS_RUNS times (1 by default; Lynis is installed with
#      apt-get when missing), with its report written to a temporary file;
#   4. prints both times, the ratio, whether the targets are met, and a table of the machine
#      facts: what posture read (status and value) and what Lynis's report gives for the same
#      question — the matching report keys or test ids found in this run, "not in this run" when
#      Lynis has a test but wrote nothing for it here, or "no equivalent" when Lynis has none.
#
# Usage: bench/agent-vs-lynis.sh            (e.g. RUNS=20 LYNIS_RUNS=2 bench/agent-vs-lynis.sh)
# Needs: cargo, python3, lynis (apt-get install lynis). Run as root for the fullest view of both
# tools (sshd -T, loaded firewall rules); as a user both see less.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS="${RUNS:-10}"
LYNIS_RUNS="${LYNIS_RUNS:-1}"
TIME_TARGET_S=1
RATIO_TARGET=50

if ! command -v lynis >/dev/null 2>&1 && [ ! -x /usr/sbin/lynis ]; then
    echo "installing lynis…" >&2
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq >&2 && apt-get install -y -qq lynis >&2
    else
        sudo apt-get update -qq >&2 && sudo apt-get install -y -qq lynis >&2
    fi
fi
LYNIS="$(command -v lynis || echo /usr/sbin/lynis)"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "building posture (release)…" >&2
    cargo build --release --quiet --bin posture
fi
POSTURE=target/release/posture

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

now_ns() { date +%s%N; }

echo "posture agent collect: $RUNS runs…" >&2
: >"$WORK/posture.times"
for _ in $(seq "$RUNS"); do
    start=$(now_ns)
    "$POSTURE" --lang en agent collect --format json >"$WORK/posture.json"
    end=$(now_ns)
    echo $(((end - start) / 1000)) >>"$WORK/posture.times"
done

echo "lynis audit system --quick: $LYNIS_RUNS run(s) (a minute or more each)…" >&2
: >"$WORK/lynis.times"
for _ in $(seq "$LYNIS_RUNS"); do
    start=$(now_ns)
    "$LYNIS" audit system --quick --no-colors --no-log \
        --report-file "$WORK/lynis-report.dat" >"$WORK/lynis.out" 2>&1 || true
    end=$(now_ns)
    echo $(((end - start) / 1000)) >>"$WORK/lynis.times"
done
LYNIS_VERSION="$("$LYNIS" --version 2>/dev/null | head -n 1)"

python3 - "$WORK" "$TIME_TARGET_S" "$RATIO_TARGET" "$LYNIS_VERSION" "$(id -u)" <<'EOF'
import json, statistics, sys

work, time_target, ratio_target, lynis_version, uid = sys.argv[1:6]
time_target, ratio_target = float(time_target), float(ratio_target)
posture = [int(x) / 1e6 for x in open(f"{work}/posture.times").read().split()]
lynis = [int(x) / 1e6 for x in open(f"{work}/lynis.times").read().split()]
report = json.load(open(f"{work}/posture.json"))
try:
    lines = open(f"{work}/lynis-report.dat", errors="replace").read().splitlines()
except OSError:
    lines = []

p_med, l_mean = statistics.median(posture), statistics.mean(lynis)
ratio = l_mean / p_med if p_med else float("inf")
print(f"machine: {report['host']}  root: {report['root']}  container: {report['container']}  (uid {uid})")
print(f"posture agent collect --format json : {len(posture)} runs, median {p_med:.3f} s "
      f"(min {min(posture):.3f}, max {max(posture):.3f})")
print(f"lynis audit system --quick ({lynis_version}) : {len(lynis)} run(s), mean {l_mean:.1f} s")
print(f"ratio lynis / posture : {ratio:.0f}x")
print(f"target ≤ {time_target:g} s : {'met' if p_med <= time_target else 'NOT met'}; "
      f"target ≥ {ratio_target:g}x : {'met' if ratio >= ratio_target else 'NOT met'}")
print()

# For each posture fact: the Lynis report keys or test ids that answer the same question.
# Empty list: Lynis has no equivalent. Keys ending in [] are repeated lines; "TEST-ID" matches a
# warning[]/suggestion[]/details[] line of that test.
LYNIS = {
    "os.name": ["os_name"],
    "os.version": ["os_version"],
    "os.kernel": ["os_kernel_version_full"],
    "host.uptime_days": ["uptime_in_days"],
    "os.supported": ["GEN-0010"],  # a warning only once past EOL, from its own table
    "os.eol_date": [],
    "patch.last_upgrade": [],
    "patch.days_since_upgrade": [],
    "patch.auto_updates": ["unattended_upgrade_tool[]", "unattended_upgrade_option_available", "PKGS-7420"],
    "patch.reboot_required": ["KRNL-5830"],
    "patch.pending_security": ["vulnerable_packages_found", "vulnerable_package[]", "upgrade_available_count"],
    "net.listening": ["network_listen[]", "network_listen_port[]"],
    "net.admin_exposed": [],
    "ssh.password_auth": ["SSH-7408:PasswordAuthentication"],
    "ssh.root_login": ["SSH-7408:PermitRootLogin"],
    "ssh.root_login_mode": ["SSH-7408:PermitRootLogin"],
    "ssh.mfa": [],
    "fw.active": ["firewall_active", "firewall_empty_ruleset"],
    "disk.encrypted": ["encryption[]", "CRYP-7930"],
    "auth.lockout": ["auth_failed_logins_tooling[]"],
    "auth.password_minlen": ["pam_pwquality", "pam_cracklib", "AUTH-9262"],  # module presence only
    "auth.mfa_pam": ["pam_module[]"],  # raw module list, no judgement
    "accounts.uid0_extra": ["user_with_uid_zero[]", "AUTH-9204"],
    "accounts.generic": [],
    "av.present": ["malware_scanner_installed", "malware_scanner[]"],
    "av.signatures_age_days": [],
    "log.persistent": ["syslog_daemon_present", "syslog_daemon[]"],
    "log.retention_days": ["log_rotation_config_found"],  # a rotation config, no duration
    "time.synced": ["ntp_daemon_running", "ntp_config_found"],
    "screen.lock": ["session_timeout_enabled"],  # TMOUT only, no desktop lock
    "backup.tools": [],
}

def lynis_answer(keys):
    if not keys:
        return "no equivalent"
    found = []
    for key in keys:
        if ":" in key:  # a details[] line of a test, for one option
            test, option = key.split(":", 1)
            hits = [l for l in lines if l.startswith(f"details[]={test}|") and option.lower() in l.lower()]
            found += [h.split("|")[-2][:50] if h.count("|") >= 2 else h[:50] for h in hits[:1]]
        elif "-" in key and key.split("-")[0].isupper():  # a test id
            hits = [l for l in lines if f"={key}|" in l]
            found += [f"{key} ({h.split('=')[0]})" for h in hits[:1]]
        else:
            hits = [l for l in lines if l.startswith(key + "=")]
            if key.endswith("[]"):
                if hits:
                    found.append(f"{key} ×{len(hits)}")
            elif hits:
                found.append(hits[0][:50])
    return ", ".join(found) if found else "not in this run (" + ", ".join(keys) + ")"

def show(value):
    if value is None:
        return "—"
    if isinstance(value, list):
        text = ", ".join(value) if value else "[]"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value).lower() if isinstance(value, bool) else str(value)
    return text if len(text) <= 38 else text[:37] + "…"

rows = [("fact", "posture", "lynis")]
posture_answers = lynis_answers = 0
for fact in report["facts"]:
    key = fact["key"]
    ours = f"{fact['status']}: {show(fact['value'])}"
    theirs = lynis_answer(LYNIS.get(key, []))
    posture_answers += fact["status"] != "unknown"
    lynis_answers += not (theirs.startswith("no equivalent") or theirs.startswith("not in this run"))
    rows.append((key, ours, theirs))
widths = [max(len(r[i]) for r in rows) for i in range(3)]
for i, row in enumerate(rows):
    print("  ".join(cell.ljust(widths[j]) for j, cell in enumerate(row)).rstrip())
    if i == 0:
        print("  ".join("-" * w for w in widths))
print()
NOTES = {
    "fw.active": "Lynis sets firewall_active=1 when iptables kernel modules are loaded (lsmod, "
                 "/proc/net/ip_tables_names), even with no rule; posture only counts rules that "
                 "filter input (loaded, as root) or ufw/firewalld/saved rules enabled at boot.",
    "auth.lockout": "Lynis's auth_failed_logins_tooling[] says failed logins are *logged* "
                    "(FAILLOG_ENAB in login.defs, pam_faillock on disk), not that accounts lock.",
    "patch.pending_security": "Lynis first runs apt-get update (network, rewrites "
                              "/var/lib/apt/lists) then counts apt-get -s upgrade lines from a "
                              "security suite; posture never touches the network and compares "
                              "dpkg's versions with the security lists already on disk (it also "
                              "counts a security fix superseded by a newer point release).",
    "os.supported": "Lynis warns (GEN-0010) only once past end of life, from its own table "
                    "(software-eol.db, no date in the report); posture gives the date and warns "
                    "180 days ahead and in reduced-support phases.",
    "patch.days_since_upgrade": "Lynis has no patch-delay test (the charter's 8 days).",
    "log.retention_days": "Lynis checks that logrotate is configured, not how long logs are kept.",
    "screen.lock": "Lynis checks TMOUT only (no desktop lock).",
}
for key, note in NOTES.items():
    print(f"- {key}: {note}")
print()
total = len(report["facts"])
print(f"facts answered on this machine: posture {posture_answers}/{total} (the rest unknown, with the reason), "
      f"lynis {lynis_answers}/{total}; lynis has no equivalent at all for "
      f"{sum(1 for k in LYNIS.values() if not k)} of them")
EOF
