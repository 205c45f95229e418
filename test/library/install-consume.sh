#!/bin/sh
# Installs the built library into a scratch prefix, then builds and runs a separate
# consumer project against it twice: through find_package(coop) and through pkg-config.
#
#   install-consume.sh <build-dir> <work-dir> [cmake] [sanitizer] [launcher]
set -eu

here=$(cd "$(dirname "$0")" && pwd)
build=$1
work=$2
cmake=${3:-cmake}
sanitizer=${4:-}
launcher=${5:-}
prefix="$work/stage"

flags=""
if [ -n "$sanitizer" ]; then flags="-fsanitize=$sanitizer"; fi
run() { if [ -n "$launcher" ]; then "$launcher" "$@"; else "$@"; fi; }

rm -rf "$work"
mkdir -p "$work"
"$cmake" --install "$build" --prefix "$prefix" >"$work/install.log"
test -f "$prefix/include/coop/coop.hpp"
test -f "$prefix/include/coop/coop.h"
config=$(find "$prefix" -name coopConfig.cmake | head -n1)
pc=$(find "$prefix" -name coop.pc | head -n1)
test -n "$config" && test -n "$pc"
echo "installed: $config $pc"

# 1. CMake package
"$cmake" -S "$here/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" >"$work/consumer.log"
"$cmake" --build "$work/consumer" >>"$work/consumer.log"
run "$work/consumer/consume_cpp"
run "$work/consumer/consume_c"

# 2. pkg-config
if command -v pkg-config >/dev/null 2>&1; then
  export PKG_CONFIG_PATH="$(dirname "$pc")"
  pkg-config --exists coop
  echo "pkg-config: $(pkg-config --modversion coop): $(pkg-config --cflags --libs coop)"
  # shellcheck disable=SC2046
  cc -std=c11 $flags "$here/consumer/main.c" -o "$work/pc_c" $(pkg-config --cflags --libs coop)
  # shellcheck disable=SC2046
  c++ -std=c++17 $flags "$here/consumer/main.cpp" -o "$work/pc_cpp" $(pkg-config --cflags --libs coop)
  run "$work/pc_c"
  run "$work/pc_cpp"
else
  echo "pkg-config not installed: pkg-config half skipped" >&2
fi
echo "install-consume: OK"
