//===--- Compat.h - differences between the supported LLVM versions -------===//
//
// coop builds against LLVM 19 and 22 (Debian packages). Every version
// difference the module depends on is bridged here and nowhere else.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_COMPAT_H
#define COOP_CHECKER_UTILS_COMPAT_H

#include "llvm/Config/llvm-config.h"

// LLVM 22 moved the module registry into ClangTidyModule.h and deprecated the
// old header with a #warning.
#if LLVM_VERSION_MAJOR >= 22
#include "clang-tidy/ClangTidyModule.h"
#else
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif

#endif // COOP_CHECKER_UTILS_COMPAT_H
