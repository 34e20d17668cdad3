#!/usr/bin/env bash
# Renders one report and the sample corpus as HTML and takes full-page screenshots of both with
# headless Chromium, to look at (not committed). Usage: scripts/html-screenshots.sh [OUT_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-"$here/build/screenshots"}
"$here/scripts/install-packages.sh" chromium
[ -x "$here/build/themescan" ] || "$here/scripts/setup.sh" "$here/build"
mkdir -p "$out"
"$here/build/themescan" --format html -o "$out/report.html" "$here/corpus/01_digital-partners-forum.txt"
"$here/build/themescan" --format html -o "$out/corpus.html" "$here/corpus"
for page in report corpus; do
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,4000 \
           --host-resolver-rules="MAP * ~NOTFOUND" --screenshot="$out/$page.png" \
           "file://$out/$page.html" 2>/dev/null
  echo "$out/$page.png"
done
