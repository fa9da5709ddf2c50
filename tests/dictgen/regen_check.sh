#!/usr/bin/env bash
# Checks that the committed generated dictionaries are exactly what the generator produces:
# regenerates into a fresh temporary directory and diffs. Exit 0 when identical, 1 (with the
# diff on stdout) when they differ, 2 when the generator itself could not run.
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

if ! "$repo/tools/dictgen/run.sh" "$tmp" >"$tmp/run.log" 2>&1; then
    cat "$tmp/run.log" >&2
    echo "regen_check: tools/dictgen/run.sh failed" >&2
    exit 2
fi

status=0
for f in countries.actors.txt cities.actors.txt; do
    if ! diff -u "$repo/data/dict/$f" "$tmp/$f"; then
        status=1
    fi
done
if [ "$status" -ne 0 ]; then
    echo "regen_check: data/dict differs from the generator output; run 'make dict' and commit" >&2
else
    echo "regen_check: data/dict/countries.actors.txt and cities.actors.txt are up to date"
fi
exit "$status"
