//===--- TopLevelDecls.cpp - the TU's own code, where the walks start -----===//
#include "TopLevelDecls.h"
#include "LibraryCode.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace coop {

/// Able to hold code. Prototypes, uninitialised variables and forward
/// declarations hold nothing to walk; typedefs, enums and the like neither.
static bool holdsCode(const Decl &D) {
  if (const auto *Function = dyn_cast<FunctionDecl>(&D))
    return Function->doesThisDeclarationHaveABody();
  if (const auto *Var = dyn_cast<VarDecl>(&D))
    return Var->hasInit();
  if (const auto *Record = dyn_cast<CXXRecordDecl>(&D))
    return Record->isThisDeclarationADefinition();
  return isa<NamespaceDecl, LinkageSpecDecl, ExportDecl, ClassTemplateDecl,
             FunctionTemplateDecl, VarTemplateDecl>(D);
}

std::vector<Decl *> topLevelCode(ASTContext &Ctx) {
  std::vector<Decl *> Listed;
  auto Consider = [&Listed](Decl *D) {
    // The library's declarations are most of a TU of headers: the cheap
    // kind test first, the location's look-up only for those that pass.
    if (holdsCode(*D) && !isInSystemHeader(*D))
      Listed.push_back(D);
  };
  for (Decl *Scope : Ctx.getTraversalScope()) {
    if (auto *TU = dyn_cast<TranslationUnitDecl>(Scope)) {
      for (Decl *D : TU->decls())
        Consider(D);
    } else if (isa<TranslationUnitDecl>(Scope->getLexicalDeclContext())) {
      Consider(Scope);
    }
  }
  return Listed;
}

} // namespace coop
