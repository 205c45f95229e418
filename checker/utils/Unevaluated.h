//===--- Unevaluated.h - code that names a function without running it ----===//
//
// `decltype(&TerminateThread)`, `sizeof(f())` and `noexcept(f())` mention a
// function but never call it nor take its address at run time; a check that
// reports "any reference" skips them.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_UNEVALUATED_H
#define COOP_CHECKER_UTILS_UNEVALUATED_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace coop {

/// True if E is part of an operand that is never evaluated: of sizeof /
/// alignof, decltype / typeof / typeof_unqual, noexcept, typeid of a
/// non-polymorphic operand, a requires-expression, or _Generic's controlling
/// expression. Builds the parent map on first use.
bool isUnevaluatedOperand(const clang::Expr &E, clang::ASTContext &Ctx);

} // namespace coop

#endif // COOP_CHECKER_UTILS_UNEVALUATED_H
