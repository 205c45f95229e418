//===--- StopTokens.h - recognising stop tokens and finding one in scope --===//
#ifndef COOP_CHECKER_UTILS_STOPTOKENS_H
#define COOP_CHECKER_UTILS_STOPTOKENS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Type.h"

namespace coop {

enum class StopTokenKind { None, Std, Coop, CoopC };

/// What kind of stop token T is (references and cv-qualifiers ignored):
/// std::stop_token, coop::stop_token, or the C API's coop_stop_token.
StopTokenKind stopTokenKind(clang::QualType T);
inline bool isStopTokenType(clang::QualType T) {
  return stopTokenKind(T) != StopTokenKind::None;
}

/// A stop token a fix can use at Use inside Fn: a parameter of Fn, or a local
/// variable declared before Use in an enclosing scope of Fn's body. Lambdas
/// are searched as their call operator. Returns null when there is none.
const clang::VarDecl *findStopTokenInScope(const clang::FunctionDecl &Fn,
                                           const clang::Stmt &Use,
                                           clang::ASTContext &Ctx);

} // namespace coop

#endif // COOP_CHECKER_UTILS_STOPTOKENS_H
