#include "ConstantValue.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"

using namespace clang;

namespace coop {

/// The initializer of the variable E names, if that variable only ever holds
/// its initializer.
static const Expr *onlyInitializer(const Expr *E, ASTContext &Ctx,
                                   const Stmt *EnclosingBody) {
  const auto *Ref = dyn_cast<DeclRefExpr>(E);
  if (!Ref)
    return nullptr;
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  if (!Var || !Var->getInit() || isa<ParmVarDecl>(Var))
    return nullptr;
  if (Var->getType().isConstQualified())
    return Var->getInit();
  if (Var->isLocalVarDecl() && !Var->isStaticLocal() && EnclosingBody &&
      !ExprMutationAnalyzer(*EnclosingBody, Ctx).isMutated(Var))
    return Var->getInit();
  return nullptr;
}

std::optional<int64_t> constantIntValue(const Expr *E, ASTContext &Ctx,
                                        const Stmt *EnclosingBody) {
  if (!E)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  if (E->isValueDependent() || E->isTypeDependent() ||
      E->containsErrors())
    return std::nullopt;
  Expr::EvalResult Result;
  if (E->EvaluateAsInt(Result, Ctx))
    return Result.Val.getInt().getSExtValue();
  if (const Expr *Init = onlyInitializer(E, Ctx, EnclosingBody))
    return constantIntValue(Init, Ctx, nullptr);
  return std::nullopt;
}

bool isAlwaysNullPointer(const Expr *E, ASTContext &Ctx,
                         const Stmt *EnclosingBody) {
  if (!E)
    return false;
  E = E->IgnoreParenImpCasts();
  if (E->isValueDependent() || E->isTypeDependent() || E->containsErrors())
    return false;
  if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return true;
  if (const Expr *Init = onlyInitializer(E, Ctx, EnclosingBody))
    return isAlwaysNullPointer(Init, Ctx, nullptr);
  return false;
}

} // namespace coop
