//===--- Unevaluated.h - code that names a function without running it ----===//
//
// `decltype(&TerminateThread)`, `sizeof(f())` and `noexcept(f())` mention a
// function but never call it nor take its address at run time; a check that
// reports "any reference" skips them.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_UNEVALUATED_H
#define COOP_CHECKER_UTILS_UNEVALUATED_H

#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

namespace coop {

/// True if E (a reference to a function or variable, or a call) is part of
/// an operand that is never evaluated: of sizeof / alignof, decltype /
/// typeof, noexcept, typeid of a non-polymorphic operand, a
/// requires-expression, or _Generic's controlling expression.
///
/// Sema records this on each reference it builds (non_odr_use_unevaluated),
/// so no parent walk is needed. A dependent name in a template that is never
/// instantiated (an UnresolvedLookupExpr) carries no such record and counts
/// as evaluated: reporting a mention that never runs is the lesser error.
bool isUnevaluatedOperand(const clang::Expr &E);

/// True if S never evaluates its operand: sizeof, alignof and the other
/// type traits (but not sizeof of a variable-length array, which runs the
/// array's size), noexcept, and typeid of an operand that is not a
/// polymorphic glvalue. A walk of the code that runs skips such an operand
/// whole; that also covers what isUnevaluatedOperand cannot answer for, an
/// object constructed there (`sizeof(std::thread(f))` starts nothing).
bool hasUnevaluatedOperand(const clang::Stmt &S);

} // namespace coop

#endif // COOP_CHECKER_UTILS_UNEVALUATED_H
