#!/usr/bin/env bash
# Peak memory and time to first frame of the real `posture audit`, in a real terminal (tmux),
# on a 300-control catalog with a half-answered session of its `complet` profile.
#
# Targets of the issue: peak memory ≤ 30 MB, time to first frame ≤ 100 ms.
#
# What it does:
#   1. builds posture in release mode;
#   2. has the TUI benchmark (questionnaire/benches/tui.rs) write its generated catalog and
#      session into a temporary directory (POSTURE_BENCH_DIR, POSTURE_BENCH_WRITE_ONLY);
#   3. starts `posture audit` in a detached tmux session (120x40) under `/usr/bin/time -v`,
#      RUNS times: each time it measures the wall time from starting the tmux session to the
#      first complete frame on screen, and the same for a shell that only prints a line (what
#      tmux, sh and time cost by themselves);
#   4. in the last run, drives the audit (answers, cursor, note with accents, summary, search)
#      and quits with `q`;
#   5. prints the peak RSS ("Maximum resident set size") of each run and the first-frame times.
#
# Usage: bench/tui-memory.sh            (RUNS=5 by default; e.g. RUNS=10 bench/tui-memory.sh)
# Needs: cargo, tmux, GNU time (/usr/bin/time), python3 — tmux and time are installed with
# apt-get when missing.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS="${RUNS:-5}"
MEMORY_TARGET_MB=30
FIRST_FRAME_TARGET_MS=100

need_package() { # command package
    if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "$1" ]; then
        echo "installing $2…" >&2
        if [ "$(id -u)" -eq 0 ]; then
            apt-get update -qq >&2 && apt-get install -y -qq "$2" >&2
        else
            sudo apt-get update -qq >&2 && sudo apt-get install -y -qq "$2" >&2
        fi
    fi
}
need_package tmux tmux
need_package /usr/bin/time time
command -v python3 >/dev/null || need_package python3 python3

work="$(mktemp -d)"
socket="$work/tmux.sock"
tmux_() { LANG=C.UTF-8 tmux -u -f /dev/null -S "$socket" "$@"; }
cleanup() {
    tmux_ kill-server >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

echo "building posture (release)…" >&2
cargo build --release --quiet --bin posture
posture="$PWD/target/release/posture"

echo "writing the 300-control catalog and the session…" >&2
POSTURE_BENCH_DIR="$work" POSTURE_BENCH_WRITE_ONLY=1 \
    cargo bench --quiet -p questionnaire --bench tui >/dev/null
test -f "$work/catalog/catalog.toml" && test -f "$work/session.toml"
cp "$work/session.toml" "$work/session.orig.toml"

now_ns() { date +%s%N; }

# Waits until the screen of tmux session $1 contains $2 (fixed string); fails after 10 s.
wait_for() {
    local deadline=$(($(now_ns) + 10000000000))
    until tmux_ capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$2"; do
        if [ "$(now_ns)" -gt "$deadline" ]; then
            echo "timed out waiting for \"$2\" in $1; the screen shows:" >&2
            tmux_ capture-pane -p -t "$1" >&2 || true
            exit 1
        fi
        sleep 0.002
    done
}

keys() { tmux_ send-keys -t "$1" "${@:2}"; sleep 0.1; }

# The footer is the last row drawn: once it is on screen, the whole first frame is.
first_frame_marker="q quitter"

results="$work/results.txt"
: >"$results"
for run in $(seq 1 "$RUNS"); do
    cp "$work/session.orig.toml" "$work/session.toml"

    # What tmux, sh and time take to show a line, without posture.
    start=$(now_ns)
    tmux_ new-session -d -s "base$run" -x 120 -y 40 -e LANG=C.UTF-8 -c "$work" -- \
        sh -c "/usr/bin/time -v -o /dev/null sh -c 'echo READY'; sleep 60"
    wait_for "base$run" READY
    baseline_ms=$((($(now_ns) - start) / 1000000))
    tmux_ kill-session -t "base$run"

    start=$(now_ns)
    tmux_ new-session -d -s "run$run" -x 120 -y 40 -e LANG=C.UTF-8 -c "$work" -- \
        sh -c "/usr/bin/time -v -o '$work/time$run.txt' '$posture' audit '$work/session.toml' --lang fr; echo EXITED:\$?; sleep 60"
    wait_for "run$run" "$first_frame_marker"
    first_frame_ms=$((($(now_ns) - start) / 1000000))

    if [ "$run" -eq "$RUNS" ]; then
        # A few minutes of meeting: answers, cursor, a note, the summary, a search.
        for key in 2 3 1 Down Down Up 4 Right Left; do keys "run$run" "$key"; done
        keys "run$run" n
        keys "run$run" -l "Vérifié à l'accueil : écran verrouillé, procédure écrite montrée"
        keys "run$run" Escape
        keys "run$run" r
        keys "run$run" Down
        keys "run$run" Escape
        keys "run$run" /
        keys "run$run" -l "sauvegarde"
        keys "run$run" Enter
        keys "run$run" 5
    fi
    keys "run$run" q
    wait_for "run$run" "EXITED:"
    if ! tmux_ capture-pane -p -t "run$run" | grep -qF "EXITED:0"; then
        echo "posture did not exit with status 0:" >&2
        tmux_ capture-pane -p -t "run$run" >&2
        exit 1
    fi
    tmux_ kill-session -t "run$run"
    peak_kb=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$work/time$run.txt")
    echo "$run $first_frame_ms $baseline_ms $peak_kb" >>"$results"
done

# The keys of the last run reached posture: answers were added and the note saved.
before=$(grep -c '^\[answers\.' "$work/session.orig.toml")
after=$(grep -c '^\[answers\.' "$work/session.toml")
if [ "$after" -le "$before" ] || ! grep -qF "procédure écrite montrée" "$work/session.toml"; then
    echo "the keys sent in the last run did not reach posture ($before answers before, $after after)" >&2
    exit 1
fi
echo "last run: $before answers before, $after after, note saved" >&2

controls=$(grep -c '^\[\[controls\]\]' "$work"/catalog/*.toml | awk -F: '{ s += $2 } END { print s }')
python3 - "$results" "$RUNS" "$controls" "$MEMORY_TARGET_MB" "$FIRST_FRAME_TARGET_MS" <<'PY'
import statistics, sys

path, runs, controls, memory_target, frame_target = sys.argv[1:]
rows = [list(map(int, line.split())) for line in open(path)]
print(f"posture audit, release build, {controls}-control catalog, session half answered "
      f"(profile complet), tmux 120x40, {runs} run(s); keys sent in the last run\n")
print(f"{'run':>3}  {'first frame':>12}  {'tmux+sh baseline':>16}  {'difference':>10}  {'peak RSS':>9}")
for run, frame, base, peak in rows:
    print(f"{run:>3}  {frame:>9} ms  {base:>13} ms  {frame - base:>7} ms  {peak / 1024:>6.1f} MB")
frames = [r[1] for r in rows]
diffs = [r[1] - r[2] for r in rows]
peak = max(r[3] for r in rows) / 1024
print()
print(f"time to first frame as seen from tmux: median {statistics.median(frames):.0f} ms, "
      f"max {max(frames)} ms (minus the tmux+sh+time baseline: median "
      f"{statistics.median(diffs):.0f} ms) — target ≤ {frame_target} ms: "
      f"{'ok' if statistics.median(frames) <= int(frame_target) else 'OVER'}")
print(f"peak memory (Maximum resident set size): {peak:.1f} MB — target ≤ {memory_target} MB: "
      f"{'ok' if peak <= int(memory_target) else 'OVER'}")
PY
