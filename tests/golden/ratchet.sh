#!/usr/bin/env bash
# Codes our gold news (tests/golden/news.jsonl) with the bundled dictionaries and fails when
# fewer records pass than the baseline below. Raise the baseline when a change makes more
# records pass; never lower it. Usage: ratchet.sh ANNALIST
set -u
baseline=279
annalist=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$(dirname "$here")")
out=$("$annalist" validate --quiet --dict "$root/data/dict/annalist.dictset" "$here/news.jsonl" 2>&1 | tail -n 1)
got=$(printf '%s\n' "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
if [ -z "$got" ]; then
  echo "FAIL golden news: no result line; got: $out"
  exit 1
elif [ "$got" -lt "$baseline" ]; then
  echo "FAIL golden news: $out — below the baseline of $baseline"
  exit 1
fi
echo "ok   golden news: $out (baseline $baseline)"
