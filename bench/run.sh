#!/usr/bin/env bash
# bench/run.sh — coding throughput on the real news corpora, as ratios to a baseline run in
# the same session (`wc -w` over the same bytes: the cost of merely reading and splitting the
# text into words), so that figures from noisy machines can be compared.
#
#   bench/run.sh [--record] [ANNALIST]
#     ANNALIST  the program (default build/annalist)
#     --record  append the results as a dated section to bench/RESULTS.md
#   Environment: ROUNDS (default 3; the best wall time of the rounds is kept),
#   CORPORA (default: reuters21578 bbc-politics agnews-world-test from ../shared/data/corpora).
#
# For each corpus and dictionary set (bundled; PETRARCH-2 Phoenix actors and agents with the
# TABARI CAMEO verbs, when ../shared/data is present) it times `annalist code` with 1 thread
# and with all cores, and records sentences/s, MB/s, peak memory and the dictionary load time.
# The corpora are decompressed first, so the figures do not include zstd; a small corpus is
# repeated until it is at least 16 MB, so that start-up and timer resolution do not dominate.
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
ROUNDS=${ROUNDS:-3}
CORPORA=${CORPORA:-reuters21578 bbc-politics agnews-world-test}
cores=$(nproc)
[ -x "$A" ] || { echo "bench/run.sh: no program at $A (make build first)" >&2; exit 1; }
[ -d "$shared/corpora" ] || { echo "bench/run.sh: no corpora at $shared/corpora" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/annalist-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

phoenix=$shared/dictionaries/petrarch2-phoenix
dictsets="bundled"
if [ -d "$phoenix" ]; then dictsets="bundled phoenix"; fi
dict_opts() {
    case $1 in
    bundled) echo "--dict $root/data/dict/annalist.dictset" ;;
    phoenix) echo "--dict $shared/dictionaries/tabari-cameo/CAMEO.091003.master.verbs" \
        "--dict $phoenix/Phoenix.Countries.actors.txt --dict $phoenix/Phoenix.International.actors.txt" \
        "--dict $phoenix/Phoenix.MilNonState.actors.txt --dict $phoenix/Phoenix.agents.txt" \
        "--dict $phoenix/Phoenix.discards.txt --mode petrarch" ;;
    esac
}

# timed NAME CMD... : runs CMD ROUNDS times (stdout discarded, stderr kept in $work/NAME.err)
# and prints the best "wall_s peak_kib" line.
timed() {
    local name=$1 r
    shift
    : >"$work/$name.times"
    for r in $(seq "$ROUNDS"); do
        # exit status 1 is a reported input problem (such as an over-long sentence), not a failure
        /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>"$work/$name.err" || [ $? = 1 ] || {
            tail -n 3 "$work/$name.err" >&2
            exit 1
        }
        tail -n 1 "$work/t" >>"$work/$name.times"
    done
    sort -n "$work/$name.times" | head -n 1
}

stat_field() { sed -n 's/.*"'"$2"'":\([0-9.]*\).*/\1/p' "$work/$1.err" | tail -n 1; }

rows=""
for corpus in $CORPORA; do
    src=$shared/corpora/$corpus.jsonl.zst
    [ -r "$src" ] || { echo "bench/run.sh: cannot read $src" >&2; exit 1; }
    zstd -qdc "$src" >"$work/one.jsonl"
    copies=0
    : >"$work/$corpus.jsonl"
    while [ "$(wc -c <"$work/$corpus.jsonl")" -lt 16000000 ]; do
        cat "$work/one.jsonl" >>"$work/$corpus.jsonl"
        copies=$((copies + 1))
    done
    bytes=$(wc -c <"$work/$corpus.jsonl")
    read -r base_s _ < <(timed wc wc -w "$work/$corpus.jsonl")
    for ds in $dictsets; do
        for threads in 1 "$cores"; do
            [ "$threads" = 1 ] || [ "$cores" -gt 1 ] || continue
            name=$corpus-$ds-$threads
            # shellcheck disable=SC2046 # dict_opts is a list of options
            read -r wall kib < <(timed "$name" "$A" code --stats --threads "$threads" \
                $(dict_opts "$ds") "$work/$corpus.jsonl")
            sents=$(stat_field "$name" sentences)
            load=$(stat_field "$name" dict_load_ms)
            code_ms=$(stat_field "$name" code_ms)
            row=$(awk -v c="$corpus" -v n="$copies" -v d="$ds" -v t="$threads" -v w="$wall" \
                -v k="$kib" -v s="$sents" -v b="$bytes" -v l="$load" -v cm="$code_ms" \
                -v base="$base_s" 'BEGIN {
                    if (w <= 0) w = 0.01; if (base <= 0) base = 0.01; if (cm <= 0) cm = 1
                    printf "| %s ×%d | %s | %d | %d | %.2f | %.0f | %.0f | %.1f | %.0f | %.0f | %.1f |",
                        c, n, d, t, s, w, s / w, s / (cm / 1000), b / w / 1e6, k / 1024, l, w / base }')
            echo "$row" >&2
            rows="$rows$row
"
        done
    done
done

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git -C "$root" status --porcelain 2>/dev/null | grep -q . && echo " (with uncommitted changes)" || true)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
section=$(cat <<EOF

## $(date -u +%Y-%m-%d) coding throughput (bench/run.sh)
- machine: $cores cores ($cpu), load average before the run: $(cut -d' ' -f1-3 /proc/loadavg); commit $commit$dirty
- command: \`bench/run.sh\` — per row \`annalist code --stats --threads T DICTS CORPUS.jsonl >/dev/null\`,
  best wall time of $ROUNDS rounds; baseline \`wc -w CORPUS.jsonl\` in the same run;
  "coding sentences/s" leaves out start-up and dictionary loading (\`--stats\` code_ms)
- dictionaries: bundled = \`data/dict/annalist.dictset\` (annalist mode); phoenix = TABARI CAMEO
  verbs + PETRARCH-2 Phoenix actors, agents and discards (petrarch mode)

| corpus × copies | dicts | threads | sentences | wall s | sentences/s | coding sentences/s | MB/s | peak MiB | dict load ms | wall ÷ wc -w |
|---|---|---|---|---|---|---|---|---|---|---|
$rows
EOF
)
echo "$section"
if [ $record = 1 ]; then
    [ -f "$here/RESULTS.md" ] || printf '# Benchmark results\n' >"$here/RESULTS.md"
    echo "$section" >>"$here/RESULTS.md"
    echo "appended to bench/RESULTS.md" >&2
fi
