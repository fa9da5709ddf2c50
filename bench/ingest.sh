#!/usr/bin/env bash
# bench/ingest.sh — what storing costs: `annalist ingest` into a new store against
# `annalist code` alone on the same input, with the same dictionaries and threads. Each is
# run ROUNDS times, interleaved; the median wall times are compared (the target: ingest
# takes at most 2x the time of code, i.e. storing costs at most half the coding speed).
#
#   bench/ingest.sh [--record] [ANNALIST [INPUT]]
#     ANNALIST  the program (default build/annalist)
#     INPUT     the documents (default ../shared/data/corpora/reuters21578.jsonl.zst)
#     --record  append the figures as a dated section to bench/RESULTS.md
#   Environment: ROUNDS (default 5), THREADS (default nproc), DICTS (--dict options; default:
#   the TABARI CAMEO verbs with the Phoenix actors and agents from ../shared/data when present,
#   else the bundled dictionaries).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
record=0
if [ "${1:-}" = --record ]; then
    record=1
    shift
fi
A=${1:-$root/build/annalist}
shared=$root/../shared/data
INPUT=${2:-$shared/corpora/reuters21578.jsonl.zst}
ROUNDS=${ROUNDS:-5}
THREADS=${THREADS:-$(nproc)}
if [ -z "${DICTS+x}" ]; then
    if [ -d "$shared/dictionaries" ]; then
        DICTS="--dict $shared/dictionaries/tabari-cameo/CAMEO.091003.master.verbs"
        DICTS="$DICTS --dict $shared/dictionaries/petrarch2-phoenix/Phoenix.Countries.actors.txt"
        DICTS="$DICTS --dict $shared/dictionaries/petrarch2-phoenix/Phoenix.agents.txt"
    else
        DICTS=""
    fi
fi
[ -x "$A" ] || { echo "bench/ingest.sh: no program at $A (make build first)" >&2; exit 1; }
[ -r "$INPUT" ] || { echo "bench/ingest.sh: cannot read $INPUT" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/annalist-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# run NAME CMD... : appends "wall user+sys" of one run to $work/NAME.
run() {
    local name=$1
    shift
    /usr/bin/time -f "%e %U %S" -o "$work/t" "$@" >/dev/null 2>"$work/err" || [ $? = 1 ] || {
        tail -n 3 "$work/err" >&2
        exit 1
    }
    tail -n 1 "$work/t" | awk '{ printf "%s %.2f\n", $1, $2 + $3 }' >>"$work/$name"
}

load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
# shellcheck disable=SC2086 # DICTS is a list of options
for r in $(seq "$ROUNDS"); do
    run code "$A" code --threads "$THREADS" $DICTS "$INPUT"
    rm -f "$work/s.db" "$work/s.db-wal" "$work/s.db-shm"
    run ingest "$A" ingest --quiet --no-progress --threads "$THREADS" --db "$work/s.db" $DICTS "$INPUT"
    echo "round $r: code $(tail -n 1 "$work/code") s, ingest $(tail -n 1 "$work/ingest") s (wall, cpu)" >&2
done
# shellcheck disable=SC2086
"$A" ingest --quiet --no-progress --threads "$THREADS" --db "$work/s.db" $DICTS "$INPUT" >/dev/null 2>&1 || true
counts=$("$A" query --db "$work/s.db" --summary --json)
size=$(du -k "$work/s.db" | cut -f1)

# The median of the rounds (by wall time): on a shared machine single runs vary a lot.
median() { sort -n "$1" | awk '{ v[NR] = $0 } END { print v[int((NR + 1) / 2)] }'; }
best() { sort -n "$1" | head -n 1; }
code_med=$(median "$work/code")
ingest_med=$(median "$work/ingest")
ratio=$(echo "$code_med $ingest_med" | awk '{ printf "%.2f", $3 / $1 }')
cpu_ratio=$(echo "$code_med $ingest_med" | awk '{ printf "%.2f", $4 / $2 }')
best_ratio=$(echo "$(best "$work/code") $(best "$work/ingest")" | awk '{ printf "%.2f", $3 / $1 }')
verdict=$(awk -v r="$ratio" 'BEGIN { print (r <= 2.0) ? "within" : "OVER" }')

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$root" status --porcelain 2>/dev/null | grep -q . && echo " (with uncommitted changes)" || true)
dicts_shown=${DICTS//$shared/../shared/data}
dicts_shown=${dicts_shown//--dict /}
section=$(cat <<EOF

## $(date -u +%Y-%m-%d) ingest vs code (bench/ingest.sh)
- machine: $(nproc) cores, $(uname -m); commit $commit$dirty; load average before: $load
- input: $(basename "$INPUT"); dictionaries: ${dicts_shown:-bundled}; threads: $THREADS; $ROUNDS rounds
- command: \`bench/ingest.sh\` (ingest: \`annalist ingest --threads $THREADS --db NEW.db DICTS INPUT\`;
  code: \`annalist code --threads $THREADS DICTS INPUT >/dev/null\`)
- median of the rounds: code ${code_med% *} s wall (${code_med#* } s cpu); ingest into a new store ${ingest_med% *} s wall (${ingest_med#* } s cpu)
- ratio ingest/code: **$ratio** wall, $cpu_ratio cpu ($verdict the 2.0 limit); best round against best round: $best_ratio
- store: $counts, ${size} KiB
- all rounds (wall cpu): code $(tr '\n' ';' <"$work/code") ingest $(tr '\n' ';' <"$work/ingest")
EOF
)
echo "$section"
if [ $record = 1 ]; then
    [ -f "$here/RESULTS.md" ] || printf '# Benchmark results\n' >"$here/RESULTS.md"
    echo "$section" >>"$here/RESULTS.md"
    echo "appended to bench/RESULTS.md" >&2
fi
