#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, AddressSanitizer + UndefinedBehaviorSanitizer) and runs
# each for SECONDS, two at a time, then prints one line of figures per target.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
#   SECONDS  per target (default 600)
#   TARGET   decode_tokenize, lexicon, quotes, analyzer, extract (default: all five)
# Work corpora stay in build-fuzz/corpus/TARGET (so a second run goes on from the first); crashes
# are written to build-fuzz/crashes/TARGET/ and make the script exit with status 1.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(decode_tokenize lexicon quotes analyzer extract)
build="$here/build-fuzz"

packages=(clang libclang-rt-14-dev cmake make pkg-config libicu-dev libre2-dev
          libboost-program-options-dev libfmt-dev nlohmann-json3-dev libyaml-cpp-dev libsqlite3-dev
          libxml2-dev libzip-dev libpoppler-cpp-dev)
"$here/scripts/install-packages.sh" "${packages[@]}"

cmake -S "$here" -B "$build" -DCMAKE_CXX_COMPILER=clang++ -DTHEMESCAN_FUZZ=ON \
      -DTHEMESCAN_BUILD_TESTS=OFF -DTHEMESCAN_BUILD_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j"$(nproc 2>/dev/null || echo 2)" \
      --target "${targets[@]/#/fuzz_}" >/dev/null

# Seeds: the hand-written ones in tests/fuzz/seeds, plus the project's own reports and lexicons.
extra_seeds() {
  case "$1" in
    lexicon) echo "$here/lexicons" ;;
    extract) echo "$here/tests/data/formats" ;;
    *) echo "$here/corpus $here/tests/data/fuzz-regressions" ;;
  esac
}

run_one() {
  local target=$1
  mkdir -p "$build/corpus/$target" "$build/crashes/$target" "$build/logs"
  # shellcheck disable=SC2046
  "$build/tests/fuzz/fuzz_$target" "$build/corpus/$target" "$here/tests/fuzz/seeds/$target" \
      $(extra_seeds "$target") -max_total_time="$seconds" -max_len=16384 -rss_limit_mb=4096 \
      -timeout=30 -print_final_stats=1 -artifact_prefix="$build/crashes/$target/" \
      >"$build/logs/$target.log" 2>&1
}

pids=()
status=0
for target in "${targets[@]}"; do
  run_one "$target" &
  pids+=($!)
  if [ ${#pids[@]} -ge 2 ]; then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done

printf '%-16s %8s %10s %8s %8s %8s %8s  %s\n' target seconds execs exec/s cov ft corpus result
for target in "${targets[@]}"; do
  log="$build/logs/$target.log"
  done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1 || true)
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')
  speed=$(grep -oE 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo '?')
  cov=$(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<<"$done_line")
  ft=$(sed -nE 's/.*ft: ([0-9]+).*/\1/p' <<<"$done_line")
  corp=$(sed -nE 's/.*corp: ([0-9]+).*/\1/p' <<<"$done_line")
  crashes=$(find "$build/crashes/$target" -type f | wc -l)
  result=ok
  if [ -z "$done_line" ] || [ "$crashes" -gt 0 ]; then
    result="FAILED: see $log and $build/crashes/$target/"
    status=1
  fi
  printf '%-16s %8s %10s %8s %8s %8s %8s  %s\n' "$target" "$seconds" "$execs" "$speed" \
         "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result"
done
exit $status
