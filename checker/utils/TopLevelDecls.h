//===--- TopLevelDecls.h - the TU's own code, listed by the finder --------===//
//
// The whole-TU analyses (the thread-entry walk, the shared-variable index)
// start from the translation unit's top-level declarations that hold code.
// Iterating the TU's declaration list themselves would be most of their
// cost in a TU of headers: thousands of library declarations, each cold in
// memory since the parse, each asked whether it is in a system header (and,
// in clangd, each deserialized from the preamble). clang-tidy's match finder
// visits the top-level declarations anyway and skips those in system headers
// (LLVM 21 and later) and, in clangd, those outside the main file, so one
// collector per finder lists them from its matches for every check that
// runs the analyses. The checks use the list in onEndOfTranslationUnit,
// when the finder is done.
//
//===----------------------------------------------------------------------===//
#ifndef COOP_CHECKER_UTILS_TOPLEVELDECLS_H
#define COOP_CHECKER_UTILS_TOPLEVELDECLS_H

#include "clang/AST/DeclBase.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/LangOptions.h"
#include "llvm/ADT/ArrayRef.h"
#include <memory>
#include <vector>

namespace coop {

class TopLevelDecls {
public:
  /// The list of Finder's translation unit, shared by every check that asks
  /// for it; the first asking adds the collector's matchers to Finder. The
  /// checks keep the list alive as long as the finder can report to it.
  static std::shared_ptr<const TopLevelDecls>
  of(clang::ast_matchers::MatchFinder &Finder,
     const clang::LangOptions &LangOpts);

  /// The declarations written at the top level of the TU (as its lexical
  /// declaration list holds them: an out-of-line member definition, not a
  /// template's pattern) that can hold code: function definitions,
  /// initialised variables, and in C++ the namespaces, linkage
  /// specifications, classes and templates around them. In the finder's
  /// order, which is the TU's. Complete in onEndOfTranslationUnit.
  llvm::ArrayRef<clang::Decl *> decls() const { return Decls; }

protected:
  std::vector<clang::Decl *> Decls;
};

} // namespace coop

#endif // COOP_CHECKER_UTILS_TOPLEVELDECLS_H
