#!/usr/bin/env bash
# Regenerates annalist's country and city dictionaries from the pinned npm data packages.
# Usage: tools/dictgen/run.sh [OUTDIR]   (default OUTDIR: data/dict/ of the repository)
# Installs nodejs/npm with apt when missing, installs the locked packages with `npm ci`
# (package-lock.json is committed, node_modules is not), then runs generate.mjs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="${1:-$repo/data/dict}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "dictgen: node/npm missing, installing the Debian packages nodejs and npm" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nodejs npm >/dev/null
fi

cd "$here"
npm ci --no-audit --no-fund --loglevel=error >&2
node generate.mjs "$out"
