#!/usr/bin/env bash
# Installs and prepares coop's real-world corpus outside the repository.
#
#   bench/corpus/install.sh [corpus-dir]      (default: $COOP_CORPUS or /tmp/coop-corpus)
#
# 1. installs the Debian packages in bench/corpus/packages.txt (source
#    packages put tarballs under /usr/src);
# 2. unpacks each project into <corpus-dir>/src;
# 3. runs just enough of each project's own configuration to get the headers
#    a compiler needs (glibc: configure + generated headers; Open vSwitch and
#    BlueZ: configure + generated sources; pocl: CMake, which also writes a
#    real compile database);
# 4. writes <corpus-dir>/db/<project>/compile_commands.json with
#    bench/corpus/gen_compile_db.py.
#
# Every step is skipped when its stamp file exists, so re-running is quick.
# Nothing is written into the repository: corpus code is never committed.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../.." && pwd)
corpus=$(realpath -m "${1:-${COOP_CORPUS:-/tmp/coop-corpus}}")
src=$corpus/src
build=$corpus/build
stamps=$corpus/stamps
mkdir -p "$src" "$build" "$stamps"
log() { printf 'corpus: %s\n' "$*"; }
# Configure steps are CPU-heavy; the machine is shared.
quiet() { nice -n 10 "$@"; }

"$top/scripts/install-deps.sh" "$here/packages.txt"

# unpack <name> <tarball> [tar members...]: into $src/<top dir of the tarball>.
unpack() {
  local name=$1 tarball=$2
  shift 2
  [ -e "$stamps/unpack-$name" ] && return 0
  [ -f "$tarball" ] || { echo "corpus: $tarball missing (is the source package installed?)" >&2; exit 1; }
  log "unpacking $tarball"
  tar -xf "$tarball" -C "$src" "$@"
  touch "$stamps/unpack-$name"
}

unpack glibc /usr/src/glibc/glibc-*.tar.xz
unpack gcc /usr/src/gcc-12/gcc-*.tar.xz --wildcards '*/libstdc++-v3/*'
unpack openvswitch /usr/src/openvswitch/openvswitch.tar.gz
unpack pocl /usr/src/pocl.tar.xz
unpack bluez /usr/src/bluez.tar.bz2
# JUCE ships its modules unpacked.
[ -d /usr/share/juce/modules ] || { echo "corpus: /usr/share/juce/modules missing" >&2; exit 1; }

glibc_src=$(echo "$src"/glibc-*/)
gcc_src=$(echo "$src"/gcc-*/)

# glibc: configure in a separate object dir, then only the generated headers
# the nptl sources include (a full glibc build is ~30 CPU-minutes).
if [ ! -e "$stamps/glibc" ]; then
  log "configuring glibc"
  mkdir -p "$build/glibc"
  (cd "$build/glibc" &&
    quiet "$glibc_src/configure" --prefix=/usr --disable-werror >configure.log 2>&1 &&
    quiet make "$PWD/libc-modules.h" "$PWD/abi-versions.h" "$PWD/first-versions.h" \
      "$PWD/gnu/lib-names.h" "$PWD/libc-abis.h" "$PWD/dl-tunable-list.h" >headers.log 2>&1 &&
    quiet make -C "$glibc_src/misc" objdir="$PWD" "$PWD/misc/bits/syscall.h" >>headers.log 2>&1) ||
    { echo "corpus: glibc configure failed; see $build/glibc/*.log" >&2; exit 1; }
  touch "$stamps/glibc"
fi

# automake helpers: print the C sources every target of this configuration
# builds, and the flags every compile shares.
cat >"$build/am-print.mk" <<'MK'
coop-print-sources:
	@echo $(sort $(filter %.c,$(foreach v,$(filter-out %_DIST DIST_SOURCES,$(filter %_SOURCES,$(.VARIABLES))),$($(v)))))
coop-print-flags:
	@echo $(DEFS) $(DEFAULT_INCLUDES) $(AM_CPPFLAGS) $(CPPFLAGS) $(AM_CFLAGS) $(CFLAGS)
coop-built-sources: $(BUILT_SOURCES) $(nodist_lib_libopenvswitch_la_SOURCES) $(nodist_ofproto_libofproto_la_SOURCES)
MK

# am_prepare <name> <dir> <configure args...>
am_prepare() {
  local name=$1 dir=$2
  shift 2
  [ -e "$stamps/$name" ] && return 0
  log "configuring $name"
  (cd "$dir" &&
    quiet ./configure "$@" >"$build/$name-configure.log" 2>&1 &&
    quiet make -j2 -f Makefile -f "$build/am-print.mk" coop-built-sources >"$build/$name-built.log" 2>&1 &&
    make -s -f Makefile -f "$build/am-print.mk" coop-print-sources >"$build/$name.sources" &&
    make -s -f Makefile -f "$build/am-print.mk" coop-print-flags >"$build/$name.flags") ||
    { echo "corpus: $name configure failed; see $build/$name-*.log" >&2; exit 1; }
  touch "$stamps/$name"
}

am_prepare openvswitch "$src/openvswitch"
# Open vSwitch includes generated tables (.inc) that only its full build makes.
if [ ! -e "$stamps/openvswitch-inc" ]; then
  (cd "$src/openvswitch" &&
    quiet make -j2 lib/meta-flow.inc lib/nx-match.inc lib/ofp-actions.inc1 lib/ofp-actions.inc2 \
      lib/ofp-errors.inc lib/ofp-msgs.inc ovsdb/_server.ovsschema.inc >"$build/openvswitch-inc.log" 2>&1)
  touch "$stamps/openvswitch-inc"
fi
am_prepare bluez "$src/bluez-source" --disable-udev --disable-cups --disable-obex \
  --disable-mesh --disable-midi --disable-manpages --disable-systemd --disable-datafiles \
  --disable-client --disable-hid2hci --enable-library --enable-threads

# pocl: its own CMake writes the compile database; no LLVM, so the CPU
# driver is built "compiler-less", which needs a fixed build hash.
if [ ! -e "$stamps/pocl" ]; then
  log "configuring pocl"
  quiet cmake -S "$src/pocl" -B "$build/pocl" -G Ninja -DENABLE_LLVM=OFF -DENABLE_ICD=OFF \
    -DHOST_DEVICE_BUILD_HASH=coop-corpus -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_C_COMPILER=clang-22 -DCMAKE_CXX_COMPILER=clang++-22 >"$build/pocl-cmake.log" 2>&1 ||
    { echo "corpus: pocl cmake failed; see $build/pocl-cmake.log" >&2; exit 1; }
  touch "$stamps/pocl"
fi

log "writing compile databases"
python3 "$here/gen_compile_db.py" --corpus "$corpus"
log "ready: $corpus (run bench/corpus/run.sh)"
