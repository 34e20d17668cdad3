#!/usr/bin/env bash
# Regenerates tests/golden/ from the current build. Review `git diff tests/golden` afterwards:
# every change there is a change users will see.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-"$here/build"}
cmake --build "$build_dir" -j2 --target themescan
THEMESCAN="$build_dir/themescan" UPDATE_GOLDEN=1 /usr/bin/python3 "$here/tests/cli/test_cli.py" GoldenOutputs
git -C "$here" status --short tests/golden
