//===--- NameFilters.h - name-first matchers for hot node kinds -----------===//
//
// coop-pthread-cancel and coop-terminate-thread look at every call and every
// reference to a function in the translation unit, because an API's address
// can be taken as well as called. Written with hasName() (and callee(), to(),
// member()), each such matcher descends several matcher levels on every node
// of its kind, and most of the checks' time went there (docs/performance.md).
//
// These matchers instead test the referenced declaration's plain name
// against a set: one hash lookup, then nothing for almost every node. A check
// registers one of them per node kind, with the union of the names it cares
// about, and tells the APIs apart in check(), where it also tests the scope.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_NAMEFILTERS_H
#define COOP_CHECKER_UTILS_NAMEFILTERS_H

#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringSet.h"
#include <memory>

namespace coop {

/// Plain names ("pthread_kill", "terminate"); a qualified name given to the
/// constructor ("::QThread::terminate") counts by its last component.
class NameSet {
public:
  explicit NameSet(llvm::ArrayRef<llvm::StringRef> Names);

  bool contains(const clang::NamedDecl *D) const {
    return D && D->getIdentifier() && Names->contains(D->getName());
  }
  bool contains(clang::DeclarationName Name) const {
    return Name.isIdentifier() && Names->contains(Name.getAsIdentifierInfo()->getName());
  }

private:
  // Shared: matchers are copied freely.
  std::shared_ptr<const llvm::StringSet<>> Names;
};

/// A call whose callee has one of the names: the function it calls directly,
/// or, in a template that is never instantiated, the unresolved lookup it
/// calls through.
AST_MATCHER_P(clang::CallExpr, calleeNamedIn, NameSet, Names) {
  if (const clang::FunctionDecl *Callee = Node.getDirectCallee())
    return Names.contains(Callee);
  const clang::Expr *Callee = Node.getCallee();
  if (!Callee)
    return false;
  const auto *Lookup =
      llvm::dyn_cast<clang::UnresolvedLookupExpr>(Callee->IgnoreParenImpCasts());
  return Lookup && Names.contains(Lookup->getName());
}

/// A reference to a declaration with one of the names.
AST_MATCHER_P(clang::DeclRefExpr, refersToNamedIn, NameSet, Names) {
  return Names.contains(Node.getDecl());
}

/// A member access to a member with one of the names.
AST_MATCHER_P(clang::MemberExpr, memberNamedIn, NameSet, Names) {
  return Names.contains(Node.getMemberDecl());
}

/// A lookup not yet resolved (a dependent call in a template) of one of the
/// names.
AST_MATCHER_P(clang::UnresolvedLookupExpr, lookupNamedIn, NameSet, Names) {
  return Names.contains(Node.getName());
}

/// The function Ref names, if Accept takes it: a DeclRefExpr's declaration,
/// or the first of an unresolved lookup's candidates that Accept takes.
const clang::FunctionDecl *
referencedFunction(const clang::Expr &Ref,
                   llvm::function_ref<bool(const clang::FunctionDecl &)> Accept);

} // namespace coop

#endif // COOP_CHECKER_UTILS_NAMEFILTERS_H
