//===--- TopLevelDecls.cpp - the TU's own declarations, from the finder ---===//
#include "TopLevelDecls.h"
#include "clang/ASTMatchers/ASTMatchers.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace coop {

namespace {
constexpr llvm::StringLiteral TopLevelId = "coop-top-level-decl";

/// In the TU's own list of declarations. The lexical context alone is not
/// enough: a function template's pattern has the TU as its lexical context
/// too, but it is traversed through the template, not listed.
AST_MATCHER(Decl, isListedAtTopLevel) {
  const DeclContext *Lexical = Node.getLexicalDeclContext();
  return Lexical && isa<TranslationUnitDecl>(Lexical) &&
         Lexical->containsDecl(const_cast<Decl *>(&Node));
}
} // namespace

void TopLevelDecls::registerMatchers(MatchFinder *Finder,
                                     MatchFinder::MatchCallback *Check) {
  Finder->addMatcher(decl(isListedAtTopLevel()).bind(TopLevelId), Check);
}

bool TopLevelDecls::collect(const MatchFinder::MatchResult &Result) {
  const auto *D = Result.Nodes.getNodeAs<Decl>(TopLevelId);
  if (!D)
    return false;
  Context = Result.Context;
  Decls.push_back(const_cast<Decl *>(D));
  return true;
}

void TopLevelDecls::clear() {
  Context = nullptr;
  Decls.clear();
}

} // namespace coop
