#!/usr/bin/env bash
# The checker's overhead benchmark: docs/performance.md ("Checker").
#
#   bench/checker/run.sh [overhead.py options]     e.g. --repeat 5, --no-corpus
#   bench/checker/run.sh --instructions [instructions.py options]
#   bench/checker/run.sh --each --tu PROJECT:PATH...   each check alone, CPU time
#
# 1. prepares the real-world corpus (bench/corpus/install.sh) for its TUs;
# 2. builds the coop plugin as users get it (RelWithDebInfo: -O2, NDEBUG) in
#    $COOP_BENCH_BUILD (default build-bench/);
# 3. runs bench/checker/overhead.py through stock clang-tidy-22 --load, so
#    the coop checks and the built-in ones they are compared with share one
#    process and one parse. Results in $COOP_BENCH_OUT (default
#    /tmp/coop-bench)/overhead.md. With --instructions, runs
#    bench/checker/instructions.py instead: the instructions clang-tidy
#    executes with and without coop-*, under valgrind (cachegrind), which
#    do not vary from run to run as CPU times do. Results in instructions.md.
#
# It takes ~30 CPU-minutes with --repeat 3. Run it on an otherwise idle
# machine: the numbers are CPU times, but a loaded machine still inflates them.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${COOP_BENCH_BUILD:-$top/build-bench}
out=${COOP_BENCH_OUT:-/tmp/coop-bench}

case " $* " in
  *" --no-corpus "*) ;;
  *) "$top/bench/corpus/install.sh" ;;
esac

mkdir -p "$build"
cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCOOP_BUILD_LIBRARY=OFF -DCOOP_BUILD_CLANGD=OFF >"$build/coop-configure.log" 2>&1 ||
  { cat "$build/coop-configure.log"; exit 1; }
nice -n 10 cmake --build "$build" -j "$(nproc)" --target CoopTidyPlugin
plugin=$build/checker/plugin/CoopTidyPlugin.so

if [ "${1:-}" = --instructions ]; then
  shift
  exec python3 "$here/instructions.py" --tidy "/usr/lib/llvm-22/bin/clang-tidy --load=$plugin" \
    --out "$out" "$@"
fi
exec python3 "$here/overhead.py" --tidy "/usr/lib/llvm-22/bin/clang-tidy --load=$plugin" \
  --out "$out" "$@"
