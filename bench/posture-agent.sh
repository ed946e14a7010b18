#!/usr/bin/env bash
# posture-agent's figures (docs/benchmarks.md, "posture-agent"): the sizes of the two cross
# builds, and the collection time on this Linux machine — the median of RUNS runs of
# `posture-agent collect --format json` (the static musl build, output thrown away).
# Usage: bench/posture-agent.sh [RUNS]   (default 21; builds what is missing first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
windows=target/x86_64-pc-windows-gnu/release/posture-agent.exe
musl=target/x86_64-unknown-linux-musl/release/posture-agent
[ -f "$windows" ] || cargo build --release --target x86_64-pc-windows-gnu -p agent --bin posture-agent
[ -f "$musl" ] || cargo build --release --target x86_64-unknown-linux-musl -p agent --bin posture-agent

size() { stat -c %s "$1"; }
printf '| binary | bytes | MB |\n|---|---|---|\n'
for f in "$windows" "$musl"; do
  printf '| `%s` | %s | %.2f |\n' "$f" "$(size "$f")" "$(echo "$(size "$f") / 1048576" | bc -l)"
done

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --warmup 2 --runs "$runs" "$musl collect --format json"
  exit 0
fi
times=()
"$musl" collect --format json >/dev/null   # warm the page cache
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$musl" collect --format json >/dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
printf '\ncollect --format json, %s runs: median %s ms (min %s, max %s)\n' \
  "$runs" "${sorted[$((runs / 2))]}" "${sorted[0]}" "${sorted[$((runs - 1))]}"
