//===--- Wrappers.h - the expression behind parentheses and temporaries ---===//
//
// The analyses ask what an expression really is (which variable, which
// mutex, which thread object), and the AST puts nodes in between that change
// nothing of that: parentheses, implicit casts, the cleanups and temporaries
// of class values, and (where the caller says so) explicit casts.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_WRAPPERS_H
#define COOP_CHECKER_UTILS_WRAPPERS_H

#include "clang/AST/ExprCXX.h"

namespace coop {

enum class ExplicitCasts { Keep, Strip };

/// E without parentheses, implicit casts, ExprWithCleanups,
/// MaterializeTemporaryExpr and CXXBindTemporaryExpr, at any depth; explicit
/// casts too when Casts is Strip. Null stays null.
inline const clang::Expr *stripWrappers(const clang::Expr *E,
                                        ExplicitCasts Casts) {
  while (E) {
    const clang::Expr *Next = E->IgnoreParenImpCasts();
    if (const auto *Cleanups = llvm::dyn_cast<clang::ExprWithCleanups>(Next))
      Next = Cleanups->getSubExpr();
    else if (const auto *Temp =
                 llvm::dyn_cast<clang::MaterializeTemporaryExpr>(Next))
      Next = Temp->getSubExpr();
    else if (const auto *Bind =
                 llvm::dyn_cast<clang::CXXBindTemporaryExpr>(Next))
      Next = Bind->getSubExpr();
    else if (const auto *Cast = llvm::dyn_cast<clang::ExplicitCastExpr>(Next);
             Cast && Casts == ExplicitCasts::Strip)
      Next = Cast->getSubExpr();
    if (Next == E)
      return E;
    E = Next;
  }
  return E;
}

} // namespace coop

#endif // COOP_CHECKER_UTILS_WRAPPERS_H
