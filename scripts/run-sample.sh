#!/usr/bin/env bash
# Installs what is missing, builds themescan and runs it on a sample report from corpus/.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/scripts/setup.sh" "$here/build" >/dev/null
exec "$here/build/themescan" "$here/corpus/01_digital-partners-forum.txt" "$@"
