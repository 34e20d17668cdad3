#!/usr/bin/env bash
# Regenerates corpus/formats/: an HTML page, a DOCX file and a PDF made from some of corpus/'s
# .txt reports with Debian tools, so tests can check that each format gives the same themes,
# quotes and speakers as its .txt twin (tests/cli/test_formats.py).
#   HTML: pandoc (each line of the report is a paragraph; the first line the <h1>);
#   DOCX: pandoc from the same Markdown (the title in the Heading 1 style);
#   PDF:  headless Chromium printing the HTML page (A5, with Chromium's running header and
#         footer, page numbers included, which themescan's layout detection must drop).
# Needs: pandoc chromium (apt-get install pandoc chromium). Usage: scripts/make-format-twins.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/corpus/formats"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

reports=(01_digital-partners-forum 08_ru-import-substitution-forum)
for name in "${reports[@]}"; do
  txt="$here/corpus/$name.txt"
  title=$(head -n 1 "$txt")
  # One paragraph per line: Markdown paragraphs are separated by blank lines.
  { printf '# %s\n\n' "$title"; tail -n +2 "$txt" | sed -e 's/$/\n/'; } > "$work/$name.md"
  lang=en; case "$name" in *_ru-*) lang=ru ;; esac
  pandoc -f markdown-smart -t html5 --standalone --metadata pagetitle="$title" \
         --metadata lang="$lang" -o "$out/$name.html" "$work/$name.md"
  pandoc -f markdown-smart -t docx -o "$out/$name.docx" "$work/$name.md"
  chromium --headless --no-sandbox --disable-gpu --no-first-run \
           --user-data-dir="$work/chromium" --print-to-pdf="$out/$name.pdf" \
           --virtual-time-budget=2000 "file://$out/$name.html" 2>/dev/null
  [ -s "$out/$name.pdf" ] || { echo "make-format-twins.sh: chromium wrote no $name.pdf" >&2; exit 1; }
done
echo "wrote $(ls "$out" | wc -l) files to corpus/formats/"
