#!/usr/bin/env bash
# Installs what themescan needs from Debian 12 packages (when missing) and builds it.
# Usage: scripts/setup.sh [--with-tests] [BUILD_DIR]   (default: build)
#        scripts/setup.sh --deps-only [--with-tests]   (install the packages, build nothing)
#        scripts/setup.sh --list-packages [--with-tests]   (print the package names, one a line)
# --with-tests also builds the tests and installs what only they use (doctest, the JSON Schema
# validator, the sqlite3 shell, jq, GNU parallel, dask, headless Chromium); building and running
# themescan need none of them. As root, missing packages are installed with apt-get; otherwise the exact command is
# printed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
deps_only=false with_tests=false list=false build_dir="$here/build"
for arg in "$@"; do
  case "$arg" in
    --deps-only) deps_only=true ;;
    --with-tests) with_tests=true ;;
    --list-packages) list=true ;;
    -*) echo "setup.sh: unknown option $arg" >&2; exit 2 ;;
    *) build_dir=$arg ;;
  esac
done

packages=(g++ cmake make pkg-config libicu-dev libre2-dev libboost-program-options-dev
          libfmt-dev nlohmann-json3-dev libyaml-cpp-dev libsqlite3-dev libxml2-dev libzip-dev
          libpoppler-cpp-dev)
test_packages=(doctest-dev python3 python3-jsonschema jq sqlite3 parallel python3-distributed chromium)
if $with_tests; then packages+=("${test_packages[@]}"); fi
if $list; then printf '%s\n' "${packages[@]}"; exit 0; fi
"$here/scripts/install-packages.sh" "${packages[@]}"

if $deps_only; then exit 0; fi

jobs=$(nproc 2>/dev/null || echo 2)
tests=OFF; if $with_tests; then tests=ON; fi
cmake -S "$here" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTHEMESCAN_BUILD_TESTS=$tests \
      >/dev/null
cmake --build "$build_dir" -j"$jobs"
