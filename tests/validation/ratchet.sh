#!/usr/bin/env bash
# Runs `annalist validate` on the field's suites and fails when a pass count drops below
# the baseline in baseline.txt. Usage: ratchet.sh ANNALIST SHARED_DATA_DIR
set -u
annalist=$1
shared=$2
here=$(cd "$(dirname "$0")" && pwd)
status=0
while read -r suite parse want; do
  case "$suite" in ''|'#'*) continue ;; esac
  out=$("$annalist" validate --quiet --parse "$parse" "$shared/$suite/$suite.jsonl" 2>/dev/null | tail -n 1)
  got=$(printf '%s\n' "$out" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
  if [ -z "$got" ]; then
    echo "FAIL $suite ($parse): no result line; got: $out"
    status=1
  elif [ "$got" -lt "$want" ]; then
    echo "FAIL $suite ($parse): $out — below the baseline of $want"
    status=1
  else
    echo "ok   $suite ($parse): $out (baseline $want)"
  fi
done < "$here/baseline.txt"
exit $status
