#!/usr/bin/env python3
"""Write a compile database per corpus project, with approximate flags.

  gen_compile_db.py --corpus DIR

Reads the projects bench/corpus/install.sh prepared under DIR/src and DIR/build
and writes DIR/db/<project>/compile_commands.json, plus DIR/db/corpus.json:
the list of projects in a fixed order, each with its version, the clang-tidy
arguments it runs with, and which TUs are expected not to compile (test files
that exist to be rejected).

The flags are approximations of each project's real build, reconstructed from
its own configuration: glibc's sysdeps include order from its configure,
automake's shared flags for Open vSwitch and BlueZ, pocl's own CMake database.
A TU that still does not parse is reported by the runner as a parse failure,
never dropped here.
"""
import argparse
import glob
import json
import os
import re
import shlex
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CLANG_RESOURCE = "/usr/lib/llvm-22/lib/clang/22/include"

# APIs whose presence makes a glibc file outside the thread directories part of
# the corpus: the code coop-pthread-cancel is about.
GLIBC_API_RE = re.compile(
    r"pthread_cancel|pthread_kill|pthread_sigqueue|tgkill|PTHREAD_CANCEL_ASYNCHRONOUS")
# glibc directories that are another port (Hurd, kFreeBSD), not the Linux one
# the configure run selected.
GLIBC_OTHER_PORTS = re.compile(r"(^|/)(htl|fbtl|hurd|mach|kfreebsd|bsd|sysdeps/htl)(/|$)")


def debian_version(package):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                              stdout=subprocess.PIPE, universal_newlines=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def entry(directory, file, args):
    return {"directory": directory, "file": file,
            "arguments": ["clang"] + args + ["-c", file]}


# --------------------------------------------------------------------------- glibc
def glibc(corpus):
    src = glob.glob(os.path.join(corpus, "src", "glibc-*"))[0]
    obj = os.path.join(corpus, "build", "glibc")
    with open(os.path.join(obj, "config.make")) as f:
        sysdirs = re.search(r"^config-sysdirs\s*=\s*(.*)$", f.read(), re.M).group(1).split()
    # Makeconfig's +sysdep-includes: the object dir, then each sysdeps dir
    # preceded by its include/ subdirectory when it has one.
    sysdep_includes = []
    for d in [obj] + [os.path.join(src, d) for d in sysdirs]:
        if os.path.isdir(os.path.join(d, "include")):
            sysdep_includes.append("-I" + os.path.join(d, "include"))
        sysdep_includes.append("-I" + d)
    common = ["-std=gnu11", "-fgnu89-inline", "-O2", "-D_LIBC_REENTRANT",
              "-include", os.path.join(obj, "libc-modules.h"),
              "-include", os.path.join(src, "include", "libc-symbols.h"),
              "-DTOP_NAMESPACE=glibc", "-U_FORTIFY_SOURCE", "-ftls-model=initial-exec",
              # glibc is its own libc: no system libc headers before its own,
              # but the kernel's (linux/, asm/) come from the system.
              "-nostdinc", "-isystem", CLANG_RESOURCE,
              "-idirafter", "/usr/include/x86_64-linux-gnu", "-idirafter", "/usr/include"]

    files = set()
    for d in ("nptl", "sysdeps/pthread", "sysdeps/nptl", "rt", "support"):
        files.update(glob.glob(os.path.join(src, d, "*.c")))
    for root, _, names in os.walk(src):
        rel_root = os.path.relpath(root, src)
        if GLIBC_OTHER_PORTS.search(rel_root):
            continue
        for name in names:
            if name.endswith(".c"):
                path = os.path.join(root, name)
                with open(path, errors="replace") as f:
                    if GLIBC_API_RE.search(f.read()):
                        files.add(path)

    entries = []
    for path in sorted(files):
        rel = os.path.relpath(path, src)
        subdir = rel.split("/")[0] if not rel.startswith("sysdeps/") else "nptl"
        name = os.path.basename(path)
        if name.startswith("tst-") or "/tests/" in rel:
            module = "testsuite"
        elif rel.startswith("support/"):
            module = "libsupport"
        else:
            module = "libc"
        # Makeconfig's +includes, in its order; "." is the subdirectory.
        args = common + ["-DMODULE_NAME=" + module,
                         "-I" + os.path.join(src, "include"), "-I" + os.path.join(obj, subdir)]
        args += sysdep_includes + ["-I" + src, "-I" + os.path.join(src, "libio"),
                                   "-I" + os.path.join(src, subdir)]
        if os.path.dirname(path) != os.path.join(src, subdir):
            args.append("-I" + os.path.dirname(path))
        entries.append(entry(os.path.join(src, subdir), path, args))
    return {"version": debian_version("glibc-source"), "entries": entries,
            "root": src, "expect_error": []}


# --------------------------------------------------------------------------- libstdc++
def dg_expects_error(text):
    return re.search(r"dg-error|dg-excess-errors|dg-do (preprocess|link)\b.*xfail", text) is not None


def libstdcxx(corpus):
    src = glob.glob(os.path.join(corpus, "src", "gcc-*"))[0]
    lib = os.path.join(src, "libstdc++-v3")
    files = sorted(glob.glob(os.path.join(lib, "testsuite", "30_threads", "**", "*.cc"),
                             recursive=True))
    files += [os.path.join(lib, "src", "c++11", n) for n in
              ("thread.cc", "condition_variable.cc", "mutex.cc", "future.cc")]
    entries, expect_error = [], []
    for path in files:
        with open(path, errors="replace") as f:
            text = f.read()
        # The test's own -std when it names one (dg-options), else C++20,
        # where jthread and stop_token exist.
        m = re.search(r"dg-options\s+\"[^\"]*(-std=[\w+]+)", text)
        std = m.group(1) if m else "-std=gnu++20"
        args = [std, "-pthread", "-I" + os.path.join(lib, "testsuite", "util")]
        if "/src/" in path:
            args += ["-D_GLIBCXX_USE_CXX11_ABI=1"]
        entries.append(entry(os.path.dirname(path), path, args))
        if dg_expects_error(text):
            expect_error.append(path)
    return {"version": debian_version("gcc-12-source"), "entries": entries,
            "root": src, "expect_error": expect_error}


# --------------------------------------------------------------------------- JUCE
JUCE_MODULES = "/usr/share/juce/modules"


def juce(corpus):
    modules = sorted(d for d in os.listdir(JUCE_MODULES)
                     if os.path.isdir(os.path.join(JUCE_MODULES, d)))
    defines = ["-DJUCE_GLOBAL_MODULE_SETTINGS_INCLUDED=1", "-DJUCE_STANDALONE_APPLICATION=1",
               "-DJUCE_USE_CURL=0", "-DJUCE_WEB_BROWSER=0", "-DJUCE_USE_CAMERA=0",
               "-DJUCE_DISPLAY_SPLASH_SCREEN=0", "-DJUCE_APPLICATION_NAME_STRING=\"coop\"",
               "-DJUCE_APPLICATION_VERSION_STRING=\"1\"", "-DNDEBUG=1"]
    defines += ["-DJUCE_MODULE_AVAILABLE_%s=1" % m for m in modules]
    args = ["-std=c++17", "-pthread", "-I" + JUCE_MODULES,
            "-I/usr/include/freetype2"] + defines
    entries = []
    # Each module is one unity TU (<module>/<module>.cpp includes the rest);
    # the plug-in client wrappers need vendor SDKs and are left out.
    for m in modules:
        unity = os.path.join(JUCE_MODULES, m, m + ".cpp")
        if m != "juce_audio_plugin_client" and os.path.exists(unity):
            entries.append(entry(os.path.join(JUCE_MODULES, m), unity, args))
    return {"version": debian_version("juce-modules-source"), "entries": entries,
            "root": JUCE_MODULES, "expect_error": []}


# --------------------------------------------------------------------------- automake
def automake(corpus, name, dirname, package, extra=()):
    root = os.path.join(corpus, "src", dirname)
    with open(os.path.join(corpus, "build", name + ".sources")) as f:
        sources = f.read().split()
    with open(os.path.join(corpus, "build", name + ".flags")) as f:
        flags = shlex.split(f.read())
    # -I paths are relative to the top of the tree; make them absolute.
    flags = [("-I" + os.path.join(root, a[2:])) if a.startswith("-I") and not a[2:].startswith("/")
             else a for a in flags if a not in ("-Werror",)]
    entries = []
    for rel in sources:
        path = os.path.join(root, rel)
        if not os.path.exists(path):
            continue  # a generated file this configuration does not make
        args = ["-std=gnu11"] + flags + list(extra) + ["-I" + os.path.dirname(path)]
        entries.append(entry(root, path, args))
    return {"version": debian_version(package), "entries": entries, "root": root,
            "expect_error": []}


def openvswitch(corpus):
    root = os.path.join(corpus, "src", "openvswitch")
    info = automake(corpus, "openvswitch", "openvswitch", "openvswitch-source",
                    extra=["-I" + os.path.join(root, d) for d in
                           ("include", "lib", "ofproto", "vswitchd", "ovsdb")])
    return info


def bluez(corpus):
    return automake(corpus, "bluez", "bluez-source", "bluez-source")


# --------------------------------------------------------------------------- pocl
def pocl(corpus):
    with open(os.path.join(corpus, "build", "pocl", "compile_commands.json")) as f:
        db = json.load(f)
    entries = []
    for e in db:
        args = shlex.split(e["command"]) if "command" in e else e["arguments"]
        entries.append({"directory": e["directory"], "file": e["file"], "arguments": args})
    return {"version": debian_version("pocl-source"), "entries": entries,
            "root": os.path.join(corpus, "src", "pocl"), "expect_error": []}


# --------------------------------------------------------------------------- headers
def headers(corpus):
    """TUs of ours that include whole libraries: Boost.Thread/Asio, QtCore,
    the C++ standard library and the C/POSIX headers."""
    tus = os.path.join(HERE, "tus")
    qt = "/usr/include/x86_64-linux-gnu/qt6"
    entries = [
        entry(tus, os.path.join(tus, "boost-thread-asio.cpp"),
              ["-std=c++17", "-pthread"]),
        entry(tus, os.path.join(tus, "qtcore.cpp"),
              ["-std=c++17", "-fPIC", "-I" + qt, "-I" + os.path.join(qt, "QtCore")]),
        entry(tus, os.path.join(tus, "stdlib-cxx.cpp"), ["-std=c++23", "-pthread"]),
        entry(tus, os.path.join(tus, "stdlib-cxx17.cpp"), ["-std=c++17", "-pthread"]),
        entry(tus, os.path.join(tus, "stdlib-c.c"), ["-std=gnu17", "-pthread"]),
    ]
    version = "boost %s, qt6 %s, libstdc++ %s" % (
        debian_version("libboost-all-dev"), debian_version("qt6-base-dev"),
        debian_version("libstdc++-12-dev"))
    return {"version": version, "entries": entries, "root": tus, "expect_error": [],
            # The findings that matter here are inside the libraries' own
            # (system) headers.
            "tidy_args": ["--system-headers"]}


PROJECTS = [
    ("glibc", glibc),
    ("libstdc++", libstdcxx),
    ("juce", juce),
    ("openvswitch", openvswitch),
    ("pocl", pocl),
    ("bluez", bluez),
    ("headers", headers),
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--only", action="append", help="project name (repeatable)")
    args = parser.parse_args()
    corpus = os.path.abspath(args.corpus)
    out = os.path.join(corpus, "db")
    os.makedirs(out, exist_ok=True)
    index_path = os.path.join(out, "corpus.json")
    # With --only, the other projects' entries stay as they were.
    index = []
    if args.only and os.path.exists(index_path):
        with open(index_path) as f:
            index = [p for p in json.load(f) if p["name"] not in args.only]
    for name, make in PROJECTS:
        if args.only and name not in args.only:
            continue
        info = make(corpus)
        d = os.path.join(out, name)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "compile_commands.json"), "w") as f:
            json.dump(info["entries"], f, indent=1)
        index.append({"name": name, "version": info["version"], "db": d,
                      "root": info["root"], "tus": len(info["entries"]),
                      "expect_error": info["expect_error"],
                      "tidy_args": info.get("tidy_args", [])})
        print("gen_compile_db: %-12s %4d TUs" % (name, len(info["entries"])))
    order = [name for name, _ in PROJECTS]
    index.sort(key=lambda p: order.index(p["name"]))
    with open(index_path, "w") as f:
        json.dump(index, f, indent=1)


if __name__ == "__main__":
    sys.exit(main())
