#!/bin/sh
# cameo_regen_check.sh - checks that the committed src/coder/cameo_table.c is exactly what
# tools/gen_cameo_table.py makes from ../shared/data/cameo/cameo_event_codes.tsv.
# Exit 0 when they match; 1 (with the diff) when they differ or the generator fails.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp "${TMPDIR:-/tmp}/cameo_table.XXXXXX")
trap 'rm -f "$tmp"' EXIT

if ! python3 "$root/tools/gen_cameo_table.py" -o - >"$tmp"; then
    echo "cameo_regen_check: tools/gen_cameo_table.py failed" >&2
    exit 1
fi
if ! diff -u "$root/src/coder/cameo_table.c" "$tmp"; then
    echo "cameo_regen_check: src/coder/cameo_table.c is stale or hand-edited;" \
         "run: python3 tools/gen_cameo_table.py" >&2
    exit 1
fi
echo "cameo_regen_check: src/coder/cameo_table.c matches the generator"
