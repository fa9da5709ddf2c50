# common.sh — sourced by the store tests (tests/store/*.sh). Usage of every test:
#   TEST.sh ANNALIST SHARED_DATA_DIR
# Sets A (the program), S (../shared/data), DICTS (the dictionaries the tests code with),
# REUTERS, WORK (a scratch directory removed at exit), and the helpers below.
set -eu
A=$1
S=$2
[ -x "$A" ] || { echo "FAIL: no annalist program at $A" >&2; exit 1; }
[ -d "$S" ] || { echo "FAIL: no shared data at $S" >&2; exit 1; }
# Real-world dictionaries: TABARI's CAMEO verbs with the Phoenix actors and agents.
DICTS=(--dict "$S/dictionaries/tabari-cameo/CAMEO.091003.master.verbs"
       --dict "$S/dictionaries/petrarch2-phoenix/Phoenix.Countries.actors.txt"
       --dict "$S/dictionaries/petrarch2-phoenix/Phoenix.agents.txt")
REUTERS="$S/corpora/reuters21578.jsonl.zst"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/annalist-store-test.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export LC_ALL=C
unset CI_FORCE 2>/dev/null || true

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok   $*"; }

# The first N Reuters articles as JSON Lines.
reuters_head() { zstd -dc "$REUTERS" | head -n "$1"; }

# ingest DB FILE... : ingests, keeping the messages in $WORK/ingest.err. Exit status 1 with
# a complete summary only means some input was imperfect (a sentence over the token limit,
# say): that is accepted; a store error, a crash or a missing summary is not.
ingest() {
    local db=$1 status=0
    shift
    "$A" ingest --db "$db" "${DICTS[@]}" "$@" >"$WORK/ingest.out" 2>"$WORK/ingest.err" || status=$?
    cat "$WORK/ingest.out"
    if [ $status -gt 1 ] || grep -q "stopped by the error" "$WORK/ingest.out" ||
        ! grep -q "^the store holds" "$WORK/ingest.out" ||
        grep -q "Sanitizer\|runtime error" "$WORK/ingest.err"; then
        echo "ingest into $db: exit status $status" >&2
        grep -v 'dictionaries/' "$WORK/ingest.err" | tail -n 5 >&2 || true
        return 1
    fi
}

# code FILE... : `annalist code` with the same dictionaries.
code() { "$A" code "${DICTS[@]}" "$@" 2>/dev/null || [ $? = 1 ]; }

# dump DB OUT : a canonical text form of a store, independent of internal ids, ingest
# times and order: sorted events as exported, sorted roll-ups (GDELT rows without the row id
# and the date added), sorted document ids with text hashes and counts, the totals.
dump() {
    local db=$1 out=$2
    {
        "$A" export --db "$db" --format jsonl | sort
        "$A" export --db "$db" --format gdelt | cut -f2-56,58 | sort
        "$A" query --db "$db" --documents --json | sed 's/,"ingested_at":"[^"]*"//' | sort
        "$A" query --db "$db" --summary --json
    } >"$out"
}

# json_field JSON KEY : a number from a one-line JSON object.
json_field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
