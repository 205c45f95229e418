#include "Unevaluated.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace coop {

bool isUnevaluatedOperand(const Expr &E) {
  const Expr *Ref = &E;
  if (const auto *Call = dyn_cast<CallExpr>(Ref))
    Ref = Call->getCallee();
  Ref = Ref->IgnoreParenImpCasts();
  // `&f`, `*pf`: the reference underneath.
  while (const auto *Unary = dyn_cast<UnaryOperator>(Ref))
    Ref = Unary->getSubExpr()->IgnoreParenImpCasts();
  if (const auto *DeclRef = dyn_cast<DeclRefExpr>(Ref))
    return DeclRef->isNonOdrUse() == NOUR_Unevaluated;
  if (const auto *Member = dyn_cast<MemberExpr>(Ref))
    return Member->isNonOdrUse() == NOUR_Unevaluated;
  return false;
}

bool hasUnevaluatedOperand(const Stmt &S) {
  if (const auto *Trait = dyn_cast<UnaryExprOrTypeTraitExpr>(&S))
    return !Trait->getTypeOfArgument()->isVariablyModifiedType();
  if (isa<CXXNoexceptExpr>(S))
    return true;
  if (const auto *TypeId = dyn_cast<CXXTypeidExpr>(&S))
    return !TypeId->isPotentiallyEvaluated();
  return false;
}

} // namespace coop
