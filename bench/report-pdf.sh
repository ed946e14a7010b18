#!/usr/bin/env bash
# Time to write the report of a complete session: HTML, PDF (typst, in-process), and, for
# comparison, headless Chromium printing the HTML to PDF.
#
# Targets of the issue, for a complete session (release): `posture report FILE --format html`
# ≤ 50 ms and `posture report FILE --format pdf` ≤ 1 s (mean of the runs, whole process: start,
# reading the catalog and the session, scoring, rendering, writing). The script exits with 1 when
# one is missed. The rendering alone is timed by `cargo bench -p reports --bench render` (divan).
#
# What it does:
#   1. builds posture in release mode;
#   2. makes a `complet` session with every question answered: `posture session new`, then
#      `posture answer` for each control of `posture catalog export --format json` (context
#      questions answered "oui" when they can be, so that every domain applies; the others cycle
#      through their options, with a note on one in three, as reports/benches/render.rs does);
#   3. times, RUNS times each (hyperfine when it is there, else a loop on `date +%s%N`):
#      (a) `posture report FILE --format html`, (b) `posture report FILE --format pdf`,
#      (c) `chromium --headless … --print-to-pdf` on the HTML of (a);
#   4. prints a table (mean, min, max in ms) and the sizes and page counts of the files.
#
# Usage: bench/report-pdf.sh              (RUNS=10 by default; e.g. RUNS=20 bench/report-pdf.sh)
#        NO_CHROMIUM=1 bench/report-pdf.sh   (skip (c))
# Needs: cargo, python3; hyperfine, chromium and poppler-utils (pdfinfo) are installed with
# apt-get when missing (as root, or through sudo).
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS="${RUNS:-10}"
HTML_TARGET_MS=50
PDF_TARGET_MS=1000

install_package() { # package
    echo "installing $1…" >&2
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq >&2 && apt-get install -y -qq "$1" >&2
    else
        sudo apt-get update -qq >&2 && sudo apt-get install -y -qq "$1" >&2
    fi
}
have() { command -v "$1" >/dev/null 2>&1; }

have python3 || install_package python3
have hyperfine || install_package hyperfine || echo "no hyperfine: timing with a shell loop" >&2
have pdfinfo || install_package poppler-utils || true
chromium_bin=""
if [ -z "${NO_CHROMIUM:-}" ]; then
    for candidate in chromium chromium-browser google-chrome; do
        if have "$candidate"; then chromium_bin="$candidate"; break; fi
    done
    if [ -z "$chromium_bin" ] && install_package chromium; then chromium_bin=chromium; fi
fi

echo "building posture (release)…" >&2
cargo build --release --quiet --bin posture
posture="$PWD/target/release/posture"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
session="$work/session.toml"

echo "making a complete session…" >&2
"$posture" session new --profile complet --org "CPTS Les Mureaux" --auditor "Alice Martin (SSI)" \
    --participant "Dr Gandon, présidente" --participant "M. Roux, chef de projet" \
    --sector "CPTS" --headcount 10-49 -o "$session" >/dev/null
"$posture" catalog export --format json >"$work/catalog.json"
python3 - "$work/catalog.json" >"$work/answers.tsv" <<'EOF'
import json, sys
catalog = json.load(open(sys.argv[1]))
profile = next(p for p in catalog["profiles"] if p["id"] == "complet")
index = 0
for control in catalog["controls"]:
    if not (profile["all"] or "complet" in control["profiles"]):
        continue
    options = [o["id"] for o in control["options"]]
    if control["context"]:
        choice = "oui" if "oui" in options else options[0]
    else:
        choice = options[(index * 3 + 1) % len(options)]
    note = f"Vu avec la direction et le prestataire ; preuve n° {index} classée au dossier" if index % 3 == 0 else ""
    print(f"{control['id']}\t{choice}\t{note}")
    index += 1
EOF
answered=0
while IFS=$'\t' read -r control choice note; do
    if [ -n "$note" ]; then
        "$posture" answer "$session" "$control" "$choice" --note "$note" >/dev/null 2>&1 && answered=$((answered + 1))
    else
        "$posture" answer "$session" "$control" "$choice" >/dev/null 2>&1 && answered=$((answered + 1))
    fi
done <"$work/answers.tsv"
echo "answered $answered of $(wc -l <"$work/answers.tsv") questions" >&2

html="$work/report.html"
pdf="$work/report.pdf"
chrome_pdf="$work/chromium.pdf"
cmd_html="'$posture' report '$session' --format html -o '$html'"
cmd_pdf="'$posture' report '$session' --format pdf -o '$pdf'"
eval "$cmd_html" >/dev/null && eval "$cmd_pdf" >/dev/null
names=("posture report --format html" "posture report --format pdf")
commands=("$cmd_html" "$cmd_pdf")
if [ -n "$chromium_bin" ]; then
    profile_dir="$work/chromium-profile"
    cmd_chrome="'$chromium_bin' --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir='$profile_dir' --print-to-pdf='$chrome_pdf' '$html' 2>/dev/null"
    names+=("chromium --headless --print-to-pdf (HTML)")
    commands+=("$cmd_chrome")
fi

results="$work/results.tsv"
: >"$results"
for i in "${!commands[@]}"; do
    name="${names[$i]}"
    command="${commands[$i]}"
    echo "timing: $name ($RUNS runs)…" >&2
    if have hyperfine; then
        hyperfine --style none --warmup 1 --runs "$RUNS" --export-json "$work/h.json" "$command" >&2
        python3 - "$work/h.json" "$name" >>"$results" <<'EOF'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"{sys.argv[2]}\t{r['mean']*1000:.0f}\t{r['min']*1000:.0f}\t{r['max']*1000:.0f}\t{len(r['times'])}")
EOF
    else
        eval "$command" >/dev/null
        times=()
        for _ in $(seq "$RUNS"); do
            start=$(date +%s%N)
            eval "$command" >/dev/null
            times+=($((($(date +%s%N) - start) / 1000000)))
        done
        printf '%s\n' "${times[@]}" | python3 -c "
import sys
t = [int(x) for x in sys.stdin]
print(f'$name\t{sum(t)/len(t):.0f}\t{min(t)}\t{max(t)}\t{len(t)}')" >>"$results"
    fi
done

pages() { if have pdfinfo; then pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; else echo "?"; fi; }
echo
echo "Report of a complete 'complet' session ($answered questions answered), $(nproc) cores, $RUNS runs each:"
echo
printf '| %-42s | %9s | %8s | %8s |\n' "command" "mean (ms)" "min (ms)" "max (ms)"
printf '|%s|%s|%s|%s|\n' "--------------------------------------------" "-----------" "----------" "----------"
while IFS=$'\t' read -r name mean min max _; do
    printf '| %-42s | %9s | %8s | %8s |\n' "$name" "$mean" "$min" "$max"
done <"$results"
echo
printf 'HTML: %s bytes\n' "$(wc -c <"$html")"
printf 'PDF (typst): %s bytes, %s pages\n' "$(wc -c <"$pdf")" "$(pages "$pdf")"
if [ -f "$chrome_pdf" ]; then
    printf 'PDF (chromium): %s bytes, %s pages\n' "$(wc -c <"$chrome_pdf")" "$(pages "$chrome_pdf")"
fi
chrome_mean=$(awk -F'\t' '$1 ~ /^chromium/ {print $2}' "$results")
pdf_mean=$(awk -F'\t' '$1 ~ /format pdf/ {print $2}' "$results")
if [ -n "$chrome_mean" ] && [ "${pdf_mean:-0}" -gt 0 ]; then
    python3 -c "print(f'typst in posture vs headless Chromium: {$chrome_mean / $pdf_mean:.1f} times faster')"
fi
echo "(shared machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
missed=0
check() { # name mean target
    if [ -z "$2" ]; then
        echo "$1 target (≤ $3 ms): not measured"
        missed=1
    elif [ "$2" -le "$3" ]; then
        echo "$1 target (≤ $3 ms): met ($2 ms)"
    else
        echo "$1 target (≤ $3 ms): NOT met ($2 ms)"
        missed=1
    fi
}
check HTML "$(awk -F'\t' '$1 ~ /format html/ {print $2}' "$results")" "$HTML_TARGET_MS"
check PDF "$pdf_mean" "$PDF_TARGET_MS"
exit "$missed"
