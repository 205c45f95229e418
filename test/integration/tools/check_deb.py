#!/usr/bin/env python3
"""Check that a .deb declares everything its contents need at run time.

  check_deb.py <package.deb> <root it was unpacked into>

On a clean system apt installs only what Depends names, so:

  * every shared library an ELF file in the package names (DT_NEEDED) must
    resolve here, and the Debian package that provides it must be in Depends
    (or be this package);
  * the clang-tidy plugin needs the clang-tidy of its LLVM (it links nothing
    of LLVM's itself): clang-tidy-<N> must be in Depends;
  * coop-tidy and coop-clangd read the builtin headers from /usr/lib/clang/<N>:
    libclang-common-<N>-dev;
  * coop-sarif runs on Python with PyYAML: python3 and python3-yaml.

Prints one line per problem (and what was checked) and exits 1 on a problem.
"""
import os
import re
import subprocess
import sys


def depends(deb):
    field = subprocess.run(["dpkg-deb", "-f", deb, "Depends"], check=True,
                           stdout=subprocess.PIPE, universal_newlines=True).stdout
    names = set()
    for clause in field.split(","):
        for alternative in clause.split("|"):
            name = alternative.strip().split(" ")[0].split(":")[0]
            if name:
                names.add(name)
    return names


def elf_files(root):
    for directory, _, files in os.walk(root):
        for name in files:
            path = os.path.join(directory, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            with open(path, "rb") as f:
                if f.read(4) == b"\x7fELF":
                    yield path


def owner(path):
    """The Debian package that installed a library, trying the /usr-merged
    spelling too."""
    candidates = [path, os.path.realpath(path)]
    for p in list(candidates):
        if p.startswith("/usr/lib/"):
            candidates.append(p[len("/usr"):])
        elif p.startswith("/lib/"):
            candidates.append("/usr" + p)
    for candidate in candidates:
        result = subprocess.run(["dpkg", "-S", candidate], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, universal_newlines=True)
        if result.returncode == 0:
            return result.stdout.split(":")[0].strip()
    return None


def main():
    deb, root = sys.argv[1], sys.argv[2]
    declared = depends(deb)
    print("Depends: %s" % ", ".join(sorted(declared)))
    problems = []
    for path in sorted(elf_files(root)):
        shown = os.path.relpath(path, root)
        # The libraries this file names itself (DT_NEEDED); what they need in
        # turn is their own packages' business. ldd says where each resolves.
        dynamic = subprocess.run(["readelf", "-d", path], stdout=subprocess.PIPE,
                                 universal_newlines=True).stdout
        needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.*?)\]", dynamic)
        output = subprocess.run(["ldd", path], stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, universal_newlines=True).stdout
        resolved_paths = dict(re.findall(r"^\s*(\S+) => (.*?)(?: \(0x[0-9a-f]+\))?$",
                                         output, re.M))
        # The dynamic loader has no "=>" line, only its path.
        for loader in re.findall(r"^\s*(/\S+) \(0x", output, re.M):
            resolved_paths.setdefault(os.path.basename(loader), loader)
        for library in needed:
            resolved = resolved_paths.get(library, "not found")
            if resolved == "not found":
                problems.append("%s: needs %s, which is not installed" % (shown, library))
                continue
            if resolved.startswith(os.path.abspath(root)):
                continue  # a library of this package
            package = owner(resolved)
            if package is None:
                problems.append("%s: needs %s (%s), which no Debian package provides" %
                                (shown, library, resolved))
            elif package not in declared:
                problems.append("%s: needs %s from %s, which Depends does not name" %
                                (shown, library, package))
            else:
                print("%s: %s from %s" % (shown, library, package))
    files = {os.path.relpath(os.path.join(d, n), root)
             for d, _, names in os.walk(root) for n in names}
    if any(f.endswith("CoopTidyPlugin.so") for f in files):
        if not any(re.match(r"clang-tidy-\d+$", d) for d in declared):
            problems.append("the plugin needs clang-tidy-<N>, which Depends does not name")
    if files & {"usr/bin/coop-tidy", "usr/bin/coop-clangd"}:
        if not any(re.match(r"libclang-common-\d+-dev$", d) for d in declared):
            problems.append("coop-tidy and coop-clangd need the builtin headers of "
                            "libclang-common-<N>-dev, which Depends does not name")
    if "usr/bin/coop-sarif" in files:
        for needed in ("python3", "python3-yaml"):
            if needed not in declared:
                problems.append("coop-sarif needs %s, which Depends does not name" % needed)
    for problem in problems:
        print("problem: %s" % problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
