//===--- LibraryCode.cpp - what whole-TU walks may skip -------------------===//
#include "LibraryCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace coop {

bool isInSystemHeader(const Decl &D) {
  const SourceManager &SM = D.getASTContext().getSourceManager();
  SourceLocation Loc = D.getLocation();
  return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
}

bool isLibraryInternal(const Decl &D) {
  if (isa<TranslationUnitDecl>(D))
    return false;
  const auto *FD = dyn_cast<FunctionDecl>(&D);
  if (!D.getDeclContext()->isFileContext() &&
      !(FD && FD->doesThisDeclarationHaveABody()))
    return false;
  return isInSystemHeader(D);
}

} // namespace coop
