#!/usr/bin/env bash
# Installs what themescan needs from Debian 12 packages (when missing) and builds it.
# Usage: scripts/setup.sh [BUILD_DIR]   (default: build)
#        scripts/setup.sh --deps-only    (install the packages, build nothing)
# As root, missing packages are installed with apt-get; otherwise the exact command is printed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-"$here/build"}

packages=(g++ cmake make pkg-config libicu-dev libre2-dev libboost-program-options-dev
          libfmt-dev doctest-dev nlohmann-json3-dev libyaml-cpp-dev python3 python3-jsonschema
          jq sqlite3 parallel python3-distributed chromium)
"$here/scripts/install-packages.sh" "${packages[@]}"

[ "${1:-}" = "--deps-only" ] && exit 0

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S "$here" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build_dir" -j"$jobs"
