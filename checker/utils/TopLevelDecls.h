//===--- TopLevelDecls.h - the TU's own declarations, from the finder -----===//
//
// The whole-TU analyses (the thread-entry walk, the shared-variable index)
// start from the translation unit's top-level declarations. Iterating them
// is most of the analyses' cost in a TU of headers: thousands of library
// declarations, each cold in memory since the parse, each asked whether it
// is in a system header. clang-tidy's match finder already visits every
// top-level declaration, and skips those in system headers (LLVM 21 and
// later), so the checks collect them from its matches and run the analyses
// when the finder is done, in onEndOfTranslationUnit.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_TOPLEVELDECLS_H
#define COOP_CHECKER_UTILS_TOPLEVELDECLS_H

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/ArrayRef.h"
#include <vector>

namespace coop {

class TopLevelDecls {
public:
  /// Adds the matcher for the declarations written at the top level of the
  /// TU (as its lexical declaration list holds them: an out-of-line member
  /// definition, not a template's pattern) to Finder, reported to Check.
  void registerMatchers(clang::ast_matchers::MatchFinder *Finder,
                        clang::ast_matchers::MatchFinder::MatchCallback *Check);
  /// Keeps the declaration if Result is a match of that matcher; false for
  /// the check's other matches.
  bool collect(const clang::ast_matchers::MatchFinder::MatchResult &Result);

  /// The TU the declarations are from; null before the first match.
  clang::ASTContext *context() const { return Context; }
  /// In the finder's order, which is the TU's (or the traversal scope's, in
  /// clangd).
  llvm::ArrayRef<clang::Decl *> decls() const { return Decls; }
  void clear();

private:
  clang::ASTContext *Context = nullptr;
  std::vector<clang::Decl *> Decls;
};

} // namespace coop

#endif // COOP_CHECKER_UTILS_TOPLEVELDECLS_H
