#!/usr/bin/env bash
# The whole Reuters-21578 corpus ingested twice gives the same counts (and store) as once;
# the stored events are exactly what `annalist code` prints for the corpus.
. "$(dirname "$0")/common.sh"

ingest "$WORK/s.db" "$REUTERS" >"$WORK/once.out" || fail "first ingest"
once=$("$A" query --db "$WORK/s.db" --summary --json)
dump "$WORK/s.db" "$WORK/once.dump"
ingest "$WORK/s.db" "$REUTERS" >"$WORK/twice.out" || fail "second ingest"
twice=$("$A" query --db "$WORK/s.db" --summary --json)
[ "$once" = "$twice" ] || fail "counts changed: $once then $twice"
grep -q '0 added, 0 replaced, 21578 unchanged' "$WORK/twice.out" || fail "second ingest: $(cat "$WORK/twice.out")"
dump "$WORK/s.db" "$WORK/twice.dump"
cmp -s "$WORK/once.dump" "$WORK/twice.dump" || fail "the second ingest changed the store"
[ "$(json_field "$once" documents)" = 21578 ] || fail "documents: $once"
"$A" query --db "$WORK/s.db" --check >/dev/null || fail "store check"
ok "Reuters-21578 twice: same counts as once: $once"

code "$REUTERS" >"$WORK/code.jsonl"
"$A" export --db "$WORK/s.db" --format jsonl | cmp -s - "$WORK/code.jsonl" ||
    fail "exported events differ from annalist code output"
ok "exported events equal annalist code output ($(wc -l <"$WORK/code.jsonl") events)"
