#!/usr/bin/env bash
# The main job: build coop-tidy, run every coop check over the example
# project through its compile database, print the diagnostics, then apply the
# fix-its to a scratch copy and show them as a diff.
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$top"
example=${1:-examples/telemetry-agent}
name=$(basename "$example")

scripts/install-deps.sh
echo "== coop: building coop-tidy"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >build/demo-configure.log 2>&1 ||
  { cat build/demo-configure.log; exit 1; }
cmake --build build --target coop-tidy CoopTidyPlugin >build/demo-build.log 2>&1 ||
  { tail -40 build/demo-build.log; exit 1; }
coop_tidy=$top/build/checker/tools/coop-tidy/coop-tidy

# compile_database <source dir> <build dir>: the project's own CMake writes it.
compile_database() {
  mkdir -p "$(dirname "$2")"
  cmake -S "$1" -B "$2" -G Ninja >"$2.log" 2>&1 || { cat "$2.log"; exit 1; }
}

sources() { find "$1/src" -name '*.c' -o -name '*.cpp' | sort; }

echo "== coop: diagnostics for $example"
compile_database "$example" "build/examples/$name"
# clang-tidy exits non-zero when it reports; that is the expected outcome here.
"$coop_tidy" -p "build/examples/$name" --quiet --use-color=false \
  $(sources "$example") 2>&1 | grep -v '^[0-9]* warnings\? generated' || true

echo
echo "== coop: fixes (applied to a copy in build/demo-fixed/$name)"
rm -rf "build/demo-fixed/$name" && mkdir -p build/demo-fixed
cp -r "$example" "build/demo-fixed/$name"
cp examples/.clang-tidy build/demo-fixed/
compile_database "build/demo-fixed/$name" "build/demo-fixed/$name-build"
"$coop_tidy" -p "build/demo-fixed/$name-build" --quiet --fix --use-color=false \
  $(sources "build/demo-fixed/$name") >/dev/null 2>&1 || true
diff -ru "$example/src" "build/demo-fixed/$name/src" ||
  true
