//===--- AtomicRewrite.h - turning a plain variable into an atomic one ----===//
//
// The declaration rewrite behind coop-non-atomic-stop-flag's fix:
//   C++11 and later   bool stop = false;          -> std::atomic<bool> stop = false;
//                     static volatile int n;      -> static std::atomic<int> n;
//   C11               static volatile bool stop;  -> static atomic_bool stop;
//                     volatile sig_atomic_t s;    -> _Atomic(sig_atomic_t) s;
// (before C++17 `T x = init;` becomes `std::atomic<T> x(init);`, since the
// copy it implies is deleted). Every redeclaration changes, and the rewrite
// is only offered when every use of the variable in the translation unit
// still compiles with the atomic type: loads, `=`, the compound assignments
// and increments std::atomic<T> has for T; no address or non-const
// reference taken, no copy (auto, template argument deduction, deduced
// return types, copy captures, implicit copies of the enclosing class).
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_ATOMICREWRITE_H
#define COOP_CHECKER_UTILS_ATOMICREWRITE_H

#include "BodyParents.h"
#include "SharedVariables.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include <optional>
#include <string>
#include <vector>

namespace coop {

/// The atomic type that replaces Var's type, as the fix writes it (and
/// messages name it): "std::atomic<bool>", "atomic_int", "_Atomic(pid_t)".
std::string atomicSpellingOf(const clang::ValueDecl &Var,
                             const clang::ASTContext &Ctx);

struct AtomicRewrite {
  /// Edits to every declaration of the variable.
  std::vector<clang::FixItHint> Edits;
  /// The header the atomic type needs ("<atomic>", "<stdatomic.h>"), or "".
  llvm::StringRef Header;
};

/// The rewrite of Var (a key of Index) into an atomic variable, or nothing
/// when it would not be mechanical or would leave a use that no longer
/// compiles.
std::optional<AtomicRewrite> rewriteAsAtomic(const clang::ValueDecl &Var,
                                             const SharedVariableIndex &Index,
                                             BodyParents &Parents,
                                             clang::ASTContext &Ctx);

} // namespace coop

#endif // COOP_CHECKER_UTILS_ATOMICREWRITE_H
