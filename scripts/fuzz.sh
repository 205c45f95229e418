#!/usr/bin/env bash
# Fuzzes the coop checks with libFuzzer: mutated source text, seeded with the
# lit tests, through every coop check in C and C++ modes (test/fuzz/).
#
#   scripts/fuzz.sh [seconds]          default 180; COOP_FUZZ_BUILD=build-fuzz
#
# Builds test/fuzz with clang-22 (-fsanitize=fuzzer,address, assertions on),
# then runs for the given time, one process, niced. The working corpus in
# $COOP_FUZZ_BUILD/corpus grows across runs; a crash leaves its input in
# $COOP_FUZZ_BUILD/artifacts/ and makes this script exit 1. Reproduce with
#   $COOP_FUZZ_BUILD/coop-tidy-fuzzer <artifact>
# and turn it into a lit test under test/checker/regressions/.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-180}
build=${COOP_FUZZ_BUILD:-$top/build-fuzz}

"$top/scripts/install-deps.sh"
mkdir -p "$build"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$top/test/fuzz" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 >"$build/coop-configure.log" 2>&1 ||
    { cat "$build/coop-configure.log"; exit 1; }
fi
nice -n 10 cmake --build "$build" --target coop-tidy-fuzzer

# Seeds: every lit test source (C and C++), with its stand-in headers
# inlined; copied so the fuzzer may add to its working corpus without
# touching the repository.
seeds=$build/seeds
rm -rf "$seeds" && mkdir -p "$build/corpus" "$build/artifacts"
python3 "$top/test/fuzz/make_seeds.py" "$top/test/checker" "$seeds"
echo "coop-fuzz: ${seconds}s"
# -close_fd_mask=2: the checks' inputs are mostly broken code, and clang's
# "Error while processing" lines would drown the fuzzer's own output; crash
# reports still reach the terminal.
touch "$build/.fuzz-start"
set +e
(cd "$build" && nice -n 10 ./coop-tidy-fuzzer corpus "$seeds" -dict="$top/test/fuzz/coop.dict" \
  -max_total_time="$seconds" -timeout=60 -rss_limit_mb=4096 -close_fd_mask=2 \
  -artifact_prefix=artifacts/ -print_final_stats=1)
rc=$?
set -e
# crash-, timeout-, oom- and leak- inputs are failures; slow-unit- (over 10 s,
# under the 60 s timeout) are kept for a look but are not.
new=$(find "$build/artifacts" -type f -newer "$build/.fuzz-start" -not -name 'slow-unit-*')
if [ "$rc" -ne 0 ] || [ -n "$new" ]; then
  echo "coop-fuzz: FAILED (exit $rc); crashing inputs:"
  echo "$new"
  exit 1
fi
echo "coop-fuzz: no crash in ${seconds}s"
