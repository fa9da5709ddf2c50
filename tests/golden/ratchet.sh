#!/usr/bin/env bash
# Codes our gold news sets with the bundled dictionaries and fails when fewer records of a set
# pass than its baseline below. Raise a baseline when a change makes more records pass; never
# lower it. Usage: ratchet.sh ANNALIST
#   news.jsonl     the golden set the dictionaries were built against (tests/golden/README.md)
#   holdout.jsonl  written blind on 29 Nov 2026; read since for general causes only
#   blind2.jsonl   written blind later the same day; not read for tuning (when present)
set -u
annalist=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$(dirname "$here")")
status=0

check() { # FILE BASELINE
  local file=$1 baseline=$2 out got
  [ -f "$here/$file" ] || { echo "FAIL $file: missing"; status=1; return; }
  out=$("$annalist" validate --quiet --dict "$root/data/dict/annalist.dictset" "$here/$file" 2>&1 | tail -n 1)
  got=$(printf '%s\n' "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
  if [ -z "$got" ]; then
    echo "FAIL $file: no result line; got: $out"
    status=1
  elif [ "$got" -lt "$baseline" ]; then
    echo "FAIL $file: $out — below the baseline of $baseline"
    status=1
  else
    echo "ok   $file: $out (baseline $baseline)"
  fi
}

check news.jsonl 280
check holdout.jsonl 124
check blind2.jsonl 78
exit $status
