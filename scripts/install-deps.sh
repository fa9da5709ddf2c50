#!/usr/bin/env bash
# Installs the Debian packages annalist needs to build and test, skipping those present.
# Usage: scripts/install-deps.sh [extra-package ...]
# Every make target that builds calls this first, so a fresh Debian 12 machine needs nothing else.
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libutf8proc-dev libsqlite3-dev libjansson-dev libxml2-dev libmicrohttpd-dev libzstd-dev
  libcmocka-dev zstd sqlite3 python3
  clang libclang-rt-14-dev
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
