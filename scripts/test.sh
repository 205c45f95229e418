#!/usr/bin/env bash
# Builds coop and runs every test; the README's test command.
#
#   1. installs missing Debian packages (scripts/install-deps.sh);
#   2. builds the checker (plugin, coop-tidy, coop-clangd) and the library
#      against LLVM 22, and runs the lit suite (every check through stock
#      clang-tidy --load and through coop-tidy, the LSP test through
#      coop-clangd), the integration suite (the recipes of docs/ci.md and
#      docs/editors.md run for real, coop-sarif, the .deb built by cpack and
#      used from a staging root) and the library's GoogleTest suite;
#   3. rebuilds the library under ThreadSanitizer and AddressSanitizer and
#      runs its tests (stress tests included) again;
#   4. builds the checker against LLVM 19 and runs the lit suite through
#      clang-tidy-19 --load and coop-tidy, to keep the code portable;
#   5. prints the total: "coop: N passed, N failed, N skipped".
#
# Environment: COOP_WITH_LLVM19=0 skips step 4; COOP_JOBS sets parallelism.
set -uo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
jobs=${COOP_JOBS:-$(nproc)}
# Debian's interpreter: the modules install-deps.sh brings (psutil for lit's
# time limits, yaml for coop-sarif) live there, not in a pyenv or venv that
# may come first on PATH.
python=/usr/bin/python3
results="$top/build/test-results"
failed_steps=()

# The lit that CMake found for the LLVM a build directory was configured with.
lit_of() { sed -n 's/^COOP_LIT:FILEPATH=//p' "$1/CMakeCache.txt"; }

step() { printf '\n== coop: %s\n' "$*"; }
fail() { echo "coop: FAILED: $1"; failed_steps+=(--failed-step "$1"); }

step "installing missing packages"
scripts/install-deps.sh || { echo "coop: cannot install dependencies"; exit 1; }

# configure_and_build <dir> <name> <cmake args...>
configure_and_build() {
  local dir=$1 name=$2
  shift 2
  cmake -S "$top" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPython3_EXECUTABLE="$python" "$@" >"$dir.configure.log" 2>&1 ||
    { cat "$dir.configure.log"; fail "$name: configure"; return 1; }
  cmake --build "$dir" -j "$jobs" >"$dir.build.log" 2>&1 ||
    { tail -50 "$dir.build.log"; fail "$name: build"; return 1; }
}

mkdir -p build
rm -rf "$results" && mkdir -p "$results"

step "building checker and library (LLVM 22)"
if configure_and_build build "main build"; then
  step "checker lit suite (LLVM 22)"
  "$python" "$(lit_of build)" -sv --timeout=600 build/test/checker --xunit-xml-output="$results/lit-llvm22.xml" ||
    echo "coop: lit reported failures"
  step "integration suite: CI recipes, SARIF, Debian package, editor setup"
  "$python" "$(lit_of build)" -sv --timeout=600 build/test/integration --xunit-xml-output="$results/lit-integration.xml" ||
    echo "coop: integration tests reported failures"
  step "library tests"
  ctest --test-dir build --output-on-failure --timeout 900 -j "$jobs" --output-junit "$results/ctest.xml" ||
    echo "coop: ctest reported failures"
fi

for sanitizer in thread address; do
  step "library under -fsanitize=$sanitizer"
  if configure_and_build "build-$sanitizer" "$sanitizer sanitizer build" \
      -DCOOP_BUILD_CHECKER=OFF -DCOOP_SANITIZER=$sanitizer; then
    ctest --test-dir "build-$sanitizer" --output-on-failure --timeout 900 -j "$jobs" \
      --output-junit "$results/ctest-$sanitizer.xml" ||
      echo "coop: ctest ($sanitizer) reported failures"
  fi
done

if [ "${COOP_WITH_LLVM19:-1}" = 1 ]; then
  step "checker against LLVM 19"
  if scripts/install-deps.sh scripts/debian-packages-llvm19.txt &&
     configure_and_build build-llvm19 "LLVM 19 build" -DCOOP_BUILD_LIBRARY=OFF \
       -DCOOP_LLVM_ROOT=/usr/lib/llvm-19 -DCOOP_BUILD_CLANGD=OFF; then
    "$python" "$(lit_of build-llvm19)" -sv --timeout=600 build-llvm19/test/checker \
      --xunit-xml-output="$results/lit-llvm19.xml" || echo "coop: lit (LLVM 19) reported failures"
  fi
fi

step "summary"
"$python" scripts/junit-summary.py "$results"/*.xml "${failed_steps[@]}"
