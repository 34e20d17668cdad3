#!/usr/bin/env bash
# Installs what is missing, builds themescan and runs the whole test suite (CTest).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup.sh" --with-tests "$here/build"
cd "$here/build"
ctest --output-on-failure -j"$(nproc 2>/dev/null || echo 2)" "$@"
