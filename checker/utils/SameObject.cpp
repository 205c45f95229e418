#include "SameObject.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace coop {

const Expr *designatedObject(const Expr *E) {
  while (E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *Unary = dyn_cast<UnaryOperator>(E);
        Unary && (Unary->getOpcode() == UO_AddrOf ||
                  Unary->getOpcode() == UO_Deref)) {
      E = Unary->getSubExpr();
      continue;
    }
    return E;
  }
  return nullptr;
}

bool isSameObject(const Expr *A, const Expr *B, const ASTContext &Ctx) {
  A = designatedObject(A);
  B = designatedObject(B);
  if (!A || !B)
    return false;
  if (const auto *RefA = dyn_cast<DeclRefExpr>(A)) {
    const auto *RefB = dyn_cast<DeclRefExpr>(B);
    return RefB && isa<VarDecl>(RefA->getDecl()) &&
           RefA->getDecl()->getCanonicalDecl() ==
               RefB->getDecl()->getCanonicalDecl();
  }
  if (const auto *MemberA = dyn_cast<MemberExpr>(A)) {
    const auto *MemberB = dyn_cast<MemberExpr>(B);
    if (!MemberB || MemberA->getMemberDecl()->getCanonicalDecl() !=
                        MemberB->getMemberDecl()->getCanonicalDecl())
      return false;
    const Expr *BaseA = MemberA->getBase()->IgnoreParenImpCasts();
    const Expr *BaseB = MemberB->getBase()->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(BaseA) || isa<CXXThisExpr>(BaseB))
      return isa<CXXThisExpr>(BaseA) && isa<CXXThisExpr>(BaseB);
    return isSameObject(BaseA, BaseB, Ctx);
  }
  if (const auto *ElementA = dyn_cast<ArraySubscriptExpr>(A)) {
    const auto *ElementB = dyn_cast<ArraySubscriptExpr>(B);
    if (!ElementB || !isSameObject(ElementA->getBase(), ElementB->getBase(), Ctx))
      return false;
    const Expr *IndexA = ElementA->getIdx();
    const Expr *IndexB = ElementB->getIdx();
    if (IndexA->isValueDependent() || IndexB->isValueDependent())
      return false;
    Expr::EvalResult ValueA, ValueB;
    return IndexA->EvaluateAsInt(ValueA, Ctx) &&
           IndexB->EvaluateAsInt(ValueB, Ctx) &&
           llvm::APSInt::isSameValue(ValueA.Val.getInt(), ValueB.Val.getInt());
  }
  return false;
}

bool mentionsObject(const Stmt *S, const Expr *Object, const ASTContext &Ctx) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S))
    if (isSameObject(E, Object, Ctx))
      return true;
  // A lambda's body is not among its children.
  if (const auto *Lambda = dyn_cast<LambdaExpr>(S))
    if (mentionsObject(Lambda->getBody(), Object, Ctx))
      return true;
  for (const Stmt *Child : S->children())
    if (mentionsObject(Child, Object, Ctx))
      return true;
  return false;
}

} // namespace coop
