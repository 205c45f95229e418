#!/bin/sh
# Cross-compiles the library and a small program using it for Windows (x86_64, mingw-w64
# posix threads): the CMake WIN32 branch, the WaitForMultipleObjects/WaitOnAddress
# platform layer, and the public headers under _WIN32.
#
#   mingw-compile.sh [repo-root] [work-dir] [cmake]
#
# Installs Debian's g++-mingw-w64-x86-64-posix if the compiler is missing (idempotent).
# Exit 77 (ctest SKIP) only when the compiler is missing and cannot be installed.
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=${1:-$(cd "$here/../.." && pwd)}
work=${2:-$(mktemp -d)}
cmake=${3:-cmake}
cxx=x86_64-w64-mingw32-g++-posix
cc=x86_64-w64-mingw32-gcc-posix
mkdir -p "$work"

install_compiler() {
  command -v apt-get >/dev/null 2>&1 || return 1
  [ "$(id -u)" = 0 ] || return 1
  # Another apt may hold the lock: retry for up to ~10 minutes.
  tries=0
  updated=no
  while [ $tries -lt 120 ]; do
    if DEBIAN_FRONTEND=noninteractive apt-get install -y -q g++-mingw-w64-x86-64-posix >"$work/apt.log" 2>&1; then
      return 0
    fi
    if grep -q -i -e "lock" "$work/apt.log"; then
      sleep 5
    elif [ $updated = no ]; then
      updated=yes
      apt-get update -q >>"$work/apt.log" 2>&1 || true
    else
      cat "$work/apt.log" >&2
      return 1
    fi
    tries=$((tries + 1))
  done
  return 1
}

if ! command -v "$cxx" >/dev/null 2>&1; then
  echo "mingw-compile: $cxx missing, installing g++-mingw-w64-x86-64-posix"
  if ! install_compiler || ! command -v "$cxx" >/dev/null 2>&1; then
    echo "mingw-compile: SKIP: cannot install the mingw-w64 cross compiler"
    exit 77
  fi
fi

cat >"$work/toolchain.cmake" <<TOOLCHAIN
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER $cc)
set(CMAKE_CXX_COMPILER $cxx)
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
TOOLCHAIN

set -e
rm -rf "$work/build"
"$cmake" -S "$root" -B "$work/build" \
  -DCMAKE_TOOLCHAIN_FILE="$work/toolchain.cmake" \
  -DCMAKE_BUILD_TYPE=Release \
  -DCMAKE_CXX_FLAGS="-Werror" \
  -DCOOP_BUILD_CHECKER=OFF -DCOOP_BUILD_TESTS=OFF -DCOOP_BUILD_BENCH=OFF \
  -DCOOP_SANITIZER= >"$work/configure.log" 2>&1 || { cat "$work/configure.log"; exit 1; }
"$cmake" --build "$work/build" --target coop -j2

# The program: C++ and C API, linked statically into a Windows executable.
"$cxx" -std=c++17 -Wall -Wextra -Werror -O1 -I"$root/library/include" \
  -c "$here/windows_smoke.cpp" -o "$work/windows_smoke.o"
"$cxx" -static -o "$work/windows_smoke.exe" "$work/windows_smoke.o" "$work/build/library/libcoop.a" \
  -lws2_32 -lsynchronization
file "$work/windows_smoke.exe" 2>/dev/null || ls -l "$work/windows_smoke.exe"
echo "mingw-compile: OK"
