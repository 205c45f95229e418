#include "StopTokens.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/Stmt.h"

using namespace clang;

namespace coop {

StopTokenKind stopTokenKind(QualType T) {
  if (T.isNull())
    return StopTokenKind::None;
  T = T.getNonReferenceType().getUnqualifiedType().getCanonicalType();
  if (const auto *Record = T->getAsRecordDecl()) {
    const IdentifierInfo *Name = Record->getIdentifier();
    if (!Name)
      return StopTokenKind::None;
    const DeclContext *Parent = Record->getDeclContext();
    while (Parent && Parent->isInlineNamespace())
      Parent = Parent->getParent();
    const auto *NS = dyn_cast_or_null<NamespaceDecl>(Parent);
    // Both namespaces must sit directly in the global one (std::__1 and
    // similar inline namespaces are skipped above).
    bool TopLevel = NS && NS->getParent()->getRedeclContext()->isTranslationUnit();
    if (Name->isStr("stop_token") && TopLevel && NS->getName() == "std")
      return StopTokenKind::Std;
    if (Name->isStr("stop_token") && TopLevel && NS->getName() == "coop")
      return StopTokenKind::Coop;
    if (Name->isStr("coop_stop_token") &&
        Record->getDeclContext()->getRedeclContext()->isTranslationUnit())
      return StopTokenKind::CoopC;
  }
  return StopTokenKind::None;
}

/// Walks up from Use to Body and returns the nearest token variable declared
/// in a compound statement before the statement that contains Use.
static const VarDecl *findLocalToken(const Stmt &Body, const Stmt &Use,
                                     ASTContext &Ctx) {
  const Stmt *Child = &Use;
  DynTypedNodeList Parents = Ctx.getParents(*Child);
  while (!Parents.empty()) {
    const Stmt *Parent = Parents[0].get<Stmt>();
    if (!Parent)
      return nullptr;
    if (const auto *Block = dyn_cast<CompoundStmt>(Parent)) {
      for (const Stmt *S : Block->body()) {
        if (S == Child)
          break;
        if (const auto *Decls = dyn_cast<DeclStmt>(S))
          for (const Decl *D : Decls->decls())
            if (const auto *Var = dyn_cast<VarDecl>(D))
              if (isStopTokenType(Var->getType()))
                return Var;
      }
    }
    if (Parent == &Body)
      return nullptr;
    Child = Parent;
    Parents = Ctx.getParents(*Child);
  }
  return nullptr;
}

const VarDecl *findStopTokenInScope(const FunctionDecl &Fn, const Stmt &Use,
                                    ASTContext &Ctx) {
  if (const Stmt *Body = Fn.getBody())
    if (const VarDecl *Local = findLocalToken(*Body, Use, Ctx))
      return Local;
  for (const ParmVarDecl *Param : Fn.parameters())
    if (isStopTokenType(Param->getType()) && Param->getIdentifier())
      return Param;
  return nullptr;
}

} // namespace coop
