//===--- SameObject.h - do two expressions name the same object? ----------===//
//
// Checks that relate one call to another in the same function ("is this the
// descriptor the earlier poll() watched?", "does the stop callback notify the
// condition variable this wait uses?") compare the expressions that name the
// object: the same variable, the same member of the same object, the same
// constant element of the same array. Anything else (calls, arithmetic) is
// never the same object, so the comparison errs towards "different".
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_SAMEOBJECT_H
#define COOP_CHECKER_UTILS_SAMEOBJECT_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"

namespace coop {

/// E without parentheses, implicit casts, and a leading `&` or `*`: the
/// object a pointer argument (`&cond`, `&sem`) designates.
const clang::Expr *designatedObject(const clang::Expr *E);

/// True if A and B (after designatedObject) name the same variable, member
/// of the same object, or constant element of the same array.
bool isSameObject(const clang::Expr *A, const clang::Expr *B,
                  const clang::ASTContext &Ctx);

/// True if Object is named anywhere inside S, including inside the bodies of
/// lambdas written in S.
bool mentionsObject(const clang::Stmt *S, const clang::Expr *Object,
                    const clang::ASTContext &Ctx);

} // namespace coop

#endif // COOP_CHECKER_UTILS_SAMEOBJECT_H
