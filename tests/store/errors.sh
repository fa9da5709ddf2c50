#!/usr/bin/env bash
# Failures that must be clear and must not damage committed data: a file size limit hit
# mid-ingest (a full disk), a read-only file, a damaged store, missing or foreign files,
# bad options; --help of each command.
. "$(dirname "$0")/common.sh"

for cmd in ingest query export; do
    "$A" $cmd --help | grep -q "usage: annalist $cmd" || fail "$cmd --help"
done
ok "--help"

reuters_head 3000 >"$WORK/in.jsonl"

# Full disk: the file may not grow past a limit (ulimit -f, in KiB). The ingest stops with a
# message naming the database, exit status 1; what was committed stays and is consistent.
set +e
(ulimit -f 1024; "$A" ingest --db "$WORK/full.db" "${DICTS[@]}" "$WORK/in.jsonl" >"$WORK/full.out" 2>"$WORK/full.err")
status=$?
set -e
[ $status = 1 ] || fail "full disk: exit status $status, expected 1"
grep -v 'dictionaries/' "$WORK/full.err" | grep -q "$WORK/full.db: document .*: .*(File too large)" ||
    fail "full disk: unclear message: $(grep -v dictionaries/ "$WORK/full.err")"
"$A" query --db "$WORK/full.db" --check >/dev/null || fail "full disk: the store is damaged"
n=$("$A" query --db "$WORK/full.db" --summary --json)
docs=$(json_field "$n" documents)
[ "$docs" -gt 0 ] && [ "$docs" -lt 3000 ] || fail "full disk: $docs documents stored"
ok "file size limit: clear error after $docs documents, store intact"
# With room again, the ingest completes to exactly the store a clean ingest gives.
ingest "$WORK/full.db" "$WORK/in.jsonl" >/dev/null || fail "ingest after the full disk"
ingest "$WORK/clean.db" "$WORK/in.jsonl" >/dev/null || fail "clean ingest"
dump "$WORK/full.db" "$WORK/full.dump"
dump "$WORK/clean.db" "$WORK/clean.dump"
cmp -s "$WORK/full.dump" "$WORK/clean.dump" || fail "resuming after a full disk differs from a clean ingest"
ok "resumed after the full disk: same store as a clean ingest"

# A read-only file (root may write anyway, so only checked for other users).
if [ "$(id -u)" != 0 ]; then
    cp "$WORK/clean.db" "$WORK/ro.db"
    chmod 0444 "$WORK/ro.db"
    set +e
    "$A" ingest --db "$WORK/ro.db" "${DICTS[@]}" "$WORK/in.jsonl" >/dev/null 2>"$WORK/ro.err"
    status=$?
    set -e
    [ $status = 1 ] || fail "read-only: exit status $status"
    grep -q "$WORK/ro.db: .*read-only" "$WORK/ro.err" || fail "read-only: $(cat "$WORK/ro.err")"
    "$A" query --db "$WORK/ro.db" --summary >/dev/null || fail "read-only file cannot be queried"
    ok "read-only file: clear error, still readable"
else
    ok "read-only file: skipped (running as root)"
fi

expect_fail() { # STATUS PATTERN CMD...
    local want=$1 pattern=$2
    shift 2
    set +e
    "$@" >/dev/null 2>"$WORK/err"
    local status=$?
    set -e
    [ $status = "$want" ] || fail "$*: exit status $status, expected $want"
    grep -q -- "$pattern" "$WORK/err" || fail "$*: message lacks \"$pattern\": $(cat "$WORK/err")"
}
expect_fail 1 "$WORK/missing.db: no such database" "$A" query --db "$WORK/missing.db"
[ ! -e "$WORK/missing.db" ] || fail "query created a database"
expect_fail 1 "$WORK/missing.db: no such database" "$A" export --db "$WORK/missing.db" --format jsonl
expect_fail 1 "--db PATH is required" "$A" ingest "$WORK/in.jsonl"
expect_fail 1 "--format" "$A" export --db "$WORK/clean.db" --format csv
expect_fail 1 "--series" "$A" query --db "$WORK/clean.db" --series fortnight
expect_fail 1 "--quad" "$A" query --db "$WORK/clean.db" --quad 5
expect_fail 1 "--from" "$A" query --db "$WORK/clean.db" --from 1987-3
expect_fail 1 "--dyad" "$A" query --db "$WORK/clean.db" --dyad USA
printf 'not a database, just text\n%.0s' $(seq 100) >"$WORK/junk.db"
expect_fail 1 "$WORK/junk.db: .*not a database" "$A" query --db "$WORK/junk.db"
expect_fail 1 "$WORK/junk.db: .*not a database" "$A" ingest --db "$WORK/junk.db" "$WORK/in.jsonl"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("create table t(x)"); c.commit()' "$WORK/other.db"
expect_fail 1 "not an annalist store" "$A" ingest --db "$WORK/other.db" "${DICTS[@]}" "$WORK/in.jsonl"
ok "missing, junk and foreign files, bad options: clear errors"

# A damaged store is reported by --check (exit 1).
cp "$WORK/clean.db" "$WORK/bad.db"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("update rollups set mentions = mentions + 1 where id = 3"); c.commit()' "$WORK/bad.db"
expect_fail 1 "roll-ups whose mention" "$A" query --db "$WORK/bad.db" --check
ok "query --check finds a damaged roll-up"
