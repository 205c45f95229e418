//===--- ConstantValue.h - the integer an argument always has -------------===//
//
// Checks judge arguments by value, not spelling: SIGKILL, 9 and a local `sig`
// initialised to SIGKILL and never changed are the same signal; -1, INFINITE
// and a constexpr kForever are the same timeout.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_CONSTANTVALUE_H
#define COOP_CHECKER_UTILS_CONSTANTVALUE_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include <optional>

namespace coop {

/// Whether a local variable's initializer counts as its value when nothing
/// in the function that declares it changes it (or takes its address). No
/// follows only const variables: cheaper, for analyses that ask about every
/// expression of a loop.
enum class FollowLocals : bool { No, Yes };

/// The value E always has: a constant expression, or a variable that only
/// ever holds its constant initializer (const-qualified, or, with Locals, a
/// local that its function never modifies nor takes the address of).
std::optional<int64_t> constantIntValue(const clang::Expr *E,
                                        clang::ASTContext &Ctx,
                                        FollowLocals Locals);

/// True if E is a null pointer constant, or a pointer variable that only ever
/// holds one (the same rules as constantIntValue).
bool isAlwaysNullPointer(const clang::Expr *E, clang::ASTContext &Ctx,
                         FollowLocals Locals);

/// The initializer of the variable E (parens and implicit casts already
/// stripped) names, if that variable only ever holds it: the rules of
/// constantIntValue. Null otherwise. For checks that follow a local to the
/// expression that produced its value (`HANDLE self = GetCurrentThread();`).
const clang::Expr *onlyInitializer(const clang::Expr *E, clang::ASTContext &Ctx,
                                   FollowLocals Locals);

} // namespace coop

#endif // COOP_CHECKER_UTILS_CONSTANTVALUE_H
