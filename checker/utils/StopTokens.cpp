#include "StopTokens.h"
#include "Names.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallPtrSet.h"

using namespace clang;

namespace coop {

static const RecordDecl *recordOf(QualType T) {
  if (T.isNull())
    return nullptr;
  T = T.getNonReferenceType().getUnqualifiedType().getCanonicalType();
  return T->getAsRecordDecl();
}

StopTokenKind stopTokenKind(QualType T) {
  const RecordDecl *Record = recordOf(T);
  if (!Record || !Record->getIdentifier())
    return StopTokenKind::None;
  const IdentifierInfo *Name = Record->getIdentifier();
  if (Name->isStr("stop_token") && isInTopLevelNamespace(Record, "std"))
    return StopTokenKind::Std;
  if (Name->isStr("stop_token") && isInTopLevelNamespace(Record, "coop"))
    return StopTokenKind::Coop;
  if (Name->isStr("coop_stop_token") &&
      Record->getDeclContext()->getRedeclContext()->isTranslationUnit())
    return StopTokenKind::CoopC;
  return StopTokenKind::None;
}

bool isStopCallbackType(QualType T) {
  const RecordDecl *Record = recordOf(T);
  return Record && Record->getIdentifier() &&
         Record->getIdentifier()->isStr("stop_callback") &&
         (isInTopLevelNamespace(Record, "std") ||
          isInTopLevelNamespace(Record, "coop"));
}

static bool accepts(llvm::function_ref<bool(StopTokenKind)> Accept,
                    QualType T) {
  StopTokenKind Kind = stopTokenKind(T);
  return Kind != StopTokenKind::None && (!Accept || Accept(Kind));
}

/// Walks up from Use to Body and returns the nearest token variable declared
/// in a compound statement before the statement that contains Use.
static const VarDecl *
findLocalToken(const Stmt &Body, const Stmt &Use, ASTContext &Ctx,
               llvm::function_ref<bool(StopTokenKind)> Accept) {
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
              if (accepts(Accept, Var->getType()))
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

/// The lambda expression whose call operator is Fn, found by walking up
/// from Use (a statement in its body). The parent map may lead from the body
/// through the call operator and the closure class rather than straight to
/// the lambda expression, so every kind of parent is followed.
static const LambdaExpr *enclosingLambda(const FunctionDecl &Fn,
                                         const Stmt &Use, ASTContext &Ctx) {
  llvm::SmallVector<DynTypedNode, 8> Work{DynTypedNode::create(Use)};
  llvm::SmallPtrSet<const void *, 32> Seen;
  while (!Work.empty()) {
    DynTypedNode Node = Work.pop_back_val();
    if (const auto *Lambda = Node.get<LambdaExpr>())
      if (Lambda->getCallOperator() == &Fn)
        return Lambda;
    for (const DynTypedNode &Parent : Ctx.getParents(Node))
      if (Seen.insert(Parent.getMemoizationData()).second)
        Work.push_back(Parent);
  }
  return nullptr;
}

/// True if code in Lambda's body can name Var of the enclosing function
/// without a new by-reference capture.
static bool lambdaCanUse(const LambdaExpr &Lambda, const VarDecl &Var) {
  for (const LambdaCapture &Capture : Lambda.explicit_captures())
    if (Capture.capturesVariable() &&
        Capture.getCapturedVar()->getCanonicalDecl() == Var.getCanonicalDecl())
      return true;
  return Lambda.getCaptureDefault() == LCD_ByCopy;
}

static const VarDecl *
findInFunction(const FunctionDecl &Fn, const Stmt &Use, ASTContext &Ctx,
               llvm::function_ref<bool(StopTokenKind)> Accept,
               unsigned Depth) {
  if (const Stmt *Body = Fn.getBody())
    if (const VarDecl *Local = findLocalToken(*Body, Use, Ctx, Accept))
      return Local;
  for (const ParmVarDecl *Param : Fn.parameters())
    if (accepts(Accept, Param->getType()) && Param->getIdentifier())
      return Param;

  // A lambda written inside another function: look there, from the lambda.
  const auto *Method = dyn_cast<CXXMethodDecl>(&Fn);
  if (!Method || !Method->getParent()->isLambda() || Depth > 8)
    return nullptr;
  const LambdaExpr *Lambda = enclosingLambda(Fn, Use, Ctx);
  const auto *Outer = Lambda ? dyn_cast<FunctionDecl>(
                                   Method->getParent()->getDeclContext())
                             : nullptr;
  if (!Outer)
    return nullptr;
  const VarDecl *Token = findInFunction(*Outer, *Lambda, Ctx, Accept, Depth + 1);
  return Token && lambdaCanUse(*Lambda, *Token) ? Token : nullptr;
}

const VarDecl *
findStopTokenInScope(const FunctionDecl &Fn, const Stmt &Use, ASTContext &Ctx,
                     llvm::function_ref<bool(StopTokenKind)> Accept) {
  return findInFunction(Fn, Use, Ctx, Accept, 0);
}

} // namespace coop
