#!/usr/bin/env bash
# Dedup and replacement through the CLI: ingesting the same input again changes nothing;
# a document whose text changed is replaced as a whole; the result equals a fresh ingest of
# the changed input; duplicate ids inside one input keep the last version.
. "$(dirname "$0")/common.sh"

reuters_head 2000 >"$WORK/in.jsonl"
ingest "$WORK/s.db" "$WORK/in.jsonl" >"$WORK/first.out" || fail "first ingest failed"
grep -q '2000 added, 0 replaced, 0 unchanged' "$WORK/first.out" || fail "first ingest: $(cat "$WORK/first.out")"
dump "$WORK/s.db" "$WORK/first.dump"
ingest "$WORK/s.db" "$WORK/in.jsonl" >"$WORK/second.out" || fail "second ingest failed"
grep -q '0 added, 0 replaced, 2000 unchanged' "$WORK/second.out" || fail "second ingest: $(cat "$WORK/second.out")"
dump "$WORK/s.db" "$WORK/second.dump"
cmp -s "$WORK/first.dump" "$WORK/second.dump" || fail "ingesting again changed the store"
ok "the same input again changes nothing"

# Change the text of the documents that have events, and of one without.
python3 - "$WORK/in.jsonl" >"$WORK/changed.jsonl" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
n = 0
for i, d in enumerate(lines):
    if i % 97 == 5:
        d["text"] = d["text"].replace("the", "a") + "\nThe United States accused Japan."
        n += 1
    print(json.dumps(d))
PY
changed=$(python3 -c 'import sys; print(sum(1 for i in range(2000) if i % 97 == 5))')
ingest "$WORK/s.db" "$WORK/changed.jsonl" >"$WORK/third.out" || fail "third ingest failed"
grep -q "0 added, $changed replaced, $((2000 - changed)) unchanged" "$WORK/third.out" ||
    fail "changed ingest: $(cat "$WORK/third.out")"
"$A" query --db "$WORK/s.db" --check >/dev/null || fail "store check after replacement"
ingest "$WORK/fresh.db" "$WORK/changed.jsonl" >/dev/null || fail "fresh ingest failed"
dump "$WORK/s.db" "$WORK/replaced.dump"
dump "$WORK/fresh.db" "$WORK/fresh.dump"
cmp -s "$WORK/replaced.dump" "$WORK/fresh.dump" || {
    diff "$WORK/replaced.dump" "$WORK/fresh.dump" | head -20 >&2
    fail "replacing documents does not give the store a fresh ingest gives"
}
ok "$changed changed documents replaced as a whole (same as a fresh ingest)"

# The same id more than once: the last version wins, as if ingested one after the other,
# also when the skip-before-coding test would see an older version in the store.
head -n 1 "$WORK/in.jsonl" >"$WORK/v1.jsonl"
sed -n 6p "$WORK/changed.jsonl" | python3 -c 'import json,sys
d = json.loads(sys.stdin.read()); d["id"] = "reuters21578-1"; print(json.dumps(d))' >"$WORK/v2.jsonl"
hash_of() { "$A" query --db "$1" --documents --json | python3 -c 'import json,sys
rows = [json.loads(l) for l in sys.stdin]; print(len(rows), rows[0]["text_hash"])'; }
ingest "$WORK/v2.db" "$WORK/v2.jsonl" >/dev/null || fail "ingest v2"
want=$(hash_of "$WORK/v2.db")
for threads in 1 2; do
    rm -f "$WORK/dup.db"*
    ingest "$WORK/dup.db" --threads $threads "$WORK/v1.jsonl" "$WORK/v2.jsonl" >/dev/null || fail "ingest"
    [ "$(hash_of "$WORK/dup.db")" = "$want" ] || fail "threads $threads: v1 then v2 did not keep v2"
    ingest "$WORK/dup.db" --threads $threads "$WORK/v1.jsonl" "$WORK/v2.jsonl" "$WORK/v1.jsonl" \
        "$WORK/v1.jsonl" "$WORK/v2.jsonl" >/dev/null || fail "ingest"
    [ "$(hash_of "$WORK/dup.db")" = "$want" ] || fail "threads $threads: the last version did not win"
    "$A" query --db "$WORK/dup.db" --check >/dev/null || fail "store check"
done
ok "a repeated id keeps its last version"
