//===--- BodyParents.h - parents of statements within one function body ---===//
//
// The checks' upward walks (which locks are held here, is this launch inside
// a loop, is this call's value used) never leave the function they start in.
// clang's parent map (ASTContext::getParents, and the forCallable /
// hasAncestor matchers built on it) indexes the whole translation unit the
// first time anything asks: on large TUs that alone cost about 8% of
// clang-tidy's time and a third more peak memory (docs/performance.md).
// This index maps only the statements of the bodies a check asks about,
// built on first use per body.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_BODYPARENTS_H
#define COOP_CHECKER_UTILS_BODYPARENTS_H

#include "clang/AST/Decl.h"
#include "clang/AST/ParentMap.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>

namespace coop {

class BodyParents {
public:
  /// The statement directly containing S within Body (a lambda's body is
  /// part of the body it is written in); null for Body itself and for a
  /// statement outside Body. A variable's initializer has its DeclStmt as
  /// parent.
  const clang::Stmt *parentOf(const clang::Stmt &S, const clang::Stmt &Body);
  /// The same within Fn's body; null when Fn is null or has no body.
  const clang::Stmt *parentOf(const clang::Stmt &S,
                              const clang::FunctionDecl *Fn);
  /// Forget every body (call when the translation unit is done).
  void clear() { Maps.clear(); }

private:
  llvm::DenseMap<const clang::Stmt *, std::unique_ptr<clang::ParentMap>> Maps;
};

} // namespace coop

#endif // COOP_CHECKER_UTILS_BODYPARENTS_H
