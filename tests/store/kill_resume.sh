#!/usr/bin/env bash
# Crash safety: an ingest of the whole Reuters corpus is killed with SIGKILL part way (twice,
# at different points); what is left passes the store check (no half document); ingesting
# again completes to exactly the store an uninterrupted ingest gives.
. "$(dirname "$0")/common.sh"

ingest "$WORK/clean.db" "$REUTERS" >/dev/null || fail "uninterrupted ingest"
total=$(json_field "$("$A" query --db "$WORK/clean.db" --summary --json)" documents)

docs_in() { # the number of documents committed so far, or 0
    local j
    j=$("$A" query --db "$1" --summary --json 2>/dev/null) || { echo 0; return; }
    json_field "$j" documents
}

# kill_at DB N : starts an ingest, kills it with SIGKILL once N documents are committed.
kill_at() {
    local db=$1 n=$2
    "$A" ingest --db "$db" "${DICTS[@]}" --threads 1 "$REUTERS" >/dev/null 2>&1 &
    local pid=$! have=0
    while kill -0 $pid 2>/dev/null; do
        have=$(docs_in "$db")
        [ "$have" -ge "$n" ] && break
        sleep 0.05
    done
    kill -KILL $pid 2>/dev/null || fail "the ingest ended before it could be killed ($have documents)"
    wait $pid 2>/dev/null || true
    have=$(docs_in "$db")
    [ "$have" -lt "$total" ] || fail "the ingest finished before it was killed"
    "$A" query --db "$db" --check >/dev/null || fail "store damaged after SIGKILL at $have documents"
    ok "killed at $have of $total documents: store consistent"
}

kill_at "$WORK/s.db" 3000
kill_at "$WORK/s.db" 9000
ingest "$WORK/s.db" "$REUTERS" >"$WORK/resume.out" || fail "resumed ingest"
dump "$WORK/s.db" "$WORK/s.dump"
dump "$WORK/clean.db" "$WORK/clean.dump"
cmp -s "$WORK/s.dump" "$WORK/clean.dump" || {
    diff "$WORK/s.dump" "$WORK/clean.dump" | head >&2
    fail "interrupted and resumed ingest differs from an uninterrupted one"
}
ok "resumed: exactly the store an uninterrupted ingest gives ($(head -n 1 "$WORK/resume.out"))"
