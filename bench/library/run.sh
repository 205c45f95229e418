#!/bin/sh
# Builds coop's benchmarks with -O2 (Release) and runs them side by side with libstdc++'s
# std::stop_token family, then prints the coop/std ratio table (bench/library/ratios.py).
#
#   bench/library/run.sh [build-dir] [extra Google Benchmark flags...]
#
# Every benchmark is repeated 5 times, the repetitions of all benchmarks interleaved in
# random order (so that both sides see the same background load and varying heap
# addresses), and the ratios use the fastest repetition of each side, which filters out
# preemption on a busy machine.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-/tmp/coop-bench}
[ $# -gt 0 ] && shift
cmake -S "$root" -B "$build" \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS_RELEASE="-O2 -DNDEBUG" -DCMAKE_C_FLAGS_RELEASE="-O2 -DNDEBUG" \
  -DCOOP_BUILD_CHECKER=OFF -DCOOP_BUILD_TESTS=OFF -DCOOP_BUILD_BENCH=ON -DCOOP_SANITIZER= >/dev/null
cmake --build "$build" --target coop_bench -j2 >/dev/null
"$build/bench/library/coop_bench" \
  --benchmark_repetitions=5 --benchmark_enable_random_interleaving=true \
  --benchmark_out="$build/coop_bench.json" --benchmark_out_format=json "$@"
echo
echo "machine: $(nproc) vCPU, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$root/bench/library/ratios.py" "$build/coop_bench.json"
