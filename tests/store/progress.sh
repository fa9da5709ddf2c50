#!/usr/bin/env bash
# The progress line: drawn on a terminal (a pseudo-terminal made with script(1)), never when
# stderr is a pipe or file, nor under CI even on a terminal. The summary always prints.
. "$(dirname "$0")/common.sh"
reuters_head 300 >"$WORK/in.jsonl"

env -u CI "$A" ingest --db "$WORK/a.db" "${DICTS[@]}" "$WORK/in.jsonl" >"$WORK/a.out" 2>"$WORK/a.err" || true
! grep -q $'\r' "$WORK/a.err" || fail "progress drawn into a file"
grep -q "300 documents" "$WORK/a.out" || fail "no summary: $(cat "$WORK/a.out")"
ok "stderr to a file: no progress line, summary printed"

if command -v script >/dev/null; then
    cmd="env -u CI '$A' ingest --db '$WORK/b.db' ${DICTS[*]} '$WORK/in.jsonl' 2>&1 >/dev/null"
    script -qec "$cmd" /dev/null >"$WORK/tty.out" </dev/null || true
    grep -q $'\r.*documents.*events.*documents/s' "$WORK/tty.out" || fail "no progress line on a terminal"
    cmd="env CI=true '$A' ingest --db '$WORK/c.db' ${DICTS[*]} '$WORK/in.jsonl' 2>&1 >/dev/null"
    script -qec "$cmd" /dev/null >"$WORK/ci.out" </dev/null || true
    [ -s "$WORK/c.db" ] || fail "ingest under CI failed"
    ! grep -q 'documents/s' "$WORK/ci.out" || fail "progress drawn under CI"
    ok "terminal: progress line drawn; under CI: not drawn"
else
    ok "terminal: skipped (no script(1))"
fi
