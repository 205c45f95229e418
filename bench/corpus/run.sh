#!/usr/bin/env bash
# Runs every coop check over the real-world corpus: the robustness and
# precision run of docs/real-world.md. Not part of scripts/test.sh (it takes
# ~30-60 CPU-minutes).
#
#   bench/corpus/run.sh [run_corpus.py options]     e.g. --only glibc --jobs 2
#
# 1. prepares the corpus (bench/corpus/install.sh; quick when already done);
# 2. builds coop-tidy with assertions enabled in $COOP_CORPUS_BUILD
#    (default build-corpus/): the coop module compiled without NDEBUG and with
#    _GLIBCXX_ASSERTIONS. LLVM itself stays Debian's release build, whose
#    abi-breaking.h fixes LLVM_ENABLE_ABI_BREAKING_CHECKS=0 independently of
#    NDEBUG, so this does not change the layout of any LLVM type coop uses;
# 3. runs bench/corpus/run_corpus.py: crashes, timeouts, invalid locations,
#    parse failures and triaged findings, in $COOP_CORPUS/results/summary.md.
#
# The clangd path (headers from a precompiled preamble, which coop-tidy never
# takes): pass --clangd <coop-clangd> (a build with COOP_BUILD_CLANGD=ON) to
# also run `coop-clangd --check` on --clangd-sample TUs (default 40) spread
# over the projects; --clangd-only skips the coop-tidy run.
#
# Environment: COOP_CORPUS (default /tmp/coop-corpus), COOP_CORPUS_BUILD,
# COOP_TIDY (use this binary instead of building one).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../.." && pwd)
corpus=${COOP_CORPUS:-/tmp/coop-corpus}
build=${COOP_CORPUS_BUILD:-$top/build-corpus}

"$here/install.sh" "$corpus"

tidy=${COOP_TIDY:-}
if [ -z "$tidy" ]; then
  echo "corpus: building assertion-enabled coop-tidy in $build"
  mkdir -p "$build"
  cmake -S "$top" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g -UNDEBUG -D_GLIBCXX_ASSERTIONS" \
    -DCOOP_BUILD_LIBRARY=OFF -DCOOP_BUILD_CLANGD=OFF >"$build/coop-configure.log" 2>&1 ||
    { cat "$build/coop-configure.log"; exit 1; }
  nice -n 10 cmake --build "$build" --target coop-tidy
  tidy=$build/checker/tools/coop-tidy/coop-tidy
fi

exec python3 "$here/run_corpus.py" --corpus "$corpus" --tidy "$tidy" "$@"
