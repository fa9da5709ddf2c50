#!/usr/bin/env bash
# Two annalist processes ingest overlapping inputs into one new file at the same time: both
# complete (one waits for the other's lock), and the store equals one ingest of the union.
. "$(dirname "$0")/common.sh"
reuters_head 3000 >"$WORK/all.jsonl"
head -n 2000 "$WORK/all.jsonl" >"$WORK/a.jsonl"
tail -n +1001 "$WORK/all.jsonl" >"$WORK/b.jsonl"

"$A" ingest --db "$WORK/s.db" "${DICTS[@]}" --threads 1 "$WORK/a.jsonl" >"$WORK/a.out" 2>"$WORK/a.err" &
pa=$!
"$A" ingest --db "$WORK/s.db" "${DICTS[@]}" --threads 1 "$WORK/b.jsonl" >"$WORK/b.out" 2>"$WORK/b.err" &
pb=$!
# Exit status 1 with a full summary: some sentence was over the token limit, nothing worse.
sa=0 sb=0
wait $pa || sa=$?
wait $pb || sb=$?
[ $sa -le 1 ] && grep -q '^the store holds' "$WORK/a.out" || fail "first process failed ($sa)"
[ $sb -le 1 ] && grep -q '^the store holds' "$WORK/b.out" || fail "second process failed ($sb)"
! grep -q "Sanitizer\|runtime error\|$WORK/s.db" "$WORK/a.err" "$WORK/b.err" ||
    fail "errors: $(grep -h "Sanitizer\|runtime error\|$WORK/s.db" "$WORK/a.err" "$WORK/b.err" | head -3)"
"$A" query --db "$WORK/s.db" --check >/dev/null || fail "store check"
ingest "$WORK/one.db" "$WORK/all.jsonl" >/dev/null || fail "single ingest"
dump "$WORK/s.db" "$WORK/s.dump"
dump "$WORK/one.db" "$WORK/one.dump"
cmp -s "$WORK/s.dump" "$WORK/one.dump" || {
    diff "$WORK/s.dump" "$WORK/one.dump" | head >&2
    fail "two concurrent ingests differ from one ingest of the same documents"
}
ok "two concurrent ingests: both completed, same store as one ingest"
