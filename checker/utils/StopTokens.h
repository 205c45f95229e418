//===--- StopTokens.h - recognising stop tokens and finding one in scope --===//
#ifndef COOP_CHECKER_UTILS_STOPTOKENS_H
#define COOP_CHECKER_UTILS_STOPTOKENS_H

#include "BodyParents.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/STLFunctionalExtras.h"

namespace coop {

enum class StopTokenKind { None, Std, Coop, CoopC };

/// What kind of stop token T is (references and cv-qualifiers ignored):
/// std::stop_token, coop::stop_token, or the C API's coop_stop_token.
StopTokenKind stopTokenKind(clang::QualType T);
inline bool isStopTokenType(clang::QualType T) {
  return stopTokenKind(T) != StopTokenKind::None;
}

/// True for std::stop_callback<F> and coop::stop_callback<F>.
bool isStopCallbackType(clang::QualType T);

/// A stop token a fix can use at Use inside Fn: a local variable declared
/// before Use in an enclosing scope of Fn's body, or a parameter of Fn.
/// Lambdas are searched as their call operator (so a std::jthread lambda's
/// own `std::stop_token` parameter is found), then, through the lambda's
/// captures, the function the lambda is written in: a token the lambda
/// captures explicitly, or any token if it captures by copy (`[=]`). A `[&]`
/// default capture does not bring tokens in: the lambda may run on a thread
/// that outlives them. Only tokens whose kind Accept returns true for are
/// considered (all kinds when Accept is null). Returns null when there is
/// none.
const clang::VarDecl *
findStopTokenInScope(const clang::FunctionDecl &Fn, const clang::Stmt &Use,
                     BodyParents &Parents,
                     llvm::function_ref<bool(StopTokenKind)> Accept = nullptr);

} // namespace coop

#endif // COOP_CHECKER_UTILS_STOPTOKENS_H
