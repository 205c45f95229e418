//===--- ResourceDir.h - clang's own headers for coop-tidy and coop-clangd ===//
//
// The clang driver looks for its resource directory (stddef.h, x86intrin.h,
// ...) at <binary>/../lib/clang/<major>. Installed next to LLVM's binaries,
// or in /usr/bin on Debian, that exists; run from a build tree it does not.
// Debian's driver still finds the headers for Linux targets through its own
// fallback, but other targets (--target=x86_64-w64-mingw32) fail on the first
// compiler header. The tools therefore name the resource directory of the
// LLVM they were built against when, and only when, the default is missing
// and the user did not name one.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_TOOLS_RESOURCEDIR_H
#define COOP_CHECKER_TOOLS_RESOURCEDIR_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <string>
#include <vector>

namespace coop {

/// Argv with Flag + <the built-against resource directory> inserted after
/// the program name, if the directory next to the binary is missing, no
/// argument already starts with Flag or NameFlag, and the built-against
/// directory exists. MainAddr is the address of main (for the binary's path).
inline std::vector<const char *>
withResourceDir(int Argc, const char *const *Argv, void *MainAddr,
                llvm::StringRef Flag, llvm::StringRef NameFlag,
                std::string &Storage) {
  std::vector<const char *> Args(Argv, Argv + Argc);
  for (llvm::StringRef Arg : llvm::ArrayRef(Argv, Argc))
    if (Arg.contains(NameFlag))
      return Args;
  std::string Exe = llvm::sys::fs::getMainExecutable(Argv[0], MainAddr);
  llvm::SmallString<256> Default(llvm::sys::path::parent_path(Exe));
  llvm::sys::path::append(Default, "..", "lib", "clang", COOP_LLVM_VERSION_MAJOR_STR);
  if (Exe.empty() || llvm::sys::fs::is_directory(Default) ||
      !llvm::sys::fs::is_directory(COOP_CLANG_RESOURCE_DIR))
    return Args;
  Storage = (Flag + COOP_CLANG_RESOURCE_DIR).str();
  Args.insert(Args.begin() + 1, Storage.c_str());
  return Args;
}

} // namespace coop

#endif // COOP_CHECKER_TOOLS_RESOURCEDIR_H
