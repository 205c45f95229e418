#include "StopTokens.h"
#include "Names.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/Stmt.h"

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
findLocalToken(const Stmt &Body, const Stmt &Use, BodyParents &Parents,
               llvm::function_ref<bool(StopTokenKind)> Accept) {
  const Stmt *Child = &Use;
  while (const Stmt *Parent = Parents.parentOf(*Child, Body)) {
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
    Child = Parent;
  }
  return nullptr;
}

/// The lambda expression whose call operator is Fn, found by walking up
/// from Use (a statement in its body) within Outer, the function the lambda
/// is written in.
static const LambdaExpr *enclosingLambda(const FunctionDecl &Fn,
                                         const FunctionDecl &Outer,
                                         const Stmt &Use, BodyParents &Parents) {
  for (const Stmt *S = &Use; S; S = Parents.parentOf(*S, &Outer))
    if (const auto *Lambda = dyn_cast<LambdaExpr>(S))
      if (Lambda->getCallOperator() == &Fn)
        return Lambda;
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
findInFunction(const FunctionDecl &Fn, const Stmt &Use, BodyParents &Parents,
               llvm::function_ref<bool(StopTokenKind)> Accept,
               unsigned Depth) {
  if (const Stmt *Body = Fn.getBody())
    if (const VarDecl *Local = findLocalToken(*Body, Use, Parents, Accept))
      return Local;
  for (const ParmVarDecl *Param : Fn.parameters())
    if (accepts(Accept, Param->getType()) && Param->getIdentifier())
      return Param;

  // A lambda written inside another function: look there, from the lambda.
  const auto *Method = dyn_cast<CXXMethodDecl>(&Fn);
  if (!Method || !Method->getParent()->isLambda() || Depth > 8)
    return nullptr;
  const auto *Outer =
      dyn_cast<FunctionDecl>(Method->getParent()->getDeclContext());
  const LambdaExpr *Lambda =
      Outer ? enclosingLambda(Fn, *Outer, Use, Parents) : nullptr;
  if (!Lambda)
    return nullptr;
  const VarDecl *Token =
      findInFunction(*Outer, *Lambda, Parents, Accept, Depth + 1);
  return Token && lambdaCanUse(*Lambda, *Token) ? Token : nullptr;
}

const VarDecl *
findStopTokenInScope(const FunctionDecl &Fn, const Stmt &Use,
                     BodyParents &Parents,
                     llvm::function_ref<bool(StopTokenKind)> Accept) {
  return findInFunction(Fn, Use, Parents, Accept, 0);
}

} // namespace coop
