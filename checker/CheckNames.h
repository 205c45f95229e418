//===--- CheckNames.h - the public names of coop's checks -----------------===//
//
// Users' .clang-tidy files, NOLINT comments and the docs depend on these
// spellings; they never change. The module registers checks under them and
// UnsafeApis.def assigns table entries to them.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_CHECKNAMES_H
#define COOP_CHECKER_CHECKNAMES_H

#include "llvm/ADT/StringRef.h"

namespace coop::names {
inline constexpr llvm::StringLiteral PthreadCancel = "coop-pthread-cancel";
inline constexpr llvm::StringLiteral TerminateThread = "coop-terminate-thread";
inline constexpr llvm::StringLiteral DetachedInfiniteLoop =
    "coop-detached-infinite-loop";
inline constexpr llvm::StringLiteral UnboundedWait = "coop-unbounded-wait";
inline constexpr llvm::StringLiteral NonAtomicStopFlag =
    "coop-non-atomic-stop-flag";
inline constexpr llvm::StringLiteral IgnoredStopToken =
    "coop-ignored-stop-token";
} // namespace coop::names

#endif // COOP_CHECKER_CHECKNAMES_H
