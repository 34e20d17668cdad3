#!/usr/bin/env bash
# Installs what themescan needs from Debian 12 packages (when missing) and builds it.
# Usage: scripts/setup.sh [BUILD_DIR]   (default: build)
#        scripts/setup.sh --deps-only    (install the packages, build nothing)
# As root, missing packages are installed with apt-get; otherwise the exact command is printed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-"$here/build"}

packages=(g++ cmake make pkg-config libicu-dev libre2-dev libboost-program-options-dev
          libfmt-dev doctest-dev nlohmann-json3-dev python3 python3-jsonschema
          jq sqlite3 parallel python3-distributed)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing Debian packages; install them as root with:" >&2
    echo "  apt-get install -y ${missing[*]}" >&2
    exit 2
  fi
fi

[ "${1:-}" = "--deps-only" ] && exit 0

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S "$here" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build_dir" -j"$jobs"
