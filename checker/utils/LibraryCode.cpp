//===--- LibraryCode.cpp - what whole-TU walks may skip -------------------===//
#include "LibraryCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace coop {

bool isInSystemHeader(const SourceManager &SM, SourceLocation Loc) {
  return Loc.isValid() && SM.isInSystemHeader(SM.getExpansionLoc(Loc));
}

bool isInSystemHeader(const Decl &D) {
  return isInSystemHeader(D.getASTContext().getSourceManager(),
                          D.getLocation());
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
