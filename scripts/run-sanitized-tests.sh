#!/usr/bin/env bash
# Builds themescan and its tests with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/)
# and runs the whole test suite there: any sanitizer report fails the test that triggered it.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build="$here/build-asan"
"$here/scripts/setup.sh" --deps-only --with-tests
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTHEMESCAN_SANITIZE=ON \
      -DTHEMESCAN_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j"$(nproc 2>/dev/null || echo 2)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
cd "$build"
ctest --output-on-failure -j"$(nproc 2>/dev/null || echo 2)" "$@"
